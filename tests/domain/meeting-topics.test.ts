import { describe, expect, it } from "vitest";
import { meetingTopics, returnToQueue, withoutMeetingTopics } from "../../src/domain/meeting-topics";

const TITLES = ["Topics for me", "My topics"];
const NOTE = ["---", "date: 2026-11-21", "---", "## Their topics", "- Theirs", "", "## My topics", "- One", "- Two", "  - detail", "", "## Agreements", ""].join("\n");
const LOG = ["# Log", "## 2026-11-21", "### My topics", "- New", "", "## 2026-11-14 (skipped)", "### My topics", "- Old", ""].join("\n");

describe("the topics of a 1:1", () => {
  it("are the list under My topics, in a note", () => {
    expect(meetingTopics(NOTE, TITLES, null)?.items).toEqual(["- One", "- Two\n  - detail"]);
  });

  it("are those of the entry of that day, in a log", () => {
    expect(meetingTopics(LOG, TITLES, "2026-11-14")?.items).toEqual(["- Old"]);
    expect(meetingTopics(LOG, TITLES, "2026-11-21")?.items).toEqual(["- New"]);
    expect(meetingTopics(LOG, TITLES, "2026-11-07")).toBeNull();
  });

  it("are taken out by their exact text; a topic edited meanwhile stays", () => {
    expect(withoutMeetingTopics(NOTE, ["- Two\n  - detail", "- One (edited)"], TITLES, null)).toBe(NOTE.replace("- Two\n  - detail\n", ""));
    expect(withoutMeetingTopics(LOG, ["- Old"], TITLES, "2026-11-21")).toBe(LOG);
  });
});

describe("giving talking points back to the queue", () => {
  const PERSON = "---\ntype: person\n---\n## Next 1:1\n- Two\n* Added meanwhile\n";

  it("appends them in order, each once", () => {
    // In the list marker the queue uses.
    expect(returnToQueue(PERSON, ["- One", "- Two", "-   One"])).toBe(PERSON + "* One\n");
  });

  it("adds the queue when the note has none", () => {
    expect(returnToQueue("Notes.\n", ["- One"])).toBe("Notes.\n\n## Next 1:1\n- One\n");
  });
});
