// An RSA key for a test App, made once per test process (never a real App's key).
import { generateKeyPairSync } from "node:crypto";

let key: string | undefined;

export function testPrivateKey(): string {
  key ??= generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
  return key;
}
