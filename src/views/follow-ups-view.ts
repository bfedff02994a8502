import { mount } from "svelte";
import { VIEW_TYPE_FOLLOW_UPS } from "../constants";
import FollowUps from "./components/FollowUps.svelte";
import { IndexView } from "./index-view";
import { createFollowUpsProps, type FollowUpsProps } from "./state/follow-ups-store.svelte";
import type { ViewData } from "./view-data";

/** The right-sidebar view: open agreements across all 1:1s, and the people due. */
export class FollowUpsView extends IndexView<FollowUpsProps> {
  getViewType(): string {
    return VIEW_TYPE_FOLLOW_UPS;
  }

  getDisplayText(): string {
    return "Follow-ups";
  }

  override getIcon(): string {
    return "list-checks";
  }

  protected viewClass(): string {
    return "ooo-follow-ups-view";
  }

  protected createProps(data: ViewData): FollowUpsProps {
    return createFollowUpsProps({
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
      onNewPerson: () => this.host.newPerson(),
      onImportContacts: () => void this.host.importContacts(),
      onAdoptNotes: () => void this.host.adoptNotes(),
    });
  }

  protected mountComponent(target: HTMLElement, props: FollowUpsProps): ReturnType<typeof mount> {
    return mount(FollowUps, { target, props });
  }

  protected applyData(props: FollowUpsProps, data: ViewData): void {
    props.agreements = data.agreements;
    props.people = data.people;
    props.today = data.today;
  }
}
