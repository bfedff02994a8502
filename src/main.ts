import { Notice, Plugin, TFile, debounce, requireApiVersion, type WorkspaceLeaf } from "obsidian";
import { CODE_BLOCK_LANGUAGE, COMMAND_IDS, ICON, VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "./constants";
import { systemClock, type Clock } from "./domain/dates";
import { peopleBase } from "./domain/people-base";
import { peopleToCsv, peopleToMarkdown } from "./domain/people-table";
import type { FollowUpsQuery, PeopleQuery, PersonRow } from "./domain/view-models";
import { PeopleIndex } from "./index/people-index";
import { agreementsBlockProcessor } from "./obsidian/agreements-block";
import { registerAdoptionCommands, type AdoptionActions } from "./obsidian/adoption-commands";
import { CommandActions, registerCommands } from "./obsidian/commands";
import { exportPeople } from "./obsidian/export-people";
import { IndexFeeder } from "./obsidian/index-feeder";
import { Meetings } from "./obsidian/meetings";
import type { StartsMemory } from "./obsidian/skip";
import { describe, NoteWriter } from "./obsidian/note-writer";
import { OneOnOnesSettingTab } from "./obsidian/settings-tab";
import { Toggler } from "./obsidian/toggler";
import { readTasksConventions } from "./obsidian/tasks-plugin";
import { sameConventions, TASKS_DEFAULTS, type TasksConventions } from "./domain/tasks-conventions";
import { DiscreetMode, privateLinesExtension, privateSectionMarker } from "./obsidian/discreet";
import { indexSettings, normalizeSettings, privateHeadings, type OneOnOnesSettings } from "./settings";
import { FollowUpsView } from "./views/follow-ups-view";
import type { ViewHost } from "./views/host";
import { PeopleView } from "./views/people-view";
import { StatusBar, statusCounts } from "./views/status-bar";
import { statusData } from "./views/view-data";

/** Bases (`.base` files) arrived with this version of Obsidian. */
const BASES_API_VERSION = "1.9.10";

export default class OneOnOnesPlugin extends Plugin {
  settings!: OneOnOnesSettings;
  index!: PeopleIndex;
  /** "Today" comes from here; tests replace it. */
  clock: Clock = systemClock;
  private feeder: IndexFeeder | null = null;
  private indexReady: Promise<void> | null = null;
  private resolveReady: () => void = () => {};
  private actions!: CommandActions;
  private adoption!: AdoptionActions;
  private writer!: NoteWriter;
  private meetings!: Meetings;
  private toggler!: Toggler;
  private statusBar: StatusBar | null = null;
  private discreetMode!: DiscreetMode;
  /** How the Tasks plugin reads checkboxes: read when the layout is ready, then every few minutes. */
  private tasksConventions: TasksConventions = TASKS_DEFAULTS;

  override async onload(): Promise<void> {
    this.settings = normalizeSettings(await this.loadData()).settings;
    this.index = new PeopleIndex(indexSettings(this.settings), this.clock);
    this.writer = new NoteWriter(this.app);
    const settings = () => this.settings;
    this.meetings = new Meetings(this.app, this.index, this.writer, settings, this.clock, this.startsMemory());
    this.toggler = new Toggler(this.app, this.writer, settings, this.clock);
    this.indexReady = new Promise((resolve) => (this.resolveReady = resolve));
    const ready = () => this.indexReady ?? Promise.resolve();

    const tasks = () => this.tasksConventions;
    const context = { app: this.app, index: this.index, meetings: this.meetings, writer: this.writer, settings, tasks, clock: this.clock, ready };
    this.actions = new CommandActions(context);
    registerCommands(this, context, this.actions);
    this.adoption = registerAdoptionCommands(this, { ...context, updateSettings: (change) => this.updateSettings(change) });
    this.registerViewCommands();
    this.addSettingTab(new OneOnOnesSettingTab(this.app, this, this));

    this.discreetMode = new DiscreetMode(this.settings.discreetMode, this.addStatusBarItem(), (on) => {
      this.settings.discreetMode = on;
      this.saveQueriesSoon();
    }, this.app.workspace);
    this.register(() => this.discreetMode.dispose());
    const headings = () => privateHeadings(this.settings);
    this.registerMarkdownPostProcessor(privateSectionMarker(headings));
    this.registerEditorExtension(privateLinesExtension(headings));

    const host = this.viewHost();
    this.registerView(VIEW_TYPE_FOLLOW_UPS, (leaf) => new FollowUpsView(leaf, host));
    this.registerView(VIEW_TYPE_PEOPLE, (leaf) => new PeopleView(leaf, host));
    this.registerMarkdownCodeBlockProcessor(
      CODE_BLOCK_LANGUAGE,
      agreementsBlockProcessor({
        index: this.index,
        clock: this.clock,
        ready,
        tick: (target) => this.toggler.tick(target),
        openAt: (target) => this.toggler.openAt(target),
      }),
    );
    this.addRibbonIcon(ICON, "Open follow-ups", () => void this.openFollowUps());
    this.statusBar = new StatusBar(this.addStatusBarItem(), () => void this.openFollowUps());

    // Everything heavy waits until Obsidian has laid out its workspace.
    this.app.workspace.onLayoutReady(() => void this.buildIndex());
  }

  override onunload(): void {
    this.rebuildSoon.cancel();
    // A change of a view's order or filter, or of discreet mode, waiting to be saved is saved now.
    this.saveQueriesSoon.run();
  }

  private async buildIndex(): Promise<void> {
    this.tasksConventions = await readTasksConventions(this.app);
    this.index.setSettings(indexSettings(this.settings, this.tasksConventions));
    const feeder = (this.feeder = new IndexFeeder(this.app, this.index));
    for (const ref of feeder.listen()) this.registerEvent(ref);
    await feeder.build();
    const updateStatus = debounce(() => this.updateStatusBar(), 100, true);
    this.register(this.index.subscribe(updateStatus));
    this.updateStatusBar();
    // "Today" moves on at midnight: due states are recomputed every few minutes.
    // So are the Tasks plugin's statuses and global filter, which change rarely.
    this.registerInterval(
      window.setInterval(() => {
        this.index.refresh();
        void this.rereadTasksConventions();
      }, 5 * 60 * 1000),
    );
    this.resolveReady();
    if (this.settings.openFollowUpsOnStart && this.app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS).length === 0) {
      await this.openFollowUps(false);
    }
  }

  /** Reads the Tasks plugin's settings again; when they read checkboxes differently now, the index is built again. */
  async rereadTasksConventions(): Promise<void> {
    const next = await readTasksConventions(this.app);
    if (sameConventions(next, this.tasksConventions)) return;
    this.tasksConventions = next;
    this.index.setSettings(indexSettings(this.settings, next));
    await this.feeder?.build();
  }

  private updateStatusBar(): void {
    this.statusBar?.update(statusCounts(statusData(this.index, this.clock.today())));
  }

  /** Resolves once the index has been built. */
  whenReady(): Promise<void> {
    return this.indexReady ?? Promise.resolve();
  }

  async openFollowUps(reveal = true): Promise<void> {
    const { workspace } = this.app;
    let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0] ?? null;
    if (!leaf) {
      leaf = workspace.getRightLeaf(false);
      if (!leaf) return;
      await leaf.setViewState({ type: VIEW_TYPE_FOLLOW_UPS, active: reveal });
    }
    if (reveal) await workspace.revealLeaf(leaf);
  }

  async openPeople(): Promise<void> {
    const { workspace } = this.app;
    const existing = workspace.getLeavesOfType(VIEW_TYPE_PEOPLE)[0];
    const leaf = existing ?? workspace.getLeaf("tab");
    if (!existing) await leaf.setViewState({ type: VIEW_TYPE_PEOPLE, active: true });
    await workspace.revealLeaf(leaf);
  }

  private registerViewCommands(): void {
    this.addCommand({
      id: COMMAND_IDS.toggleDiscreetMode,
      name: "Toggle discreet mode",
      callback: () => {
        this.discreetMode.toggle();
        new Notice(this.discreetMode.on ? "Discreet mode on: private notes and birthdays are hidden." : "Discreet mode off.");
      },
    });
    this.addCommand({ id: COMMAND_IDS.openFollowUps, name: "Open follow-ups", callback: () => void this.openFollowUps() });
    this.addCommand({ id: COMMAND_IDS.openPeople, name: "Open people", callback: () => void this.openPeople() });
    this.addCommand({
      id: COMMAND_IDS.createPeopleBase,
      name: "Create people base",
      checkCallback: (checking) => {
        if (!requireApiVersion(BASES_API_VERSION)) return false;
        if (!checking) void this.createPeopleBase();
        return true;
      },
    });
  }

  /** Writes `People.base` next to the people (never over an existing file) and opens it. */
  async createPeopleBase(): Promise<void> {
    const folder = this.settings.peopleFolder;
    const path = folder ? `${folder}/People.base` : "People.base";
    const existing = this.app.vault.getAbstractFileByPath(path);
    if (existing) {
      new Notice(`"${path}" exists already; it was opened and not changed.`);
      if (existing instanceof TFile) await this.app.workspace.getLeaf(false).openFile(existing);
      return;
    }
    try {
      const file = await this.writer.create(path, peopleBase({ peopleFolder: folder, personTags: this.settings.personTags }));
      if (file) await this.app.workspace.getLeaf(false).openFile(file);
    } catch (error) {
      new Notice(`Could not create "${path}": ${describe(error)}.`);
    }
  }

  private viewHost(): ViewHost {
    return {
      index: this.index,
      clock: this.clock,
      followUpsQuery: () => this.settings.followUpsQuery,
      peopleQuery: () => this.settings.peopleQuery,
      saveFollowUpsQuery: (query: FollowUpsQuery) => {
        this.settings.followUpsQuery = query;
        this.saveQueriesSoon();
      },
      savePeopleQuery: (query: PeopleQuery) => {
        this.settings.peopleQuery = query;
        this.saveQueriesSoon();
      },
      tick: (target) => this.toggler.tick(target),
      openAt: (target) => this.toggler.openAt(target),
      openPerson: async (path) => {
        const file = this.writer.file(path);
        if (file) await this.actions.open(file);
      },
      startOneOnOne: async (path) => {
        const person = this.index.person(path);
        if (person) await this.actions.start(person);
      },
      markSeen: async (path) => {
        const person = this.index.person(path);
        if (person && (await this.meetings.setLastSeen(person, this.clock.today()))) {
          new Notice(`${person.name}: last seen today.`);
        }
      },
      copyPeople: (format, rows) => this.copyPeople(format, rows),
      exportPeople: async (format, rows) => {
        const file = await exportPeople(this.app, this.writer, rows, format, {
          clock: this.clock,
          personOf: (path) => this.index.person(path)?.person ?? null,
        });
        if (file) await this.actions.open(file);
      },
      openFollowUps: () => this.openFollowUps(),
      newPerson: () => this.actions.newPerson(""),
      importContacts: () => this.adoption.importContacts(),
      adoptNotes: () => this.adoption.adopt(),
      discreet: () => this.discreetMode.on,
      onDiscreetChange: (listener) => this.discreetMode.subscribe(listener),
    };
  }

  private async copyPeople(format: "markdown" | "csv", rows: PersonRow[]): Promise<void> {
    const text = format === "csv" ? peopleToCsv(rows) : peopleToMarkdown(rows);
    try {
      await navigator.clipboard.writeText(text);
      new Notice(`Copied ${rows.length} ${rows.length === 1 ? "person" : "people"} as ${format === "csv" ? "CSV" : "Markdown"}.`);
    } catch (error) {
      new Notice(`Could not copy the table: ${describe(error)}.`);
    }
  }

  /** What Start wrote over people's `last-seen`, kept in the plugin's data with the settings. */
  private startsMemory(): StartsMemory {
    return {
      of: (path) => this.settings.lastSeenStarts[path] ?? [],
      set: async (path, starts) => {
        const all = { ...this.settings.lastSeenStarts };
        if (starts.length > 0) all[path] = starts;
        else delete all[path];
        this.settings.lastSeenStarts = all;
        try {
          await this.saveData(this.settings);
        } catch (error) {
          new Notice(`Could not save the plugin's data: ${describe(error)}. A skip of this 1:1 may not put last seen back as it was.`);
        }
      },
    };
  }

  private readonly saveQueriesSoon = debounce(() => void this.saveData(this.settings), 1000, true);

  async updateSettings(change: (settings: OneOnOnesSettings) => void): Promise<void> {
    const before = recognition(this.settings);
    const draft = structuredClone(this.settings);
    change(draft);
    this.settings = normalizeSettings(draft).settings;
    await this.saveData(this.settings);
    this.index.setSettings(indexSettings(this.settings, this.tasksConventions));
    // What counts as a person, a 1:1 or an agreement changed: the files with open tasks are read
    // again, once the user has stopped typing.
    if (recognition(this.settings) !== before) this.rebuildSoon();
  }

  private readonly rebuildSoon = debounce(() => void this.feeder?.build(), 600, true);
}

/** The settings that decide which files' text the index needs. */
function recognition(s: OneOnOnesSettings): string {
  return JSON.stringify([s.peopleFolder, s.meetingsFolder, s.personTags, s.meetingTags, s.templatePath, s.agreementsAnywhere]);
}
