/**
 * The report's part of the workshop's programme and invitations: the `Agenda` (the very plan `iewsc build`
 * writes, with the report's note and page setup), the `Invitations` sheet and the Summary's lines on the
 * state of the invitations. Every judgement comes from the findings the check made or from the Agenda's
 * own figures: nothing here decides a second time what a rule already decided.
 */
import { a1 } from "../a1";
import type { Finding } from "../findings";
import type { Invitee } from "../program/invitee";
import { sessionsByPerson } from "../program/mail-merge";
import type { ProgramRows } from "../program/program-rows";
import { invitationsState } from "../program/summary";
import type { Settings } from "../settings";
import type { TableName } from "../tables/contract";
import type { TableView } from "../tables/read-table";
import { INVITE_STATUSES } from "../vocab";
import { agendaBalance, agendaSheet } from "./agenda-sheet";
import type { Rag } from "./report-sheets";
import { type PlanValue, RAG, type SheetPlan, emptySheet } from "./sheet-plan";

export const INVITATIONS_SHEET = "Invitations";
export const INVITATIONS_TABLE = "IEWSC_Invitations";
const HEADER_ROW = 4;

/** What an invitee's row on the Invitations sheet says about a finding on that row, by code. */
const FLAG: Partial<Record<Finding["code"], string>> = {
  INVITE_CONTACT_MISSING: "no e-mail",
  INVITE_EMAIL_INVALID: "e-mail unusable",
  INVITE_LATE: "invitation late",
  INVITE_NO_REPLY: "no reply by the Reply By date",
  INVITE_DUPLICATE: "listed twice",
  INVITE_INVALID_VALUE: "a value cannot be read",
  PROGRAM_SPEAKER_UNCONFIRMED: "speaker not confirmed",
  PROGRAM_SPEAKER_DECLINED: "declined but on the programme",
};

/** One Summary line about the invitations (the report's `SummaryLine`, area "Invitations"). */
export interface InvitationLine {
  area: "Invitations";
  measure: string;
  value: string;
  rag: Rag;
}

/** What the programme part of a report is built from. */
export interface ReportProgramInput {
  views: Partial<Record<TableName, TableView>>;
  settings: Settings;
  date1904: boolean;
  findings: readonly Finding[];
  /** The Program and Invitees rows the check read (the report never reads them again). */
  rows: ProgramRows;
  /** The note every report sheet carries in A2. */
  note: string;
}

/**
 * The report's `Agenda`: the generated Agenda's plan, its A2 note (which, in a user's workbook, marks the
 * sheet as ours to rebuild) replaced by the report's, since a report is a snapshot, not a sheet to refresh.
 * `undefined` without a Program table.
 */
export function reportAgendaSheet(input: ReportProgramInput): SheetPlan | undefined {
  if (!input.views.Program) return undefined;
  const plan = agendaSheet({
    views: input.views,
    settings: input.settings,
    date1904: input.date1904,
    rows: input.rows,
  });
  const a2 = plan.blocks.find((b) => b.ref === "A2");
  if (a2) a2.values = [[`${input.note} [to confirm]: not accepted yet.`]];
  return plan;
}

/**
 * `Invitations`: every invitee with their organization, how they are invited, their Status and their
 * sessions, and what the checks found on their row, as a table a reader can filter. No e-mail column:
 * the report says who has none, never the addresses. `undefined` without an Invitees table.
 */
