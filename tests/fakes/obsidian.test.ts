// Tests of the fake Obsidian itself: the behaviours the plugin's tests rely on.
import type * as O from "obsidian";
import {
  FuzzySuggestModal,
  ItemView,
  MarkdownRenderChild,
  MarkdownView,
  Modal,
  Notice,
  Plugin,
  PluginSettingTab,
  Setting,
  SuggestModal,
  TFile,
  TFolder,
  debounce,
  normalizePath,
  parseYaml,
  stringifyYaml,
} from "obsidian";
import { describe, expect, it, vi } from "vitest";
import { App } from "./fake-app";
import { Editor } from "./fake-editor";
import {
  activeEditor,
  activeModal,
  activeSuggest,
  click,
  createTestApp,
  files,
  flush,
  isCommandAvailable,
  loadPlugin,
  menus,
  modals,
  notices,
  openFile,
  openSettings,
  pluginData,
  read,
  renderCodeBlock,
  runCommand,
  statusBarItems,
  takeErrors,
  unloadPlugin,
} from "./harness";

// The fake App is an O.App to the type checker: plugin code takes it as it is.
const typeCheck: (app: App) => O.App = (app) => app;
void typeCheck;

describe("normalizePath", () => {
  it.each([
    ["a/b", "a/b"],
    ["/a/b/", "a/b"],
    ["a//b///c", "a/b/c"],
    ["a\\b\\\\c", "a/b/c"],
    ["\\\\a\\b\\", "a/b"],
    ["", "/"],
    ["/", "/"],
    ["a\u00A0b\u202Fc", "a b c"],
    ["Cafe\u0301.md", "Café.md"],
  ])("%j → %j", (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe("vault", () => {
  it("builds the tree, folders included, from the initial files", () => {
    const { vault } = createTestApp({ files: { "People/Anya Petrova.md": "# Anya", "img/a.png": "PNG", "top.md": "" }, ctime: 1000 });
    const file = vault.getFileByPath("People/Anya Petrova.md");
    expect(file).toBeInstanceOf(TFile);
    expect(file).toMatchObject({ name: "Anya Petrova.md", basename: "Anya Petrova", extension: "md", stat: { ctime: 1000, mtime: 1000, size: 6 } });
    expect(file?.parent?.path).toBe("People");
    expect(vault.getFolderByPath("People")).toBeInstanceOf(TFolder);
    expect(vault.getRoot().isRoot()).toBe(true);
    expect(vault.getFileByPath("top.md")?.parent).toBe(vault.getRoot());
    expect(vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(["People/Anya Petrova.md", "top.md"]);
    expect(vault.getFiles()).toHaveLength(3);
    expect(vault.getAllLoadedFiles().map((f) => f.path).sort()).toEqual(["/", "People", "People/Anya Petrova.md", "img", "img/a.png", "top.md"]);
  });

  it("fires vault events first and the metadata events a moment later", async () => {
    const { app, vault, metadataCache } = createTestApp({ files: { "a.md": "old" } });
    const log: string[] = [];
    vault.on("create", (f) => log.push(`create ${f.path}`));
    vault.on("modify", (f) => log.push(`modify ${f.path}`));
    metadataCache.on("changed", (f, data) => log.push(`changed ${f.path} ${JSON.stringify(data)}`));
    metadataCache.on("resolved", () => log.push("resolved"));
    const file = await vault.create("b.md", "# B");
    log.push("create resolved");
    expect(metadataCache.getFileCache(file)).toBeNull();
    const a = vault.getFileByPath("a.md");
    if (!a) throw new Error("missing a.md");
    await vault.modify(a, "# New");
    log.push("modify resolved");
    expect(metadataCache.getFileCache(a)?.headings).toBeUndefined();
    await flush(app);
    expect(log).toEqual(["create b.md", "create resolved", "modify a.md", "modify resolved", 'changed b.md "# B"', 'changed a.md "# New"', "resolved"]);
    expect(metadataCache.getFileCache(a)?.headings?.[0]?.heading).toBe("New");
  });

  it("refuses to create a file that exists, or in a folder that does not", async () => {
    const { vault } = createTestApp({ files: { "a.md": "x" } });
    await expect(vault.create("a.md", "y")).rejects.toThrow("File already exists.");
    await expect(vault.create("A.md", "y")).rejects.toThrow("File already exists.");
    await expect(vault.create("missing/b.md", "y")).rejects.toThrow(/ENOENT/);
    await expect(vault.create("bad:name.md", "y")).rejects.toThrow(/cannot contain/);
    await expect(vault.create("/a//c.md", "y")).rejects.toThrow(/normalized/);
    await vault.createFolder("deep/er");
    expect(vault.getFolderByPath("deep")).not.toBeNull();
    await expect(vault.createFolder("deep")).rejects.toThrow("Folder already exists.");
    expect((await vault.create("deep/er/b.md", "y")).path).toBe("deep/er/b.md");
  });

  it("deletes, fires delete then the metadata cache's deleted, and renames with the old path", async () => {
    const { app, vault, metadataCache } = createTestApp({ files: { "f/a.md": "# A", "f/b.md": "b" } });
    const log: string[] = [];
    vault.on("delete", (f) => log.push(`delete ${f.path}`));
    vault.on("rename", (f, old) => log.push(`rename ${old} → ${f.path}`));
    metadataCache.on("deleted", (f, prev) => log.push(`deleted ${f.path} ${prev?.headings?.[0]?.heading ?? "-"}`));
    const a = vault.getFileByPath("f/a.md");
    if (!a) throw new Error("missing");
    await vault.delete(a);
    const folder = vault.getFolderByPath("f");
    if (!folder) throw new Error("missing");
    await vault.createFolder("g");
    await vault.rename(folder, "g/h");
    await flush(app);
    expect(log).toEqual(["delete f/a.md", "deleted f/a.md A", "rename f → g/h", "rename f/b.md → g/h/b.md"]);
    expect(Object.keys(files(app))).toEqual(["g/h/b.md"]);
    expect(vault.getFileByPath("g/h/b.md")?.parent?.path).toBe("g/h");
    expect(metadataCache.getCache("g/h/b.md")).not.toBeNull();
  });

  it("process reads, applies and writes in one step; a failed write changes nothing", async () => {
    const { app, vault } = createTestApp({ files: { "a.md": "one\r\ntwo" } });
    const a = vault.getFileByPath("a.md");
    if (!a) throw new Error("missing");
    const results = await Promise.all([vault.process(a, (t) => `${t}\r\nthree`), vault.process(a, (t) => `${t}\r\nfour`)]);
    expect(results[1]).toBe("one\r\ntwo\r\nthree\r\nfour");
    vault.failNextWrite("a.md");
    await expect(vault.process(a, () => "lost")).rejects.toThrow(/simulated/);
    await expect(vault.process(a, () => {
      throw new Error("fn failed");
    })).rejects.toThrow("fn failed");
    expect(read(app, "a.md")).toBe("one\r\ntwo\r\nthree\r\nfour");
  });

  it("sees an external edit a moment later: read is fresh, cachedRead is not yet", async () => {
    const { app, vault } = createTestApp({ files: { "a.md": "before" } });
    const a = vault.getFileByPath("a.md");
    if (!a) throw new Error("missing");
    const modified = vi.fn();
    vault.on("modify", modified);
    vault.externalEdit("a.md", "after");
    expect(await vault.read(a)).toBe("after");
    expect(await vault.cachedRead(a)).toBe("before");
    await flush(app);
    expect(modified).toHaveBeenCalledWith(a);
    expect(await vault.cachedRead(a)).toBe("after");
    vault.externalEdit("new.md", "hello");
    await flush(app);
    expect(vault.getFileByPath("new.md")).toBeInstanceOf(TFile);
  });
});

describe("processFrontMatter", () => {
  const body = "\r\n# Title\r\n\r\n- [ ] keep   this \t\r\n";

  it("keeps the body byte for byte and the file's line endings", async () => {
    const { app, vault, fileManager } = createTestApp({ files: { "p.md": `---\r\ntype: person\r\naliases: [Anya]\r\n---${body}` } });
    const file = vault.getFileByPath("p.md");
    if (!file) throw new Error("missing");
    await fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
      fm["last-seen"] = "2026-11-21";
    });
    expect(read(app, "p.md")).toBe(`---\r\ntype: person\r\naliases:\r\n  - Anya\r\nlast-seen: 2026-11-21\r\n---${body}`);
  });

  it("creates the front matter when there is none", async () => {
    const { app, vault, fileManager } = createTestApp({ files: { "n.md": "Body\n" } });
    const file = vault.getFileByPath("n.md");
    if (!file) throw new Error("missing");
    await fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
      fm.type = "one-on-one";
      fm.person = "[[Anya Petrova]]";
      fm.date = "2026-11-21";
    });
    expect(read(app, "n.md")).toBe('---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-11-21\n---\nBody\n');
  });

  it("throws without writing on malformed YAML", async () => {
    const text = "---\na: [b\n---\nBody";
    const { app, vault, fileManager } = createTestApp({ files: { "m.md": text } });
    const file = vault.getFileByPath("m.md");
    if (!file) throw new Error("missing");
    const fn = vi.fn();
    await expect(fileManager.processFrontMatter(file, fn)).rejects.toThrow();
    expect(fn).not.toHaveBeenCalled();
    expect(read(app, "m.md")).toBe(text);
  });

  it("formats YAML like Obsidian: block lists, quotes only where needed", () => {
    const out = stringifyYaml({
      tags: ["team/payments", "person"],
      count: 10,
      flag: true,
      empty: null,
      none: [],
      quoted: ["#tag", "a: b", "123", "true", "yes", ""],
      plain: "Backend engineer",
      nested: { a: 1 },
      multi: "a\nb",
    });
    expect(out).toBe(
      [
        "tags:",
        "  - team/payments",
        "  - person",
        "count: 10",
        "flag: true",
        "empty: null",
        "none: []",
        "quoted:",
        '  - "#tag"',
        '  - "a: b"',
        '  - "123"',
        '  - "true"',
        '  - "yes"',
        '  - ""',
        "plain: Backend engineer",
        "nested:",
        "  a: 1",
        "multi: |-",
        "  a",
        "  b",
        "",
      ].join("\n"),
    );
    expect(parseYaml("d: 2026-11-21\nb: --04-02\nx: yes")).toEqual({ d: "2026-11-21", b: "--04-02", x: "yes" });
  });
});

describe("links", () => {
  const vaultFiles = {
    "People/Anya Petrova.md": "",
    "Archive/People/Anya Petrova.md": "",
    "1-1s/Anya Petrova/2026-11-21.md": "[[Anya Petrova]] [[anya petrova#Next 1:1|next]] [[Nobody]] ![[pic.png]]",
    "pic.png": "",
    "Notes/Idea.md": "",
    "Notes/Sub/Idea.md": "",
  };

  it("resolves like Obsidian: exact path, without .md, same folder, shortest path, case-insensitive", () => {
    const { metadataCache } = createTestApp({ files: vaultFiles });
    const dest = (link: string, from = "x.md"): string | undefined => metadataCache.getFirstLinkpathDest(link, from)?.path;
    expect(dest("People/Anya Petrova")).toBe("People/Anya Petrova.md");
    expect(dest("Archive/People/Anya Petrova.md")).toBe("Archive/People/Anya Petrova.md");
    expect(dest("anya petrova")).toBe("People/Anya Petrova.md");
    expect(dest("Idea", "Notes/Sub/x.md")).toBe("Notes/Sub/Idea.md");
    expect(dest("Idea")).toBe("Notes/Idea.md");
    expect(dest("../Idea", "Notes/Sub/x.md")).toBe("Notes/Idea.md");
    expect(dest("pic.png")).toBe("pic.png");
    expect(dest("pic")).toBeUndefined();
    expect(dest("", "pic.png")).toBe("pic.png");
  });

  it("builds link text and keeps the link maps", async () => {
    const { app, vault, metadataCache, fileManager } = createTestApp({ files: vaultFiles });
    const idea = vault.getFileByPath("Notes/Idea.md");
    const pic = vault.getFileByPath("pic.png");
    if (!idea || !pic) throw new Error("missing");
    expect(metadataCache.fileToLinktext(idea, "")).toBe("Notes/Idea");
    expect(metadataCache.fileToLinktext(pic, "")).toBe("pic.png");
    expect(fileManager.generateMarkdownLink(idea, "", "#H", "alias")).toBe("[[Notes/Idea#H|alias]]");
    const source = "1-1s/Anya Petrova/2026-11-21.md";
    expect(metadataCache.resolvedLinks[source]).toEqual({ "People/Anya Petrova.md": 2, "pic.png": 1 });
    expect(metadataCache.unresolvedLinks[source]).toEqual({ Nobody: 1 });
    await vault.create("Nobody.md", "");
    await flush(app);
    expect(metadataCache.resolvedLinks[source]).toEqual({ "People/Anya Petrova.md": 2, "pic.png": 1, "Nobody.md": 1 });
    expect(metadataCache.unresolvedLinks[source]).toEqual({});
  });

  it("renameFile updates links in other notes, keeping subpaths and aliases", async () => {
    const { app, vault, fileManager } = createTestApp({
      files: {
        "People/Anya.md": "",
        "log.md": "---\nperson: \"[[Anya]]\"\n---\nSee [[Anya]], [[Anya#Next|her]], ![[Anya]] and [A](People/Anya.md). [[Other]]\r\n",
      },
    });
    const anya = vault.getFileByPath("People/Anya.md");
    if (!anya) throw new Error("missing");
    await fileManager.renameFile(anya, "People/Anya Petrova.md");
    await flush(app);
    expect(read(app, "log.md")).toBe(
      '---\nperson: "[[Anya Petrova]]"\n---\nSee [[Anya Petrova]], [[Anya Petrova#Next|her]], ![[Anya Petrova]] and [A](Anya%20Petrova.md). [[Other]]\r\n',
    );
  });
});

describe("editor and views", () => {
  it("edits like CodeMirror", () => {
    const editor = new Editor("one\ntwo\nthree");
    editor.setCursor({ line: 1, ch: 1 });
    editor.replaceRange("X", { line: 1, ch: 1 });
    expect(editor.getValue()).toBe("one\ntXwo\nthree");
    expect(editor.getCursor()).toEqual({ line: 1, ch: 1 });
    editor.replaceSelection("YZ");
    expect(editor.getCursor()).toEqual({ line: 1, ch: 3 });
    editor.setSelection({ line: 0, ch: 0 }, { line: 0, ch: 3 });
    expect(editor.getSelection()).toBe("one");
    editor.replaceSelection("1");
    expect(editor.getValue()).toBe("1\ntYZXwo\nthree");
    expect(editor.getRange({ line: 1, ch: 0 }, { line: 2, ch: 2 })).toBe("tYZXwo\nth");
    expect(editor.posToOffset({ line: 2, ch: 1 })).toBe(10);
    expect(editor.offsetToPos(10)).toEqual({ line: 2, ch: 1 });
    expect(editor.lineCount()).toBe(3);
    expect(editor.lastLine()).toBe(2);
    expect(editor.getLine(9)).toBe("");
    editor.setSelection({ line: 0, ch: 0 }, { line: 2, ch: 0 });
    editor.processLines(
      (line) => line,
      (line, text) => ({ from: { line, ch: 0 }, to: { line, ch: text.length }, text: `- ${text}` }),
    );
    expect(editor.getValue()).toBe("- 1\n- tYZXwo\n- three");
    editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: "A" }, { from: { line: 2, ch: 0 }, to: { line: 2, ch: 1 }, text: "*" }] });
    expect(editor.getValue()).toBe("A- 1\n- tYZXwo\n* three");
    editor.undo();
    expect(editor.getValue()).toBe("- 1\n- tYZXwo\n- three");
  });

  it("saves editor changes to the file (keeping CRLF) and reloads on changes from disk", async () => {
    const { app, vault, workspace } = createTestApp({ files: { "a.md": "one\r\ntwo" }, layoutReady: true });
    const opened = vi.fn();
    workspace.on("file-open", opened);
    const view = await openFile(app, "a.md");
    expect(view).toBeInstanceOf(MarkdownView);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(workspace.getActiveFile()?.path).toBe("a.md");
    expect(workspace.getActiveViewOfType(MarkdownView as unknown as O.Constructor<O.MarkdownView>)).toBe(view);
    const editor = activeEditor(app);
    expect(editor.getValue()).toBe("one\ntwo");
    editor.setCursor(1, 3);
    editor.replaceSelection("!");
    expect(read(app, "a.md")).toBe("one\r\ntwo!");
    const file = vault.getFileByPath("a.md");
    if (!file) throw new Error("missing");
    await vault.process(file, (t) => t.replace("one", "ONE"));
    expect(editor.getValue()).toBe("ONE\ntwo!");
    expect(editor.getCursor()).toEqual({ line: 1, ch: 4 });
  });

  it("keeps the active file while a sidebar view is active", async () => {
    const { app, workspace } = createTestApp({ files: { "a.md": "" }, layoutReady: true });
    await openFile(app, "a.md");
    const side = workspace.getRightLeaf(false);
    if (!side) throw new Error("no leaf");
    await side.setViewState({ type: "empty", active: true });
    expect(workspace.activeLeaf).toBe(side);
    expect(workspace.getActiveFile()?.path).toBe("a.md");
    expect(workspace.getActiveViewOfType(MarkdownView as unknown as O.Constructor<O.MarkdownView>)).toBeNull();
  });
});

