/**
 * Golden files: every kind of note the plugin generates, compared byte for byte with
 * `tests/golden/*.md`.
 *
 * After an intended change to generated notes, rewrite the files with
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/domain/golden.test.ts
 *
 * and review the diff by eye before committing: each file must read like a note a thoughtful
 * manager would be happy to open.
 */
import { describe, it } from "vitest";
import {
  DEFAULT_AGENDA_SECTIONS,
  buildLogEntry,
  buildTemplateLogEntry,
  buildMeetingNote,
  insertLogEntry,
  newLogNote,
  renderAgendaTemplate,
  type AgendaInput,
} from "../../src/domain/agenda";
import { shareableSummary } from "../../src/domain/summary";
import { expectGolden as golden } from "../builders/golden";

const anya = {
  personName: "Anya Petrova",
  personLink: "Anya Petrova",
  sections: DEFAULT_AGENDA_SECTIONS,
};

const firstMeeting: AgendaInput = {
  ...anya,
  date: "2026-11-21",
  firstMeeting: true,
  carryOver: { mode: "reference" },
  talkingPoints: ["- Ask what she enjoyed most in her last team", "- Share the team's onboarding plan"],
};

const regularMeeting: AgendaInput = {
  ...anya,
  date: "2026-11-28",
  firstMeeting: false,
  carryOver: { mode: "reference" },
  talkingPoints: [
    "- Ask how the conference talk went",
    "* Payments on-call rotation from January\n  - she asked to swap the first week",
    "- [ ] Agree on a date for the RFC review",
  ],
};

const forwardMeeting: AgendaInput = {
  ...anya,
  date: "2026-12-05",
  firstMeeting: false,
  carryOver: {
    mode: "forward",
    lines: [
      "- [ ] [[Anya Petrova]] shares the RFC draft ([[1-1s/Anya Petrova/2026-11-28|from 28 Nov]]) 📅 2026-12-03",
      "- [ ] @me intro Anya to the platform lead ([[1-1s/Anya Petrova/2026-11-28|from 28 Nov]]) 📅 2026-12-01",
    ],
  },
  talkingPoints: ["- Feedback from the design review"],
};

const olderLog = `---
type: one-on-one
person: "[[Anya Petrova]]"
---
# 1:1s with Anya Petrova
%% Newest meeting first: each meeting is a heading that starts with its date. %%

## 2026-11-28

### Check-in
Tired after the release week, but happy with how it went.

### Their topics
- Wants to pair more with the platform team
- Unsure about the on-call swap in January

### Agreements
- [ ] @me intro Anya to the platform lead 📅 2026-12-01
- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-12-03

### Private notes
Seems to hesitate before asking for help; ask again next time.

## 2026-11-21

### Check-in
First week done. Setting up her laptop took two days.

### Agreements
- [x] @me add Anya to the payments channel ✅ 2026-11-21
`;

const customTemplate = `---
type: one-on-one
person: "[[{{person}}]]"
date: {{date}}
tags: [meeting/one-on-one]
---
# {{person}} · {{date:dddd D MMMM YYYY}}

> [!todo] Still open
> {{previous_agreements}}

## How are you?

## On your mind

## On my mind
{{talking_points}}

## Next steps

## 🔒 Private
`;

const filledMeeting = `---
type: one-on-one
person: "[[Anya Petrova]]"
date: 2026-11-28
---
# 1:1 with Anya Petrova — 2026-11-28

## Check-in
%% How are things going, at work and outside it? %%
Tired after the release week, but happy with how it went.

## Their topics
%% They speak first: what is on their mind? %%
- Wants to pair more with the platform team
- Unsure about the on-call swap in January

## Previous agreements
%% What we agreed earlier: done, still on, or dropped? %%

\`\`\`one-on-ones
agreements: [[Anya Petrova]]
\`\`\`

## My topics
%% What I collected since we last met. %%

- Ask how the conference talk went: it went well, she'd like to give it internally too

## Decisions needed
%% What needs deciding, by whom, and by when? %%

## Blockers
%% What is in the way, and what can I do about it? %%
- Waiting on access to the staging database

## Feedback
%% Both ways: one thing to keep, one thing to change. %%

## Agreements
%% One checkbox per outcome: who does what, by when. %%
- [ ] @me intro Anya to the platform lead 📅 2026-12-01
- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-12-03

## Private notes
%% Only for me: never part of the shareable summary. %%
Seems to hesitate before asking for help; ask again next time.
`;

describe("golden notes", () => {
  it("first meeting, one note per meeting", () => {
    golden("first-meeting.md", buildMeetingNote(firstMeeting));
  });

  it("regular meeting with talking points, agreements by reference", () => {
    golden("regular-meeting.md", buildMeetingNote(regularMeeting));
  });

  it("agreements carried forward", () => {
    golden("forward-agreements.md", buildMeetingNote(forwardMeeting));
  });

  it("running log after a new entry", () => {
    const next: AgendaInput = { ...regularMeeting, date: "2026-12-05", talkingPoints: ["- Feedback from the design review"] };
    golden("running-log.md", insertLogEntry(olderLog, buildLogEntry(next)));
  });

  it("new running log with its first entry", () => {
    golden("new-running-log.md", insertLogEntry(newLogNote("Anya Petrova", "Anya Petrova"), buildLogEntry(firstMeeting)));
  });

  it("custom template", () => {
    golden("custom-template.md", renderAgendaTemplate(customTemplate, regularMeeting));
  });

  it("custom template as a running-log entry", () => {
    const next: AgendaInput = { ...regularMeeting, date: "2026-12-05" };
    golden("custom-template-log.md", insertLogEntry(olderLog, buildTemplateLogEntry(customTemplate, next)));
  });

  it("shareable summary of a meeting", () => {
    golden("meeting-summary.md", shareableSummary(filledMeeting, { privateHeadings: ["Private notes"] }));
  });
});
