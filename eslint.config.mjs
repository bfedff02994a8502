import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
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

export default defineConfig([
  globalIgnores([
    "node_modules/",
    "main.js",
    "styles.css",
    "demo-vault/",
    "docs/",
    "coverage/",
    "**/*.json",
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
  ...svelte.configs.recommended,
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, projectService: true, extraFileExtensions: [".svelte"] },
    },
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