class PickModal extends SuggestModal<string> {
  chosen: string | null = null;
  closedBeforeChoice = false;
  private showing = false;
  constructor(
    app: App,
    private readonly items: string[],
  ) {
    super(app);
  }
  getSuggestions(query: string): string[] {
    return this.items.filter((i) => i.toLowerCase().includes(query.toLowerCase()));
  }
  renderSuggestion(value: string, el: HTMLElement): void {
    el.setText(value);
  }
  override onOpen(): void {
    this.showing = true;
  }
  override onClose(): void {
    this.showing = false;
  }
  onChooseSuggestion(item: string): void {
    this.closedBeforeChoice = !this.showing;
    this.chosen = item;
  }
}

class FuzzyPeople extends FuzzySuggestModal<{ name: string }> {
  chosen: string | null = null;
  getItems(): Array<{ name: string }> {
    return [{ name: "Anya Petrova" }, { name: "John Appleseed" }, { name: "Bob" }];
  }
  getItemText(item: { name: string }): string {
    return item.name;
  }
  onChooseItem(item: { name: string }): void {
    this.chosen = item.name;
  }
}

class TestPlugin extends Plugin {
  readonly log: string[] = [];
  override async onload(): Promise<void> {
    this.log.push("onload");
    const data = (await this.loadData()) as { n?: number } | null;
    this.log.push(`data ${data?.n ?? "none"}`);
    this.app.workspace.onLayoutReady(() => this.log.push("layout ready"));
    this.registerEvent(this.app.metadataCache.on("resolved", () => this.log.push("resolved")));
    this.addCommand({ id: "plain", name: "Plain", callback: () => this.log.push("plain") });
    this.addCommand({
      id: "checked",
      name: "Checked",
      checkCallback: (checking) => {
        if (this.app.workspace.getActiveFile() === null) return false;
        if (!checking) this.log.push("checked");
        return true;
      },
    });
    this.addCommand({
      id: "editor",
      name: "Editor",
      editorCallback: (editor) => editor.replaceSelection("inserted"),
    });
    this.addCommand({
      id: "async",
      name: "Async",
      callback: async () => {
        const file = await this.app.vault.create("made.md", "made");
        new Notice(`Created ${file.basename}`);
      },
    });
    this.addSettingTab(new TestTab(this.app, this));
    this.addStatusBarItem().setText("Overdue: 3");
    this.registerMarkdownCodeBlockProcessor("one-on-ones", (source, el, ctx) => {
      const child = new MarkdownRenderChild(el);
      ctx.addChild(child);
      el.createEl("p", { text: `${source.trim()} in ${ctx.sourcePath}` });
    });
  }
  override onunload(): void {
    this.log.push("onunload");
  }
}

