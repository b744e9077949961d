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
/** At most this many role rows: a sheet a person reads. Beyond, the last row is "Other roles". */
export const MAX_ROLE_ROWS = 50;

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
  // Excel compares text without case: "TSB secretariat" and "TSB Secretariat" are one role, named as
  // first written. Spaces count as the formula's EXACT counts them (a trailing space is another role).
  const roles: string[] = [];
  const roleIndex = new Map<string, number>();
  for (const t of tasks) {
    const key = t.role.toLowerCase();
    if (t.role && !roleIndex.has(key)) {
      roleIndex.set(key, roles.length);
      roles.push(t.role);
    }
  }
  if (tasks.some((t) => !t.role && t.effort)) {
    roleIndex.set("", roles.length);
    roles.push("");
  }
  const dated = tasks.filter(placed);
  const months: Day[] = [];
  if (dated.length) {
    let first = dated[0]!.start!;
    let to = dated[0]!.due!;
    for (const t of dated) {
      if (t.start! < first) first = t.start!;
      if (t.due! > to) to = t.due!;
    }
    for (let m = firstOfMonth(first); m <= to && months.length < MAX_MONTHS; m = addMonths(m, 1)) months.push(m);
  }
  const grid = roles.map(() => months.map(() => 0));
  // Each task adds its share to the months it overlaps: linear in tasks, whatever the number of roles.
  for (const t of dated) {
    const line = grid[roleIndex.get(t.role.toLowerCase()) ?? -1];
    if (!line) continue;
    months.forEach((m, j) => {
      const days = overlap(t, m, addMonths(m, 1) - 1);
      if (days > 0) line[j]! += (t.effort * days) / (t.due! - t.start! + 1);
    });
  }
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
  // Beyond MAX_ROLE_ROWS roles the last row holds the others: every task minus the rows above it.
  const others = resources.roles.length > MAX_ROLE_ROWS ? resources.roles.length - (MAX_ROLE_ROWS - 1) : 0;
  const shown = others ? resources.roles.slice(0, MAX_ROLE_ROWS - 1) : resources.roles;
  const lines = shown.map((role, i) => ({ role: role as string | undefined, grid: resources.grid[i]! }));
  if (others) {
    const rest = resources.grid.slice(MAX_ROLE_ROWS - 1);
    lines.push({ role: undefined, grid: resources.months.map((_, j) => rest.reduce((s, row) => s + row[j]!, 0)) });
  }
  const rows: PlanValue[][] = lines.map(({ role, grid }, i) => {
    const r = HEADER_ROW + 1 + i;
    const cells: PlanValue[] = resources.months.map((_, j) => {
      const m = `${columnLetter(2 + j)}$${HEADER_ROW}`;
      const end = `EOMONTH(${m},0)`;
      const lo = `((${S}>${m})*${S}+(${S}<=${m})*${m})`;
      const hi = `((${D}<${end})*${D}+(${D}>=${end})*${end})`;
      const days = `(${hi}-${lo}+1)`;
      const spreadOf = (who: string) =>
        `SUMPRODUCT(${who}ISNUMBER(${S})*ISNUMBER(${D})*(${D}>=${S})*(${days}>0)*${days}*${E}/(ABS(${D}-${S})+1))`;
      const column = columnLetter(2 + j);
      // The row for tasks without a role compares with "", not with its label.
      const formula = !spread
        ? "0"
        : role === undefined
          ? `${spreadOf("")}-SUM(${column}${HEADER_ROW + 1}:${column}${r - 1})`
          : // EXACT(LOWER …) rather than `=`: gnumeric's `=` takes a no-break space for a space; this
            // compares as the core does (case aside, every character counted) in Excel, LibreOffice and gnumeric.
            spreadOf(role === "" ? `(${R}="")*` : `EXACT(LOWER(${R}),LOWER($A${r}))*`);
      // gnumeric reads ABS, ISNUMBER … over ranges inside SUMPRODUCT as one cell unless this is an array formula.
      return { formula, result: grid[j]!, array: spread };
    });
    return [
      role === undefined ? `Other roles (${others.toLocaleString("en-GB")})` : role === "" ? "(no role)" : role,
      ...cells,
      n ? { formula: `SUM(B${r}:${columnLetter(1 + n)}${r})`, result: grid.reduce((a, b) => a + b, 0) } : 0,
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
