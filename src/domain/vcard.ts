/**
 * vCard files (RFC 2426 version 3, RFC 6350 version 4) read with ical.js, and written as vCard 4.
 *
 * Reading: the file is cut into cards first, and each card is parsed on its own, so that one
 * broken card is listed (with ical.js's reason) and the others are still read. Version 2.1 cards
 * are read too when they parse; their quoted-printable values are decoded.
 *
 * Writing: vCard 4.0, CRLF line endings, N (family;given) from the first and last name properties,
 * else from the name's parts (a one-word name is a given name alone: `N:;🎸 Leo;;;`), text escaped (`\\`, `\,`, `\n`; `\;` in N and ORG), lines folded at
 * 75 octets without splitting a character or an escape. The relationship goes into
 * `X-ONE-ON-ONES-RELATIONSHIP`, which other programs ignore.
 */
import ICAL from "ical.js";
import { birthdayValue, cleanText, composeName, nameParts, nonEmpty, parseBirthday, parseRelationship, toTags, uniqueTexts, usableName } from "./contacts";
import type { BadRow, Contact, ContactsRead, ExportContact } from "./contacts";

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

const RELATIONSHIP_PROPERTY = "x-one-on-ones-relationship";

interface Block {
  card: number;
  line: number;
  lines: string[];
}

/** Cuts the text into `BEGIN:VCARD` … `END:VCARD` blocks; text outside them is reported. */
function cutCards(text: string, bad: BadRow[]): Block[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let stray: number | null = null;
  let cards = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const trimmed = line.trim().toUpperCase();
    if (trimmed === "BEGIN:VCARD") {
      if (current) bad.push({ row: current.card, label: `Card ${current.card}`, reason: "It never ends (no END:VCARD before the next card)." });
      cards++;
      current = { card: cards, line: index + 1, lines: [line] };
      continue;
    }
    if (current === null) {
      if (line.trim() !== "" && stray === null) stray = index + 1;
      continue;
    }
    // Blank lines inside a card are not content lines; ical.js would refuse them.
    if (line.trim() !== "") current.lines.push(line);
    if (trimmed === "END:VCARD") {
      blocks.push(current);
      current = null;
    }
  }
  if (current) bad.push({ row: current.card, label: `Card ${current.card}`, reason: "It never ends (no END:VCARD): the file may be cut short." });
  if (stray !== null) bad.push({ row: 0, label: `Line ${stray}`, reason: "Text outside any vCard (BEGIN:VCARD … END:VCARD) was ignored." });
  return blocks;
}

/** Joins the soft line breaks (`=` at the end) of quoted-printable values (vCard 2.1). */
function joinQuotedPrintable(lines: string[]): string[] {
  const out: string[] = [];
  let joining = false;
  for (const line of lines) {
    if (joining && out.length > 0) out[out.length - 1] = (out[out.length - 1] ?? "").slice(0, -1) + line;
    else out.push(line);
    const last = out[out.length - 1] ?? "";
    joining = /QUOTED-PRINTABLE/i.test(last.slice(0, Math.max(0, last.indexOf(":")))) && last.endsWith("=");
  }
  return out;
}

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const byte of new TextEncoder().encode(text[i] ?? "")) bytes.push(byte);
    }
  }
  try {
    return new TextDecoder(charset || "utf-8").decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder("utf-8").decode(new Uint8Array(bytes));
  }
}

/** The values of a property as text: structured values flattened to their parts. */
function texts(property: JCardProperty): (string | string[])[] {
  const params = property[1];
  const qp = typeof params.encoding === "string" && params.encoding.toLowerCase() === "quoted-printable";
  const charset = typeof params.charset === "string" ? params.charset : "utf-8";
  const decode = (value: unknown): string => {
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
    return qp ? decodeQuotedPrintable(text, charset) : text;
  };
  // ical.js keeps `\;` in plain text values, where vCard 3 writers must (and vCard 4 ones may) escape
  // `;`. After it, a literal backslash before a bare `;` looks the same and loses its backslash.
  const plain = (value: unknown): string => decode(value).replace(/\\;/g, ";");
  return property.slice(3).map((value) => (Array.isArray(value) ? value.map((part) => (Array.isArray(part) ? part.map(decode).join(" ") : decode(part))) : plain(value)));
}

