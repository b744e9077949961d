import {
  type CellLocation,
  type CheckName,
  type CheckResult,
  type Day,
  type DescribedFinding,
  STATUS_MARKER,
  type Summary,
  type TableName,
  besideConflict,
  checksSheetOf,
  describe,
  highlightPlans,
  locate,
  parseRange,
  runChecks,
  takenCells,
  timelineSheets,
} from "../../core";
import { MARKER, queueClearMarked, queueHighlights, queueLoadFormats } from "./highlights";
import { queueDiscovery, queueLoad, toWorkbookInput } from "./read-tables";
import { assertOurs, queueBesideTable, queueOwnership, queueSheetLookup, renderSheet } from "./render-sheet";
import { RequestBudget } from "./payload";
import { assertBesideFree, assertVisible, queueBesideProbe } from "./read-phase";

/** What the task pane shows after a check: the focus's findings, each with the cell it points to. */
export interface CheckOutcome {
  /** Everything the check found and decided (every check's findings are on the `Checks` sheet). */
  result: CheckResult;
  /** The findings of the check asked for, in display order. */
  findings: (DescribedFinding & { cell?: CellLocation })[];
  summary: Summary;
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
  const checks = queueSheetLookup(context, "checks");
  const viewSheet = timeline ? queueSheetLookup(context, "timelineView") : undefined;
  const statusLookup = timeline ? queueSheetLookup(context, "timelineStatus") : undefined;
  const oldStatus = statusLookup?.tables[0];
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
  // What stands right of the Timeline: a table of the user's or merged cells would fail tables.add.
  const timelineTable = found.tables.get("Timeline");
  const besideProbe =
    beside && timelineItem
      ? timelineTable && !timelineTable.isNullObject
        ? queueBesideProbe(timelineTable.getRange())
        : timelineItem.body.isNullObject
          ? undefined
          : queueBesideProbe(timelineItem.body)
      : undefined;
  const lookups = [checks, viewSheet, statusLookup].filter((l) => l !== undefined);
  for (const lookup of lookups) queueOwnership(lookup);
  await sync();

  options.onProgress?.("checking");
  const input = toWorkbookInput(load);
  // The status table is only written beside a Timeline table: without one, Check timeline stops on that.
  const timelineSheet = input.tables.Timeline?.sheet;
  assertOurs(
    lookups.filter((l) => l.key !== "timelineStatus" || timelineSheet !== undefined),
    timelineSheet,
  );
  const outcome = runChecks(input, { focus: options.focus, today: options.today });
  if (!outcome.usable) throw outcome.error;
  const result: CheckResult = outcome;
  const plans = timeline ? timelineSheets(result, { date1904: input.date1904, today: options.today }) : undefined;
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
    if (besideProbe) assertBesideFree(besideProbe, plans.status.sheet);
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
  const budget = new RequestBudget(context, options.budgetBytes);
  await queueHighlights(context, highlightPlans(result.findings, result.views), budget);
  const render = { date1904: input.date1904, budget };
  if (plans) {
    await queueBesideTable(context, plans.status, oldStatus, oldStatusRange, render);
    await renderSheet(context, plans.view, viewSheet!, render);
  }
  await renderSheet(context, checksSheetOf(result, options.today), checks, render);
  await sync();
  options.onProgress?.("done");

  const mine = result.focused;
  const described = describe(mine).map((f, i) => ({ ...f, cell: locate(mine[i]!, result.views) }));
  return { result, findings: described, summary: result.focusedSummary, syncs: syncs + budget.extraSyncs };
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

/** Selects the cell a finding points to (two round trips: Excel refuses to activate a hidden sheet). */
export async function goToCell(context: Excel.RequestContext, cell: CellLocation): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet).load("name,visibility");
  await context.sync();
  assertVisible(sheet, `cell ${cell.address}`);
  sheet.activate();
  sheet.getRange(cell.address).select();
  await context.sync();
}
