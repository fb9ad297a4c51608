// One line on what each `.github/lanes.yml` key does, by dotted path (`<role>` stands for any role).
// The reference (docs/lanes-yml.md) and the file `lanes init` writes are generated from the schema
// and these lines; describing a key the schema lacks, or leaving one undescribed, fails the tests.

export interface KeyDoc {
  doc: string;
  /** For an optional key with no default: a value to show, commented out. */
  example?: string;
}

export const KEY_DOCS: Readonly<Record<string, KeyDoc>> = {
  version: { doc: "Format version of this file; only 1 exists." },
  team: { doc: "Which agents run." },
  "team.template": { doc: "Team template; auto picks one from the project type `lanes team plan` detects." },
  "team.plan": { doc: "Claude plan the team is sized for (how many agents run at once)." },
  "team.roles": {
    doc: "Explicit roles, replacing the template's choice (unset: the template decides).",
    example: "[developer, tester]",
  },
  roles: { doc: "Per-role overrides, keyed by role name (e.g. developer, tester)." },
  "roles.<role>.model": { doc: "Claude model for this role (unset: the role's default).", example: "sonnet" },
  "roles.<role>.enabled": { doc: "false drops the role from planned teams unless it is asked for by name." },
  default_role: { doc: "Role for PRPs whose front matter names none." },
  branches: { doc: "Lane branch names." },
  "branches.pattern": {
    doc: "Lane branch name; {role}, {issue} and {slug} are filled in; the lane gate checks it.",
  },
  gates: {
    doc: "The check runs lanes/<gate> on every lane PR; mode required fails the check, optional reports neutral.",
  },
  "gates.prp": { doc: "Success-criteria coverage." },
  "gates.prp.mode": { doc: "required fails the check, optional reports neutral, off skips the gate." },
  "gates.prp.threshold": { doc: "Share of the PRP's success criteria that must have evidence (0 to 1)." },
  "gates.placeholders": {
    doc: "Stubs passed off as work: TODO markers, not-implemented throws, empty bodies, tests without assertions.",
  },
  "gates.placeholders.mode": {
    doc: "required fails the check, optional reports neutral, off skips the gate.",
  },
  "gates.lane": { doc: "Branch naming, changes outside the PRP's paths, overlap with other lanes." },
  "gates.lane.mode": { doc: "required fails the check, optional reports neutral, off skips the gate." },
  "gates.lane.max_foreign_files": { doc: "Files outside the PRP's paths tolerated (reported as warnings)." },
  "gates.commits": { doc: "Commit message quality and commit cadence." },
  "gates.commits.mode": { doc: "required fails the check, optional reports neutral, off skips the gate." },
  "gates.commits.max_subject_length": { doc: "Longest commit subject line allowed." },
  "gates.validation": { doc: "The PRP's validation commands pass in the lane's worktree." },
  "gates.validation.mode": { doc: "required fails the check, optional reports neutral, off skips the gate." },
  "gates.validation.timeout_minutes": { doc: "Time limit for all validation commands together." },
  "gates.integration": { doc: "Dependencies are merged and the lane merges cleanly onto the base." },
  "gates.integration.mode": {
    doc: "required fails the check, optional reports neutral, off skips the gate.",
  },
  integration: { doc: "How `lanes integrate` combines finished lanes." },
  "integration.order": { doc: "Role order lanes are merged in (infrastructure first, docs last)." },
  "integration.validation": { doc: "Commands run on the integration branch before its PR is opened." },
  retry: { doc: "Agent restarts." },
  "retry.attempts": { doc: "Times a stack restarts a lane's agent before giving up on it (1 to 10)." },
  organisation_context: {
    doc: "Text added to every agent's CLAUDE.md (house rules, conventions); at most 20,000 characters.",
  },
  worktree_root: {
    doc: "Where lane worktrees are created, relative to the repository unless absolute (LANES_WORKTREE_ROOT overrides); never a filesystem root or more than one level above the repository.",
  },
  commit_cadence_minutes: {
    doc: "An agent silent this long is nudged, then its work is committed as WIP; the commits gate checks it.",
  },
  "roles.<role>.permissions": {
    doc: "What this role's agents may do without asking, on top of permissions and Lanes' defaults.",
    example: "",
  },
  "roles.<role>.permissions.allow": { doc: "Claude Code permission rules this role may use without asking." },
  "roles.<role>.permissions.deny": {
    doc: "Claude Code permission rules this role may never use; a deny wins over any allow.",
  },
  permissions: {
    doc: "What every role's agents may do without asking, on top of Lanes' defaults (Claude Code rule syntax).",
  },
  "permissions.allow": { doc: "Rules agents may use without asking, e.g. Bash(make lint)." },
  "permissions.deny": {
    doc: "Rules agents may never use, e.g. Read(//srv/secrets/**); a deny wins over any allow.",
  },
  runner: { doc: "The runner host." },
  "runner.sandboxed": {
    doc: "true: the host is a disposable sandbox and agents run with bypassPermissions (no rule applies).",
  },
  prices: {
    doc: "USD per million tokens per model, matched by the longest key the model id contains; extends Lanes' table.",
  },
  budgets: { doc: "Token or cost caps; a lane over a cap is paused with the reason." },
  "budgets.lane": { doc: "Caps per lane (one PRP's agent, across restarts)." },
  "budgets.lane.tokens": {
    doc: "Tokens per lane: input, output, cache read and write together.",
    example: "5000000",
  },
  "budgets.lane.cost_usd": { doc: "USD per lane.", example: "20" },
  "budgets.day": { doc: "Caps per UTC day, all lanes of the stack together; resumes after midnight." },
  "budgets.day.tokens": { doc: "Tokens per UTC day.", example: "50000000" },
  "budgets.day.cost_usd": { doc: "USD per UTC day.", example: "50" },
  sla: {
    doc: "Service levels per priority (P0 critical … P3 low), measured from when the PRP is queued; a breach flags the PRP and raises an alert.",
  },
  "sla.P0": { doc: "SLA of critical PRPs." },
  "sla.P0.claim": { doc: "Longest time from queued to claimed by an agent: m, h or d (e.g. 15m, 4h, 1d)." },
  "sla.P0.pr": { doc: "Longest time from queued to an open pull request: m, h or d." },
  "sla.P1": { doc: "SLA of high PRPs." },
  "sla.P1.claim": { doc: "Longest time from queued to claimed by an agent: m, h or d (e.g. 15m, 4h, 1d)." },
  "sla.P1.pr": { doc: "Longest time from queued to an open pull request: m, h or d." },
  "sla.P2": { doc: "SLA of medium PRPs." },
  "sla.P2.claim": { doc: "Longest time from queued to claimed by an agent: m, h or d (e.g. 15m, 4h, 1d)." },
  "sla.P2.pr": { doc: "Longest time from queued to an open pull request: m, h or d." },
  "sla.P3": { doc: "SLA of low PRPs." },
  "sla.P3.claim": { doc: "Longest time from queued to claimed by an agent: m, h or d (e.g. 15m, 4h, 1d)." },
  "sla.P3.pr": { doc: "Longest time from queued to an open pull request: m, h or d." },
  owners: {
    doc: "Path glob (CODEOWNERS syntax) → @user or @org/team; replaces CODEOWNERS. Owners are asked to review PRs touching their paths and are required reviewers of integration PRs.",
  },
  alerts: {
    doc: "Where alerts go: needs-human, long waits, SLA breaches, long pauses, failed integrations and deploys, silent hosts.",
  },
  "alerts.webhooks": {
    doc: "Outgoing webhooks receiving each alert as Slack-compatible JSON, signed (X-Lanes-Signature-256: sha256=HMAC of the body).",
  },
  "alerts.webhooks[].url": {
    doc: "The receiver's http(s) URL.",
    example: "https://hooks.slack.com/services/T000/B000/XXXX",
  },
  "alerts.webhooks[].secret_env": {
    doc: "Name of the environment variable holding the signing secret (never the secret itself).",
    example: "LANES_ALERT_SECRET",
  },
  "alerts.mention_owners": {
    doc: "Mention the PRP's owners in one comment on its issue when it raises an alert.",
  },
  "alerts.waiting_minutes": { doc: "An agent's question unanswered this long raises an alert." },
  "alerts.paused_minutes": { doc: "A usage-limit pause longer than this raises an alert." },
  "alerts.host_silent_minutes": {
    doc: "A runner host with lanes on it that has not heartbeaten this long raises one alert, and a notice when it is back.",
  },
  standup: { doc: "The daily standup comment (also `lanes standup`)." },
  "standup.time": { doc: "Time of day it is posted, HH:MM in standup.zone." },
  "standup.zone": { doc: "IANA time zone of standup.time, e.g. Europe/Berlin." },
  "standup.issue": { doc: "Title of the pinned issue the standup is posted on (created when missing)." },
  deploy: { doc: "Deploy after integration: a workflow dispatched when an integration PR is merged." },
  "deploy.workflow": {
    doc: "Workflow file dispatched on the merged integration PR's base branch; unset: no deploy.",
    example: "deploy.yml",
  },
  "deploy.inputs": { doc: "Inputs of the workflow_dispatch (names to strings)." },
  commands: { doc: "`/lanes` comment commands on issues and pull requests." },
  "commands.maintain": {
    doc: "Commands only maintainers and admins may run; every other command needs write access.",
  },
  "commands.refusal": {
    doc: "reply: one polite reply to someone without the access a command needs; silent: only the 😕 reaction.",
  },
  "prices.<model>.input": { doc: "USD per million input tokens.", example: "3" },
  "prices.<model>.output": { doc: "USD per million output tokens.", example: "15" },
  "prices.<model>.cache_read": { doc: "USD per million cache-read tokens.", example: "0.3" },
  "prices.<model>.cache_write": { doc: "USD per million cache-write tokens.", example: "3.75" },
};
