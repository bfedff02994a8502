/**
 * Import contacts and export people, through the commands and the dialog, on the fixture vault
 * (Anya Petrova, Sam Okafor and Анна Иванова have person notes there).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDue } from "../../src/domain/due";
import { personRow } from "../../src/domain/people-table";
import { exportPeople } from "../../src/obsidian/export-people";
import { NoteWriter } from "../../src/obsidian/note-writer";
import { GOOGLE_HEADER } from "../builders/contacts";
import { readVaultDir } from "../builders/vault";
import { expectGolden } from "../builders/golden";
import { files, fill, frontmatterOf, notices, read, runCommand, type App, type Modal } from "../fakes/harness";
import { clickButton, loadVault, modalTitled, noticeStarting, settingRow, settingRows, TODAY, type Loaded } from "./adoption-setup";

const FIXTURE_VAULT = readVaultDir(join(__dirname, "..", "fixtures", "vault"));
const CONTACTS = join(__dirname, "..", "fixtures", "contacts");
const contactsFile = (name: string) => readFileSync(join(CONTACTS, name), "utf8");

function load(extra: Record<string, string> = {}): Promise<Loaded> {
  return loadVault({ ...FIXTURE_VAULT, ...extra });
}

function select(modal: Modal, name: string): HTMLSelectElement {
  const el = settingRow(modal, name).querySelector("select");
  if (!el) throw new Error(`"${name}" has no dropdown.`);
  return el;
}

function input(modal: Modal, name: string): HTMLInputElement {
  const el = settingRow(modal, name).querySelector("input");
  if (!el) throw new Error(`"${name}" has no text field.`);
  return el;
}

/** The first paragraph of the preview: file, format and counts. */
function previewSummary(modal: Modal): string {
  return modal.contentEl.querySelector("p")?.textContent ?? "";
}

/** The lines of a section of the preview (`New people`, `Skipped`…). */
function previewList(modal: Modal, title: string): string[] {
  const details = Array.from(modal.contentEl.querySelectorAll("details")).find((d) => d.querySelector("summary")?.textContent?.startsWith(`${title} (`));
  return details ? Array.from(details.querySelectorAll("li")).map((li) => li.textContent ?? "") : [];
}

/** Opens Import contacts, picks a vault file, relationship and tags, and clicks Next. */
async function choose(app: App, path: string, options: { relationship?: string; tags?: string } = {}): Promise<Modal> {
  expect(await runCommand(app, "import-contacts")).toBe(true);
  const modal = await modalTitled(app, "Import contacts");
  await fill(app, select(modal, "File in the vault"), path);
  if (options.relationship) await fill(app, select(modal, "Relationship"), options.relationship);
  if (options.tags) await fill(app, input(modal, "Tags"), options.tags);
  await clickButton(app, modal, "Next");
  return modal;
}

/** Clicks Import and returns the summary notice it shows. */
async function importNow(app: App, modal: Modal): Promise<string> {
  const before = notices(app).length;
  await clickButton(app, modal, "Import");
  await noticeStarting(app, "Imported contacts:");
  expect(notices(app).length).toBe(before + 1);
  const message = notices(app)[before] ?? "";
  expect(message).toMatch(/^Imported contacts:/);
  return message;
}

