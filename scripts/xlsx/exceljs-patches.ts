/**
 * Mistakes of ExcelJS 4.4 (its last release; upstream is quiet) in reading tables and writing text, corrected where
 * they are made, so that a rewrite carries the user's tables as they are:
 *
 * 1. `headerRowCount` absent means 1 (the default, and how Excel writes every ordinary table); ExcelJS
 *    reads it as 0 and writes the copy's table with its header row switched off.
 * 2. A column holding `<calculatedColumnFormula>` ends at that tag, so the copy has fewer column
 *    definitions than its range (a file Excel repairs) and the calculated column's formula is lost.
 * 3. More `<filterColumn>` entries than columns read (after 2) make the load throw; and columns
 *    without an entry (how Excel writes unfiltered tables) get their filter buttons hidden.
 *
 * 4. Text is read with OOXML's escapes decoded (`_x000B_` is a vertical tab, `_x005F_x0041_` the
 *    literal `_x0041_`) but written back raw: a control character makes the XML invalid and a literal
 *    `_x0041_` comes back as "A". Written text is escaped again, so it reads back as it was.
 *
 * 5. A copy is zipped by Node's zlib instead of JSZip's JavaScript deflate (see `zip.ts`): the same
 *    parts in the same order, at the deflate level asked for (`ZIP_OPTIONS`), in a fraction of the time.
 *
 * 6. A date stored as ISO text (`t="d"`, `2023-05-30`, as some programs write dates) is read with
 *    `parseFloat` as the number 2023 (15 July 1905 in a date column): `check` gave a wrong answer
 *    without a word. It is read as the date it spells; text that is no date is the error `#VALUE!`.
 *
 * Loaded for its effect by the reader (`read-workbook.ts`). What is still not carried exactly is
 * caught by the cell, table and name comparison of every rewrite (`copy-check.ts`).
 */
import { utcDateFromIsoText } from "./dates";
import { type ZipEntry, zipPackage } from "./zip";

// ExcelJS's xform classes are reachable only by their CommonJS paths (no types).
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform");
const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform");
const TextXform = require("exceljs/lib/xlsx/xform/strings/text-xform");
const { ZipWriter } = require("exceljs/lib/utils/zip-stream");
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform");
const ValueType = require("exceljs/lib/doc/enums").ValueType as { Date: number; Error: number };

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
}
interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  leafNode(name: string, attributes?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}
interface ColumnModel {
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  filterButton?: boolean;
  calculatedColumnFormula?: string;
  totalsRowFormula?: string;
}

const tableProto = TableXform.prototype;
const originalTableOpen = tableProto.parseOpen;
tableProto.parseOpen = function parseOpen(this: { parser?: unknown; model: { headerRow: boolean } }, node: XmlNode) {
  const result = originalTableOpen.call(this, node);
  if (node.name === "table" && !this.parser) this.model.headerRow = node.attributes.headerRowCount !== "0";
  return result;
};
tableProto.parseClose = function parseClose(
  this: {
    parser?: { parseClose(name: string): boolean };
    map: {
      tableColumns: { model: ColumnModel[] };
      autoFilter: { model?: { autoFilterRef: string; columns: { filterButton?: boolean }[] } };
      tableStyleInfo: { model: unknown };
    };
    model: { columns: ColumnModel[]; autoFilterRef?: string; style?: unknown };
  },
  name: string,
) {
  if (this.parser) {
    if (!this.parser.parseClose(name)) this.parser = undefined;
    return true;
  }
  if (name !== "table") return true;
  this.model.columns = this.map.tableColumns.model;
  const filter = this.map.autoFilter.model;
  if (filter) {
    this.model.autoFilterRef = filter.autoFilterRef;
    // A table with a filter shows a button on every column; ExcelJS reads no column ids, so none is hidden.
    for (const column of this.model.columns) column.filterButton = true;
  }
  this.model.style = this.map.tableStyleInfo.model;
  return false;
};

