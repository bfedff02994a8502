/**
 * The props of a live agreements block as one reactive object: the block mounts the list with
 * it and assigns new items (`props.items = …`) when the index changes.
 */
import type { IsoDate } from "../../domain/types";
import type { AgreementItem } from "../../domain/view-models";

/** Tick an agreement off; the row stays disabled until the returned promise settles. */
export type ToggleAgreement = (item: AgreementItem) => void | Promise<void>;
/** Open the note at the agreement's line. */
export type OpenAgreement = (item: AgreementItem) => void;

/** One agreement row, shared by the Follow-ups view and the live block. */
export interface AgreementRowProps {
  item: AgreementItem;
  today: IsoDate;
  /** False where the person is obvious (grouped by person, a person's own block). */
  showPerson?: boolean;
  onToggle: ToggleAgreement;
  onOpen: OpenAgreement;
}

export interface AgreementsListProps {
  items: AgreementItem[];
  today: IsoDate;
  emptyText: string;
  onToggle: ToggleAgreement;
  onOpen: OpenAgreement;
}

export function createAgreementsListProps(initial: AgreementsListProps): AgreementsListProps {
  let items = $state.raw(initial.items);
  let today = $state.raw(initial.today);
  let emptyText = $state.raw(initial.emptyText);
  return {
    get items() {
      return items;
    },
    set items(value) {
      items = value;
    },
    get today() {
      return today;
    },
    set today(value) {
      today = value;
    },
    get emptyText() {
      return emptyText;
    },
    set emptyText(value) {
      emptyText = value;
    },
    onToggle: initial.onToggle,
    onOpen: initial.onOpen,
  };
}
