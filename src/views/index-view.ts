import { ItemView, debounce, type WorkspaceLeaf } from "obsidian";
import { unmount, type mount } from "svelte";
import { withoutPersonalDetails } from "./discreet-data";
import type { ViewHost } from "./host";
import { viewData, type ViewData } from "./view-data";

/** How long a view waits after a change of the index before it renders again. */
export const VIEW_UPDATE_DELAY_MS = 50;

/**
 * An ItemView showing the index through one Svelte component: mounts it with a reactive props
 * object, hands it new data after every change of the index (and of discreet mode), unmounts it
 * on close. The component keeps its own state (scroll, filters, collapsed groups) across updates.
 */
export abstract class IndexView<Props extends object> extends ItemView {
  private component: ReturnType<typeof mount> | null = null;
  private props: Props | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly refresh = debounce(() => this.update(), VIEW_UPDATE_DELAY_MS, true);

  constructor(
    leaf: WorkspaceLeaf,
    protected readonly host: ViewHost,
  ) {
    super(leaf);
  }

  /** The class of the view's content element, besides `ooo-view`. */
  protected abstract viewClass(): string;
  protected abstract createProps(data: ViewData): Props;
  protected abstract mountComponent(target: HTMLElement, props: Props): ReturnType<typeof mount>;
  protected abstract applyData(props: Props, data: ViewData): void;

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass("ooo-view", this.viewClass());
    this.props = this.createProps(this.data());
    this.component = this.mountComponent(this.contentEl, this.props);
    const stopIndex = this.host.index.subscribe(() => this.refresh());
    const stopDiscreet = this.host.onDiscreetChange(() => this.update());
    this.unsubscribe = () => {
      stopIndex();
      stopDiscreet();
    };
  }

  /** Renders the index as it is now. */
  update(): void {
    if (this.props) this.applyData(this.props, this.data());
  }

  /** The index as plain data; in discreet mode without personal details. */
  private data(): ViewData {
    const data = viewData(this.host.index, this.host.clock.today());
    if (!this.host.discreet()) return data;
    const people = withoutPersonalDetails(data.people);
    // The agreements stay unmade until read (a spread would read them).
    return {
      today: data.today,
      people,
      notesToCheck: data.notesToCheck,
      get agreements() {
        return data.agreements;
      },
    };
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
