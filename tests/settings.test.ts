import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_SETTINGS, normalizeSettings } from "../src/settings";
import { RUNS } from "./properties";

describe("normalizeSettings", () => {
  it("gives the defaults for nothing stored", () => {
    expect(normalizeSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(normalizeSettings(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("keeps valid values and cleans them", () => {
    const { settings, problems } = normalizeSettings({
      peopleFolder: "/Team/People/",
      meetingsFolder: "Meetings\\1-1s",
      layout: "log",
      notePathPattern: "{{person}}/{{year}}/{{date}}.md",
      carryOver: "forward",
      dueDateSyntax: "dataview",
      doneDates: false,
      dueSoonDays: 3,
      personTags: "#person, #contact",
      meetingTags: ["#1on1", "1on1", "  "],
      defaultCadence: { friend: "2m" },
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      peopleFolder: "Team/People",
      meetingsFolder: "Meetings/1-1s",
      layout: "log",
      notePathPattern: "{{person}}/{{year}}/{{date}}",
      carryOver: "forward",
      dueDateSyntax: "dataview",
      doneDates: false,
      dueSoonDays: 3,
      personTags: ["person", "contact"],
      meetingTags: ["1on1"],
    });
    expect(settings.defaultCadence).toEqual({ ...DEFAULT_SETTINGS.defaultCadence, friend: "2m" });
  });

  it.each([
    [{ layout: "grid" }, "layout"],
    [{ peopleFolder: "../outside" }, "peopleFolder"],
    [{ notePathPattern: "{{person}}" }, "notePathPattern"],
    [{ notePathPattern: "{{date}}" }, "notePathPattern"],
    [{ dueSoonDays: -1 }, "dueSoonDays"],
    [{ dueSoonPercent: 250 }, "dueSoonPercent"],
    [{ doneDates: "yes" }, "doneDates"],
    [{ agendaSections: [] }, "agendaSections"],
    [{ questions: "none" }, "questions"],
    [{ myName: 42 }, "myName"],
    [{ myName: ["Sam Okafor"] }, "myName"],
    [{ oneOtherPersonIsOneOnOne: "no" }, "oneOtherPersonIsOneOnOne"],
    [{ oneOtherPersonIsOneOnOne: 0 }, "oneOtherPersonIsOneOnOne"],
    [{ agreementTag: "#A b" }, "agreementTag"],
    [{ agreementTag: "one, two" }, "agreementTag"],
    [{ agreementTag: ["one", "two"] }, "agreementTag"],
    [{ agreementTag: "#accountability!" }, "agreementTag"],
    [{ agreementTag: "#2026" }, "agreementTag"],
    [{ agreementTag: true }, "agreementTag"],
  ])("replaces a bad value %j with the default and says so", (stored, key) => {
    const { settings, problems } = normalizeSettings(stored);
    expect(settings[key as keyof typeof settings]).toEqual(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]);
    expect(problems.join(" ")).toContain(key);
  });

  it.each([
    [{ myName: "  Sam   Okafor " }, { myName: "Sam Okafor" }],
    [{ myName: "" }, { myName: "" }],
    [{ myName: "Анна Иванова" }, { myName: "Анна Иванова" }],
    [{ oneOtherPersonIsOneOnOne: false }, { oneOtherPersonIsOneOnOne: false }],
    [{ oneOtherPersonIsOneOnOne: true }, { oneOtherPersonIsOneOnOne: true }],
    [{ agreementTag: "#Accountability" }, { agreementTag: "accountability" }],
    [{ agreementTag: "accountability" }, { agreementTag: "accountability" }],
    [{ agreementTag: "  ##team/Agreed-1 " }, { agreementTag: "team/agreed-1" }],
    [{ agreementTag: ["#Accountability"] }, { agreementTag: "accountability" }],
    [{ agreementTag: "Договорённость" }, { agreementTag: "договорённость" }],
    [{ agreementTag: "" }, { agreementTag: "" }],
    [{ agreementTag: "#" }, { agreementTag: "" }],
  ])("keeps %j as %j without a problem", (stored, expected) => {
    const { settings, problems } = normalizeSettings(stored);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject(expected);
  });

  it("defaults you, meetings with one other person and the agreement tag", () => {
    expect(normalizeSettings({}).settings).toMatchObject({ myName: "", oneOtherPersonIsOneOnOne: true, agreementTag: "" });
  });

  it("reports an unknown default cadence and keeps the others", () => {
    const { settings, problems } = normalizeSettings({ defaultCadence: { report: "sometimes", peer: "3w" } });
    expect(settings.defaultCadence.report).toBe("weekly");
    expect(settings.defaultCadence.peer).toBe("3w");
    expect(problems).toEqual(['Default cadence for "report" was not understood and was reset.']);
  });

  it("migrates the settings of before versioning", () => {
    const { settings } = normalizeSettings({ oneOnOneFolder: "Meetings", personFolder: "Contacts" });
    expect(settings.meetingsFolder).toBe("Meetings");
    expect(settings.peopleFolder).toBe("Contacts");
    expect(settings.settingsVersion).toBe(2);
  });

  it("drops broken agenda sections and questions but keeps the good ones", () => {
    const { settings } = normalizeSettings({
      agendaSections: [
        { id: "check-in", title: "How are you?", hint: "", enabled: true },
        { id: "check-in", title: "Duplicate", hint: "", enabled: true },
        { id: "", title: "No id" },
        { id: "custom-wins", title: "Wins\nof the week", enabled: "yes" },
        42,
      ],
      questions: [{ theme: "Fun", text: "Best meal this week?" }, { text: "" }, { theme: 3, text: "Untethered?" }],
    });
    expect(settings.agendaSections).toEqual([
      { id: "check-in", title: "How are you?", hint: "", enabled: true },
      { id: "custom-wins", title: "Wins of the week", hint: "", enabled: true },
    ]);
    expect(settings.questions).toEqual([
      { theme: "Fun", text: "Best meal this week?" },
      { theme: "Other", text: "Untethered?" },
    ]);
  });

  it("keeps what Start wrote over last-seen, and drops what cannot be it", () => {
    const kept = { wrote: "2026-11-21", replaced: "2026-10-15" };
    const { settings, problems } = normalizeSettings({
      lastSeenStarts: {
        "People/Ingrid Solberg.md": [kept, { wrote: "someday", replaced: null }, { wrote: "2026-11-28", replaced: 3 }, "x"],
        "People/Sam Okafor.md": "none",
        "People/Anya Petrova.md": [{ wrote: "2026-11-21", replaced: null, extra: true }],
      },
    });
    expect(settings.lastSeenStarts).toEqual({
      "People/Ingrid Solberg.md": [kept],
      "People/Anya Petrova.md": [{ wrote: "2026-11-21", replaced: null }],
    });
    expect(problems).toEqual([]);
    // Data saved before there was any loads with nothing remembered.
    expect(normalizeSettings({ settingsVersion: 2, peopleFolder: "People" }).settings.lastSeenStarts).toEqual({});
  });

  it("never throws, and is idempotent", () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const once = normalizeSettings(stored).settings;
        expect(normalizeSettings(once)).toEqual({ settings: once, problems: [] });
      }),
      { numRuns: RUNS },
    );
  });
});
