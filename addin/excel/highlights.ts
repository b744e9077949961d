import type { HighlightPlan, Severity } from "../../core";
import { SEVERITY_COLOUR } from "../../core";

/**
 * Highlights are conditional formats, so they are formatting only: the user's own fills, fonts and
 * values are never touched, and a re-run removes exactly what the last run added. Ours are known by a
 * marker in their formula, which is always true: `=N("IEWSC highlight: error")=0`.
 */
export const MARKER = "IEWSC highlight";

const markerFormula = (severity: Severity) => `=N("${MARKER}: ${severity}")=0`;

/** At most this many areas go into one RangeAreas address. */
const AREAS_PER_FORMAT = 100;

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

/** Phase 3: adds one conditional format per sheet, severity and group of areas. */
export function queueHighlights(context: Excel.RequestContext, plans: readonly HighlightPlan[]): void {
  for (const plan of plans) {
    const sheet = context.workbook.worksheets.getItem(plan.sheet);
    for (let i = 0; i < plan.ranges.length; i += AREAS_PER_FORMAT) {
      const areas = plan.ranges.slice(i, i + AREAS_PER_FORMAT).join(",");
      const cf = sheet.getRanges(areas).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markerFormula(plan.severity);
      cf.custom.format.fill.color = `#${SEVERITY_COLOUR[plan.severity].fill}`;
      cf.custom.format.font.color = `#${SEVERITY_COLOUR[plan.severity].font}`;
    }
  }
}
