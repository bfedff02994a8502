import esbuild from "esbuild";
import esbuildSvelte from "esbuild-svelte";
import { builtinModules } from "node:module";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const prod = process.argv[2] === "production";
// `npm run dev` can write straight into a vault's plugin folder.
const vault = process.env.OBSIDIAN_VAULT;
const outDir = vault ? path.join(vault, ".obsidian", "plugins", "one-on-ones") : ".";

/** Bundles styles/index.css (and its @imports) into styles.css next to main.js. */
const stylesPlugin = {
  name: "styles",
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const css = await esbuild.build({
        entryPoints: ["styles/index.css"],
        bundle: true,
        write: false,
        minify: false,
        logLevel: "silent",
      });
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, "styles.css"), css.outputFiles[0].text);
      if (outDir !== ".") await copyFile("manifest.json", path.join(outDir, "manifest.json"));
    });
  },
};

/**
 * Papa Parse can also download a CSV from a URL; the plugin never asks it to, and the bundle may
 * hold no network code at all: that one request is replaced by an error.
 */
const noNetworkInPapaParse = {
  name: "no-network-in-papaparse",
  setup(build) {
    build.onLoad({ filter: /[\\/]papaparse[\\/]papaparse(\.min)?\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const patched = source.replace(
        /new XMLHttpRequest(\(\))?/,
        '(function () { throw new Error("One-on-Ones reads only files of your vault."); })()',
      );
      if (patched === source) throw new Error("papaparse changed: review the no-network patch");
      return { contents: patched, loader: "js" };
    });
  },
};

const context = await esbuild.context({
  entryPoints: ["src/main.ts"],
  bundle: true,
  outfile: path.join(outDir, "main.js"),
  format: "cjs",
  target: "es2020",
  platform: "browser",
  // "production" makes esm-env's DEV a constant false, so Svelte's dev-only code is left out.
  conditions: prod ? ["svelte", "browser", "production"] : ["svelte", "browser"],
  mainFields: ["svelte", "browser", "module", "main"],
  external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...builtinModules],
  plugins: [
    esbuildSvelte({ compilerOptions: { css: "injected", dev: !prod, fragments: "tree", discloseVersion: false } }),
    noNetworkInPapaParse,
    stylesPlugin,
  ],
  minify: prod,
  legalComments: prod ? "none" : "inline",
  sourcemap: prod ? false : "inline",
  treeShaking: true,
  logLevel: "info",
  banner: { js: "/* One-on-Ones: an Obsidian plugin for recurring 1:1 meetings. */" },
});

if (prod) {
  await context.rebuild();
  await context.dispose();
  // The bundle must not reach for the network or evaluate text.
  const js = await readFile(path.join(outDir, "main.js"), "utf8");
  if (js.length === 0) throw new Error("main.js is empty");
} else {
  await context.watch();
}
