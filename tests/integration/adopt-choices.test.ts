/**
 * The choices of Adopt existing notes, made in its preview as a user makes them: your name,
 * offered when one name is at every meeting; people offered ticked or unticked by how surely the
 * notes name them; and a person implied only by notes left unticked is not created.
 */
import { describe, expect, it } from "vitest";
import { click, files, fill, read, runCommand } from "../fakes/harness";
import { clickButton, loadVault, modalTitled, noticeStarting, settingRow, settingRows } from "./adoption-setup";

const person = "---\ntype: person\n---\n";

const CRM = {
  "people/ben-cohen.md": "---\nname: Ben Cohen\n---\n# Ben Cohen\n",
  "people/max-klein.md": "---\nname: Max Klein\naliases: [Max]\n---\n",
  "people/matt-ober.md": "---\nname: Matt Ober\n---\n",
  "meetings/2026/2026-01-26-ben-cohen.md":
    "---\ndate: 2026-01-26\nattendees: [Chuck Blake, Ben Cohen]\ntype: external\n---\n# Meeting: Ben Cohen\n- [ ] @Chuck: Introduce Ben to Zenguard\n",
  "meetings/2026/2026-01-27-strategy.md": "---\ndate: 2026-01-27\nattendees: [Max Klein, Chuck Blake, Matt Ober]\ntype: investor\n---\n- [ ] @Max: Send Matt a note\n",
};

function toggleOf(row: HTMLElement): HTMLElement {
  const toggle = row.querySelector<HTMLElement>(".checkbox-container");
  if (!toggle) throw new Error("No toggle in this row.");
  return toggle;
}

