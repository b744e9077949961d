import { type CellValue, cellText, readYesNo } from "../cells";
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

/**
 * A number as the formula `IFERROR(--x, 0)` reads it: a number cell (a duration, `[h]`, is its days);
 * TRUE/FALSE as 1/0; text that is plainly a number (digits, a point, an optional sign and per cent
 * sign, spaces around); else 0.
 */
function formulaNumber(value: CellValue | undefined): number {
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && "duration" in value) return value.duration;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return 0;
  const t = value.trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(t);
  if (!m) return 0;
  return Number(m[1]) / (m[2] ? 100 : 1);
}

/** The six official languages of ITU: interpretation is costed per language per day. */
export const OFFICIAL_LANGUAGES = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"] as const;

/**
 * The interpretation languages in the cell: the official languages it names (case-insensitive), as the
 * formula counts them. `English, French,` is two; a language that is not official is not counted.
 */
function languageCount(text: string): number {
  const t = text.toLowerCase();
  return OFFICIAL_LANGUAGES.filter((l) => t.includes(l.toLowerCase())).length;
}

/** Reads the Workshop table (Key/Value); absent keys take the contract's defaults. */
export function readWorkshop(view: TableView | undefined, date1904: boolean): WorkshopParams {
  // As MATCH(key, Key, 0) finds it: the first cell equal to the key, ignoring case only.
  const byKey = new Map<string, CellValue>();
  for (const { cells } of view?.rows ?? []) {
    const raw = cells["Key"];
    const key = typeof raw === "string" ? raw.toLowerCase() : "";
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
    currency: cellText(get("Currency")).trim() || "CHF",
  };
}

/** Workshop keys with a documented default: a blank one is not missing. */
/** The Workshop keys the budget reads, with the parameter cell label the Budget sheet shows. */
export const WORKSHOP_KEYS = [
  "Title",
  "Start",
  "Days",
  "Venue",
  "InPersonParticipants",
  "RemoteParticipants",
  "InterpretationLanguages",
  "Captioning",
  "Webcast",
  "FullFellowships",
  "PartialFellowships",
  "StaffMissions",
  "ContingencyPercent",
  "Currency",
] as const;

const DEFAULTED: readonly string[] = ["ContingencyPercent", "Currency"];

/**
 * The Workshop parameters the user has not given (no row, or a blank value), in the contract's order:
 * the budget counts them as 0, so the output says which they are. Keys with a default are not listed.
 *
 * @example missingParameters(undefined) // ["Title", "Start", "Days", … "StaffMissions"]
 */
export function missingParameters(view: TableView | undefined): string[] {
  const given = new Set<string>();
  for (const { cells } of view?.rows ?? []) {
    const key = typeof cells["Key"] === "string" ? cells["Key"].trim().toLowerCase() : "";
    if (key && cellText(cells["Value"]).trim() !== "") given.add(key);
  }
  return WORKSHOP_KEYS.filter((k) => !DEFAULTED.includes(k) && !given.has(k.toLowerCase()));
}

/** Geneva, or a host city (which covers the additional costs). */
export const isGeneva = (venue: string): boolean =>
  ["", "GENEVA", "GENEVE", "GENÈVE", "GENF"].includes(venue.trim().toUpperCase());
