// A small reading view: properties, headings, paragraphs, lists and tasks, quotes and callouts,
// links and tags — as text, built element by element — and fenced code blocks, which go to the
// code block processor registered for their language (the plugin's `one-on-ones` block) or are
// shown as code. Every section is handed to the registered post processors, with its lines.
import type * as O from "obsidian";
import type { App } from "../tests/fakes/fake-app";
import type { Component } from "../tests/fakes/fake-events";
import type { TFile } from "../tests/fakes/fake-vault";
import { getFrontMatterInfo, parseYaml } from "../tests/fakes/fake-yaml";

interface Line {
  text: string;
  /** The line's number in the note. */
  n: number;
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const TASK = /^\[(.)\]\s?(.*)$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

export interface RenderContext {
  app: App;
  file: TFile;
  /** The whole note, as the editor holds it. */
  text: string;
  /** Owns the render children (the plugin's live blocks); unloaded before the next render. */
  component: Component;
  /** Ticks or unticks the task on line `n`, whose text was `original`. */
  toggleTask(n: number, original: string): void;
}

/** Renders the note into `el`. */
export async function renderNote(el: HTMLElement, ctx: RenderContext): Promise<void> {
  const all = ctx.text.split("\n").map((text, n) => ({ text, n }));
  const info = getFrontMatterInfo(ctx.text);
  let body = all;
  if (info.exists) {
    renderProperties(el, info.frontmatter);
    const firstBodyLine = ctx.text.slice(0, info.contentStart).split("\n").length - 1;
    body = all.slice(firstBodyLine);
  }
  await renderBlocks(el, withoutComments(body), ctx, true);
}

function renderProperties(el: HTMLElement, yaml: string): void {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch {
    el.createDiv({ cls: "metadata-container is-invalid", text: "Invalid properties" });
    return;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return;
  const container = el.createDiv("metadata-container");
  container.createDiv({ cls: "metadata-properties-heading", text: "Properties" });
  const list = container.createDiv("metadata-properties");
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const row = list.createDiv({ cls: "metadata-property", attr: { "data-property-key": key } });
    row.createDiv({ cls: "metadata-property-key", text: key });
    const shown = Array.isArray(value) ? value.map(propertyText).join(", ") : propertyText(value);
    row.createDiv({ cls: "metadata-property-value", text: shown });
  }
}

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

/** Drops `%% … %%` comments (the lines stay numbered as in the note). */
function withoutComments(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inComment = false;
  for (const line of lines) {
    let text = "";
    let rest = line.text;
    for (;;) {
      const at = rest.indexOf("%%");
      if (at < 0) {
        if (!inComment) text += rest;
        break;
      }
      if (!inComment) text += rest.slice(0, at);
      inComment = !inComment;
      rest = rest.slice(at + 2);
    }
    if (text.trim() === "" && line.text.trim() !== "") continue;
    out.push({ text, n: line.n });
  }
  return out;
}

function section(parent: HTMLElement, cls: string): HTMLElement {
  return parent.createDiv(cls);
}

async function afterSection(el: HTMLElement, lines: Line[], ctx: RenderContext, top: boolean): Promise<void> {
  if (!top || lines.length === 0) return;
  const first = lines[0]?.n ?? 0;
  const last = lines[lines.length - 1]?.n ?? first;
  el.dataset.lineStart = String(first);
  el.dataset.lineEnd = String(last);
  const processors = [...ctx.app.postProcessors].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  for (const processor of processors) {
    try {
      await processor(el, postProcessorContext(el, ctx, first, last));
    } catch (error) {
      console.error("A Markdown post processor failed:", error);
    }
  }
}

function postProcessorContext(sectionEl: HTMLElement, ctx: RenderContext, lineStart: number, lineEnd: number): O.MarkdownPostProcessorContext {
  return {
    docId: `preview-${ctx.file.path}`,
    sourcePath: ctx.file.path,
    frontmatter: ctx.app.metadataCache.getFileCache(ctx.file)?.frontmatter,
    addChild: (child) => {
      ctx.component.addChild(child);
    },
    getSectionInfo: (target) => (target === sectionEl || sectionEl.contains(target) ? { text: ctx.text, lineStart, lineEnd } : null),
  };
}

async function renderBlocks(parent: HTMLElement, lines: Line[], ctx: RenderContext, top: boolean): Promise<void> {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const text = line.text;
    if (text.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(text);
    if (fence) {
      const marker = fence[2] ?? "```";
      let end = i + 1;
      while (end < lines.length && !(lines[end] as Line).text.trim().startsWith(marker)) end++;
      const block = lines.slice(i, Math.min(end + 1, lines.length));
      const source = lines.slice(i + 1, end).map((l) => l.text).join("\n");
      await renderFence(parent, fence[3] ?? "", source, block, ctx, top);
      i = end + 1;
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading) {
      const el = section(parent, "el-h");
      renderInline(el.createEl(`h${(heading[1] ?? "#").length}` as "h1"), heading[2] ?? "", ctx);
      await afterSection(el, [line], ctx, top);
      i++;
      continue;
    }
    if (RULE.test(text)) {
      const el = section(parent, "el-hr");
      el.createEl("hr");
      await afterSection(el, [line], ctx, top);
      i++;
      continue;
    }
    if (QUOTE.test(text)) {
      let end = i;
      while (end < lines.length && QUOTE.test((lines[end] as Line).text)) end++;
      const block = lines.slice(i, end);
      await renderQuote(parent, block, ctx, top);
      i = end;
      continue;
    }
    if (LIST_ITEM.test(text)) {
      let end = i;
      while (end < lines.length && (LIST_ITEM.test((lines[end] as Line).text) || /^\s+\S/.test((lines[end] as Line).text))) end++;
      const block = lines.slice(i, end);
      const el = section(parent, "el-ul");
      renderList(el, block, ctx);
      await afterSection(el, block, ctx, top);
      i = end;
      continue;
    }
    let end = i;
    while (end < lines.length) {
      const next = (lines[end] as Line).text;
      if (next.trim() === "" || (end > i && (FENCE.test(next) || HEADING.test(next) || QUOTE.test(next) || LIST_ITEM.test(next)))) break;
      end++;
    }
    const block = lines.slice(i, end);
    const el = section(parent, "el-p");
    const p = el.createEl("p");
    block.forEach((l, k) => {
      if (k > 0) p.createEl("br");
      renderInline(p, l.text.trim(), ctx);
    });
    await afterSection(el, block, ctx, top);
    i = end;
  }
}

async function renderFence(parent: HTMLElement, language: string, source: string, block: Line[], ctx: RenderContext, top: boolean): Promise<void> {
  const el = section(parent, "el-pre");
  const handler = language === "" ? undefined : ctx.app.codeBlockProcessors.get(language);
  if (handler) {
    const blockEl = el.createDiv(`block-language-${language}`);
    const first = block[0]?.n ?? 0;
    const last = block[block.length - 1]?.n ?? first;
    try {
      await handler(source, blockEl, postProcessorContext(el, ctx, first, last));
    } catch (error) {
      console.error(`The code block processor for "${language}" failed:`, error);
      blockEl.createDiv({ cls: "preview-block-error", text: `The ${language} block could not be shown.` });
    }
  } else {
    const pre = el.createEl("pre", { cls: language === "" ? "" : `language-${language}` });
    pre.createEl("code", { text: source });
  }
  await afterSection(el, block, ctx, top);
}

async function renderQuote(parent: HTMLElement, block: Line[], ctx: RenderContext, top: boolean): Promise<void> {
  const inner = block.map((l) => ({ text: QUOTE.exec(l.text)?.[1] ?? "", n: l.n }));
  const callout = /^\[!([^\]]+)\]([+-]?)\s*(.*)$/.exec(inner[0]?.text ?? "");
  const el = section(parent, callout ? "el-div" : "el-blockquote");
  if (callout) {
    const type = (callout[1] ?? "note").toLowerCase();
    const box = el.createDiv({ cls: "callout", attr: { "data-callout": type } });
    const title = callout[3] ?? "";
    const titleEl = box.createDiv("callout-title").createDiv("callout-title-inner");
    renderInline(titleEl, title === "" ? type.charAt(0).toUpperCase() + type.slice(1) : title, ctx);
    await renderBlocks(box.createDiv("callout-content"), inner.slice(1), ctx, false);
  } else {
    await renderBlocks(el.createEl("blockquote"), inner, ctx, false);
  }
  await afterSection(el, block, ctx, top);
}

