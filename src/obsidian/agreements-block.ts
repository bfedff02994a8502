import { MarkdownRenderChild, type MarkdownPostProcessorContext } from "obsidian";
import { mount, unmount } from "svelte";
import type { Clock } from "../domain/dates";
import { agreementItem } from "../domain/follow-ups";
import { meetingAt, previousAgreements } from "../domain/previous-agreements";
import type { PeopleIndex, PersonEntry } from "../index/people-index";
import AgreementsList from "../views/components/AgreementsList.svelte";
import { createAgreementsListProps, type AgreementsListProps } from "../views/state/agreements-list-store.svelte";
import type { LineTarget } from "./note-writer";
import type { Tickable } from "./toggler";

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

/** What the block needs from the plugin. */
export interface BlockHost {
  index: PeopleIndex;
  clock: Clock;
  ready: () => Promise<void>;
  tick: (target: Tickable) => Promise<boolean>;
  openAt: (target: LineTarget) => Promise<void>;
}

/**
 * Renders the open agreements with one person, live, with working checkboxes: the "Previous
 * agreements" of an agenda in reference mode (inside a 1:1, only those made before it), and a
 * person note's card.
 */
export class AgreementsBlock extends MarkdownRenderChild {
  private unsubscribe: (() => void) | null = null;
  private component: ReturnType<typeof mount> | null = null;
  private props: AgreementsListProps | null = null;
  private messageEl: HTMLElement | null = null;

  constructor(
    containerEl: HTMLElement,
    private readonly host: BlockHost,
    private readonly source: string,
    private readonly sourcePath: string,
    /** The line of the note the block starts on, when Obsidian can tell. */
    private readonly lineOf: () => number | null = () => null,
  ) {
    super(containerEl);
  }

  override onload(): void {
    this.containerEl.addClass("ooo-agreements-block");
    this.render();
    void this.host.ready().then(() => this.render());
    this.unsubscribe = this.host.index.subscribe(() => this.render());
  }

  override onunload(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.component) void unmount(this.component);
    this.component = null;
    this.props = null;
  }

  private person(ref: string | null): PersonEntry | null {
    return ref ? this.host.index.findPerson(ref) : this.host.index.personOfNote(this.sourcePath);
  }

  /** The day of the 1:1 the block stands in (the note's, or its log entry's), or null. */
  private meetingDay(): string | null {
    const owner = this.host.index.personOfNote(this.sourcePath);
    if (!owner) return null;
    const here = this.host.index.meetingsWith(owner.path).filter((m) => m.path === this.sourcePath);
    return here.length === 0 ? null : (meetingAt(here, this.lineOf())?.date ?? null);
  }

  /** A problem with the block, shown inside it instead of the list. */
  private showMessage(text: string): void {
    if (this.component) void unmount(this.component);
    this.component = null;
    this.props = null;
    this.containerEl.empty();
    this.messageEl = this.containerEl.createDiv({ cls: "ooo-block-error", text });
  }

  private render(): void {
    const request = parseBlock(this.source);
    if ("error" in request) {
      this.showMessage(request.error);
      return;
    }
    const person = this.person(request.person);
    if (!person) {
      this.showMessage(
        request.person
          ? `No person note found for "${request.person}".`
          : "This note is not about a person: name one, e.g. agreements: [[Anya Petrova]]",
      );
      return;
    }
    const items = previousAgreements(this.host.index.agreementsWith(person.path), this.meetingDay()).map(agreementItem);
    const today = this.host.clock.today();
    const emptyText = `No open agreements with ${person.name}.`;
    if (this.props) {
      this.props.items = items;
      this.props.today = today;
      this.props.emptyText = emptyText;
      return;
    }
    this.messageEl?.remove();
    this.messageEl = null;
    this.containerEl.empty();
    this.props = createAgreementsListProps({
      items,
      today,
      emptyText,
      onToggle: async (item) => {
        await this.host.tick(item);
      },
      onOpen: (item) => void this.host.openAt(item),
    });
    this.component = mount(AgreementsList, { target: this.containerEl, props: this.props });
  }
}

/** The handler registered for `one-on-ones` code blocks. */
export function agreementsBlockProcessor(host: BlockHost) {
  return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    ctx.addChild(new AgreementsBlock(el, host, source, ctx.sourcePath, () => ctx.getSectionInfo(el)?.lineStart ?? null));
  };
}
