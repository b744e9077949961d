import { a1, sheetRef, stringLiteral } from "../a1";
import { type Day, longDate } from "../dates/calendar";
import type { Finding, Summary } from "../findings";
import { messageOf } from "../messages";
import { SEVERITIES, SEVERITY_COLOUR, SEVERITY_LABEL, SEVERITY_RANK, countLine, listOf, plural } from "../words";

import type { CheckResult } from "../check";
import type { CheckName } from "../rules";
import type { TableName } from "../tables/contract";
import type { TableView } from "../tables/read-table";
import { GENERATED, generatedNote } from "./generated";
import { locate } from "./highlights";
import { type PlanValue, RAG, type SheetPlan, emptySheet, printSetup } from "./sheet-plan";

export const CHECKS_SHEET = GENERATED.checks.sheet;
const CHECKS_TABLE = GENERATED.checks.tables[0];
const HEADER_ROW = 5;
const COLUMNS = ["Severity", "Code", "Sheet", "Row", "Column", "Message", "Go to"] as const;

/**
 * The most findings the `Checks` sheet lists, the most severe first: more than anyone reads, and a
 * workbook of 300,000 tasks would otherwise carry a second sheet of 300,000 rows (the check itself, in
 * the task pane or `iewsc check`, lists every one).
 */
export const CHECKS_SHEET_MAX_ROWS = 10_000;

/**
 * The generated `Checks` sheet: a title that says it is generated, the counts, and the findings as
 * an Excel table that can be filtered and shared, its Severity column in red, amber and blue.
 *
 * @example checksSheet(result.findings, result.summary, result.views, today).tables[0].rows.length
 */
export function checksSheet(
  findings: readonly Finding[],
  summary: Summary,
  views: Partial<Record<TableName, TableView>>,
  asOf: Day,
  what = "the roster",
): SheetPlan {
  const plan = emptySheet(CHECKS_SHEET);
  plan.tabColor = summary.errors ? RAG.red.font : summary.warnings ? RAG.amber.font : RAG.green.font;
  plan.blocks.push(
    { ref: "A1", values: [["IEWSC checks"]], style: "title" },
    generatedNote(
      `on ${longDate(asOf)} from ${what}. Run the check again to refresh this sheet; anything typed here is replaced.`,
    ),
    { ref: "A3", values: [[countLine(summary)]], style: "subtitle" },
  );
  const listed =
    findings.length > CHECKS_SHEET_MAX_ROWS
      ? [...findings]
          .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
          .slice(0, CHECKS_SHEET_MAX_ROWS)
      : findings;
  if (listed.length < findings.length)
    plan.blocks.push({
      ref: "A4",
      values: [
        [
          `Only the first ${plural(listed.length, "finding")} of ${findings.length.toLocaleString("en-GB")} are listed here, the most severe first: run iewsc check, or the check in the task pane, to see them all.`,
        ],
      ],
      style: "note",
    });
  const rows: PlanValue[][] = listed.map((f) => {
    const cell = locate(f, views);
    const goTo: PlanValue = cell
      ? {
          formula: `HYPERLINK(${stringLiteral(`#${sheetRef(cell.sheet)}!${cell.address.split(":")[0]}`)},${stringLiteral(cell.address)})`,
          result: cell.address,
        }
      : "";
    return [SEVERITY_LABEL[f.severity], f.code, f.sheet, f.row, f.column ?? "", messageOf(f), goTo];
  });
  if (rows.length === 0) rows.push(["OK", "", "", null, "", `No findings: ${what} meets every rule checked.`, ""]);
  plan.tables.push({
    name: CHECKS_TABLE,
    ref: a1(HEADER_ROW, 1),
    columns: COLUMNS.map((header) => ({
      header,
      numFmt: header === "Row" ? "0" : header === "Go to" ? undefined : "@",
      ...(header === "Message" ? { wrap: true } : {}),
    })),
    rows,
    style: "TableStyleLight9",
  });
  plan.columns = [12, 30, 14, 7, 14, 90, 12].map((width, i) => ({ column: i + 1, width }));
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.print = printSetup({
    title: "IEWSC checks",
    asOf: longDate(asOf),
    orientation: "landscape",
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  });
  const severityCells = a1(HEADER_ROW + 1, 1, HEADER_ROW + rows.length, 1);
  plan.conditionalFormats.push(
    ...SEVERITIES.map((severity) => ({
      ref: severityCells,
      formula: `$A${HEADER_ROW + 1}="${SEVERITY_LABEL[severity]}"`,
      ...SEVERITY_COLOUR[severity],
      ...(severity === "info" ? {} : { bold: true }),
    })),
    { ref: severityCells, formula: `$A${HEADER_ROW + 1}="OK"`, fill: RAG.green.fill, font: RAG.green.font, bold: true },
  );
  return plan;
}

/**
 * The checks that ran, as the `Checks` sheet and the terminal name them.
 *
 * @example checkedPhrase(["roster", "timeline"]) // "the roster and the timeline"
 */
export function checkedPhrase(checked: readonly CheckName[]): string {
  // No check ran when every table a check needs is there but cannot be used (Build still says so).
  return checked.length ? listOf(checked.map((c) => CHECKED_NOUN[c])) : "the workbook's tables";
}

/** What each check is called in a sentence. */
const CHECKED_NOUN: Record<CheckName, string> = {
  roster: "the roster",
  timeline: "the timeline",
  tasks: "the tasks",
  program: "the programme",
  invitees: "the invitations",
};

/**
 * The `Checks` sheet of a check's result: every finding of every check that ran.
 *
 * @example checksSheetOf(checkWorkbook(input, { today }), today).name // "Checks"
 */
export function checksSheetOf(result: CheckResult, today: Day): SheetPlan {
  return checksSheet(
    result.findings,
    result.summary,
    result.views,
    result.asOf ?? today,
    checkedPhrase(result.checked),
  );
}
