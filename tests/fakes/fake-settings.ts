// Setting, its components and the setting tabs. Components react to real DOM events as in
// Obsidian (text: `input`; dropdown: `change`; slider: `input` when instant, else `change`;
// toggle, buttons: `click`), so a test drives them like a user; `setValue` does not call the
// `onChange` callback, except on a toggle whose value changes (as in Obsidian).
import type * as O from "obsidian";
import type { App } from "./fake-app";
import { trackResult } from "./fake-env";
import { setIcon, setTooltip } from "./fake-dom";

const settingsByEl = new WeakMap<HTMLElement, Setting>();

/** Fake only: the Setting an element (`.setting-item`) belongs to. */
export function settingOf(el: HTMLElement): Setting | null {
  return settingsByEl.get(el) ?? null;
}

export abstract class BaseComponent implements O.BaseComponent {
  disabled = false;

  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

export abstract class ValueComponent<T> extends BaseComponent implements O.ValueComponent<T> {
  registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
    listeners[key] = (value?: T) => {
      if (value !== undefined) this.setValue(value);
      return this.getValue();
    };
    return this;
  }

  abstract getValue(): T;
  abstract setValue(value: T): this;
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> implements O.AbstractTextComponent<T> {
  inputEl: T;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(inputEl: T) {
    super();
    this.inputEl = inputEl;
    inputEl.addEventListener("input", () => this.onChanged());
  }

  override setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.inputEl.disabled = disabled;
    return this;
  }

  getValue(): string {
    return this.inputEl.value;
  }

  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }

  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }

  onChanged(): void {
    trackResult(this.changeCallback?.(this.getValue()));
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> implements O.TextComponent {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl("input", { type: "text" }));
  }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> implements O.TextAreaComponent {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl("textarea"));
  }
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> implements O.SearchComponent {
  clearButtonEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    const wrapper = containerEl.createDiv("search-input-container");
    super(wrapper.createEl("input", { type: "search" }));
    this.clearButtonEl = wrapper.createDiv("search-input-clear-button");
    this.clearButtonEl.addEventListener("click", () => {
      this.setValue("");
      this.onChanged();
    });
  }
}

export class MomentFormatComponent extends TextComponent implements O.MomentFormatComponent {
  sampleEl: HTMLElement = createSpan();
  private defaultFormat = "";

  setDefaultFormat(defaultFormat: string): this {
    this.defaultFormat = defaultFormat;
    this.setPlaceholder(defaultFormat);
    this.updateSample();
    return this;
  }

  setSampleEl(sampleEl: HTMLElement): this {
    this.sampleEl = sampleEl;
    this.updateSample();
    return this;
  }

  override setValue(value: string): this {
    super.setValue(value);
    this.updateSample();
    return this;
  }

  override onChanged(): void {
    this.updateSample();
    super.onChanged();
  }

  /** The fake has no moment.js: the sample shows the format itself. */
  updateSample(): void {
    this.sampleEl.setText(this.getValue() || this.defaultFormat);
  }
}

export class ToggleComponent extends ValueComponent<boolean> implements O.ToggleComponent {
  toggleEl: HTMLElement;
  private on = false;
  private changeCallback: ((value: boolean) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv("checkbox-container");
    this.toggleEl.createEl("input", { type: "checkbox" });
    this.toggleEl.addEventListener("click", () => {
      if (!this.disabled) this.onClick();
    });
  }

