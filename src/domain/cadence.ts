/**
 * How often to meet someone: `weekly`, `biweekly`, `monthly`, `quarterly`, `every 10 days`,
 * `3w`, `none`…
 */
import { addDays, addMonths, addWeeks, daysBetween, LAST_DATE, toParts } from "./dates";
import type { Cadence, CadenceUnit, IsoDate } from "./types";

export type CadenceResult = { cadence: Cadence } | { problem: string };

const NONE: Cadence = { kind: "none" };

function every(amount: number, unit: CadenceUnit): Cadence {
  return { kind: "every", amount, unit };
}

const NAMED: Record<string, Cadence> = {
  none: NONE,
  daily: every(1, "day"),
  weekly: every(1, "week"),
  biweekly: every(2, "week"),
  "bi-weekly": every(2, "week"),
  fortnightly: every(2, "week"),
  monthly: every(1, "month"),
  quarterly: every(3, "month"),
  yearly: every(12, "month"),
  annually: every(12, "month"),
};

/** The longest cadence accepted, about five years, per unit. */
const LIMITS: Record<CadenceUnit, number> = { day: 1826, week: 260, month: 60 };

const UNITS: Record<string, { unit: CadenceUnit; factor: number }> = {
  d: { unit: "day", factor: 1 },
  day: { unit: "day", factor: 1 },
  days: { unit: "day", factor: 1 },
  w: { unit: "week", factor: 1 },
  wk: { unit: "week", factor: 1 },
  wks: { unit: "week", factor: 1 },
  week: { unit: "week", factor: 1 },
  weeks: { unit: "week", factor: 1 },
  m: { unit: "month", factor: 1 },
  mo: { unit: "month", factor: 1 },
  mos: { unit: "month", factor: 1 },
  month: { unit: "month", factor: 1 },
  months: { unit: "month", factor: 1 },
  y: { unit: "month", factor: 12 },
  yr: { unit: "month", factor: 12 },
  yrs: { unit: "month", factor: 12 },
  year: { unit: "month", factor: 12 },
  years: { unit: "month", factor: 12 },
};

const HINT = 'use weekly, biweekly, monthly, quarterly, "every 10 days", 10d, 3w, 2m or none';

/** `every 2 weeks`, `every week`, `every other week`, `2 weeks`, `2w`, `2 w`. */
const EVERY = /^(?:every\s+)?(other\s+|-?\d+(?:[.,]\d+)?\s*)?([a-z]+)$/;

function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `"${short}"`;
}

/**
 * Reads a cadence property. Case and surrounding spaces do not matter. Amounts must be whole
 * numbers from 1 up to about five years. A one-element list is read as its element.
 */
export function parseCadence(value: unknown): CadenceResult {
  if (Array.isArray(value) && value.length === 1) return parseCadence(value[0]);
  if (typeof value === "number") {
    return { problem: `Cadence ${String(value)} has no unit: ${HINT}.` };
  }
  if (typeof value !== "string") {
    return { problem: `Cadence should be text such as "weekly"; ${HINT}.` };
  }
  const text = value.trim().toLowerCase().replace(/\s+/g, " ");
  if (text === "") return { problem: `Cadence is empty: ${HINT}.` };
  const named = NAMED[text];
  if (named && Object.prototype.hasOwnProperty.call(NAMED, text)) return { cadence: named };
  const m = EVERY.exec(text);
  const unit = m && Object.prototype.hasOwnProperty.call(UNITS, m[2] ?? "") ? UNITS[m[2] ?? ""] : undefined;
  if (!m || !unit) return { problem: `Cadence ${quote(value.trim())} is not understood: ${HINT}.` };
  const amountText = (m[1] ?? "").trim();
  const hasEvery = text.startsWith("every ");
  if (amountText === "" && !hasEvery) {
    // A bare unit ("week", "w") is not a cadence.
    return { problem: `Cadence ${quote(value.trim())} is not understood: ${HINT}.` };
  }
  const amount = amountText === "" ? 1 : amountText === "other" ? 2 : Number(amountText.replace(",", "."));
  if (!Number.isInteger(amount)) {
    return { problem: `Cadence ${quote(value.trim())} needs a whole number.` };
  }
  if (amount <= 0) return { problem: `Cadence ${quote(value.trim())} must be at least 1.` };
  const total = amount * unit.factor;
  if (total > LIMITS[unit.unit]) {
    return { problem: `Cadence ${quote(value.trim())} is longer than five years.` };
  }
  return { cadence: every(total, unit.unit) };
}

/** The canonical text, read back by `parseCadence` to the same cadence. */
export function formatCadence(cadence: Cadence): string {
  if (cadence.kind === "none") return "none";
  const { amount, unit } = cadence;
  if (unit === "day" && amount === 1) return "daily";
  if (unit === "week" && amount === 1) return "weekly";
  if (unit === "week" && amount === 2) return "biweekly";
  if (unit === "month" && amount === 1) return "monthly";
  if (unit === "month" && amount === 3) return "quarterly";
  return `every ${amount} ${unit}s`;
}

/**
 * The date one cadence after `date`; null for `none`, and when that day would come after the
 * calendar's last day, 9999-12-31 (there is no date to name).
 */
export function addCadence(date: IsoDate, cadence: Cadence): IsoDate | null {
  if (cadence.kind === "none") return null;
  const from = toParts(date);
  const last = toParts(LAST_DATE);
  const room = cadence.unit === "month" ? (last.year - from.year) * 12 + (last.month - from.month) : daysBetween(date, LAST_DATE);
  if (cadence.amount * (cadence.unit === "week" ? 7 : 1) > room) return null;
  switch (cadence.unit) {
    case "day":
      return addDays(date, cadence.amount);
    case "week":
      return addWeeks(date, cadence.amount);
    case "month":
      return addMonths(date, cadence.amount);
  }
}

/** Approximate length in days (a month counts 30.44 days, rounded); null for `none`. */
export function cadenceLengthDays(cadence: Cadence): number | null {
  if (cadence.kind === "none") return null;
  switch (cadence.unit) {
    case "day":
      return cadence.amount;
    case "week":
      return cadence.amount * 7;
    case "month":
      return Math.round(cadence.amount * 30.44);
  }
}

export function sameCadence(a: Cadence, b: Cadence): boolean {
  if (a.kind === "none" || b.kind === "none") return a.kind === b.kind;
  return a.amount === b.amount && a.unit === b.unit;
}
