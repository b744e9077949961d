import type { CellValue, RawTable, TableName, WorkbookInput } from "../../core";

/**
 * Reading the contract's tables through Office.js in two round trips, whatever their size:
 * 1. `queueDiscovery`: which of the wanted tables exist as Excel tables, and which as sheets;
 * 2. `queueLoad`: the header and body values of each table found (or the sheet's used range), and a
 *    probe of the date system. After that sync, `toWorkbookInput` gives the core what it reads.
 */
export interface Discovery {
  wanted: readonly TableName[];
  tables: Map<TableName, Excel.Table>;
  sheets: Map<TableName, Excel.Worksheet>;
}

export function queueDiscovery(context: Excel.RequestContext, wanted: readonly TableName[]): Discovery {
  const tables = new Map<TableName, Excel.Table>();
  const sheets = new Map<TableName, Excel.Worksheet>();
  for (const name of wanted) {
    // Both lookups are case-insensitive in Excel, as the contract wants.
    tables.set(name, context.workbook.tables.getItemOrNullObject(name).load("name"));
    sheets.set(name, context.workbook.worksheets.getItemOrNullObject(name).load("name"));
  }
  return { wanted, tables, sheets };
}

interface Loaded {
  name: TableName;
  source: "table" | "sheet";
  sheet: Excel.Worksheet;
  header?: Excel.Range;
  body: Excel.Range;
}

export interface Load {
  items: Loaded[];
  /** DATE(1904,1,1): 0 in the 1904 date system, 1462 in the 1900 system. */
  probe: Excel.FunctionResult<number>;
}

/** Queues the loads of phase 2 from what phase 1 found (call after the first sync). */
export function queueLoad(context: Excel.RequestContext, found: Discovery): Load {
  const items: Loaded[] = [];
  for (const name of found.wanted) {
    const table = found.tables.get(name)!;
    const sheet = found.sheets.get(name)!;
    if (!table.isNullObject) {
      const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
      const body = table.getDataBodyRange().load("values");
      items.push({ name, source: "table", sheet: table.worksheet.load("name"), header, body });
    } else if (!sheet.isNullObject) {
      items.push({
        name,
        source: "sheet",
        sheet,
        body: sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex"),
      });
    }
  }
  const probe = context.workbook.functions.date(1904, 1, 1).load("value") as Excel.FunctionResult<number>;
  return { items, probe };
}

/** What the core reads, from the values loaded in phase 2 (call after the second sync). */
export function toWorkbookInput(load: Load): WorkbookInput {
  const tables: Partial<Record<TableName, RawTable>> = {};
  for (const item of load.items) {
    if (item.source === "table") {
      const header = item.header!;
      tables[item.name] = {
        name: item.name,
        sheet: item.sheet.name,
        source: "table",
        origin: { row: header.rowIndex + 1, column: header.columnIndex + 1 },
        values: [...header.values, ...item.body.values].map(toCells),
      };
    } else {
      const used = item.body;
      tables[item.name] = {
        name: item.name,
        sheet: item.sheet.name,
        source: "sheet",
        origin: used.isNullObject ? { row: 1, column: 1 } : { row: used.rowIndex + 1, column: used.columnIndex + 1 },
        values: used.isNullObject ? [] : used.values.map(toCells),
      };
    }
  }
  return { tables, date1904: Number(load.probe.value) === 0 };
}

/** Office.js gives "" for an empty cell; the core wants null. Dates arrive as serial numbers. */
function toCells(row: unknown[]): CellValue[] {
  return row.map((v) =>
    v === "" || v === null || v === undefined ? null : typeof v === "number" || typeof v === "boolean" ? v : String(v),
  );
}
