import {
  type BesideTablePlan,
  CHECKS_SHEET,
  CHECKS_TABLE,
  type CellLocation,
  type CheckName,
  type CheckResult,
  type Day,
  type DescribedFinding,
  type Finding,
  STATUS_MARKER,
  type TableName,
  TableMissingError,
  TIMELINE_STATUS_TABLE,
  TIMELINE_VIEW_SHEET,
  type TableView,
  WorkbookError,
  besideConflict,
  checkWorkbook,
  checksSheet,
  describe,
  highlightPlans,
  locate,
  parseRange,
  sortFindings,
  summarize,
  takenCells,
  timelineSheets,
} from "../../core";
import { MARKER, queueClearMarked, queueHighlights, queueLoadFormats } from "./highlights";
import { queueDiscovery, queueLoad, toWorkbookInput } from "./read-tables";
import {
  assertOurs,
  queueColumnWidths,
  queueConditionalFormats,
  queueOwnership,
  queueSheetLookup,
  queueTable,
  renderSheet,
} from "./render-sheet";
import { RequestBudget } from "./payload";

/** What the task pane shows after a check: the findings, each with the cell it points to. */
export interface CheckOutcome {
  result: CheckResult;
  findings: (DescribedFinding & { cell?: CellLocation })[];
  /** Round trips to Excel this check took (for the benchmark and the tests). */
  syncs: number;
}

export type Progress = (step: "reading" | "checking" | "writing" | "done") => void;

/** Every table a check may read, found in one round trip. */
const READS: readonly TableName[] = [
  "Roster",
  "Timeline",
  "Tasks",
  "Program",
  "Invitees",
  "Settings",
  "Meetings",
  "Blackouts",
  "Workshop",
];
const TABLE_OF: Record<CheckName, TableName> = {
  roster: "Roster",
  timeline: "Timeline",
  tasks: "Tasks",
  program: "Program",
  invitees: "Invitees",
};
const WHAT: Record<CheckName, string> = {
  roster: "the roster",
  timeline: "the timeline",
  tasks: "the tasks",
  program: "the programme",
  invitees: "the invitations",
};
/** The tables whose cells findings highlight. */
const HIGHLIGHTED: readonly TableName[] = ["Roster", "Timeline", "Program", "Invitees"];

export interface CheckOptions {
  /** The check the user asked for; its findings are the ones the pane lists. */
  focus: CheckName;
  /** The user's calendar day. */
  today: Day;
  budgetBytes?: number;
  onProgress?: Progress;
}

/**
 * Check roster or Check timeline, in three round trips whatever the tables' sizes (more only when what
 * is written must be split under the 5 MB request limit of Excel on the web):
 * 1. find the tables and the generated sheets;
 * 2. load their values, the date system, the conditional formats of their sheets (and, for the
 *    timeline, the cells beside the Timeline table where its status columns go);
 * 3. check; then clear the old highlights and add the new ones, rewrite the `Checks` sheet (with the
 *    findings of every check the workbook allows, so running one check never hides another's), and for
 *    the timeline write the status columns and the `Timeline view` sheet.
 * A workbook that cannot be checked raises a `WorkbookError` before anything is written.
 */
export async function checkIn(context: Excel.RequestContext, options: CheckOptions): Promise<CheckOutcome> {
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  const timeline = options.focus === "timeline";
  options.onProgress?.("reading");
  const found = queueDiscovery(context, READS);
  const checks = queueSheetLookup(context, CHECKS_SHEET, [CHECKS_TABLE]);
  const viewSheet = timeline ? queueSheetLookup(context, TIMELINE_VIEW_SHEET, []) : undefined;
  const oldStatus = timeline
    ? context.workbook.tables.getItemOrNullObject(TIMELINE_STATUS_TABLE).load("name")
    : undefined;
  await sync();

  const load = queueLoad(context, found);
  const formats = load.items
    .filter((i) => HIGHLIGHTED.includes(i.name))
    .map((i) => ({ item: i, formats: queueLoadFormats(i.sheet) }));
  const timelineItem = load.items.find((i) => i.name === "Timeline");
  const beside =
    timeline && timelineItem
      ? timelineItem.sheet.getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex")
      : undefined;
  const oldStatusRange = oldStatus && !oldStatus.isNullObject ? oldStatus.getRange().load("address") : undefined;
  queueOwnership(checks);
  if (viewSheet) queueOwnership(viewSheet);
  await sync();

  options.onProgress?.("checking");
  assertOurs(checks, CHECKS_SHEET);
  if (viewSheet) assertOurs(viewSheet, TIMELINE_VIEW_SHEET);
  const input = toWorkbookInput(load);
  const result = runChecks(input, options);
  const plans = timeline
    ? timelineSheets(result.views, result.settings, { date1904: input.date1904, today: options.today })
    : undefined;
  if (plans && beside) {
    // Refuse before anything is queued, so that a refusal changes nothing.
    const used = beside.isNullObject ? undefined : beside;
    const isEmpty = (row: number, column: number) => {
      // Formulas, not values: a formula of the user's that shows "" is still the user's.
      const v = used?.formulas[row - 1 - used.rowIndex]?.[column - 1 - used.columnIndex];
      return v === undefined || v === null || v === "";
    };
    const previous = oldStatusRange ? parseRange(oldStatusRange.address.split("!").pop()!) : undefined;
    const taken = takenCells(plans.status, isEmpty, previous);
    if (taken.length) throw besideConflict(plans.status, taken);
  }

  options.onProgress?.("writing");
  const cleared = new Set<string>();
  for (const { item, formats: cfs } of formats) {
    // Two tables on one sheet share its conditional formats: clear them once.
    if (cleared.has(item.sheet.name)) continue;
    cleared.add(item.sheet.name);
    queueClearMarked(cfs, MARKER);
    if (timeline && item.name === "Timeline") queueClearMarked(cfs, STATUS_MARKER);
  }
  queueHighlights(context, highlightPlans(result.findings, result.views));
  const budget = new RequestBudget(context, options.budgetBytes);
  const render = { date1904: input.date1904, budget };
  if (plans) {
    await queueBesideTable(context, plans.status, oldStatus!, oldStatusRange, render);
    await renderSheet(context, plans.view, viewSheet!, render);
  }
  const asOf = result.asOf ?? options.today;
  const checked = result.checked.map((c) => WHAT[c]).join(" and ");
  await renderSheet(context, checksSheet(result.findings, result.summary, result.views, asOf, checked), checks, render);
  await sync();
  options.onProgress?.("done");

  const mine = result.findings.filter((f) => inFocus(f, options.focus));
  const described = describe(mine).map((f, i) => ({ ...f, cell: locate(mine[i]!, result.views) }));
  return {
    result: { ...result, findings: mine, summary: summarize(mine) },
    findings: described,
    syncs: syncs + budget.extraSyncs,
  };
}

