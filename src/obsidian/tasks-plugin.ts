import type { App } from "obsidian";
import { TASKS_DEFAULTS, tasksConventionsFrom, type TasksConventions } from "../domain/tasks-conventions";

/** The Tasks plugin's id. */
export const TASKS_PLUGIN_ID = "obsidian-tasks-plugin";

/**
 * The Tasks plugin's instance when it is installed and enabled, else null. `app.plugins` is not
 * part of Obsidian's published API: every step is guarded.
 */
export function tasksPlugin(app: App): Record<string, unknown> | null {
  const plugins = (app as unknown as { plugins?: { enabledPlugins?: unknown; plugins?: unknown } }).plugins;
  const enabled = plugins?.enabledPlugins;
  if (!(enabled instanceof Set) || !enabled.has(TASKS_PLUGIN_ID)) return null;
  const all = plugins?.plugins;
  const instance = typeof all === "object" && all !== null ? (all as Record<string, unknown>)[TASKS_PLUGIN_ID] : undefined;
  return typeof instance === "object" && instance !== null ? (instance as Record<string, unknown>) : null;
}

/**
 * How the Tasks plugin reads checkboxes: from its saved settings when it is enabled (Tasks keeps
 * them in its own module, not on the plugin object, so they are read as Tasks saved them, with
 * `Plugin.loadData`), else Tasks' defaults. Never throws.
 */
export async function readTasksConventions(app: App): Promise<TasksConventions> {
  const plugin = tasksPlugin(app);
  if (!plugin) return TASKS_DEFAULTS;
  try {
    if (typeof plugin.settings === "object" && plugin.settings !== null) return tasksConventionsFrom(plugin.settings);
    const loadData = plugin.loadData;
    if (typeof loadData === "function") return tasksConventionsFrom(await (loadData as () => Promise<unknown>).call(plugin));
  } catch {
    // Unreadable settings: Tasks itself falls back to its defaults too.
  }
  return TASKS_DEFAULTS;
}
