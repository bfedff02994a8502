import { mount } from "svelte";
import { VIEW_TYPE_PEOPLE } from "../constants";
import PeopleTable from "./components/PeopleTable.svelte";
import { IndexView } from "./index-view";
import { createPeopleTableProps, type PeopleTableProps } from "./state/people-table-store.svelte";
import type { ViewData } from "./view-data";

/** The main-area view: a table of colleagues and friends. */
export class PeopleView extends IndexView<PeopleTableProps> {
  getViewType(): string {
    return VIEW_TYPE_PEOPLE;
  }

  getDisplayText(): string {
    return "People";
  }

  override getIcon(): string {
    return "users";
  }

  protected viewClass(): string {
    return "ooo-people-view";
  }

  protected createProps(data: ViewData): PeopleTableProps {
    return createPeopleTableProps({
      rows: data.people,
      today: data.today,
      notes: data.notesToCheck,
      query: this.host.peopleQuery(),
      onOpen: (path) => void this.host.openPerson(path),
      onStart: (path) => void this.host.startOneOnOne(path),
      onMarkSeen: (path) => void this.host.markSeen(path),
      onCopy: (format, rows) => void this.host.copyPeople(format, rows),
      onExport: (format, rows) => void this.host.exportPeople(format, rows),
      onQueryChange: (query) => this.host.savePeopleQuery(query),
      onNewPerson: () => this.host.newPerson(),
      onImportContacts: () => void this.host.importContacts(),
      onAdoptNotes: () => void this.host.adoptNotes(),
    });
  }

  protected mountComponent(target: HTMLElement, props: PeopleTableProps): ReturnType<typeof mount> {
    return mount(PeopleTable, { target, props });
  }

  protected applyData(props: PeopleTableProps, data: ViewData): void {
    props.rows = data.people;
    props.today = data.today;
    props.notes = data.notesToCheck;
  }
}
