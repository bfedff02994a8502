/** The preview of an adoption, and the words it and the summary notice use. */
import { Modal, Setting, type App } from "obsidian";
import { describeNewPerson, impliedOnlyByUnticked, type AdoptionNotePlan, type AdoptionPlan } from "../domain/adopt";
import { adoptionWrites, type AdoptionWrites } from "../domain/adopt-writes";
import type { AdoptionRecord } from "./adopt";
import { RELATIONSHIPS, type Relationship } from "../domain/types";

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}

/** "Found 1 person note, 2 1:1 notes, 1 running log with 3 entries and no open agreements." */
export function findingsSummary(plan: AdoptionPlan): string {
  const c = plan.counts;
  const parts = [plural(c.people, "person note"), plural(c.meetings, "1:1 note")];
  if (c.logs > 0) parts.push(`${plural(c.logs, "running log")} with ${plural(c.logEntries, "entry", "entries")}`);
  parts.push(plural(c.agreements, "open agreement"));
  return `Found ${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}.`;
}

/** "Anya Petrova (from the folder name)", "John Doe (new, from the person property)". */
function personLabel(plan: AdoptionPlan, note: AdoptionNotePlan): string {
  if (!note.person) return "nobody";
  const from = note.personFrom ? `from ${note.personFrom}` : "";
  if (note.person.kind === "existing") return from === "" ? note.person.name : `${note.person.name} (${from})`;
  const key = note.person.key;
  const person = plan.newPeople.find((p) => p.key === key);
  return person ? `${person.name} (${["new", from].filter((w) => w !== "").join(", ")})` : "nobody";
}

