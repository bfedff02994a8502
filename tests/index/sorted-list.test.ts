import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedList } from "../../src/index/sorted-list";

interface Item {
  key: number;
  id: number;
}

const compare = (a: Item, b: Item) => a.key - b.key || a.id - b.id;

describe("SortedList", () => {
  it("holds what a sort of the items added and not removed gives, read at any time", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("add", "remove", "read"), fc.nat(40), fc.nat(500)), { maxLength: 400 }),
        (ops) => {
          const list = new SortedList<Item>(compare);
          const live = new Set<Item>();
          let id = 0;
          for (const [op, key, pick] of ops) {
            if (op === "add") {
              const item = { key, id: id++ };
              live.add(item);
              list.add(item);
            } else if (op === "remove" && live.size > 0) {
              const item = [...live][pick % live.size] as Item;
              live.delete(item);
              list.remove(item);
            } else {
              const version = list.version;
              const read = list.get();
              expect(read).toEqual([...live].sort(compare));
              const changed = list.version;
              expect(changed).toBeGreaterThanOrEqual(version);
              expect(list.get()).toBe(read); // nothing changed: the same array, the same version
              expect(list.version).toBe(changed);
            }
          }
          expect(list.get()).toEqual([...live].sort(compare));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("merges many additions at once and places a few by search", () => {
    const list = new SortedList<Item>(compare);
    const items = Array.from({ length: 1000 }, (_, i) => ({ key: (i * 7919) % 1000, id: i }));
    for (const item of items) list.add(item);
    expect(list.get()).toEqual([...items].sort(compare));
    const version = list.version;
    const extra = { key: 500, id: -1 };
    list.add(extra);
    list.remove(items[3] as Item);
    expect(list.get()).toEqual([...items.filter((_, i) => i !== 3), extra].sort(compare));
    expect(list.version).toBe(version + 1);
  });

  it("sorts many additions a piece at a time, and any read in between sees them all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.nat(20), fc.boolean(), (count, pieces, readEarly) => {
        const list = new SortedList<Item>(compare);
        const items = Array.from({ length: count }, (_, i) => ({ key: (i * 7919) % 997, id: i }));
        for (const item of items) list.add(item);
        let calls = 0;
        // Yield after every piece: each call does one piece of work.
        while (!list.prepare(() => true) && calls < pieces) calls++;
        if (readEarly) {
          list.add({ key: 3, id: -1 });
          list.remove(items[0] as Item);
        }
        const expected = readEarly ? [...items.slice(1), { key: 3, id: -1 }] : items;
        expect(list.get()).toEqual([...expected].sort(compare));
      }),
      { numRuns: 40 },
    );
  });

  it("forgets an item added and removed before the list was read", () => {
    const list = new SortedList<Item>(compare);
    const a = { key: 1, id: 1 };
    const b = { key: 2, id: 2 };
    list.add(a);
    list.add(b);
    list.remove(a);
    expect(list.get()).toEqual([b]);
    list.remove(b);
    list.add(b);
    expect(list.get()).toEqual([b]);
  });
});
