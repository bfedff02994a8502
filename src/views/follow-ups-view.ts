import { ItemView, debounce, type WorkspaceLeaf } from "obsidian";
import { mount, unmount } from "svelte";
import { VIEW_TYPE_FOLLOW_UPS } from "../constants";
import FollowUps from "./components/FollowUps.svelte";
import { createFollowUpsProps, type FollowUpsProps } from "./state/follow-ups-store.svelte";
import type { ViewHost } from "./host";
import { withoutPersonalDetails } from "./discreet-data";
import { viewData, type ViewData } from "./view-data";

/** How long the view waits after a change of the index before it renders again. */
export const VIEW_UPDATE_DELAY_MS = 50;

/** The right-sidebar view: open agreements across all 1:1s, and the people due. */
export class FollowUpsView extends ItemView {
  private component: ReturnType<typeof mount> | null = null;
  private props: FollowUpsProps | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly refresh = debounce(() => this.update(), VIEW_UPDATE_DELAY_MS, true);

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: ViewHost,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE_FOLLOW_UPS;
  }

  getDisplayText(): string {
    return "Follow-ups";
  }

  override getIcon(): string {
    return "list-checks";
  }

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass("ooo-view", "ooo-follow-ups-view");
    const data = this.data();
    this.props = createFollowUpsProps({
      ...data,
      query: this.host.followUpsQuery(),
      onToggle: async (item) => {
        await this.host.tick(item);
      },
      onOpen: (item) => void this.host.openAt(item),
      onOpenPerson: (path) => void this.host.openPerson(path),
      onStart: (path) => void this.host.startOneOnOne(path),
      onMarkSeen: (path) => void this.host.markSeen(path),
      onQueryChange: (query) => this.host.saveFollowUpsQuery(query),
    });
    this.component = mount(FollowUps, { target: this.contentEl, props: this.props });
    const stopIndex = this.host.index.subscribe(() => this.refresh());
    const stopDiscreet = this.host.onDiscreetChange(() => this.update());
    this.unsubscribe = () => {
      stopIndex();
      stopDiscreet();
    };
  }

  /** Renders the index as it is now; the component keeps scroll, filters and collapsed groups. */
  update(): void {
    if (!this.props) return;
    const data = this.data();
    this.props.agreements = data.agreements;
    this.props.people = data.people;
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
