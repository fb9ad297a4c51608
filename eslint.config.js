// Lint rules: typescript-eslint's recommended set, plus the house rules of STYLE.md
// (no console output outside the CLI, no focused or skipped tests), and the layers of docs/architecture.md §5.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";
import { layerRule, layerSettings } from "./scripts/lint/layers.js";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
      "no-restricted-properties": [
        "error",
        { object: "it", property: "only" },
        { object: "it", property: "skip" },
        { object: "describe", property: "only" },
        { object: "describe", property: "skip" },
        { object: "test", property: "only" },
        { object: "test", property: "skip" },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { boundaries },
    settings: layerSettings,
    rules: { "boundaries/dependencies": layerRule, "boundaries/no-unknown-files": "error" },
  },
  {
    // CommonJS because eslint-module-utils loads import resolvers with require().
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", exports: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["src/cli/**", "bench/**", "scripts/**"], rules: { "no-console": "off" } },
  {
    // The dashboard's page: plain ES modules that run in the browser.
    files: ["src/dashboard/client/**/*.js"],
    languageOptions: {
      sourceType: "module",
      globals: { document: "readonly", EventSource: "readonly", CSS: "readonly", setInterval: "readonly" },
    },
  },
);
