// Which tests passed and failed in a validation run, read from the test runner's machine report where it
// gives one — TAP (node --test, prove), go test -json, vitest/jest JSON on stdout, JUnit XML files (pytest
// --junitxml, surefire, vitest/jest junit reporters) — and, for a test no report names, the plain output of
// the commands (a name in the output of a passing command counts as passed, nothing else does). Pure.

export type TestStatus = "passed" | "failed";

export interface TestOutcome {
  status: TestStatus;
  /** Where it was read: "TAP from `node --test`", "JUnit test-results/junit.xml", … */
  source: string;
}

export interface RunOutput {
  command: string;
  passed: boolean;
  output: string;
}

export interface ReportFile {
  path: string;
  text: string;
}

/** Test outcomes by test name; a name reported failed anywhere stays failed. */
export class TestOutcomes {
  private readonly byName = new Map<string, TestOutcome>();
  private readonly outputs: RunOutput[] = [];

  add(name: string, outcome: TestOutcome): void {
    const key = name.trim();
    if (key.length === 0) return;
    if (this.byName.get(key)?.status === "failed") return;
    this.byName.set(key, outcome);
  }

  addOutput(run: RunOutput): void {
    this.outputs.push(run);
  }

  /** The test's outcome: from a report, else from the output of the commands that mention it. */
  find(name: string): TestOutcome | undefined {
    const reported = this.byName.get(name.trim());
    if (reported) return reported;
    for (const [key, outcome] of this.byName) if (key.endsWith(` ${name.trim()}`)) return outcome;
    const mentioned = this.outputs.filter((o) => o.output.includes(name));
    if (mentioned.length === 0) return undefined;
    const failing = mentioned.find((o) => !o.passed);
    return failing
      ? { status: "failed", source: `output of \`${failing.command}\`, which failed` }
      : { status: "passed", source: `output of \`${(mentioned[0] as RunOutput).command}\`, which passed` };
  }
}

/** TAP lines `ok 3 - name` / `not ok 3 - name # …` (subtests indented); a `# SKIP`/`# TODO` is no pass. */
function readTap(run: RunOutput, into: TestOutcomes): void {
  for (const match of run.output.matchAll(
    /^\s*(not ok|ok)\s+\d+\s*(?:-\s*)?(.*?)\s*(#\s*(?:SKIP|TODO)\b.*)?$/gim,
  )) {
    if (match[3]) continue;
    const status = (match[1] as string).toLowerCase() === "ok" ? "passed" : "failed";
    into.add(match[2] as string, { status, source: `TAP from \`${run.command}\`` });
  }
}

/** `go test -json` events: {"Action":"pass","Test":"TestName"}. */
function readGoJson(run: RunOutput, into: TestOutcomes): void {
  for (const line of run.output.split("\n")) {
    if (!line.startsWith("{") || !line.includes('"Action"')) continue;
    try {
      const event = JSON.parse(line) as { Action?: string; Test?: string };
      if (event.Test && (event.Action === "pass" || event.Action === "fail"))
        into.add(event.Test, {
          status: event.Action === "pass" ? "passed" : "failed",
          source: `go test -json from \`${run.command}\``,
        });
    } catch {
      // not an event line
    }
  }
}

interface JestJson {
  testResults?: { assertionResults?: { title?: string; fullName?: string; status?: string }[] }[];
}

/** vitest/jest `--reporter=json` / `--json` printed on stdout. */
function readJestJson(run: RunOutput, into: TestOutcomes): void {
  const start = run.output.indexOf('{"');
  if (start === -1 || !run.output.includes('"testResults"')) return;
  let parsed: JestJson;
  try {
    parsed = JSON.parse(run.output.slice(start, run.output.lastIndexOf("}") + 1)) as JestJson;
  } catch {
    return;
  }
  for (const file of parsed.testResults ?? [])
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "passed" && test.status !== "failed") continue;
      const outcome = { status: test.status, source: `JSON report from \`${run.command}\`` } as const;
      if (test.title) into.add(test.title, outcome);
      if (test.fullName && test.fullName !== test.title) into.add(test.fullName, outcome);
    }
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** JUnit XML: `<testcase name="…">` passes unless it holds <failure>, <error> or <skipped>. */
export function readJunit(file: ReportFile, into: TestOutcomes): void {
  for (const match of file.text.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1] as string)?.[1];
    if (name === undefined) continue;
    const body = match[3] ?? "";
    if (/<skipped\b/.test(body)) continue;
    const status = /<(failure|error)\b/.test(body) ? "failed" : "passed";
    into.add(unescapeXml(name), { status, source: `JUnit ${file.path}` });
  }
}

export function testOutcomes(runs: readonly RunOutput[], reports: readonly ReportFile[] = []): TestOutcomes {
  const outcomes = new TestOutcomes();
  for (const report of reports) readJunit(report, outcomes);
  for (const run of runs) {
    readTap(run, outcomes);
    readGoJson(run, outcomes);
    readJestJson(run, outcomes);
    outcomes.addOutput(run);
  }
  return outcomes;
}
