import { a1, columnLetter, sheetRef } from "../a1";
import { type Day, addMonths, dayFromYMD, isoOf, longDate, ymdOf } from "../dates/calendar";
import { GENERATED, generatedNote } from "../plans/generated";
import { type PlanValue, RAG, type SheetPlan, emptySheet, printSetup } from "../plans/sheet-plan";
import type { TableView } from "../tables/read-table";
import { rowsEnd } from "./budget";
import type { TaskRow } from "./tasks";

export const RESOURCES_SHEET = GENERATED.resources.sheet;
export const RESOURCE_TOTAL_NAME = GENERATED.resources.names[0];
const HEADER_ROW = 4;
/** At most five years of months. */
const MAX_MONTHS = 60;

const firstOfMonth = (day: Day): Day => {
  const { year, month } = ymdOf(day);
  return dayFromYMD(year, month, 1)!;
};

/** The days of a task that fall in [from, to], as the formula counts them. */
const overlap = (t: TaskRow, from: Day, to: Day) => Math.max(0, Math.min(t.due!, to) - Math.max(t.start!, from) + 1);

/** A task counts in the months when it has a start, a due day not before it, and effort. */
const placed = (t: TaskRow) => t.start !== undefined && t.due !== undefined && t.due >= t.start;

export interface Resources {
  roles: string[];
  months: Day[];
  /** Person-days by role (rows) and month (columns): each task's effort spread evenly over its days. */
  grid: number[][];
  /** The sum of Effort over all tasks (the named total). */
  totalDays: number;
}

export function computeResources(tasks: readonly TaskRow[]): Resources {
  // Excel compares text without case: "TSB secretariat" and "TSB Secretariat" are one role, named as first written.
  const roles: string[] = [];
  for (const t of tasks) if (t.role && !roles.some((r) => r.toLowerCase() === t.role.toLowerCase())) roles.push(t.role);
  if (tasks.some((t) => !t.role && t.effort)) roles.push("");
  const dated = tasks.filter(placed);
  const months: Day[] = [];
  if (dated.length) {
    const from = firstOfMonth(Math.min(...dated.map((t) => t.start!)));
    const to = Math.max(...dated.map((t) => t.due!));
    for (let m = from; m <= to && months.length < MAX_MONTHS; m = addMonths(m, 1)) months.push(m);
  }
  const grid = roles.map((role) =>
    months.map((m) => {
      const end = addMonths(m, 1) - 1;
      return dated
        .filter((t) => t.role.toLowerCase() === role.toLowerCase())
        .reduce((s, t) => s + (t.effort * overlap(t, m, end)) / (t.due! - t.start! + 1), 0);
    }),
  );
  return { roles, months, grid, totalDays: tasks.reduce((s, t) => s + t.effort, 0) };
}

/**
 * The generated `Resources` sheet: person-days by role and month, with totals, as live formulas over
 * the Tasks table (SUMPRODUCT over its Role, Start, Due and Effort columns, each task's effort spread
 * evenly over its calendar days); the total person-days is `ResourceTotalDays`.
 */
