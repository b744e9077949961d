import type { Day } from "../dates/calendar";
import type { Rule } from "../rule";
import type { Settings } from "../settings";
import type { Invitee } from "./invitee";
import type { Session } from "./session";

/** The workshop's days, `start` … `start + days − 1`, from the Workshop table. */
export interface WorkshopDays {
  start: Day;
  days: number;
}

/** The Invitees table as the programme rules see it. */
export interface InviteeList {
  list: readonly Invitee[];
  /** By folded name (the first row of a name). */
  byKey: ReadonlyMap<string, Invitee>;
  sheet: string;
}

/** What every programme rule is given. */
export interface ProgramContext {
  sessions: readonly Session[];
  /** The sheet the Program is on (findings about a session point there). */
  sheet: string;
  settings: Settings;
  /** The day "today" means; `undefined` leaves out the checks that count from it. */
  asOf: Day | undefined;
  /** `undefined` when the workbook has no Workshop table with a readable Start. */
  workshop: WorkshopDays | undefined;
  /** `undefined` when the workbook has no Invitees table: the rules about people are then left out. */
  invitees: InviteeList | undefined;
}

/** A programme rule: its metadata and one pure function (see `Rule`). */
export type ProgramRule = Rule<ProgramContext>;

/** What every invitation rule is given. */
export interface InviteContext {
  invitees: readonly Invitee[];
  /** The sheet the Invitees table is on. */
  sheet: string;
  settings: Settings;
  asOf: Day | undefined;
  workshop: WorkshopDays | undefined;
  /** The folded names the programme names as Moderator or Speaker (`undefined`: no Program table). */
  named: ReadonlyMap<string, "Moderator" | "Speaker"> | undefined;
}

/** An invitation rule: its metadata and one pure function (see `Rule`). */
export type InviteRule = Rule<InviteContext>;
