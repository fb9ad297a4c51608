// What a person still has to do after `lanes init`, in order: the parts no command can do for them.

export function initNextSteps(): string[] {
  return [
    "Review the files, then commit and push them (git add .github && git commit -m 'Install Lanes').",
    "Create a GitHub App with the permissions and events in the Lanes repository's app.yml, and install it on this repository.",
    "Add the App's credentials (app id, private key, webhook secret) as secrets where the App runs, and a repository secret LANES_TOKEN: a long-lived token (contents and pull requests write, issues read) for lanes-stack.yml, whose stack outlives the job's own token.",
    "Register a self-hosted runner with the label `lanes` (Settings > Actions > Runners; ./config.sh --labels lanes) with git, tmux, redis-server and a logged-in claude; run `lanes doctor` there.",
    "Optionally require the lanes/* checks in the branch protection of your default branch.",
  ];
}
