import type { HighlightPlan, Severity } from "../../core";
import { SEVERITY_COLOUR } from "../../core";
import type { RequestBudget } from "./payload";

/**
 * Highlights are conditional formats, so they are formatting only: the user's own fills, fonts and
 * values are never touched, and a re-run removes exactly what the last run added. Ours are known by a
 * marker in their formula, which is always true: `=N("IEWSC highlight: error")=0`.
 */
export const MARKER = "IEWSC highlight";

const markerFormula = (severity: Severity) => `=N("${MARKER}: ${severity}")=0`;

/** Phase 2: loads the conditional formats of a sheet, to find our old highlights. */
export function queueLoadFormats(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return sheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
}

/** Phase 3: deletes the highlights a previous run added (and nothing else). */
export function queueClearHighlights(formats: Excel.ConditionalFormatCollection): number {
  return queueClearMarked(formats, MARKER);
}

/** Phase 3: deletes the conditional formats whose formula carries `marker` (ours), and nothing else. */
export function queueClearMarked(formats: Excel.ConditionalFormatCollection, marker: string): number {
  let removed = 0;
  for (const cf of formats.items) {
    const custom = cf.customOrNullObject;
    if (cf.type === "Custom" && custom && !custom.isNullObject && String(custom.rule.formula).includes(marker)) {
      cf.delete();
      removed++;
    }
  }
  return removed;
}

/** The bytes one conditional format adds to a request (its address, formula and colours). */
const FORMAT_BYTES = 200;

/**
 * Phase 3: adds the highlights, one conditional format per area (a rectangle of cells).
 *
 * Never `worksheet.getRanges("A1,C5")`: Excel parses that list with the locale's list separator, and
 * where it is ";" (German, French, Swiss Excel: most of Geneva) a comma list fails with
 * InvalidArgument, killing the whole batch (office-js #1167, #1985). One range per area needs no
 * separator; the core already merges adjacent cells of a column into one area, so the count stays small.
 */
export async function queueHighlights(
  context: Excel.RequestContext,
  plans: readonly HighlightPlan[],
  budget?: RequestBudget,
): Promise<void> {
  for (const plan of plans) {
    const sheet = context.workbook.worksheets.getItem(plan.sheet);
    for (const area of plan.ranges) {
      await budget?.reserve(FORMAT_BYTES);
      const cf = sheet.getRange(area).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markerFormula(plan.severity);
      cf.custom.format.fill.color = `#${SEVERITY_COLOUR[plan.severity].fill}`;
      cf.custom.format.font.color = `#${SEVERITY_COLOUR[plan.severity].font}`;
    }
  }
}
