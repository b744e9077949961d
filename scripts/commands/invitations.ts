import { realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  INVITE_STATUSES,
  type InviteStatus,
  TableMissingError,
  DEFAULT_SETTINGS,
  mailMergeList,
  readInviteStatus,
  readInvitees,
  readSessions,
  readSettings,
  readTable,
  toCsv,
} from "../../core";
import { writeFileAtomic } from "../atomic-write";
import { oneLine } from "../check-file";
import { readWorkbookInput } from "../xlsx/read-workbook";

/** UTF-8's byte order mark: Excel and Word then read accented names as UTF-8, not as the local code page. */
const BOM = "\ufeff";

export interface InvitationsOutcome {
  out: string;
  written: number;
  withoutEmail: string[];
}

/**
 * Writes the invitees of one workbook as a mail-merge list (UTF-8 with BOM, CRLF, RFC 4180). The
 * workbook is only read; the list is written atomically.
 */
export async function invitationsFile(file: string, out: string, status?: InviteStatus): Promise<InvitationsOutcome> {
  const input = await readWorkbookInput(file);
  const raw = input.tables.Invitees;
  if (!raw)
    throw new TableMissingError("no Invitees table was found (neither an Excel table nor a sheet of that name)", {
      table: "Invitees",
    });
  const settings = input.tables.Settings
    ? readSettings(readTable(input.tables.Settings), input.date1904).settings
    : DEFAULT_SETTINGS;
  const invitees = readInvitees(readTable(raw), settings, input.date1904);
  const sessions = input.tables.Program ? readSessions(readTable(input.tables.Program), input.date1904) : [];
  const list = mailMergeList(invitees, sessions, status);
  await writeFileAtomic(out, new TextEncoder().encode(BOM + toCsv(list.rows)));
  return { out, written: list.rows.length - 1, withoutEmail: list.withoutEmail.map((i) => i.name || `row ${i.row}`) };
}

/** `iewsc invitations <workbook> --out <file.csv> [--status S]`. */
export async function runInvitations(file: string, opts: { out: string; status?: string }): Promise<number> {
  const out = resolve(opts.out);
  const fail = (message: string) => {
    process.stderr.write(`iewsc: ${message}\n`);
    return 2;
  };
  let status: InviteStatus | undefined;
  if (opts.status !== undefined) {
    status = readInviteStatus(opts.status);
    if (!status)
      return fail(
        `--status "${opts.status}" is not a Status of the Invitees table; use ${INVITE_STATUSES.map((s) => `"${s}"`).join(", ")}`,
      );
  }
  const same = await Promise.all([realpath(file).catch(() => resolve(file)), realpath(out).catch(() => out)]);
  if (same[0] === same[1])
    return fail(`${opts.out} is the input workbook; choose another output (the input is never written)`);
  if (!/\.csv$/i.test(out)) return fail(`${opts.out}: the output must be a .csv file; nothing was written`);
  if (!(await stat(dirname(out)).catch(() => undefined))?.isDirectory())
    return fail(`${opts.out}: the folder ${dirname(opts.out)} does not exist; nothing was written`);
  let outcome: InvitationsOutcome;
  try {
    outcome = await invitationsFile(file, out, status);
  } catch (e) {
    return fail(oneLine(e, file));
  }
  const which = status ? ` with Status ${status}` : "";
  process.stdout.write(
    `Wrote ${opts.out}: ${outcome.written} invitee${outcome.written === 1 ? "" : "s"}${which}, one row each (UTF-8, for a Word or Outlook mail merge). ${file} was not changed.\n`,
  );
  if (outcome.withoutEmail.length) {
    const n = outcome.withoutEmail.length;
    process.stderr.write(
      `iewsc: ${n} invitee${n === 1 ? "" : "s"}${which} left out: no e-mail address (${outcome.withoutEmail.join(", ")}).\n`,
    );
  }
  return 0;
}
