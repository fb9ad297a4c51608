// Verifies a GitHub App JWT (RS256, signed with the App's private key) the way GitHub does before
// issuing an installation token: signature, issuer and expiry.
import { createPublicKey, verify } from "node:crypto";

export type JwtCheck = { ok: true } | { ok: false; reason: string };

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function verifyAppJwt(
  token: string,
  publicKeyPem: string,
  appId: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): JwtCheck {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const head = decodePart(header);
  const claims = decodePart(payload);
  if (!head || !claims || signature === "")
    return { ok: false, reason: "'Authorization' header is malformed" };
  if (head.alg !== "RS256") return { ok: false, reason: "A JSON web token could not be decoded" };
  const valid = verify(
    "RSA-SHA256",
    Buffer.from(`${header}.${payload}`),
    createPublicKey(publicKeyPem),
    Buffer.from(signature, "base64url"),
  );
  if (!valid) return { ok: false, reason: "A JSON web token could not be decoded" };
  if (String(claims.iss) !== String(appId))
    return {
      ok: false,
      reason: `'Issuer' claim ('iss') must be an Integer or String that matches the App ID ${appId}`,
    };
  if (typeof claims.exp !== "number" || claims.exp < nowSeconds)
    return { ok: false, reason: "'Expiration time' claim ('exp') is too far in the past" };
  if (typeof claims.iat === "number" && claims.iat > nowSeconds + 60)
    return {
      ok: false,
      reason: "'Issued at' claim ('iat') must be an Integer representing a time in the past",
    };
  return { ok: true };
}