const columnProto = TableColumnXform.prototype;
columnProto.parseOpen = function parseOpen(this: { model: ColumnModel; inside?: string }, node: XmlNode) {
  if (node.name === "tableColumn") {
    const a = node.attributes;
    this.model = {
      name: a.name ?? "",
      ...(a.totalsRowLabel === undefined ? {} : { totalsRowLabel: a.totalsRowLabel }),
      ...(a.totalsRowFunction === undefined ? {} : { totalsRowFunction: a.totalsRowFunction }),
      ...(a.dxfId === undefined ? {} : { dxfId: a.dxfId }),
    };
    this.inside = undefined;
    return true;
  }
  if (node.name === "calculatedColumnFormula" || node.name === "totalsRowFormula") {
    this.inside = node.name;
    this.model[node.name] = "";
  }
  return true;
};
columnProto.parseText = function parseText(this: { model: ColumnModel; inside?: string }, text: string) {
  if (this.inside === "calculatedColumnFormula" || this.inside === "totalsRowFormula")
    this.model[this.inside] = (this.model[this.inside] ?? "") + text;
};
columnProto.parseClose = function parseClose(this: { inside?: string }, name: string) {
  if (name === "tableColumn") return false;
  if (name === this.inside) this.inside = undefined;
  return true;
};
columnProto.render = function render(xmlStream: XmlStream, model: ColumnModel & { id: number }) {
  const attributes = {
    id: model.id.toString(),
    name: model.name,
    totalsRowLabel: model.totalsRowLabel,
    totalsRowFunction: model.totalsRowFunction,
    dxfId: model.dxfId,
  };
  // Only what the reader above found: tables ExcelJS builds itself carry other (null) fields.
  const calculated = typeof model.calculatedColumnFormula === "string" ? model.calculatedColumnFormula : undefined;
  const totals = typeof model.totalsRowFormula === "string" ? model.totalsRowFormula : undefined;
  if (calculated === undefined && totals === undefined) {
    xmlStream.leafNode("tableColumn", attributes);
    return true;
  }
  xmlStream.openNode("tableColumn", attributes);
  if (calculated !== undefined) xmlStream.leafNode("calculatedColumnFormula", undefined, calculated);
  if (totals !== undefined) xmlStream.leafNode("totalsRowFormula", undefined, totals);
  xmlStream.closeNode();
  return true;
};

const textProto = TextXform.prototype;
const originalTextRender = textProto.render;
textProto.render = function render(xmlStream: XmlStream, model: string) {
  const escaped =
    typeof model === "string"
      ? model
          .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
          .replace(/(?![\t\n\r])\p{Cc}/gu, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
      : model;
  return originalTextRender.call(this, xmlStream, escaped);
};

interface ZipWriterThis {
  options: { compression?: string; compressionOptions?: { level?: number } };
  entries?: ZipEntry[];
  stream: { end(content: Buffer): void };
  emit(event: string): void;
}

const zipProto = ZipWriter.prototype;
zipProto.append = function append(
  this: ZipWriterThis,
  data: Buffer | string,
  options: { name: string; base64?: boolean },
) {
  const content = options.base64 && typeof data === "string" ? Buffer.from(data, "base64") : data;
  this.entries ??= [];
  this.entries.push({ name: options.name, data: content });
};
zipProto.finalize = async function finalize(this: ZipWriterThis) {
  const level = this.options.compression === "STORE" ? 0 : (this.options.compressionOptions?.level ?? 6);
  this.stream.end(zipPackage(this.entries ?? [], level));
  this.emit("finish");
};

interface CellXformThis {
  t?: string;
  model: { type?: number; value?: unknown; result?: unknown; formula?: string; shareType?: string };
}

const cellProto = CellXform.prototype;
const originalCellParseClose = cellProto.parseClose;
cellProto.parseClose = function parseClose(this: CellXformThis, name: string) {
  if (name !== "c" || this.t !== "d" || typeof this.model.value !== "string")
    return originalCellParseClose.call(this, name);
  const raw = this.model.value;
  const done = originalCellParseClose.call(this, name);
  const date = utcDateFromIsoText(raw);
  if (this.model.formula || this.model.shareType) this.model.result = date ?? { error: "#VALUE!" };
  else if (date) {
    this.model.type = ValueType.Date;
    this.model.value = date;
  } else {
    this.model.type = ValueType.Error;
    this.model.value = { error: "#VALUE!" };
  }
  return done;
};
