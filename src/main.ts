import { Plugin, debounce } from "obsidian";
import { systemClock, type Clock } from "./domain/dates";
import { PeopleIndex, type IndexSettings } from "./index/people-index";
import { registerCommands } from "./obsidian/commands";
import { IndexFeeder } from "./obsidian/index-feeder";
import { Meetings } from "./obsidian/meetings";
import { NoteWriter } from "./obsidian/note-writer";
import { OneOnOnesSettingTab } from "./obsidian/settings-tab";
import { CODE_BLOCK_LANGUAGE, QUEUE_HEADING } from "./constants";
import { agreementsBlockProcessor } from "./obsidian/agreements-block";
import { normalizeSettings, type OneOnOnesSettings } from "./settings";

export default class OneOnOnesPlugin extends Plugin {
  settings!: OneOnOnesSettings;
  index!: PeopleIndex;
  /** "Today" comes from here; tests replace it. */
  clock: Clock = systemClock;
  private feeder: IndexFeeder | null = null;
  private indexReady: Promise<void> | null = null;
  private resolveReady: () => void = () => {};

  override async onload(): Promise<void> {
    this.settings = normalizeSettings(await this.loadData()).settings;
    this.index = new PeopleIndex(indexSettings(this.settings), this.clock);
    const writer = new NoteWriter(this.app);
    const meetings = new Meetings(this.app, this.index, writer, () => this.settings, this.clock);
    this.indexReady = new Promise((resolve) => (this.resolveReady = resolve));

    const ready = () => this.indexReady ?? Promise.resolve();
    const settings = () => this.settings;
    registerCommands(this, { app: this.app, index: this.index, meetings, writer, settings, clock: this.clock, ready });
    this.registerMarkdownCodeBlockProcessor(
      CODE_BLOCK_LANGUAGE,
      agreementsBlockProcessor({ app: this.app, index: this.index, writer, settings, clock: this.clock, ready }),
    );
    this.addSettingTab(new OneOnOnesSettingTab(this.app, this, this));

    // Everything heavy waits until Obsidian has laid out its workspace.
    this.app.workspace.onLayoutReady(() => void this.buildIndex());
  }

  private async buildIndex(): Promise<void> {
    const feeder = (this.feeder = new IndexFeeder(this.app, this.index));
    for (const ref of feeder.listen()) this.registerEvent(ref);
    await feeder.build();
    // "Today" moves on at midnight: due states are recomputed every few minutes.
    this.registerInterval(window.setInterval(() => this.index.refresh(), 5 * 60 * 1000));
    this.resolveReady();
  }

  /** Resolves once the index has been built. */
  whenReady(): Promise<void> {
    return this.indexReady ?? Promise.resolve();
  }

  async updateSettings(change: (settings: OneOnOnesSettings) => void): Promise<void> {
    const before = recognition(this.settings);
    const draft = structuredClone(this.settings);
    change(draft);
    this.settings = normalizeSettings(draft).settings;
    await this.saveData(this.settings);
    this.index.setSettings(indexSettings(this.settings));
    // What counts as a person, a 1:1 or an agreement changed: the files with open tasks are read
    // again, once the user has stopped typing.
    if (recognition(this.settings) !== before) this.rebuildSoon();
  }

  private readonly rebuildSoon = debounce(() => void this.feeder?.build(), 600, true);

  override onunload(): void {
    this.rebuildSoon.cancel();
  }
}

/** The settings that decide which files' text the index needs. */
function recognition(s: OneOnOnesSettings): string {
  return JSON.stringify([s.peopleFolder, s.meetingsFolder, s.personTags, s.meetingTags, s.templatePath, s.agreementsAnywhere]);
}

function indexSettings(settings: OneOnOnesSettings): IndexSettings {
  return {
    peopleFolder: settings.peopleFolder,
    meetingsFolder: settings.meetingsFolder,
    personTags: settings.personTags,
    meetingTags: settings.meetingTags,
    templatePath: settings.templatePath,
    datedNotesCountAsSeen: settings.datedNotesCountAsSeen,
    agreementsAnywhere: settings.agreementsAnywhere,
    defaultCadence: settings.defaultCadence,
    dueSoonDays: settings.dueSoonDays,
    dueSoonPercent: settings.dueSoonPercent,
    queueHeading: QUEUE_HEADING,
  };
}
