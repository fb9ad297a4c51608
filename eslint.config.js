// Lint rules: typescript-eslint's recommended set, plus the house rules of STYLE.md
// (no console output outside the CLI, no focused or skipped tests).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
  { files: ["src/cli/**", "bench/**", "scripts/**"], rules: { "no-console": "off" } },
);
