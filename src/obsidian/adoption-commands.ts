import { Notice, type App, type Plugin } from "obsidian";
import { QUEUE_HEADING } from "../constants";
import type { Clock } from "../domain/dates";
import { personRow } from "../domain/people-table";
import type { PeopleIndex } from "../index/people-index";
import type { OneOnOnesSettings } from "../settings";
import { AdoptionRecordStore, applyAdoption, existingFolder, scanForAdoption, undoAdoption, type AdoptionContext } from "./adopt";
import { AdoptionModal, adoptionSummary } from "./adopt-modal";
import { exportPeople, type ExportFormat } from "./export-people";
import { ImportContactsModal } from "./import-contacts-modal";
import type { NoteWriter } from "./note-writer";

export interface AdoptionDeps {
  app: App;
  index: PeopleIndex;
  writer: NoteWriter;
  settings: () => OneOnOnesSettings;
  clock: Clock;
  /** Resolves once the index was built. */
  ready: () => Promise<void>;
  /** Changes and saves the settings (your name, when Adopt offers it). */
  updateSettings: (change: (settings: OneOnOnesSettings) => void) => Promise<void>;
}

export const ADOPTION_COMMAND_IDS = {
  adopt: "adopt-existing-notes",
  undo: "undo-adoption",
  importContacts: "import-contacts",
  exportVCard: "export-people-vcard",
  exportCsv: "export-people-csv",
} as const;

/** The format's proper name, spelled as RFC 6350 spells it (the sentence-case rule knows no such word). */
const VCARD = "vCard";

/** Where the record of the last adoption is kept: the plugin's own folder. */
function recordPath(plugin: Plugin): string {
  const dir = plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
  return `${dir}/last-adoption.json`;
}

/** Adopting existing notes, undoing it, importing contacts and exporting people. */
export class AdoptionActions {
  readonly store: AdoptionRecordStore;

  constructor(
    private readonly deps: AdoptionDeps,
    recordFile: string,
  ) {
    this.store = new AdoptionRecordStore(deps.app, recordFile);
  }

  private context(): AdoptionContext {
    return { app: this.deps.app, index: this.deps.index, writer: this.deps.writer, settings: this.deps.settings, queueHeading: QUEUE_HEADING };
  }

  /** Scans the vault and opens the preview; nothing is written before "Apply". */
  async adopt(): Promise<void> {
    await this.deps.ready();
    const ctx = this.context();
    const plan = await scanForAdoption(ctx);
    const peopleFolder = existingFolder(this.deps.app, this.deps.settings().peopleFolder);
    new AdoptionModal(this.deps.app, plan, (writes) => void this.apply(writes), { peopleFolder, queueHeading: QUEUE_HEADING }).open();
  }

  async apply(writes: Parameters<typeof applyAdoption>[1]): Promise<void> {
    const myName = writes.myName;
    const before = this.deps.settings().myName;
    const nameSaved = myName !== null && myName !== before;
    if (nameSaved) await this.deps.updateSettings((s) => (s.myName = myName));
    const { record, failures } = await applyAdoption(this.context(), writes);
    if (nameSaved) record.myName = { before, after: myName };
    const changedSomething = record.changed.length > 0 || record.created.length > 0 || nameSaved;
    if (changedSomething) await this.store.save(record);
    const message = `Adoption: ${adoptionSummary(record)}${failures.length > 0 ? ` ${failures.join(" ")}` : ""}`;
    if (!changedSomething) {
      new Notice(message);
      return;
    }
    const fragment = createFragment((f) => {
      f.appendText(`${message} `);
      f.createEl("button", { text: "Undo" }, (button) => button.addEventListener("click", () => void this.undo()));
    });
    new Notice(fragment, 15000);
  }

  /** Undoes the last adoption (once). */
  async undo(): Promise<void> {
    const record = await this.store.load();
    if (!record) {
      new Notice("Nothing to undo: no adoption was recorded.");
      return;
    }
    await this.store.save(null);
    const outcome = await undoAdoption(this.context(), record);
    // Your name goes back to what it was, unless it was changed since.
    const name = record.myName;
    let nameBack = false;
    if (name) {
      if (this.deps.settings().myName === name.after) {
        await this.deps.updateSettings((s) => (s.myName = name.before));
        nameBack = true;
      } else {
        outcome.kept.push("Your name was changed in the settings since; it was kept.");
      }
    }
    const parts: string[] = [];
    if (outcome.restored > 0) parts.push(`${outcome.restored} ${outcome.restored === 1 ? "note" : "notes"} restored`);
    if (outcome.trashed > 0) parts.push(`${outcome.trashed} created ${outcome.trashed === 1 ? "note" : "notes"} moved to the trash`);
    if (nameBack) parts.push(name?.before ? `your name set back to ${name.before}` : "your name taken out of the settings");
    const done = parts.length > 0 ? `${parts.join(", ")}.` : "nothing was left to undo.";
    const kept = outcome.kept.length > 0 ? ` Left as they are: ${outcome.kept.join(" ")}` : "";
    new Notice(`Adoption of ${record.at} undone: ${done}${kept}`);
  }

  async importContacts(): Promise<void> {
    await this.deps.ready();
    new ImportContactsModal(this.deps.app, {
      app: this.deps.app,
      index: this.deps.index,
      writer: this.deps.writer,
      peopleFolder: () => this.deps.settings().peopleFolder,
      queueHeading: QUEUE_HEADING,
    }).open();
  }

  /** Exports everyone (archived people too), by name. */
  async exportAll(format: ExportFormat): Promise<void> {
    await this.deps.ready();
    const { index, clock } = this.deps;
    const today = clock.today();
    const rows = index.people().map((entry) => personRow(entry, today));
    await exportPeople(this.deps.app, this.deps.writer, rows, format, {
      clock,
      personOf: (path) => index.person(path)?.person ?? null,
    });
  }
}

/** Registers the commands of adoption, contact import and export. Ids are stable. */
export function registerAdoptionCommands(plugin: Plugin, deps: AdoptionDeps): AdoptionActions {
  const actions = new AdoptionActions(deps, recordPath(plugin));
  plugin.addCommand({ id: ADOPTION_COMMAND_IDS.adopt, name: "Adopt existing notes…", callback: () => void actions.adopt() });
  plugin.addCommand({ id: ADOPTION_COMMAND_IDS.undo, name: "Undo last adoption", callback: () => void actions.undo() });
  plugin.addCommand({ id: ADOPTION_COMMAND_IDS.importContacts, name: "Import contacts…", callback: () => void actions.importContacts() });
  plugin.addCommand({ id: ADOPTION_COMMAND_IDS.exportVCard, name: `Export people as ${VCARD}`, callback: () => void actions.exportAll("vcard") });
  plugin.addCommand({ id: ADOPTION_COMMAND_IDS.exportCsv, name: "Export people as CSV", callback: () => void actions.exportAll("csv") });
  return actions;
}
