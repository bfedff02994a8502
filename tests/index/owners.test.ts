// Owners of agreements as users write them: `@Name`, `[[Name]]`, `Name:` or `**Name:**` at the
// start when Name is a known person or you; your own name (the setting) is `@me`.
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import { PeopleIndex, type IndexSettings } from "../../src/index/people-index";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";

function indexOf(files: Record<string, string>, settings: Partial<IndexSettings> = {}): PeopleIndex {
  const index = new PeopleIndex(indexSettings(settings), fixedClock("2026-11-21"));
  for (const [path, text] of Object.entries(files)) {
    const facts = factsOf(path, text);
    index.upsert(facts, index.needsText(facts) ? text : null);
  }
  return index;
}

const PEOPLE = {
  "People/Anya Petrova.md": "---\ntype: person\n---\n",
  "People/Ben Cohen.md": "---\ntype: person\naliases: [Benny]\n---\n",
  "People/Max Klein.md": "---\ntype: person\n---\n",
  "People/Max Ober.md": "---\ntype: person\n---\n",
};

const MEETING = [
  "---",
  "type: one-on-one",
  'person: "[[Anya Petrova]]"',
  "date: 2026-11-20",
  "---",
  "- [ ] @anya sends the RFC",
  "- [ ] [[Ben Cohen]] reviews it",
  "- [ ] Anya: books the room",
  "- [ ] **Benny:** checks the budget",
  "- [ ] @Chuck: introduces Anya to Zenguard",
  "- [ ] Chuck Blake: follows up",
  "- [ ] April: golf outing in San Diego",
  "- [ ] Max: asks for intros",
  "- [ ] Anya to share the RFC",
  "- [ ] _Any follow-ups?_",
  "",
].join("\n");

function owners(index: PeopleIndex): [string, string | null, string | null][] {
  return index
    .agreements()
    .sort((a, b) => a.line - b.line)
    .map((a) => [a.text, a.ownerName, a.ownerPath]);
}

describe("owners of agreements", () => {
  it("are the people a task starts with, by @name, link, or a name before a colon", () => {
    expect(owners(indexOf({ ...PEOPLE, "1-1s/Anya/2026-11-20.md": MEETING }))).toEqual([
      ["sends the RFC", "Anya Petrova", "People/Anya Petrova.md"],
      ["reviews it", "Ben Cohen", "People/Ben Cohen.md"],
      ["books the room", "Anya Petrova", "People/Anya Petrova.md"],
      ["checks the budget", "Ben Cohen", "People/Ben Cohen.md"],
      // Nobody answers to Chuck: the owner stays the name as written.
      ["introduces Anya to Zenguard", "Chuck", null],
      // A name before a colon that names nobody is part of the text.
      ["Chuck Blake: follows up", null, null],
      ["April: golf outing in San Diego", null, null],
      // Max is the first name of two people: nobody in particular, and the owner says so.
      ["asks for intros", "Max (ambiguous: Max Klein or Max Ober)", null],
      // "Anya to …": the owner, the words kept. A template's prompt in italics is no agreement.
      ["Anya to share the RFC", "Anya Petrova", "People/Anya Petrova.md"],
    ]);
  });

  it("are you when they name you: your name, your first name", () => {
    const index = indexOf({ ...PEOPLE, "1-1s/Anya/2026-11-20.md": MEETING }, { myName: "Chuck Blake" });
    const mine = index.agreements().filter((a) => a.ownerIsMe).map((a) => [a.text, a.ownerName]);
    expect(mine).toEqual([
      ["introduces Anya to Zenguard", "Me"],
      ["follows up", "Me"],
    ]);
  });

  it("take your own person note for you: its name, first name and links are you, and it is nobody to meet", () => {
    const index = indexOf(
      {
        ...PEOPLE,
        "People/Chuck Blake.md": "---\ntype: person\ncadence: weekly\n---\n",
        "1-1s/Anya/2026-11-20.md": MEETING,
        "1-1s/Anya/2026-11-21.md": "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\n---\n- [ ] [[Chuck Blake]] shares the notes\n",
      },
      { myName: "Chuck Blake" },
    );
    expect(index.agreements().filter((a) => a.ownerIsMe).map((a) => a.text)).toEqual([
      "introduces Anya to Zenguard",
      "follows up",
      "shares the notes",
    ]);
    expect(index.people().map((p) => p.name)).not.toContain("Chuck Blake");
  });

  it("take the name at every meeting for yours while the setting is empty, and let it go when it no longer is", () => {
    const index = indexOf({
      ...PEOPLE,
      "meetings/2026-01-26-ben-cohen.md": "---\ndate: 2026-01-26\nattendees: [Chuck Blake, Ben Cohen]\n---\n- [ ] @Chuck: introduce Ben to Zenguard\n",
      "meetings/2026-01-27-strategy.md": "---\ndate: 2026-01-27\nattendees: [Max Klein, Chuck Blake, Max Ober]\n---\n",
    });
    expect(index.inferredMe()).toBe("Chuck Blake");
    expect(index.meetingsWith("People/Ben Cohen.md").map((m) => m.date)).toEqual(["2026-01-26"]);
    expect(index.agreements().map((a) => [a.text, a.ownerName])).toEqual([["introduce Ben to Zenguard", "Me"]]);
    // Both Maxes were there: seen, though it was no 1:1.
    expect(index.person("People/Max Ober.md")?.lastSeen).toBe("2026-01-27");
    // A meeting without Chuck: nobody is at every meeting any more.
    const facts = factsOf("meetings/2026-01-28-sync.md", "---\ndate: 2026-01-28\nattendees: [Ben Cohen, Max Klein]\n---\n");
    index.upsert(facts, index.needsText(facts) ? "" : null);
    expect(index.inferredMe()).toBeNull();
    expect(index.meetingsWith("People/Ben Cohen.md")).toEqual([]);
    expect(index.agreements()).toEqual([]);
  });
});