class TestTab extends PluginSettingTab {
  value = "";
  toggled = false;
  constructor(
    app: O.App,
    private readonly owner: TestPlugin,
  ) {
    super(app, owner);
  }
  display(): void {
    this.containerEl.empty();
    new Setting(this.containerEl).setName("Folder").addText((t) => t.setValue("People").onChange((v) => (this.value = v)));
    new Setting(this.containerEl).setName("Done date").addToggle((t) => t.onChange((v) => (this.toggled = v)));
    new Setting(this.containerEl).setName("Reset").addButton((b) => b.setButtonText("Reset").onClick(() => this.owner.log.push("reset")));
  }
}

describe("plugin, commands and UI", () => {
  it("loads: onload, then layout-ready callbacks, then the first resolved; unloads", async () => {
    const { app } = createTestApp({ files: { "a.md": "" } });
    const plugin = await loadPlugin(TestPlugin, app, { data: { n: 7 } });
    expect(plugin.log).toEqual(["onload", "data 7", "layout ready", "resolved"]);
    await plugin.saveData({ n: 8 });
    expect(pluginData(app)).toEqual({ n: 8 });
    expect(statusBarItems(app).map((el) => el.textContent)).toEqual(["Overdue: 3"]);
    await unloadPlugin(app, plugin);
    expect(plugin.log.at(-1)).toBe("onunload");
    expect(await runCommand(app, "one-on-ones:plain")).toBe(false);
    expect(statusBarItems(app)).toEqual([]);
  });

  it("runs commands by id with Obsidian's check semantics", async () => {
    const { app } = createTestApp({ files: { "a.md": "text" } });
    const plugin = await loadPlugin(TestPlugin, app);
    expect(app.commands.findCommand("one-on-ones:plain")?.name).toBe("One-on-Ones: Plain");
    expect(isCommandAvailable(app, "one-on-ones:checked")).toBe(false);
    expect(await runCommand(app, "one-on-ones:checked")).toBe(false);
    expect(await runCommand(app, "one-on-ones:editor")).toBe(false);
    await openFile(app, "a.md");
    expect(await runCommand(app, "one-on-ones:checked")).toBe(true);
    activeEditor(app).setCursor(0, 4);
    expect(await runCommand(app, "one-on-ones:editor")).toBe(true);
    expect(read(app, "a.md")).toBe("textinserted");
    expect(await runCommand(app, "one-on-ones:async")).toBe(true);
    expect(read(app, "made.md")).toBe("made");
    expect(notices(app)).toEqual(["Created made"]);
    expect(plugin.log).toContain("checked");
    expect(await runCommand(app, "one-on-ones:nope")).toBe(false);
  });

  it("drives settings, code blocks and menus", async () => {
    const { app } = createTestApp({ files: { "n.md": "```one-on-ones\nAnya\n```\n" } });
    const plugin = await loadPlugin(TestPlugin, app);
    const settings = openSettings(app);
    expect(settings.names()).toEqual(["Folder", "Done date", "Reset"]);
    await settings.change("Folder", "Team");
    await settings.change("Done date", true);
    await settings.click("Reset");
    const tab = settings.tab as unknown as TestTab;
    expect([tab.value, tab.toggled]).toEqual(["Team", true]);
    expect(plugin.log).toContain("reset");
    const block = await renderCodeBlock(app, "one-on-ones", "Anya\n", "n.md");
    expect(block.el.textContent).toBe("Anya in n.md");
    expect(block.ctx.getSectionInfo(block.el)).toMatchObject({ lineStart: 0, lineEnd: 2 });
    await block.unload();
    const { Menu } = await import("obsidian");
    const picked = vi.fn();
    new Menu().addItem((i) => i.setTitle("Open").onClick(picked)).showAtPosition({ x: 0, y: 0 });
    menus(app)[0]?.items[0]?.click();
    expect(picked).toHaveBeenCalled();
  });

  it("drives suggest modals: query, choose (closing first), escape", async () => {
    const { app } = createTestApp();
    const modal = new PickModal(app, ["Anya Petrova", "John Appleseed", "Bob"]);
    modal.open();
    const picker = activeSuggest(app);
    expect(await picker.query("")).toEqual(["Anya Petrova", "John Appleseed", "Bob"]);
    expect(await picker.query("pe")).toEqual(["Anya Petrova"]);
    expect(await picker.query("o")).toEqual(["Anya Petrova", "John Appleseed", "Bob"]);
    await picker.choose("John Appleseed");
    expect(modal.chosen).toBe("John Appleseed");
    expect(modal.closedBeforeChoice).toBe(true);
    expect(modals(app)).toEqual([]);

    const fuzzy = new FuzzyPeople(app);
    fuzzy.open();
    const people = activeSuggest(app);
    expect(await people.query("jap")).toEqual(["John Appleseed"]);
    await people.enter();
    expect(fuzzy.chosen).toBe("John Appleseed");

    const again = new FuzzyPeople(app);
    again.open();
    await activeSuggest(app).escape();
    expect(again.chosen).toBeNull();
    expect(modals(app)).toEqual([]);
  });

  it("does not wait for a command that waits for the user", async () => {
    const { app } = createTestApp();
    let chosen: string | null = null;
    app.commands.addCommand({
      id: "test:pick",
      name: "Pick",
      callback: async () => {
        chosen = await new Promise<string>((resolve) => {
          new (class extends PickModal {
            override onChooseSuggestion(item: string): void {
              resolve(item);
            }
          })(app, ["a", "b"]).open();
        });
      },
    });
    expect(await runCommand(app, "test:pick")).toBe(true);
    expect(chosen).toBeNull();
    await activeSuggest(app).choose("b");
    expect(chosen).toBe("b");
  });

  it("lets tests fill plain modals", async () => {
    const { app } = createTestApp();
    let submitted = "";
    const modal = new (class extends Modal {
      override onOpen(): void {
        this.setTitle("Add talking point");
        const input = this.contentEl.createEl("input", { type: "text", placeholder: "Topic" });
        this.contentEl.createEl("button", { text: "Add" }).addEventListener("click", () => {
          submitted = input.value;
          this.close();
        });
      }
    })(app);
    modal.open();
    const open = activeModal(app);
    expect(open.titleEl.textContent).toBe("Add talking point");
    const input = open.contentEl.querySelector("input");
    if (!input) throw new Error("no input");
    input.value = "RFC";
    const add = open.contentEl.querySelector("button");
    if (!add) throw new Error("no button");
    await click(app, add);
    expect(submitted).toBe("RFC");
    expect(modals(app)).toEqual([]);
  });

  it("hosts the plugin's views: registerView, side leaves, reveal, detach", async () => {
    const { app, workspace } = createTestApp({ layoutReady: true });
    const log: string[] = [];
    class FollowUps extends ItemView {
      getViewType(): string {
        return "follow-ups";
      }
      getDisplayText(): string {
        return "Follow-ups";
      }
      override async onOpen(): Promise<void> {
        await Promise.resolve();
        this.contentEl.createEl("h4", { text: "Overdue" });
        log.push("open");
      }
      override async onClose(): Promise<void> {
        await Promise.resolve();
        log.push("close");
      }
    }
    const plugin = await loadPlugin(
      class extends Plugin {
        override onload(): void {
          this.registerView("follow-ups", (leaf) => new FollowUps(leaf));
        }
      },
      app,
    );
    const leaf = workspace.getRightLeaf(false);
    if (!leaf) throw new Error("no leaf");
    await leaf.setViewState({ type: "follow-ups", active: true });
    await workspace.revealLeaf(leaf);
    expect(workspace.rightSplit.collapsed).toBe(false);
    const [view] = workspace.getLeavesOfType("follow-ups").map((l) => l.view);
    expect(view).toBeInstanceOf(FollowUps);
    expect(view?.containerEl.children[1]?.textContent).toBe("Overdue");
    expect(log).toEqual(["open"]);
    workspace.detachLeavesOfType("follow-ups");
    await flush(app);
    expect(log).toEqual(["open", "close"]);
    expect(workspace.getLeavesOfType("follow-ups")).toEqual([]);
    await unloadPlugin(app, plugin);
    await expect(workspace.getLeaf(true).setViewState({ type: "follow-ups" })).rejects.toThrow(/No view/);
  });

  it("opens pop-out windows of their own, firing window-open and, with their last leaf, window-close", async () => {
    const { app, workspace } = createTestApp({ files: { "Anya.md": "hi" }, layoutReady: true });
    const events: string[] = [];
    workspace.on("window-open", (win, window) => events.push(`open ${String(win.win === window)}`));
    workspace.on("window-close", (win, window) => events.push(`close ${String(win.win === window)}`));

    const leaf = workspace.openPopoutLeaf();
    const win = leaf.getContainer();
    expect(win.doc).not.toBe(document);
    expect(win.win.document).toBe(win.doc);
    expect(events).toEqual(["open true"]);
    const file = app.vault.getFileByPath("Anya.md");
    if (!file) throw new Error("no file");
    await leaf.openFile(file);
    expect(leaf.view.containerEl.doc).toBe(win.doc);
    // Obsidian's DOM additions work in the pop-out, as in every window Obsidian opens.
    win.doc.body.toggleClass("x", true);
    expect(win.doc.body.hasClass("x")).toBe(true);
    const all: O.WorkspaceLeaf[] = [];
    workspace.iterateAllLeaves((l) => all.push(l));
    expect(all).toContain(leaf);
    // The active leaf is in the pop-out: notes open there, as in Obsidian.
    expect(workspace.getLeaf(false)).toBe(leaf);

    const tab = workspace.getLeaf("tab");
    expect(tab.getContainer()).toBe(workspace.rootSplit);
    const moved = workspace.moveLeafToPopout(tab);
    expect(tab.getContainer()).toBe(moved);
    expect(moved.doc).not.toBe(win.doc);
    expect(events).toEqual(["open true", "open true"]);
    leaf.detach();
    await flush(app);
    expect(events).toEqual(["open true", "open true", "close true"]);
    expect(workspace.getLeaf(false).getContainer()).toBe(workspace.rootSplit);
    const left: O.WorkspaceLeaf[] = [];
    workspace.iterateAllLeaves((l) => left.push(l));
    expect(left).not.toContain(leaf);
  });

  it("opens links, creating the note of an unresolved one", async () => {
    const { app, workspace, vault, fileManager } = createTestApp({ files: { "People/Anya.md": "" }, layoutReady: true });
    await workspace.openLinkText("Anya", "");
    expect(workspace.getActiveFile()?.path).toBe("People/Anya.md");
    await workspace.openLinkText("Someone new", "People/Anya.md", true);
    expect(workspace.getActiveFile()?.path).toBe("Someone new.md");
    const newFile = vault.getFileByPath("Someone new.md");
    if (!newFile) throw new Error("missing");
    await fileManager.trashFile(newFile);
    await flush(app);
    expect(vault.trashed).toEqual([{ path: "Someone new.md", system: true }]);
    expect(workspace.getActiveFile()).toBeNull();
  });

  it("queues onLayoutReady callbacks until the layout is ready, then calls them at once", () => {
    const { workspace } = createTestApp();
    const log: number[] = [];
    workspace.onLayoutReady(() => log.push(1));
    workspace.onLayoutReady(() => log.push(2));
    expect(log).toEqual([]);
    workspace.setLayoutReady();
    expect(log).toEqual([1, 2]);
    workspace.onLayoutReady(() => log.push(3));
    expect(log).toEqual([1, 2, 3]);
  });

  it("reports errors thrown in handlers at the next flush", async () => {
    const { app, vault } = createTestApp({ failOnHandlerErrors: false });
    vault.on("create", () => {
      throw new Error("boom");
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await vault.create("x.md", "");
    await flush(app);
    expect(takeErrors(app)).toEqual([new Error("boom")]);
    error.mockRestore();
  });
});

describe("helpers", () => {
  it("debounce waits, keeps the last arguments, and can be run or cancelled", async () => {
    vi.useFakeTimers();
    try {
      const seen: number[] = [];
      const d = debounce((n: number) => seen.push(n), 100);
      d(1);
      d(2);
      vi.advanceTimersByTime(99);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual([2]);
      d(3);
      d.cancel();
      vi.advanceTimersByTime(200);
      expect(seen).toEqual([2]);
      d(4);
      d.run();
      expect(seen).toEqual([2, 4]);
      d(5);
      await flush();
      expect(seen).toEqual([2, 4, 5]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("installs Obsidian's DOM helpers", () => {
    const parent = createDiv({ cls: "a b", attr: { "data-x": 1 } });
    const link = parent.createEl("a", { text: "go", href: "#x", title: "Go", cls: ["c"] });
    const input = parent.createEl("input", { type: "checkbox", value: "v", placeholder: "p" });
    parent.createSpan("first", (el) => el.setText("!"));
    expect(parent.outerHTML).toBe(
      '<div class="a b" data-x="1"><a class="c" title="Go" href="#x">go</a><input type="checkbox" value="v" placeholder="p"><span class="first">!</span></div>',
    );
    expect(input.value).toBe("v");
    link.toggleClass("on", true);
    link.setAttr("data-x", null);
    expect(link.hasClass("on")).toBe(true);
    parent.empty();
    expect(parent.childElementCount).toBe(0);
    expect(activeDocument).toBe(document);
  });
});
