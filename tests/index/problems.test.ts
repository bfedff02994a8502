// What the index tells about notes it cannot fully read: properties that are not valid YAML,
// aliases that are another person's name, 1:1 notes with a date that is no day, an unknown
// status, or a person without a note. Each problem comes and goes with the notes that cause it.
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import { blankPropertiesBlock, copyFacts } from "../../src/index/facts";
import { noteShape } from "../../src/domain/recognition/shape";
import { PeopleIndex } from "../../src/index/people-index";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";

const SETTINGS = indexSettings({ meetingTags: [] });

function indexOf(files: Record<string, string>): PeopleIndex {
  const index = new PeopleIndex(SETTINGS, fixedClock("2026-11-21"));
  for (const [path, text] of Object.entries(files)) feed(index, path, text);
  return index;
}

function feed(index: PeopleIndex, path: string, text: string): void {
  const facts = factsOf(path, text);
  index.upsert(facts, index.needsText(facts) ? text : null);
}

const problemsOf = (index: PeopleIndex, path: string) => (index.person(path)?.problems ?? []).map((p) => `${p.field}: ${p.message}`);

describe("properties that cannot be read", () => {
  it("are a problem of the person when they are not valid YAML", () => {
    const index = indexOf({ "People/Kai.md": "---\naliases: [Kai\ncadence: weekly\n---\nMet at the conference.\n" });
    expect(problemsOf(index, "People/Kai.md")).toEqual([
      "properties: The properties are not valid YAML, so none of them is read; fix them in source mode.",
    ]);
  });

  it("are no problem when the block holds only blank lines and comments, or nothing", () => {
    const index = indexOf({
      "People/Kai.md": "---\n# filled in later\n\n---\nMet at the conference.\n",
      "People/Lea.md": "---\n---\n",
    });
    expect(problemsOf(index, "People/Kai.md")).toEqual([]);
    expect(problemsOf(index, "People/Lea.md")).toEqual([]);
  });

  it("go away when the properties are fixed, and stay after the settings change", () => {
    const index = indexOf({ "People/Kai.md": "---\n\tcadence: weekly\n---\n" });
    index.setSettings({ ...SETTINGS, dueSoonDays: 3 });
    expect(problemsOf(index, "People/Kai.md")).toHaveLength(1);
    feed(index, "People/Kai.md", "---\ncadence: weekly\n---\n");
    expect(problemsOf(index, "People/Kai.md")).toEqual([]);
  });

  it("tells a blank block from anything else", () => {
    expect(blankPropertiesBlock("---\n---\n")).toBe(true);
    expect(blankPropertiesBlock("---\r\n  # note\r\n\r\n---\r\nbody")).toBe(true);
    expect(blankPropertiesBlock("---\nkey: [\n---\n")).toBe(false);
    expect(blankPropertiesBlock("---\n# never closed\n")).toBe(false);
    expect(blankPropertiesBlock("no properties\n")).toBe(false);
  });
});

describe("a 1:1 note whose properties are not valid YAML", () => {
  it("is a note to check for that reason, not for a name guessed from its file name", () => {
    const index = indexOf({
      "People/Anya.md": "---\nrelationship: report\n---\n",
      "1-1s/broken.md": "---\ntype: one-on-one\nperson: [[Anya\ndate: 2026-11-20\n---\n- [ ] @me send the notes\n",
    });
    expect(index.noteProblems().map((p) => [p.path, p.personPath, p.personName, p.messages])).toEqual([
      ["1-1s/broken.md", null, null, ["Its properties are not valid YAML, so none of them is read (not its person or date); fix them in source mode."]],
    ]);
    // Fixed, the note is Anya's 1:1 and the problem is gone.
    feed(index, "1-1s/broken.md", "---\ntype: one-on-one\nperson: \"[[Anya]]\"\ndate: 2026-11-20\n---\n- [ ] @me send the notes\n");
    expect(index.noteProblems()).toEqual([]);
    expect(index.meetingsWith("People/Anya.md").map((m) => m.path)).toEqual(["1-1s/broken.md"]);
  });

  it("shows on the row of the person it is found to be with all the same", () => {
    const index = indexOf({
      "People/Anya.md": "---\nrelationship: report\n---\n",
      "1-1s/Anya/2026-11-20.md": "---\nstatus: [held\n---\n",
    });
    expect(problemsOf(index, "People/Anya.md")).toEqual([
      "1:1 notes: 1-1s/Anya/2026-11-20.md: Its properties are not valid YAML, so none of them is read (not its person or date); fix them in source mode.",
    ]);
  });
});

