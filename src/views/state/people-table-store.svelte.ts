/**
 * The props of the People table as one reactive object: the view mounts the component with it
 * and assigns new rows (`props.rows = …`, `props.today = …`); sorting, filters and focus stay.
 * Fields are shallowly reactive (`$state.raw`): rows are replaced, never proxied.
 */
import type { IsoDate } from "../../domain/types";
import type { PeopleQuery, PersonRow } from "../../domain/view-models";

export type CopyFormat = "markdown" | "csv";

export interface PeopleTableProps {
  rows: PersonRow[];
  today: IsoDate;
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
  };
}