/** "It is tagged #1-1." → "it is tagged #1-1." (inside a sentence). */
function inSentence(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * One line about a 1:1 note: whom it is with and the rule that found them, its date and where it
 * was read (or its entries), what makes it a 1:1, what it gets.
 */
export function describeNotePlan(plan: AdoptionPlan, note: AdoptionNotePlan): string {
  const when =
    note.layout === "note"
      ? `${note.date ?? ""}${note.dateWhy ? ` (from ${note.dateWhy})` : ""}`
      : `running log, ${plural(note.entries.length, "dated entry", "dated entries")}${note.entries.length > 0 ? ` (newest ${[...note.entries].sort().pop() ?? ""})` : ""}`;
  const adds = [note.add.type ? "type" : "", note.add.person ? "person" : "", note.add.date ? "date" : ""].filter((a) => a !== "");
  const parts = [personLabel(plan, note), when];
  if (adds.length > 0) parts.push(`adds ${adds.join(", ")}`);
  const why = note.why ? [`A 1:1: ${inSentence(note.why)}`] : [];
  return [`${parts.join(" · ")}.`, ...why, ...note.remarks].join(" ");
}

/** The preview of an adoption: what was found, what would be written, what could not be placed. */
export class AdoptionModal extends Modal {
  private readonly selectedNotes: Set<string>;
  private readonly names = new Map<string, string | null>();
  /** The names as typed in, ticked or not. */
  private readonly typed = new Map<string, string>();
  /** The toggles of the people to create, to untick those only unticked notes imply. */
  private readonly personToggles = new Map<string, { setValue(on: boolean): unknown }>();
  /** People unticked because their notes were: ticked again with one of them. */
  private readonly untickedWithNotes = new Set<string>();
  private saveYou: boolean;
  /** The relationship chosen for the new people whose notes give none. */
  private relationship: Relationship | null = null;

  constructor(
    app: App,
    private readonly plan: AdoptionPlan,
    private readonly onApply: (writes: AdoptionWrites) => void,
    private readonly options: { peopleFolder: string; queueHeading: string },
  ) {
    super(app);
    this.selectedNotes = new Set(plan.notes.filter((n) => n.selected).map((n) => n.path));
    this.saveYou = plan.you !== null;
    for (const person of plan.newPeople) {
      this.names.set(person.key, person.selected ? person.name : null);
      if (person.sure && !person.selected) this.untickedWithNotes.add(person.key);
    }
  }

  override onOpen(): void {
    const { contentEl, plan } = this;
    this.titleEl.setText("Adopt existing notes");
    contentEl.addClass("ooo-adopt");
    contentEl.createEl("p", { text: findingsSummary(plan) });
    const nothing = plan.notes.length === 0 && plan.newPeople.length === 0 && plan.you === null;
    if (nothing) {
      contentEl.createEl("p", {
        text:
          plan.unplaced.length === 0
            ? "Nothing to adopt: every 1:1 note found has its type, person and date, and every person has a note."
            : "Nothing can be adopted as it is; the notes below need a hand first.",
      });
    }

    if (plan.you !== null) {
      new Setting(contentEl).setName("You").setHeading();
      new Setting(contentEl)
        .setName(`Save "${plan.you.name}" as your name`)
        .setDesc(`${plan.you.why} Notes that name you and one other person are then 1:1s with that person, and your @name is @me.`)
        .addToggle((toggle) => toggle.setValue(this.saveYou).onChange((on) => (this.saveYou = on)));
    }

    if (plan.notes.length > 0) {
      new Setting(contentEl).setName(`1:1 notes to complete (${plan.notes.length})`).setHeading();
      for (const note of plan.notes) {
        new Setting(contentEl)
          .setName(note.path)
          .setDesc(describeNotePlan(plan, note))
          .addToggle((toggle) =>
            toggle.setValue(note.selected).onChange((on) => {
              if (on) this.selectedNotes.add(note.path);
              else this.selectedNotes.delete(note.path);
              this.followNotes();
            }),
          );
      }
    }

    if (plan.newPeople.length > 0) {
      new Setting(contentEl).setName(`People to create (${plan.newPeople.length})`).setHeading();
      for (const person of plan.newPeople) {
        this.typed.set(person.key, person.name);
        new Setting(contentEl)
          .setName(person.path)
          .setDesc(`${describeNewPerson(person)} The name can be changed here.`)
          .addText((text) =>
            text.setValue(person.name).onChange((value) => {
              this.typed.set(person.key, value);
              if (this.names.get(person.key) !== null) this.names.set(person.key, value);
            }),
          )
          .addToggle((toggle) => {
            this.personToggles.set(person.key, toggle);
            toggle.setValue(person.selected).onChange((on) => {
              this.names.set(person.key, on ? (this.typed.get(person.key) ?? person.name) : null);
              if (on) this.untickedWithNotes.delete(person.key);
            });
          });
      }
    }

    const withoutRelationship = plan.newPeople.filter((p) => p.relationship === null).length;
    if (withoutRelationship > 0) {
      // Asked once for all the new people whose notes do not say it.
      new Setting(contentEl)
        .setName(`Relationship for ${withoutRelationship === 1 ? "the new person" : `the ${withoutRelationship} new people`} without one`)
        .setDesc("Your notes do not say how you know them. Chosen here, it is written to their new notes; left empty, set it per person later.")
        .addDropdown((dropdown) =>
          dropdown
            .addOption("", "Leave empty")
            .addOptions(Object.fromEntries(RELATIONSHIPS.map((r) => [r, r])))
            .setValue("")
            .onChange((value) => (this.relationship = RELATIONSHIPS.find((r) => r === value) ?? null)),
        );
    }

    if (plan.unplaced.length > 0) {
      new Setting(contentEl).setName(`Could not place (${plan.unplaced.length})`).setHeading();
      const list = contentEl.createEl("ul", { cls: "ooo-adopt-list" });
      for (const item of plan.unplaced) {
        const li = list.createEl("li");
        li.createEl("strong", { text: item.path });
        li.appendText(` — ${item.reason}`);
      }
    }

    this.details(`Already complete (${plan.complete.length})`, plan.complete.map((n) => `${n.path} — ${describeNotePlan(plan, n)}`));
    this.details(`People (${plan.people.length})`, plan.people.map((p) => `${p.name} — ${p.path}`));
    this.details(
      `Open agreements (${plan.agreements.length})`,
      plan.agreements.map((a) => `${a.text || "(no text)"} — ${a.ownerName ?? "unassigned"}${a.due ? `, due ${a.due}` : ""} — with ${a.personName ?? "nobody yet"} — ${a.path}`),
    );

    const buttons = new Setting(contentEl);
    if (!nothing) {
      buttons.addButton((button) =>
        button
          .setButtonText("Apply")
          .setCta()
          .onClick(() => {
            const choices = { notes: this.selectedNotes, people: this.names, you: this.saveYou, relationship: this.relationship };
            const writes = adoptionWrites(plan, choices, this.options);
            this.close();
            this.onApply(writes);
          }),
      );
    }
    buttons.addButton((button) => button.setButtonText(nothing ? "Close" : "Cancel").onClick(() => this.close()));
  }

  /** A person implied only by unticked notes is unticked with them, and ticked again with one of them. */
  private followNotes(): void {
    for (const person of this.plan.newPeople) {
      const only = impliedOnlyByUnticked(this.plan.notes, person, this.selectedNotes);
      const toggle = this.personToggles.get(person.key);
      if (only && this.names.get(person.key) !== null) {
        this.untickedWithNotes.add(person.key);
        toggle?.setValue(false);
        this.names.set(person.key, null);
      } else if (!only && this.untickedWithNotes.delete(person.key)) {
        toggle?.setValue(true);
        this.names.set(person.key, this.typed.get(person.key) ?? person.name);
      }
    }
  }

  private details(title: string, lines: string[]): void {
    if (lines.length === 0) return;
    const details = this.contentEl.createEl("details", { cls: "ooo-adopt-details" });
    details.createEl("summary", { text: title });
    const list = details.createEl("ul", { cls: "ooo-adopt-list" });
    for (const line of lines) list.createEl("li", { text: line });
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

/** "2 notes got their properties and 1 person note was created." */
export function adoptionSummary(record: AdoptionRecord): string {
  const notes = record.changed.length;
  const created = record.created.length;
  if (notes === 0 && created === 0 && !record.myName) return "Nothing was changed.";
  const parts: string[] = [];
  if (notes > 0) parts.push(`${plural(notes, "note")} got ${notes === 1 ? "its" : "their"} missing properties`);
  if (created > 0) parts.push(`${plural(created, "person note")} ${created === 1 ? "was" : "were"} created`);
  if (record.myName) parts.push(`your name was saved as ${record.myName.after}`);
  return `${parts.join(" and ")}.`;
}
