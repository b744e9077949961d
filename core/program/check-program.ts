import { readWorkshop } from "../budget/workshop";
import type { Day } from "../dates/calendar";
import type { Finding } from "../findings";
import { INVITE_RULES, PROGRAM_RULES } from "../rules";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { type Invitee, inviteesByKey } from "./invitee";
import { type ProgramRows, readProgramRows } from "./program-rows";
import type { InviteRule, InviteeList, ProgramRule, WorkshopDays } from "./rule";

/**
 * The workshop's days from the Workshop table: `Start` and `Days` (a Days that is not a whole number of at
 * least 1 counts as one day). `undefined` without a readable Start.
 *
 * @example workshopDays(views.Workshop, false) // { start: <2024-04-18>, days: 2 }
 */
export function workshopDays(view: TableView | undefined, date1904: boolean): WorkshopDays | undefined {
  if (!view) return undefined;
  const params = readWorkshop(view, date1904);
  if (params.start === undefined) return undefined;
  return { start: params.start, days: Math.max(1, Math.floor(params.days) || 1) };
}

/** The other tables the programme and invitation checks read, when the workbook has them. */
export interface ProgramTables {
  program?: TableView | undefined;
  invitees?: TableView | undefined;
  workshop?: TableView | undefined;
  /** The Program and Invitees rows, when the caller has read them already (else they are read here). */
  rows?: ProgramRows;
}

const rowsOf = (tables: ProgramTables, settings: Settings, date1904: boolean): ProgramRows =>
  tables.rows ?? readProgramRows(tables, settings, date1904);

function inviteeList(view: TableView, list: Invitee[]): InviteeList {
  return { list, byKey: inviteesByKey(list), sheet: view.sheet };
}

/**
 * Runs every programme rule over the Program table, with Invitees (for the rules about people) and
 * Workshop (for the workshop's days) when the workbook has them.
 *
 * @example checkProgram({ program: view, invitees }, DEFAULT_SETTINGS, asOf, false) // → Finding[]
 */
export function checkProgram(
  tables: ProgramTables & { program: TableView },
  settings: Settings,
  asOf: Day | undefined,
  date1904: boolean,
  rules: readonly ProgramRule[] = PROGRAM_RULES,
): Finding[] {
  const rows = rowsOf(tables, settings, date1904);
  const ctx = {
    sessions: rows.sessions ?? [],
    sheet: tables.program.sheet,
    settings,
    asOf,
    workshop: workshopDays(tables.workshop, date1904),
    invitees: tables.invitees && rows.invitees ? inviteeList(tables.invitees, rows.invitees) : undefined,
  };
  return rules.flatMap((rule) => rule.check(ctx));
}

/**
 * Runs every invitation rule over the Invitees table, with Program (who the sessions name) and
 * Workshop when the workbook has them.
 *
 * @example checkInvitees({ invitees: view }, DEFAULT_SETTINGS, asOf, false) // → Finding[]
 */
export function checkInvitees(
  tables: ProgramTables & { invitees: TableView },
  settings: Settings,
  asOf: Day | undefined,
  date1904: boolean,
  rules: readonly InviteRule[] = INVITE_RULES,
): Finding[] {
  const rows = rowsOf(tables, settings, date1904);
  let named: Map<string, "Moderator" | "Speaker"> | undefined;
  if (rows.sessions) {
    named = new Map();
    for (const s of rows.sessions)
      for (const p of s.people) if (!named.has(p.key) || p.as === "Speaker") named.set(p.key, p.as);
  }
  const ctx = {
    invitees: rows.invitees ?? [],
    sheet: tables.invitees.sheet,
    settings,
    asOf,
    workshop: workshopDays(tables.workshop, date1904),
    named,
  };
  return rules.flatMap((rule) => rule.check(ctx));
}
