import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { PlainTextParser } from "eslint-plugin-obsidianmd/dist/lib/plainTextParser.js";
import svelte from "eslint-plugin-svelte";
import tseslint from "typescript-eslint";
import globals from "globals";

const noObsidianInPureCode = {
  "no-restricted-imports": [
    "error",
    {
      paths: [
        { name: "obsidian", message: "src/domain and src/index are pure: no Obsidian here." },
        { name: "svelte", message: "src/domain and src/index are pure: no Svelte here." },
      ],
      patterns: [
        { group: ["svelte/*", "*.svelte"], message: "src/domain and src/index are pure." },
        { group: ["**/obsidian/**", "**/views/**"], message: "src/domain and src/index are pure." },
      ],
    },
  ],
};

/** Files linted for what Obsidian's directory checks, not as code. */
const NOT_CODE = ["package.json", "manifest.json", "LICENSE"];

export default defineConfig([
  globalIgnores([
    "node_modules/",
    "main.js",
    "styles.css",
    "demo-vault/",
    "docs/",
    "coverage/",
    "**/*.json",
    // package.json and manifest.json are checked (below and by the recommended config).
    "!package.json",
    "!manifest.json",
  ]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "scripts/*.mjs", "bench/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: [".svelte"],
      },
    },
  },
  // Svelte's rules come without a file pattern: they are kept off the JSON and text files.
  ...svelte.configs.recommended.map((config) => (config.rules && !config.files ? { ...config, ignores: NOT_CODE } : config)),
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, projectService: true, extraFileExtensions: [".svelte"] },
    },
  },
  {
    // The recommended config gives the Obsidian rules to .ts and .js files only; components are
    // plugin code too.
    files: ["**/*.svelte"],
    plugins: { obsidianmd, "@typescript-eslint": tseslint.plugin },
    rules: { ...obsidianmd.ruleConfigs.recommended, ...obsidianmd.ruleConfigs.recommendedTypeChecked },
  },
  {
    // What Obsidian's plugin directory checks: the manifest's keys and words, the licence's
    // copyright line. Both rules are in the plugin but in none of its configs.
    files: ["manifest.json"],
    plugins: { obsidianmd },
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false } },
    rules: { "obsidianmd/validate-manifest": "error" },
  },
  {
    files: ["LICENSE"],
    plugins: { obsidianmd },
    languageOptions: { parser: PlainTextParser },
    // The year is the first year of publication: a clone's lint must not fail on New Year's Day.
    rules: { "obsidianmd/validate-license": ["error", { disableUnchangedYear: true }] },
  },
  { files: ["src/domain/**/*.ts", "src/index/**/*.ts"], rules: noObsidianInPureCode },
  {
    // The fake App re-creates Obsidian itself: it has to use the global timers, the DOM and the
    // deprecated members that real Obsidian still offers, and its UI strings are test data.
    files: ["tests/**", "bench/**"],
    rules: {
      "obsidianmd/prefer-window-timers": "off",
      "obsidianmd/no-global-this": "off",
      "obsidianmd/prefer-create-el": "off",
      "obsidianmd/prefer-file-manager-trash-file": "off",
      "obsidianmd/ui/sentence-case": "off",
      "obsidianmd/settings-tab/prefer-setting-definitions": "off",
      "@typescript-eslint/no-deprecated": "off",
      "obsidianmd/no-tfile-tfolder-cast": "off",
      "obsidianmd/prefer-instanceof": "off",
    },
  },
  {
    // The preview page talks to its own local server (127.0.0.1) to write the vault to disk; it is
    // a development tool, never part of the plugin.
    files: ["preview/**"],
    rules: { "no-restricted-globals": "off" },
  },
  {
    // The declarative settings API needs Obsidian 1.13; the plugin supports older versions.
    files: ["src/obsidian/settings-tab.ts"],
    rules: { "obsidianmd/settings-tab/prefer-setting-definitions": "off" },
  },
  {
    // Build scripts and tests run in Node, not in Obsidian.
    files: ["scripts/**", "bench/**", "esbuild.config.mjs", "eslint.config.mjs", "tests/**", "vitest.config.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // These rules guard plugin code, which runs on mobile; scripts and tests run in Node and
      // write into a demo vault's config folder on purpose.
      "obsidianmd/no-nodejs-modules": "off",
      "obsidianmd/hardcoded-config-path": "off",
    },
  },
]);
