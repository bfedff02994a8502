/**
 * The plugin with the commands of adoption, contact import and export, registered as `main.ts`
 * registers them (`registerAdoptionCommands(this, context)`). Once `main.ts` does so itself,
 * nothing is registered twice: the commands found are kept.
 */
import { vi } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import OneOnOnesPlugin from "../../src/main";
import { registerAdoptionCommands } from "../../src/obsidian/adoption-commands";
import { NoteWriter } from "../../src/obsidian/note-writer";
import { activeModal, button, click, createTestApp, loadPlugin, notices, type App, type Modal } from "../fakes/harness";
import type { FileData } from "../fakes/fake-vault";

export const TODAY = "2026-11-21";
/** When the notes were created (only matters for people never seen). */
export const CREATED = new Date(2026, 0, 5, 9, 0, 0).getTime();

/** The real plugin, "today" fixed before `onload` reads the clock, with the adoption commands. */
export class AdoptionPlugin extends OneOnOnesPlugin {
  override clock = fixedClock(TODAY);

  override async onload(): Promise<void> {
    await super.onload();
    if ((this.app as unknown as App).commands.findCommand(`${this.manifest.id}:adopt-existing-notes`)) return;
    registerAdoptionCommands(this, {
      app: this.app,
      index: this.index,
      writer: new NoteWriter(this.app),
      settings: () => this.settings,
      clock: this.clock,
      ready: () => this.whenReady(),
      updateSettings: (change) => this.updateSettings(change),
    });
  }
}

export interface Loaded {
  app: App;
  plugin: AdoptionPlugin;
}

/** A vault of `files` with the plugin loaded and its index built. */
export async function loadVault(files: Record<string, FileData>, data?: unknown): Promise<Loaded> {
  const { app } = createTestApp({ files, ctime: CREATED });
  const plugin = await loadPlugin(AdoptionPlugin, app, { data });
  await plugin.whenReady();
  return { app, plugin };
}

/** Waits for a modal whose title is `title`. */
export async function modalTitled(app: App, title: string): Promise<Modal> {
  return vi.waitFor(() => {
    const modal = activeModal(app);
    if (modal.titleEl.textContent !== title) throw new Error(`The modal on top is "${modal.titleEl.textContent ?? ""}".`);
    return modal;
  });
}

/** Clicks a button of a modal by its text and settles. */
export async function clickButton(app: App, modal: Modal, label: string): Promise<void> {
  await click(app, button(modal.contentEl, label));
}

/** Waits until a notice starting with `start` was shown, and returns it. */
export async function noticeStarting(app: App, start: string): Promise<string> {
  return vi.waitFor(() => {
    const found = notices(app).find((n) => n.startsWith(start));
    if (!found) throw new Error(`No notice starting with "${start}" among ${JSON.stringify(notices(app))}.`);
    return found;
  });
}

/** The setting rows of a modal: name, description and the element, in order. */
export function settingRows(modal: Modal): { name: string; desc: string; el: HTMLElement }[] {
  return Array.from(modal.contentEl.querySelectorAll<HTMLElement>(".setting-item")).map((el) => ({
    name: el.querySelector(".setting-item-name")?.textContent ?? "",
    desc: el.querySelector(".setting-item-description")?.textContent ?? "",
    el,
  }));
}

/** The setting row of a modal with this name; throws when there is none. */
export function settingRow(modal: Modal, name: string): HTMLElement {
  const row = settingRows(modal).find((r) => r.name === name);
  if (!row) throw new Error(`No setting "${name}" among ${JSON.stringify(settingRows(modal).map((r) => r.name))}.`);
  return row.el;
}