  override setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.toggleEl.toggleClass("is-disabled", disabled);
    return this;
  }

  getValue(): boolean {
    return this.on;
  }

  setValue(on: boolean): this {
    const changed = on !== this.on;
    this.on = on;
    this.toggleEl.toggleClass("is-enabled", on);
    const box = this.toggleEl.querySelector("input");
    if (box) box.checked = on;
    if (changed) trackResult(this.changeCallback?.(on));
    return this;
  }

  setTooltip(tooltip: string, options?: O.TooltipOptions): this {
    setTooltip(this.toggleEl, tooltip, options);
    return this;
  }

  onClick(): void {
    this.setValue(!this.on);
  }

  onChange(callback: (value: boolean) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> implements O.DropdownComponent {
  selectEl: HTMLSelectElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
    this.selectEl.addEventListener("change", () => trackResult(this.changeCallback?.(this.getValue())));
  }

  override setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.selectEl.disabled = disabled;
    return this;
  }

  addOption(value: string, display: string): this {
    this.selectEl.createEl("option", { value, text: display });
    return this;
  }

  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }

  getValue(): string {
    return this.selectEl.value;
  }

  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class SliderComponent extends ValueComponent<number> implements O.SliderComponent {
  sliderEl: HTMLInputElement;
  private instant = false;
  private changeCallback: ((value: number) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = containerEl.createEl("input", { cls: "slider", type: "range" });
    this.sliderEl.min = "0";
    this.sliderEl.max = "100";
    this.sliderEl.step = "1";
    const fire = (): void => trackResult(this.changeCallback?.(this.getValue()));
    this.sliderEl.addEventListener("input", () => {
      if (this.instant) fire();
    });
    this.sliderEl.addEventListener("change", () => {
      if (!this.instant) fire();
    });
  }

  override setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.sliderEl.disabled = disabled;
    return this;
  }

  setInstant(instant: boolean): this {
    this.instant = instant;
    return this;
  }

  setLimits(min: number, max: number, step: number | "any"): this {
    this.sliderEl.min = String(min);
    this.sliderEl.max = String(max);
    this.sliderEl.step = String(step);
    return this;
  }

  getValue(): number {
    return Number(this.sliderEl.value);
  }

  setValue(value: number): this {
    this.sliderEl.value = String(value);
    return this;
  }

  getValuePretty(): string {
    return String(this.getValue());
  }

  setDynamicTooltip(): this {
    return this;
  }

  showTooltip(): void {}

  onChange(callback: (value: number) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class ColorComponent extends ValueComponent<string> implements O.ColorComponent {
  private readonly colorEl: HTMLInputElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.colorEl = containerEl.createEl("input", { type: "color" });
    this.colorEl.addEventListener("change", () => trackResult(this.changeCallback?.(this.getValue())));
  }

  getValue(): string {
    return this.colorEl.value;
  }

  getValueRgb(): O.RGB {
    const hex = this.getValue().replace("#", "");
    return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
  }

  getValueHsl(): O.HSL {
    const { r, g, b } = this.getValueRgb();
    const [rn, gn, bn] = [r / 255, g / 255, b / 255];
    const max = Math.max(rn, gn, bn);
    const min = Math.min(rn, gn, bn);
    const l = (max + min) / 2;
    const d = max - min;
    if (d === 0) return { h: 0, s: 0, l };
    const s = d / (1 - Math.abs(2 * l - 1));
    const h = max === rn ? ((gn - bn) / d) % 6 : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
    return { h: (h * 60 + 360) % 360, s, l };
  }

  setValue(value: string): this {
    this.colorEl.value = value;
    return this;
  }

  setValueRgb(rgb: O.RGB): this {
    const hex = [rgb.r, rgb.g, rgb.b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
    return this.setValue(`#${hex}`);
  }

  setValueHsl(hsl: O.HSL): this {
    const c = (1 - Math.abs(2 * hsl.l - 1)) * hsl.s;
    const x = c * (1 - Math.abs(((hsl.h / 60) % 2) - 1));
    const m = hsl.l - c / 2;
    const [r, g, b] = hsl.h < 60 ? [c, x, 0] : hsl.h < 120 ? [x, c, 0] : hsl.h < 180 ? [0, c, x] : hsl.h < 240 ? [0, x, c] : hsl.h < 300 ? [x, 0, c] : [c, 0, x];
    return this.setValueRgb({ r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 });
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class ProgressBarComponent extends ValueComponent<number> implements O.ProgressBarComponent {
  private readonly barEl: HTMLElement;
  private value = 0;

  constructor(containerEl: HTMLElement) {
    super();
    this.barEl = containerEl.createDiv("setting-progress-bar");
  }

  getValue(): number {
    return this.value;
  }

  setValue(value: number): this {
    this.value = value;
    this.barEl.setAttr("data-value", value);
    return this;
  }
}

export class ButtonComponent extends BaseComponent implements O.ButtonComponent {
  buttonEl: HTMLButtonElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = containerEl.createEl("button");
  }

  override setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.buttonEl.disabled = disabled;
    return this;
  }

  setCta(): this {
    this.buttonEl.addClass("mod-cta");
    return this;
  }

  removeCta(): this {
    this.buttonEl.removeClass("mod-cta");
    return this;
  }

  setWarning(): this {
    this.buttonEl.addClass("mod-warning");
    return this;
  }

  setTooltip(tooltip: string, options?: O.TooltipOptions): this {
    setTooltip(this.buttonEl, tooltip, options);
    return this;
  }

  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }

  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }

  setClass(cls: string): this {
    this.buttonEl.addClass(cls);
    return this;
  }

  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener("click", (evt) => trackResult(callback(evt)));
    return this;
  }
}

