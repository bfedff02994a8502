// The plugin in a browser: serves a page that runs the real main.js and styles.css against the
// fake Obsidian App of tests/fakes, with the notes of a vault folder, and writes every change the
// page makes back into that folder (and nowhere else).
//
//   npm run preview                          build, then serve demo-vault/ on http://127.0.0.1:5173/
//   npm run preview -- --vault ~/Notes       another vault (changes are written into it!)
//   npm run preview -- --port 8080 --today now
//
// The server listens on 127.0.0.1 only. The page and the server share a random token: requests
// without it, or for another host name, are refused, so other web pages cannot read or write the
// vault through it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { lstat, mkdir, readFile, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import esbuild from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEMO_VAULT = path.join(ROOT, "demo-vault");
/** The day the demo vault's story is set on. */
const DEMO_TODAY = "2026-11-21";
const CONFIG_DIR_NAME = ".obsidian";
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_BINARY_BYTES = 8 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(["md", "base", "canvas", "json", "txt", "csv", "css", "js", "svg", "yaml", "yml"]);

const USAGE = `Usage: npm run preview -- [--vault DIR] [--port N] [--today YYYY-MM-DD|now] [--no-build]

Builds the plugin and serves a page, on 127.0.0.1 only, that runs it in the browser against the
notes of DIR (default: demo-vault/). Changes made in the page are written into DIR.
  --vault DIR     the vault folder to show and write into (default: demo-vault/)
  --port N        the port (default 5173; 0 picks a free one)
  --today DATE    the date the page pretends it is (default: ${DEMO_TODAY} for demo-vault/,
                  the real date for other vaults); "now" for the real date
  --no-build      use the main.js and styles.css already built
  --help          show this help
`;

class UsageError extends Error {}

export function parseArgs(argv) {
  const options = { vault: null, port: 5173, today: null, build: true, help: false };
  const value = (arg, next) => {
    const eq = arg.indexOf("=");
    if (eq >= 0) return arg.slice(eq + 1);
    if (next === undefined || next.startsWith("--")) throw new UsageError(`${arg} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.split("=")[0];
    const takes = () => {
      const v = value(arg, argv[i + 1]);
      if (!arg.includes("=")) i++;
      return v;
    };
    if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--no-build") options.build = false;
    else if (name === "--vault") options.vault = takes();
    else if (name === "--port") {
      const raw = takes();
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${raw}"`);
      options.port = port;
    } else if (name === "--today") {
      const raw = takes();
      if (raw !== "now" && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new UsageError(`--today takes YYYY-MM-DD or "now", not "${raw}"`);
      options.today = raw;
    } else throw new UsageError(`unknown argument "${arg}"`);
  }
  return options;
}

/** `~/x` as the shell would expand it; relative paths from where the user ran the command. */
function resolveUserPath(value) {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  const expanded = home && (value === "~" || value.startsWith("~/")) ? path.join(home, value.slice(1)) : value;
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), expanded);
}

/** Builds main.js and styles.css exactly as `npm run build` does. */
export function buildPlugin() {
  const result = spawnSync(process.execPath, [path.join(ROOT, "esbuild.config.mjs"), "production"], { cwd: ROOT, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`the build failed with exit code ${result.status}`);
}

/** Bundles preview/app.ts (the page) and the fake Obsidian it runs on, for the browser. */
async function bundlePage() {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "preview", "app.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    sourcemap: "inline",
    logLevel: "silent",
    absWorkingDir: ROOT,
  });
  return result.outputFiles[0].text;
}

// ---- Paths inside the vault -----------------------------------------------------------------

export class PathError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root + path.sep);
}

