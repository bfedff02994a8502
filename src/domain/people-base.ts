/**
 * A `.base` file (Obsidian's Bases) that shows the person notes with their key properties, for
 * users who like to browse their people there too. Plain YAML text.
 *
 * Only Markdown notes are people: a picture or the base itself in the people folder is not.
 * The birthday column shows the birthday as text, a full date as `YYYY-MM-DD` and one without a
 * year as written (`--04-02`): a `birthday` property of the Date type cannot hold a date without a
 * year, and the note keeps the form Dataview and the plugin read.
 */

export interface PeopleBaseOptions {
  peopleFolder: string;
  personTags: string[];
}

/** A YAML double-quoted string holding a Bases expression string literal. */
function literal(text: string): string {
  return JSON.stringify(text);
}

function expression(text: string): string {
  // Expressions contain quotes: single-quote the YAML scalar, doubling any single quote.
  return `'${text.replace(/'/g, "''")}'`;
}

export function peopleBase(options: PeopleBaseOptions): string {
  const conditions = [expression(`type == ${literal("person")}`)];
  if (options.peopleFolder) conditions.push(expression(`file.inFolder(${literal(options.peopleFolder)})`));
  for (const tag of options.personTags) conditions.push(expression(`file.hasTag(${literal(tag)})`));
  const columns = [
    "file.name",
    "note.relationship",
    "note.role",
    "note.team",
    "note.cadence",
    "note.last-seen",
    "formula.birthday",
    "note.tags",
  ];
  const view = (name: string, filter: string | null) => [
    "  - type: table",
    `    name: ${name}`,
    ...(filter ? ["    filters:", "      and:", `        - ${expression(filter)}`] : []),
    "    order:",
    ...columns.map((column) => `      - ${column}`),
    "    sort:",
    "      - property: note.last-seen",
    "        direction: ASC",
  ];
  const colleagues = ["report", "manager", "peer", "skip", "mentor", "mentee"].map((r) => `relationship == ${literal(r)}`);
  const birthday = 'if(birthday, if(birthday.isType("date"), birthday.format("YYYY-MM-DD"), birthday.toString()), "")';
  return [
    "filters:",
    "  and:",
    `    - ${expression(`file.ext == ${literal("md")}`)}`,
    "    - or:",
    ...conditions.map((condition) => `        - ${condition}`),
    "formulas:",
    `  birthday: ${expression(birthday)}`,
    "properties:",
    "  note.last-seen:",
    "    displayName: Last seen",
    "  note.relationship:",
    "    displayName: Relationship",
    "  formula.birthday:",
    "    displayName: Birthday",
    "views:",
    ...view("People", null),
    ...view("Colleagues", colleagues.join(" || ")),
    ...view("Friends and family", `relationship == ${literal("friend")} || relationship == ${literal("family")}`),
    "",
  ].join("\n");
}
