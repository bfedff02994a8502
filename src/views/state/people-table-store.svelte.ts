/**
 * The props of the People table as one reactive object: the view mounts the component with it
 * and assigns new rows (`props.rows = …`, `props.today = …`); sorting, filters and focus stay.
 * Fields are shallowly reactive (`$state.raw`): rows are replaced, never proxied.
 */
import type { IsoDate } from "../../domain/types";
import type { PeopleQuery, PersonRow } from "../../domain/view-models";
import type { GetStartedActions } from "./get-started";

/** A 1:1 note the table's rows cannot show a problem of: its person has no note. */
export interface NoteToCheck {
  path: string;
  /** The person as the note names them, if at all. */
  personName: string | null;
  messages: readonly string[];
}

export type CopyFormat = "markdown" | "csv";

export interface PeopleTableProps extends GetStartedActions {
  rows: PersonRow[];
  today: IsoDate;
  /** 1:1 notes to check, listed under the table. */
  notes?: readonly NoteToCheck[];
  /** The query to start with; later changes come from the user and go out via onQueryChange. */
  query: PeopleQuery;
  onOpen: (path: string) => void;
  onStart: (path: string) => void;
  onMarkSeen: (path: string) => void;
  /** Copy the rows as shown (filtered and sorted) in the given format. */
  onCopy: (format: CopyFormat, visible: PersonRow[]) => void;
  /** Write the rows as shown into a new file: CSV for spreadsheets, vCard for address books. */
  onExport?: (format: "csv" | "vcard", visible: PersonRow[]) => void;
  onQueryChange?: (query: PeopleQuery) => void;
}

export function createPeopleTableProps(initial: PeopleTableProps): PeopleTableProps {
  let rows = $state.raw(initial.rows);
  let today = $state.raw(initial.today);
  let query = $state.raw(initial.query);
  let notes = $state.raw(initial.notes ?? []);
  return {
    get rows() {
      return rows;
    },
    set rows(value) {
      rows = value;
    },
    get today() {
      return today;
    },
    set today(value) {
      today = value;
    },
    get notes() {
      return notes;
    },
    set notes(value) {
      notes = value ?? [];
    },
    get query() {
      return query;
    },
    set query(value) {
      query = value;
    },
    onOpen: initial.onOpen,
    onStart: initial.onStart,
    onMarkSeen: initial.onMarkSeen,
    onCopy: initial.onCopy,
    onExport: initial.onExport,
    onQueryChange: initial.onQueryChange,
    onNewPerson: initial.onNewPerson,
    onImportContacts: initial.onImportContacts,
    onAdoptNotes: initial.onAdoptNotes,
  };
}
