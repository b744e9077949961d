import { type CellValue, cellText, matchKey, readNumber, readYesNo } from "../cells";
import type { Day } from "../dates/calendar";
import { readDate } from "../dates/read-date";
import type { TableView } from "../tables/read-table";

/** The workshop's parameters, as the budget reads them (missing numbers are 0, as the formulas read them). */
export interface WorkshopParams {
  title: string;
  start: Day | undefined;
  days: number;
  venue: string;
  inPerson: number;
  remote: number;
  /** The number of interpretation languages: the comma-separated names in the cell. */
  languages: number;
  captioning: boolean;
  webcast: boolean;
  fullFellowships: number;
  partialFellowships: number;
  staffMissions: number;
  contingencyPercent: number;
  currency: string;
}

/** The Workshop keys the budget reads, with the parameter cell label the Budget sheet shows. */
export const WORKSHOP_KEYS = [
  "Title", "Start", "Days", "Venue", "InPersonParticipants", "RemoteParticipants", "InterpretationLanguages", "Captioning", "Webcast",
  "FullFellowships", "PartialFellowships", "StaffMissions", "ContingencyPercent", "Currency",
] as const;

/** A number as the formula `IFERROR(--x, 0)` reads it: a number, or text that is one, else 0. */
export function formulaNumber(value: CellValue | undefined): number {
  const n = readNumber(value);
  return n === undefined || Number.isNaN(n) ? 0 : n;
}

/**
 * The languages in an InterpretationLanguages cell, counted as the formula counts them: the number of
 * commas plus one, when the cell is not blank.
 */
export function languageCount(text: string): number {
  const t = text.trim();
  return t === "" ? 0 : t.split(",").length;
}

/** Reads the Workshop table (Key/Value); absent keys take the contract's defaults. */
export function readWorkshop(view: TableView | undefined, date1904: boolean): WorkshopParams {
  const byKey = new Map<string, CellValue>();
  for (const { cells } of view?.rows ?? []) {
    const key = matchKey(cellText(cells["Key"])).replace(/\s/g, "");
    if (key && !byKey.has(key)) byKey.set(key, cells["Value"] ?? null);
  }
  const get = (key: string) => byKey.get(key.toLowerCase());
  const start = readDate(get("Start") ?? null, date1904);
  return {
    title: cellText(get("Title")),
    start: start.ok ? start.day : undefined,
    days: formulaNumber(get("Days")),
    venue: cellText(get("Venue")),
    inPerson: formulaNumber(get("InPersonParticipants")),
    remote: formulaNumber(get("RemoteParticipants")),
    languages: languageCount(cellText(get("InterpretationLanguages"))),
    captioning: readYesNo(get("Captioning")) === true,
    webcast: readYesNo(get("Webcast")) === true,
    fullFellowships: formulaNumber(get("FullFellowships")),
    partialFellowships: formulaNumber(get("PartialFellowships")),
    staffMissions: formulaNumber(get("StaffMissions")),
    contingencyPercent: formulaNumber(get("ContingencyPercent")),
    currency: cellText(get("Currency")) || "CHF",
  };
}

/** Geneva, or a host city (which covers the additional costs). */
export const isGeneva = (venue: string): boolean => venue.trim() === "" || /^gen(e|è)v[ae]$|^genf$/i.test(venue.trim());
