/**
 * The report's detail sheets. A report is a snapshot for people without the add-in: every figure is a
 * value the core computed (no formula points back into a workbook that is not there), laid out to print.
 */
import { a1, columnLetter } from "../a1";
import type { Budget } from "../budget/budget";
import { CATEGORIES } from "../budget/budget";
import type { Resources } from "../budget/resources";
import { type Day, addMonths, isoOf, ymdOf } from "../dates/calendar";
import type { Finding } from "../findings";
import { messageOf } from "../messages";
import { SEVERITY_LABEL } from "../words";
import type { BalanceRow } from "../roster/balance";
import { type Milestone, effectiveOf, planOf, windowOf } from "../timeline/milestone";
import { ITU_REFERENCE_SHARE } from "./balance-sheet";
import { type PlanConditionalFormat, type PlanValue, RAG, type SheetPlan, emptySheet } from "./sheet-plan";
import { milestoneState } from "./timeline-status";

export const FINDINGS_SHEET = "Findings";
export const FINDINGS_TABLE = "IEWSC_Findings";
const HEADER_ROW = 4;

/** Red, amber, green (and blue for a note) as words: a printed page in black and white still says them. */
export type Rag = "Red" | "Amber" | "Green" | "Note";

/** The conditional formats that colour a column of Rag words. */
export function ragFormats(ref: string, firstCell: string): PlanConditionalFormat[] {
  const anchored = firstCell.replace(/^([A-Z]+)/, "$$$1");
  const one = (word: Rag, c: { fill: string; font: string }) => ({
    ref,
    formula: `${anchored}="${word}"`,
    fill: c.fill,
    font: c.font,
    bold: true,
  });
  return [one("Red", RAG.red), one("Amber", RAG.amber), one("Green", RAG.green), one("Note", RAG.blue)];
}

/** The title, the note under it and an empty row: every report sheet starts the same way. */
function heading(plan: SheetPlan, title: string, note: string): void {
  plan.blocks.push({ ref: "A1", values: [[title]], style: "title" }, { ref: "A2", values: [[note]], style: "note" });
}

