import { FuzzySuggestModal, Modal, Setting, SuggestModal, renderMatches, type App } from "obsidian";
import { formatLastSeen, isValidIsoDate, addDays } from "../domain/dates";
import { personDueWords } from "../domain/due";
import { personFinder, personNamed, type Findable, type PersonFind } from "../domain/person-search";
import { RELATIONSHIPS, type IsoDate, type Question, type Relationship } from "../domain/types";
import type { PersonEntry } from "../index/people-index";

/** The call-to-action button of a form modal: closes it, then submits. */
function submitButton(modal: Modal, label: string, submit: () => void): void {
  new Setting(modal.contentEl).addButton((button) =>
    button
      .setButtonText(label)
      .setCta()
      .onClick(() => {
        modal.close();
        submit();
      }),
  );
}

export type PersonChoice = { kind: "person"; entry: PersonEntry } | { kind: "new"; name: string };

/** A person as pickers find them. */
export interface Pickable extends Findable {
  entry: PersonEntry;
}

export function pickable(entry: PersonEntry): Pickable {
  return { entry, name: entry.name, aliases: entry.person.aliases, archived: entry.person.archived };
}

/** A suggestion of the person picker: a person found (and where), or a new person. */
type PersonSuggestion = { kind: "person"; entry: PersonEntry; find: PersonFind<Pickable> } | { kind: "new"; name: string };

