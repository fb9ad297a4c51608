import { describe, expect, it } from "vitest";
import { testOutcomes } from "../../src/gates/test-report.js";

const run = (output: string, passed = true) => ({ command: "run tests", passed, output });

describe("testOutcomes", () => {
  it("reads TAP, skipping SKIP and TODO lines", () => {
    const tests = testOutcomes([
      run("TAP version 13\nok 1 - adds one\nnot ok 2 - fails here\nok 3 - later # SKIP\n"),
    ]);
    expect(tests.find("adds one")).toEqual({ status: "passed", source: "TAP from `run tests`" });
    expect(tests.find("fails here")?.status).toBe("failed");
    expect(tests.find("later")).toEqual({ status: "passed", source: "output of `run tests`, which passed" });
  });

  it("reads go test -json events and vitest/jest JSON", () => {
    const go = testOutcomes([
      run(
        '{"Action":"run","Test":"TestLimit"}\n{"Action":"fail","Test":"TestLimit"}\n{"Action":"pass","Test":"TestOk"}\n',
      ),
    ]);
    expect(go.find("TestLimit")?.status).toBe("failed");
    expect(go.find("TestOk")?.status).toBe("passed");
    const jest = testOutcomes([
      run(
        JSON.stringify({
          testResults: [
            { assertionResults: [{ title: "limits", fullName: "api limits", status: "passed" }] },
          ],
        }),
      ),
    ]);
    expect(jest.find("limits")?.source).toBe("JSON report from `run tests`");
  });

  it("reads JUnit XML: a testcase with a failure is failed, one without passed", () => {
    const junit = `<?xml version="1.0"?><testsuites><testsuite name="s"><testcase name="a &amp; b" classname="x"/><testcase name="bad"><failure message="no"/></testcase></testsuite></testsuites>`;
    const tests = testOutcomes([], [{ path: "test-results/junit.xml", text: junit }]);
    expect(tests.find("a & b")).toEqual({ status: "passed", source: "JUnit test-results/junit.xml" });
    expect(tests.find("bad")?.status).toBe("failed");
  });

  it("falls back to the output: a name seen only in a failing command's output is not a pass", () => {
    const tests = testOutcomes([run("✓ counts per token\n", false)]);
    expect(tests.find("counts per token")?.status).toBe("failed");
    expect(tests.find("never mentioned")).toBeUndefined();
  });
});