/** `Findings`: every finding as a table a reader can filter, the severity in red, amber and blue. */
export function findingsSheet(findings: readonly Finding[], note: string): SheetPlan {
  const plan = emptySheet(FINDINGS_SHEET);
  heading(plan, "Findings", note);
  const rows: PlanValue[][] = findings.map((f) => [
    SEVERITY_LABEL[f.severity],
    f.code,
    f.sheet,
    f.row,
    f.column ?? "",
    messageOf(f),
  ]);
  if (rows.length === 0) rows.push(["OK", "", "", null, "", "No findings: the workbook meets every rule checked."]);
  plan.tables.push({
    name: FINDINGS_TABLE,
    ref: a1(HEADER_ROW, 1),
    columns: [
      { header: "Severity", numFmt: "@" },
      { header: "Code", numFmt: "@" },
      { header: "Sheet", numFmt: "@" },
      { header: "Row", numFmt: "0" },
      { header: "Column", numFmt: "@" },
      { header: "Message", numFmt: "@" },
    ],
    rows,
    style: "TableStyleLight9",
  });
  plan.columns = [10, 28, 14, 6, 14, 90].map((width, i) => ({ column: i + 1, width }));
  plan.freezeBelowRow = HEADER_ROW + 1;
  const cells = a1(HEADER_ROW + 1, 1, HEADER_ROW + rows.length, 1);
  const first = `$A${HEADER_ROW + 1}`;
  plan.conditionalFormats.push(
    { ref: cells, formula: `${first}="Error"`, fill: RAG.red.fill, font: RAG.red.font, bold: true },
    { ref: cells, formula: `${first}="Warning"`, fill: RAG.amber.fill, font: RAG.amber.font, bold: true },
    { ref: cells, formula: `${first}="Note"`, fill: RAG.blue.fill, font: RAG.blue.font },
    { ref: cells, formula: `${first}="OK"`, fill: RAG.green.fill, font: RAG.green.font, bold: true },
  );
  plan.print = { orientation: "landscape", titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return plan;
}

/** The RAG of a gender share: green from the balance line, amber from ITU's 35 %, red below. */
export function shareRag(share: number | null, minShare: number): Rag {
  if (share === null) return "Note";
  if (share >= minShare) return "Green";
  return share >= Math.min(ITU_REFERENCE_SHARE, minShare) ? "Amber" : "Red";
}

/** The RAG of a region's seats: all filled green, none red, some (or too many) amber. */
export function seatsRag(filled: number, wanted: number): Rag {
  if (filled === wanted) return "Green";
  return filled === 0 ? "Red" : "Amber";
}

const pct = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)} %`);

/** `Balance`: the confirmed committee by region and gender, with the shares and seats in red/amber/green. */
export function reportBalanceSheet(rows: readonly BalanceRow[], minShare: number, note: string): SheetPlan {
  const plan = emptySheet("Balance");
  heading(plan, "Balance by region and gender", note);
  const header = [
    "Confirmed members",
    "Female",
    "Male",
    "Other",
    "Not stated",
    "Total",
    "Women",
    "Women status",
    "Men",
    "Men status",
    "Seats wanted",
    "Seats filled",
    "Seats status",
  ];
  plan.blocks.push({
    ref: "A3",
    values: [
      [
        `Green: a share of ${pct(minShare)} or more (MinGenderShare); amber: from ${pct(Math.min(ITU_REFERENCE_SHARE, minShare))} (ITU's reference); red: below. Shares are of the members whose gender is stated.`,
      ],
    ],
    style: "note",
  });
  plan.blocks.push({ ref: a1(HEADER_ROW, 1), values: [header], style: "label" });
  const body: PlanValue[][] = rows.map((r) => [
    r.label,
    r.female,
    r.male,
    r.other,
    r.notStated,
    r.total,
    pct(r.womenShare),
    r.kind === "region" || r.kind === "total" ? shareRag(r.womenShare, minShare) : "",
    pct(r.menShare),
    r.kind === "region" || r.kind === "total" ? shareRag(r.menShare, minShare) : "",
    r.seatsWanted,
    r.seatsFilled,
    r.seatsWanted === null || r.seatsFilled === null ? "" : seatsRag(r.seatsFilled, r.seatsWanted),
  ]);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(body.length, 1);
  if (body.length) plan.blocks.push({ ref: a1(first, 1), values: body.slice(0, -1) });
  if (body.length) plan.blocks.push({ ref: a1(last, 1), values: [body.at(-1)!], style: "total" });
  // The shares as numbers, right-aligned like the counts beside them.
  for (const [c, key] of [
    [7, "womenShare"],
    [9, "menShare"],
  ] as const)
    if (rows.length) plan.blocks.push({ ref: a1(first, c), values: rows.map((r) => [r[key] ?? "—"]), numFmt: "0.0%" });
  for (const c of [8, 10, 13]) plan.conditionalFormats.push(...ragFormats(a1(first, c, last, c), a1(first, c)));
  plan.columns = [34, 8, 8, 8, 11, 8, 9, 14, 9, 12, 13, 12, 13].map((width, i) => ({ column: i + 1, width }));
  plan.print = { orientation: "landscape", titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return plan;
}

/** The Gantt band's codes, each painted in its colour (the letter in the same colour, so only the band shows). */
export const GANTT_CODE = { plan: "P", forecast: "F", actual: "A", today: "T" } as const;
const GANTT_COLOURS: Record<keyof typeof GANTT_CODE, string> = {
  actual: "107C10",
  forecast: "FFB900",
  today: "D13438",
  plan: "C7E0F4",
};
/** At most four years of months: a wider band no longer prints legibly on one page width. */
const MAX_MONTHS = 48;

const monthStart = (day: Day): Day => {
  const { day: d } = ymdOf(day);
  return day - (d - 1);
};
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * `Timeline`: each milestone's planned window, forecast, actual, slip and status, and a Gantt band by
 * month (blue the planned window, amber the forecast, green the actual, red the as-of month).
 */
