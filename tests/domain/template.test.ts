import fc from "fast-check";
import { parseYaml } from "obsidian";
import { describe, expect, it } from "vitest";
import {
  TEMPLATE_PLACEHOLDERS,
  renderTemplate,
  templatePlaceholders,
  unknownPlaceholders,
  type TemplateValues,
} from "../../src/domain/template";
import { RUNS } from "../properties";

const values: TemplateValues = {
  person: "Anya Petrova",
  date: "2026-11-21",
  previous_agreements: "```one-on-ones\nagreements: [[Anya Petrova]]\n```",
  talking_points: "- one\n- two",
};

describe("renderTemplate", () => {
  it.each([
    ["{{person}}", "Anya Petrova"],
    ["[[{{person}}]]", "[[Anya Petrova]]"],
    ["{{ person }}", "Anya Petrova"],
    ["{{\tdate\t}}", "2026-11-21"],
    ["{{date}}", "2026-11-21"],
    ["{{date:YYYY}}", "2026"],
    ["{{ date: DD.MM.YYYY }}", "21.11.2026"],
    ["{{date:dddd D MMMM}}", "Saturday 21 November"],
    ["{{talking_points}}", "- one\n- two"],
    ["{{title}}", "{{title}}"],
    ["{{Person}}", "{{Person}}"],
    ["{{person:upper}}", "{{person:upper}}"],
    ["{{ person", "{{ person"],
    ["{person}", "{person}"],
    ["<% tp.date.now() %>", "<% tp.date.now() %>"],
    ["$& $1 {{person}} $'", "$& $1 Anya Petrova $'"],
  ])("%j → %j", (template, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it.each([
    ['person: "[[{{person}}]]"', 'Robert "Bob" Smith', 'person: "[[Robert \\"Bob\\" Smith]]"', '[[Robert "Bob" Smith]]'],
    ["title: '1:1 with {{person}}'", "Robert \"Bob\" O'Neil", "title: '1:1 with Robert \"Bob\" O''Neil'", "1:1 with Robert \"Bob\" O'Neil"],
    ["with: {{person}}", 'Robert "Bob" Smith: PM', 'with: "Robert \\"Bob\\" Smith: PM"', 'Robert "Bob" Smith: PM'],
    ["with:\n  - {{person}}", "#Bob", 'with:\n  - "#Bob"', ["#Bob"]],
    ["note: Anya's {{person}}", "Bob", "note: Anya's Bob", "Anya's Bob"],
    ["day: {{date:dddd D MMMM}}", "Bob", "day: Saturday 21 November", "Saturday 21 November"],
    ["with: {{person}}", 'Robert "Bob" Smith', 'with: Robert "Bob" Smith', 'Robert "Bob" Smith'],
    ["date: {{date}}", "Bob", "date: 2026-11-21", "2026-11-21"],
  ])("in the template's properties, %j with %j is written so that YAML reads the value back", (line, person, written, value) => {
    const text = renderTemplate(`---\n${line}\n---\n# {{person}}\n`, { ...values, person });
    expect(text).toBe(`---\n${written}\n---\n# ${person}\n`);
    expect((parseYaml(written) as Record<string, unknown>)[line.slice(0, line.indexOf(":"))]).toEqual(value);
  });

  it("keeps multi-line values inside a callout or under an indentation", () => {
    expect(renderTemplate("> [!todo] Open\n> {{previous_agreements}}\n", values)).toBe(
      "> [!todo] Open\n> ```one-on-ones\n> agreements: [[Anya Petrova]]\n> ```\n",
    );
    expect(renderTemplate("- Topics\n  {{talking_points}}", values)).toBe("- Topics\n  - one\n  - two");
    expect(renderTemplate("Topics: {{talking_points}}", values)).toBe("Topics: - one\n- two");
  });

  it("does not add trailing spaces for empty lines inside a callout", () => {
    expect(renderTemplate("> {{talking_points}}", { ...values, talking_points: "a\n\nb" })).toBe("> a\n>\n> b");
  });

  it("writes values with the template's line endings", () => {
    expect(renderTemplate("# Mine\r\n{{talking_points}}\r\n", values)).toBe("# Mine\r\n- one\r\n- two\r\n");
  });

  it("replaces every occurrence and nothing else", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom("{{person}}", "{{ date }}", "{{x}}"), fc.stringMatching(/^[^{}]{0,8}$/)), {
          maxLength: 10,
        }),
        (parts) => {
          const rendered = renderTemplate(parts.join(""), values);
          const expected = parts
            .map((part) => (part === "{{person}}" ? values.person : part === "{{ date }}" ? values.date : part))
            .join("");
          expect(rendered).toBe(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("templatePlaceholders / unknownPlaceholders", () => {
  const template = "# {{ person }} {{date:YYYY}}\n{{title}} {{person}} {{talking_points}} {{ foo }} {{date}} {{person:x}}";

  it("lists every placeholder once, in order", () => {
    expect(templatePlaceholders(template)).toEqual(["person", "date:YYYY", "title", "talking_points", "foo", "date", "person:x"]);
  });

  it("reports what would be left as it is", () => {
    expect(unknownPlaceholders(template)).toEqual(["title", "foo", "person:x"]);
  });

  it("knows the four placeholders", () => {
    expect([...TEMPLATE_PLACEHOLDERS]).toEqual(["person", "date", "previous_agreements", "talking_points"]);
    expect(unknownPlaceholders("{{person}}{{date}}{{previous_agreements}}{{talking_points}}")).toEqual([]);
  });

  it("reports exactly what renderTemplate leaves", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("{{person}}", "{{date}}", "{{ date:YY }}", "{{nope}}", "{{talking_points}}", "text "), {
          maxLength: 8,
        }),
        (parts) => {
          const template = parts.join("");
          const rendered = renderTemplate(template, { ...values, talking_points: "tp" });
          for (const name of unknownPlaceholders(template)) expect(rendered).toContain(`{{${name}}}`);
          expect(rendered.includes("{{")).toBe(unknownPlaceholders(template).length > 0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