describe("an alias that is another person's name", () => {
  it("is a problem of the person with the alias, while the other person note exists", () => {
    const index = indexOf({ "People/Samuel.md": "---\naliases: [Sam Okafor]\n---\n" });
    expect(problemsOf(index, "People/Samuel.md")).toEqual([]);
    feed(index, "People/Sam Okafor.md", "---\nrelationship: peer\n---\n");
    expect(problemsOf(index, "People/Samuel.md")).toEqual([
      'aliases: The alias "Sam Okafor" is the name of another person note (People/Sam Okafor.md); links to that name go there.',
    ]);
    expect(index.findPerson("Sam Okafor")?.path).toBe("People/Sam Okafor.md");
    index.remove("People/Sam Okafor.md");
    expect(problemsOf(index, "People/Samuel.md")).toEqual([]);
  });
});

describe("an owner that could be two people", () => {
  const SAMS = {
    "People/Sam Okafor.md": "---\naliases: [Sam]\nrelationship: report\n---\n",
    "People/Sam Lee.md": "---\nrelationship: peer\n---\n",
    "People/Anya.md": "---\nrelationship: report\n---\n",
    "1-1s/Anya/2026-11-20.md": "---\nperson: \"[[Anya]]\"\n---\n- [ ] @sam sends the plan\n- [ ] Sam: books the room\n- [ ] [[Sam Lee]] reviews it\n",
  };
  const owners = (index: PeopleIndex) => index.agreements().map((a) => [a.text, a.ownerPath, a.ownerName, a.personPath]);
  const message = (who: string) =>
    `agreements: 1 open agreement is owned by "${who}", which could be Sam Lee or Sam Okafor (Follow-ups shows it as "${who} (ambiguous: Sam Lee or Sam Okafor)"); write the full name or a link to say whose it is.`;

  it("is nobody's: the agreement says it is ambiguous, and both people are told", () => {
    const index = indexOf(SAMS);
    expect(owners(index)).toEqual([
      ["sends the plan", null, "sam (ambiguous: Sam Lee or Sam Okafor)", "People/Anya.md"],
      ["books the room", null, "Sam (ambiguous: Sam Lee or Sam Okafor)", "People/Anya.md"],
      ["reviews it", "People/Sam Lee.md", "Sam Lee", "People/Anya.md"],
    ]);
    expect(problemsOf(index, "People/Sam Okafor.md")).toEqual([message("Sam"), message("sam")]);
    expect(problemsOf(index, "People/Sam Lee.md")).toEqual([message("Sam"), message("sam")]);
    expect(problemsOf(index, "People/Anya.md")).toEqual([]);
  });

  it("is told once for each way it is written, with how many agreements it owns", () => {
    const index = indexOf({ ...SAMS, "1-1s/Anya/2026-11-13.md": "---\nperson: \"[[Anya]]\"\n---\n- [ ] @sam books the train\n- [ ] @sam sends the slides\n" });
    expect(problemsOf(index, "People/Sam Lee.md")).toEqual([
      message("Sam"),
      'agreements: 3 open agreements are owned by "sam", which could be Sam Lee or Sam Okafor (Follow-ups shows it as "sam (ambiguous: Sam Lee or Sam Okafor)"); write the full name or a link to say whose it is.',
    ]);
    index.remove("1-1s/Anya/2026-11-13.md");
    expect(problemsOf(index, "People/Sam Lee.md")).toEqual([message("Sam"), message("sam")]);
  });

  it("is the note's person's in a 1:1 with one of the people it could mean", () => {
    const index = indexOf({ ...SAMS, "1-1s/Sam Lee/2026-11-18.md": "---\nperson: \"[[Sam Lee]]\"\n---\n- [ ] @sam books the hut\n" });
    const hut = index.agreements().find((a) => a.text === "books the hut");
    expect([hut?.ownerPath, hut?.ownerName, hut?.personPath]).toEqual(["People/Sam Lee.md", "Sam Lee", "People/Sam Lee.md"]);
    expect(problemsOf(index, "People/Sam Lee.md")).toEqual([message("Sam"), message("sam")]);
  });

  it("names both when a 1:1 note's person could be either", () => {
    const index = indexOf({ ...SAMS, "1-1s/2026-11-19 1-1 Sam.md": "---\ntype: one-on-one\n---\n" });
    expect(index.noteProblems().map((p) => [p.path, p.messages])).toEqual([
      ["1-1s/2026-11-19 1-1 Sam.md", ['"Sam" (the file name) could be Sam Lee or Sam Okafor; give it a person property with the full name or a link.']],
    ]);
  });

  it("follows the people: a third who could be meant is named, and with one left the owner is theirs", () => {
    const index = indexOf(SAMS);
    feed(index, "People/Samira Haddad.md", "---\naliases: [Sam]\n---\n");
    expect(owners(index)[0]).toEqual(["sends the plan", null, "sam (ambiguous: Sam Lee, Sam Okafor or Samira Haddad)", "People/Anya.md"]);
    expect(problemsOf(index, "People/Samira Haddad.md")).toHaveLength(2);
    expect(problemsOf(index, "People/Sam Lee.md")).toHaveLength(2);
    index.remove("People/Samira Haddad.md");
    index.remove("People/Sam Lee.md");
    expect(owners(index).slice(0, 2)).toEqual([
      ["sends the plan", "People/Sam Okafor.md", "Sam Okafor", "People/Anya.md"],
      ["books the room", "People/Sam Okafor.md", "Sam Okafor", "People/Anya.md"],
    ]);
    expect(problemsOf(index, "People/Sam Okafor.md")).toEqual([]);
  });
});

