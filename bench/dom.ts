// A browser-like global scope for the bench, as vitest's jsdom environment gives the tests: the
// fake App and the Svelte views expect `window`, `document` and the DOM classes.
import { createRequire } from "node:module";

/** jsdom ships without types; this is the little of it used here. */
interface Jsdom {
  JSDOM: new (html: string, options: { url: string; pretendToBeVisual: boolean }) => { window: Window & typeof globalThis };
}

export function installDom(): void {
  const { JSDOM } = createRequire(import.meta.url)("jsdom") as Jsdom;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: "http://localhost/", pretendToBeVisual: true });
  const window = dom.window as unknown as Record<string, unknown>;
  const target = globalThis as unknown as Record<string, unknown>;
  const names = new Set<string>();
  for (let o: object | null = dom.window; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  }
  for (const name of names) {
    if (name in target || name === "undefined") continue;
    const value = window[name];
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: typeof value === "function" && !/^[A-Z]/.test(name) ? (value as (...a: unknown[]) => unknown).bind(dom.window) : value,
    });
  }
  target.window = dom.window;
  target.document = dom.window.document;
}
