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
      // Max is the first name of two people: nobody in particular.
      ["Max: asks for intros", null, null],
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
});