export function resourcesSheet(
  view: TableView,
  tasks: readonly TaskRow[],
  generatedOn: Day,
): { plan: SheetPlan; resources: Resources; totalRef: string } {
  const resources = computeResources(tasks);
  const plan = emptySheet(RESOURCES_SHEET);
  const first = view.headerRow + 1;
  const lastRow = rowsEnd(view);
  const col = (name: string) => {
    const letter = columnLetter(view.columns[name]!);
    return `${sheetRef(view.sheet)}!$${letter}$${first}:$${letter}$${Math.max(lastRow, first)}`;
  };
  // Role, Start, Due and Effort are optional columns: without one of them there is nothing to spread.
  const spread = ["Role", "Start", "Due", "Effort"].every((c) => view.columns[c] !== undefined);
  const [R, S, D, E] = spread ? [col("Role"), col("Start"), col("Due"), col("Effort")] : ["", "", "", ""];
  plan.blocks.push(
    { ref: "A1", values: [["Resources: person-days by role and month"]], style: "title" },
    generatedNote(
      `on ${longDate(generatedOn)} from the ${view.sheet} table. Each task's effort is spread evenly over its days; edit a task there and the figures follow. Rebuild after adding roles or moving the plan to other months.`,
    ),
  );
  const n = resources.months.length;
  const header: PlanValue[] = ["Role", ...resources.months.map((m) => ({ date: isoOf(m) }) as PlanValue), "Total"];
  plan.blocks.push({ ref: a1(HEADER_ROW, 1), values: [header], style: "label", numFmt: "mmm yyyy" });
  const rows: PlanValue[][] = resources.roles.map((role, i) => {
    const r = HEADER_ROW + 1 + i;
    const cells: PlanValue[] = resources.months.map((_, j) => {
      const m = `${columnLetter(2 + j)}$${HEADER_ROW}`;
      const end = `EOMONTH(${m},0)`;
      const lo = `((${S}>${m})*${S}+(${S}<=${m})*${m})`;
      const hi = `((${D}<${end})*${D}+(${D}>=${end})*${end})`;
      const days = `(${hi}-${lo}+1)`;
      // The row for tasks without a role compares with "", not with its label.
      const who = role === "" ? '""' : `$A${r}`;
      return {
        formula: spread
          ? `SUMPRODUCT((${R}=${who})*ISNUMBER(${S})*ISNUMBER(${D})*(${D}>=${S})*(${days}>0)*${days}*${E}/(ABS(${D}-${S})+1))`
          : "0",
        result: resources.grid[i]![j]!,
        // gnumeric reads ABS, ISNUMBER … over ranges inside SUMPRODUCT as one cell unless this is an array formula.
        array: spread,
      };
    });
    return [
      role === "" ? "(no role)" : role,
      ...cells,
      n
        ? { formula: `SUM(B${r}:${columnLetter(1 + n)}${r})`, result: resources.grid[i]!.reduce((a, b) => a + b, 0) }
        : 0,
    ];
  });
  if (rows.length) plan.blocks.push({ ref: a1(HEADER_ROW + 1, 1), values: rows, numFmt: "0.0" });
  const totalRow = HEADER_ROW + 1 + rows.length;
  const sumCol = (c: number) =>
    ({
      formula: `SUM(${columnLetter(c)}${HEADER_ROW + 1}:${columnLetter(c)}${Math.max(totalRow - 1, HEADER_ROW + 1)})`,
      result: 0,
    }) as PlanValue;
  const totals: PlanValue[] = [
    "Total",
    ...resources.months.map((_, j) => {
      const v = sumCol(2 + j) as { formula: string; result: number };
      v.result = resources.grid.reduce((s, row) => s + row[j]!, 0);
      return v;
    }),
    n
      ? {
          formula: `SUM(${columnLetter(2)}${totalRow}:${columnLetter(1 + n)}${totalRow})`,
          result: resources.grid.flat().reduce((a, b) => a + b, 0),
        }
      : 0,
  ];
  plan.blocks.push({ ref: a1(totalRow, 1), values: [totals], style: "total", numFmt: "0.0" });
  plan.blocks.push(
    {
      ref: a1(totalRow + 2, 1),
      values: [
        [
          "Total person-days (all tasks)",
          view.columns["Effort"] !== undefined ? { formula: `SUM(${col("Effort")})`, result: resources.totalDays } : 0,
        ],
      ],
      style: "total",
      numFmt: "0.0",
    },
    {
      ref: a1(totalRow + 3, 1),
      values: [["Tasks without a start and a due day count in the total, not in the months."]],
      style: "note",
    },
  );
  plan.columns = [{ column: 1, width: 26 }, ...Array.from({ length: n + 1 }, (_, j) => ({ column: 2 + j, width: 10 }))];
  plan.freezeBelowRow = HEADER_ROW + 1;
  plan.tabColor = RAG.green.font;
  plan.print = printSetup({
    title: "Resources: person-days by role and month",
    asOf: longDate(generatedOn),
    orientation: n > 6 ? "landscape" : "portrait",
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  });
  return { plan, resources, totalRef: `${sheetRef(RESOURCES_SHEET)}!$B$${totalRow + 2}` };
}
