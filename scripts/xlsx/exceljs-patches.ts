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
 *    `_x0041_` comes back as "A". Written text is escaped again, so it reads back as it was. Inline
 *    strings (`t="inlineStr"`) and `t="str"` values were not decoded at all, `t="str"` values had their
 *    XML entities decoded twice (`&amp;lt;` read as "<"), lower-case escapes (`_x000b_`) were decoded
 *    nowhere, and an inline string's phonetic guide (`<rPh>`) was read into its text (and ended the cell
 *    early, so the cells after it were misread): the same decoding everywhere (`xml-text.ts`), the guide
 *    left out.
 *
 * 5. A copy is zipped by Node's zlib instead of JSZip's JavaScript deflate (see `zip.ts`): the same
 *    parts in the same order, at the deflate level asked for (`ZIP_OPTIONS`), in a fraction of the time.
 *
 * 6. A date stored as ISO text (`t="d"`, `2023-05-30`, as some programs write dates) is read with
 *    `parseFloat` as the number 2023 (15 July 1905 in a date column): `check` gave a wrong answer
 *    without a word. It is read as the date it spells; text that is no date is the error `#VALUE!`.
 *
 * 7. A table or sheet filter ExcelJS does not model (a dynamic, top-10, colour or icon filter, a sort
 *    inside the filter, an extension list) made its filter reader throw, and the whole workbook was
 *    called damaged. What it does not model is skipped; the filter's range and columns are read as before.
 *
 * Loaded for its effect by the reader (`read-workbook.ts`). What is still not carried exactly is
 * caught by the cell, table and name comparison of every rewrite (`copy-check.ts`).
 */
import { utcDateFromIsoText } from "./dates";
import { decodeXstring } from "./xml-text";
import { type ZipEntry, zipPackage } from "./zip";

// ExcelJS's xform classes are reachable only by their CommonJS paths (no types).
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform");
const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform");
const TextXform = require("exceljs/lib/xlsx/xform/strings/text-xform");
const { ZipWriter } = require("exceljs/lib/utils/zip-stream");
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform");
const AutoFilterXform = require("exceljs/lib/xlsx/xform/table/auto-filter-xform");
const FilterColumnXform = require("exceljs/lib/xlsx/xform/table/filter-column-xform");
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
// ExcelJS decodes `_xHHHH_` with upper-case hex digits only: `_x000b_` stayed literal.
Object.defineProperty(textProto, "model", {
  configurable: true,
  get(this: { _text: string[] }) {
    return decodeXstring(this._text.join(""));
  },
});

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
  parser?: unknown;
  /** Depth inside an inline string's phonetic guide (`<rPh>`, `<phoneticPr>`), whose text is not the cell's. */
  phonetic?: number;
  model: { type?: number; value?: unknown; result?: unknown; formula?: string; shareType?: string };
}

const cellProto = CellXform.prototype;
const originalCellParseOpen = cellProto.parseOpen;
const originalCellParseText = cellProto.parseText;
const originalCellParseClose = cellProto.parseClose;
cellProto.parseOpen = function parseOpen(this: CellXformThis, node: XmlNode) {
  if (node.name === "c") this.phonetic = 0;
  if (this.phonetic || (!this.parser && (node.name === "rPh" || node.name === "phoneticPr"))) {
    this.phonetic = (this.phonetic ?? 0) + 1;
    return true;
  }
  return originalCellParseOpen.call(this, node);
};
cellProto.parseText = function parseText(this: CellXformThis, text: string) {
  if (!this.phonetic) originalCellParseText.call(this, text);
};
cellProto.parseClose = function parseClose(this: CellXformThis, name: string) {
  if (this.phonetic) {
    this.phonetic--;
    return true;
  }
  if (name !== "c") return originalCellParseClose.call(this, name);
  const raw = this.model.value;
  if (typeof raw !== "string") return originalCellParseClose.call(this, name);
  if (this.t === "inlineStr" || this.t === "str") {
    // Inline text and a `t="str"` value are escaped text like shared strings (ExcelJS kept them raw,
    // and ran `t="str"` values through a second entity decoding: "&amp;lt;" came back as "<").
    const formula = Boolean(this.model.formula || this.model.shareType);
    if (!formula) this.t = "inlineStr";
    const done = originalCellParseClose.call(this, name);
    if (formula) this.model.result = decodeXstring(raw);
    else this.model.value = decodeXstring(raw);
    return done;
  }
  if (this.t !== "d") return originalCellParseClose.call(this, name);
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

/*
 * ExcelJS's filter reader throws on what it does not model (a dynamic, top-10, colour or icon filter, a
 * sort inside the filter, an extension list), which failed the whole workbook as damaged (7). What it
 * does not model is skipped, element and all.
 */
interface FilterXformThis {
  skipping?: number;
  parser?: unknown;
  map: Record<string, unknown>;
}
for (const [proto, own] of [
  [AutoFilterXform.prototype, "autoFilter"],
  [FilterColumnXform.prototype, "filterColumn"],
] as const) {
  const open = proto.parseOpen;
  const close = proto.parseClose;
  proto.parseOpen = function parseFilter(this: FilterXformThis, node: XmlNode) {
    if (this.skipping) {
      this.skipping++;
      return true;
    }
    if (!this.parser && node.name !== own && !this.map[node.name]) {
      this.skipping = 1;
      return true;
    }
    return open.call(this, node);
  };
  proto.parseClose = function closeFilter(this: FilterXformThis, name: string) {
    if (this.skipping) {
      this.skipping--;
      return true;
    }
    return close.call(this, name);
  };
}
