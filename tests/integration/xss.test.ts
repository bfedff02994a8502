// Markup in notes stays text. Names, aliases, agreement text, code block parameters and property
// values full of HTML, `javascript:` links, wikilinks with markup aliases, direction overrides and
// very long strings are rendered in every view (Follow-ups, the People table, the live block, the
// suggesters and modals, notices, the status bar, the settings) as plain text: no element but the
// views' own is created, no `on…` attribute anywhere, no link that leaves the vault.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import {
  activeEditor,
  activeModal,
  activeSuggest,
  button,
  click,
  fill,
  flush,
  notices,
  openFile,
  openSettings,
  renderCodeBlock,
  runCommand,
  statusBarItems,
  viewsOfType,
  type App,
} from "../fakes/harness";
import { loadFixture } from "./setup";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";
const SVG = "<svg onload=alert(1)>";
const JS = "javascript:alert(1)";
const BREAKOUT = '"><b>bold</b>';
const IFRAME = "<iframe src=javascript:alert(1)>";
const RTL = "\u202etxt.exe";
const TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
const ENTITY = "&lt;b&gt;&amp;";
const LONG = "<i>" + "long ".repeat(2000);

/** Everything the views are made of; markup from a note would add something else. */
const ALLOWED_TAGS = new Set([
  "BODY", "DIV", "SPAN", "P", "BUTTON", "INPUT", "TEXTAREA", "SELECT", "OPTION", "LABEL", "UL", "LI", "H1", "H2", "H3", "H4",
  "SECTION", "TABLE", "CAPTION", "THEAD", "TBODY", "TR", "TH", "TD", "DETAILS", "SUMMARY",
]);

/** The payloads that can be part of a file name (no `/`). */
const NAME_PAYLOADS = [IMG, SVG, JS, '"><b>bold', RTL, TEMPLATE, ENTITY, "x".repeat(180)];

const person = (props: string) => `---\ntype: person\n${props}\n---\n`;

const VAULT: Record<string, string> = {
  [`People/${IMG}.md`]: person(
    [
      "aliases:",
      `  - ${JSON.stringify(SCRIPT)}`,
      `  - ${JSON.stringify(`[[x|${SVG}]]`)}`,
      `role: ${JSON.stringify(BREAKOUT)}`,
      `team: ${JSON.stringify(JS)}`,
      `relationship: ${JSON.stringify(IFRAME)}`,
      `cadence: ${JSON.stringify(SVG)}`,
      `first-name: ${JSON.stringify("<b>First</b>")}`,
      "tags: [xss, team/<b>]",
      "last-seen: 2026-10-01",
      "birthday: 2000-11-25",
    ].join("\n"),
  ),
  [`People/${SVG}.md`]: person("relationship: report\ncadence: weekly\nlast-seen: 2026-10-01\nbirthday: --11-22"),
  [`People/${JS}.md`]: person("relationship: peer\ncadence: weekly\nlast-seen: 2026-10-02"),
  [`People/"><b>bold.md`]: person(`relationship: friend\ncadence: weekly\nlast-seen: 2026-10-03\nrole: ${JSON.stringify(LONG)}`),
  [`People/${RTL}.md`]: person("cadence: weekly"),
  [`People/${TEMPLATE}.md`]: person("cadence: weekly"),
  [`People/${ENTITY}.md`]: person("cadence: weekly"),
  [`People/${"x".repeat(180)}.md`]: person("cadence: weekly"),
  [`1-1s/${IMG}/2026-11-14.md`]: [
    "---",
    "type: one-on-one",
    `person: ${JSON.stringify(`[[${IMG}]]`)}`,
    "date: 2026-11-14",
    "---",
    `- [ ] @me ${IMG} 📅 2026-11-25`,
    `- [ ] [[${IMG}]] ${SCRIPT}`,
    `- [ ] @me [click](${JS}) and [[x|${SVG}]]`,
    `- [ ] [[x|${IFRAME}]] owns this`,
    `- [ ] @<script> runs ${BREAKOUT}`,
    `- [ ] @me ${RTL} ${TEMPLATE} ${ENTITY}`,
    `- [ ] @me ${LONG}`,
    "",
  ].join("\n"),
  "1-1s/Elsewhere/2026-11-15.md": [
    "---",
    "type: one-on-one",
    `person: ${JSON.stringify(BREAKOUT)}`,
    "date: 2026-11-15",
    "---",
    `- [ ] @me meet the person named ${SVG}`,
    "",
  ].join("\n"),
};

