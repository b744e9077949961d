import { a1, columnLetter } from "../a1";
import { type Day, isoOf, serialOf } from "../dates/calendar";
import type { DateWindow } from "../dates/read-window";
import type { TableView } from "../tables/read-table";
import type { TimelineContext } from "../timeline/rule";
import { type Milestone, effectiveOf, planOf } from "../timeline/milestone";
import { type CellRefs, dateNowFormula, hasActualFormula, todayFormula } from "./timeline-formulas";
import { GENERATED } from "./generated";
import { type PlanColumnFormat, type PlanConditionalFormat, type PlanTable, type PlanValue, RAG } from "./sheet-plan";

/** The generated table beside the user's Timeline table. Its range is all that is ours on that sheet. */
export const TIMELINE_STATUS_TABLE = GENERATED.timelineStatus.tables[0];

/** Our conditional formats on the user's sheet carry this marker, so that a re-run removes exactly them. */
export const STATUS_MARKER = "IEWSC status";
const marked = (formula: string) => `AND(N("${STATUS_MARKER}")=0,${formula})`;

export const STATUS_COLUMNS = [
  "IEWSC planned from",
  "IEWSC planned to",
  "IEWSC certainty",
  "IEWSC date now",
  "IEWSC slip days",
  "IEWSC status",
] as const;

/** Statuses the live formula gives, and the core's own reading of each milestone. */
export type MilestoneStatus = "Done" | "Done late" | "Overdue" | "Slipping" | "On plan" | "Unreadable plan";

/** A table written beside a user's table, on the user's sheet, with its formats. */
export interface BesideTablePlan {
  sheet: string;
  table: PlanTable;
  conditionalFormats: PlanConditionalFormat[];
  columns: PlanColumnFormat[];
}

/** The core's own computation of what the live formulas show, for the tests and the task pane. */
export interface MilestoneState {
  row: number;
  id: string;
  plannedFrom: Day | undefined;
  plannedTo: Day | undefined;
  dateNow: Day | undefined;
  slipDays: number | undefined;
  status: MilestoneStatus;
}

export function milestoneState(m: Milestone, asOf: Day | undefined): MilestoneState {
  const plan: DateWindow | undefined = planOf(m);
  // An Actual that cannot be read hides the Forecast, as in the formula (the Actual cell is not blank).
  const now = m.actual.state === "unreadable" ? undefined : effectiveOf(m)?.window.latest;
  const slipDays = plan && now !== undefined ? Math.max(0, now - plan.latest) : undefined;
  let status: MilestoneStatus;
  if (!plan) status = "Unreadable plan";
  else if (m.actual.state !== "blank") status = (slipDays ?? 0) > 0 ? "Done late" : "Done";
  else if (asOf !== undefined && (now ?? plan.latest) < asOf) status = "Overdue";
  else status = (slipDays ?? 0) > 0 ? "Slipping" : "On plan";
  return { row: m.row, id: m.id, plannedFrom: plan?.earliest, plannedTo: plan?.latest, dateNow: now, slipDays, status };
}

/**
 * The generated columns beside the Timeline table, one column of space to its right: the planned
 * window as the core read it, and, as live formulas of Forecast and Actual, the date now, the slip in
 * days and a status, coloured red, amber and green by live conditional formats.
 *
 * @param liveAsOf the AsOf setting when there is one; without it the formulas use TODAY()
 */
export function timelineStatusPlan(
  ctx: TimelineContext,
  view: TableView,
  options: { date1904: boolean; liveAsOf: Day | undefined },
): BesideTablePlan {
  const left = view.span.last + 2;
  const top = view.headerRow;
  const col = (i: number) => left + i;
  const refs: CellRefs = {
    sheet: view.sheet,
    forecastColumn: view.columns["Forecast"],
    actualColumn: view.columns["Actual"],
    date1904: options.date1904,
  };
  const byRow = new Map(ctx.milestones.map((m) => [m.row, m]));
  const today = todayFormula(options.liveAsOf, options.date1904);
  const red = ctx.settings.redSlipDays;
  const serial = (d: Day | undefined): PlanValue => (d === undefined ? null : { date: isoOf(d) });
  const rows: PlanValue[][] = [];
  for (let row = top + 1; row <= Math.max(view.lastRow, top + 1); row++) {
    const m = byRow.get(row);
    const state = m ? milestoneState(m, options.liveAsOf ?? ctx.asOf) : undefined;
    const [P, D, S] = [a1(row, col(1)), a1(row, col(3)), a1(row, col(4))];
    const plan = m ? planOf(m) : undefined;
    rows.push([
      serial(state?.plannedFrom),
      serial(state?.plannedTo),
      plan ? plan.certainty : m ? "" : null,
      {
        formula: dateNowFormula(refs, m, row),
        result: state?.dateNow === undefined ? "" : serialOf(state.dateNow, options.date1904),
      },
      { formula: `IF(AND(ISNUMBER(${D}),ISNUMBER(${P})),MAX(0,${D}-${P}),"")`, result: state?.slipDays ?? "" },
      m
        ? {
            formula:
              `IF(NOT(ISNUMBER(${P})),"Unreadable plan",IF(${hasActualFormula(refs, row)},IF(N(${S})>0,"Done late","Done"),` +
              `IF(IF(ISNUMBER(${D}),${D},${P})<${today},"Overdue",IF(N(${S})>0,"Slipping","On plan"))))`,
            result: state!.status,
          }
        : null,
    ]);
  }
  const body = a1(top + 1, col(4), top + rows.length, col(5));
  const [slip, status] = [`$${columnLetter(col(4))}${top + 1}`, `$${columnLetter(col(5))}${top + 1}`];
  return {
    sheet: view.sheet,
    table: {
      name: TIMELINE_STATUS_TABLE,
      ref: a1(top, left),
      columns: STATUS_COLUMNS.map((header, i) => ({
        header,
        numFmt: i <= 1 || i === 3 ? "yyyy-mm-dd" : i === 4 ? "0" : "@",
      })),
      rows,
      style: "TableStyleLight1",
    },
    conditionalFormats: [
      {
        ref: body,
        formula: marked(`OR(${status}="Overdue",AND(ISNUMBER(${slip}),${slip}>=${red}))`),
        fill: RAG.red.fill,
        font: RAG.red.font,
        bold: true,
      },
      {
        ref: body,
        formula: marked(`AND(ISNUMBER(${slip}),${slip}>0)`),
        fill: RAG.amber.fill,
        font: RAG.amber.font,
        bold: true,
      },
      {
        ref: body,
        formula: marked(`OR(${status}="On plan",${status}="Done")`),
        fill: RAG.green.fill,
        font: RAG.green.font,
      },
    ],
    columns: [12, 12, 10, 12, 9, 16].map((width, i) => ({ column: col(i), width })),
  };
}