async function exists(file) {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of a vault-relative path, or a PathError: no absolute paths, no `..`, no
 * backslashes, and neither the file nor any folder on the way to it may lead out of the vault
 * through a symbolic link.
 */
export async function resolveInVault(rootReal, relative) {
  if (typeof relative !== "string" || relative === "") throw new PathError(400, "no path given");
  if (relative.includes("\0") || relative.includes("\\")) throw new PathError(400, "the path holds a forbidden character");
  if (relative.startsWith("/") || /^[A-Za-z]:/.test(relative)) throw new PathError(400, "absolute paths are refused");
  const segments = relative.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) throw new PathError(400, "the path must stay inside the vault");
  const target = path.join(rootReal, ...segments);
  if (!isInside(rootReal, target)) throw new PathError(400, "the path must stay inside the vault");
  // The deepest part of the path that exists must really be inside the vault.
  for (let current = target; isInside(rootReal, current); current = path.dirname(current)) {
    if (!(await exists(current))) continue;
    let real;
    try {
      real = await realpath(current);
    } catch {
      throw new PathError(403, "the path leads through a broken link");
    }
    if (!isInside(rootReal, real)) throw new PathError(403, "the path leads out of the vault");
    break;
  }
  return target;
}

// ---- Reading the vault ----------------------------------------------------------------------

function extensionOf(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Which hidden files the page needs: Obsidian's app settings and the plugins' data. */
function wantedHidden(relative) {
  return relative === `${CONFIG_DIR_NAME}/app.json` || /^\.obsidian\/plugins\/[^/]+\/data\.json$/.test(relative);
}

async function collectFiles(rootReal, folder, relativeFolder, out) {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const relative = relativeFolder === "" ? entry.name : `${relativeFolder}/${entry.name}`;
    const full = path.join(folder, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      if (entry.name.startsWith(".") && entry.name !== CONFIG_DIR_NAME) continue;
      if (!entry.name.startsWith(".")) out.push({ path: relative, folder: true });
      await collectFiles(rootReal, full, relative, out);
      continue;
    }
    if (!entry.isFile()) continue;
    const hidden = relative.split("/").some((s) => s.startsWith("."));
    if (hidden && !wantedHidden(relative)) continue;
    const info = await stat(full);
    const text = TEXT_EXTENSIONS.has(extensionOf(entry.name));
    if (!text && info.size > MAX_BINARY_BYTES) continue;
    const data = await readFile(full);
    out.push({
      path: relative,
      ctime: Math.round(info.birthtimeMs > 0 ? info.birthtimeMs : info.ctimeMs),
      mtime: Math.round(info.mtimeMs),
      ...(text ? { text: data.toString("utf8") } : { base64: data.toString("base64") }),
    });
  }
}

// ---- The server -----------------------------------------------------------------------------

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...extra,
  });
  res.end(body);
}

