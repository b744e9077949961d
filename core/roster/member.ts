import { cellText, personKey, readNumber } from "../cells";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { requireColumn } from "../tables/read-table";
import {
  type Gender,
  type Region,
  type Role,
  type Status,
  matchGender,
  matchRegion,
  matchRole,
  matchStatus,
} from "../vocab";

/** One roster row as the rules see it: the text as typed, and the value it was read as. */
export interface Member {
  row: number;
  name: string;
  /** Name folded for duplicate detection (case, accents, white space ignored). */
  nameKey: string;
  roleText: string;
  role: Role | undefined;
  regionText: string;
  region: Region | undefined;
  genderText: string;
  /** Blank is `Not stated`; an unreadable value is `undefined` (and reported). */
  gender: Gender | undefined;
  statusText: string;
  /** Blank is `Confirmed`; an unreadable value is `undefined` (and reported). */
  status: Status | undefined;
  email: string;
  justification: string;
  /** Lower is preferred in arbitration; `undefined` when blank or not a number. */
  priority: number | undefined;
}

/** Confirmed means Status `Confirmed` or blank. An unreadable Status is not confirmed. */
export const isConfirmed = (m: Member): boolean => m.status === "Confirmed";
/** Withdrawn rows count for nothing but their own value checks. */
export const isWithdrawn = (m: Member): boolean => m.status === "Withdrawn";
export const isVolunteer = (m: Member): boolean => m.role === "Regional Volunteer";

/**
 * Reads the roster's rows into members. Region and Justification are required columns only when
 * the roster has volunteers (the contract: "for volunteers").
 */
export function readMembers(view: TableView, settings: Settings): Member[] {
  const members = view.rows.map(({ row, cells }): Member => {
    const name = cellText(cells["Name"]);
    const roleText = cellText(cells["Role"]);
    const regionText = cellText(cells["Region"]);
    const genderText = cellText(cells["Gender"]);
    const statusText = cellText(cells["Status"]);
    const priority = readNumber(cells["Priority"]);
    return {
      row,
      name,
      nameKey: personKey(name),
      roleText,
      role: matchRole(roleText),
      regionText,
      region: regionText === "" ? undefined : matchRegion(regionText, settings.regionModel),
      genderText,
      gender: matchGender(genderText),
      statusText,
      status: matchStatus(statusText),
      email: cellText(cells["Email"]),
      justification: cellText(cells["Justification"]),
      priority: priority === undefined || Number.isNaN(priority) ? undefined : priority,
    };
  });
  if (members.some(isVolunteer)) {
    requireColumn(view, "Region");
    requireColumn(view, "Justification");
  }
  return members;
}
