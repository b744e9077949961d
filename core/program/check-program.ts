import { readWorkshop } from "../budget/workshop";
import type { Day } from "../dates/calendar";
import type { Finding } from "../findings";
import { INVITE_RULES, PROGRAM_RULES } from "../rules";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { inviteesByKey, readInvitees } from "./invitee";
import type { InviteRule, InviteeList, ProgramRule, WorkshopDays } from "./rule";
import { readSessions } from "./session";

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
}

function inviteeList(view: TableView, settings: Settings, date1904: boolean): InviteeList {
  const list = readInvitees(view, settings, date1904);
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
  const ctx = {
    sessions: readSessions(tables.program, date1904),
    sheet: tables.program.sheet,
    settings,
    asOf,
    workshop: workshopDays(tables.workshop, date1904),
    invitees: tables.invitees ? inviteeList(tables.invitees, settings, date1904) : undefined,
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
  let named: Map<string, "Moderator" | "Speaker"> | undefined;
  if (tables.program) {
    named = new Map();
    for (const s of readSessions(tables.program, date1904))
      for (const p of s.people) if (!named.has(p.key) || p.as === "Speaker") named.set(p.key, p.as);
  }
  const ctx = {
    invitees: readInvitees(tables.invitees, settings, date1904),
    sheet: tables.invitees.sheet,
    settings,
    asOf,
    workshop: workshopDays(tables.workshop, date1904),
    named,
  };
  return rules.flatMap((rule) => rule.check(ctx));
}
