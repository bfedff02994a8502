import { FuzzySuggestModal, Modal, Setting, type App } from "obsidian";
import { isValidIsoDate, addDays } from "../domain/dates";
import { RELATIONSHIPS, type IsoDate, type Question, type Relationship } from "../domain/types";

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
