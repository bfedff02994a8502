// Obsidian's free functions and constants: paths, links, debounce, search, Platform.
import type * as O from "obsidian";
import { env, trackResult, type Runnable } from "./fake-env";

export const apiVersion = "1.8.7";

export const requireApiVersion: typeof O.requireApiVersion = () => true;

export const getLanguage: typeof O.getLanguage = () => "en";

/** Mutable, so a test can pretend to be on a phone (`Platform.isMobile = true`, ...). */
export const Platform: typeof O.Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: "app://local/",
};

/**
 * Obsidian's normalizePath: runs of `/` and `\` become one `/`, leading and trailing slashes go,
 * an empty result is the root `/`, no-break spaces (U+00A0, U+202F) become spaces, then NFC.
 */
export const normalizePath: typeof O.normalizePath = (path: string) => {
  let result = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "");
  if (result === "") result = "/";
  return result.replace(/[\u00A0\u202F]/g, " ").normalize("NFC");
};

/** `Note#Heading|alias` → `Note` (the part before `#`; aliases are not part of link text). */
export const getLinkpath: typeof O.getLinkpath = (linktext: string) => parseLinktext(linktext).path;

export const parseLinktext: typeof O.parseLinktext = (linktext: string) => {
  const hash = linktext.indexOf("#");
  if (hash === -1) return { path: linktext, subpath: "" };
  return { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
};

export const stripHeading: typeof O.stripHeading = (heading: string) =>
  heading.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\\r\n]/g, " ").replace(/\s+/g, " ").trim();

export const stripHeadingForLink: typeof O.stripHeadingForLink = (heading: string) =>
  heading.replace(/[#|^\\%[\]]/g, " ").replace(/\s+/g, " ").trim();

/**
 * Obsidian's debounce: calls `cb` once, `timeout` ms after the first call (or after the last call
 * when `resetTimer`), with the latest arguments. The fake also lets `flush()` run it at once.
 */
export function debounce<T extends unknown[], V>(
  cb: (...args: [...T]) => V,
  timeout = 0,
  resetTimer = false,
): O.Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: [...T] | null = null;
  let scheduler = env.scheduler;
  const runnable: Runnable = { run: () => trackResult(debouncer.run()) };
  const fire = (): V | void => {
    const args = lastArgs;
    timer = null;
    lastArgs = null;
    scheduler.waiting.delete(runnable);
    if (args) return cb(...args);
  };
  const debouncer = function (...args: [...T]) {
    lastArgs = args;
    if (timer !== null) {
      if (!resetTimer) return debouncer;
      clearTimeout(timer);
    }
    timer = setTimeout(() => trackResult(fire()), timeout);
    scheduler = env.scheduler;
    scheduler.waiting.add(runnable);
    return debouncer;
  } as O.Debouncer<T, V>;
  debouncer.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
    scheduler.waiting.delete(runnable);
    return debouncer;
  };
  debouncer.run = () => {
    if (timer === null) return;
    clearTimeout(timer);
    return fire();
  };
  return debouncer;
}

/**
 * Fuzzy search: the query's characters (spaces ignored) must occur in order, case-insensitively.
 * Scores are ≤ 0; a contiguous match near the start scores highest.
 */
export const prepareFuzzySearch: typeof O.prepareFuzzySearch = (query: string) => {
  const needle = query.toLowerCase().replace(/\s+/g, "");
  return (text: string) => {
    if (needle === "") return { score: 0, matches: [] };
    const haystack = text.toLowerCase();
    const contiguous = haystack.indexOf(needle);
    if (contiguous >= 0) {
      return { score: -contiguous * 0.01, matches: [[contiguous, contiguous + needle.length]] };
    }
    const matches: O.SearchMatches = [];
    let pos = 0;
    for (const char of needle) {
      const found = haystack.indexOf(char, pos);
      if (found === -1) return null;
      const last = matches[matches.length - 1];
      if (last && last[1] === found) last[1] = found + 1;
      else matches.push([found, found + 1]);
      pos = found + 1;
    }
    const start = matches[0]?.[0] ?? 0;
    return { score: -matches.length - start * 0.01, matches };
  };
};

