/**
 * One string for many equal ones. The index keeps tens of thousands of dates and names that are
 * cut out of paths and properties, each a string of its own: the same few hundred dates and
 * names, kept once.
 */
const pool = new Map<string, string>();

/** How many texts the pool remembers before it starts again (it only saves memory). */
const POOL_SIZE = 20_000;

export function interned(text: string): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  if (pool.size >= POOL_SIZE) pool.clear();
  pool.set(text, text);
  return text;
}

export function internedOrNull(text: string | null): string | null {
  return text === null ? null : interned(text);
}
