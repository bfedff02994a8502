// The end-to-end suite: the real plugin bundle in the preview page, driven in Chromium. Run by
// `npm run test:e2e` (which builds first); `npm test` does not run it.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.ts"],
    // One browser and one preview server at a time: the machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
