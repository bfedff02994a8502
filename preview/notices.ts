// Notices as Obsidian shows them: stacked in the top right corner, gone after a few seconds or on
// a click. The fake Notice only records its message; this one is also shown.
import { Notice } from "../tests/fakes/fake-ui";

const DEFAULT_DURATION_MS = 5000;
let container: HTMLElement | null = null;

function noticeContainer(): HTMLElement {
  if (!container || !container.isConnected) {
    container = createDiv("preview-notices");
    document.body.appendChild(container);
  }
  return container;
}

export class PreviewNotice extends Notice {
  private timer: number | null = null;

  constructor(message: string | DocumentFragment, duration?: number) {
    super(message, duration);
    // Each notice comes in its own container; they are stacked in one shared container.
    noticeContainer().appendChild(this.containerEl);
    this.messageEl.setAttr("role", "status");
    this.containerEl.addEventListener("click", () => this.hide());
    const ms = duration ?? DEFAULT_DURATION_MS;
    if (ms > 0) this.timer = window.setTimeout(() => this.hide(), ms);
  }

  override hide(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    super.hide();
  }
}