/**
 * Roster findings (and the settings') for Check roster; for Check timeline the timeline's and the
 * project tasks' (the schedule), and the settings'; for Check programme the programme's and the invitations'.
 */
function inFocus(f: Finding, focus: CheckName): boolean {
  if (f.code.startsWith("SETTINGS_")) return true;
  if (focus === "roster") return f.code.startsWith("ROSTER_");
  if (focus === "program" || focus === "invitees") return f.code.startsWith("PROGRAM_") || f.code.startsWith("INVITE_");
  return f.code.startsWith("TIMELINE_") || f.code.startsWith("TASK_");
}

/**
 * The asked-for check must be possible (its table there and readable); the other checks join the
 * `Checks` sheet when the workbook allows them, and are left out quietly when it does not.
 */
function runChecks(input: ReturnType<typeof toWorkbookInput>, options: CheckOptions): CheckResult {
  const table = TABLE_OF[options.focus];
  if (!input.tables[table])
    throw new TableMissingError(`no ${table} table was found (neither an Excel table nor a sheet of that name)`, {
      table,
    });
  const focus = checkWorkbook(input, { only: [options.focus], today: options.today });
  const findings: Finding[] = [...focus.findings];
  const views: Partial<Record<TableName, TableView>> = { ...focus.views };
  const checked: CheckName[] = [...focus.checked];
  for (const other of (Object.keys(TABLE_OF) as CheckName[]).filter(
    (c) => c !== options.focus && input.tables[TABLE_OF[c]],
  )) {
    try {
      const more = checkWorkbook(input, { only: [other], today: options.today });
      findings.push(...more.findings.filter((f) => !f.code.startsWith("SETTINGS_")));
      Object.assign(views, more.views);
      checked.push(other);
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
    }
  }
  const sorted = sortFindings(findings);
  return { ...focus, findings: sorted, summary: summarize(sorted), views, checked };
}

/**
 * Queues the generated table beside a user's table: the previous run's table is cleared and deleted,
 * then the new one is written (chunked under the request budget), with its marked conditional formats.
 */
async function queueBesideTable(
  context: Excel.RequestContext,
  plan: BesideTablePlan,
  old: Excel.Table,
  oldRange: Excel.Range | undefined,
  render: { date1904: boolean; budget: RequestBudget },
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  if (!old.isNullObject && oldRange) {
    oldRange.clear("All");
    old.delete();
  }
  await queueTable(sheet, plan.table, render.date1904, render.budget);
  queueConditionalFormats(sheet, plan.conditionalFormats);
  queueColumnWidths(sheet, plan.columns);
}

/** Check roster (the ribbon command and the pane's first button). */
export const checkRosterIn = (context: Excel.RequestContext, options: Omit<CheckOptions, "focus">) =>
  checkIn(context, { ...options, focus: "roster" });
/** Check programme: the Program table's rules, and the Invitees table's when it is there. */
export const checkProgramIn = (context: Excel.RequestContext, options: Omit<CheckOptions, "focus">) =>
  checkIn(context, { ...options, focus: "program" });
/** Check timeline. */
export const checkTimelineIn = (context: Excel.RequestContext, options: Omit<CheckOptions, "focus">) =>
  checkIn(context, { ...options, focus: "timeline" });

/** Selects the cell a finding points to (one round trip). */
export async function goToCell(context: Excel.RequestContext, cell: CellLocation): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRange(cell.address).select();
  await context.sync();
}