const DATA = {
  questions: [{ theme: IMG, text: `${SCRIPT} ${BREAKOUT}` }],
  followUpsQuery: { groupBy: "person", owner: "all", search: "" },
  peopleQuery: { sort: { column: "name", direction: "ascending" }, nameOrder: "first", text: "", group: "all", tag: null, showArchived: true },
};

let alerts: ReturnType<typeof vi.fn>;

beforeEach(() => {
  alerts = vi.fn();
  window.alert = alerts as unknown as typeof window.alert;
});

afterEach(() => {
  vi.useRealTimers();
});

async function settle(app: App): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
  await flush(app);
}

/** Asserts that the document holds only the views' own elements, no handlers, no outside links. */
function expectInert(where: string): void {
  const all = Array.from(document.querySelectorAll("*")).filter((el) => el.closest("head") === null && el.tagName !== "HTML" && el.tagName !== "HEAD");
  const strange = all.filter((el) => !ALLOWED_TAGS.has(el.tagName)).map((el) => el.tagName);
  expect(strange, `${where}: elements that are not the views' own`).toEqual([]);
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.toLowerCase().startsWith("on"), `${where}: ${el.tagName} has ${attr.name}`).toBe(false);
      if (attr.name === "href" || attr.name === "src" || attr.name === "action" || attr.name === "formaction") {
        expect(attr.value, `${where}: ${el.tagName} ${attr.name}`).toMatch(/^(#|obsidian:\/\/)/);
      }
    }
  }
  expect(alerts).not.toHaveBeenCalled();
}

function contentOf(app: App, type: string): HTMLElement {
  const content = viewsOfType(app, type)[0]?.containerEl.querySelector<HTMLElement>(".view-content");
  if (!content) throw new Error(`No ${type} view is open.`);
  return content;
}

