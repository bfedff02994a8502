/**
 * The question bank: prompts to pick from during a 1:1, grouped by theme. In settings the bank is
 * edited as text, one `## Theme` line followed by its `- question` lines.
 */
import { atxHeading, isBlank, listMarker, textLines } from "./markdown";
import type { Problem, Question } from "./types";

const q = (theme: string, texts: string[]): Question[] => texts.map((text) => ({ theme, text }));

export const DEFAULT_QUESTIONS: Question[] = [
  ...q("Wellbeing", [
    "What has given you energy lately, and what has drained it?",
    "How easy has it been to switch off at the end of the day?",
    "Is anything outside work weighing on you that I should know about?",
    "When did you last take a real break?",
    "What would make next week feel lighter?",
    "What are you looking forward to this month?",
    "How is your workload compared with a month ago?",
  ]),
  ...q("Work and blockers", [
    "What is slowing you down right now?",
    "Which decision are you waiting for, and from whom?",
    "What is on your plate that should not be?",
    "Where is it unclear what done looks like?",
    "If you could drop one meeting or task, which would it be?",
    "What did you finish recently that you are proud of?",
    "Do you see a risk that nobody is talking about yet?",
    "What do you need from me before we meet again?",
  ]),
  ...q("Growth and career", [
    "What would you like to be doing more of a year from now?",
    "Which skill would you like to get better at next?",
    "What kind of work makes you lose track of time?",
    "Who would you like to learn from, here or elsewhere?",
    "What project would stretch you in a good way?",
    "Where would you like your role to go, and how can I help?",
    "What have you learned since we last talked?",
    "What would you like to try that you have not had the chance to?",
  ]),
  ...q("Feedback", [
    "What is one thing I could do differently to support you better?",
    "How did the feedback you got recently land with you?",
    "Is there feedback you have been holding back, for me or for someone else?",
    "What does the team do well that we should protect?",
    "When did you last feel your work was noticed?",
    "How do you prefer to get feedback: in the moment, in writing, or here?",
    "What should I keep doing as your manager?",
  ]),
  ...q("Relationship", [
    "What has been the best part of your month?",
    "What have you been thinking about a lot lately?",
    "What are you reading, watching or listening to at the moment?",
    "Is there something you would like us to do together next time?",
    "What has been hard lately that you have not talked about much?",
    "Who has been good company for you recently?",
    "What are you planning for the months ahead?",
    "What made you laugh this week?",
    "Is there anything about how we talk or meet that you would change?",
  ]),
];

/** The theme of questions written before any theme line. */
export const DEFAULT_THEME = "Other";

/** The themes in order of first appearance. */
export function questionThemes(questions: readonly Question[]): string[] {
  const themes: string[] = [];
  for (const question of questions) if (!themes.includes(question.theme)) themes.push(question.theme);
  return themes;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface QuestionBankReading {
  questions: Question[];
  problems: Problem[];
}

/**
 * Reads the bank as edited in settings. Accepted: heading lines (`## Theme`, any level) and list
 * items (`- question`, `* `, `1. `); blank lines. Questions before any theme go under "Other".
 * Anything else, empty items and repeated questions are left out and reported.
 */
export function readQuestionBank(text: string): QuestionBankReading {
  const questions: Question[] = [];
  const problems: Problem[] = [];
  let theme = DEFAULT_THEME;
  textLines(text).forEach((raw, index) => {
    const field = `line ${index + 1}`;
    if (isBlank(raw)) return;
    const heading = atxHeading(raw);
    if (heading) {
      const name = oneLine(heading.text);
      if (name === "") problems.push({ field, message: "A theme line without a theme name was ignored." });
      else theme = name;
      return;
    }
    const marker = listMarker(raw);
    if (!marker) {
      problems.push({ field, message: `Not a theme ("## Theme") or a question ("- Question"): ${oneLine(raw)}` });
      return;
    }
    const question = oneLine(raw.slice(marker.prefix.length));
    if (question === "") {
      problems.push({ field, message: "An empty question was ignored." });
      return;
    }
    if (questions.some((other) => other.theme === theme && other.text === question)) {
      problems.push({ field, message: `A repeated question was ignored: ${question}` });
      return;
    }
    questions.push({ theme, text: question });
  });
  return { questions, problems };
}

export function parseQuestionBank(text: string): Question[] {
  return readQuestionBank(text).questions;
}

/** The bank as text: themes in order of first appearance, each with its questions. */
export function formatQuestionBank(questions: readonly Question[]): string {
  const blocks = questionThemes(questions).map((theme) => {
    const lines = [`## ${oneLine(theme) || DEFAULT_THEME}`];
    for (const question of questions) {
      if (question.theme === theme && oneLine(question.text) !== "") lines.push(`- ${oneLine(question.text)}`);
    }
    return lines.join("\n");
  });
  return blocks.length === 0 ? "" : blocks.join("\n\n") + "\n";
}
