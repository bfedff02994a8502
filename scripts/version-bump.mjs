// Run by `npm version <new>` (the "version" script in package.json), after package.json has the
// new version: writes it into manifest.json and records which Obsidian version it needs in
// versions.json. npm then stages both files with the version commit.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MANIFEST = path.join(ROOT, "manifest.json");
const VERSIONS = path.join(ROOT, "versions.json");

function fail(message) {
  process.stderr.write(`version-bump: ${message}\n`);
  process.exit(1);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(`cannot read ${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

const version = process.env.npm_package_version;
if (!version) fail("npm_package_version is not set. Run this through `npm version <new version>`.");
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) fail(`"${version}" is not a version like 1.2.3.`);

const manifest = readJson(MANIFEST);
const minAppVersion = manifest.minAppVersion;
if (typeof minAppVersion !== "string" || minAppVersion === "") fail("manifest.json has no minAppVersion.");
manifest.version = version;
writeJson(MANIFEST, manifest);

const versions = readJson(VERSIONS);
if (typeof versions !== "object" || versions === null || Array.isArray(versions)) {
  fail("versions.json must be an object of version → minAppVersion.");
}
versions[version] = minAppVersion;
writeJson(VERSIONS, versions);

process.stdout.write(`manifest.json and versions.json: ${version} (Obsidian ${minAppVersion} or newer)\n`);
