/** Choosing a person: the person picker, and the question asked before a namesake is created. */
import { Modal, Setting, SuggestModal, renderMatches, type App } from "obsidian";
import { formatLastSeen } from "../domain/dates";
import { personDueWords } from "../domain/due";
import { personFinder, type Findable, type PersonFind, type PersonFinder } from "../domain/person-search";
import type { IsoDate } from "../domain/types";
import type { PersonEntry } from "../index/people-index";

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
  private readonly finder: PersonFinder<Pickable>;

  constructor(
    app: App,
    people: readonly PersonEntry[],
    private readonly today: IsoDate,
    private readonly onPick: (choice: PersonChoice) => void,
    placeholder = "Start a 1:1 with…",
    private readonly allowNew = true,
  ) {
    super(app);
    this.finder = personFinder(people.map(pickable));
    this.setPlaceholder(placeholder);
    this.emptyStateText = allowNew ? "No people yet. Type a name to add someone." : "Nobody of that name.";
  }

  getSuggestions(query: string): PersonSuggestion[] {
    const typed = query.trim();
    const choices: PersonSuggestion[] = this.finder.find(typed).map((find) => ({ kind: "person", entry: find.person.entry, find }));
    if (this.allowNew && typed !== "" && this.finder.named(typed) === null) choices.push({ kind: "new", name: typed });
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
