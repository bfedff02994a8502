// Plugin `onload` in the fake App (jsdom), the layout not ready yet: what Obsidian waits for at
// start-up before it shows the workspace. Everything heavy is meant to wait for the layout.
import OneOnOnesPlugin from "../src/main";
import { installDomHelpers } from "../tests/fakes/fake-dom";
import { createTestApp, DEFAULT_MANIFEST, unloadPlugin } from "../tests/fakes/harness";
import { median } from "./measure";

export async function measureOnload(runs: number, files: Record<string, string>): Promise<number> {
  installDomHelpers(); // the fake's DOM helpers, now that there is a DOM
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { app } = createTestApp({ files });
    const manifest = { ...DEFAULT_MANIFEST, dir: `${app.vault.configDir}/plugins/${DEFAULT_MANIFEST.id}` };
    const plugin = new OneOnOnesPlugin(app, manifest);
    app.plugins.enabledPlugins.add(manifest.id);
    app.plugins.plugins[manifest.id] = plugin;
    app.plugins.manifests[manifest.id] = manifest;
    const onload = plugin.onload.bind(plugin);
    let loading: Promise<void> = Promise.resolve();
    plugin.onload = () => (loading = onload());
    const start = performance.now();
    plugin.load();
    await loading;
    times.push(performance.now() - start);
    await unloadPlugin(app, plugin);
  }
  return median(times);
}