describe("markup in notes renders inert", () => {
  it("is checked by a detector that sees markup", () => {
    const img = document.body.appendChild(document.createElement("img"));
    expect(() => expectInert("detector")).toThrow(/IMG/);
    img.remove();
    const span = document.body.appendChild(document.createElement("span"));
    span.setAttribute("onclick", "x");
    expect(() => expectInert("detector")).toThrow(/onclick/);
    span.remove();
  });

  it("in Follow-ups, the People table and the status bar", async () => {
    const { app } = await loadFixture({ extra: VAULT, data: DATA });
    await runCommand(app, "open-follow-ups");
    await runCommand(app, "open-people");
    await settle(app);
    expectInert("views");

    const followUps = contentOf(app, VIEW_TYPE_FOLLOW_UPS).textContent ?? "";
    for (const text of [IMG, SCRIPT, SVG, BREAKOUT, `${RTL} ${TEMPLATE} ${ENTITY}`, "click and", LONG.trim()]) expect(followUps).toContain(text);
    // Agreement rows label their checkbox with the text, as text.
    const labels = Array.from(contentOf(app, VIEW_TYPE_FOLLOW_UPS).querySelectorAll("input[type=checkbox]"), (box) => box.getAttribute("aria-label"));
    expect(labels).toContain(`Done: ${IMG}`);

    const people = contentOf(app, VIEW_TYPE_PEOPLE);
    const names = Array.from(people.querySelectorAll("tbody tr .ooo-col-name button"), (b) => b.textContent?.trim());
    for (const name of NAME_PAYLOADS) expect(names).toContain(name.trim());
    const table = people.textContent ?? "";
    for (const text of [BREAKOUT, JS, "#team/<b>", LONG.trim()]) expect(table).toContain(text);
    // Problems quote the values they are about, as text.
    const problems = Array.from(people.querySelectorAll(".ooo-problem-list li"), (li) => li.textContent ?? "").join("\n");
    expect(problems).toContain(`Relationship "${IFRAME}" is unknown`);
    expect(problems).toContain(`Cadence "${SVG}" is not understood`);

    const status = statusBarItems(app).find((el) => el.classList.contains("ooo-status-bar"));
    expect(status?.children).toHaveLength(1);
    expect(status?.textContent).toMatch(/^\d+ agreements? overdue · \d+ people due$/);
  });

  it("in live blocks, and in the messages of blocks with bad parameters", async () => {
    const { app } = await loadFixture({ extra: VAULT, data: DATA });
    const sources = [
      `agreements: [[${IMG}]]`,
      `agreements: [[${SVG}|${SCRIPT}]]`,
      `agreements: [[Nobody ${IFRAME}]]`,
      SCRIPT,
      `${"onload"}: ${SVG}`,
      `agreements: ${JS}`,
      `agreements: ${LONG}`,
    ];
    const texts: string[] = [];
    for (const source of sources) {
      const block = await renderCodeBlock(app, "one-on-ones", source, `People/${IMG}.md`);
      expectInert(`block ${source.slice(0, 30)}`);
      texts.push(block.el.textContent ?? "");
      await block.unload();
    }
    expect(texts[0]).toContain(IMG);
    expect(texts[0]).toContain(SCRIPT);
    expect(texts[1]).toBe(`No open agreements with ${SVG}.`);
    expect(texts[2]).toBe(`No person note found for "Nobody ${IFRAME}".`);
    expect(texts[3]).toBe(`"${SCRIPT}" is not understood. Write, for example: agreements: [[Anya Petrova]]`);
    expect(texts[4]).toBe(`Unknown parameter "onload". Known: agreements.`);
    expect(texts[5]).toBe(`No open agreements with ${JS}.`);
  });

  it("in the person picker, the new-person and talking-point modals, and their notices", async () => {
    const { app } = await loadFixture({ extra: VAULT, data: DATA });
    await runCommand(app, "start-one-on-one");
    const picker = activeSuggest(app);
    const all = await picker.query("");
    for (const name of NAME_PAYLOADS) expect(all.map((s) => s.split("\n")[0])).toContain(name);
    expect(await picker.query(`${IMG}2`)).toEqual([`Add new person: ${IMG}2`]);
    expectInert("picker");
    await picker.choose(`Add new person: ${IMG}2`);
    const modal = activeModal(app);
    expect((modal.contentEl.querySelector("input") as HTMLInputElement).value).toBe(`${IMG}2`);
    expectInert("new person");
    await click(app, button(modal.contentEl, "Create"));
    await settle(app);
    expectInert("after create");
    expect(notices(app)).toContain('Some characters cannot be used in note names; the note is "img src=x onerror=alert(1) 2".');

    await runCommand(app, "add-talking-point");
    await activeSuggest(app).choose(IMG);
    const prompt = activeModal(app);
    expect(prompt.titleEl.textContent).toBe(`Talking point for ${IMG}`);
    expectInert("talking point");
    await fill(app, prompt.contentEl.querySelector("input") as HTMLInputElement, SCRIPT);
    await click(app, button(prompt.contentEl, "Add"));
    await settle(app);
    expect(notices(app)).toContain(`Added to the next 1:1 with ${IMG}.`);

    await openFile(app, "Daily/2026-11-19.md");
    await runCommand(app, "mark-seen-today");
    await activeSuggest(app).choose(SVG);
    expect(notices(app)).toContain(`${SVG}: last seen today.`);

    await runCommand(app, "new-person");
    const named = activeModal(app);
    await fill(app, named.contentEl.querySelector("input") as HTMLInputElement, `${JS} `);
    await click(app, button(named.contentEl, "Create"));
    expect(notices(app)).toContain(`${JS} exists already; the note was opened.`);
    expectInert("notices");
  });

  it("in the agreement modal's owners, the question bank and the settings", async () => {
    const { app } = await loadFixture({ extra: VAULT, data: DATA });
    await openFile(app, `1-1s/${IMG}/2026-11-14.md`);
    activeEditor(app).setCursor({ line: 5, ch: 0 });
    await runCommand(app, "add-agreement");
    const owners = Array.from(activeModal(app).contentEl.querySelectorAll("option"), (o) => o.textContent);
    expect(owners).toEqual(expect.arrayContaining([IMG, SVG, JS, RTL]));
    expectInert("agreement modal");
    activeModal(app).close();

    await runCommand(app, "insert-question");
    expect(activeSuggest(app).suggestions()).toEqual([`${IMG}: ${SCRIPT} ${BREAKOUT}`]);
    expectInert("question bank");
    await activeSuggest(app).escape();

    const settings = openSettings(app);
    expect(settings.containerEl.textContent ?? "").not.toContain("<img");
    const fields = Array.from(settings.containerEl.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>("textarea, input"), (f) => f.value).join("\n");
    expect(fields).toContain(SCRIPT);
    expectInert("settings");
  });
});