function indentOf(whitespace: string): number {
  return whitespace.replace(/\t/g, "    ").length;
}

function renderList(el: HTMLElement, block: Line[], ctx: RenderContext): void {
  const list = el.createEl("ul", "preview-list");
  let li: HTMLElement | null = null;
  const base = indentOf(LIST_ITEM.exec(block[0]?.text ?? "")?.[1] ?? "");
  for (const line of block) {
    const item = LIST_ITEM.exec(line.text);
    if (!item) {
      // A continuation line of the item above.
      if (li) {
        li.createEl("br");
        renderInline(li, line.text.trim(), ctx);
      }
      continue;
    }
    const depth = Math.max(0, Math.round((indentOf(item[1] ?? "") - base) / 2));
    li = list.createEl("li", { attr: { "data-line": line.n } });
    li.setCssProps({ "--preview-list-depth": String(depth) });
    const marker = item[2] ?? "-";
    if (/\d/.test(marker)) {
      li.addClass("is-ordered");
      li.createSpan({ cls: "list-marker", text: `${marker} ` });
    }
    const task = TASK.exec(item[3] ?? "");
    if (task) {
      const status = task[1] ?? " ";
      li.addClass("task-list-item");
      li.setAttr("data-task", status === " " ? "" : status);
      if (status !== " ") li.addClass("is-checked");
      const box = li.createEl("input", { cls: "task-list-item-checkbox", type: "checkbox", attr: { "data-line": line.n } });
      box.checked = status !== " ";
      box.addEventListener("click", (event) => {
        event.preventDefault();
        ctx.toggleTask(line.n, line.text);
      });
      renderInline(li, task[2] ?? "", ctx);
    } else {
      renderInline(li, item[3] ?? "", ctx);
    }
  }
}

