import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import { PeopleIndex } from "../../src/index/people-index";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";

const settings = indexSettings();

const VAULT: Record<string, string> = {
  "People/Anya Petrova.md": [
    "---",
    "type: person",
    "aliases: [Anya]",
    "relationship: report",
    "cadence: weekly",
    "---",
    "## Next 1:1",
    "- [ ] ask about the talk",
    "",
  ].join("\n"),
  "People/Sam Okafor.md": "---\nrelationship: friend\ncadence: every 3 weeks\nlast-seen: 2026-10-01\n---\n",
  "People/@Lena.md": "---\nrelationship: mentor\n---\n",
  "People/Ghost.md": "---\nrelationship: sidekick\ncadence: sometimes\narchived: true\n---\n",
  "1-1s/Anya Petrova/2026-11-07.md": [
    "---",
    "type: one-on-one",
    'person: "[[Anya Petrova]]"',
    "date: 2026-11-07",
    "---",
    "## Agreements",
    "- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28",
    "- [ ] @me intro Anya to the platform lead [due:: 2026-11-18]",
    "- [x] @me book the training ✅ 2026-11-10",
    "- [ ] ",
    "```",
    "- [ ] not a task in code",
    "```",
    "",
  ].join("\n"),
  "1-1s/Anya Petrova/2026-11-14.md": "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-14\nstatus: skipped\n---\n",
  "1-1s/Lena.md": [
    "---",
    "type: one-on-one",
    'person: "[[Lena]]"',
    "---",
    "# 1:1s with Lena",
    "## 2026-11-12",
    "- [ ] @lena sends the reading list",
    "## 2026-10-15",
    "- [/] @me draft the talk 📅 2026-11-01",
    "",
  ].join("\n"),
  "Daily/2026-11-19.md": "Lunch with [[Sam Okafor]].\n- [ ] call [[Lena]] about the trip\n",
  "Daily/2026-12-24.md": "Dinner with [[Sam Okafor]] planned.\n",
};

function build(files = VAULT, today = "2026-11-21", s = settings): PeopleIndex {
  const index = new PeopleIndex(s, fixedClock(today));
  index.batch(() => {
    for (const [path, text] of Object.entries(files)) {
      const facts = factsOf(path, text);
      index.upsert(facts, index.needsText(facts) ? text : null);
    }
  });
  return index;
}

