import { cellText, isBlank, personKey } from "../cells";
import type { Day } from "../dates/calendar";
import { readDate } from "../dates/read-date";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import {
  type Gender,
  type InviteStatus,
  type InvitedAs,
  type Region,
  type Sector,
  matchGender,
  matchInviteStatus,
  matchInvitedAs,
  matchRegion,
  matchSector,
} from "../vocab";
import type { ReadCell } from "./session";

/** One Invitees row as the rules see it: the text as typed, and the value it was read as. */
export interface Invitee {
  row: number;
  name: string;
  /** Name folded for matching (case, accents, white space ignored). */
  key: string;
  organization: string;
  sectorText: string;
  /** Blank or unreadable: `undefined` (an unreadable one is reported). */
  sector: Sector | undefined;
  level: string;
  regionText: string;
  region: Region | undefined;
  genderText: string;
  /** Blank is `Not stated`; an unreadable value is `undefined` (and reported). */
  gender: Gender | undefined;
  email: string;
  invitedAsText: string;
  /** Blank is `Participant`. */
  invitedAs: InvitedAs | undefined;
  invitedOn: ReadCell<Day>;
  replyBy: ReadCell<Day>;
  statusText: string;
  /** Blank is `To invite`. */
  status: InviteStatus | undefined;
}

/** Not yet accepted: still to invite, or invited and not answered. */
export const isPending = (i: Invitee): boolean => i.status === "To invite" || i.status === "Invited";

/**
 * Still to be written to (pending) and without an e-mail address: no means of contact. Decided here once,
 * for `INVITE_CONTACT_MISSING` and for the count the reports give.
 *
 * @example isPendingWithoutEmail({ ...invitee, status: "Invited", email: "" }) // true
 */
export const isPendingWithoutEmail = (i: Invitee): boolean => isPending(i) && i.email === "";

/**
 * Reads the Invitees table's rows (every call reads them again: an action reads them once, with
 * `readProgramRows`, and passes them down).
 *
 * @example readInvitees(readTable(rawInvitees), DEFAULT_SETTINGS, false)[0].status // "Accepted"
 */
export function readInvitees(view: TableView, settings: Settings, date1904: boolean): Invitee[] {
  const date = (row: Readonly<Record<string, unknown>>, header: string): ReadCell<Day> => {
    const cell = row[header] as Parameters<typeof readDate>[0];
    const blank = isBlank(cell);
    const r = blank ? undefined : readDate(cell, date1904);
    return { text: cellText(cell), blank, value: r?.ok ? r.day : undefined };
  };
  return view.rows.map(({ row, cells }): Invitee => {
    const name = cellText(cells["Name"]);
    const sectorText = cellText(cells["Sector"]);
    const regionText = cellText(cells["Region"]);
    const genderText = cellText(cells["Gender"]);
    const invitedAsText = cellText(cells["Invited As"]);
    const statusText = cellText(cells["Status"]);
    return {
      row,
      name,
      key: personKey(name),
      organization: cellText(cells["Organization"]),
      sectorText,
      sector: sectorText === "" ? undefined : matchSector(sectorText),
      level: cellText(cells["Level"]),
      regionText,
      region: regionText === "" ? undefined : matchRegion(regionText, settings.regionModel),
      genderText,
      gender: matchGender(genderText),
      email: cellText(cells["Email"]),
      invitedAsText,
      invitedAs: matchInvitedAs(invitedAsText),
      invitedOn: date(cells, "Invited On"),
      replyBy: date(cells, "Reply By"),
      statusText,
      status: matchInviteStatus(statusText),
    };
  });
}

/** Invitees by folded name; the first row of a name wins (a later one is `INVITE_DUPLICATE`). */
export function inviteesByKey(invitees: readonly Invitee[]): Map<string, Invitee> {
  const map = new Map<string, Invitee>();
  for (const i of invitees) if (i.key !== "" && !map.has(i.key)) map.set(i.key, i);
  return map;
}
