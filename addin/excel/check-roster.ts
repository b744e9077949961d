import {
  CHECKS_SHEET, CHECKS_TABLE, type CellLocation, type CheckResult, type Day, type DescribedFinding, type TableName,
  checkWorkbook, checksSheet, describe, highlightPlans, locate,
} from "../../core";
import { queueClearHighlights, queueHighlights, queueLoadFormats } from "./highlights";
import { queueDiscovery, queueLoad, toWorkbookInput } from "./read-tables";
import { queueSheetLookup, renderSheet } from "./render-sheet";

/** What the task pane shows after a check: the findings, each with the cell it points to. */
export interface CheckOutcome {
  result: CheckResult;
  findings: (DescribedFinding & { cell?: CellLocation })[];
  /** Round trips to Excel this check took (for the benchmark and the tests). */
  syncs: number;
}

export type Progress = (step: "reading" | "checking" | "writing" | "done") => void;

const READS: readonly TableName[] = ["Roster", "Settings"];

/**
 * Check roster, in three round trips whatever the roster's size (more only when the findings are
 * so many that writing them must be split under the 5 MB limit of Excel on the web):
 * 1. find the Roster and Settings tables and the generated Checks sheet;
 * 2. load their values, the date system, and the conditional formats of the roster's sheet;
 * 3. clear the old highlights, add the new ones, and rewrite the `Checks` sheet.
 * A workbook without a usable roster raises a `WorkbookError` before anything is written.
 */
export async function checkRosterIn(
  context: Excel.RequestContext,
  options: { today: Day; budgetBytes?: number; onProgress?: Progress },
): Promise<CheckOutcome> {
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };
  options.onProgress?.("reading");
  const found = queueDiscovery(context, READS);
  const checks = queueSheetLookup(context, CHECKS_SHEET, [CHECKS_TABLE]);
  await sync();

  const load = queueLoad(context, found);
  const formats = load.items.filter((i) => i.name === "Roster").map((i) => queueLoadFormats(i.sheet));
  await sync();

  options.onProgress?.("checking");
  const input = toWorkbookInput(load);
  const result = checkWorkbook(input, { only: ["roster"] });
  const asOf = result.settings.asOf ?? options.today;

  options.onProgress?.("writing");
  for (const f of formats) queueClearHighlights(f);
  queueHighlights(context, highlightPlans(result.findings, result.views));
  const plan = checksSheet(result.findings, result.summary, result.views, asOf);
  syncs += await renderSheet(context, plan, checks, { date1904: input.date1904, budgetBytes: options.budgetBytes });
  await sync();
  options.onProgress?.("done");

  const findings = describe(result.findings).map((f, i) => ({ ...f, cell: locate(result.findings[i]!, result.views) }));
  return { result, findings, syncs };
}

/** Selects the cell a finding points to (one round trip). */
export async function goToCell(context: Excel.RequestContext, cell: CellLocation): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRange(cell.address).select();
  await context.sync();
}
