import type { WorkbookInput } from "../check";
import type { CellValue } from "../cells";
import { type Day, dayFromYMD } from "../dates/calendar";
import { agendaSheet } from "../plans/agenda-sheet";
import type { SheetPlan } from "../plans/sheet-plan";
import { readSettings } from "../settings";
import { tableSheet } from "../plans/template";
import { DEFAULT_RATES, SAMPLE_WORKSHOP } from "../sample";
import { CONTRACT, type TableName } from "../tables/contract";
import { type RawTable, type TableView, readTable } from "../tables/read-table";
import { BUDGET_TOTAL_NAME, type Budget, budgetSheet } from "./budget";
import { RESOURCE_TOTAL_NAME, type Resources, resourcesSheet } from "./resources";
import { defaultTaskRows, readTasks } from "./tasks";
import { missingParameters, readWorkshop } from "./workshop";

/** The Starts a default plan can be laid out around (it reaches a year and more before and after). */
const PLAN_FIRST = dayFromYMD(1902, 1, 1)!;
const PLAN_LAST = dayFromYMD(9997, 12, 31)!;

export interface BuildPlan {
  /** Contract tables the workbook lacked, added with defaults (the user's to edit from then on). */
  added: SheetPlan[];
  /** The generated sheets, rebuilt on every build (`Agenda` too when the workbook has a Program). */
  generated: SheetPlan[];
  names: { name: string; ref: string }[];
  budget: Budget;
  resources: Resources;
  /** Workshop parameters not given (blank or absent), which the budget counts as 0: the user's to fill in. */
  missing: string[];
}

/** A contract table we add, as a plan and as the view the formulas refer to. */
function addTable(name: TableName, rows: CellValue[][], extra: string[] = []): { plan: SheetPlan; view: TableView } {
  const plan = tableSheet(CONTRACT[name], rows as never, extra);
  const table = plan.tables[0]!;
  const raw: RawTable = {
    name,
    sheet: plan.name,
    source: "table",
    origin: { row: 1, column: 1 },
    values: [table.columns.map((c) => c.header), ...(table.rows as CellValue[][])],
  };
  return { plan, view: readTable(raw) };
}

/**
 * Everything Build budget & resources writes, as plans both adapters render: the missing Workshop,
 * Rates or Tasks tables (Workshop with its keys and blank values to fill in, Rates with editable default rates,
 * Tasks back-scheduled from the workshop's start), the `Budget` and `Resources` sheets (and the
 * `Agenda` when the workbook has a Program), and the names
 * `BudgetTotal` and `ResourceTotalDays`. Building twice gives the same plan as building once.
 */
export function buildPlan(input: WorkbookInput, today: Day): BuildPlan {
  const added: SheetPlan[] = [];
  const view = (name: TableName) => (input.tables[name] ? readTable(input.tables[name]!) : undefined);
  let workshop = view("Workshop");
  if (!workshop) {
    // Every key with a blank value to fill in: a budget is never made of numbers the user did not give.
    const blank = SAMPLE_WORKSHOP.map(([key, , meaning]) => [key, null, meaning]);
    const t = addTable("Workshop", blank as CellValue[][], ["Meaning"]);
    added.push(t.plan);
    workshop = t.view;
  }
  let rates = view("Rates");
  if (!rates) {
    const t = addTable("Rates", DEFAULT_RATES as CellValue[][]);
    added.push(t.plan);
    rates = t.view;
  }
  const params = readWorkshop(workshop, input.date1904);
  let tasks = view("Tasks");
  if (!tasks) {
    // Without a Start, the plan is laid out for a workshop six months from today; so it is for a Start
    // too near the calendar's ends (year 1 or 9999) for the plan's months before and after it.
    const start =
      params.start !== undefined && params.start >= PLAN_FIRST && params.start <= PLAN_LAST ? params.start : undefined;
    const days = Number.isFinite(params.days) ? Math.min(Math.max(params.days, 1), 366) : 1;
    const t = addTable("Tasks", defaultTaskRows(start ?? today + 183, days) as CellValue[][]);
    added.push(t.plan);
    tasks = t.view;
  }
  const budget = budgetSheet(workshop, rates, params, today);
  const resources = resourcesSheet(tasks, readTasks(tasks, input.date1904), today);
  const generated = [budget.plan, resources.plan];
  const program = view("Program");
  if (program) {
    const settings = readSettings(view("Settings"), input.date1904).settings;
    const invitees = view("Invitees");
    generated.push(
      agendaSheet({
        views: { Program: program, Workshop: workshop, ...(invitees ? { Invitees: invitees } : {}) },
        settings,
        date1904: input.date1904,
        generatedOn: today,
      }),
    );
  }
  return {
    added,
    generated,
    names: [
      { name: BUDGET_TOTAL_NAME, ref: budget.totalRef },
      { name: RESOURCE_TOTAL_NAME, ref: resources.totalRef },
    ],
    budget: budget.budget,
    resources: resources.resources,
    missing: missingParameters(workshop),
  };
}
