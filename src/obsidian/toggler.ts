import { MarkdownView, Notice, type App } from "obsidian";
import type { Clock } from "../domain/dates";
import type { OneOnOnesSettings } from "../settings";
import { findLine, replaceLine, type LineTarget, type NoteWriter } from "./note-writer";
import { tasksPlugin } from "./tasks-plugin";

/** What the Tasks plugin offers other plugins (its API v1). */
interface TasksApiV1 {
  executeToggleTaskDoneCommand(line: string, path: string): string;
}

/** The agreement to tick: its line as it was read, and whether it repeats. */
export interface Tickable extends LineTarget {
  recurring: boolean;
}

/**
 * Ticks agreements off from the views: exactly that line or nothing. A recurring agreement goes
 * through the Tasks plugin when it is enabled (it writes the next occurrence), otherwise its note
 * is opened at the line so the user ticks it there.
 */
export class Toggler {
  constructor(
    private readonly app: App,
    private readonly writer: NoteWriter,
    private readonly settings: () => OneOnOnesSettings,
    private readonly clock: Clock,
  ) {}

  async tick(target: Tickable): Promise<boolean> {
    if (target.recurring) return this.tickRecurring(target);
    const outcome = await this.writer.toggleAgreement(target, {
      done: true,
      today: this.clock.today(),
      doneDates: this.settings().doneDates,
      syntax: this.settings().dueDateSyntax,
    });
    if (outcome === "gone" || outcome === "missing-file" || outcome === "not-a-task") {
      new Notice("That agreement changed or moved since it was shown; nothing was written.");
    } else if (outcome === "ambiguous") {
      new Notice("That agreement appears more than once in its note; tick it there. Nothing was written.");
    }
    return outcome === "done";
  }

  async openAt(target: LineTarget): Promise<void> {
    const file = this.writer.file(target.path);
    if (!file) {
      new Notice(`"${target.path}" is gone.`);
      return;
    }
    const leaf = this.app.workspace.getLeaf(false);
    await leaf.openFile(file, { eState: { line: target.line } });
    if (leaf.view instanceof MarkdownView) leaf.view.editor.setCursor({ line: target.line, ch: 0 });
  }

  private tasksApi(): TasksApiV1 | null {
    const api = (tasksPlugin(this.app) as { apiV1?: Partial<TasksApiV1> } | null)?.apiV1;
    return typeof api?.executeToggleTaskDoneCommand === "function" ? (api as TasksApiV1) : null;
  }

  private async tickRecurring(target: Tickable): Promise<boolean> {
    const api = this.tasksApi();
    const file = this.writer.file(target.path);
    if (!api || !file) {
      new Notice("A recurring agreement is ticked off in its note, so that its next date is written.");
      await this.openAt(target);
      return false;
    }
    // Tasks returns the done line and the next occurrence, joined by a newline. It is asked once;
    // its answer is written only where the line is still exactly as it was shown.
    const replacement = api.executeToggleTaskDoneCommand(target.original, target.path);
    let written = false;
    await this.writer.edit(file, (text) => {
      const line = findLine(text, target);
      if (line === null) return null;
      const crlf = text.includes("\r\n");
      const next = replaceLine(text, line, () => (crlf ? replacement.replace(/\r?\n/g, "\r\n") : replacement));
      written = next !== text;
      return next;
    });
    if (!written) new Notice("That agreement changed or moved since it was shown; nothing was written.");
    return written;
  }
}
