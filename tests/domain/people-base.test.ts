import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { peopleBase } from "../../src/domain/people-base";

type Filter = string | { and: Filter[] } | { or: Filter[] } | { not: Filter[] };

interface BaseFile {
  filters: Filter;
  formulas: Record<string, string>;
  properties: Record<string, { displayName: string }>;
  views: { type: string; name: string; order: string[]; filters?: { and: string[] } }[];
}

interface VaultFile {
  path: string;
  properties?: Record<string, string>;
  tags?: string[];
}

/**
 * Which files a base's filter keeps, as Bases decides it for the statements a people base uses:
 * `file.ext == "…"`, `file.inFolder("…")`, `file.hasTag("…")` and `property == "…"` (properties
 * exist on Markdown notes only), combined with `and`, `or` and `not`.
 */
function keeps(filter: Filter, file: VaultFile): boolean {
  if (typeof filter !== "string") {
    if ("and" in filter) return filter.and.every((f) => keeps(f, file));
    if ("or" in filter) return filter.or.some((f) => keeps(f, file));
    return !filter.not.some((f) => keeps(f, file));
  }
  const ext = file.path.slice(file.path.lastIndexOf(".") + 1);
  const isNote = ext === "md";
  let m: RegExpExecArray | null;
  if ((m = /^file\.ext == (".*")$/.exec(filter))) return ext === JSON.parse(m[1] ?? "");
  if ((m = /^file\.inFolder\((".*")\)$/.exec(filter))) return file.path.startsWith(`${JSON.parse(m[1] ?? "") as string}/`);
  if ((m = /^file\.hasTag\((".*")\)$/.exec(filter))) return isNote && (file.tags ?? []).includes(JSON.parse(m[1] ?? "") as string);
  if ((m = /^([\w-]+) == (".*")$/.exec(filter))) return isNote && file.properties?.[m[1] ?? ""] === JSON.parse(m[2] ?? "");
  throw new Error(`Statement not modelled: ${filter}`);
}

describe("peopleBase", () => {
  it("is YAML that selects person notes and shows their properties", () => {
    const base = parse(peopleBase({ peopleFolder: "Team's People", personTags: ["person"] })) as BaseFile;
    expect(base.views.map((v) => v.name)).toEqual(["People", "Colleagues", "Friends and family"]);
    expect(base.views[0]?.order).toContain("note.last-seen");
    expect(base.views[2]?.filters?.and).toEqual(['relationship == "friend" || relationship == "family"']);
  });

  it("shows the Markdown notes of people, never a picture or the base itself in their folder", () => {
    const base = parse(peopleBase({ peopleFolder: "Team's People", personTags: ["person"] })) as BaseFile;
    const files: [VaultFile, boolean][] = [
      [{ path: "Team's People/Anya.md" }, true],
      [{ path: "Elsewhere/Ben.md", properties: { type: "person" } }, true],
      [{ path: "Elsewhere/Chen.md", tags: ["person"] }, true],
      [{ path: "Elsewhere/Idea.md" }, false],
      [{ path: "Team's People/Anya.png" }, false],
      [{ path: "Team's People/People.base" }, false],
      [{ path: "Team's People/Offsite.canvas" }, false],
      [{ path: "Team's People/scan.pdf" }, false],
    ];
    for (const [file, shown] of files) expect([file.path, keeps(base.filters, file)]).toEqual([file.path, shown]);
  });

  it("leaves the folder out when people live anywhere", () => {
    const base = parse(peopleBase({ peopleFolder: "", personTags: [] })) as BaseFile;
    expect(keeps(base.filters, { path: "Anywhere/Anya.md", properties: { type: "person" } })).toBe(true);
    expect(keeps(base.filters, { path: "Anywhere/Anya.md" })).toBe(false);
    expect(JSON.stringify(base.filters)).not.toContain("inFolder");
  });

  it("shows the birthday as text, so that one without a year (--04-02) shows too", () => {
    const base = parse(peopleBase({ peopleFolder: "People", personTags: [] })) as BaseFile;
    for (const view of base.views) {
      expect(view.order).toContain("formula.birthday");
      expect(view.order).not.toContain("note.birthday");
    }
    expect(base.properties["formula.birthday"]?.displayName).toBe("Birthday");
    // A Date-typed value is written as YYYY-MM-DD; any other value (--04-02) as it stands.
    expect(base.formulas.birthday).toBe(
      'if(birthday, if(birthday.isType("date"), birthday.format("YYYY-MM-DD"), birthday.toString()), "")',
    );
  });
});
