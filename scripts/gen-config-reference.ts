// Writes docs/lanes-yml.md from the lanes.yml schema: `npm run gen:config-reference` after changing
// src/config/schema.ts or src/config/key-docs.ts (test/config/config-reference.test.ts fails until then).
import { writeFileSync } from "node:fs";
import { renderConfigReference } from "../src/config/render-config-reference.js";

writeFileSync(new URL("../docs/lanes-yml.md", import.meta.url), renderConfigReference());