describe("1:1 notes with problems", () => {
  it("classify a date that is no day, and an unknown status", () => {
    const kind = noteShape(factsOf("1-1s/Anya/2026-02-30.md", "---\ntype: one-on-one\nstatus: postponed\n---\n"), null, SETTINGS);
    expect(kind).toMatchObject({ kind: "meeting", date: null, badDate: "2026-02-30", unknownStatus: "postponed", entries: [] });
    const fine = noteShape(factsOf("1-1s/Anya/2026-02-28.md", "---\nstatus: Cancelled\n---\n"), null, SETTINGS);
    expect(fine).toMatchObject({ date: "2026-02-28", status: "cancelled", badDate: null, unknownStatus: null });
    const words = noteShape(factsOf("1-1s/Anya/kickoff.md", "---\ndate: next week\n---\n"), null, SETTINGS);
    expect(words).toMatchObject({ badDate: "next week" });
    const log = noteShape(factsOf("1-1s/Anya.md", "---\ndate:\n---\n## 2026-11-14\n"), null, SETTINGS);
    expect(log).toMatchObject({ badDate: null, entries: [{ date: "2026-11-14" }] });
  });

  it("show on the row of their person; without a person note, as notes to check until one comes", () => {
    const index = indexOf({
      "People/Anya.md": "---\nrelationship: report\n---\n",
      "1-1s/Anya/2026-02-30.md": "---\nperson: \"[[Anya]]\"\n---\n- [ ] @me check the date\n",
      "1-1s/Anya/2026-11-20.md": "---\nperson: \"[[Anya]]\"\nstatus: postponed\n---\n",
      "1-1s/Ben/2026-11-19.md": "---\ntype: one-on-one\n---\n",
    });
    expect(problemsOf(index, "People/Anya.md")).toEqual([
      '1:1 notes: 1-1s/Anya/2026-02-30.md: The date "2026-02-30" is not a day of the calendar; the 1:1 is not counted.',
      '1:1 notes: 1-1s/Anya/2026-11-20.md: The status "postponed" is not held, skipped or cancelled; the 1:1 counts as held.',
    ]);
    // The impossible date is no meeting and no running log; its agreement is still Anya's.
    expect(index.logOf("People/Anya.md")).toBeNull();
    expect(index.meetingsWith("People/Anya.md").map((m) => m.path)).toEqual(["1-1s/Anya/2026-11-20.md"]);
    expect(index.agreementsWith("People/Anya.md").map((a) => a.text)).toEqual(["check the date"]);
    expect(index.person("People/Anya.md")?.lastSeen).toBe("2026-11-20");

    expect(index.noteProblems().map((p) => [p.path, p.personPath, p.personName, p.messages])).toEqual([
      ["1-1s/Anya/2026-02-30.md", "People/Anya.md", null, [expect.stringMatching(/^The date/)]],
      ["1-1s/Anya/2026-11-20.md", "People/Anya.md", null, [expect.stringMatching(/^The status/)]],
      ["1-1s/Ben/2026-11-19.md", null, "Ben", ['No person note is named "Ben" (the folder name names them); the 1:1 counts for nobody until there is one.']],
    ]);

    const before = index.noteProblems();
    expect(index.noteProblems()).toBe(before);
    feed(index, "People/Ben.md", "---\nrelationship: peer\n---\n");
    expect(index.noteProblems()).not.toBe(before);
    expect(index.noteProblems().map((p) => p.path)).toEqual(["1-1s/Anya/2026-02-30.md", "1-1s/Anya/2026-11-20.md"]);
    expect(problemsOf(index, "People/Ben.md")).toEqual([]);

    feed(index, "1-1s/Anya/2026-11-20.md", "---\nperson: \"[[Anya]]\"\nstatus: held\n---\n");
    index.remove("1-1s/Anya/2026-02-30.md");
    expect(problemsOf(index, "People/Anya.md")).toEqual([]);
    expect(index.noteProblems()).toEqual([]);
  });

  it("name a 1:1 note that names no person", () => {
    const index = indexOf({ "1-1s/2026-11-19.md": "---\ntype: one-on-one\n---\n" });
    expect(index.noteProblems().map((p) => p.messages)).toEqual([
      ['The 1:1 note names no person: give it a person property, e.g. person: "[[Anya Petrova]]".'],
    ]);
  });
});

