import { a1, columnLetter } from "../a1";
import { type Day, isoOf, longDate, ymdOf } from "../dates/calendar";
import type { TableView } from "../tables/read-table";
import { effectiveOf, planOf } from "../timeline/milestone";
import type { TimelineContext } from "../timeline/rule";
import { type CellRefs, fieldFormula, todayFormula } from "./timeline-formulas";
import { GENERATED, generatedNote } from "./generated";
import { type PlanValue, RAG, type SheetPlan, emptySheet, printSetup } from "./sheet-plan";

export const TIMELINE_VIEW_SHEET = GENERATED.timelineView.sheet;
const HEADER_ROW = 5;
const FIRST_WEEK_COLUMN = 7;
/** At most five years of weeks: a Gantt wider than that is no longer read at a glance. */
const MAX_WEEKS = 260;

/** The Monday on or before a day (1970-01-01 was a Thursday). */
const mondayOf = (day: Day): Day => day - ((((day + 3) % 7) + 7) % 7);

/** The Gantt's colours, in priority order: what happened over what is forecast over today over the plan. */
const GANTT = {
  actual: { fill: "107C10", font: "FFFFFF" },
  forecast: { fill: "FFB900", font: "000000" },
  today: { fill: "D13438", font: "FFFFFF" },
  plan: { fill: "C7E0F4", font: "005A9E" },
} as const;

/**
 * The generated `Timeline view` sheet: one row per milestone, one narrow column per week, and the bars
 * drawn by conditional formats over the week dates — the planned window in blue, the forecast week in
 * amber, the actual week in green and a red line on today's week. Forecast and Actual are live formulas
 * of the Timeline sheet, so moving a date there moves its bar without a re-run.
 */
export function timelineViewSheet(
  ctx: TimelineContext,
  view: TableView,
  options: { date1904: boolean; liveAsOf: Day | undefined; generatedOn: Day },
): SheetPlan {
  const plan = emptySheet(TIMELINE_VIEW_SHEET);
  const refs: CellRefs = {
    sheet: view.sheet,
    forecastColumn: view.columns["Forecast"],
    actualColumn: view.columns["Actual"],
    date1904: options.date1904,
  };
  const days = ctx.milestones
    .flatMap((m) => [planOf(m)?.earliest, planOf(m)?.latest, effectiveOf(m)?.window.latest])
    .filter((d): d is Day => d !== undefined);
  if (ctx.asOf !== undefined) days.push(ctx.asOf);
  // A loop, not Math.min(...days): a spread of 130,000 arguments overflows the call stack.
  const first = mondayOf(days.length ? days.reduce((a, b) => Math.min(a, b)) : options.generatedOn) - 7;
  const last = days.length ? days.reduce((a, b) => Math.max(a, b)) + 7 : first + 52 * 7;
  const weeks = Math.min(MAX_WEEKS, Math.floor((last - first) / 7) + 1);
  plan.blocks.push(
    { ref: "A1", values: [["Timeline view"]], style: "title" },
    generatedNote(
      `on ${longDate(options.generatedOn)} from the ${view.sheet} sheet. Blue: the planned window · amber: the forecast · green: the actual date · red: this week.`,
    ),
    {
      ref: "A3",
      values: [
        [
          "Forecast and Actual follow the Timeline sheet as you edit it; run Check timeline again after adding or removing milestones.",
        ],
      ],
      style: "note",
    },
  );
  const header: PlanValue[] = ["ID", "Milestone", "Planned from", "Planned to", "Forecast", "Actual"];
  const months: PlanValue[] = header.map(() => null);
  for (let w = 0; w < weeks; w++) {
    const monday = first + 7 * w;
    header.push({ date: isoOf(monday) });
    const { day, month, year } = ymdOf(monday);
    months.push(
      day <= 7 || w === 0
        ? `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]} ${year}`
        : null,
    );
  }
  plan.blocks.push({
    ref: a1(HEADER_ROW - 1, FIRST_WEEK_COLUMN),
    values: [months.slice(FIRST_WEEK_COLUMN - 1)],
    style: "label",
  });
  plan.blocks.push({ ref: a1(HEADER_ROW, 1), values: [header.slice(0, FIRST_WEEK_COLUMN - 1)], style: "label" });
  plan.blocks.push({
    ref: a1(HEADER_ROW, FIRST_WEEK_COLUMN),
    values: [header.slice(FIRST_WEEK_COLUMN - 1)],
    style: "label",
    numFmt: "d",
  });
  const rows: PlanValue[][] = ctx.milestones.map((m) => {
    const p = planOf(m);
    return [
      m.id,
      m.title,
      p ? { date: isoOf(p.earliest) } : null,
      p ? { date: isoOf(p.latest) } : null,
      { formula: fieldFormula(refs, "Forecast", m, m.row) },
      { formula: fieldFormula(refs, "Actual", m, m.row) },
    ];
  });
  if (rows.length)
    plan.blocks.push({ ref: a1(HEADER_ROW + 1, 1), values: rows.map((r) => r.slice(0, 2)), numFmt: "@" });
  if (rows.length)
    plan.blocks.push({ ref: a1(HEADER_ROW + 1, 3), values: rows.map((r) => r.slice(2)), numFmt: "yyyy-mm-dd" });
  const lastRow = HEADER_ROW + Math.max(rows.length, 1);
  const grid = a1(HEADER_ROW + 1, FIRST_WEEK_COLUMN, lastRow, FIRST_WEEK_COLUMN + weeks - 1);
  const week = `${columnLetter(FIRST_WEEK_COLUMN)}$${HEADER_ROW}`;
  const r = HEADER_ROW + 1;
  const today = todayFormula(options.liveAsOf, options.date1904);
  plan.conditionalFormats.push(
    {
      ref: grid,
      formula: `AND(ISNUMBER($F${r}),$F${r}>=${week},$F${r}<${week}+7)`,
      fill: GANTT.actual.fill,
      font: GANTT.actual.font,
    },
    {
      ref: grid,
      formula: `AND(ISNUMBER($E${r}),$E${r}>=${week},$E${r}<${week}+7)`,
      fill: GANTT.forecast.fill,
      font: GANTT.forecast.font,
    },
    { ref: grid, formula: `AND(${today}>=${week},${today}<${week}+7)`, fill: GANTT.today.fill, font: GANTT.today.font },
    {
      ref: grid,
      formula: `AND(ISNUMBER($C${r}),${week}+6>=$C${r},${week}<=$D${r})`,
      fill: GANTT.plan.fill,
      font: GANTT.plan.font,
    },
  );
  plan.columns = [
    ...[8, 44, 12, 12, 12, 12].map((width, i) => ({ column: i + 1, width })),
    ...Array.from({ length: weeks }, (_, i) => ({ column: FIRST_WEEK_COLUMN + i, width: 3.2 })),
  ];
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.tabColor = RAG.blue.font;
  plan.print = printSetup({
    title: "Timeline view",
    asOf: longDate(ctx.asOf ?? options.generatedOn),
    orientation: "landscape",
    titleRows: `1:${HEADER_ROW}`,
  });
  return plan;
}