/** Simple search: every space-separated word must occur in the text, case-insensitively. */
export const prepareSimpleSearch: typeof O.prepareSimpleSearch = (query: string) => {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  return (text: string) => {
    const haystack = text.toLowerCase();
    const matches: O.SearchMatches = [];
    let score = 0;
    for (const word of words) {
      const found = haystack.indexOf(word);
      if (found === -1) return null;
      matches.push([found, found + word.length]);
      score -= found * 0.01;
    }
    matches.sort((a, b) => a[0] - b[0]);
    return { score, matches };
  };
};

export const sortSearchResults: typeof O.sortSearchResults = (results) => {
  results.sort((a, b) => b.match.score - a.match.score);
};

export const renderMatches: typeof O.renderMatches = (el, text, matches, offset = 0) => {
  let pos = 0;
  for (const [rawStart, rawEnd] of matches ?? []) {
    const start = Math.max(rawStart - offset, pos);
    const end = Math.min(rawEnd - offset, text.length);
    if (end <= start) continue;
    if (start > pos) el.appendChild(document.createTextNode(text.slice(pos, start)));
    const mark = document.createElement("span");
    mark.className = "suggestion-highlight";
    mark.textContent = text.slice(start, end);
    el.appendChild(mark);
    pos = end;
  }
  if (pos < text.length) el.appendChild(document.createTextNode(text.slice(pos)));
};

export const renderResults: typeof O.renderResults = (el, text, result, offset) => {
  renderMatches(el, text, result.matches, offset);
};

export const parseFrontMatterEntry: typeof O.parseFrontMatterEntry = (frontmatter: unknown, key: string | RegExp) => {
  if (typeof frontmatter !== "object" || frontmatter === null) return null;
  for (const [name, value] of Object.entries(frontmatter)) {
    if (typeof key === "string" ? name === key : key.test(name)) return value as unknown;
  }
  return null;
};

export const parseFrontMatterStringArray: typeof O.parseFrontMatterStringArray = (frontmatter, key, nospaces) => {
  const value = parseFrontMatterEntry(frontmatter, key) as unknown;
  if (value === null || value === undefined) return null;
  const items: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? value.split(nospaces ? /[,\s]+/ : /,/) : [value];
  const strings = items
    .filter((item) => item !== null && item !== undefined)
    .map((item) => String(item as string).trim())
    .filter((item) => item.length > 0);
  return strings.length > 0 ? strings : null;
};

export const iterateRefs: typeof O.iterateRefs = (refs, cb) => {
  for (const ref of refs) if (cb(ref) === true) return true;
  return false;
};

export const iterateCacheRefs: typeof O.iterateCacheRefs = (cache, cb) =>
  iterateRefs([...(cache.links ?? []), ...(cache.embeds ?? [])], (ref) => cb(ref as O.ReferenceCache));

export const arrayBufferToBase64: typeof O.arrayBufferToBase64 = (buffer) => Buffer.from(buffer).toString("base64");

export const base64ToArrayBuffer: typeof O.base64ToArrayBuffer = (base64) => {
  const bytes = Buffer.from(base64, "base64");
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

export const arrayBufferToHex: typeof O.arrayBufferToHex = (data) => Buffer.from(data).toString("hex");

export const hexToArrayBuffer: typeof O.hexToArrayBuffer = (hex) => {
  const bytes = Buffer.from(hex, "hex");
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

export const getBlobArrayBuffer: typeof O.getBlobArrayBuffer = (blob) => blob.arrayBuffer();

/** The plugin must not touch the network: these fail loudly. */
export const request: typeof O.request = () => Promise.reject(new Error("The fake Obsidian has no network."));
export const requestUrl: typeof O.requestUrl = () => {
  const failed = Promise.reject(new Error("The fake Obsidian has no network.")) as O.RequestUrlResponsePromise;
  return failed;
};

/** Parses HTML into a fragment, dropping scripts, as Obsidian's sanitizer would. */
export const sanitizeHTMLToDom: typeof O.sanitizeHTMLToDom = (html) => {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  for (const el of Array.from(parsed.body.querySelectorAll("script, iframe, object, embed"))) el.remove();
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) fragment.appendChild(document.importNode(node, true));
  return fragment;
};

export const htmlToMarkdown: typeof O.htmlToMarkdown = (html) => {
  if (typeof html === "string") return sanitizeHTMLToDom(html).textContent ?? "";
  return html.textContent ?? "";
};
