import { followUpSection } from "../domain/follow-ups";
import { peopleDue } from "../domain/people-table";
import type { IsoDate } from "../domain/types";
import type { PersonRow } from "../domain/view-models";

export interface StatusCounts {
  overdueAgreements: number;
  peopleDue: number;
}

/**
 * What the counts are made of: open agreements as the index holds them or as the views show them
 * (only their due dates are read, so they need not be converted), and the people's rows.
 */
export interface StatusInput {
  today: IsoDate;
  agreements: readonly { due: IsoDate | null }[];
  people: readonly PersonRow[];
}

export function statusCounts(data: StatusInput): StatusCounts {
  let overdue = 0;
  for (const { due } of data.agreements) {
    // An overdue date comes before today; one that is no valid date counts as none.
    if (due !== null && due < data.today && followUpSection(due, data.today) === "overdue") overdue++;
  }
  return { overdueAgreements: overdue, peopleDue: peopleDue(data.people).length };
}

/** "2 agreements overdue · 3 people due", or a quiet "All caught up" when there is nothing. */
export function statusText(counts: StatusCounts): string {
  const parts: string[] = [];
  const overdue = counts.overdueAgreements;
  if (overdue > 0) parts.push(`${overdue} ${overdue === 1 ? "agreement" : "agreements"} overdue`);
  if (counts.peopleDue > 0) parts.push(`${counts.peopleDue} ${counts.peopleDue === 1 ? "person" : "people"} due`);
  return parts.length > 0 ? parts.join(" · ") : "All caught up";
}

/** The status bar item: the counts, and a click that opens Follow-ups. */
export class StatusBar {
  private readonly textEl: HTMLElement;

  constructor(
    private readonly el: HTMLElement,
    onClick: () => void,
  ) {
    el.addClass("ooo-status-bar", "mod-clickable");
    el.setAttr("role", "button");
    el.setAttr("tabindex", "0");
    this.textEl = el.createSpan({ cls: "ooo-status-bar-text" });
    el.addEventListener("click", onClick);
    el.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onClick();
      }
    });
  }

  update(counts: StatusCounts): void {
    const text = statusText(counts);
    this.textEl.setText(text);
    this.el.setAttr("aria-label", `One-on-Ones: ${text}. Open follow-ups.`);
    this.el.toggleClass("is-overdue", counts.overdueAgreements > 0);
  }
}
