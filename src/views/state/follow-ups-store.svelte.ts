/**
 * The props of the Follow-ups component as one reactive object. The view mounts the component
 * with it and assigns new data to it (`props.agreements = …`); the component re-renders and keeps
 * its own state (collapsed groups, search text, filters, pending ticks).
 *
 * Each field is shallowly reactive (`$state.raw`): a new array replaces the old one, the items
 * themselves are never proxied, so thousands of agreements cost nothing extra.
 */
import type { IsoDate } from "../../domain/types";
import type { AgreementItem, FollowUpsQuery, PersonRow } from "../../domain/view-models";
import type { OpenAgreement, ToggleAgreement } from "./agreements-list-store.svelte";
import type { GetStartedActions } from "./get-started";

export interface FollowUpsProps extends GetStartedActions {
  agreements: AgreementItem[];
  /** Everyone: the component picks who is due and whose birthday is coming. */
  people: PersonRow[];
  today: IsoDate;
  /** The query to start with; later changes come from the user and go out via onQueryChange. */
  query: FollowUpsQuery;
  onToggle: ToggleAgreement;
  onOpen: OpenAgreement;
  onOpenPerson: (path: string) => void;
  onStart: (path: string) => void;
  onMarkSeen: (path: string) => void;
  onQueryChange?: (query: FollowUpsQuery) => void;
}

export function createFollowUpsProps(initial: FollowUpsProps): FollowUpsProps {
  let agreements = $state.raw(initial.agreements);
  let people = $state.raw(initial.people);
  let today = $state.raw(initial.today);
  let query = $state.raw(initial.query);
  return {
    get agreements() {
      return agreements;
    },
    set agreements(value) {
      agreements = value;
    },
    get people() {
      return people;
    },
    set people(value) {
      people = value;
    },
    get today() {
      return today;
    },
    set today(value) {
      today = value;
    },
    get query() {
      return query;
    },
    set query(value) {
      query = value;
    },
    onToggle: initial.onToggle,
    onOpen: initial.onOpen,
    onOpenPerson: initial.onOpenPerson,
    onStart: initial.onStart,
    onMarkSeen: initial.onMarkSeen,
    onQueryChange: initial.onQueryChange,
    onNewPerson: initial.onNewPerson,
    onImportContacts: initial.onImportContacts,
    onAdoptNotes: initial.onAdoptNotes,
  };
}
