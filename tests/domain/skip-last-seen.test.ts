import { describe, expect, it } from "vitest";
import { lastSeenAfterSkip, rememberStart, STARTS_REMEMBERED, type LastSeenChange, type StartWrite } from "../../src/domain/skip-last-seen";

const start = (wrote: string, replaced: string | null): StartWrite => ({ wrote, replaced });
const keep: LastSeenChange = { kind: "keep" };
const set = (value: string): LastSeenChange => ({ kind: "set", value });
const remove: LastSeenChange = { kind: "remove" };

describe("last seen after a skip", () => {
  // The 1:1 of 2026-12-08 is skipped.
  it.each<[string, string | null, StartWrite[], string | null, LastSeenChange]>([
    // [case, last-seen now, what Start wrote (oldest first), seen otherwise, change]
    ["Start wrote the day over a date: it comes back", "2026-12-08", [start("2026-12-08", "2026-10-15")], null, set("2026-10-15")],
    ["…even when a 1:1 took place before that date", "2026-12-08", [start("2026-12-08", "2026-10-20")], "2026-10-01", set("2026-10-20")],
    ["…and when it was no date", "2026-12-08", [start("2026-12-08", "after the offsite")], null, set("after the offsite")],
    ["Start wrote the day where there was none: removed again", "2026-12-08", [start("2026-12-08", null)], "2026-11-01", remove],
    ["last-seen says another day: left alone", "2026-12-05", [start("2026-12-08", "2026-10-15")], "2026-11-01", keep],
    ["no last-seen at all: left alone", null, [], "2026-11-01", keep],
    ["the day, not written by Start: the latest day seen otherwise", "2026-12-08", [], "2026-11-01", set("2026-11-01")],
    ["the day, but Start wrote it last on another day: seen otherwise", "2026-12-08", [start("2026-12-08", null), start("2026-12-10", "2026-12-08")], "2026-11-01", set("2026-11-01")],
    ["the day, never seen otherwise: left alone, never deleted", "2026-12-08", [], null, keep],
    ["seen otherwise on that same day: left alone", "2026-12-08", [], "2026-12-08", keep],
  ])("%s", (_, property, starts, seenApart, change) => {
    expect(lastSeenAfterSkip({ property, skipped: "2026-12-08", starts, seenApart }).change).toEqual(change);
  });

  it("forgets the skipped day's Start, whatever last-seen says", () => {
    const starts = [start("2026-11-01", "2026-10-15"), start("2026-12-08", "2026-11-01")];
    expect(lastSeenAfterSkip({ property: "2026-12-08", skipped: "2026-12-08", starts, seenApart: null }).starts).toEqual([start("2026-11-01", "2026-10-15")]);
    expect(lastSeenAfterSkip({ property: "2026-12-20", skipped: "2026-12-08", starts, seenApart: null }).starts).toEqual([start("2026-11-01", "2026-10-15")]);
  });

  it("skipping two 1:1s in either order brings back the value before both", () => {
    const starts = [start("2026-11-01", "2026-10-15"), start("2026-12-08", "2026-11-01")];
    const newestFirst = lastSeenAfterSkip({ property: "2026-12-08", skipped: "2026-12-08", starts, seenApart: null });
    expect(newestFirst.change).toEqual(set("2026-11-01"));
    expect(lastSeenAfterSkip({ property: "2026-11-01", skipped: "2026-11-01", starts: newestFirst.starts, seenApart: null }).change).toEqual(set("2026-10-15"));

    const oldestFirst = lastSeenAfterSkip({ property: "2026-12-08", skipped: "2026-11-01", starts, seenApart: null });
    expect(oldestFirst.change).toEqual(keep);
    expect(oldestFirst.starts).toEqual([start("2026-12-08", "2026-10-15")]);
    expect(lastSeenAfterSkip({ property: "2026-12-08", skipped: "2026-12-08", starts: oldestFirst.starts, seenApart: null }).change).toEqual(set("2026-10-15"));
  });

  it("a Start after a date the user wrote in between keeps that date", () => {
    // Start wrote 12-01 over 10-15; the user then wrote 12-05; the next Start wrote 12-08 over it.
    const starts = [start("2026-12-01", "2026-10-15"), start("2026-12-08", "2026-12-05")];
    const first = lastSeenAfterSkip({ property: "2026-12-05", skipped: "2026-12-01", starts, seenApart: null });
    expect(first.change).toEqual(keep);
    expect(lastSeenAfterSkip({ property: "2026-12-08", skipped: "2026-12-08", starts: first.starts, seenApart: null }).change).toEqual(set("2026-12-05"));
  });
});

describe("remembering Start", () => {
  it("keeps the newest few, one per day", () => {
    let starts: StartWrite[] = [];
    for (let day = 1; day <= STARTS_REMEMBERED + 2; day++) starts = rememberStart(starts, start(`2026-11-0${day}`, null));
    expect(starts).toHaveLength(STARTS_REMEMBERED);
    expect(starts.at(-1)?.wrote).toBe(`2026-11-0${STARTS_REMEMBERED + 2}`);
    expect(rememberStart([start("2026-11-01", "2026-10-15")], start("2026-11-01", null))).toEqual([start("2026-11-01", null)]);
  });
});