/** "Report · last seen 2 weeks ago · 5 days overdue", "Never seen", "Also called Jogi · friend · …". */
function personNote(entry: PersonEntry, today: IsoDate, alias: string | null): string {
  const seen = entry.lastSeen === null ? "never seen" : `last seen ${formatLastSeen(entry.lastSeen, today)}`;
  const parts = [alias === null ? "" : `also called ${alias}`, entry.person.relationship ?? "", seen, personDueWords(entry.due, today)];
  const line = parts.filter((part) => part !== "").join(" · ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * Picks a person, most overdue first; typing finds people as `personFinder` says (archived people
 * too, marked so). A typed name that is nobody's can become a new person; one that is someone's
 * (`personNamed`) offers only them.
 */
export class PersonSuggestModal extends SuggestModal<PersonSuggestion> {
  private readonly people: Pickable[];
  private readonly find: (query: string) => PersonFind<Pickable>[];

  constructor(
    app: App,
    people: readonly PersonEntry[],
    private readonly today: IsoDate,
    private readonly onPick: (choice: PersonChoice) => void,
    placeholder = "Start a 1:1 with…",
    private readonly allowNew = true,
  ) {
    super(app);
    this.people = people.map(pickable);
    this.find = personFinder(this.people);
    this.setPlaceholder(placeholder);
    this.emptyStateText = allowNew ? "No people yet. Type a name to add someone." : "Nobody of that name.";
  }

  getSuggestions(query: string): PersonSuggestion[] {
    const typed = query.trim();
    const choices: PersonSuggestion[] = this.find(typed).map((find) => ({ kind: "person", entry: find.person.entry, find }));
    if (this.allowNew && typed !== "" && personNamed(this.people, typed) === null) choices.push({ kind: "new", name: typed });
    return choices;
  }

  renderSuggestion(choice: PersonSuggestion, el: HTMLElement): void {
    el.addClass("ooo-suggestion");
    if (choice.kind === "new") {
      el.createDiv({ cls: "ooo-suggestion-title", text: `Add new person: ${choice.name}` });
      return;
    }
    const { entry, find } = choice;
    const title = el.createDiv({ cls: "ooo-suggestion-title" });
    renderMatches(title, entry.name, find.alias ? null : find.matches);
    el.createDiv({ cls: "ooo-suggestion-note", text: personNote(entry, this.today, find.alias ? find.text : null) });
    el.toggleClass("is-overdue", entry.due.status === "overdue");
    el.toggleClass("is-archived", entry.person.archived);
  }

  onChooseSuggestion(choice: PersonSuggestion): void {
    this.onPick(choice.kind === "person" ? { kind: "person", entry: choice.entry } : choice);
  }
}

/**
 * Asks what to do with a new name that is written like someone's who exists ("Zoe Angstrom" and
 * Zoë Ångström): open that person (the first button), or create the new one all the same.
 * Closing it does neither.
 */
export class NamesakeModal extends Modal {
  constructor(
    app: App,
    private readonly typed: string,
    private readonly existing: string,
    private readonly onChoose: (choice: "existing" | "new") => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText(`${this.existing} exists already`);
    this.contentEl.createEl("p", {
      text: `"${this.typed}" is written like ${this.existing}, who has a note already. Is it the same person?`,
    });
    new Setting(this.contentEl)
      .addButton((button) =>
        button
          .setButtonText(`Open ${this.existing}`)
          .setCta()
          .onClick(() => this.choose("existing")),
      )
      .addButton((button) => button.setButtonText(`Create ${this.typed}`).onClick(() => this.choose("new")));
  }

  private choose(choice: "existing" | "new"): void {
    this.close();
    this.onChoose(choice);
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

/** Asks for one line of text. */
export class TextPromptModal extends Modal {
  private value = "";
  private submitted = false;

  constructor(
    app: App,
    private readonly options: {
      title: string;
      label: string;
      placeholder?: string;
      cta: string;
      initial?: string;
      onSubmit: (value: string) => void;
    },
  ) {
    super(app);
    this.value = options.initial ?? "";
  }

  override onOpen(): void {
    this.titleEl.setText(this.options.title);
    new Setting(this.contentEl).setName(this.options.label).addText((text) => {
      text.setPlaceholder(this.options.placeholder ?? "").setValue(this.value);
      text.onChange((value) => (this.value = value));
      text.inputEl.addClass("ooo-wide-input");
      text.inputEl.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.isComposing) {
          event.preventDefault();
          this.submit();
        }
      });
      window.setTimeout(() => text.inputEl.focus(), 0);
    });
    new Setting(this.contentEl).addButton((button) =>
      button
        .setButtonText(this.options.cta)
        .setCta()
        .onClick(() => this.submit()),
    );
  }

  private submit(): void {
    if (this.submitted) return;
    this.submitted = true;
    this.close();
    this.options.onSubmit(this.value);
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export interface NewPersonInput {
  name: string;
  relationship: Relationship | "";
  cadence: string;
}

/** Name, relationship and cadence of a new person. */
export class NewPersonModal extends Modal {
  private readonly input: NewPersonInput;

  constructor(
    app: App,
    initialName: string,
    private readonly onSubmit: (input: NewPersonInput) => void,
  ) {
    super(app);
    this.input = { name: initialName, relationship: "", cadence: "" };
  }

  override onOpen(): void {
    this.titleEl.setText("New person");
    new Setting(this.contentEl).setName("Name").addText((text) => {
      text.setPlaceholder("Full name").setValue(this.input.name);
      text.onChange((value) => (this.input.name = value));
      text.inputEl.addClass("ooo-wide-input");
    });
    new Setting(this.contentEl).setName("Relationship").addDropdown((dropdown) => {
      dropdown.addOption("", "—");
      for (const relationship of RELATIONSHIPS) dropdown.addOption(relationship, relationship);
      dropdown.setValue(this.input.relationship);
      dropdown.onChange((value) => (this.input.relationship = value as Relationship | ""));
    });
    new Setting(this.contentEl)
      .setName("Cadence")
      .setDesc("For example weekly, biweekly, monthly, every 10 days or 3w. Leave empty for the default of the relationship.")
      .addText((text) => {
        text.setPlaceholder("Default").onChange((value) => (this.input.cadence = value));
      });
    submitButton(this, "Create", () => this.onSubmit({ ...this.input }));
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export interface AgreementInput {
  owner: string;
  text: string;
  due: IsoDate | null;
}

export interface OwnerOption {
  value: string;
  label: string;
}

/** The owner dropdown's entry that opens the person picker; no owner is written so. */
const FIND_OWNER = "find-a-person";

/**
 * Owner, text and due date of a new agreement. The owner is one of `owners`, or, with
 * `findOwner`, anyone found with the person picker ("Find a person…", after Unassigned).
 */
export class AgreementModal extends Modal {
  private readonly input: AgreementInput;

  constructor(
    app: App,
    private readonly owners: OwnerOption[],
    private readonly today: IsoDate,
    private readonly onSubmit: (input: AgreementInput) => void,
    private readonly findOwner?: () => Promise<OwnerOption | null>,
  ) {
    super(app);
    this.input = { owner: owners[0]?.value ?? "@me", text: "", due: addDays(today, 7) };
  }

  override onOpen(): void {
    this.titleEl.setText("Add agreement");
    new Setting(this.contentEl).setName("Owner").addDropdown((dropdown) => {
      const options = [...this.owners];
      const findOwner = this.findOwner;
      if (findOwner) {
        const unassigned = options.findIndex((o) => o.value === "");
        options.splice(unassigned < 0 ? options.length : unassigned + 1, 0, { value: FIND_OWNER, label: "Find a person…" });
      }
      for (const owner of options) dropdown.addOption(owner.value, owner.label);
      dropdown.setValue(this.input.owner).onChange((value) => {
        if (value !== FIND_OWNER || !findOwner) {
          this.input.owner = value;
          return;
        }
        dropdown.setValue(this.input.owner);
        void findOwner().then((found) => {
          if (!found) return;
          if (!Array.from(dropdown.selectEl.options).some((o) => o.value === found.value)) dropdown.addOption(found.value, found.label);
          dropdown.setValue(found.value);
          this.input.owner = found.value;
        });
      });
    });
    new Setting(this.contentEl).setName("Agreement").addText((text) => {
      text.setPlaceholder("Share the draft with the team");
      text.onChange((value) => (this.input.text = value));
      text.inputEl.addClass("ooo-wide-input");
    });
    let dueText: { setValue(value: string): unknown } | null = null;
    new Setting(this.contentEl)
      .setName("Due date")
      .setDesc("Leave empty for no due date.")
      .addText((text) => {
        text.inputEl.type = "date";
        text.setValue(this.input.due ?? "");
        text.onChange((value) => (this.input.due = value.trim() === "" ? null : value.trim()));
        dueText = text;
      })
      .addExtraButton((button) =>
        button
          .setIcon("calendar-plus")
          .setTooltip("In a week")
          .onClick(() => {
            this.input.due = addDays(this.today, 7);
            dueText?.setValue(this.input.due);
          }),
      );
    submitButton(this, "Add", () => this.onSubmit({ ...this.input }));
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export function validDueDate(value: IsoDate | null): boolean {
  return value === null || isValidIsoDate(value);
}

/** Picks a question from the question bank. */
export class QuestionSuggestModal extends FuzzySuggestModal<Question> {
  constructor(
    app: App,
    private readonly questions: Question[],
    private readonly onPick: (question: Question) => void,
  ) {
    super(app);
    this.setPlaceholder("Find a question…");
  }

  getItems(): Question[] {
    return this.questions;
  }

  getItemText(question: Question): string {
    return `${question.theme}: ${question.text}`;
  }

  onChooseItem(question: Question): void {
    this.onPick(question);
  }
}
