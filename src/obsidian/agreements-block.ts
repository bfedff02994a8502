import { MarkdownRenderChild, Notice, type App, type MarkdownPostProcessorContext } from "obsidian";
import { formatRelativeDue, type Clock } from "../domain/dates";
import type { AgreementEntry, PeopleIndex, PersonEntry } from "../index/people-index";
import type { OneOnOnesSettings } from "../settings";
import type { NoteWriter } from "./note-writer";

const KNOWN_KEYS = ["agreements"];

/** What a `one-on-ones` block asks for, or what is wrong with it. */
export function parseBlock(source: string): { person: string | null } | { error: string } {
  let person: string | null = null;
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match?.[1]) return { error: `"${line}" is not understood. Write, for example: agreements: [[Anya Petrova]]` };
    const key = match[1].toLowerCase();
    if (!KNOWN_KEYS.includes(key)) return { error: `Unknown parameter "${match[1]}". Known: ${KNOWN_KEYS.join(", ")}.` };
    const value = (match[2] ?? "").trim();
    const link = /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(value);
    person = link?.[1]?.trim() ?? (value === "" ? null : value);
  }
  return { person };
}

/**
 * Renders the open agreements with one person, live, with working checkboxes: the "Previous
 * agreements" of an agenda in reference mode, and a person note's card.
 */
export class AgreementsBlock extends MarkdownRenderChild {
  private unsubscribe: (() => void) | null = null;

  constructor(
    containerEl: HTMLElement,
    private readonly deps: {
      app: App;
      index: PeopleIndex;
      writer: NoteWriter;
      settings: () => OneOnOnesSettings;
      clock: Clock;
      ready: () => Promise<void>;
    },
    private readonly source: string,
    private readonly sourcePath: string,
  ) {
    super(containerEl);
  }

  override onload(): void {
    this.render();
    void this.deps.ready().then(() => this.render());
    this.unsubscribe = this.deps.index.subscribe(() => this.render());
  }

  override onunload(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private person(ref: string | null): PersonEntry | null {
    return ref ? this.deps.index.findPerson(ref) : this.deps.index.personOfNote(this.sourcePath);
  }

  private render(): void {
    const el = this.containerEl;
    el.empty();
    el.addClass("ooo-agreements-block");
    const request = parseBlock(this.source);
    if ("error" in request) {
      el.createDiv({ cls: "ooo-block-error", text: request.error });
      return;
    }
    const person = this.person(request.person);
    if (!person) {
      el.createDiv({
        cls: "ooo-block-error",
        text: request.person ? `No person note found for "${request.person}".` : "This note is not about a person: name one, e.g. agreements: [[Anya Petrova]]",
      });
      return;
    }
    const open = this.deps.index.agreementsWith(person.path);
    if (open.length === 0) {
      el.createDiv({ cls: "ooo-block-empty", text: `No open agreements with ${person.name}.` });
      return;
    }
    const list = el.createEl("ul", { cls: "contains-task-list ooo-agreement-list" });
    const today = this.deps.clock.today();
    for (const agreement of open) this.renderItem(list, agreement, today);
  }

  private renderItem(list: HTMLElement, agreement: AgreementEntry, today: string): void {
    const item = list.createEl("li", { cls: "task-list-item ooo-agreement" });
    const checkbox = item.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox" });
    checkbox.setAttr("aria-label", `Done: ${agreement.text}`);
    checkbox.addEventListener("click", (event) => {
      event.preventDefault();
      void this.tick(agreement);
    });
    if (agreement.ownerName) item.createSpan({ cls: "ooo-agreement-owner", text: agreement.ownerName });
    item.createSpan({ cls: "ooo-agreement-text", text: agreement.text });
    if (agreement.due) {
      const due = item.createSpan({ cls: "ooo-agreement-due", text: formatRelativeDue(agreement.due, today) });
      due.toggleClass("is-overdue", agreement.due < today);
      due.setAttr("title", agreement.due);
    }
    const source = item.createEl("a", {
      cls: "internal-link ooo-agreement-source",
      text: agreement.meetingDate ?? agreement.path.replace(/\.md$/, ""),
      href: agreement.path,
    });
    source.addEventListener("click", (event) => {
      event.preventDefault();
      void this.deps.app.workspace.openLinkText(agreement.path, this.sourcePath, false, { eState: { line: agreement.line } });
    });
  }

  private async tick(agreement: AgreementEntry): Promise<void> {
    if (agreement.recurring) {
      new Notice("A recurring agreement is ticked off in its note, so that its next date is set.");
      await this.deps.app.workspace.openLinkText(agreement.path, this.sourcePath, false, { eState: { line: agreement.line } });
      return;
    }
    const settings = this.deps.settings();
    const outcome = await this.deps.writer.toggleAgreement(agreement, {
      done: true,
      today: this.deps.clock.today(),
      doneDates: settings.doneDates,
    });
    if (outcome === "gone" || outcome === "missing-file") {
      new Notice("That agreement changed or moved since it was shown; nothing was written.");
    } else if (outcome === "ambiguous") {
      new Notice("That agreement appears more than once in its note; tick it there. Nothing was written.");
    }
  }
}

/** The handler registered for `one-on-ones` code blocks. */
export function agreementsBlockProcessor(deps: ConstructorParameters<typeof AgreementsBlock>[1]) {
  return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    ctx.addChild(new AgreementsBlock(el, deps, source, ctx.sourcePath));
  };
}
