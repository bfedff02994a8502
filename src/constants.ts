/** Identifiers that must never change once released: views, commands, code block, CSS prefix. */
export const PLUGIN_ID = "one-on-ones";
export const CODE_BLOCK_LANGUAGE = "one-on-ones";
export const CSS_PREFIX = "ooo";

export const COMMAND_IDS = {
  startOneOnOne: "start-one-on-one",
  startWithThisPerson: "start-one-on-one-with-this-person",
  insertAgenda: "insert-agenda",
  newPerson: "new-person",
  markSeenToday: "mark-seen-today",
  addTalkingPoint: "add-talking-point",
  addAgreement: "add-agreement",
  insertQuestion: "insert-question",
  copyShareableSummary: "copy-shareable-summary",
  markSkipped: "mark-skipped",
  openFollowUps: "open-follow-ups",
  openPeople: "open-people",
  createPeopleBase: "create-people-base",
  toggleDiscreetMode: "toggle-discreet-mode",
} as const;

export const QUEUE_HEADING = "Next 1:1";

export const VIEW_TYPE_FOLLOW_UPS = "one-on-ones-follow-ups";
export const VIEW_TYPE_PEOPLE = "one-on-ones-people";
export const ICON = "users";
