/**
 * Golden files under `tests/golden/`, compared byte for byte. After an intended change to a
 * generated note, rewrite them with `UPDATE_GOLDEN=1 npx vitest run` and review the diff by eye.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, "utf8");
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Golden file tests/golden/${name} is missing: run with UPDATE_GOLDEN=1 to create it.`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}
