import { type Day, longDate } from "../dates/calendar";
import { clock } from "../dates/read-time";
import { type InviteStatus, matchInviteStatus } from "../vocab";
import type { Invitee } from "./invitee";
import { type Session, isTimed } from "./session";

/** The mail-merge list's columns, in order: Word and Outlook take the header row as field names. */
export const MAIL_MERGE_HEADER = ["Name", "Organization", "Email", "Invited As", "Sessions"] as const;

export interface MailMergeList {
  /** The header row, then one row per invitee kept, in the Invitees table's order. */
  rows: string[][];
  /** Invitees of the status asked for that have no e-mail address, left out. */
  withoutEmail: Invitee[];
}

/**
 * Every person's sessions as the invitation says them ("18 April 2024, 10:45–12:15: AI and networks (S04)"),
 * by folded name (`personKey`), in the programme's order of day and time; sessions whose day or times
 * cannot be read are left out. Built once per list: a scan of the programme per invitee was most of the
 * time of a report on 1,000 sessions and 5,000 invitees.
 *
 * @example sessionsByPerson(sessions).get(personKey("Ada Obi")) // "19 April 2024, 09:00–09:45: Keynote (S4)"
 */
export function sessionsByPerson(sessions: readonly Session[]): Map<string, string> {
  const labels = new Map<string, string[]>();
  const timed = sessions
    .filter(isTimed)
    .sort((a, b) => a.day.value - b.day.value || a.start.value - b.start.value || a.row - b.row);
  for (const s of timed) {
    const label = `${longDate(s.day.value as Day)}, ${clock(s.start.value)}–${clock(s.end.value)}: ${s.title || s.format || "Session"}${s.id ? ` (${s.id})` : ""}`;
    // A session names each person once (`Session.people` is without repeats).
    for (const p of s.people) {
      const list = labels.get(p.key);
      if (list) list.push(label);
      else labels.set(p.key, [label]);
    }
  }
  return new Map([...labels].map(([key, list]) => [key, list.join("; ")]));
}

/**
 * The invitees as a mail-merge list: Name, Organization, Email, Invited As, Sessions (their sessions with
 * day and time). With `status`, only the invitees of that Status (blank counts as `To invite`). People
 * without an e-mail address cannot be sent anything: they are left out and returned apart.
 *
 * @example mailMergeList(invitees, sessions, "To invite").rows[0] // ["Name", "Organization", "Email", "Invited As", "Sessions"]
 */
export function mailMergeList(
  invitees: readonly Invitee[],
  sessions: readonly Session[],
  status?: InviteStatus,
): MailMergeList {
  const rows: string[][] = [[...MAIL_MERGE_HEADER]];
  const withoutEmail: Invitee[] = [];
  const byPerson = sessionsByPerson(sessions);
  for (const i of invitees) {
    if (status !== undefined && i.status !== status) continue;
    if (i.email === "") {
      withoutEmail.push(i);
      continue;
    }
    rows.push([
      i.name,
      i.organization,
      i.email.replace(/^mailto:/i, ""),
      i.invitedAs ?? i.invitedAsText,
      byPerson.get(i.key) ?? "",
    ]);
  }
  return { rows, withoutEmail };
}

/** Reads a `--status` value as the Status column does (`to invite`, `Invited` …); `undefined` when it is not one. */
export function readInviteStatus(text: string): InviteStatus | undefined {
  return text.trim() === "" ? undefined : matchInviteStatus(text);
}

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, a quote, a line break or leading/trailing
 * spaces, quotes doubled. A field that a spreadsheet would take for a formula (it begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe, so that opening the list in Excel
 * never runs what someone typed (OWASP's advice for CSV injection); Word's mail merge shows it as typed.
 *
 * @example csvField('Dupont, "Jo"') // '"Dupont, ""Jo"""'
 * @example csvField("=1+1")         // "'=1+1"
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Rows as CSV text with CRLF line ends (as RFC 4180 and Windows programs expect), ending with one.
 * The caller adds the byte order mark when it writes the file.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