describe("PeopleIndex", () => {
  it("finds people with their problems", () => {
    const index = build();
    expect(index.people().map((p) => p.name)).toEqual(["Anya Petrova", "Ghost", "Lena", "Sam Okafor"]);
    const ghost = index.findPerson("Ghost");
    expect(ghost?.problems.map((p) => p.field).sort()).toEqual(["cadence", "relationship"]);
    expect(ghost?.due.status).toBe("archived");
  });

  it("derives last seen from meetings, log entries, dated notes and the property", () => {
    const index = build();
    // The skipped note of 2026-11-14 does not count.
    expect(index.findPerson("Anya Petrova")?.lastSeen).toBe("2026-11-07");
    // The log's newest entry.
    expect(index.findPerson("Lena")?.lastSeen).toBe("2026-11-12");
    // A daily note linking Sam is newer than the property; the future one does not count.
    expect(index.findPerson("Sam Okafor")?.lastSeen).toBe("2026-11-19");
  });

  it("does not count a link inside an open task of a daily note as seeing someone", () => {
    const index = build({ ...VAULT, "1-1s/Lena.md": "---\ntype: one-on-one\nperson: \"[[Lena]]\"\n---\n" });
    expect(index.findPerson("Lena")?.lastSeen).toBeNull();
    expect(index.findPerson("Lena")?.due.status).toBe("never-seen");
  });

  it("computes due status from the cadence", () => {
    const index = build();
    expect(index.findPerson("Anya")?.due).toMatchObject({ status: "overdue", nextDue: "2026-11-14" });
    expect(index.findPerson("Sam Okafor")?.due).toMatchObject({ status: "ok", nextDue: "2026-12-10" });
  });

  it("lists open agreements with owner, person and due date", () => {
    const index = build();
    const agreements = index.agreements();
    expect(agreements.map((a) => [a.text, a.ownerName, a.personName, a.due, a.meetingDate])).toEqual([
      ["draft the talk", "Me", "Lena", "2026-11-01", "2026-10-15"],
      ["intro Anya to the platform lead", "Me", "Anya Petrova", "2026-11-18", "2026-11-07"],
      ["shares the RFC draft", "Anya Petrova", "Anya Petrova", "2026-11-28", "2026-11-07"],
      ["sends the reading list", "Lena", "Lena", null, "2026-11-12"],
    ]);
    expect(index.findPerson("Anya")?.openAgreements).toBe(2);
  });

  it("updates one file at a time and tells subscribers", () => {
    const index = build();
    let calls = 0;
    index.subscribe(() => calls++);
    const path = "1-1s/Anya Petrova/2026-11-20.md";
    const text = "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-20\n---\n- [ ] @me send notes\n";
    index.upsert(factsOf(path, text), text);
    expect(calls).toBe(1);
    expect(index.findPerson("Anya")?.lastSeen).toBe("2026-11-20");
    expect(index.findPerson("Anya")?.due.status).toBe("ok");
    index.remove(path);
    expect(calls).toBe(2);
    expect(index.findPerson("Anya")?.lastSeen).toBe("2026-11-07");
  });

  it("follows a renamed person note", () => {
    const index = build();
    const text = VAULT["People/Anya Petrova.md"] as string;
    index.rename("People/Anya Petrova.md", factsOf("People/Anya Petrova-Smith.md", text), text);
    expect(index.findPerson("Anya Petrova")).toBeNull();
    expect(index.findPerson("Anya")?.name).toBe("Anya Petrova-Smith"); // by the alias
    expect(index.people().map((p) => p.name)).toContain("Anya Petrova-Smith");
  });

  it("flags two person notes with the same name", () => {
    const index = build({ ...VAULT, "Friends/Sam Okafor.md": "---\ntype: person\n---\n" });
    const sams = index.people().filter((p) => p.name === "Sam Okafor");
    expect(sams).toHaveLength(2);
    for (const sam of sams) expect(sam.problems.some((p) => p.field === "name")).toBe(true);
  });

  it("ignores tasks queued under Next 1:1 in a person note", () => {
    const index = build();
    expect(index.agreements().some((a) => a.text.includes("ask about the talk"))).toBe(false);
  });

  it("counts tasks linking a person anywhere when the setting is on", () => {
    const files = { ...VAULT, "Projects/Launch.md": "- [ ] [[Sam Okafor]] books the venue 📅 2026-12-01\n" };
    expect(build(files).agreements().some((a) => a.text === "books the venue")).toBe(false);
    const anywhere = build(files, "2026-11-21", { ...settings, agreementsAnywhere: true });
    expect(anywhere.agreements().find((a) => a.text === "books the venue")?.personName).toBe("Sam Okafor");
  });

  it("counts tasks carrying a person's tag anywhere when the setting is on; a link on the line comes first", () => {
    const files = {
      ...VAULT,
      "People/John Appleseed.md": "---\nrelationship: peer\n---\n",
      "meetings/2024-11-20 Monthly All Hands.md": [
        "---",
        "date: 2024-11-20",
        "tags: [meeting]",
        "---",
        "- #people/john-appleseed gave a great talk #kudos",
        "- [ ] Chat with #people/john-appleseed re: other uses for Copilot",
        "- [ ] ask [[Sam Okafor]] and #people/john-appleseed about the demo",
        "- [ ] ping #people/nobody-here about the slides",
        "- [ ] fix the#people/john-appleseed typo",
        "",
      ].join("\n"),
    };
    expect(build(files).agreementsWith("People/John Appleseed.md")).toEqual([]);
    const anywhere = build(files, "2026-11-21", { ...settings, agreementsAnywhere: true });
    expect(anywhere.agreementsWith("People/John Appleseed.md").map((a) => a.text)).toEqual([
      "Chat with #people/john-appleseed re: other uses for Copilot",
    ]);
    expect(anywhere.agreementsWith("People/Sam Okafor.md").map((a) => a.text)).toContain("ask [[Sam Okafor]] and #people/john-appleseed about the demo");
    expect(anywhere.agreements().filter((a) => a.path.startsWith("meetings/")).map((a) => a.personName)).toEqual(["John Appleseed", "Sam Okafor"]);
  });

  it("finds the running log of a person and the person of a note", () => {
    const index = build();
    expect(index.logOf("People/@Lena.md")).toBe("1-1s/Lena.md");
    expect(index.personOfNote("1-1s/Anya Petrova/2026-11-07.md")?.name).toBe("Anya Petrova");
    expect(index.meetingsWith("People/Anya Petrova.md").map((m) => [m.date, m.status])).toEqual([
      ["2026-11-14", "skipped"],
      ["2026-11-07", "held"],
    ]);
  });

  it("reads the log a person's log property names as a log, whatever date the note has of its own", () => {
    const journal = (own: string) =>
      [own, "# Kai", "## 2026-11-02 call", "- [ ] @me send Kai the course list", "## 2026-10-12", "- [ ] @kai books the room", ""].join("\n");
    for (const [path, text] of [
      ["Journal/Kai.md", journal("")],
      ["Journal/Kai.md", journal("---\ndate: 2024-01-15\n---")],
      ["Journal/Kai since 2024-01-15.md", journal("")],
    ] as const) {
      const name = path.slice("Journal/".length, -3);
      const kai = `---\nrelationship: mentee\ncadence: monthly\nlog: "[[${name}]]"\n---\n`;
      const index = build({ ...VAULT, "People/Kai Berg.md": kai, [path]: text });
      expect(index.logOf("People/Kai Berg.md"), path).toBe(path);
      expect(index.person("People/Kai Berg.md")?.lastSeen, text).toBe("2026-11-02");
      expect(index.meetingsWith("People/Kai Berg.md").map((m) => [m.kind, m.date]), text).toEqual([
        ["log-entry", "2026-11-02"],
        ["log-entry", "2026-10-12"],
        ["log", null],
      ]);
      expect(index.agreementsWith("People/Kai Berg.md").map((a) => [a.text, a.meetingDate]), text).toEqual([
        ["send Kai the course list", "2026-11-02"],
        ["books the room", "2026-10-12"],
      ]);
    }
  });

  it("reads a person note its own log property names as their log", () => {
    const kai = [
      "---",
      "relationship: mentee",
      'log: "[[Kai Berg]]"',
      "---",
      "## Next 1:1",
      "- [ ] ask about the move",
      "## 2026-11-02",
      "- [ ] @me send Kai the course list",
      "## 2026-10-12",
      "",
    ].join("\n");
    const index = build({ ...VAULT, "People/Kai Berg.md": kai });
    expect(index.logOf("People/Kai Berg.md")).toBe("People/Kai Berg.md");
    expect(index.person("People/Kai Berg.md")?.lastSeen).toBe("2026-11-02");
    expect(index.meetingsWith("People/Kai Berg.md").map((m) => [m.kind, m.date])).toEqual([
      ["log-entry", "2026-11-02"],
      ["log-entry", "2026-10-12"],
      ["log", null],
    ]);
    expect(index.agreementsWith("People/Kai Berg.md").map((a) => [a.text, a.meetingDate])).toEqual([["send Kai the course list", "2026-11-02"]]);
  });

  it("counts a meeting or a link for last seen for the person it resolves to, and nobody else", () => {
    const files = {
      "People/Anya Petrova.md": "---\nrelationship: report\n---\n",
      "People/Anya Smith.md": "---\nrelationship: peer\naliases: [Anya]\n---\n",
      "People/Kim.md": "---\nrelationship: friend\n---\n",
      "People/Team/Kim.md": "---\nrelationship: report\n---\n",
      // "@anya" is Anya Smith's alias and Anya Petrova's first name: it could mean either, so neither.
      "1-1s/Anya Petrova/2026-11-07.md": '---\ntype: one-on-one\nperson: "@anya"\n---\n',
      "1-1s/Anya Smith/2026-11-09.md": '---\ntype: one-on-one\nperson: "Anya Smith"\n---\n',
      // Written with two spaces: no note carries that, its slug finds Anya Petrova.
      "1-1s/2026-11-02.md": '---\ntype: one-on-one\nperson: "Anya  Petrova"\n---\n',
      "Daily/2026-11-19.md": "Coffee with [[Kim]].\n",
      "Daily/2026-11-20.md": "Review with [[People/Team/Kim|Kim]].\n",
    };
    const index = build(files);
    const seen = (path: string) => index.person(path)?.lastSeen ?? null;
    const met = (path: string) => index.meetingsWith(path).map((m) => m.path);
    expect(met("People/Anya Smith.md")).toEqual(["1-1s/Anya Smith/2026-11-09.md"]);
    expect(seen("People/Anya Smith.md")).toBe("2026-11-09");
    expect(met("People/Anya Petrova.md")).toEqual(["1-1s/2026-11-02.md"]);
    expect(seen("People/Anya Petrova.md")).toBe("2026-11-02");
    expect(index.findPerson("Kim")?.path).toBe("People/Kim.md");
    expect(seen("People/Kim.md")).toBe("2026-11-19");
    expect(seen("People/Team/Kim.md")).toBe("2026-11-20");
  });

  it("never takes the 1:1 note of one day for a running log, whoever's log property names it", () => {
    const files = {
      "People/Anya Petrova.md": '---\nrelationship: report\nlog: "[[2026-11-14 Ben]]"\n---\n',
      "People/Ben.md": "---\nrelationship: peer\n---\n",
      "1-1s/2026-11-14 Ben.md": '---\ntype: one-on-one\nperson: "[[Ben]]"\n---\n## Agreements\n- [ ] @me send Ben the notes\n',
    };
    const index = build(files);
    expect(index.logOf("People/Anya Petrova.md")).toBeNull();
    expect(index.meetingsWith("People/Anya Petrova.md")).toEqual([]);
    expect(index.meetingsWith("People/Ben.md").map((m) => [m.path, m.kind])).toEqual([["1-1s/2026-11-14 Ben.md", "note"]]);
    expect(index.agreementsWith("People/Ben.md").map((a) => a.text)).toEqual(["send Ben the notes"]);
    expect(index.personOfNote("1-1s/2026-11-14 Ben.md")?.path).toBe("People/Ben.md");
    expect(index.person("People/Ben.md")?.lastSeen).toBe("2026-11-14");
    expect(index.person("People/Anya Petrova.md")?.problems).toEqual([
      {
        field: "log",
        message: "The log property names 1-1s/2026-11-14 Ben.md, the 1:1 note of one day, not a running log; it counts as that one 1:1.",
      },
    ]);
  });

  it("counts a log's entries for the person whose log property names it, not for the person the note names", () => {
    const files = {
      "People/Anya Petrova.md": '---\nrelationship: report\nlog: "[[1-1s/Lena]]"\n---\n',
      "People/Ben.md": "---\nrelationship: peer\n---\n",
      "1-1s/Lena.md": '---\ntype: one-on-one\nperson: "[[Ben]]"\n---\n## 2026-11-07\n- [ ] @me send the notes\n',
    };
    const index = build(files);
    expect(index.meetingsWith("People/Anya Petrova.md").map((m) => m.date)).toEqual(["2026-11-07", null]);
    expect(index.person("People/Anya Petrova.md")?.lastSeen).toBe("2026-11-07");
    expect(index.meetingsWith("People/Ben.md")).toEqual([]);
    expect(index.person("People/Ben.md")?.lastSeen).toBeNull();
  });

  it("gives a log two people's log properties name to the one who came last, and tells the other", () => {
    const files = {
      "People/Anya Petrova.md": '---\nrelationship: report\nlog: "[[Team log]]"\n---\n',
      "People/Ben.md": '---\nrelationship: peer\nlog: "[[Team log]]"\n---\n',
      "Team log.md": "# Team\n## 2026-11-07\n",
    };
    const index = build(files);
    expect(index.logOf("People/Ben.md")).toBe("Team log.md");
    expect(index.person("People/Ben.md")?.lastSeen).toBe("2026-11-07");
    expect(index.logOf("People/Anya Petrova.md")).toBeNull();
    expect(index.person("People/Anya Petrova.md")?.lastSeen).toBeNull();
    expect(index.person("People/Anya Petrova.md")?.problems).toEqual([
      { field: "log", message: "The log property names Team log.md, which Ben (People/Ben.md) has as their log too; its entries count for them." },
    ]);
  });

  it("never throws on odd notes", () => {
    const odd = {
      "People/[].md": "---\ntype: person\naliases: 42\ntags: {a: 1}\nbirthday: 2026-02-30\n---\n",
      "1-1s/x.md": "---\n: broken: yaml\n---\n- [ ] @ \n",
      "People/Empty.md": "",
    };
    expect(() => build({ ...VAULT, ...odd }).people()).not.toThrow();
  });
});