export function invitationsSheet(input: ReportProgramInput): SheetPlan | undefined {
  const view = input.views.Invitees;
  const invitees = input.rows.invitees;
  if (!view || !invitees) return undefined;
  const sessions = sessionsByPerson(input.rows.sessions ?? []);
  const flags = flagsByRow(input.findings, view.sheet);
  const plan = emptySheet(INVITATIONS_SHEET);
  plan.blocks.push(
    { ref: "A1", values: [["Invitations"]], style: "title" },
    { ref: "A2", values: [[input.note]], style: "note" },
    { ref: "A3", values: [[statusLine(invitees)]], style: "subtitle" },
  );
  const rows: PlanValue[][] = invitees.map((i) => [
    i.name,
    i.organization,
    i.invitedAs ?? i.invitedAsText,
    i.status ?? i.statusText,
    sessions.get(i.key) ?? "",
    (flags.get(i.row) ?? []).join("; "),
  ]);
  if (rows.length === 0) rows.push(["(no invitee yet)", "", "", "", "", ""]);
  plan.tables.push({
    name: INVITATIONS_TABLE,
    ref: a1(HEADER_ROW, 1),
    columns: [
      { header: "Name", numFmt: "@", wrap: true },
      { header: "Organization", numFmt: "@", wrap: true },
      { header: "Invited as", numFmt: "@", wrap: true },
      { header: "Status", numFmt: "@", wrap: true },
      { header: "Sessions", numFmt: "@", wrap: true },
      { header: "To act on", numFmt: "@", wrap: true },
    ],
    rows,
    style: "TableStyleLight9",
  });
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + rows.length;
  const status = a1(first, 4, last, 4);
  const cell = `$D${first}`;
  plan.conditionalFormats.push(
    { ref: status, formula: `${cell}="Accepted"`, fill: RAG.green.fill, font: RAG.green.font, bold: true },
    { ref: status, formula: `${cell}="Declined"`, fill: RAG.red.fill, font: RAG.red.font, bold: true },
    { ref: status, formula: `OR(${cell}="Invited",${cell}="To invite")`, fill: RAG.amber.fill, font: RAG.amber.font },
    {
      ref: a1(first, 6, last, 6),
      formula: `LEN($F${first})>0`,
      fill: RAG.amber.fill,
      font: RAG.amber.font,
    },
  );
  // Rows as tall as their longest wrapped cell (about 1.1 characters of Calibri 11 per width unit):
  // LibreOffice does not grow them when it prints.
  const widths = [22, 24, 11, 10, 68, 26];
  // Every column wraps, so that a row's cells all start at its top line.
  const heights = rows
    .map((r, i) => ({
      row: first + i,
      lines: Math.max(1, ...r.map((v, j) => Math.ceil(String(v ?? "").length / (widths[j]! * 1.1)))),
    }))
    .filter((h) => h.lines > 1)
    .map((h) => ({ row: h.row, height: h.lines * 15 }));
  if (heights.length) plan.rowHeights = heights;
  plan.columns = widths.map((width, i) => ({ column: i + 1, width }));
  plan.freezeBelowRow = first;
  plan.print = { orientation: "landscape", titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return plan;
}

/**
 * The Summary's lines on the invitations: how many by Status, those to contact without an e-mail, the
 * speakers not yet confirmed and the late invitations, each with its red/amber/green. Empty without an
 * Invitees table.
 */
export function invitationLines(input: ReportProgramInput): InvitationLine[] {
  const view = input.views.Invitees;
  const invitees = input.rows.invitees;
  if (!view || !invitees) return [];
  const state = invitationsState(invitees);
  const on = (code: Finding["code"]) => input.findings.filter((f) => f.code === code && f.sheet === view.sheet);
  const line = (measure: string, value: string, rag: Rag): InvitationLine => ({
    area: "Invitations",
    measure,
    value,
    rag,
  });
  const lines: InvitationLine[] = [
    line(
      "Invitees by status",
      statusLine(invitees),
      state.unknown ? "Amber" : state.byStatus["To invite"] + state.byStatus.Invited ? "Note" : "Green",
    ),
    line(
      "To contact without an e-mail",
      state.withoutEmail
        ? `${state.withoutEmail}: ${names(on("INVITE_CONTACT_MISSING"))}`
        : "none: everyone still to hear from can be written to",
      state.withoutEmail ? "Red" : "Green",
    ),
  ];
  const sessions = input.rows.sessions;
  if (input.views.Program && sessions) {
    const unconfirmed = on("PROGRAM_SPEAKER_UNCONFIRMED");
    const b = agendaBalance(sessions, invitees, input.settings);
    lines.push(
      line(
        "Speakers not yet confirmed",
        unconfirmed.length ? `${unconfirmed.length} of ${b.speakers}: ${names(unconfirmed)}` : `none of ${b.speakers}`,
        unconfirmed.some((f) => f.severity === "error") ? "Red" : unconfirmed.length ? "Amber" : "Green",
      ),
    );
  }
  const late = on("INVITE_LATE");
  const noReply = on("INVITE_NO_REPLY");
  lines.push(
    line("Late invitations", late.length ? `${late.length}: ${names(late)}` : "none", late.length ? "Amber" : "Green"),
    line(
      "Replies overdue",
      noReply.length ? `${noReply.length}: ${names(noReply)}` : "none",
      noReply.length ? "Amber" : "Green",
    ),
  );
  return lines;
}

/** "26 invitees: 18 Accepted · 4 Invited · 3 To invite · 1 Declined" (and the unreadable ones). */
function statusLine(invitees: readonly Invitee[]): string {
  const s = invitationsState(invitees);
  const parts = INVITE_STATUSES.map((status) => `${s.byStatus[status]} ${status}`);
  if (s.unknown) parts.push(`${s.unknown} with a Status that cannot be read`);
  return `${s.total} invitee${s.total === 1 ? "" : "s"}: ${parts.join(" · ")}`;
}

/** The names findings are about, at most four, then how many more. */
function names(findings: readonly Finding[]): string {
  const list = [...new Set(findings.map((f) => String((f.data as { name?: string }).name ?? `row ${f.row}`)))];
  return list.length > 4 ? `${list.slice(0, 4).join(", ")} and ${list.length - 4} more` : list.join(", ");
}

/** Short words for what the checks found on each Invitees row. */
function flagsByRow(findings: readonly Finding[], sheet: string): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const f of findings) {
    const flag = FLAG[f.code];
    if (!flag || f.sheet !== sheet || f.row === null) continue;
    const list = map.get(f.row) ?? [];
    if (!list.includes(flag)) list.push(flag);
    map.set(f.row, list);
  }
  return map;
}