const INLINE =
  /(!?)\[\[([^\]|#]*)(#[^\]|]*)?(?:\|([^\]]*))?\]\]|\[([^\]]+)\]\(([^)\s]+)\)|`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|==([^=]+)==|~~([^~]+)~~|(^|\s)(#[^\s#!"$%&'()*+,.:;<=>?@^`{|}~[\]\\]+)/g;

/** Links, tags, code and emphasis; everything else as text. */
export function renderInline(parent: HTMLElement, text: string, ctx: RenderContext): void {
  let last = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
    const lead = m[12] ?? "";
    parent.appendText(text.slice(last, m.index) + lead);
    last = m.index + m[0].length;
    if (m[2] !== undefined) {
      const target = `${m[2]}${m[3] ?? ""}`;
      const resolved = ctx.app.metadataCache.getFirstLinkpathDest(m[2], ctx.file.path);
      parent.createEl("a", {
        cls: ["internal-link", ...(resolved ? [] : ["is-unresolved"])],
        text: m[4] ?? target,
        attr: { "data-href": target, href: target },
      });
    } else if (m[5] !== undefined) {
      const href = m[6] ?? "";
      if (/^(https?:|mailto:)/i.test(href)) {
        parent.createEl("a", { cls: "external-link", text: m[5], attr: { href, target: "_blank", rel: "noopener noreferrer" } });
      } else {
        parent.createEl("a", { cls: "internal-link", text: m[5], attr: { "data-href": decodeURI(href), href } });
      }
    } else if (m[7] !== undefined) {
      parent.createEl("code", { text: m[7] });
    } else if (m[8] !== undefined || m[9] !== undefined) {
      parent.createEl("strong", { text: m[8] ?? m[9] ?? "" });
    } else if (m[10] !== undefined) {
      parent.createEl("mark", { text: m[10] });
    } else if (m[11] !== undefined) {
      parent.createEl("del", { text: m[11] });
    } else if (m[13] !== undefined) {
      parent.createEl("a", { cls: "tag", text: m[13], attr: { href: m[13] } });
    }
  }
  parent.appendText(text.slice(last));
}
