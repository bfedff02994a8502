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

/**
 * What moment (behind Obsidian's core Templates) writes for a date, worked out here by the
 * calendar rules, in its default English locale: weeks run Sunday to Saturday and week 1 holds
 * January 1st; ISO weeks run Monday to Sunday and week 1 holds the year's first Thursday. A date
 * stands for noon of its day, local time.
 */
function momentTokens(date: string): Record<string, string> {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day);
  const weekday = new Date(utc).getUTCDay(); // 0 = Sunday
  const dayMs = 86_400_000;
  /** The week of the year the given day of that week falls in, and that year. */
  const weekBy = (anchor: number) => {
    const anchorYear = new Date(anchor).getUTCFullYear();
    const dayOfYear = Math.round((anchor - Date.UTC(anchorYear, 0, 1)) / dayMs) + 1;
    return { week: Math.ceil(dayOfYear / 7), year: anchorYear };
  };
  const iso = weekBy(utc + (4 - (weekday === 0 ? 7 : weekday)) * dayMs); // that week's Thursday
  const locale = weekBy(utc + (6 - weekday) * dayMs); // that week's Saturday
  const suffix = day % 10 === 1 && day !== 11 ? "st" : day % 10 === 2 && day !== 12 ? "nd" : day % 10 === 3 && day !== 13 ? "rd" : "th";
  const noon = new Date(year, month - 1, day, 12);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    Do: `${day}${suffix}`,
    Q: String(Math.ceil(month / 3)),
    w: String(locale.week),
    ww: pad(locale.week),
    gggg: String(locale.year),
    W: String(iso.week),
    WW: pad(iso.week),
    GGGG: String(iso.year),
    X: String(Math.floor(noon.getTime() / 1000)),
    x: String(noon.getTime()),
    k: String(noon.getHours()),
    kk: pad(noon.getHours()),
  };
}

describe("{{date:…}} with moment's tokens, as Obsidian's Templates writes them", () => {
  const render = (date: string, format: string) => renderTemplate(`{{date:${format}}}`, { ...values, date });

  it.each([
    ["2026-12-07", "Do MMMM", "7th December"],
    ["2026-12-21", "dddd, MMMM Do", "Monday, December 21st"],
    ["2026-11-22", "Do", "22nd"],
    ["2026-11-23", "Do", "23rd"],
    ["2026-11-11", "Do", "11th"],
    ["2026-11-12", "Do", "12th"],
    ["2026-11-13", "Do", "13th"],
    ["2026-05-01", "YYYY-[Q]Q", "2026-Q2"],
    ["2026-12-07", "gggg-[W]ww", "2026-W50"],
    ["2026-12-07", "GGGG-[W]WW", "2026-W50"],
    // Across the turn of the year: ISO's 2020-W53 and week 1 of 2021; moment's week 1 of 2025.
    ["2021-01-01", "GGGG-[W]WW gggg-[w]w", "2020-W53 2021-w1"],
    ["2024-12-29", "GGGG-[W]WW gggg-[w]ww", "2024-W52 2025-w01"],
    ["2027-01-01", "[Q]Q [W]W", "Q1 W53"],
  ])("%s as %j is %j", (date, format, expected) => {
    expect(render(date, format)).toBe(expected);
  });

  it("writes the time zone's name for z, and never fails on any format", () => {
    expect(render("2026-12-07", "z")).toMatch(/^\S+$/);
    expect(render("2026-12-07", "zzz")).not.toBe("");
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (format) => {
        expect(typeof render("2026-12-07", format.replace(/[{}\r\n]/g, ""))).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("writes every advanced token as moment would, on any date", () => {
    const tokens = Object.keys(momentTokens("2026-01-01"));
    // Meeting dates from 2000 on: before, a few zones changed their clocks in ways dayjs does not
    // count weeks through (Kiritimati skipped 31 December 1994; Chile's offset was in seconds).
    const dates = fc
      .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, (date) => {
        const expected = momentTokens(date);
        // Each token in brackets-free isolation, separated by a literal `|`.
        expect(render(date, tokens.join("[|]")).split("|")).toEqual(tokens.map((t) => expected[t]));
      }),
      { numRuns: RUNS },
    );
  });
});
