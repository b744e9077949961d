import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import { type Invitee, readInvitees } from "./invitee";
import { type Session, readSessions } from "./session";

/**
 * The Program and Invitees tables' rows as read, once per action: the programme and invitation checks,
 * the Agenda and the report's sheets and lines all take them from here rather than read the tables again.
 */
export interface ProgramRows {
  /** The sessions; `undefined` without a usable Program table. */
  sessions: Session[] | undefined;
  /** The invitees; `undefined` without a usable Invitees table. */
  invitees: Invitee[] | undefined;
}

/**
 * Reads the Program and Invitees tables that are there, each once.
 *
 * @example readProgramRows({ program: views.Program }, DEFAULT_SETTINGS, false).invitees // undefined
 */
export function readProgramRows(
  views: { program?: TableView | undefined; invitees?: TableView | undefined },
  settings: Settings,
  date1904: boolean,
): ProgramRows {
  return {
    sessions: views.program ? readSessions(views.program, date1904) : undefined,
    invitees: views.invitees ? readInvitees(views.invitees, settings, date1904) : undefined,
  };
}
