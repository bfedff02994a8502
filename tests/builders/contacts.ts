/**
 * A Google Contacts export of 500 people, the same every time: 25 first names × 20 last names
 * (Latin, Cyrillic, Greek, Chinese), birthdays with and without a year, labels.
 * `tests/fixtures/contacts/500-contacts.csv` is this text; a test keeps the two in step.
 */
const FIRST = [
  "Anya", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Giorgos", "Hana", "Ivan", "Jun",
  "Kalani", "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
  "Ульяна", "Вера", "Ξένια", "明", "Zoë",
];
const LAST = [
  "Abara", "Bergström", "Castillo", "Dubois", "Eriksen", "Fujita", "García", "Horvat", "Ibrahim", "Jensen",
  "Kowalczyk", "Lindqvist", "Moreau", "Novak", "O'Neill", "Petrov", "Соколова", "Παππάς", "王", "Żuk",
];
const LABELS = ["Work", "Friends", "Book club", "Running", "Family"];

export const GOOGLE_HEADER =
  "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value";

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function fiveHundredContacts(): string {
  const lines = [GOOGLE_HEADER];
  let n = 0;
  for (const last of LAST) {
    for (const first of FIRST) {
      n++;
      const month = (n % 12) + 1;
      const day = (n % 28) + 1;
      const date = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const birthday = n % 3 === 0 ? `--${date}` : n % 3 === 1 ? `${1960 + (n % 40)}-${date}` : "";
      const labels = ["* myContacts", LABELS[n % LABELS.length] ?? ""].join(" ::: ");
      const cells = [first, "", last, "", "", "", "", "", "", "", "Acme", n % 4 === 0 ? "Engineer" : "", "", birthday, "", "", labels, "* Other", `person${n}@example.com`];
      lines.push(cells.map(field).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