function first(props: JCardProperty[], name: string): JCardProperty | undefined {
  return props.find((p) => p[0] === name);
}

function firstText(props: JCardProperty[], name: string): string | null {
  const property = first(props, name);
  if (!property) return null;
  const value = texts(property)[0];
  return nonEmpty(Array.isArray(value) ? value.join(" ") : value);
}

function listValues(props: JCardProperty[], name: string): string[] {
  const out: string[] = [];
  for (const property of props.filter((p) => p[0] === name)) {
    for (const value of texts(property)) out.push(...(Array.isArray(value) ? value : [value]));
  }
  return out;
}

/** The raw text after the colon of a card's first `BDAY` line (for a message in the user's words). */
function rawBirthday(lines: string[]): string | null {
  const line = lines.find((l) => /^(?:[\w-]+\.)?BDAY[;:]/i.test(l));
  return line === undefined ? null : line.slice(line.indexOf(":") + 1);
}

function readBirthday(props: JCardProperty[], lines: string[], warnings: string[]): string | null {
  const property = first(props, "bday");
  if (!property) return null;
  const value = property[3];
  const text = typeof value === "string" ? value : "";
  let result = parseBirthday(text);
  if (result.value === null && result.problem !== null) {
    const raw = rawBirthday(lines);
    if (raw !== null) result = parseBirthday(raw);
  }
  if (result.problem !== null) {
    warnings.push(result.problem);
    return null;
  }
  // Apple writes a birthday without a year as year 1604 with X-APPLE-OMIT-YEAR=1604.
  const omit = property[1]["x-apple-omit-year"];
  if (result.value !== null && (typeof omit === "string" || typeof omit === "number") && result.value.startsWith(`${omit}-`)) {
    return `--${result.value.slice(5)}`;
  }
  return result.value;
}

function readCard(block: Block, bad: BadRow[]): Contact | null {
  const label = `Card ${block.card}`;
  let parsed: unknown;
  try {
    parsed = ICAL.parse(joinQuotedPrintable(block.lines).join("\r\n") + "\r\n");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    bad.push({ row: block.card, label, reason: `It cannot be read: ${message}.` });
    return null;
  }
  const card = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[];
  if (!Array.isArray(card) || card[0] !== "vcard" || !Array.isArray(card[1])) {
    bad.push({ row: block.card, label, reason: "It is not a vCard." });
    return null;
  }
  const props = (card[1] as unknown[]).filter((p): p is JCardProperty => Array.isArray(p) && typeof p[0] === "string");
  const kind = firstText(props, "kind")?.toLowerCase() ?? "individual";
  const showAs = firstText(props, "x-abshowas")?.toLowerCase();
  if (kind === "group" || kind === "org" || kind === "location" || showAs === "company") {
    const what = kind === "group" ? "a group" : kind === "location" ? "a place" : "an organization";
    bad.push({ row: block.card, label, reason: `${firstText(props, "fn") ?? "It"} is ${what}, not a person.` });
    return null;
  }

  const n = first(props, "n");
  const parts = n ? texts(n)[0] : undefined;
  const nParts = Array.isArray(parts) ? parts : typeof parts === "string" ? [parts] : [];
  const lastName = nonEmpty(nParts[0]);
  const firstName = nonEmpty(nParts[1]);
  const middle = nonEmpty(nParts[2]);
  const name = cleanText(firstText(props, "fn") ?? composeName(firstName, middle, lastName));
  if (!usableName(name)) {
    bad.push({ row: block.card, label, reason: name === "" ? "It has no name (FN or N)." : `Its name "${name}" cannot be used as a note name.` });
    return null;
  }
  const warnings: string[] = [];
  const birthday = readBirthday(props, block.lines, warnings);
  const org = first(props, "org");
  const orgParts = org ? texts(org).flatMap((v) => (Array.isArray(v) ? v : [v])) : [];
  const units = orgParts.map(cleanText).filter((p) => p !== "");
  const relationshipText = firstText(props, RELATIONSHIP_PROPERTY);
  const relationship = parseRelationship(relationshipText);
  if (relationshipText !== null && relationship === null) warnings.push(`Relationship "${relationshipText}" is unknown; it was left out.`);
  return {
    row: block.card,
    label,
    name,
    firstName,
    lastName,
    aliases: uniqueTexts(listValues(props, "nickname")),
    birthday,
    relationship,
    role: firstText(props, "title") ?? firstText(props, "role"),
    team: units.length > 0 ? (units[units.length - 1] ?? null) : null,
    tags: toTags(listValues(props, "categories")),
    warnings,
  };
}

