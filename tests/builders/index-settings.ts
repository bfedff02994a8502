import { QUEUE_HEADING } from "../../src/constants";
import type { IndexSettings } from "../../src/index/people-index";
import { DEFAULT_SETTINGS } from "../../src/settings";

/**
 * The index settings the index tests share, with `overrides` on top. The folders and tags are
 * spelled out rather than taken from DEFAULT_SETTINGS: the test notes are written for exactly
 * these, and a change of a default should not quietly change what the tests cover.
 * A new object (and new lists) on every call, so a test that changes one changes only its own.
 */
export function indexSettings(overrides: Partial<IndexSettings> = {}): IndexSettings {
  return {
    peopleFolder: "People",
    meetingsFolder: "1-1s",
    personTags: ["person"],
    meetingTags: ["meeting/one-on-one"],
    templatePath: "",
    myName: "",
    oneOtherPersonIsOneOnOne: true,
    datedNotesCountAsSeen: true,
    agreementsAnywhere: false,
    agreementTag: "",
    defaultCadence: DEFAULT_SETTINGS.defaultCadence,
    dueSoonDays: 2,
    dueSoonPercent: 25,
    queueHeading: QUEUE_HEADING,
    ...overrides,
  };
}
