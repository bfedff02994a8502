import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/** The pure domain code needs no DOM: its tests run in plain Node, which starts much faster. */
const PURE = ["tests/domain/**/*.test.ts"];

export default defineConfig({
  plugins: [svelte({ compilerOptions: { fragments: "tree" } }), svelteTesting()],
  resolve: {
    // The obsidian package ships types only: tests run against our fake App.
    alias: { obsidian: fileURLToPath(new URL("./tests/fakes/obsidian.ts", import.meta.url)) },
  },
  test: {
    setupFiles: ["tests/setup.ts"],
    // Every core: the default leaves one free, which on a 2-core machine halves the speed.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: "domain", environment: "node", include: PURE } },
      {
        extends: true,
        test: {
          name: "app",
          environment: "jsdom",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**", "node_modules/**", ...PURE],
        },
      },
    ],
  },
});
