import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeConfig, isExampleKey } from "../../src/config/describe-config.js";
import { KEY_DOCS } from "../../src/config/key-docs.js";
import { renderConfigReference } from "../../src/config/render-config-reference.js";
import { renderConfigTemplate } from "../../src/config/render-config-template.js";
import { defaultConfig, loadConfig, LanesConfigSchema } from "../../src/config/index.js";

describe("the lanes.yml reference", () => {
  it("docs/lanes-yml.md is what the schema generates (run `npm run gen:config-reference` when this fails)", () => {
    expect(readFileSync("docs/lanes-yml.md", "utf8")).toBe(renderConfigReference());
  });

  it("describes every key of the schema and no key the schema lacks", () => {
    const paths = describeConfig(LanesConfigSchema).map((key) => key.path);
    expect(Object.keys(KEY_DOCS).sort()).toEqual([...paths].sort());
  });

  it("lists each key with its type and default", () => {
    expect(renderConfigReference()).toContain(
      "| `gates.prp.threshold` | number | `0.8` | Share of the PRP's success criteria that must have evidence (0 to 1). |",
    );
  });
});

describe("the lanes.yml template lanes init writes", () => {
  it("is every key at its default, and loads back as the default config", () => {
    const text = renderConfigTemplate();
    expect(loadConfig(text)).toEqual(defaultConfig());
    for (const key of describeConfig(LanesConfigSchema).filter(
      (k) => !/<[a-z]+>/.test(k.path) && !isExampleKey(k.path),
    ))
      expect(text, key.path).toMatch(new RegExp(`^\\s*(# )?${key.path.split(".").at(-1) ?? ""}:`, "m"));
  });

  it("takes detected values in place of defaults", () => {
    const config = loadConfig(renderConfigTemplate({ "integration.validation": ["npm ci", "npm test"] }));
    expect(config.integration.validation).toEqual(["npm ci", "npm test"]);
  });
});