describe("Import contacts", () => {
  it("imports a Google Contacts CSV: preview first, one note per new contact, existing people only filled in", async () => {
    const { app, plugin } = await load({ "Contacts/google.csv": contactsFile("google.csv") });
    const anyaBefore = frontmatterOf(app, "People/Anya Petrova.md");
    const modal = await choose(app, "Contacts/google.csv", { relationship: "friend", tags: "imported" });
    expect(previewSummary(modal)).toBe("google.csv (Google Contacts): 2 new people, 3 updates, 0 unchanged, 2 skipped.");
    expect(previewList(modal, "New people")).toEqual(["李伟 → People/李伟.md", "José García → People/José García.md"]);
    expect(previewList(modal, "Updates")).toEqual([
      "Anya Petrova: adds birthday",
      "Анна Иванова: adds birthday, tags",
      "Sam Okafor: adds birthday, tags",
    ]);
    expect(previewList(modal, "Skipped")).toEqual(["Row 6: It has no name.", "Row 8: Anya Petrova: the same person as row 2; merged into it."]);
    expect(previewList(modal, "Warnings")).toEqual(['Row 5 (José García): Birthday "1988-02-30" is not a date; it was left out.']);
    // Nothing is written before Import.
    expect(files(app)["People/李伟.md"]).toBeUndefined();

    expect(await importNow(app, modal)).toBe("Imported contacts: 2 person notes created, 3 people updated, 2 skipped.");
    expectGolden("import/li-wei.md", read(app, "People/李伟.md"));
    expect(read(app, "People/José García.md")).toBe(
      "---\ntype: person\nfirst-name: José\nlast-name: García\nrelationship: friend\ncadence: none\ntags:\n  - Work\n  - imported\n---\n\n## Next 1:1\n",
    );
    // Anya keeps every property she had (relationship report, her tags); only her birthday is new.
    expect(frontmatterOf(app, "People/Anya Petrova.md")).toBe(`${(anyaBefore ?? "").replace(/tags: \[team\/payments\]\n/, "tags:\n  - team/payments\n").replace("aliases: [Anya]\n", "aliases:\n  - Anya\n")}birthday: 1990-04-02\n`);
    expect(frontmatterOf(app, "People/Sam Okafor.md")).toBe(
      'type: person\nrelationship: friend\ncadence: every 3 weeks\nbirthday: --04-15\ntags:\n  - Mentors\n  - imported\n',
    );
    expect(plugin.index.people().map((p) => [p.name, p.person.relationship])).toEqual([
      ["Anya Petrova", "report"],
      ["José García", "friend"],
      ["Sam Okafor", "friend"],
      ["Анна Иванова", "peer"],
      ["李伟", "friend"],
    ]);

    // A second import of the same file duplicates nobody and changes nothing.
    const snapshot = files(app);
    const again = await choose(app, "Contacts/google.csv", { relationship: "friend", tags: "imported" });
    expect(previewSummary(again)).toBe("google.csv (Google Contacts): 0 new people, 0 updates, 5 unchanged, 2 skipped.");
    expect(again.contentEl.textContent).toContain("Nothing to import: every contact is here already, or was skipped.");
    expect(Array.from(again.contentEl.querySelectorAll("button")).map((b) => b.textContent)).toEqual(["Back"]);
    expect(files(app)).toEqual(snapshot);
  });

  it("imports vCard 3 and 4 files, Outlook CSV, with non-Latin names", async () => {
    const { app, plugin } = await load({
      "Contacts/apple.vcf": contactsFile("contacts-v3.vcf"),
      "Contacts/v4.vcf": contactsFile("contacts-v4.vcf"),
      "Contacts/outlook.csv": contactsFile("outlook.csv"),
    });
    let modal = await choose(app, "Contacts/apple.vcf");
    expect(previewSummary(modal)).toBe("apple.vcf (vCard): 2 new people, 2 updates, 0 unchanged, 1 skipped.");
    expect(previewList(modal, "Skipped")).toEqual(["Card 4: Acme Inc is an organization, not a person."]);
    await importNow(app, modal);
    modal = await choose(app, "Contacts/v4.vcf");
    expect(previewSummary(modal)).toBe("v4.vcf (vCard): 3 new people, 1 update, 0 unchanged, 1 skipped.");
    await importNow(app, modal);
    modal = await choose(app, "Contacts/outlook.csv");
    expect(previewSummary(modal)).toBe("outlook.csv (Outlook): 4 new people, 0 updates, 0 unchanged, 0 skipped.");
    await importNow(app, modal);
    expect(plugin.index.people().map((p) => p.name)).toEqual([
      "Anya Petrova",
      "José García",
      "Lena Fischer",
      "Min-jun Kim",
      "Olga Smirnova",
      "Priya Raman",
      "Sam Okafor",
      "Tom Müller",
      "Yui Tanaka",
      "Анна Иванова",
      "李伟",
      "田中結衣",
    ]);
    expect(frontmatterOf(app, "People/Sam Okafor.md")).toBe(
      // First and last name say no more than "Sam Okafor": they are not written to an existing note.
      'type: person\nrelationship: friend\ncadence: every 3 weeks\naliases:\n  - Sammy\n  - S.O.\nrole: Staff engineer\nteam: SRE\nbirthday: --04-15\ntags:\n  - mentors\n',
    );
    expect(frontmatterOf(app, "People/Priya Raman.md")).toBe(
      "type: person\nfirst-name: Priya\nlast-name: Raman\ncadence: none\nrole: Engineering manager\nteam: Platform\nbirthday: 1990-04-02\ntags:\n  - Work\n  - Mentors\n",
    );
  });

  it("asks which column holds what in any other CSV, then imports", async () => {
    const { app } = await load({ "generic.csv": contactsFile("generic.csv") });
    const modal = await choose(app, "generic.csv");
    expect(modal.contentEl.querySelector("p")?.textContent).toBe("Which column holds what in generic.csv? Columns left at — are not imported.");
    expect(select(modal, "Full name").selectedOptions[0]?.textContent).toBe("Full name");
    expect(select(modal, "Team (department)").selectedOptions[0]?.textContent).toBe("Unit");
    expect(settingRows(modal).find((r) => r.name === "Birthday")?.desc).toBe("For example: 25/12/1990");
    expect(select(modal, "Dates like 4/2/1990").value).toBe("day-first");
    await fill(app, select(modal, "Role (job title)"), "");
    await clickButton(app, modal, "Preview");
    expect(previewSummary(modal)).toBe("generic.csv (CSV): 3 new people, 0 updates, 0 unchanged, 0 skipped.");
    await importNow(app, modal);
    expect(frontmatterOf(app, "People/Marta Kowalska.md")).toBe("type: person\ncadence: none\nteam: Finance\nbirthday: 1990-12-25\ntags:\n  - book-club\n  - running\n");
    expect(frontmatterOf(app, "People/Олег Петров.md")).toBe("type: person\naliases:\n  - Ola\ncadence: none\nbirthday: 1987-04-03\n");
  });

  it("needs a name column before previewing", async () => {
    const { app } = await load({ "generic.csv": contactsFile("generic.csv") });
    const modal = await choose(app, "generic.csv");
    await fill(app, select(modal, "Full name"), "");
    await clickButton(app, modal, "Preview");
    expect(notices(app)).toContain("Choose the column with the full name, or the columns with first and last names.");
    expect(modal.contentEl.querySelector("p")?.textContent).toMatch(/^Which column/);
  });

  it("imports 500 contacts in one step, and none again the second time", async () => {
    const { app, plugin } = await load({ "Contacts/500.csv": contactsFile("500-contacts.csv") });
    const modal = await choose(app, "Contacts/500.csv", { relationship: "peer" });
    expect(previewSummary(modal)).toBe("500.csv (Google Contacts): 500 new people, 0 updates, 0 unchanged, 0 skipped.");
    expect(await importNow(app, modal)).toBe("Imported contacts: 500 person notes created, no people updated.");
    expect(plugin.index.people()).toHaveLength(503);
    const again = await choose(app, "Contacts/500.csv", { relationship: "peer" });
    expect(previewSummary(again)).toBe("500.csv (Google Contacts): 0 new people, 0 updates, 500 unchanged, 0 skipped.");
  });

  it("lists broken cards and imports the others; a file with nothing in it writes nothing", async () => {
    const { app } = await load({ "bad.vcf": contactsFile("malformed.vcf"), "empty.csv": "", "broken.csv": contactsFile("malformed.csv") });
    const before = files(app);
    let modal = await choose(app, "empty.csv");
    expect(notices(app)).toContain("empty.csv: The file is empty: a CSV with a header row is needed. Nothing was imported.");
    expect(settingRows(modal).map((r) => r.name)).toContain("File in the vault");
    modal.close();
    expect(files(app)).toEqual(before);

    modal = await choose(app, "bad.vcf");
    expect(previewList(modal, "Skipped")).toEqual([
      "Line 1: Text outside any vCard (BEGIN:VCARD … END:VCARD) was ignored.",
      'Card 2: It cannot be read: invalid line (no token ";" or ":") "FN Bad line without a colon".',
      "Card 3: It has no name (FN or N).",
      "Card 5: It never ends (no END:VCARD): the file may be cut short.",
    ]);
    expect(await importNow(app, modal)).toBe("Imported contacts: 2 person notes created, no people updated, 4 skipped.");
    expect(read(app, "People/Bad Birthday.md")).toBe("---\ntype: person\ncadence: none\n---\n\n## Next 1:1\n");

    modal = await choose(app, "broken.csv");
    await clickButton(app, modal, "Preview");
    expect(previewSummary(modal)).toBe("broken.csv (CSV): 2 new people, 0 updates, 0 unchanged, 3 skipped.");
    expect(previewList(modal, "Skipped")).toEqual([
      "Row 3: It has 5 cells and the header 3: a comma in a cell that is not quoted?",
      "Row 4: It has no name.",
      "Row 6: A quoted cell is never closed; the rest of the file was read as part of it.",
    ]);
  });

  it("never merges a row with only a first name, nor one with another birthday: it asks, and writes only what the user decides", async () => {
    // 李伟 as in the demo vault: aliases Li Wei and Wei, born 1994-01-08. Sam Okafor has no birthday.
    const liWei = "---\ntype: person\naliases:\n  - Li Wei\n  - Wei\nrelationship: report\nbirthday: 1994-01-08\nfirst-name: 伟\nlast-name: 李\n---\n";
    const row = (first: string, last: string, birthday: string) => `${first},,${last},,,,,,,,,,,${birthday},,,* myContacts,,`;
    const csv = [GOOGLE_HEADER, row("Sam", "", "--04-15"), row("Wei", "", "--02-02"), row("Li", "Wei", "1994-01-08")].join("\r\n") + "\r\n";
    const { app } = await load({ "People/李伟.md": liWei, "phone.csv": csv });
    const before = files(app);

    let modal = await choose(app, "phone.csv");
    expect(previewSummary(modal)).toBe("phone.csv (Google Contacts): 0 new people, 0 updates, 1 unchanged, 0 skipped, 2 to decide.");
    expect(previewList(modal, "Unchanged")).toEqual(["李伟 — People/李伟.md"]);
    expect(settingRows(modal).filter((r) => r.name.startsWith("Row "))).toEqual([
      expect.objectContaining({ name: "Row 2: Sam", desc: "Sam is only a first name or nickname of Sam Okafor." }),
      expect.objectContaining({ name: "Row 3: Wei", desc: "Wei is only a first name or nickname of 李伟; birthday --02-02 in the file, 1994-01-08 in the note of 李伟." }),
    ]);
    expect(Array.from(select(modal, "Row 2: Sam").options).map((o) => o.textContent)).toEqual([
      "Leave out",
      "Same as Sam Okafor (adds birthday)",
      "New person → People/Sam.md",
    ]);
    expect(select(modal, "Row 3: Wei").value).toBe("skip");
    // Left as they are, nothing is written.
    expect(await importNow(app, modal)).toBe("Imported contacts: no person notes created, no people updated, 2 skipped.");
    expect(files(app)).toEqual(before);

    // Sam is Sam Okafor; Wei is somebody else.
    modal = await choose(app, "phone.csv");
    await fill(app, select(modal, "Row 2: Sam"), "person:People/Sam Okafor.md");
    await fill(app, select(modal, "Row 3: Wei"), "new");
    expect(await importNow(app, modal)).toBe("Imported contacts: 1 person note created, 1 person updated.");
    expect(frontmatterOf(app, "People/Sam Okafor.md")).toBe("type: person\nrelationship: friend\ncadence: every 3 weeks\nbirthday: --04-15\n");
    expect(read(app, "People/Wei.md")).toBe('---\ntype: person\nfirst-name: Wei\ncadence: none\nbirthday: "--02-02"\n---\n\n## Next 1:1\n');
    expect(read(app, "People/李伟.md")).toBe(liWei);
  });

  it("gives new people the cadence chosen in the dialog, none by default, so that nobody imported is due at once", async () => {
    const { app, plugin } = await load({ "Contacts/outlook.csv": contactsFile("outlook.csv"), "v4.vcf": contactsFile("contacts-v4.vcf") });
    const dueNames = () => plugin.index.people().filter((p) => isDue(p.due)).map((p) => p.name);
    const dueBefore = dueNames();
    expect(await runCommand(app, "import-contacts")).toBe(true);
    let modal = await modalTitled(app, "Import contacts");
    expect(select(modal, "Cadence").value).toBe("none");
    await fill(app, select(modal, "File in the vault"), "Contacts/outlook.csv");
    await fill(app, select(modal, "Relationship"), "friend");
    await clickButton(app, modal, "Next");
    await importNow(app, modal);
    expect(frontmatterOf(app, "People/Tom Müller.md")).toBe("type: person\nfirst-name: Tom\nlast-name: Müller\nrelationship: friend\ncadence: none\nteam: Acme\n");
    // A friend without a cadence would get the default (every 6 weeks) and be due from today.
    expect(dueNames()).toEqual(dueBefore);

    expect(await runCommand(app, "import-contacts")).toBe(true);
    modal = await modalTitled(app, "Import contacts");
    await fill(app, select(modal, "File in the vault"), "v4.vcf");
    await fill(app, select(modal, "Cadence"), "monthly");
    await clickButton(app, modal, "Next");
    await importNow(app, modal);
    expect(frontmatterOf(app, "People/Lena Fischer.md")).toBe("type: person\ncadence: monthly\nbirthday: 1992-11-03\n");
    // An existing person keeps theirs.
    expect(frontmatterOf(app, "People/Sam Okafor.md")).toMatch(/^type: person\nrelationship: friend\ncadence: every 3 weeks\n/);
  });

  it("reads a file chosen from the device", async () => {
    const { app } = await load();
    expect(await runCommand(app, "import-contacts")).toBe(true);
    const modal = await modalTitled(app, "Import contacts");
    expect(select(modal, "File in the vault").value).toBe("");
    const picker = modal.contentEl.querySelector<HTMLInputElement>("input[type=file]");
    if (!picker) throw new Error("No file input.");
    const file = new File([contactsFile("contacts-v4.vcf")], "phone.vcf", { type: "text/vcard" });
    Object.defineProperty(picker, "files", { value: [file] });
    picker.dispatchEvent(new Event("change"));
    await modalTitled(app, "Import contacts");
    await expectEventually(() => previewSummary(modal) === "phone.vcf (vCard): 3 new people, 1 update, 0 unchanged, 1 skipped.");
  });
});

