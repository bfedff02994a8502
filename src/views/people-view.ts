import { ItemView, debounce, type WorkspaceLeaf } from "obsidian";
import { mount, unmount } from "svelte";
import { VIEW_TYPE_PEOPLE } from "../constants";
import PeopleTable from "./components/PeopleTable.svelte";
import { createPeopleTableProps, type PeopleTableProps } from "./state/people-table-store.svelte";
import { VIEW_UPDATE_DELAY_MS } from "./follow-ups-view";
import type { ViewHost } from "./host";
import { withoutPersonalDetails } from "./discreet-data";
import { viewData, type ViewData } from "./view-data";

/** The main-area view: a table of colleagues and friends. */
export class PeopleView extends ItemView {
  private component: ReturnType<typeof mount> | null = null;
  private props: PeopleTableProps | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly refresh = debounce(() => this.update(), VIEW_UPDATE_DELAY_MS, true);

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: ViewHost,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE_PEOPLE;
  }

  getDisplayText(): string {
    return "People";
  }

  override getIcon(): string {
    return "users";
  }

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass("ooo-view", "ooo-people-view");
    const data = this.data();
    this.props = createPeopleTableProps({
      rows: data.people,
      today: data.today,
      query: this.host.peopleQuery(),
      onOpen: (path) => void this.host.openPerson(path),
      onStart: (path) => void this.host.startOneOnOne(path),
      onMarkSeen: (path) => void this.host.markSeen(path),
      onCopy: (format, rows) => void this.host.copyPeople(format, rows),
      onExport: (format, rows) => void this.host.exportPeople(format, rows),
      onQueryChange: (query) => this.host.savePeopleQuery(query),
    });
    this.component = mount(PeopleTable, { target: this.contentEl, props: this.props });
    const stopIndex = this.host.index.subscribe(() => this.refresh());
    const stopDiscreet = this.host.onDiscreetChange(() => this.update());
    this.unsubscribe = () => {
      stopIndex();
      stopDiscreet();
    };
  }

  update(): void {
    if (!this.props) return;
    const data = this.data();
    this.props.rows = data.people;
    this.props.today = data.today;
  }

  /** The index as plain data; in discreet mode without personal details. */
  private data(): ViewData {
    const data = viewData(this.host.index, this.host.clock.today());
    return this.host.discreet() ? { ...data, people: withoutPersonalDetails(data.people) } : data;
  }

  override async onClose(): Promise<void> {
    this.refresh.cancel();
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.component) await unmount(this.component);
    this.component = null;
    this.props = null;
  }
}
