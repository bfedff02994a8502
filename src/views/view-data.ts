import { agreementItem } from "../domain/follow-ups";
import { personRow } from "../domain/people-table";
import type { IsoDate } from "../domain/types";
import type { AgreementItem, PersonRow } from "../domain/view-models";
import type { PeopleIndex } from "../index/people-index";

/** What every view reads from the index, as plain data. */
export interface ViewData {
  today: IsoDate;
  agreements: AgreementItem[];
  people: PersonRow[];
}

export function viewData(index: PeopleIndex, today: IsoDate): ViewData {
  return {
    today,
    agreements: index.agreements().map(agreementItem),
    people: index.people().map((entry) => personRow(entry, today)),
  };
}
