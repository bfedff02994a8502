import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { Extension } from "@codemirror/state";
import type { MarkdownPostProcessorContext } from "obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import OneOnOnesPlugin from "../../src/main";
import { createTestApp, flush, loadPlugin, pluginData, runCommand, statusBarItems, unloadPlugin, viewsOfType } from "../fakes/harness";
import { FIXTURE_VAULT, loadFixture } from "./setup";

afterEach(() => {
  vi.useRealTimers();
});

const NOTE = ["# 1:1", "## Check-in", "Fine.", "## Private notes", "Tired lately.", "## Agreements", "- [ ] @me x"].join("\n");

describe("discreet mode", () => {
  it("shows an indicator, marks the document, hides birthdays and is remembered", async () => {
    const { app, plugin } = await loadFixture({
      extra: { "People/Lea.md": "---\ntype: person\nbirthday: 1990-11-25\n---\n" },
    });
    await runCommand(app, "open-people");
    await runCommand(app, "open-follow-ups");
    const content = (type: string) => viewsOfType(app, type)[0]?.containerEl.querySelector(".view-content") as HTMLElement;
    expect(content(VIEW_TYPE_FOLLOW_UPS).textContent).toContain("Birthdays");
    const indicator = statusBarItems(app).find((el) => el.classList.contains("ooo-discreet-indicator"));
    expect(indicator?.classList.contains("is-hidden")).toBe(true);

    await runCommand(app, "toggle-discreet-mode");
    await flush(app);
    expect(document.body.classList.contains("ooo-discreet")).toBe(true);
    expect(indicator?.classList.contains("is-hidden")).toBe(false);
    expect(content(VIEW_TYPE_FOLLOW_UPS).textContent).not.toContain("Birthdays");
    expect(content(VIEW_TYPE_PEOPLE).textContent).not.toMatch(/in 4 days/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await flush(app);
    expect(pluginData(app)).toMatchObject({ discreetMode: true });
    expect(plugin.settings.discreetMode).toBe(true);

    indicator?.click();
    await flush(app);
    expect(document.body.classList.contains("ooo-discreet")).toBe(false);
    expect(content(VIEW_TYPE_FOLLOW_UPS).textContent).toContain("Birthdays");
  });

  it("covers every window, the pop-outs open now and those opened later", async () => {
    const { app, plugin } = await loadFixture();
    const discreet = (doc: Document) => doc.body.classList.contains("ooo-discreet");
    const before = app.workspace.openPopoutLeaf().getContainer().doc;
    expect(before).not.toBe(document);

    await runCommand(app, "toggle-discreet-mode");
    expect([discreet(document), discreet(before)]).toEqual([true, true]);
    const later = app.workspace.openPopoutLeaf().getContainer().doc;
    const moved = app.workspace.moveLeafToPopout(app.workspace.getLeaf("tab")).doc;
    expect([discreet(later), discreet(moved)]).toEqual([true, true]);

    await runCommand(app, "toggle-discreet-mode");
    expect([document, before, later, moved].map(discreet)).toEqual([false, false, false, false]);
    await runCommand(app, "toggle-discreet-mode");
    expect([document, before, later, moved].map(discreet)).toEqual([true, true, true, true]);
    await unloadPlugin(app, plugin);
    expect([document, before, later, moved].map(discreet)).toEqual([false, false, false, false]);
  });

  it("covers a pop-out open before the plugin loads, when discreet mode was left on", async () => {
    const { app } = createTestApp({ files: FIXTURE_VAULT });
    const popout = app.workspace.openPopoutLeaf().getContainer().doc;
    await loadPlugin(OneOnOnesPlugin, app, { data: { discreetMode: true } });
    expect([document, popout].map((doc) => doc.body.classList.contains("ooo-discreet"))).toEqual([true, true]);
  });

  it("marks private sections in reading view", async () => {
    const { app } = await loadFixture();
    const [processor] = app.postProcessors;
    if (!processor) throw new Error("no post processor");
    const lines = NOTE.split("\n");
    const marked = lines.map((_line, lineStart) => {
      const el = document.createElement("div");
      const ctx = { getSectionInfo: () => ({ text: NOTE, lineStart, lineEnd: lineStart }) } as unknown as MarkdownPostProcessorContext;
      void processor(el, ctx);
      return el.classList.contains("ooo-private-section");
    });
    expect(marked).toEqual([false, false, false, true, true, false, false]);
  });

  it("marks private lines in the editor", async () => {
    const { app } = await loadFixture();
    const view = new EditorView({ state: EditorState.create({ doc: NOTE, extensions: app.editorExtensions as Extension[] }) });
    const marked = Array.from(view.contentDOM.querySelectorAll(".cm-line")).map((line) => line.classList.contains("ooo-private-line"));
    expect(marked).toEqual([false, false, false, true, true, false, false]);
    view.destroy();
  });
});