/** Reads every card of a vCard file; cards that cannot be read are listed with the reason. */
export function parseVCards(text: string): ContactsRead {
  const bad: BadRow[] = [];
  const contacts: Contact[] = [];
  for (const block of cutCards(text, bad)) {
    const contact = readCard(block, bad);
    if (contact) contacts.push(contact);
  }
  if (contacts.length === 0 && bad.length === 0) {
    bad.push({ row: 0, label: "File", reason: "No vCard in it (nothing between BEGIN:VCARD and END:VCARD)." });
  }
  bad.sort((a, b) => a.row - b.row);
  return { contacts, bad };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A text value escaped for vCard 4: backslash, comma and line breaks (RFC 6350 allows a bare `;`). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** A component of a structured value (N, ORG): a semicolon separates components, so it is escaped too. */
export function escapeComponent(text: string): string {
  return escapeText(text).replace(/;/g, "\\;");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * A content line folded at 75 octets (RFC 6350 3.2): continuation lines start with a space,
 * which counts. Never splits a UTF-8 character or a backslash escape.
 */
export function foldLine(line: string): string {
  const tokens: string[] = [];
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "\\" && i + 1 < chars.length) {
      tokens.push(`\\${chars[i + 1] ?? ""}`);
      i++;
    } else tokens.push(chars[i] ?? "");
  }
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const token of tokens) {
    const size = Array.from(token).reduce((sum, c) => sum + utf8Length(c), 0);
    if (octets + size > 75) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += token;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

function birthdayText(contact: ExportContact): string | null {
  if (!contact.birthday) return null;
  const value = birthdayValue(contact.birthday);
  return value.startsWith("--") ? `--${value.slice(2).replace("-", "")}` : value.replace(/-/g, "");
}

/** One vCard 4.0 per person, CRLF line endings, folded lines. */
export function toVCard(contacts: readonly ExportContact[]): string {
  let out = "";
  for (const contact of contacts) {
    const lines = ["BEGIN:VCARD", "VERSION:4.0", `FN:${escapeText(contact.name)}`];
    const parts = nameParts(contact.name);
    lines.push(`N:${escapeComponent(contact.lastName ?? parts.family ?? "")};${escapeComponent(contact.firstName ?? parts.given)};;;`);
    const aliases = contact.aliases.filter((a) => a.trim() !== "");
    if (aliases.length > 0) lines.push(`NICKNAME:${aliases.map(escapeText).join(",")}`);
    const bday = birthdayText(contact);
    if (bday) lines.push(`BDAY:${bday}`);
    if (contact.role) lines.push(`TITLE:${escapeText(contact.role)}`);
    if (contact.team) lines.push(`ORG:${escapeComponent(contact.team)}`);
    if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(",")}`);
    if (contact.relationship) lines.push(`${RELATIONSHIP_PROPERTY.toUpperCase()}:${escapeText(contact.relationship)}`);
    lines.push("END:VCARD");
    out += lines.map(foldLine).join("\r\n") + "\r\n";
  }
  return out;
}
