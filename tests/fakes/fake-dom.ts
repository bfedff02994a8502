// Obsidian's additions to the DOM and to built-in prototypes (declared globally in obsidian.d.ts),
// installed on jsdom's prototypes when the fake is imported. Installing twice is harmless.
import type * as O from "obsidian";

type Attrs = Record<string, string | number | boolean | null>;
type ElementInfo = DomElementInfo | string | undefined;

const SVG_NS = "http://www.w3.org/2000/svg";
const INSTALLED = Symbol.for("one-on-ones.fake-obsidian.dom");

function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

function setAttr(el: Element, name: string, value: string | number | boolean | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

function setText(el: Node, text: string | DocumentFragment): void {
  if (typeof text === "string") {
    el.textContent = text;
    return;
  }
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(text);
}

function addClasses(el: Element, cls: string | string[]): void {
  const list = (Array.isArray(cls) ? cls : cls.split(" ")).filter((c) => c.length > 0);
  el.classList.add(...list);
}

function place(el: Node, info: { parent?: Node; prepend?: boolean }): void {
  if (!info.parent) return;
  if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
  else info.parent.appendChild(el);
}

/** Obsidian's global `createEl`: a string option is a class; `parent` appends (or prepends). */
export function createEl<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  o?: ElementInfo,
  callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) addClasses(el, info.cls);
  if (info.text !== undefined) setText(el, info.text);
  if (info.attr) for (const [name, value] of Object.entries(info.attr)) setAttr(el, name, value);
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined) {
    if ("value" in el) (el as HTMLInputElement).value = info.value;
    else el.setAttribute("value", info.value);
  }
  if (info.type !== undefined) {
    if (el instanceof HTMLInputElement || el instanceof HTMLButtonElement) el.type = info.type;
    else el.setAttribute("type", info.type);
  }
  if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
  if (info.href !== undefined) el.setAttribute("href", info.href);
  place(el, info);
  callback?.(el);
  return el;
}

export function createDiv(o?: ElementInfo, callback?: (el: HTMLDivElement) => void): HTMLDivElement {
  const el = createEl("div", o);
  callback?.(el);
  return el;
}

export function createSpan(o?: ElementInfo, callback?: (el: HTMLSpanElement) => void): HTMLSpanElement {
  const el = createEl("span", o);
  callback?.(el);
  return el;
}

export function createSvg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  o?: SvgElementInfo | string,
  callback?: (el: SVGElementTagNameMap[K]) => void,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  const info: SvgElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) addClasses(el, info.cls);
  if (info.attr) for (const [name, value] of Object.entries(info.attr)) setAttr(el, name, value);
  place(el, info);
  callback?.(el);
  return el;
}

export function createFragment(callback?: (el: DocumentFragment) => void): DocumentFragment {
  const fragment = document.createDocumentFragment();
  callback?.(fragment);
  return fragment;
}

function withParent<T extends object>(parent: Node, o: T | string | undefined): T & { parent: Node } {
  const info = (typeof o === "string" ? { cls: o } : { ...(o ?? {}) }) as T;
  return { ...info, parent };
}

interface DelegatedListener {
  type: string;
  selector: string;
  listener: (...args: never[]) => unknown;
  options: boolean | AddEventListenerOptions | undefined;
  callback: EventListener;
}
const delegated = new WeakMap<EventTarget, DelegatedListener[]>();

/** A window whose DOM classes get Obsidian's additions: the test's own, or a pop-out's. */
type Realm = Window & typeof globalThis;

function installNode(realm: Realm): void {
  const node = realm.Node.prototype;
  define(node, "createEl", function (this: Node, tag: keyof HTMLElementTagNameMap, o?: ElementInfo, cb?: (el: HTMLElement) => void) {
    return createEl(tag, withParent<DomElementInfo>(this, o), cb);
  });
  define(node, "createDiv", function (this: Node, o?: ElementInfo, cb?: (el: HTMLDivElement) => void) {
    return createDiv(withParent<DomElementInfo>(this, o), cb);
  });
  define(node, "createSpan", function (this: Node, o?: ElementInfo, cb?: (el: HTMLSpanElement) => void) {
    return createSpan(withParent<DomElementInfo>(this, o), cb);
  });
  define(node, "createSvg", function (this: Node, tag: keyof SVGElementTagNameMap, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) {
    return createSvg(tag, withParent<SvgElementInfo>(this, o), cb);
  });
  define(node, "empty", function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  });
  define(node, "detach", function (this: Node) {
    this.parentNode?.removeChild(this);
  });
  define(node, "appendText", function (this: Node, val: string) {
    this.appendChild(document.createTextNode(val));
  });
  define(node, "indexOf", function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  });
  define(node, "insertAfter", function <T extends Node>(this: Node, child: T, other: Node | null) {
    this.insertBefore(child, other ? other.nextSibling : this.firstChild);
    return child;
  });
  define(node, "setChildrenInPlace", function (this: Node, children: Node[]) {
    while (this.firstChild) this.removeChild(this.firstChild);
    for (const child of children) this.appendChild(child);
  });
  define(node, "instanceOf", function (this: Node, type: abstract new (...args: never[]) => unknown) {
    return this instanceof type;
  });
  Object.defineProperty(node, "doc", {
    configurable: true,
    get(this: Node) {
      return this.ownerDocument ?? document;
    },
  });
  Object.defineProperty(node, "win", {
    configurable: true,
    get(this: Node) {
      return (this.ownerDocument ?? document).defaultView ?? window;
    },
  });
}

