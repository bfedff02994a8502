/**
 * A name that could mean two people — the alias of one, the first name of another — is none of
 * them: Follow-ups shows the agreement's owner as ambiguous, the People table shows the problem on
 * both people's rows, and Adopt neither gives the agreement to one of them nor proposes a new person.
 */
import { describe, expect, it } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import { runCommand, viewsOfType, type App } from "../fakes/harness";
import { loadVault, modalTitled } from "./adoption-setup";

const SAMS = {
  "People/Sam Okafor.md": "---\ntype: person\naliases: [Sam]\nrelationship: report\n---\n",
  "People/Sam Lee.md": "---\ntype: person\nrelationship: peer\n---\n",
  "People/Anya Petrova.md": "---\ntype: person\nrelationship: report\n---\n",
  "1-1s/Anya Petrova/2026-11-20.md": '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-11-20\n---\n- [ ] @sam sends the plan 📅 2026-11-27\n',
};

async function viewText(app: App, command: string, type: string): Promise<string> {
  expect(await runCommand(app, command)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 120));
  return viewsOfType(app, type)[0]?.containerEl.textContent ?? "";
}

describe("an @name that could be two people", () => {
  it("shows as ambiguous in Follow-ups and as a problem on both rows of People", async () => {
    const { app } = await loadVault(SAMS);
    expect(await viewText(app, "open-follow-ups", VIEW_TYPE_FOLLOW_UPS)).toContain("sam (ambiguous: Sam Lee or Sam Okafor)");
    await viewText(app, "open-people", VIEW_TYPE_PEOPLE);
    const rows = Array.from(viewsOfType(app, VIEW_TYPE_PEOPLE)[0]?.containerEl.querySelectorAll("tbody tr") ?? []);
    const problemsOf = (name: string) =>
      Array.from(rows.find((row) => row.querySelector("button")?.textContent?.trim() === name)?.querySelectorAll(".ooo-problem-list li") ?? []).map(
        (li) => li.textContent,
      );
    const expected = [
      '1 open agreement is owned by "sam", which could be Sam Lee or Sam Okafor (Follow-ups shows it as "sam (ambiguous: Sam Lee or Sam Okafor)"); write the full name or a link to say whose it is.',
    ];
    expect(problemsOf("Sam Okafor")).toEqual(expected);
    expect(problemsOf("Sam Lee")).toEqual(expected);
    expect(problemsOf("Anya Petrova")).toEqual([]);
  });

  it("is nobody's in Adopt, and no person is proposed for it", async () => {
    const { app } = await loadVault({ ...SAMS, "1-1s/2026-11-19 Sam.md": "Talked about the release.\n" });
    await runCommand(app, "adopt-existing-notes");
    const modal = await modalTitled(app, "Adopt existing notes");
    const text = modal.contentEl.textContent ?? "";
    expect(text).not.toContain("People to create");
    expect(text).toContain("sends the plan — sam (ambiguous: Sam Lee or Sam Okafor), due 2026-11-27");
    expect(text).toContain('1-1s/2026-11-19 Sam.md — "Sam" (the file name) could be Sam Lee or Sam Okafor; add the person property by hand.');
  });
});
