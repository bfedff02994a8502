/** The dialog of **Import contacts…**: a file, its columns, a preview, the questions, then the writes. */
import { Modal, Notice, Setting, type App } from "obsidian";
import { decodeContactsFile, type ContactsRead, type DateOrder } from "../domain/contacts";
import { answerQuestions, planImport, type ImportAnswer, type ImportPlan, type ImportQuestion } from "../domain/contacts-plan";
import {
  CONTACT_FIELD_LABELS,
  CONTACT_FIELDS,
  CSV_FORMAT_NAMES,
  contactsFromCsv,
  detectCsvFormat,
  detectDateOrder,
  guessMapping,
  mappingProblem,
  readCsv,
  type ColumnMapping,
  type CsvFormat,
  type CsvTable,
} from "../domain/contacts-csv";
import { RELATIONSHIPS, type Relationship } from "../domain/types";
import { parseVCards } from "../domain/vcard";
import { existingFolder } from "./adopt";
import { describe } from "./note-writer";
import {
  applyImport,
  CONTACT_EXTENSIONS,
  contactsFileKind,
  count,
  importSummary,
  questionChoices,
  questionReasons,
  type ImportContext,
  type ImportOutcome,
} from "./import-contacts";

/** Cadences offered for new people; "" writes none, so the relationship's default applies. */
const IMPORT_CADENCES: [string, string][] = [
  ["none", "None: not due until you give them one"],
  ["", "Default of the relationship"],
  ["weekly", "Weekly"],
  ["biweekly", "Every 2 weeks"],
  ["monthly", "Monthly"],
  ["every 6 weeks", "Every 6 weeks"],
  ["quarterly", "Quarterly"],
];

interface Source {
  name: string;
  text: string;
  encoding: string;
}

/**
 * Import contacts: choose a file (in the vault, or from the device), a relationship and tags;
 * map the columns of an unknown CSV; preview what would be created, updated and skipped; import.
 */
export class ImportContactsModal extends Modal {
  private step: "choose" | "columns" | "preview" = "choose";
  private vaultPath = "";
  private relationship: Relationship | null = null;
  private tags = "";
  private cadence = "none";
  private answers: ImportAnswer[] = [];
  private source: Source | null = null;
  private table: CsvTable | null = null;
  private format: CsvFormat | "vcard" = "vcard";
  private mapping: ColumnMapping = {};
  private dateOrder: DateOrder = "month-first";
  private plan: ImportPlan | null = null;
  private busy = false;