function installElement(realm: Realm): void {
  const element = realm.Element.prototype;
  define(element, "getText", function (this: Element) {
    return this.textContent ?? "";
  });
  define(element, "setText", function (this: Element, val: string | DocumentFragment) {
    setText(this, val);
  });
  define(element, "addClass", function (this: Element, ...classes: string[]) {
    addClasses(this, classes);
  });
  define(element, "addClasses", function (this: Element, classes: string[]) {
    addClasses(this, classes);
  });
  define(element, "removeClass", function (this: Element, ...classes: string[]) {
    this.classList.remove(...classes);
  });
  define(element, "removeClasses", function (this: Element, classes: string[]) {
    this.classList.remove(...classes);
  });
  define(element, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
    for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
  });
  define(element, "hasClass", function (this: Element, cls: string) {
    return this.classList.contains(cls);
  });
  define(element, "setAttr", function (this: Element, name: string, value: string | number | boolean | null) {
    setAttr(this, name, value);
  });
  define(element, "setAttrs", function (this: Element, attrs: Attrs) {
    for (const [name, value] of Object.entries(attrs)) setAttr(this, name, value);
  });
  define(element, "getAttr", function (this: Element, name: string) {
    return this.getAttribute(name);
  });
  define(element, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
    if (this.matches(selector)) return this;
    for (let el = this.parentElement; el && el !== lastParent; el = el.parentElement) {
      if (el.matches(selector)) return el;
    }
    return null;
  });
  define(element, "find", function (this: Element, selector: string) {
    return this.querySelector(selector);
  });
  define(element, "findAll", function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  });
  define(element, "findAllSelf", function (this: Element, selector: string) {
    const found = Array.from(this.querySelectorAll(selector));
    return this.matches(selector) ? [this, ...found] : found;
  });
  define(element, "isActiveElement", function (this: Element) {
    return this.ownerDocument.activeElement === this;
  });
  define(element, "getCssPropertyValue", function (this: Element, property: string) {
    return getComputedStyle(this).getPropertyValue(property);
  });
}

function installHtmlElement(realm: Realm): void {
  const html = realm.HTMLElement.prototype;
  define(html, "show", function (this: HTMLElement) {
    this.style.removeProperty("display");
  });
  define(html, "hide", function (this: HTMLElement) {
    this.setCssProps({ display: "none" });
  });
  define(html, "toggle", function (this: HTMLElement, show: boolean) {
    if (show) this.style.removeProperty("display");
    else this.setCssProps({ display: "none" });
  });
  define(html, "toggleVisibility", function (this: HTMLElement, visible: boolean) {
    this.style.visibility = visible ? "" : "hidden";
  });
  define(html, "isShown", function (this: HTMLElement) {
    if (this.style.display === "none") return false;
    for (let el = this.parentElement; el; el = el.parentElement) if (el.style.display === "none") return false;
    return this.isConnected;
  });
  for (const target of [html, realm.SVGElement.prototype]) {
    define(target, "setCssStyles", function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
      Object.assign(this.style, styles);
    });
    define(target, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
      for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
    });
  }
  define(html, "onClickEvent", function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
    this.addEventListener("click", listener as EventListener, options);
    this.addEventListener("auxclick", listener as EventListener, options);
  });
  define(html, "trigger", function (this: HTMLElement, eventType: string) {
    this.dispatchEvent(new Event(eventType, { bubbles: true, cancelable: true }));
  });
  define(html, "onNodeInserted", function (this: HTMLElement, listener: () => unknown) {
    if (this.isConnected) listener();
    return () => undefined;
  });
  define(html, "onWindowMigrated", function () {
    return () => undefined;
  });
  for (const target of [html, realm.Document.prototype]) {
    define(target, "on", function (this: EventTarget, type: string, selector: string, listener: (ev: Event, delegateTarget: HTMLElement) => unknown, options?: boolean | AddEventListenerOptions) {
      const callback: EventListener = (ev) => {
        const origin = ev.target instanceof Element ? ev.target.closest(selector) : null;
        if (origin instanceof HTMLElement && (this === document || (this as Node).contains(origin))) {
          listener.call(this, ev, origin);
        }
      };
      const list = delegated.get(this) ?? [];
      list.push({ type, selector, listener, options, callback });
      delegated.set(this, list);
      this.addEventListener(type, callback, options);
    });
    define(target, "off", function (this: EventTarget, type: string, selector: string, listener: (...args: never[]) => unknown, options?: boolean | AddEventListenerOptions) {
      const list = delegated.get(this) ?? [];
      const found = list.find((d) => d.type === type && d.selector === selector && d.listener === listener);
      if (!found) return;
      list.splice(list.indexOf(found), 1);
      this.removeEventListener(type, found.callback, options);
    });
  }
}

