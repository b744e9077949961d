import { STATUS_COLUMNS, TIMELINE_STATUS_TABLE, WorkbookError, WouldLoseDataError } from "../../core";

/*
 * What real Excel refuses in the middle of a batch, found before anything is written. An Office.js
 * batch is not a transaction: a table that cannot be added fails after the old highlights were
 * deleted and half the sheets rewritten. So every action loads, in its read phase, what would make a
 * write fail, and refuses with one sentence while the workbook is still untouched.
 */

/** The Excel versions that have a member: `false` outside Excel (tests set `Office` to say otherwise). */
export function supports(set: "ExcelApi", version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return Boolean(office?.context?.requirements?.isSetSupported(set, version));
}

/** Phase 1: the defined names (and tables) that the tables and names an action adds must not meet. */
export interface NameLookups {
  names: Map<string, Excel.NamedItem>;
  tables: Map<string, Excel.Table>;
}

/**
 * Queues lookups of `tableNames` among the workbook's defined names, and of `definedNames` among its
 * tables: Excel keeps tables and defined names in one namespace, so a table cannot take a name's name
 * (nor a name a table's).
 */
export function queueNameLookups(
  context: Excel.RequestContext,
  tableNames: readonly string[],
  definedNames: readonly string[] = [],
): NameLookups {
  return {
    names: new Map(tableNames.map((n) => [n, context.workbook.names.getItemOrNullObject(n).load("name")])),
    tables: new Map(definedNames.map((n) => [n, context.workbook.tables.getItemOrNullObject(n).load("name")])),
  };
}

/** Refuses when a table about to be added has a defined name's name, or a name about to be added a table's. */
export function assertNamesFree(
  found: NameLookups,
  tablesToAdd: readonly string[],
  namesToAdd: readonly string[] = [],
) {
  for (const name of tablesToAdd) {
    const clash = found.names.get(name);
    if (clash && !clash.isNullObject)
      throw new WorkbookError(
        `the workbook has a defined name "${clash.name}", and Excel keeps tables and names in one list, so the ${name} table cannot be added; rename or delete that name (Formulas ▸ Name Manager) and run again (nothing was changed)`,
        { table: name },
      );
  }
  for (const name of namesToAdd) {
    const clash = found.tables.get(name);
    if (clash && !clash.isNullObject)
      throw new WorkbookError(
        `the workbook has a table called "${clash.name}", and Excel keeps tables and names in one list, so the name ${name} cannot be added; rename that table (Table Design ▸ Table Name) and run again (nothing was changed)`,
        { table: name },
      );
  }
}

/** Phase 2: what stands in the columns right of the Timeline, where the status table goes. */
export interface BesideProbe {
  tables: Excel.TableScopedCollection;
  merged?: Excel.RangeAreas;
}

/**
 * Queues, for the columns right of `range` (the Timeline table, or the used range of a Timeline sheet
 * without one) — the blank column and the status columns — the tables that overlap them and, where
 * Excel has it (ExcelApi 1.13), their merged areas: `tables.add` fails over either, and neither shows
 * in the cells' values.
 */
export function queueBesideProbe(range: Excel.Range): BesideProbe {
  const right = range.getColumnsAfter(STATUS_COLUMNS.length + 1);
  return {
    tables: right.getTables(false).load("items/name"),
    merged: supports("ExcelApi", "1.13") ? right.getMergedAreasOrNullObject().load("address") : undefined,
  };
}

/** Refuses when a table of the user's, or merged cells, stand where the status table goes. */
export function assertBesideFree(probe: BesideProbe, sheet: string): void {
  const theirs = probe.tables.items.filter((t) => t.name.toLowerCase() !== TIMELINE_STATUS_TABLE.toLowerCase());
  if (theirs.length)
    throw new WouldLoseDataError(
      `the table ${theirs.map((t) => `"${t.name}"`).join(", ")} on the ${sheet} sheet stands right of the Timeline table, where IEWSC Workbench writes its status columns; move it at least eight columns to the right and run again (nothing was changed)`,
      { table: TIMELINE_STATUS_TABLE },
    );
  if (probe.merged && !probe.merged.isNullObject)
    throw new WouldLoseDataError(
      `cells ${probe.merged.address
        .split(",")
        .map((a) => a.split("!").pop())
        .join(
          ", ",
        )} of the ${sheet} sheet are merged where IEWSC Workbench writes its status columns, right of the Timeline table; unmerge or move them and run again (nothing was changed)`,
      { table: TIMELINE_STATUS_TABLE },
    );
}

/** Phase 2: the visibility of a sheet about to be shown. */
export function assertVisible(sheet: Excel.Worksheet, what: string): void {
  if (sheet.visibility !== "Visible")
    throw new WorkbookError(
      `the sheet ${sheet.name} is hidden, so ${what} cannot be shown; unhide it (right-click a sheet tab ▸ Unhide) and try again`,
      { table: sheet.name },
    );
}
