// What a person still has to do after `lanes init`, in order: the parts no command can do for them.

export function initNextSteps(): string[] {
  return [
    "Review the files, then commit and push them (git add .github && git commit -m 'Install Lanes').",
    "Create the GitHub App: run `lanes serve` with no App settings and open http://localhost:3000/probot (Probot's setup registers it from Lanes' app.yml and writes its APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env), then install it on this repository.",
    "Add the App's id and private key as repository secrets LANES_APP_ID and LANES_APP_PRIVATE_KEY: lanes-stack.yml's stack acts as the App (its installation tokens outlive the job's own token). Without an App, a secret LANES_TOKEN (a long-lived token: contents and pull requests write, issues read) does instead.",
    "Register a self-hosted runner with the label `lanes` (Settings > Actions > Runners; ./config.sh --labels lanes) with git, tmux, redis-server and a logged-in claude; run `lanes doctor` there.",
    "Optionally require the lanes/* checks in the branch protection of your default branch.",
  ];
}