export class ExtraButtonComponent extends BaseComponent implements O.ExtraButtonComponent {
  extraSettingsEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.extraSettingsEl = containerEl.createDiv("clickable-icon extra-setting-button");
  }

  override setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.extraSettingsEl.toggleClass("is-disabled", disabled);
    return this;
  }

  setTooltip(tooltip: string, options?: O.TooltipOptions): this {
    setTooltip(this.extraSettingsEl, tooltip, options);
    return this;
  }

  setIcon(icon: string): this {
    setIcon(this.extraSettingsEl, icon);
    return this;
  }

  onClick(callback: () => unknown): this {
    this.extraSettingsEl.addEventListener("click", () => {
      if (!this.disabled) trackResult(callback());
    });
    return this;
  }
}

export class Setting implements O.Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv("setting-item");
    this.infoEl = this.settingEl.createDiv("setting-item-info");
    this.nameEl = this.infoEl.createDiv("setting-item-name");
    this.descEl = this.infoEl.createDiv("setting-item-description");
    this.controlEl = this.settingEl.createDiv("setting-item-control");
    settingsByEl.set(this.settingEl, this);
  }

  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }

  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }

  setTooltip(tooltip: string, options?: O.TooltipOptions): this {
    setTooltip(this.nameEl, tooltip, options);
    return this;
  }

  setHeading(): this {
    this.settingEl.addClass("setting-item-heading");
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass("is-disabled", disabled);
    for (const component of this.components) component.setDisabled(disabled);
    return this;
  }

  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
    return this.add(new ExtraButtonComponent(this.controlEl), cb);
  }

  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addSearch(cb: (component: SearchComponent) => unknown): this {
    return this.add(new SearchComponent(this.controlEl), cb);
  }

  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addMomentFormat(cb: (component: MomentFormatComponent) => unknown): this {
    return this.add(new MomentFormatComponent(this.controlEl), cb);
  }

  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addColorPicker(cb: (component: ColorComponent) => unknown): this {
    return this.add(new ColorComponent(this.controlEl), cb);
  }

  addProgressBar(cb: (component: ProgressBarComponent) => unknown): this {
    return this.add(new ProgressBarComponent(this.controlEl), cb);
  }

  addSlider(cb: (component: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }

  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }

  clear(): this {
    this.controlEl.empty();
    this.components = [];
    return this;
  }

  private add<C extends BaseComponent>(component: C, cb: (component: C) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
}

export abstract class SettingTab implements O.SettingTab {
  app: App;
  containerEl: HTMLElement;

  constructor(app: App) {
    this.app = app;
    this.containerEl = createDiv("vertical-tab-content");
  }

  abstract display(): void;

  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab implements O.PluginSettingTab {
  constructor(app: App, _plugin: O.Plugin) {
    super(app);
  }
}