async function expectEventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe("Export people", () => {
  it("writes everyone as vCard and as CSV into new files, and importing them creates nothing new", async () => {
    const { app } = await load();
    expect(await runCommand(app, "export-people-vcard")).toBe(true);
    expect(await noticeStarting(app, "Exported")).toBe('Exported 3 people to "People export 2026-11-21.vcf".');
    expectGolden("import/people-export.vcf", read(app, "People export 2026-11-21.vcf"));
    expect(await runCommand(app, "export-people-csv")).toBe(true);
    await noticeStarting(app, 'Exported 3 people to "People export 2026-11-21.csv"');
    expect(read(app, "People export 2026-11-21.csv").split("\r\n")[0]).toBe(
      "Name,Relationship,Role,Team,Tags,Cadence,Last seen,Next due,Open agreements,Next birthday,Problems",
    );

    const snapshot = files(app);
    for (const file of ["People export 2026-11-21.vcf", "People export 2026-11-21.csv"]) {
      const modal = await choose(app, file);
      expect(previewSummary(modal)).toMatch(/: 0 new people, 0 updates, 3 unchanged, 0 skipped\.$/);
      modal.close();
    }
    expect(files(app)).toEqual(snapshot);
  });

  it("exports a one-word name as a given name alone, emoji kept, and reads it back unchanged", async () => {
    const { app } = await load({ "People/🎸 Leo.md": "---\ntype: person\nrelationship: friend\n---\n", "People/Cher.md": "---\ntype: person\n---\n" });
    expect(await runCommand(app, "export-people-vcard")).toBe(true);
    await noticeStarting(app, "Exported 5 people");
    const text = read(app, "People export 2026-11-21.vcf");
    expect(text).toContain("\r\nFN:🎸 Leo\r\nN:;🎸 Leo;;;\r\n");
    expect(text).toContain("\r\nFN:Cher\r\nN:;Cher;;;\r\n");
    expect(text).toContain("\r\nFN:Anya Petrova\r\nN:Petrova;Anya;;;\r\n");
    const modal = await choose(app, "People export 2026-11-21.vcf");
    expect(previewSummary(modal)).toBe("People export 2026-11-21.vcf (vCard): 0 new people, 0 updates, 5 unchanged, 0 skipped.");
  });

  it("round trip: people imported from a file, exported and imported again, are all unchanged", async () => {
    const { app } = await load({ "google.csv": contactsFile("google.csv"), "v4.vcf": contactsFile("contacts-v4.vcf") });
    await importNow(app, await choose(app, "google.csv", { relationship: "friend" }));
    await importNow(app, await choose(app, "v4.vcf"));
    await runCommand(app, "export-people-vcard");
    await noticeStarting(app, "Exported 8 people");
    const modal = await choose(app, "People export 2026-11-21.vcf");
    expect(previewSummary(modal)).toBe("People export 2026-11-21.vcf (vCard): 0 new people, 0 updates, 8 unchanged, 0 skipped.");
  });

  it("never overwrites an export, and exports the rows it is given (the People table's visible rows)", async () => {
    const { app, plugin } = await load({ "People export 2026-11-21.vcf": "mine" });
    const rows = plugin.index.people().map((entry) => personRow(entry, TODAY)).filter((row) => row.name === "Anya Petrova");
    const writer = new NoteWriter(app);
    const file = await exportPeople(app, writer, rows, "vcard", { clock: plugin.clock });
    expect(file?.path).toBe("People export 2026-11-21 2.vcf");
    expect(read(app, "People export 2026-11-21.vcf")).toBe("mine");
    expect(read(app, "People export 2026-11-21 2.vcf")).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anya Petrova\r\n/);
    expect(read(app, "People export 2026-11-21 2.vcf").match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(await exportPeople(app, writer, [], "csv", { clock: plugin.clock })).toBeNull();
    expect(notices(app)).toContain("No people to export.");
  });
});
