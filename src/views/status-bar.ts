import { followUpSection } from "../domain/follow-ups";
import { peopleDue } from "../domain/people-table";
import type { ViewData } from "./view-data";

export interface StatusCounts {
  overdueAgreements: number;
  peopleDue: number;
}

export function statusCounts(data: ViewData): StatusCounts {
  return {
    overdueAgreements: data.agreements.filter((a) => followUpSection(a.due, data.today) === "overdue").length,
    peopleDue: peopleDue(data.people).length,
  };
}

/** "2 overdue · 3 people due", or a quiet "All caught up" when there is nothing. */
export function statusText(counts: StatusCounts): string {
  const parts: string[] = [];
  if (counts.overdueAgreements > 0) parts.push(`${counts.overdueAgreements} overdue`);
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
