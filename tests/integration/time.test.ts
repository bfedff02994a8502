// Time, in whatever time zone the suite runs (`TZ=Pacific/Kiritimati npx vitest run`): "today"
// is the local calendar date, also late in the evening of a daylight-saving change, on 29
// February and across the year's end.
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS } from "../../src/constants";
import { localDateOf } from "../../src/domain/dates";
import OneOnOnesPlugin from "../../src/main";
import { activeSuggest, createTestApp, files, flush, loadPlugin, notices, read, runCommand, statusBarItems, viewsOfType, type App } from "../fakes/harness";
import { FIXTURE_VAULT } from "./setup";

afterEach(() => {
  vi.useRealTimers();
});

/** The fixture vault (plus `extra`) with the plugin loaded, the clock at `now`. */
async function loadAt(now: Date, extra: Record<string, string> = {}, data?: unknown): Promise<{ app: App; plugin: OneOnOnesPlugin }> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  const { app } = createTestApp({ files: { ...FIXTURE_VAULT, ...extra }, ctime: new Date(2026, 0, 5, 9).getTime() });
  const plugin = await loadPlugin(OneOnOnesPlugin, app, { data });
  await plugin.whenReady();
  return { app, plugin };
}

function offsetAt(year: number, month: number, day: number, hour: number): number {
  return new Date(year, month - 1, day, hour).getTimezoneOffset();
}

/**
 * The days of `year` on which the clocks of the zone this suite runs in change, as `[y, m, d]`;
 * in a zone without daylight saving time, the days the northern and southern hemispheres change.
 */
function clockChangeDays(year: number): [number, number, number][] {
  const days: [number, number, number][] = [];
  for (let t = new Date(year, 0, 1, 12); t.getFullYear() === year; t = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1, 12)) {
    const [y, m, d] = [t.getFullYear(), t.getMonth() + 1, t.getDate()];
    if (offsetAt(y, m, d, 0) !== offsetAt(y, m, d, 23)) days.push([y, m, d]);
  }
  return days.length > 0 ? days : [[year, 3, 8], [year, 3, 29], [year, 4, 5], [year, 10, 4], [year, 10, 25], [year, 11, 1]];
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

describe("a 1:1 started late on a daylight-saving change day", () => {
  it.each(clockChangeDays(2026))("is the note of the local date at 23:30 on %i-%i-%i, and of the next at 00:30", async (y, m, d) => {
    const evening = new Date(y, m - 1, d, 23, 30);
    expect(localDateOf(evening)).toBe(iso(y, m, d));
    const { app } = await loadAt(evening);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    const note = `1-1s/Sam Okafor/${iso(y, m, d)} Sam Okafor.md`;
    expect(read(app, note)).toMatch(new RegExp(`^---\\ntype: one-on-one\\nperson: "\\[\\[Sam Okafor\\]\\]"\\ndate: ${iso(y, m, d)}\\n---\\n`));
    expect(read(app, "People/Sam Okafor.md")).toContain(`last-seen: ${iso(y, m, d)}\n`);

    // Half an hour past midnight it is the next day, whatever the clocks did.
    const next = new Date(y, m - 1, d + 1, 0, 30);
    vi.setSystemTime(next);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    expect(files(app)[`1-1s/Sam Okafor/${localDateOf(next)} Sam Okafor.md`]).toBeDefined();
    expect(localDateOf(next)).not.toBe(iso(y, m, d));
    expect(notices(app)).toEqual([]);
  });

  it("counts a day as a day across the change: weekly from the Sunday before is due the Sunday after", async () => {
    for (const [y, m, d] of clockChangeDays(2026).slice(0, 2)) {
      const lastSeen = localDateOf(new Date(y, m - 1, d - 3, 12));
      const person = `---\ntype: person\ncadence: weekly\nlast-seen: ${lastSeen}\n---\n`;
      const { plugin } = await loadAt(new Date(y, m - 1, d + 4, 23, 59), { "People/Kim.md": person });
      const kim = plugin.index.findPerson("Kim");
      expect(kim?.due.nextDue).toBe(localDateOf(new Date(y, m - 1, d + 4, 12)));
      expect(kim?.due.daysUntilDue).toBe(0);
      vi.useRealTimers();
    }
  });
});