function sendError(res, status, message) {
  send(res, status, "application/json; charset=utf-8", JSON.stringify({ error: message }));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new PathError(413, "the file is too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** `(function (module, exports, require) { main.js })(...)`: main.js as a classic script. */
function pluginScript(mainJs) {
  return [
    "(function (module, exports, require) {",
    mainJs,
    "})(window.previewPlugin.module, window.previewPlugin.module.exports, window.previewPlugin.require);",
    "",
  ].join("\n");
}

/**
 * Starts the preview server. Returns its URL (with the page's query), the token the page uses,
 * and `close()`.
 */
export async function startPreview(options = {}) {
  const vault = path.resolve(options.vault ?? DEMO_VAULT);
  if (!existsSync(vault) || !(await stat(vault)).isDirectory()) throw new Error(`the vault folder ${vault} does not exist`);
  const rootReal = await realpath(vault);
  for (const name of ["main.js", "styles.css", "manifest.json"]) {
    if (!existsSync(path.join(ROOT, name))) throw new Error(`${name} is missing: run "npm run build" first`);
  }
  const today = options.today === undefined || options.today === null ? (rootReal === (await realpath(DEMO_VAULT).catch(() => "")) ? DEMO_TODAY : "now") : options.today;
  const token = randomBytes(24).toString("hex");
  const appJs = await bundlePage();
  const log = options.log ?? (() => {});
  let port = options.port ?? 5173;

  const statics = {
    "/app.js": { file: null, type: "text/javascript; charset=utf-8" },
    "/preview.css": { file: path.join(ROOT, "preview", "preview.css"), type: "text/css; charset=utf-8" },
    "/styles.css": { file: path.join(ROOT, "styles.css"), type: "text/css; charset=utf-8" },
    "/manifest.json": { file: path.join(ROOT, "manifest.json"), type: "application/json; charset=utf-8" },
  };

  async function handleApi(req, res, url) {
    if (req.headers["x-preview-token"] !== token) return sendError(res, 403, "missing or wrong token");
    const route = `${req.method} ${url.pathname}`;
    if (route === "GET /api/vault") {
      const files = [];
      await collectFiles(rootReal, rootReal, "", files);
      const name = path.basename(rootReal);
      return send(res, 200, "application/json; charset=utf-8", JSON.stringify({ name, files }));
    }
    if (route === "PUT /api/file") {
      const target = await resolveInVault(rootReal, url.searchParams.get("path"));
      const body = await readBody(req);
      await mkdir(path.dirname(target), { recursive: true });
      // The folders just created must not have led anywhere else either.
      await resolveInVault(rootReal, url.searchParams.get("path"));
      // Written whole or not at all: a reader never sees the note half written.
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      try {
        await writeFile(temporary, body);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      log(`  wrote   ${url.searchParams.get("path")}`);
      return send(res, 204, "text/plain", "");
    }
    if (route === "DELETE /api/file") {
      const relative = url.searchParams.get("path");
      const target = await resolveInVault(rootReal, relative);
      await rm(target, { recursive: true, force: true });
      log(`  deleted ${relative}`);
      return send(res, 204, "text/plain", "");
    }
    if (route === "POST /api/folder") {
      const target = await resolveInVault(rootReal, url.searchParams.get("path"));
      await mkdir(target, { recursive: true });
      return send(res, 204, "text/plain", "");
    }
    if (route === "POST /api/rename") {
      const from = await resolveInVault(rootReal, url.searchParams.get("from"));
      const to = await resolveInVault(rootReal, url.searchParams.get("to"));
      // Renaming a folder moves what is inside; the page then asks for each child too.
      if (!(await exists(from)) && (await exists(to))) return send(res, 204, "text/plain", "");
      if (await exists(to)) throw new PathError(409, "the destination exists already");
      await mkdir(path.dirname(to), { recursive: true });
      await rename(from, to);
      log(`  renamed ${url.searchParams.get("from")} → ${url.searchParams.get("to")}`);
      return send(res, 204, "text/plain", "");
    }
    return sendError(res, 404, "no such route");
  }

  async function handle(req, res) {
    const host = req.headers.host ?? "";
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendError(res, 421, "wrong host");
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith("/api/")) return handleApi(req, res, url);
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, 405, "method not allowed");
    if (url.pathname === "/" || url.pathname === "/index.html") {
      const html = (await readFile(path.join(ROOT, "preview", "index.html"), "utf8")).replace("%TOKEN%", token);
      return send(res, 200, "text/html; charset=utf-8", html);
    }
    if (url.pathname === "/plugin.js") {
      // Read on every request: reloading the page picks up a new build.
      const mainJs = await readFile(path.join(ROOT, "main.js"), "utf8");
      return send(res, 200, "text/javascript; charset=utf-8", pluginScript(mainJs));
    }
    if (url.pathname === "/favicon.ico") return send(res, 204, "image/x-icon", "");
    const asset = statics[url.pathname];
    if (!asset) return sendError(res, 404, "not found");
    const body = asset.file === null ? appJs : await readFile(asset.file);
    return send(res, 200, asset.type, body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (error instanceof PathError) {
        log(`  refused ${req.method} ${req.url}: ${error.message}`);
        sendError(res, error.status, error.message);
      } else {
        log(`  failed  ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
        else res.end();
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  port = typeof address === "object" && address !== null ? address.port : port;
  const query = today === "now" ? "" : `?today=${today}`;
  return {
    url: `http://127.0.0.1:${port}/${query}`,
    origin: `http://127.0.0.1:${port}`,
    port,
    token,
    vault: rootReal,
    today,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`preview: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const vault = options.vault === null ? DEMO_VAULT : resolveUserPath(options.vault);
  if (options.build) buildPlugin();
  const preview = await startPreview({
    vault,
    port: options.port,
    today: options.today,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const say = (line = "") => process.stdout.write(`${line}\n`);
  say();
  say(`One-on-Ones preview of ${preview.vault}`);
  say(`  ${preview.url}`);
  say();
  say(preview.today === "now" ? "  Today is the real date." : `  Today is ${preview.today} (--today now for the real date).`);
  say("  Changes made in the page are written into the vault folder. Ctrl+C stops the server.");
  say();
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
