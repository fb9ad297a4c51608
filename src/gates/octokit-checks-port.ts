// ChecksPort over an Octokit client: the check-runs endpoints, nothing else. Stands in until src/github's
// counted port offers the same two calls.
import type { Octokit } from "@octokit/rest";
import type { ChecksPort } from "./checks-port.js";

export function octokitChecksPort(octokit: Octokit): ChecksPort {
  return {
    async createCheckRun(params) {
      const response = await octokit.rest.checks.create({ ...params });
      return { id: response.data.id };
    },
    async updateCheckRun(params) {
      await octokit.rest.checks.update({ ...params });
    },
  };
}