describe("29 February birthdays", () => {
  const leapling = (birthday: string) => ({ "People/Leap Ling.md": `---\ntype: person\nrelationship: friend\nbirthday: ${birthday}\n---\n` });

  async function birthdays(app: App): Promise<string[]> {
    await runCommand(app, "open-follow-ups");
    const root = viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)[0]?.containerEl.querySelector(".view-content");
    return Array.from(root?.querySelectorAll(".ooo-birthday") ?? [], (li) => {
      const when = li.querySelector(".ooo-birthday-when");
      return `${li.querySelector(".ooo-person-name")?.textContent?.trim() ?? ""}: ${when?.textContent?.trim() ?? ""} (${when?.getAttribute("title") ?? ""})`;
    });
  }

  it.each(["2000-02-29", "--02-29"])("shows %s on 28 February in 2027", async (birthday) => {
    const { app } = await loadAt(new Date(2027, 1, 20, 23, 45), leapling(birthday));
    expect(await birthdays(app)).toEqual(["Leap Ling: in 8 days (2027-02-28)"]);
  });

  it("is today on 28 February 2027 until midnight, and next year's after it", async () => {
    const { app, plugin } = await loadAt(new Date(2027, 1, 28, 23, 59), leapling("2000-02-29"));
    expect(await birthdays(app)).toEqual(["Leap Ling: today (2027-02-28)"]);
    vi.setSystemTime(new Date(2027, 2, 1, 0, 1));
    plugin.index.refresh();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await flush(app);
    expect(await birthdays(app)).toEqual([]);
    expect(plugin.index.findPerson("Leap Ling")?.person.birthday).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it("is on 29 February in a leap year", async () => {
    const { app } = await loadAt(new Date(2028, 1, 28, 0, 5), leapling("--02-29"));
    expect(await birthdays(app)).toEqual(["Leap Ling: tomorrow (2028-02-29)"]);
  });
});

describe("New Year's Eve", () => {
  const meeting = [
    "---",
    "type: one-on-one",
    'person: "[[Anya Petrova]]"',
    "date: 2026-12-17",
    "---",
    "- [ ] @me send the year review 📅 2026-12-31",
    "- [ ] @me plan January [due:: 2027-01-01]",
    "",
  ].join("\n");
  const extra = {
    "1-1s/Anya Petrova/2026-12-17.md": meeting,
    "People/Kim.md": "---\ntype: person\ncadence: weekly\nlast-seen: 2026-12-24\n---\n",
  };

  function dueWords(app: App): string[] {
    const root = viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)[0]?.containerEl.querySelector(".view-content");
    return Array.from(root?.querySelectorAll(".ooo-agreement-row") ?? [], (row) => {
      const text = row.querySelector(".ooo-agreement-row-text")?.textContent?.trim() ?? "";
      return `${text}: ${row.querySelector(".ooo-agreement-row-due")?.textContent?.trim() ?? ""}`;
    }).filter((line) => !line.startsWith("shares") && !line.startsWith("intro"));
  }

  it("is due today at 23:59 on 31 December, and overdue a minute after midnight", async () => {
    const { app, plugin } = await loadAt(new Date(2026, 11, 31, 23, 59));
    await runCommand(app, "open-follow-ups");
    expect(dueWords(app)).toEqual([]);
    // The notes arrive, as from a sync, late in the evening.
    for (const [path, text] of Object.entries(extra)) await app.vault.create(path, text);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await flush(app);
    expect(dueWords(app)).toEqual(["send the year review: due today", "plan January: due tomorrow"]);
    expect(plugin.index.findPerson("Kim")?.due).toEqual({ status: "due-soon", nextDue: "2026-12-31", daysUntilDue: 0 });

    // Midnight: the periodic refresh moves "today" to 1 January 2027.
    vi.setSystemTime(new Date(2027, 0, 1, 0, 1));
    plugin.index.refresh();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await flush(app);
    expect(dueWords(app)).toEqual(["send the year review: 1 day overdue", "plan January: due today"]);
    expect(plugin.index.findPerson("Kim")?.due).toEqual({ status: "overdue", nextDue: "2026-12-31", daysUntilDue: -1 });
    const status = statusBarItems(app).find((el) => el.classList.contains("ooo-status-bar"));
    expect(status?.textContent).toMatch(/^3 agreements overdue · \d+ people due$/);
  });

  it("starts the 1:1 of 31 December at 23:59 and of 1 January a minute later", async () => {
    const { app } = await loadAt(new Date(2026, 11, 31, 23, 59), extra);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Kim");
    expect(files(app)["1-1s/Kim/2026-12-31 Kim.md"]).toBeDefined();
    vi.setSystemTime(new Date(2027, 0, 1, 0, 0, 30));
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Kim");
    expect(read(app, "1-1s/Kim/2027-01-01 Kim.md")).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Kim\]\]"\ndate: 2027-01-01\n---\n/);
    expect(read(app, "People/Kim.md")).toContain("last-seen: 2027-01-01\n");
  });

  it("writes the done date of the local day when ticked a minute before midnight", async () => {
    const { app } = await loadAt(new Date(2026, 11, 31, 23, 59, 30), extra);
    await runCommand(app, "open-follow-ups");
    const root = viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)[0]?.containerEl.querySelector(".view-content");
    root?.querySelector<HTMLInputElement>('input[aria-label="Done: send the year review"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await flush(app);
    expect(read(app, "1-1s/Anya Petrova/2026-12-17.md")).toBe(
      meeting.replace("- [ ] @me send the year review 📅 2026-12-31", "- [x] @me send the year review 📅 2026-12-31 ✅ 2026-12-31"),
    );
  });
});
