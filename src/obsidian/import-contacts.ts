/** What **Import contacts…** writes, and how its preview speaks of a plan. */
import type { App } from "obsidian";
import type { ImportAnswer, ImportPlan, ImportQuestion } from "../domain/contacts-plan";
import { fillEmptyProperties } from "../domain/person-note";
import type { PeopleIndex } from "../index/people-index";
import { describe, type NoteWriter } from "./note-writer";

export interface ImportContext {
  app: App;
  index: PeopleIndex;
  writer: NoteWriter;
  peopleFolder: () => string;
  queueHeading: string;
}

export const CONTACT_EXTENSIONS = ["vcf", "vcard", "csv"];

/** What kind of contacts file: by its extension, else by its first line. */
export function contactsFileKind(name: string, text: string): "vcard" | "csv" {
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  if (extension === "vcf" || extension === "vcard") return "vcard";
  if (extension === "csv") return "csv";
  return /^\s*BEGIN:VCARD/i.test(text.replace(/^\uFEFF/, "")) ? "vcard" : "csv";
}

export interface ImportOutcome {
  created: number;
  updated: number;
  failures: string[];
}

/** Creates the new person notes and fills the empty properties of the matched ones. */
export async function applyImport(ctx: ImportContext, plan: ImportPlan): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { created: 0, updated: 0, failures: [] };
  for (const create of plan.creates) {
    try {
      const file = await ctx.writer.create(create.path, create.text);
      if (file) outcome.created++;
      else outcome.failures.push(`"${create.path}" exists already; ${create.name} was not created.`);
    } catch (error) {
      outcome.failures.push(`Could not create "${create.path}": ${describe(error)}.`);
    }
  }
  for (const update of plan.updates) {
    const file = ctx.writer.file(update.path);
    if (!file) {
      outcome.failures.push(`The note of ${update.name} is gone; it was not updated.`);
      continue;
    }
    let set = 0;
    const ok = await ctx.writer.setProperties(file, (frontmatter) => {
      set = fillEmptyProperties(frontmatter, update.values).length;
    });
    if (!ok) outcome.failures.push(`The note of ${update.name} could not be updated.`);
    else if (set > 0) outcome.updated++;
  }
  return outcome;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : plural(n, one, many);
}

/** "3 new people, 1 update, 2 unchanged, 1 skipped", and ", 1 to decide" when there are questions. */
export function importSummary(plan: ImportPlan): string {
  const parts = [
    plural(plan.creates.length, "new person", "new people"),
    plural(plan.updates.length, "update"),
    `${plan.unchanged.length} unchanged`,
    `${plan.skipped.length} skipped`,
  ];
  if (plan.questions.length > 0) parts.push(`${plan.questions.length} to decide`);
  return parts.join(", ");
}

/** Why the preview asks about a contact: "Sam is only a first name or nickname of Sam Okafor; …". */
export function questionReasons(question: ImportQuestion): string {
  const reasons = question.candidates.flatMap((c) => c.reasons);
  if (question.candidates.length > 1) reasons.unshift(`it may be any of ${question.candidates.map((c) => c.name).join(", ")}`);
  const text = reasons.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

/** The choices for a question, as dropdown value and label; the first (leave out) is the default. */
export function questionChoices(question: ImportQuestion): { value: string; label: string; answer: ImportAnswer }[] {
  const choices: { value: string; label: string; answer: ImportAnswer }[] = [{ value: "skip", label: "Leave out", answer: { kind: "skip" } }];
  for (const candidate of question.candidates) {
    const keys = Object.keys(candidate.values);
    const adds = keys.length === 0 ? "nothing to add" : `adds ${keys.join(", ")}`;
    choices.push({ value: `person:${candidate.path}`, label: `Same as ${candidate.name} (${adds})`, answer: { kind: "person", path: candidate.path } });
  }
  if (question.create) choices.push({ value: "new", label: `New person → ${question.create.path}`, answer: { kind: "new" } });
  return choices;
}
