import { describe, expect, it } from "vitest";
import { personFinder, personNamed, type Findable } from "../../src/domain/person-search";

function person(name: string, aliases: string[] = [], archived = false): Findable {
  return { name, aliases, archived };
}

const PEOPLE: Findable[] = [
  person("Kwame Mensah"),
  person("Zoë Ångström"),
  person("Łukasz Nowak"),
  person("Jürgen Weber", ["Jogi"]),
  person("Inês Costa"),
  person("Tomás Ferreira"),
  person("Priya Raman", [], true),
  person("Анна Иванова"),
  person("李伟"),
];

/** The names found for a query, best first. */
function names(query: string, people: readonly Findable[] = PEOPLE): string[] {
  return personFinder(people).find(query).map((find) => find.person.name);
}

describe("personFinder", () => {
  it.each([
    ["zoe", "Zoë Ångström"],
    ["angstrom", "Zoë Ångström"],
    ["ZOË", "Zoë Ångström"],
    ["zoe angstrom", "Zoë Ångström"],
    ["zoeangstrom", "Zoë Ångström"],
    ["Zoë-Ång", "Zoë Ångström"],
    ["lukasz", "Łukasz Nowak"],
    ["jurgen", "Jürgen Weber"],
    ["jogi", "Jürgen Weber"],
    ["ines", "Inês Costa"],
    ["Tomas", "Tomás Ferreira"],
    ["priya", "Priya Raman"],
    ["анна", "Анна Иванова"],
    ["李", "李伟"],
  ])("finds %s: %s first", (query, name) => {
    expect(names(query)[0]).toBe(name);
  });

  it("finds the typed letters in order, spread over the name, as Obsidian's pickers do", () => {
    expect(names("jw")).toEqual(["Jürgen Weber"]);
    expect(names("tf")).toEqual(["Tomás Ferreira"]);
    expect(names("wj")).toEqual([]);
    expect(names("xyz")).toEqual([]);
  });

  it("ranks letters together before letters spread, and a word's start before its middle", () => {
    const people = [person("Anna Gomez"), person("Li Tang"), person("Zoë Ångström")];
    expect(names("ang", people)).toEqual(["Zoë Ångström", "Li Tang", "Anna Gomez"]);
  });

  it("keeps the order given among finds that are as good", () => {
    const people = [person("Sam Okafor"), person("Sam Lee"), person("Samira Haddad")];
    expect(names("sam", people)).toEqual(["Sam Okafor", "Sam Lee", "Samira Haddad"]);
  });

  it("ranks a name before an alias found as well", () => {
    const people = [person("Robert Smith", ["Bob"]), person("Bob Jones")];
    const finds = personFinder(people).find("bob");
    expect(finds.map((f) => [f.person.name, f.text, f.alias])).toEqual([
      ["Bob Jones", "Bob Jones", false],
      ["Robert Smith", "Bob", true],
    ]);
  });

  it("finds archived people after everyone else, and leaves them out when nothing is typed", () => {
    const people = [person("Priya Raman", [], true), person("Ravi Patel"), person("Rahel Tesfaye")];
    expect(names("ra", people)).toEqual(["Ravi Patel", "Rahel Tesfaye", "Priya Raman"]);
    expect(names("", people)).toEqual(["Ravi Patel", "Rahel Tesfaye"]);
    expect(names("   ", people)).toEqual(["Ravi Patel", "Rahel Tesfaye"]);
  });

  it.each<[string, string, [number, number][]]>([
    ["Zoë Ångström", "zoe", [[0, 3]]],
    ["Zoë Ångström", "zang", [[0, 1], [4, 7]]],
    ["Zoë Ångström", "zoe angstrom", [[0, 3], [4, 12]]],
    ["Zoe\u0308 Lind", "zoe", [[0, 4]]],
    ["Anna Strauß", "strauss", [[5, 11]]],
    ["Sam 🙂 Lee", "samlee", [[0, 3], [7, 10]]],
  ])("marks where %s matches %s", (name, query, matches) => {
    expect(personFinder([person(name)]).find(query)[0]?.matches).toEqual(matches);
  });
});

describe("personNamed", () => {
  it.each([
    ["Zoe Angstrom", "Zoë Ångström"],
    ["zoe-angstrom", "Zoë Ångström"],
    ["  ZOË   ÅNGSTRÖM ", "Zoë Ångström"],
    ["Lukasz Nowak", "Łukasz Nowak"],
    ["Jogi", "Jürgen Weber"],
    ["priya raman", "Priya Raman"],
  ])("%s is %s", (typed, name) => {
    expect(personNamed(PEOPLE, typed)?.name).toBe(name);
  });

  it.each(["Zoe", "Zoe Angstrom Lind", "", "  ", "!!!"])("%j is nobody's name", (typed) => {
    expect(personNamed(PEOPLE, typed)).toBeNull();
  });

  it("prefers someone who is not archived", () => {
    const people = [person("Sam Lee", [], true), person("Sam Lée")];
    expect(personNamed(people, "sam lee")?.name).toBe("Sam Lée");
  });
});
