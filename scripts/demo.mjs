// Builds the plugin and installs it into the demo vault (or another vault with --vault DIR).
//
//   npm run demo                      build, then install into demo-vault/
//   npm run demo -- --vault ~/Notes   build, then install into another vault
//   npm run demo -- --skip-build      install the main.js, manifest.json and styles.css already built
//
// Obsidian is never started from here: the script prints how to open the vault instead.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEMO_VAULT = path.join(ROOT, "demo-vault");
const PLUGIN_FILES = ["main.js", "manifest.json", "styles.css"];
const CONFIG_DIR_NAME = ".obsidian";

const USAGE = `Usage: node scripts/demo.mjs [--vault DIR] [--skip-build]

Builds the plugin and installs it into demo-vault/, or into the vault at DIR.
  --vault DIR    install into this vault instead of demo-vault/ (the folder must exist)
  --skip-build   do not run "npm run build"; install the files that are already built
  --help         show this help
`;

function say(text = "") {
  process.stdout.write(`${text}\n`);
}

function fail(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { vault: null, skipBuild: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--skip-build") options.skipBuild = true;
    else if (arg === "--vault") {
      const value = argv[++i];
      if (value === undefined || value === "") fail("--vault needs a folder, e.g. --vault ~/Documents/Notes");
      options.vault = value;
    } else if (arg.startsWith("--vault=")) {
      const value = arg.slice("--vault=".length);
      if (value === "") fail("--vault needs a folder, e.g. --vault=~/Documents/Notes");
      options.vault = value;
    } else fail(`unknown argument "${arg}"\n\n${USAGE}`);
  }
  return options;
}

/** `~/x` as the shell would expand it; relative paths from where the user ran the command. */
function resolveUserPath(value) {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  const expanded = home && (value === "~" || value.startsWith("~/")) ? path.join(home, value.slice(1)) : value;
  // `npm run` changes into the package folder; INIT_CWD is where the command was typed.
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), expanded);
}

/** Runs `npm run build` with the npm that started this script, when there is one. */
function build() {
  const execPath = process.env.npm_execpath;
  const options = { cwd: ROOT, stdio: "inherit" };
  let result;
  if (execPath && /\.[cm]?js$/.test(execPath)) {
    result = spawnSync(process.execPath, [execPath, "run", "build"], options);
  } else if (execPath) {
    result = spawnSync(execPath, ["run", "build"], { ...options, shell: process.platform === "win32" });
  } else {
    // Run directly with node: use the npm on the PATH (npm.cmd on Windows needs a shell).
    result = spawnSync("npm", ["run", "build"], { ...options, shell: process.platform === "win32" });
  }
  if (result.error) fail(`could not run "npm run build": ${result.error.message}`);
  if (result.status !== 0) {
    fail(`"npm run build" failed${result.signal ? ` (${result.signal})` : ` with exit code ${result.status}`}; nothing was installed.`);
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Adds the plugin to the vault's community-plugins.json, keeping whatever else is enabled.
 * Returns whether the plugin is now listed.
 */
function enablePlugin(configDir, id) {
  const file = path.join(configDir, "community-plugins.json");
  let enabled = [];
  if (existsSync(file)) {
    try {
      enabled = readJson(file);
    } catch {
      enabled = null;
    }
    if (!Array.isArray(enabled) || !enabled.every((item) => typeof item === "string")) {
      say(`  ! ${file} is not a list of plugin ids; left as it is. Enable "${id}" in Settings → Community plugins.`);
      return false;
    }
  }
  if (enabled.includes(id)) {
    say(`  ✓ ${id} is already enabled in community-plugins.json`);
    return true;
  }
  writeJson(file, [...enabled, id]);
  say(`  ✓ enabled ${id} in community-plugins.json`);
  return true;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    say(USAGE);
    return;
  }

  const vault = options.vault === null ? DEMO_VAULT : resolveUserPath(options.vault);
  if (!existsSync(vault) || !statSync(vault).isDirectory()) {
    fail(`the vault folder ${vault} does not exist. Create it or open it once in Obsidian first.`);
  }
  const configDir = path.join(vault, CONFIG_DIR_NAME);
  const freshVault = !existsSync(configDir);

  if (options.skipBuild) say("Skipping the build; installing the files already built.");
  else build();

  const missing = PLUGIN_FILES.filter((name) => !existsSync(path.join(ROOT, name)));
  if (missing.length > 0) fail(`${missing.join(", ")} not found in ${ROOT}. Run "npm run build" first.`);
  const manifest = readJson(path.join(ROOT, "manifest.json"));
  const id = manifest.id;
  if (typeof id !== "string" || !/^[a-z0-9-]+$/.test(id)) fail("manifest.json has no valid plugin id.");

  const pluginDir = path.join(configDir, "plugins", id);
  mkdirSync(pluginDir, { recursive: true });
  say();
  say(`Installing ${manifest.name} ${manifest.version} into ${vault}`);
  for (const name of PLUGIN_FILES) {
    copyFileSync(path.join(ROOT, name), path.join(pluginDir, name));
    say(`  ✓ ${path.relative(vault, path.join(pluginDir, name))}`);
  }
  const enabled = enablePlugin(configDir, id);

  const isDemo = path.resolve(vault) === path.resolve(DEMO_VAULT);
  say();
  say("Next:");
  say("  1. Open Obsidian and choose Open another vault → Open folder as vault, then pick");
  say(`       ${vault}`);
  say("  2. If Obsidian asks whether you trust the author of this vault, choose Trust author and");
  say("     enable plugins (this turns off Restricted mode).");
  if (enabled) {
    say(`  3. ${manifest.name} is already enabled. If the vault was open while installing, reload it`);
    say("     (command palette → Reload app without saving) or toggle the plugin in Settings → Community plugins.");
  } else {
    say(`  3. Enable ${manifest.name} in Settings → Community plugins.`);
  }
  if (isDemo) say("  4. Start with the note Welcome: it lists what to try.");
  if (freshVault && !isDemo) say(`  (${vault} had no ${CONFIG_DIR_NAME} folder yet; Obsidian will set it up when it opens the vault.)`);
}

main();
