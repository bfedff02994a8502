import { describe, expect, it } from "vitest";
import { matchContact, nameWords, type MatchContact, type MatchPerson } from "../../src/domain/contact-match";

const person = (name: string, more: Partial<MatchPerson> = {}): MatchPerson => ({ name, aliases: [], firstName: null, lastName: null, birthday: null, ...more });

const PEOPLE = [
  person("Sam Okafor", { aliases: ["Sam"] }),
  person("李伟", { aliases: ["Li Wei", "Wei"], firstName: "伟", lastName: "李", birthday: "1994-01-08" }),
  person("José García", { birthday: "--04-02" }),
  person("Kim", { aliases: ["Robin"] }),
  person("王芳"),
  person("Robin Lee"),
  person("Anya Petrova", { aliases: ["The Boss"] }),
  person("Anna Petrova", { aliases: ["The Boss"] }),
];

function outcome(contact: Partial<MatchContact> & { name: string }): string {
  const match = matchContact({ lastName: null, birthday: null, ...contact }, PEOPLE);
  if (match.kind === "new") return "new";
  if (match.kind === "same") return `same: ${match.person.name}`;
  return `ask: ${match.candidates.map((c) => `${c.person.name} (${c.reasons.join("; ")})`).join(" | ")}`;
}

describe("matchContact", () => {
  it.each([
    // Full name, alias of two words, accents and case folded.
    [{ name: "Sam Okafor" }, "same: Sam Okafor"],
    [{ name: "sam okafor", lastName: "Okafor" }, "same: Sam Okafor"],
    [{ name: "Jose Garcia", birthday: "1990-04-02" }, "same: José García"],
    [{ name: "Li Wei", lastName: "Li", birthday: "1994-01-08" }, "same: 李伟"],
    [{ name: "Kim" }, "same: Kim"],
    [{ name: "王芳", lastName: "王" }, "same: 王芳"],
    [{ name: "李伟", lastName: "李" }, "same: 李伟"],
    [{ name: "Kim", lastName: "Kim" }, "same: Kim"],
    // Never by a first name or one-word alias alone.
    [{ name: "Sam" }, "ask: Sam Okafor (Sam is only a first name or nickname of Sam Okafor)"],
    [{ name: "José" }, "ask: José García (José is only a first name or nickname of José García)"],
    [
      { name: "Wei", birthday: "--02-02" },
      "ask: 李伟 (Wei is only a first name or nickname of 李伟; birthday --02-02 in the file, 1994-01-08 in the note of 李伟)",
    ],
    [{ name: "Robin" }, "ask: Kim (Robin is only a first name or nickname of Kim) | Robin Lee (Robin is only a first name or nickname of Robin Lee)"],
    // The names match, something else does not.
    [{ name: "José García", birthday: "--05-02" }, "ask: José García (birthday --05-02 in the file, --04-02 in the note of José García)"],
    [{ name: "Li Wei", birthday: "1995-01-08" }, "ask: 李伟 (birthday 1995-01-08 in the file, 1994-01-08 in the note of 李伟)"],
    [{ name: "Sam Okafor", lastName: "Smith" }, "ask: Sam Okafor (last name Smith, which no name of Sam Okafor has)"],
    [{ name: "Kim", lastName: "Park" }, "ask: Kim (last name Park, which no name of Kim has)"],
    [{ name: "The Boss" }, "ask: Anya Petrova () | Anna Petrova ()"],
    // Nobody.
    [{ name: "Samuel" }, "new"],
    [{ name: "Sam Smith" }, "new"],
    [{ name: "Petrova" }, "new"],
  ])("%j → %s", (contact, expected) => {
    expect(outcome(contact)).toBe(expected);
  });

  it("counts words that hold a letter or a digit: an emoji alone is no word", () => {
    expect(nameWords("🎸 Leo")).toEqual(["Leo"]);
    expect(nameWords("  Mary  Ann 🎸 ")).toEqual(["Mary", "Ann"]);
    expect(nameWords("李伟")).toEqual(["李伟"]);
  });
});
