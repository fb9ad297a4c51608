// Whether the GitHub API answers at all (for /healthz): one unauthenticated request to the API root, any HTTP
// answer counts. It reads nothing, so it is not a port operation; callers cache the answer (GitHub limits
// unauthenticated requests to 60 an hour).
export type Probe = { ok: true } | { ok: false; reason: string };

export async function probeGitHub(baseUrl: string, timeoutMs = 3_000): Promise<Probe> {
  try {
    const response = await fetch(baseUrl.replace(/\/+$/, "/"), {
      method: "GET",
      headers: { "user-agent": "lanes", accept: "application/vnd.github+json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 500)
      return { ok: false, reason: `GitHub API at ${baseUrl} answered ${response.status}` };
    return { ok: true };
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    return { ok: false, reason: `GitHub API at ${baseUrl} is unreachable: ${cause}` };
  }
}