function installBuiltins(): void {
  define(Array.prototype, "first", function (this: unknown[]) {
    return this[0];
  });
  define(Array.prototype, "last", function (this: unknown[]) {
    return this[this.length - 1];
  });
  define(Array.prototype, "contains", function (this: unknown[], target: unknown) {
    return this.includes(target);
  });
  define(Array.prototype, "remove", function (this: unknown[], target: unknown) {
    for (let i = this.indexOf(target); i >= 0; i = this.indexOf(target)) this.splice(i, 1);
  });
  define(Array.prototype, "unique", function (this: unknown[]) {
    return [...new Set(this)];
  });
  define(Array.prototype, "shuffle", function (this: unknown[]) {
    return this;
  });
  define(Array, "combine", function <T>(arrays: T[][]) {
    return ([] as T[]).concat(...arrays);
  });
  define(String.prototype, "contains", function (this: string, target: string) {
    return this.includes(target);
  });
  define(String.prototype, "format", function (this: string, ...args: string[]) {
    return this.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
  });
  define(String, "isString", (obj: unknown) => typeof obj === "string");
  define(Number, "isNumber", (obj: unknown) => typeof obj === "number");
  define(Math, "clamp", (value: number, min: number, max: number) => Math.min(max, Math.max(min, value)));
  define(Math, "square", (value: number) => value * value);
  define(Object, "isEmpty", (object: Record<string, unknown>) => Object.keys(object).length === 0);
  define(Object, "each", function <T>(object: Record<string, T>, callback: (value: T, key?: string) => boolean | void) {
    for (const [key, value] of Object.entries(object)) if (callback(value, key) === false) return false;
    return true;
  });
}

function installGlobals(): void {
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  const globals = {
    createEl,
    createDiv,
    createSpan,
    createSvg,
    createFragment,
    activeDocument: document,
    activeWindow: window,
    sleep,
    nextFrame,
    isBoolean: (obj: unknown) => typeof obj === "boolean",
    fish: (selector: string) => document.querySelector(selector),
    fishAll: (selector: string) => Array.from(document.querySelectorAll(selector)),
    ready: (fn: () => unknown) => fn(),
  };
  for (const target of new Set<object>([globalThis, window])) {
    for (const [name, value] of Object.entries(globals)) define(target, name, value);
  }
}

/** Installs Obsidian's DOM helpers into jsdom; does nothing outside a DOM environment. */
export function installDomHelpers(): void {
  if (typeof document === "undefined" || typeof window === "undefined") return;
  const marker = Node.prototype as unknown as Record<symbol, boolean>;
  if (marker[INSTALLED] && (globalThis as { activeDocument?: Document }).activeDocument === document) return;
  installNode(window);
  installElement(window);
  installHtmlElement(window);
  installBuiltins();
  installGlobals();
  marker[INSTALLED] = true;
}

/**
 * Obsidian's additions in another window (a pop-out), as Obsidian makes them in every window it
 * opens. Elements made with `createEl` are made in the test's window and move in when placed.
 */
export function installDomHelpersIn(realm: Realm): void {
  installNode(realm);
  installElement(realm);
  installHtmlElement(realm);
}

/** Obsidian's `setIcon`: the fake leaves a marker element naming the icon instead of an SVG. */
export const setIcon: typeof O.setIcon = (parent, iconId) => {
  parent.empty();
  parent.dataset.icon = iconId;
  parent.createSpan({ cls: ["svg-icon", `lucide-${iconId}`], attr: { "data-icon": iconId } });
};

export const setTooltip: typeof O.setTooltip = (el, tooltip, options) => {
  el.setAttribute("aria-label", tooltip);
  if (options?.placement) el.setAttribute("data-tooltip-position", options.placement);
};

export const displayTooltip: typeof O.displayTooltip = (el, content) => {
  el.setAttribute("aria-label", typeof content === "string" ? content : (content.textContent ?? ""));
};

const icons = new Map<string, string>();

export const addIcon: typeof O.addIcon = (iconId, svgContent) => {
  icons.set(iconId, svgContent);
};

export const removeIcon: typeof O.removeIcon = (iconId) => {
  icons.delete(iconId);
};

export const getIcon: typeof O.getIcon = (iconId) => {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.classList.add("svg-icon", `lucide-${iconId}`);
  return svg;
};

export const getIconIds: typeof O.getIconIds = () => [...icons.keys()];

installDomHelpers();