describe("Adopt existing notes: the choices", () => {
  it("offers the name at every meeting as yours; saved, your @name is @me and nobody is proposed for it", async () => {
    const { app, plugin } = await loadVault(CRM);
    expect(plugin.index.meetingsWith("people/ben-cohen.md").map((m) => m.date)).toEqual(["2026-01-26"]);
    expect(await runCommand(app, "adopt-existing-notes")).toBe(true);
    const modal = await modalTitled(app, "Adopt existing notes");
    expect(settingRows(modal).map((r) => r.name)).toContain('Save "Chuck Blake" as your name');
    expect(modal.contentEl.textContent).not.toContain("People/Chuck");
    await clickButton(app, modal, "Apply");
    expect(await noticeStarting(app, "Adoption:")).toBe("Adoption: your name was saved as Chuck Blake. Undo");
    expect(plugin.settings.myName).toBe("Chuck Blake");
    const mine = plugin.index.agreements().filter((a) => a.ownerIsMe).map((a) => a.text);
    expect(mine).toEqual(["Introduce Ben to Zenguard"]);
    expect(Object.keys(files(app)).filter((p) => p.toLowerCase().includes("chuck"))).toEqual([]);
    // Undo takes the name back out of the settings.
    await runCommand(app, "undo-adoption");
    expect(await noticeStarting(app, "Adoption of ")).toMatch(/undone: your name taken out of the settings\.$/);
    expect(plugin.settings.myName).toBe("");
  });

  it("leaves your name unsaved when unticked", async () => {
    const { app, plugin } = await loadVault(CRM);
    await runCommand(app, "adopt-existing-notes");
    const modal = await modalTitled(app, "Adopt existing notes");
    await click(app, toggleOf(settingRow(modal, 'Save "Chuck Blake" as your name')));
    await clickButton(app, modal, "Apply");
    await noticeStarting(app, "Adoption:");
    expect(plugin.settings.myName).toBe("");
  });

  it("unticks the people only an unticked note names, and creates nobody for them", async () => {
    const vault = {
      "People/Anya Petrova.md": person,
      "1-1s/2026-01-05 Lena.md": "---\nperson: Lena Fischer\ndate: 2026-01-05\n---\n",
      "1-1s/2026-01-06 1-1 with Omar Haddad.md": "Notes.\n",
      "1-1s/2026-01-07 1-1 with Omar Haddad.md": "More notes.\n",
      "1-1s/2026-01-08 1-1 Kim Park.md": "Notes.\n",
    };
    const { app, plugin } = await loadVault(vault);
    await runCommand(app, "adopt-existing-notes");
    const modal = await modalTitled(app, "Adopt existing notes");
    const ticked = (name: string) => toggleOf(settingRow(modal, name)).classList.contains("is-enabled");
    // Named by a property, or by two notes: ticked. Named only by one note's name: offered, unticked.
    expect([ticked("People/Lena Fischer.md"), ticked("People/Omar Haddad.md"), ticked("People/Kim Park.md")]).toEqual([true, true, false]);
    await click(app, toggleOf(settingRow(modal, "1-1s/2026-01-05 Lena.md")));
    expect(ticked("People/Lena Fischer.md")).toBe(false);
    await clickButton(app, modal, "Apply");
    await noticeStarting(app, "Adoption:");
    expect(Object.keys(files(app)).filter((p) => p.startsWith("People/")).sort()).toEqual(["People/Anya Petrova.md", "People/Omar Haddad.md"]);
    expect(read(app, "1-1s/2026-01-05 Lena.md")).toBe(vault["1-1s/2026-01-05 Lena.md"]);
    expect(plugin.index.meetingsWith("People/Omar Haddad.md").map((m) => m.date)).toEqual(["2026-01-07", "2026-01-06"]);
  });

  it("gives new people the relationship their notes say, and asks once for the others", async () => {
    const vault = {
      "1-1s/2026-01-05 Lena.md": "---\nperson: Lena Fischer\nrole: direct report\n---\n",
      "1-1s/2026-01-12 Lena.md": "---\nperson: Lena Fischer\n---\n",
      "1-1s/2026-01-06 Omar.md": "---\nperson: Omar Haddad\ntags: [mentor]\n---\n",
      "1-1s/2026-01-07 Kim.md": "---\nperson: Kim Park\n---\n",
      "1-1s/2026-01-08 Ada.md": "---\nperson: Ada Obi\n---\n",
    };
    const { app, plugin } = await loadVault(vault);
    await runCommand(app, "adopt-existing-notes");
    const modal = await modalTitled(app, "Adopt existing notes");
    expect(settingRows(modal).find((r) => r.name === "People/Omar Haddad.md")?.desc).toContain("Relationship: mentor (from the tag #mentor).");
    const ask = settingRow(modal, "Relationship for the 2 new people without one").querySelector("select");
    if (!ask) throw new Error("No choice of relationship.");
    expect(Array.from(ask.options).map((o) => o.textContent)).toEqual(["Leave empty", "report", "manager", "peer", "skip", "mentor", "mentee", "friend", "family", "other"]);
    await fill(app, ask, "peer");
    await clickButton(app, modal, "Apply");
    await noticeStarting(app, "Adoption:");
    expect(read(app, "People/Lena Fischer.md")).toBe("---\ntype: person\nrelationship: report\n---\n\n## Next 1:1\n");
    const relationships = plugin.index.people().map((p) => [p.name, p.person.relationship]);
    expect(relationships).toEqual([
      ["Ada Obi", "peer"],
      ["Kim Park", "peer"],
      ["Lena Fischer", "report"],
      ["Omar Haddad", "mentor"],
    ]);
  });

  it("leaves unticked a note only its name calls a 1:1, with no date and no dated entry, and the person only it implies", async () => {
    const IDEAS = "Notes/Meetings/Team retro 1-1 ideas.md";
    const vault = {
      "People/Anya Petrova.md": person,
      [IDEAS]: "---\ntags: [people/kim-park]\n---\nIdeas for the retro:\n- start, stop, continue\n",
      "Notes/Meetings/Sprint 1-1 topics.md": "Ideas for the next sprint.\n",
      "1-1s/2026-01-06 Anya.md": "Notes.\n",
    };
    const { app } = await loadVault(vault);
    await runCommand(app, "adopt-existing-notes");
    const modal = await modalTitled(app, "Adopt existing notes");
    const ticked = (name: string) => toggleOf(settingRow(modal, name)).classList.contains("is-enabled");
    expect([ticked(IDEAS), ticked("People/Kim Park.md"), ticked("1-1s/2026-01-06 Anya.md")]).toEqual([false, false, true]);
    expect(settingRows(modal).find((r) => r.name === IDEAS)?.desc).toContain("Only its name says 1:1, and it has no date and no dated entry");
    // A note with nothing in it that names anyone is not offered at all.
    expect(modal.contentEl.textContent).not.toContain("Sprint 1-1 topics");
    await clickButton(app, modal, "Apply");
    await noticeStarting(app, "Adoption:");
    expect(read(app, IDEAS)).toBe(vault[IDEAS]);
    expect(Object.keys(files(app)).filter((p) => p.startsWith("People/"))).toEqual(["People/Anya Petrova.md"]);
  });

  it("ticks the person again with the note that implies them", async () => {
    const IDEAS = "Notes/Meetings/Team retro 1-1 ideas.md";
    const { app, plugin } = await loadVault({ [IDEAS]: "---\ntags: [people/kim-park]\n---\nIdeas for the retro.\n" });
    await runCommand(app, "adopt-existing-notes");
    const modal = await modalTitled(app, "Adopt existing notes");
    const ticked = (name: string) => toggleOf(settingRow(modal, name)).classList.contains("is-enabled");
    await click(app, toggleOf(settingRow(modal, IDEAS)));
    expect(ticked("People/Kim Park.md")).toBe(true);
    await click(app, toggleOf(settingRow(modal, IDEAS)));
    expect(ticked("People/Kim Park.md")).toBe(false);
    await click(app, toggleOf(settingRow(modal, IDEAS)));
    await clickButton(app, modal, "Apply");
    await noticeStarting(app, "Adoption:");
    expect(read(app, "People/Kim Park.md")).toBe("---\ntype: person\n---\n\n## Next 1:1\n");
    expect(plugin.index.logOf("People/Kim Park.md")).toBe(IDEAS);
  });
});
