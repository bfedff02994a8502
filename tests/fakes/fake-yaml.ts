// YAML and front matter as Obsidian handles them: `parseYaml`, `stringifyYaml`,
// `getFrontMatterInfo`, and the text transformation behind `FileManager.processFrontMatter`.
//
// Output rules (Obsidian re-serializes the whole front matter block; so does the fake):
// - block style: `key: value`, one key per line, in the object's key order (new keys last);
// - lists as `key:` followed by `  - item` lines, nested maps indented by two spaces; empty
//   lists and maps as `[]` and `{}`;
// - strings plain unless that would change their meaning: then in double quotes ("[[Anya]]",
//   "#tag", "a: b", "123", "true", "yes", ""); multi-line strings as `|` literal blocks;
// - numbers and booleans plain; null as `null`; Date objects as ISO timestamps; keys whose
//   value is undefined are left out; no line folding, however long a line is;
// - comments and flow style (`[a, b]`) of the original block are not kept (as in Obsidian);
// - the block's line ending is the file's (CRLF stays CRLF); the body is never touched.
import type * as O from "obsidian";
import { Document, parse, visit } from "yaml";

/** YAML 1.1 readers (and js-yaml's dumper) treat these as booleans: always quote them. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export const parseYaml: typeof O.parseYaml = (yaml: string) =>
  parse(yaml, { schema: "core", logLevel: "error", prettyErrors: true }) as unknown;

export const stringifyYaml: typeof O.stringifyYaml = (obj: unknown) => {
  const doc = new Document(obj, { schema: "core" });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && YAML11_BOOLEAN.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = doc.toString({ lineWidth: 0, indentSeq: true, singleQuote: false, nullStr: "null" });
  return text === "{}\n" ? "" : text;
};

export const getFrontMatterInfo: typeof O.getFrontMatterInfo = (content: string) => {
  const opening = /^---[ \t]*\r?\n/.exec(content);
  const none = { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
  if (!opening) return none;
  const from = opening[0].length;
  for (let pos = from; pos <= content.length; ) {
    const lineEnd = content.indexOf("\n", pos);
    const end = lineEnd === -1 ? content.length : lineEnd;
    if (/^---[ \t]*\r?$/.test(content.slice(pos, end))) {
      return {
        exists: true,
        frontmatter: content.slice(from, pos),
        from,
        to: pos,
        contentStart: lineEnd === -1 ? content.length : lineEnd + 1,
      };
    }
    if (lineEnd === -1) break;
    pos = lineEnd + 1;
  }
  return none;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Applies `fn` to the parsed front matter of `text` and returns the new text. Throws, leaving the
 * caller to write nothing, when the YAML is malformed or is not a map, or when `fn` throws.
 */
export function applyFrontMatter(text: string, fn: (frontmatter: Record<string, unknown>) => void): string {
  const info = getFrontMatterInfo(text);
  let data: Record<string, unknown> = {};
  if (info.exists) {
    const parsed = parseYaml(info.frontmatter) as unknown;
    if (parsed !== null && parsed !== undefined && !isPlainObject(parsed)) {
      throw new Error("Front matter is not a map of properties.");
    }
    data = parsed ?? {};
  }
  fn(data);
  const eol = info.exists ? (text.slice(0, info.from).endsWith("\r\n") ? "\r\n" : "\n") : firstEol(text);
  const yaml = stringifyYaml(data).replace(/\n/g, eol);
  if (!info.exists) {
    if (yaml === "") return text;
    return `---${eol}${yaml}---${eol}${text}`;
  }
  const closingLine = text.slice(info.to, info.contentStart);
  const closingEol = closingLine.endsWith("\r\n") ? "\r\n" : closingLine.endsWith("\n") ? "\n" : "";
  return `---${eol}${yaml}---${closingEol}${text.slice(info.contentStart)}`;
}

function firstEol(text: string): string {
  const lf = text.indexOf("\n");
  return lf > 0 && text[lf - 1] === "\r" ? "\r\n" : "\n";
}
