import type { PersonRow } from "../domain/view-models";

const hidden = new WeakMap<PersonRow, PersonRow>();

/**
 * The rows without personal details (birthdays), for discreet mode. Each row keeps one stand-in,
 * so the views' per-row caches stay valid.
 */
export function withoutPersonalDetails(rows: PersonRow[]): PersonRow[] {
  return rows.map((row) => {
    let stand = hidden.get(row);
    if (!stand) hidden.set(row, (stand = { ...row, nextBirthday: null }));
    return stand;
  });
}
