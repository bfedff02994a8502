// Markdown rendering, reduced: MarkdownRenderChild as in Obsidian, and a renderer that turns
// headings, list items (tasks with a checkbox), paragraphs, wikilinks and tags into elements —
// enough for a test to find text and links, not Obsidian's HTML.
import type * as O from "obsidian";
import { Component } from "./fake-events";

export class MarkdownRenderChild extends Component implements O.MarkdownRenderChild {
  containerEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.containerEl = containerEl;
  }
}

function renderInline(parent: HTMLElement, text: string): void {
  const pattern = /\[\[([^\]|#]*)(#[^\]|]*)?(?:\|([^\]]*))?\]\]|(^|\s)(#[^\s#]+)/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const lead = match[4] ?? "";
    parent.appendText(text.slice(last, match.index) + lead);
    if (match[5] !== undefined) {
      parent.createEl("a", { cls: "tag", text: match[5], href: match[5] });
    } else {
      const target = `${match[1] ?? ""}${match[2] ?? ""}`;
      parent.createEl("a", { cls: "internal-link", text: match[3] ?? target, attr: { "data-href": target }, href: target });
    }
    last = match.index + match[0].length;
  }
  parent.appendText(text.slice(last));
}

function renderBlock(el: HTMLElement, lines: string[]): void {
  const first = lines[0] ?? "";
  const heading = /^(#{1,6})\s+(.*)$/.exec(first);
  if (heading && lines.length === 1) {
    const level = (heading[1] ?? "#").length as 1 | 2 | 3 | 4 | 5 | 6;
    renderInline(el.createEl(`h${level}`), heading[2] ?? "");
    return;
  }
  if (lines.every((line) => /^\s*(?:[-*+]|\d+[.)])\s/.test(line))) {
    const list = el.createEl("ul");
    for (const line of lines) {
      const task = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]\s?(.*)$/.exec(line);
      const li = list.createEl("li");
      if (task) {
        li.addClass("task-list-item");
        li.setAttr("data-task", task[1] === " " ? "" : (task[1] ?? ""));
        const box = li.createEl("input", { cls: "task-list-item-checkbox", type: "checkbox" });
        box.checked = task[1] !== " ";
        renderInline(li, task[2] ?? "");
      } else {
        renderInline(li, line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""));
      }
    }
    return;
  }
  const p = el.createEl("p");
  lines.forEach((line, i) => {
    if (i > 0) p.createEl("br");
    renderInline(p, line);
  });
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
  static renderMarkdown(markdown: string, el: HTMLElement, _sourcePath: string, _component: O.Component): Promise<void> {
    const blocks: string[][] = [[]];
    for (const line of markdown.replace(/\r\n/g, "\n").split("\n")) {
      if (line.trim() === "") blocks.push([]);
      else if (/^#{1,6}\s/.test(line)) blocks.push([line], []);
      else blocks[blocks.length - 1]?.push(line);
    }
    for (const block of blocks) if (block.length > 0) renderBlock(el, block);
    return Promise.resolve();
  }

  static render(_app: O.App, markdown: string, el: HTMLElement, sourcePath: string, component: O.Component): Promise<void> {
    return MarkdownRenderer.renderMarkdown(markdown, el, sourcePath, component);
  }
}

export class MarkdownPreviewRenderer {
  /** Fake only: the registered post processors. */
  static readonly postProcessors: O.MarkdownPostProcessor[] = [];

  static registerPostProcessor(postProcessor: O.MarkdownPostProcessor, sortOrder?: number): void {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    MarkdownPreviewRenderer.postProcessors.push(postProcessor);
  }

  static unregisterPostProcessor(postProcessor: O.MarkdownPostProcessor): void {
    const index = MarkdownPreviewRenderer.postProcessors.indexOf(postProcessor);
    if (index >= 0) MarkdownPreviewRenderer.postProcessors.splice(index, 1);
  }
}
