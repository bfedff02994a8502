// Events and Component, with Obsidian's semantics: handlers run in registration order on a copy of
// the list, a throwing handler is logged and the others still run; a Component loads its children
// after itself and, on unload, unloads children, then runs registered clean-ups, then onunload.
import type * as O from "obsidian";
import { reportHandlerError, trackResult } from "./fake-env";

/** Any event handler: `never[]` accepts handlers of any parameter list. */
export type Handler = (...data: never[]) => unknown;

export interface FakeEventRef extends O.EventRef {
  e: Events;
  name: string;
  fn: Handler;
  ctx: unknown;
}

function isFakeRef(ref: O.EventRef): ref is FakeEventRef {
  return typeof ref === "object" && ref !== null && "e" in ref && "fn" in ref;
}

export class Events implements O.Events {
  private readonly handlers = new Map<string, FakeEventRef[]>();

  on(name: string, callback: Handler, ctx?: unknown): O.EventRef {
    const ref: FakeEventRef = { e: this, name, fn: callback, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  off(name: string, callback: Handler): void {
    const list = this.handlers.get(name);
    if (!list) return;
    this.handlers.set(
      name,
      list.filter((ref) => ref.fn !== callback),
    );
  }

  offref(ref: O.EventRef): void {
    if (!isFakeRef(ref)) return;
    const list = ref.e.handlers.get(ref.name) ?? [];
    const index = list.indexOf(ref);
    if (index >= 0) list.splice(index, 1);
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: O.EventRef, args: unknown[]): void {
    if (!isFakeRef(evt)) return;
    try {
      trackResult((evt.fn as (...data: unknown[]) => unknown).apply(evt.ctx, args));
    } catch (error) {
      reportHandlerError(error);
    }
  }

  /** Fake only: how many handlers listen to `name`. */
  listenerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

export class Component implements O.Component {
  private loaded = false;
  private cleanups: Array<() => unknown> = [];
  private children: O.Component[] = [];

  /** Fake only: whether load() ran and unload() did not. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    trackResult(this.onload());
    for (const child of [...this.children]) child.load();
  }

  onload(): void {}

  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (let child = this.children.pop(); child; child = this.children.pop()) child.unload();
    for (let cleanup = this.cleanups.pop(); cleanup; cleanup = this.cleanups.pop()) {
      try {
        trackResult(cleanup());
      } catch (error) {
        reportHandlerError(error);
      }
    }
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends O.Component>(component: T): T {
    this.children.push(component);
    if (this.loaded) component.load();
    return component;
  }

  removeChild<T extends O.Component>(component: T): T {
    const index = this.children.indexOf(component);
    if (index >= 0) {
      this.children.splice(index, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }

  registerEvent(eventRef: O.EventRef): void {
    this.register(() => {
      if (isFakeRef(eventRef)) eventRef.e.offref(eventRef);
    });
  }

  registerDomEvent(
    el: Window | Document | HTMLElement,
    type: string,
    callback: (this: HTMLElement, ev: never) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void {
    const listener = callback as unknown as EventListener;
    el.addEventListener(type, listener, options);
    this.register(() => el.removeEventListener(type, listener, options));
  }

  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }
}