  constructor(
    app: App,
    private readonly ctx: ImportContext,
    private readonly onDone: (outcome: ImportOutcome) => void = () => {},
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText("Import contacts");
    this.contentEl.addClass("ooo-import");
    this.render();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private render(): void {
    this.contentEl.empty();
    if (this.step === "choose") this.renderChoose();
    else if (this.step === "columns") this.renderColumns();
    else this.renderPreview();
  }

  private contactFiles(): string[] {
    return this.app.vault
      .getFiles()
      .filter((file) => CONTACT_EXTENSIONS.includes(file.extension.toLowerCase()))
      .map((file) => file.path)
      .sort((a, b) => a.localeCompare(b));
  }

  private renderChoose(): void {
    const { contentEl } = this;
    contentEl.createEl("p", {
      text: "A .vcf file, or a .csv file with a header row, as exported by Google, Microsoft and others. Put the file into the vault, or choose one from this device.",
    });
    const files = this.contactFiles();
    if (this.vaultPath === "" && files.length > 0) this.vaultPath = files[0] ?? "";
    new Setting(contentEl)
      .setName("File in the vault")
      .setDesc(files.length === 0 ? "No .vcf or .csv file in the vault yet." : "")
      .addDropdown((dropdown) => {
        dropdown.addOption("", "—");
        for (const path of files) dropdown.addOption(path, path);
        dropdown.setValue(this.vaultPath).onChange((value) => (this.vaultPath = value));
      });
    const input = contentEl.createEl("input", { attr: { type: "file", accept: ".vcf,.vcard,.csv,text/vcard,text/csv" } });
    input.hide();
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (file) void this.readDeviceFile(file);
    });
    new Setting(contentEl)
      .setName("File from this device")
      .addButton((button) => button.setButtonText("Choose file…").onClick(() => input.click()));
    new Setting(contentEl)
      .setName("Relationship")
      .setDesc("For contacts that bring none; an existing person keeps theirs.")
      .addDropdown((dropdown) => {
        dropdown.addOption("", "—");
        for (const relationship of RELATIONSHIPS) dropdown.addOption(relationship, relationship);
        dropdown.setValue(this.relationship ?? "").onChange((value) => (this.relationship = value === "" ? null : (value as Relationship)));
      });
    new Setting(contentEl)
      .setName("Tags")
      .setDesc("Added to every imported person, separated by commas or spaces.")
      .addText((text) => text.setPlaceholder("Friends").setValue(this.tags).onChange((value) => (this.tags = value)));
    new Setting(contentEl)
      .setName("Cadence")
      .setDesc("For new people; an existing person keeps theirs.")
      .addDropdown((dropdown) => {
        for (const [value, label] of IMPORT_CADENCES) dropdown.addOption(value, label);
        dropdown.setValue(this.cadence).onChange((value) => (this.cadence = value));
      });
    new Setting(contentEl).addButton((button) =>
      button
        .setButtonText("Next")
        .setCta()
        .onClick(() => void this.readVaultFile()),
    );
  }

  private async readVaultFile(): Promise<void> {
    const file = this.ctx.writer.file(this.vaultPath);
    if (!file) {
      new Notice(this.vaultPath === "" ? "Choose a contacts file first." : `"${this.vaultPath}" is gone.`);
      return;
    }
    try {
      this.load(file.name, new Uint8Array(await this.app.vault.readBinary(file)));
    } catch (error) {
      new Notice(`Could not read "${file.path}": ${describe(error)}. Nothing was imported.`);
    }
  }

  private async readDeviceFile(file: File): Promise<void> {
    try {
      this.load(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      new Notice(`Could not read "${file.name}": ${describe(error)}. Nothing was imported.`);
    }
  }

  /** Reads a contacts file's bytes and moves on to the columns (unknown CSV) or the preview. */
  load(name: string, bytes: Uint8Array): void {
    const { text, encoding } = decodeContactsFile(bytes);
    this.source = { name, text, encoding };
    if (contactsFileKind(name, text) === "vcard") {
      this.format = "vcard";
      this.table = null;
      this.preview();
      return;
    }
    const table = readCsv(text);
    if ("error" in table) {
      new Notice(`${name}: ${table.error} Nothing was imported.`);
      return;
    }
    this.table = table;
    this.format = detectCsvFormat(table.header);
    this.mapping = guessMapping(table.header);
    this.dateOrder = detectDateOrder(table, this.mapping);
    if (this.format === "other") {
      this.step = "columns";
      this.render();
    } else this.preview();
  }

  private renderColumns(): void {
    const table = this.table;
    if (!table) return;
    const { contentEl } = this;
    contentEl.createEl("p", {
      text: `Which column holds what in ${this.source?.name ?? "the file"}? Columns left at — are not imported.`,
    });
    const sample = table.rows[0]?.cells ?? [];
    for (const field of CONTACT_FIELDS) {
      const setting = new Setting(contentEl).setName(CONTACT_FIELD_LABELS[field]);
      const describeColumn = (index: number | undefined) =>
        setting.setDesc(index === undefined ? "" : `For example: ${sample[index]?.trim() || "(empty)"}`);
      setting.addDropdown((dropdown) => {
        dropdown.addOption("", "—");
        for (const [index, title] of table.header.entries()) dropdown.addOption(String(index), title || `Column ${index + 1}`);
        dropdown.setValue(this.mapping[field] === undefined ? "" : String(this.mapping[field]));
        dropdown.onChange((value) => {
          if (value === "") delete this.mapping[field];
          else this.mapping[field] = Number(value);
          describeColumn(this.mapping[field]);
        });
      });
      describeColumn(this.mapping[field]);
    }
    new Setting(contentEl)
      .setName("Dates like 4/2/1990")
      .addDropdown((dropdown) =>
        dropdown
          .addOption("month-first", "Month first: 4/2/1990 is 1990-04-02")
          .addOption("day-first", "Day first: 4/2/1990 is 1990-02-04")
          .setValue(this.dateOrder)
          .onChange((value) => (this.dateOrder = value === "day-first" ? "day-first" : "month-first")),
      );
    new Setting(contentEl)
      .addButton((button) =>
        button.setButtonText("Back").onClick(() => {
          this.step = "choose";
          this.render();
        }),
      )
      .addButton((button) =>
        button
          .setButtonText("Preview")
          .setCta()
          .onClick(() => {
            const problem = mappingProblem(this.mapping);
            if (problem) new Notice(problem);
            else this.preview();
          }),
      );
  }

  private read(): ContactsRead {
    if (this.format === "vcard" || !this.table) return parseVCards(this.source?.text ?? "");
    return contactsFromCsv(this.table, this.mapping, { format: this.format, dateOrder: this.dateOrder });
  }

  private preview(): void {
    const { index } = this.ctx;
    const taken = new Set(this.app.vault.getAllLoadedFiles().map((f) => f.path.toLowerCase()));
    this.plan = planImport(
      this.read(),
      index.people().map((p) => ({ path: p.path, name: p.name, aliases: p.person.aliases, frontmatter: index.facts(p.path)?.frontmatter ?? null })),
      {
        peopleFolder: existingFolder(this.app, this.ctx.peopleFolder()),
        relationship: this.relationship,
        tags: this.tags.split(/[\s,]+/).filter((t) => t !== ""),
        cadence: this.cadence === "" ? null : this.cadence,
        queueHeading: this.ctx.queueHeading,
        exists: (path) => taken.has(path.toLowerCase()),
      },
    );
    this.answers = [];
    this.step = "preview";
    this.render();
  }

  private renderPreview(): void {
    const plan = this.plan;
    if (!plan) return;
    const { contentEl } = this;
    const formatName = this.format === "vcard" ? "vCard" : CSV_FORMAT_NAMES[this.format];
    const encoding = this.source && this.source.encoding !== "UTF-8" ? `, read as ${this.source.encoding}` : "";
    contentEl.createEl("p", { text: `${this.source?.name ?? ""} (${formatName}${encoding}): ${importSummary(plan)}.` });
    this.list(
      `New people (${plan.creates.length})`,
      plan.creates.map((c) => `${c.name} → ${c.path}`),
      true,
    );
    this.questions(plan.questions);
    this.list(
      `Updates (${plan.updates.length})`,
      plan.updates.map((u) => `${u.name}: adds ${Object.keys(u.values).join(", ")}`),
      true,
    );
    this.list(
      `Skipped (${plan.skipped.length})`,
      plan.skipped.map((s) => `${s.label}: ${s.reason}`),
      true,
    );
    this.list(
      `Warnings (${plan.warnings.length})`,
      plan.warnings.map((w) => `${w.label} (${w.name}): ${w.message}`),
      false,
    );
    this.list(
      `Unchanged (${plan.unchanged.length})`,
      plan.unchanged.map((u) => `${u.name} — ${u.path}`),
      false,
    );
    const nothing = plan.creates.length === 0 && plan.updates.length === 0 && plan.questions.length === 0;
    if (nothing) contentEl.createEl("p", { text: "Nothing to import: every contact is here already, or was skipped." });
    const buttons = new Setting(contentEl).addButton((button) =>
      button.setButtonText("Back").onClick(() => {
        this.step = this.format === "vcard" ? "choose" : "columns";
        this.render();
      }),
    );
    if (!nothing) {
      buttons.addButton((button) =>
        button
          .setButtonText("Import")
          .setCta()
          .onClick(() => void this.import()),
      );
    }
  }

  /** Contacts that may be one of your people: each with why, and a choice that starts at "Leave out". */
  private questions(questions: ImportQuestion[]): void {
    if (questions.length === 0) return;
    const details = this.contentEl.createEl("details", { cls: "ooo-import-details" });
    details.open = true;
    details.createEl("summary", { text: `To decide (${questions.length})` });
    details.createEl("p", { cls: "setting-item-description", text: "These may be people you have. Nothing is written for them unless you choose." });
    questions.forEach((question, index) => {
      const choices = questionChoices(question);
      new Setting(details)
        .setName(`${question.contact.label}: ${question.contact.name}`)
        .setDesc(questionReasons(question))
        .addDropdown((dropdown) => {
          for (const choice of choices) dropdown.addOption(choice.value, choice.label);
          dropdown.setValue(choices.find((c) => JSON.stringify(c.answer) === JSON.stringify(this.answers[index]))?.value ?? "skip");
          dropdown.onChange((value) => (this.answers[index] = choices.find((c) => c.value === value)?.answer ?? { kind: "skip" }));
        });
    });
  }

  private list(title: string, lines: string[], open: boolean): void {
    if (lines.length === 0) return;
    const details = this.contentEl.createEl("details", { cls: "ooo-import-details" });
    details.open = open;
    details.createEl("summary", { text: title });
    const list = details.createEl("ul", { cls: "ooo-import-list" });
    for (const line of lines) list.createEl("li", { text: line });
  }

  private async import(): Promise<void> {
    if (!this.plan || this.busy) return;
    this.busy = true;
    const plan = answerQuestions(this.plan, this.answers);
    this.close();
    const outcome = await applyImport(this.ctx, plan);
    const parts = [`${count(outcome.created, "person note")} created`, `${count(outcome.updated, "person", "people")} updated`];
    if (plan.skipped.length > 0) parts.push(`${plan.skipped.length} skipped`);
    let message = `Imported contacts: ${parts.join(", ")}.`;
    if (outcome.failures.length > 0) message += ` ${outcome.failures.join(" ")}`;
    new Notice(message);
    this.onDone(outcome);
  }
}