describe("names that differ in case only", () => {
  it("resolve to the note nearest the top of the vault, whatever the order of arrival", () => {
    for (const order of [0, 1]) {
      const files: [string, string][] = [
        ["People/Old Team/sam okafor.md", "---\nrelationship: peer\n---\n"],
        ["People/Sam Okafor.md", "---\nrelationship: report\n---\n"],
      ];
      const index = indexOf(Object.fromEntries(order ? files.reverse() : files));
      expect(index.findPerson("Sam Okafor")?.path).toBe("People/Sam Okafor.md");
      expect(index.findPerson("sam okafor")?.path).toBe("People/Sam Okafor.md");
      expect(index.findPerson("sam-okafor")?.path).toBe("People/Sam Okafor.md");
    }
  });
});

describe("a note the index cannot work out", () => {
  /** Facts of a note whose creation date cannot be read (as a file whose details fail). */
  function failingCreated(path: string, text: string) {
    const facts = copyFacts(factsOf(path, text));
    Object.defineProperty(facts, "created", {
      get: () => {
        throw new Error("The file's details could not be read");
      },
    });
    return facts;
  }

  it("is a person with a problem on their row, and the others are worked out as usual", () => {
    const index = indexOf({ "People/Lea.md": "---\ntype: person\ncadence: weekly\nlast-seen: 2026-11-14\n---\n" });
    const facts = failingCreated("People/Kai.md", "---\ntype: person\ncadence: weekly\nlast-seen: 2026-11-10\n---\n");
    index.upsert(facts, index.needsText(facts) ? "" : null);
    expect(index.people().map((p) => p.name)).toEqual(["Kai", "Lea"]);
    expect(problemsOf(index, "People/Kai.md")).toEqual([
      "note: Last seen and due could not be worked out (The file's details could not be read); the note is shown as it is.",
    ]);
    expect(index.person("People/Kai.md")).toMatchObject({ lastSeen: "2026-11-10", due: { status: "ok", nextDue: null } });
    expect(index.person("People/Lea.md")?.due).toMatchObject({ status: "due-soon", nextDue: "2026-11-21" });
  });

  it("is a note to check when it cannot be read, until it changes", () => {
    const index = indexOf({ "People/Lea.md": "---\ntype: person\n---\n" });
    const text = "---\ntype: one-on-one\nperson: \"[[Lea]]\"\ndate: 2026-11-20\n---\n- [ ] @me send it\n";
    const facts = copyFacts(factsOf("1-1s/Lea/2026-11-20.md", text));
    Object.defineProperty(facts, "headings", {
      get: () => {
        throw new TypeError("headings are missing");
      },
    });
    index.upsert(facts, index.needsText(facts) ? text : null);
    expect(index.noteProblems()).toEqual([
      { path: "1-1s/Lea/2026-11-20.md", personPath: null, personName: null, messages: ["This note could not be read (headings are missing); it is left out until it changes."] },
    ]);
    expect(index.person("People/Lea.md")?.lastSeen).toBeNull();

    feed(index, "1-1s/Lea/2026-11-20.md", text);
    expect(index.noteProblems()).toEqual([]);
    expect(index.person("People/Lea.md")?.lastSeen).toBe("2026-11-20");
    expect(index.agreements().map((a) => a.text)).toEqual(["send it"]);
  });
});
