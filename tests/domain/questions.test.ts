import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUESTIONS,
  formatQuestionBank,
  parseQuestionBank,
  questionThemes,
  readQuestionBank,
} from "../../src/domain/questions";
import type { Question } from "../../src/domain/types";
import { RUNS } from "../properties";

describe("DEFAULT_QUESTIONS", () => {
  it("has at least 30 questions in the five themes", () => {
    expect(DEFAULT_QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(questionThemes(DEFAULT_QUESTIONS)).toEqual([
      "Wellbeing",
      "Work and blockers",
      "Growth and career",
      "Feedback",
      "Relationship",
    ]);
    for (const theme of questionThemes(DEFAULT_QUESTIONS)) {
      expect(DEFAULT_QUESTIONS.filter((q) => q.theme === theme).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("asks real, distinct, one-line questions", () => {
    const texts = DEFAULT_QUESTIONS.map((q) => q.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) {
      expect(text).toMatch(/^[A-Z].*\?$/);
      expect(text).not.toMatch(/[\r\n]/);
      expect(text.length).toBeLessThan(100);
    }
  });

  it("survives a trip through the settings text area", () => {
    expect(parseQuestionBank(formatQuestionBank(DEFAULT_QUESTIONS))).toEqual(DEFAULT_QUESTIONS);
  });
});

describe("questionThemes", () => {
  it("lists themes in order of first appearance", () => {
    const questions: Question[] = [
      { theme: "B", text: "1" },
      { theme: "A", text: "2" },
      { theme: "B", text: "3" },
    ];
    expect(questionThemes(questions)).toEqual(["B", "A"]);
    expect(questionThemes([])).toEqual([]);
  });
});

describe("formatQuestionBank", () => {
  it("groups questions under their theme", () => {
    const questions: Question[] = [
      { theme: "Wellbeing", text: "How are you?" },
      { theme: "Growth", text: "What next?" },
      { theme: "Wellbeing", text: "Sleeping  well?\n" },
    ];
    expect(formatQuestionBank(questions)).toBe(
      "## Wellbeing\n- How are you?\n- Sleeping well?\n\n## Growth\n- What next?\n",
    );
    expect(formatQuestionBank([])).toBe("");
  });
});

describe("readQuestionBank", () => {
  it("reads themes and questions, reporting what it cannot use", () => {
    const text = [
      "- Before any theme?",
      "## Wellbeing",
      "- How are you?",
      "* Starred?",
      "1. Numbered?",
      "",
      "just a line",
      "-   ",
      "- How are you?",
      "#",
      "### Growth  ",
      "  - Indented?",
    ].join("\r\n");
    const { questions, problems } = readQuestionBank(text);
    expect(questions).toEqual([
      { theme: "Other", text: "Before any theme?" },
      { theme: "Wellbeing", text: "How are you?" },
      { theme: "Wellbeing", text: "Starred?" },
      { theme: "Wellbeing", text: "Numbered?" },
      { theme: "Growth", text: "Indented?" },
    ]);
    expect(problems.map((p) => p.field)).toEqual(["line 7", "line 8", "line 9", "line 10"]);
    expect(problems[0]?.message).toContain("just a line");
  });

  it("is empty for an empty text", () => {
    expect(readQuestionBank("")).toEqual({ questions: [], problems: [] });
  });

  it("parse ∘ format keeps every question, grouped by theme (property)", () => {
    const word = fc
      .stringMatching(/^[A-Za-z][A-Za-z ,'?-]{0,20}$/)
      .map((s) => s.replace(/\s+/g, " ").trim())
      .filter((s) => s !== "");
    fc.assert(
      fc.property(fc.array(fc.record({ theme: word, text: word }), { maxLength: 20 }), (questions) => {
        const unique = questions.filter(
          (q, i) => questions.findIndex((o) => o.theme === q.theme && o.text === q.text) === i,
        );
        const grouped = questionThemes(unique).flatMap((theme) => unique.filter((q) => q.theme === theme));
        const { questions: back, problems } = readQuestionBank(formatQuestionBank(unique));
        expect(back).toEqual(grouped);
        expect(problems).toEqual([]);
        expect(formatQuestionBank(back)).toBe(formatQuestionBank(unique));
      }),
      { numRuns: RUNS },
    );
  });
});
