import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { peopleBase } from "../../src/domain/people-base";

describe("peopleBase", () => {
  it("is YAML that selects person notes and shows their properties", () => {
    const text = peopleBase({ peopleFolder: "Team's People", personTags: ["person"] });
    const base = parse(text) as {
      filters: { or: string[] };
      views: { type: string; name: string; order: string[]; filters?: { and: string[] } }[];
    };
    expect(base.filters.or).toEqual(['type == "person"', `file.inFolder("Team's People")`, 'file.hasTag("person")']);
    expect(base.views.map((v) => v.name)).toEqual(["People", "Colleagues", "Friends and family"]);
    expect(base.views[0]?.order).toContain("note.last-seen");
    expect(base.views[2]?.filters?.and).toEqual(['relationship == "friend" || relationship == "family"']);
  });

  it("leaves the folder out when people live anywhere", () => {
    const base = parse(peopleBase({ peopleFolder: "", personTags: [] })) as { filters: { or: string[] } };
    expect(base.filters.or).toEqual(['type == "person"']);
  });
});