export function reportTimelineSheet(
  milestones: readonly Milestone[],
  asOf: Day,
  redSlipDays: number,
  note: string,
): SheetPlan {
  const plan = emptySheet("Timeline");
  heading(plan, "Timeline against its plan", note);
  plan.blocks.push({
    ref: "A3",
    values: [
      [
        `Band by month: P planned window (blue) · F forecast (amber) · A actual (green) · T the as-of month (red). Slips of ${redSlipDays} days or more are red.`,
      ],
    ],
    style: "note",
  });
  const fixed = ["ID", "Milestone", "Planned from", "Planned to", "Forecast", "Actual", "Slip days", "Status"];
  const days = milestones
    .flatMap((m) => [planOf(m)?.earliest, planOf(m)?.latest, effectiveOf(m)?.window.latest])
    .filter((d): d is Day => d !== undefined);
  days.push(asOf);
  const months: Day[] = [];
  for (let m = monthStart(Math.min(...days)); m <= Math.max(...days) && months.length < MAX_MONTHS; m = addMonths(m, 1))
    months.push(m);
  const header: PlanValue[] = [
    ...fixed,
    ...months.map((m) => `${MONTHS[ymdOf(m).month - 1]} ${String(ymdOf(m).year).slice(2)}`),
  ];
  plan.blocks.push({ ref: a1(HEADER_ROW, 1), values: [header], style: "label" });
  const dateOf = (d: Day | undefined): PlanValue => (d === undefined ? null : { date: isoOf(d) });
  const rows = milestones.map((m) => {
    const s = milestoneState(m, asOf);
    const forecast = windowOf(m.forecast)?.latest;
    const actual = windowOf(m.actual)?.latest;
    const rag: string =
      s.status === "Overdue" || (s.slipDays ?? 0) >= redSlipDays
        ? `${s.status} (red)`
        : s.status === "Slipping" || s.status === "Done late" || s.status === "Unreadable plan"
          ? `${s.status} (amber)`
          : s.status;
    const band = months.map((start) => {
      const end = addMonths(start, 1) - 1;
      const within = (d: Day | undefined) => d !== undefined && d >= start && d <= end;
      if (within(actual)) return GANTT_CODE.actual;
      if (within(forecast)) return GANTT_CODE.forecast;
      if (within(asOf)) return GANTT_CODE.today;
      if (s.plannedFrom !== undefined && s.plannedTo !== undefined && s.plannedFrom <= end && s.plannedTo >= start)
        return GANTT_CODE.plan;
      return "";
    });
    return {
      text: [m.id, m.title] as PlanValue[],
      dates: [dateOf(s.plannedFrom), dateOf(s.plannedTo), dateOf(forecast), dateOf(actual)],
      rest: [s.slipDays ?? null, rag, ...band] as PlanValue[],
    };
  });
  const first = HEADER_ROW + 1;
  if (rows.length) {
    plan.blocks.push({ ref: a1(first, 1), values: rows.map((r) => r.text), numFmt: "@" });
    plan.blocks.push({ ref: a1(first, 3), values: rows.map((r) => r.dates), numFmt: "d mmm yyyy" });
    plan.blocks.push({ ref: a1(first, 7), values: rows.map((r) => r.rest) });
  }
  const last = HEADER_ROW + Math.max(rows.length, 1);
  const status = a1(first, 8, last, 8);
  plan.conditionalFormats.push(
    {
      ref: status,
      formula: `ISNUMBER(SEARCH("(red)",$H${first}))`,
      fill: RAG.red.fill,
      font: RAG.red.font,
      bold: true,
    },
    {
      ref: status,
      formula: `ISNUMBER(SEARCH("(amber)",$H${first}))`,
      fill: RAG.amber.fill,
      font: RAG.amber.font,
      bold: true,
    },
    { ref: status, formula: `LEFT($H${first},4)="Done"`, fill: RAG.green.fill, font: RAG.green.font },
    { ref: status, formula: `$H${first}="On plan"`, fill: RAG.green.fill, font: RAG.green.font },
  );
  if (months.length) {
    const band = a1(first, 9, last, 8 + months.length);
    const corner = `${columnLetter(9)}${first}`;
    for (const [kind, code] of Object.entries(GANTT_CODE) as [keyof typeof GANTT_CODE, string][])
      plan.conditionalFormats.push({
        ref: band,
        formula: `${corner}="${code}"`,
        fill: GANTT_COLOURS[kind],
        font: GANTT_COLOURS[kind],
      });
  }
  plan.columns = [
    ...[7, 40, 12, 12, 12, 12, 9, 20].map((width, i) => ({ column: i + 1, width })),
    ...months.map((_, i) => ({ column: 9 + i, width: 6.5 })),
  ];
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.print = { orientation: "landscape", titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return plan;
}

const MONEY = "#,##0.00";

/** `Budget`: one line per rate item, the subtotals by category, the contingency and the grand total. */
export function reportBudgetSheet(budget: Budget, units: ReadonlyMap<string, string>, note: string): SheetPlan {
  const plan = emptySheet("Budget");
  heading(plan, `Budget (${budget.currency})`, note);
  plan.blocks.push({
    ref: a1(HEADER_ROW, 1),
    values: [["Category", "Item", "Unit", "Quantity", "Rate", "Amount", "Paid by"]],
    style: "label",
  });
  const lines: PlanValue[][] = budget.lines.map((l) => [
    l.category,
    l.item,
    units.get(l.item.toLowerCase()) ?? "",
    l.quantity,
    l.rate,
    l.amount,
    l.paidBy,
  ]);
  const first = HEADER_ROW + 1;
  if (lines.length) plan.blocks.push({ ref: a1(first, 1), values: lines, numFmt: MONEY });
  let at = first + Math.max(lines.length, 1) + 1;
  const sums: PlanValue[][] = [
    ...CATEGORIES.map((c) => [`Subtotal: ${c}`, null, null, null, null, budget.subtotals[c] ?? 0] as PlanValue[]),
    ["Total of the lines", null, null, null, null, budget.linesTotal],
    ["Contingency", null, null, null, null, budget.contingency],
  ];
  plan.blocks.push({ ref: a1(at, 1), values: sums, style: "label", numFmt: MONEY });
  at += sums.length;
  plan.blocks.push({
    ref: a1(at, 1),
    values: [[`Grand total (${budget.currency})`, null, null, null, null, budget.total]],
    style: "total",
    numFmt: MONEY,
  });
  plan.blocks.push({
    ref: a1(at + 1, 1),
    values: [["Expected from the host (venue away from Geneva)", null, null, null, null, budget.host]],
    numFmt: MONEY,
  });
  plan.columns = [30, 22, 34, 10, 12, 14, 9].map((width, i) => ({ column: i + 1, width }));
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.print = { orientation: "portrait", titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return plan;
}

/** `Resources`: person-days by role and month, with totals. */
export function reportResourcesSheet(resources: Resources, note: string): SheetPlan {
  const plan = emptySheet("Resources");
  heading(plan, "Resources: person-days by role and month", note);
  const monthLabel = (m: Day) => `${MONTHS[ymdOf(m).month - 1]} ${ymdOf(m).year}`;
  plan.blocks.push({
    ref: a1(HEADER_ROW, 1),
    values: [["Role", ...resources.months.map(monthLabel), "Total"]],
    style: "label",
  });
  const round = (n: number) => Math.round(n * 10) / 10;
  const rows: PlanValue[][] = resources.roles.map((role, i) => {
    const line = resources.grid[i] ?? [];
    return [role || "(no role)", ...line.map(round), round(line.reduce((s, n) => s + n, 0))];
  });
  const first = HEADER_ROW + 1;
  if (rows.length) plan.blocks.push({ ref: a1(first, 1), values: rows, numFmt: "0.0" });
  const totals = resources.months.map((_, j) => round(resources.grid.reduce((s, line) => s + (line[j] ?? 0), 0)));
  plan.blocks.push({
    ref: a1(first + rows.length, 1),
    values: [["Total by month", ...totals, round(totals.reduce((s, n) => s + n, 0))]],
    style: "total",
    numFmt: "0.0",
  });
  plan.blocks.push({
    ref: a1(first + rows.length + 2, 1),
    values: [
      [
        `Total effort of the Tasks table: ${round(resources.totalDays)} person-days (tasks without dates count here, not by month).`,
      ],
    ],
    style: "note",
  });
  plan.columns = [
    { column: 1, width: 28 },
    ...resources.months.map((_, j) => ({ column: 2 + j, width: 9 })),
    { column: 2 + resources.months.length, width: 9 },
  ];
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.print = { orientation: "landscape", titleRows: `${HEADER_ROW}:${HEADER_ROW}` };
  return plan;
}
