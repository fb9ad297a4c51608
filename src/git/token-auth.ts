// Git over HTTPS with a GitHub token, given to one git process only: the token rides in that process's
// environment as an extra Authorization header for the remote's URL (as actions/checkout does), never in
// a git config file, a remote URL or a command line, so nothing in a worktree or a pane can read it.

/** Environment for one git command that talks to `url` with `token`; `env` unchanged for ssh or path remotes. */
export function withTokenAuth(env: NodeJS.ProcessEnv, url: string, token: string): NodeJS.ProcessEnv {
  if (!/^https?:\/\//i.test(url)) return env;
  const basic = Buffer.from(`x-access-token:${token}`, "utf8").toString("base64");
  const count = Number.parseInt(env.GIT_CONFIG_COUNT ?? "0", 10) || 0;
  const key = `http.${url}.extraheader`;
  return {
    ...env,
    GIT_CONFIG_COUNT: String(count + 2),
    // an empty value first clears headers configured for this URL elsewhere (a checkout's job token)
    [`GIT_CONFIG_KEY_${count}`]: key,
    [`GIT_CONFIG_VALUE_${count}`]: "",
    [`GIT_CONFIG_KEY_${count + 1}`]: key,
    [`GIT_CONFIG_VALUE_${count + 1}`]: `AUTHORIZATION: basic ${basic}`,
  };
}
