import { join } from "node:path";
import { vi } from "vitest";
import OneOnOnesPlugin from "../../src/main";
import { readVaultDir } from "../builders/vault";
import { createTestApp, loadPlugin, type App } from "../fakes/harness";

export const FIXTURE_VAULT = readVaultDir(join(__dirname, "..", "fixtures", "vault"));

/** Noon, 21 November 2026, in the time zone the tests run in. */
export const TODAY = new Date(2026, 10, 21, 12, 0, 0);
/** When the fixture notes were created: well before any meeting. */
export const CREATED = new Date(2026, 0, 5, 9, 0, 0).getTime();

export interface Loaded {
  app: App;
  plugin: OneOnOnesPlugin;
}

/**
 * The fixture vault (plus `extra` files) with the plugin loaded and its index built. `before`
 * runs on the app first (say, to enable another plugin).
 */
export async function loadFixture(options: { data?: unknown; extra?: Record<string, string>; before?: (app: App) => void } = {}): Promise<Loaded> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(TODAY);
  const { app } = createTestApp({ files: { ...FIXTURE_VAULT, ...options.extra }, ctime: CREATED });
  options.before?.(app);
  const plugin = await loadPlugin(OneOnOnesPlugin, app, { data: options.data });
  await plugin.whenReady();
  return { app, plugin };
}
