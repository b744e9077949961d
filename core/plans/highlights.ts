import { a1, compressCells } from "../a1";
import type { Finding, Severity } from "../findings";
import type { TableName } from "../tables/contract";
import type { TableView } from "../tables/read-table";
import { SEVERITY_RANK } from "../words";

/** Where a finding points in the workbook: a sheet and an A1 cell or range. */
export interface CellLocation {
  sheet: string;
  address: string;
}

/**
 * The cell a finding points to: its row and column; a whole-table finding points to the column's
 * header cell (or the header row); a whole-row finding to the row across the table.
 */
export function locate(f: Finding, views: Partial<Record<TableName, TableView>>): CellLocation | undefined {
  const view = Object.values(views).find((v) => v && v.sheet === f.sheet);
  if (!view) return undefined;
  const column = f.column === null ? undefined : view.columns[f.column];
  const row = f.row ?? view.headerRow;
  if (column !== undefined) return { sheet: view.sheet, address: a1(row, column) };
  return { sheet: view.sheet, address: a1(row, view.span.first, row, view.span.last) };
}

/** The cells to highlight on one sheet for one severity, as few A1 ranges as possible. */
export interface HighlightPlan {
  sheet: string;
  severity: Severity;
  ranges: string[];
}

/**
 * Highlights for a set of findings: one plan per sheet and severity. A cell with findings of several
 * severities is highlighted once, for the most severe.
 */
export function highlightPlans(
  findings: readonly Finding[],
  views: Partial<Record<TableName, TableView>>,
): HighlightPlan[] {
  const rank = SEVERITY_RANK;
  const worst = new Map<string, { sheet: string; severity: Severity; cells: { row: number; column: number }[] }>();
  for (const f of findings) {
    const view = Object.values(views).find((v) => v && v.sheet === f.sheet);
    if (!view) continue;
    const row = f.row ?? view.headerRow;
    const col = f.column === null ? undefined : view.columns[f.column];
    const columns = col !== undefined ? [col] : range(view.span.first, view.span.last);
    for (const column of columns) {
      const key = `${f.sheet}\u0000${row}\u0000${column}`;
      const prev = worst.get(key);
      if (!prev || rank[f.severity] < rank[prev.severity])
        worst.set(key, { sheet: f.sheet, severity: f.severity, cells: [{ row, column }] });
    }
  }
  const grouped = new Map<string, HighlightPlan & { cells: { row: number; column: number }[] }>();
  for (const { sheet, severity, cells } of worst.values()) {
    const key = `${sheet}\u0000${severity}`;
    const g = grouped.get(key) ?? { sheet, severity, ranges: [], cells: [] };
    g.cells.push(...cells);
    grouped.set(key, g);
  }
  return [...grouped.values()]
    .map(({ sheet, severity, cells }) => ({ sheet, severity, ranges: compressCells(cells) }))
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || rank[a.severity] - rank[b.severity]);
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
