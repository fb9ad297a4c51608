// Reads a PRP fixture from test/fixtures/prp/.
import { readFileSync, readdirSync } from "node:fs";

const DIR = new URL("../fixtures/prp/", import.meta.url);

export const fixture = (name: string): string => readFileSync(new URL(name, DIR), "utf8");
export const fixtureNames = (): string[] =>
  readdirSync(DIR)
    .filter((n) => n.endsWith(".md"))
    .sort();
