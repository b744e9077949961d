import {
  DEFAULT_SETTINGS,
  INVITE_STATUSES,
  type InviteStatus,
  TableMissingError,
  mailMergeList,
  readInviteStatus,
  readInvitees,
  readSessions,
  readSettings,
  readTable,
  toCsv,
} from "../../core";
import { writeOutput } from "../atomic-write";
import { EXIT } from "../exit-codes";
import { describeFailure, reportFailure } from "../failure";
import { refuseOutput } from "../output-path";
import { printable, writeErrLine, writeOut } from "../printable";
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
  await writeOutput(out, new TextEncoder().encode(BOM + toCsv(list.rows)));
  return { out, written: list.rows.length - 1, withoutEmail: list.withoutEmail.map((i) => i.name || `row ${i.row}`) };
}

/** `iewsc invitations <workbook> --out <file.csv> [--status S]`. */
export async function runInvitations(
  file: string,
  opts: { out: string; status?: string; debug?: boolean },
): Promise<number> {
  let status: InviteStatus | undefined;
  if (opts.status !== undefined) {
    status = readInviteStatus(opts.status);
    if (!status) {
      writeErrLine(
        `--status "${opts.status}" is not a Status of the Invitees table; use ${INVITE_STATUSES.map((s) => `"${s}"`).join(", ")}`,
      );
      return EXIT.unusable;
    }
  }
  const refused = await refuseOutput(opts.out, [file], { extension: /\.csv$/i, kind: "a .csv file" });
  if (refused) {
    reportFailure({ internal: false, message: refused });
    return EXIT.unusable;
  }
  let outcome: InvitationsOutcome;
  try {
    outcome = await invitationsFile(file, opts.out, status);
  } catch (e) {
    const failure = describeFailure(e, file);
    reportFailure(failure, opts.debug);
    return failure.internal ? EXIT.internal : EXIT.unusable;
  }
  const which = status ? ` with Status ${status}` : "";
  writeOut(
    `Wrote ${printable(opts.out)}: ${outcome.written} invitee${outcome.written === 1 ? "" : "s"}${which}, one row each (UTF-8, for a Word or Outlook mail merge). ${printable(file)} was not changed.\n`,
  );
  if (outcome.withoutEmail.length) {
    const n = outcome.withoutEmail.length;
    writeErrLine(
      `${n} invitee${n === 1 ? "" : "s"}${which} left out: no e-mail address (${outcome.withoutEmail.join(", ")}).`,
    );
  }
  return EXIT.ok;
}
