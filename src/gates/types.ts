// What every gate reads and returns. The input types are narrow structural views, so the full PRP model
// (src/prp) and config (src/config) satisfy them without gates depending on their every field.
import * as z from "zod";
import type { GateMode } from "../config/index.js";
import type { Annotation } from "../github/github-port.js";
import type { Prp } from "../prp/schema.js";
import type { Acceptance } from "./criterion-evidence.js";
import type { CommandResult } from "./run-commands.js";
import type { ReportFile } from "./test-report.js";

export type { Annotation };

export const GATE_NAMES = ["prp", "placeholders", "lane", "commits", "validation", "integration"] as const;
export const GateNameSchema = z.enum(GATE_NAMES);
export type GateName = z.infer<typeof GateNameSchema>;

export type { GateMode };

/** The parts of src/prp's Prp the gates read (a parsed PRP is one), plus its issue number when known. */
export type GatePrp = Pick<Prp, "title" | "criteria"> &
  Partial<Pick<Prp, "role" | "dependsOn" | "paths" | "validation">> & {
    /** Issue number (or backlog id) of the PRP, when known. */
    id?: string | undefined;
  };

/** Why the PRP gates cannot judge a lane: no PRP is linked (neutral), or the linked one does not parse (lanes/prp fails). */
export interface PrpProblem {
  kind: "missing" | "invalid";
  title: string;
  summary: string;
}

/**
 * The gate settings of `.github/lanes.yml`, flattened for the gates. Built only by `gateConfigFrom`
 * (gate-config.ts), so every default is the config schema's (src/config/schema.ts) and written once.
 */
export interface GateConfig {
  modes: Record<GateName, GateMode>;
  /** Share of success criteria that need evidence for lanes/prp to pass. */
  prpCoverage: number;
  subjectMaxLength: number;
  /** Largest gap between consecutive commits before lanes/commits warns. */
  commitCadenceMinutes: number;
  /** Per validation command. */
  validationTimeoutMinutes: number;
  /** Lane branch names, with {role}, {issue} and {slug} placeholders. */
  branchPattern: string;
  /** Files outside the PRP's paths tolerated before lanes/lane fails (they are still reported). */
  maxForeignFiles: number;
}

export interface AddedLine {
  /** 1-based line number in the head version of the file. */
  line: number;
  text: string;
}

export type ChangeStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "type-changed";

export interface ChangedFile {
  path: string;
  oldPath?: string | undefined;
  status: ChangeStatus;
  /** The file's `-U0` patch (empty for binary files). */
  patch: string;
  added: AddedLine[];
}

export interface GateCommit {
  sha: string;
  subject: string;
  body: string;
  /** ISO 8601. */
  authoredAt: string;
}

export interface MergeCheck {
  clean: boolean;
  conflicts: string[];
  /** The lane shares no history with the base. */
  unrelated?: boolean;
}

export interface GateInput {
  prp: GatePrp;
  /** Set when the PRP could not be found or parsed; lanes/prp and lanes/validation then report it. */
  prpProblem?: PrpProblem | undefined;
  /** Why the PRP's validation commands are not run here (see pr-facts); lanes/validation says so. */
  validationWithheld?: string | undefined;
  config: GateConfig;
  changes: ChangedFile[];
  commits: GateCommit[];
  /** The head version of a file, or undefined when it does not exist there. */
  readFile(path: string): Promise<string | undefined>;
  base: string;
  head: string;
  branch: string;
  /** Lanes this one is stacked on (their commits are in it but are not its own changes). */
  stackedOn?: readonly string[] | undefined;
  /** Other active lanes and the files they change. */
  otherLanes?: { branch: string; files: readonly string[] }[] | undefined;
  /** The pull request body, where the lane names the test proving each criterion (lanes/prp). */
  prBody?: string | undefined;
  /** Criteria a person with write access accepted explicitly (`/lanes accept <n>` on the PR). */
  acceptances?: readonly Acceptance[] | undefined;
  /** PRP ids whose lanes are merged. */
  mergedPrpIds?: ReadonlySet<string> | undefined;
  /** Result of merging head onto base (merge-tree), when computed. */
  merge?: MergeCheck | undefined;
  /** Runs commands in the lane's worktree, for lanes/validation; collect-input binds it to the checkout. */
  runCommands?: ((commands: readonly string[], timeoutMs: number) => Promise<CommandResult[]>) | undefined;
  /** The JUnit XML reports the commands left in the worktree, read after a run (lanes/prp reads test results). */
  readTestReports?: (() => Promise<ReportFile[]>) | undefined;
}

/** Annotations are the GitHub port's own type, so results publish without translation. */
export type AnnotationLevel = Annotation["level"];

export type Conclusion = "success" | "failure" | "neutral";

export interface GateResult {
  conclusion: Conclusion;
  title: string;
  summary: string;
  annotations: Annotation[];
}

export interface Gate {
  name: GateName;
  description: string;
  run(input: GateInput): Promise<GateResult>;
}
