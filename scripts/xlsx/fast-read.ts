import {
  type CellValue,
  type FormatKind,
  type RawTable,
  type TableName,
  TABLE_NAMES,
  UnreadableWorkbookError,
  type WorkbookInput,
  WorkbookError,
  matchKey,
  growBox,
  numberFormatKind,
  rangeOf,
  readStoredBoolean,
} from "../../core";
import { toCellValue } from "./cell-value";
import { utcDateFromIsoText } from "./dates";
import { decodeXstring } from "./xml-text";

/*
 * `iewsc check` only reads our tables, so it need not build ExcelJS's whole workbook model (a Cell
 * object, a style and a copy of every value for every cell: most of the time and memory of a 130,000-row
 * check). This reader scans the sheet XML itself and keeps one value per cell. It gives exactly what
 * ExcelJS's load followed by `findTables` gives: the small parts (workbook, relationships, shared
 * strings, styles, tables) are parsed by ExcelJS's own xforms, and each cell follows ExcelJS's cell
 * reading (`cell-xform.js`: types, shared strings, date formats, formulas' saved results), as corrected
 * by `exceljs-reading.ts` (rows given twice, booleans stored as words, durations: the core decides
 * booleans and date formats for both, and both refuse a cell given twice in the same words). Whatever it
 * does not read as ExcelJS does (merged cells, hyperlinks, rich inline text, cells without an address,
 * prefixed or unusual XML, a table without its header row, an odd package) makes it return `undefined`,
 * and the caller reads the workbook with ExcelJS: a different reader, never a different answer. The test
 * `test/hostile/fast-read.test.ts` runs both over every workbook we have and compares them.
 */

// ExcelJS's xforms and helpers are reachable only by their CommonJS paths (no types).
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform");
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform");
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform");
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform");
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform");
const exceljsUtils = require("exceljs/lib/utils/utils") as {
  excelToDate(v: number, date1904: boolean): Date;
};
import "./exceljs-patches";

interface Rel {
  Id: string;
  Target: string;
}
interface TableModel {
  name?: string;
  tableRef?: string;
  totalsRow?: boolean;
  headerRow?: boolean;
}

/** Thrown inside the reader for anything it does not read as ExcelJS would: the caller falls back. */
class Unsupported extends Error {}

const parse = async (
  xform: { parseStream(s: AsyncIterable<string> | Iterable<string>): Promise<unknown> },
  xml: string,
) => xform.parseStream([xml]);

/**
 * Reads the contract's tables from the package's parts (inflated by `checkWorkbookBytes`), or returns
 * `undefined` when this workbook must be read by ExcelJS instead. A workbook both readers refuse (a
 * cell given twice) throws the `WorkbookError` ExcelJS's reader throws, without the file's name.
 */
export async function readTablesFast(
  parts: ReadonlyMap<string, Buffer>,
  names: readonly TableName[] | "every" = TABLE_NAMES,
): Promise<WorkbookInput | undefined> {
  try {
    return await read(parts, names);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    if (e instanceof Unsupported) {
      if (process.env.IEWSC_DEBUG_READER) process.stderr.write(`fast reader: ${e.message}\n`);
      return undefined;
    }
    // ExcelJS's xforms failed on a part: ExcelJS's own load says what the workbook is (damaged).
    return undefined;
  }
}

async function read(parts: ReadonlyMap<string, Buffer>, names: readonly TableName[] | "every"): Promise<WorkbookInput> {
  const decoded = new Map<string, string>();
  const text = (name: string) => {
    let t = decoded.get(name);
    if (t === undefined) {
      t = parts.get(name)?.toString("utf8");
      if (t !== undefined) decoded.set(name, t);
    }
    return t;
  };
  const need = (name: string) => {
    const t = text(name);
    if (t === undefined) throw new Unsupported(name);
    return t;
  };
  const workbook = (await parse(new WorkbookXform(), need("xl/workbook.xml"))) as {
    sheets?: { name: string; id: number; rId: string }[];
    properties?: { date1904?: boolean };
  };
  const rels = (await parse(new RelationshipsXform(), need("xl/_rels/workbook.xml.rels"))) as Rel[];
  const relById = new Map(rels.map((r) => [r.Id, r]));
  // Sheets as ExcelJS keeps them: those whose part is a worksheet, in the order of their sheet ids.
  const sheets: { name: string; id: number; path: string; no: string }[] = [];
  for (const sheet of workbook.sheets ?? []) {
    const rel = relById.get(sheet.rId);
    if (!rel) continue;
    const path = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path);
    if (!m) {
      if (/^xl\/chartsheets\//.test(path)) continue;
      throw new Unsupported(path);
    }
    if (!parts.has(path)) continue;
    sheets.push({ name: sheet.name, id: sheet.id, path, no: m[1]! });
  }
  // ExcelJS keeps its sheets in an array by sheet id: a missing, odd or repeated id is its own business.
  if (sheets.some((s) => !Number.isInteger(s.id) || s.id < 1)) throw new Unsupported("sheet ids");
  if (new Set(sheets.map((s) => s.id)).size !== sheets.length) throw new Unsupported("sheet ids");
  if (new Set(sheets.map((s) => s.path)).size !== sheets.length) throw new Unsupported("sheet parts");
  sheets.sort((a, b) => a.id - b.id);
  const date1904 = Boolean(workbook.properties?.date1904);

  const wanted = wantedBy(names);
  // Which tables sit on which sheet (ExcelJS: tableParts → the sheet's rels → xl/tables/tableN.xml).
  const found: { name: TableName; sheet: (typeof sheets)[number]; model: TableModel }[] = [];
  for (const sheet of sheets) {
    const xml = need(sheet.path);
    const partIds = [...xml.matchAll(/<tablePart\b[^>]*\br:id="([^"]*)"/g)].map((m) => m[1]!);
    if (!partIds.length) continue;
    const relsXml = text(`xl/worksheets/_rels/sheet${sheet.no}.xml.rels`);
    if (relsXml === undefined) throw new Unsupported("table rels");
    const sheetRels = new Map(((await parse(new RelationshipsXform(), relsXml)) as Rel[]).map((r) => [r.Id, r]));
    const seen = new Set<string>();
    for (const id of partIds) {
      const m = /^\.\.\/tables\/(table\d+)\.xml$/.exec(sheetRels.get(id)?.Target ?? "");
      const tableXml = m && text(`xl/tables/${m[1]}.xml`);
      if (!tableXml) throw new Unsupported("table part");
      const model = (await parse(new TableXform(), tableXml)) as TableModel;
      if (seen.has(model.name ?? "")) throw new Unsupported("two tables of one name on a sheet");
      seen.add(model.name ?? "");
      const name = wanted(model.name ?? "");
      if (name) found.push({ name, sheet, model });
    }
  }

  const tables: Partial<Record<TableName, RawTable>> = {};
  const readers = new Map<string, SheetCells>();
  let context: CellContext | undefined;
  const cellsOf = async (sheet: (typeof sheets)[number]) => {
    let cells = readers.get(sheet.path);
    if (!cells) {
      context ??= await cellContext(text("xl/sharedStrings.xml"), text("xl/styles.xml"), date1904);
      cells = scanSheet(need(sheet.path), context, sheet.name);
      readers.set(sheet.path, cells);
    }
    return cells;
  };
  for (const { name, sheet, model } of found) {
    const ref = model.tableRef;
    if (tables[name] || !ref) continue;
    const range = rangeOf(ref);
    if (!range) continue;
    // A table with its header row switched off takes its header from the column definitions: ExcelJS reads it.
    if (model.headerRow === false) throw new Unsupported("table without a header row");
    if (model.totalsRow) range.bottom = Math.max(range.top, range.bottom - 1);
    tables[name] = {
      name,
      sheet: sheet.name,
      source: "table",
      origin: { row: range.top, column: range.left },
      values: readBlock(await cellsOf(sheet), range),
    };
  }
  for (const sheet of sheets) {
    const name = wanted(sheet.name);
    if (!name || tables[name]) continue;
    const cells = await cellsOf(sheet);
    const range: Box | undefined = usedRange(cells);
    tables[name] = {
      name,
      sheet: sheet.name,
      source: "sheet",
      origin: { row: range?.top ?? 1, column: range?.left ?? 1 },
      values: range ? readBlock(cells, range) : [],
    };
  }
  // ExcelJS parses every worksheet, read or not, and calls a workbook damaged when one is not
  // well-formed XML: so must this reader (the sheets read were checked as they were scanned).
  // Nor may a sheet not read give a cell twice (ExcelJS refuses the workbook).
  for (const path of parts.keys())
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path) && !readers.has(path)) {
      const xml = need(path);
      wellFormed(xml);
      const twice = cellGivenTwiceIn(xml);
      const sheet = sheets.find((s) => s.path === path);
      if (twice && sheet) throw cellGivenTwice(sheet.name, twice);
    }
  return { tables, date1904 };
}

/**
 * Which tables and sheets are read, by name: the contract's tables (case aside), or with "every"
 * every table and sheet under its own name (the tests compare the readers on every sheet they have).
 */
export function wantedBy(names: readonly TableName[] | "every"): (name: string) => TableName | undefined {
  if (names === "every") return (name) => (name ? (name as TableName) : undefined);
  const wanted = new Map(names.map((n) => [matchKey(n), n]));
  return (name) => wanted.get(matchKey(name));
}

/**
 * The refusal of a workbook in which one cell is given twice: the file is damaged, and which of the
 * two values is the cell's cannot be known. The same words from both readers.
 *
 * @example cellGivenTwice("Roster", "B3").message // 'could not be read: cell B3 of the sheet "Roster" is …'
 */
export function cellGivenTwice(sheet: string, cell: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `could not be read: cell ${cell} of the sheet "${sheet}" is written twice in the file, with no telling which value is meant (the file is damaged); open it in Excel, save it again, then retry`,
  );
}

interface CellContext {
  strings: (index: number) => unknown;
  /** What the style's number format makes of a number: a date, a duration or a number (the core decides). */
  kind: (style: number) => FormatKind;
  date1904: boolean;
}

async function cellContext(
  sst: string | undefined,
  stylesXml: string | undefined,
  date1904: boolean,
): Promise<CellContext> {
  let strings: (index: number) => unknown = () => {
    throw new Unsupported("no shared strings");
  };
  if (sst !== undefined) {
    const plain = plainStrings(sst);
    if (plain) strings = (i) => plain[i];
    else {
      const xform = new SharedStringsXform();
      await parse(xform, sst);
      strings = (i) => xform.getString(i);
    }
  }
  let kind: (style: number) => FormatKind = () => "number";
  if (stylesXml !== undefined) {
    const styles = new StylesXform();
    await parse(styles, stylesXml);
    const memo = new Map<number, FormatKind>();
    kind = (id) => {
      let k = memo.get(id);
      if (k === undefined) {
        const style = styles.getStyleModel(id) as { numFmt?: string } | null;
        k = style ? numberFormatKind(style.numFmt) : "number";
        memo.set(id, k);
      }
      return k;
    };
  }
  return { strings, kind, date1904 };
}

/** Throws Unsupported unless the XML is one well-formed element (the test saxes applies, in short). */
function wellFormed(xml: string): void {
  if (/<!\[CDATA\[|<!--|<!DOCTYPE/.test(xml)) throw new Unsupported("CDATA, comments or a DOCTYPE");
  const stack: string[] = [];
  let rooted = false;
  let at = /^\uFEFF?\s*(<\?xml\b[^>]*\?>)?\s*/.exec(xml)![0].length;
  TOKEN.lastIndex = at;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m.index !== at) throw new Unsupported("not well-formed");
    at = TOKEN.lastIndex;
    const [, slash, tag, , selfClose, chars] = m;
    if (chars !== undefined) {
      if (!stack.length && chars.trim()) throw new Unsupported("text outside the root");
      if (chars.includes("&")) decodeText(chars);
    } else if (slash) {
      if (selfClose || stack.pop() !== tag) throw new Unsupported("not well-formed");
    } else {
      if (!stack.length && rooted) throw new Unsupported("two roots");
      rooted = true;
      if (!selfClose) stack.push(tag!);
    }
  }
  if (at !== xml.length || stack.length || !rooted) throw new Unsupported("not well-formed");
}

const PLAIN_STRING =
  /<si>\s*(?:<t(?:\s+xml:space\s*=\s*"preserve")?\s*>([^<]*)<\/t>|<t(?:\s+xml:space\s*=\s*"preserve")?\s*\/>)\s*<\/si>/g;

/**
 * The shared strings when every one is plain text (`<si><t>…</t></si>`, as Excel writes all but rich
 * text), read as the patched TextXform reads them (`_xHHHH_` decoded); else undefined, and ExcelJS's
 * own xform reads them (rich text, phonetic runs).
 */
function plainStrings(sst: string): string[] | undefined {
  const out: string[] = [];
  for (const m of sst.matchAll(PLAIN_STRING)) out.push(decodeXstring(decodeText(m[1] ?? "")));
  // Anything else in the part (an extension list, a comment) is left to ExcelJS, which may refuse it.
  const rest = sst.replace(PLAIN_STRING, "");
  return /^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*(<sst\b[^>]*>\s*<\/sst>|<sst\b[^>]*\/>)\s*$/.test(rest) ? out : undefined;
}

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
const ATTRIBUTE = {
  r: /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  s: /(?:^|\s)s\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  t: /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/,
};

/** One attribute's value (r, s or t), decoded; undefined when absent. */
function attribute(attrs: string, name: keyof typeof ATTRIBUTE): string | undefined {
  if (!attrs) return undefined;
  const m = ATTRIBUTE[name].exec(attrs);
  return m ? decodeText(m[1] ?? m[2] ?? "") : undefined;
}

const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|\r\n?/g;

/** XML character data as saxes gives it: the five entities, character references, line ends as \n. */
function decodeText(s: string): string {
  if (!s.includes("&") && !s.includes("\r")) return s;
  return s.replace(ENTITY, (all, e: string | undefined) => {
    if (e === undefined) return "\n";
    if (e[0] === "#") {
      const code = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) throw new Unsupported(all);
      return String.fromCodePoint(code);
    }
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e];
    if (named === undefined) throw new Unsupported(all);
    return named;
  });
}

/** A cell's place from its own address (`r`), which is where every other reader puts it. */
function placeOf(ref: string | undefined): { row: number; col: number } {
  const m = ref && /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) throw new Unsupported("a cell without an address");
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + ch.charCodeAt(0) - 64;
  if (n > 16_384) throw new Unsupported("a column beyond XFD");
  const row = Number(m[2]);
  if (row < 1 || row > 1_048_576) throw new Unsupported("a row beyond the sheet");
  return { row, col: n };
}

/**
 * Every cell of a sheet as the value `findTables` reads from ExcelJS: ExcelJS's `parseClose` and
 * `reconcile` of a cell, then `toCellValue`. A cell that ExcelJS would not create (no value, no style)
 * is skipped; one with a style only is created empty (it counts in its row's cell count).
 */
function scanSheet(xml: string, context: CellContext, sheetName: string): SheetCells {
  if (/<mergeCell\b|<hyperlink\b|<!\[CDATA\[|<!--|<!DOCTYPE/.test(xml)) throw new Unsupported("merges, links or CDATA");
  // Only a well-formed sheet is read here (saxes, under ExcelJS, refuses the rest): the tokens must
  // follow one another with nothing skipped, every tag must close the one last opened, and the
  // root must be an unprefixed <worksheet> with nothing but white space outside it.
  const prolog = /^\uFEFF?\s*(<\?xml\b[^>]*\?>)?\s*/.exec(xml)![0].length;
  const rows = new Map<number, { values: CellValue[]; count: number }>();
  const stack: string[] = [];
  let inData = false;
  let rooted = false;
  let row: { values: CellValue[]; count: number } | undefined;
  let rowNumber = 0;
  // The cell being read, as ExcelJS's cell-xform model.
  let cell:
    | { row: number; col: number; style: number; t?: string; formula?: string; shareType?: string; value?: string }
    | undefined;
  let node: "f" | "v" | "t" | undefined;
  let at = prolog;
  TOKEN.lastIndex = prolog;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m.index !== at) throw new Unsupported("not well-formed");
    at = TOKEN.lastIndex;
    const [, slash, tag, attrs, selfClose, chars] = m;
    if (chars !== undefined) {
      if (!stack.length && chars.trim()) throw new Unsupported("text outside the root");
      if (!cell || !node) continue;
      const t = decodeText(chars);
      if (node === "f") cell.formula = cell.formula ? cell.formula + t : t;
      else cell.value = cell.value ? cell.value + t : t;
      continue;
    }
    if (slash) {
      if (selfClose || stack.pop() !== tag) throw new Unsupported("not well-formed");
      if (inData) {
        if (tag === "sheetData") inData = false;
        else closeTag(tag!);
      }
      continue;
    }
    if (!stack.length) {
      if (tag !== "worksheet" || rooted) throw new Unsupported("root");
      rooted = true;
    }
    if (!selfClose) stack.push(tag!);
    if (!inData) {
      if (tag === "sheetData" && stack.length === (selfClose ? 1 : 2)) inData = !selfClose;
      continue;
    }
    switch (tag) {
      case "row": {
        const ref = attribute(attrs!, "r");
        const r = Number(ref);
        if (!ref || !Number.isInteger(r) || r < 1) throw new Unsupported("a row without a number");
        // A row given twice (or out of order) is one row: the cells of both are read, as ExcelJS's reader does.
        row = rows.get(r);
        if (!row) {
          row = { values: [], count: 0 };
          rows.set(r, row);
        }
        rowNumber = r;
        break;
      }
      case "c": {
        if (!row || cell) throw new Unsupported("a cell outside a row");
        const style = attribute(attrs!, "s");
        const type = attribute(attrs!, "t");
        const place = placeOf(attribute(attrs!, "r"));
        cell = { row: place.row, col: place.col, style: style ? Number.parseInt(style, 10) : 0 };
        if (type !== undefined) cell.t = type;
        break;
      }
      case "f": {
        if (!cell) throw new Unsupported("f");
        const type = attribute(attrs!, "t");
        node = "f";
        if (type !== undefined) cell.shareType = type;
        break;
      }
      case "v":
      case "t":
        if (!cell) throw new Unsupported(tag);
        node = tag;
        break;
      case "is":
        if (!cell) throw new Unsupported("is");
        break;
      default:
        // Rich inline text, phonetic runs, extensions: ExcelJS reads them its own way.
        throw new Unsupported(tag!);
    }
    if (selfClose) closeTag(tag!);
  }
  if (at !== xml.length || stack.length || cell) throw new Unsupported("not well-formed");
  return { rows };

  function closeTag(tag: string): void {
    if (tag === "f" || tag === "v" || tag === "t" || tag === "is") node = undefined;
    else if (tag === "row") row = undefined;
    else if (tag === "c") {
      const c = cell!;
      cell = undefined;
      node = undefined;
      const value = cellValue(c, context);
      if (value === undefined) return; // ExcelJS's "Merge" type: no cell is created
      // A cell is where its address says, even inside another row's element (LibreOffice, gnumeric, openpyxl).
      let target = row!;
      if (c.row !== rowNumber) {
        target = rows.get(c.row) ?? { values: [], count: 0 };
        rows.set(c.row, target);
      }
      if (target.values[c.col - 1] !== undefined) throw cellGivenTwice(sheetName, `${columnName(c.col)}${c.row}`);
      target.values[c.col - 1] = value;
      if (c.col > target.count) target.count = c.col;
    }
  }
}

/** One cell's value, as ExcelJS's cell-xform `parseClose` and `reconcile` and then `toCellValue` give it. */
function cellValue(
  c: { style: number; t?: string; formula?: string; shareType?: string; value?: string },
  context: CellContext,
): CellValue | undefined {
  const kind = c.style ? context.kind(c.style) : "number";
  if (c.formula || c.shareType) {
    // A formula gives its saved result; none saved means the program that wrote it never calculated it.
    if (!c.value) return toCellValue({ formula: c.formula ?? "", result: undefined } as never);
    if (c.t === "str") return decodeXstring(c.value);
    if (c.t === "b") return storedBoolean(c.value);
    if (c.t === "e") return { error: c.value };
    if (c.t === "d") throw new Unsupported("a formula whose result is a date stored as text");
    return shownNumber(Number.parseFloat(c.value), kind, context.date1904);
  }
  if (c.value !== undefined) {
    switch (c.t) {
      case "s": {
        const s = context.strings(Number.parseInt(c.value, 10));
        if (s === undefined || s === null) throw new Unsupported("a shared string that is not there");
        return toCellValue(s as never);
      }
      // Escaped text like shared strings, decoded once (exceljs-patches.ts, 4).
      case "str":
      case "inlineStr":
        return decodeXstring(c.value);
      case "b":
        return storedBoolean(c.value);
      case "e":
        return { error: c.value };
      case "d": {
        // A date stored as ISO text, as the patched ExcelJS reads it (exceljs-patches.ts, 6).
        const date = utcDateFromIsoText(c.value);
        return date ? toCellValue(date) : { error: "#VALUE!" };
      }
      default:
        return shownNumber(Number.parseFloat(c.value), kind, context.date1904);
    }
  }
  return c.style ? null : undefined;
}

/** A number as its format shows it: a date (as ExcelJS's Date gives it), a duration, or the number. */
function shownNumber(n: number, kind: FormatKind, date1904: boolean): CellValue {
  if (kind === "date") return toCellValue(exceljsUtils.excelToDate(n, date1904));
  return kind === "duration" ? { duration: n } : n;
}

/** A boolean as the core reads what is stored: anything but 0, 1, true or false is no boolean, and no guess. */
const storedBoolean = (stored: string): CellValue => readStoredBoolean(stored) ?? { error: "#VALUE!" };

/** A column's letters: 1 → A, 28 → AB. */
function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const CELL_TAG = /<c\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** The places (row × 16,384 + column) of the cells ExcelJS creates in a sheet (a value, a formula or a style). */
function* cellsMade(xml: string): Generator<number> {
  CELL_TAG.lastIndex = 0;
  for (let m = CELL_TAG.exec(xml); m; m = CELL_TAG.exec(xml)) {
    const [, attrs, selfClose] = m;
    const style = attribute(attrs!, "s");
    let made = Boolean(style && Number.parseInt(style, 10));
    if (!made && !selfClose) {
      const end = xml.indexOf("</c>", CELL_TAG.lastIndex);
      made = /<f\b|<v>[^<]|<is\b/.test(xml.slice(CELL_TAG.lastIndex, end < 0 ? undefined : end));
    }
    if (!made) continue;
    const { row, col } = placeOf(attribute(attrs!, "r"));
    yield row * 16_384 + col - 1;
  }
}

/**
 * The first cell a sheet not read gives twice, as both readers place cells (by their address),
 * counting only the cells ExcelJS creates; undefined when none. Cells come in order in every file a
 * spreadsheet program writes: only a sheet whose cells do not is read again with a set of places.
 */
function cellGivenTwiceIn(xml: string): string | undefined {
  let last = -1;
  let ordered = true;
  for (const at of cellsMade(xml)) {
    if (at <= last) {
      ordered = false;
      break;
    }
    last = at;
  }
  if (ordered) return undefined;
  const seen = new Set<number>();
  for (const at of cellsMade(xml)) {
    if (seen.has(at)) return `${columnName((at % 16_384) + 1)}${Math.floor(at / 16_384)}`;
    seen.add(at);
  }
  return undefined;
}

/** A sheet's cells by row: each row's values by column (a hole is no cell) and its cell count. */
interface SheetCells {
  rows: Map<number, { values: CellValue[]; count: number }>;
}

type Box = NonNullable<ReturnType<typeof rangeOf>>;

const isBlank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const hasValues = (row: { values: CellValue[] }) => row.values.some((v) => v !== null && v !== undefined);

/** As `usedRange` in read-workbook.ts: the smallest box holding every cell with a value. */
function usedRange(cells: SheetCells): Box | undefined {
  let box: Box | undefined;
  for (const [r, row] of cells.rows) {
    row.values.forEach((v, i) => {
      if (isBlank(v)) return;
      const c = i + 1;
      box = growBox(box, r, c);
    });
  }
  return box;
}

/** Columns from which a box is read sparsely, as in read-workbook.ts. */
const WIDE = 1024;
const NO_CELLS: CellValue[] = [];

/** As `readBlock` in read-workbook.ts: the box's values, cut after its last row with a value. */
function readBlock(cells: SheetCells, box: Box): CellValue[][] {
  let last = box.top;
  for (const [r, row] of cells.rows) if (r <= box.bottom && r > last && hasValues(row)) last = r;
  const out: CellValue[][] = [];
  for (let r = box.top; r <= last; r++) {
    const row = cells.rows.get(r);
    if (!row || !hasValues(row)) {
      out.push(NO_CELLS);
      continue;
    }
    const end = box.right - box.left < WIDE ? box.right : Math.min(box.right, row.count);
    const line: CellValue[] = [];
    for (let c = box.left; c <= end; c++) line.push(row.values[c - 1] ?? null);
    out.push(line);
  }
  while (out.length > 1 && out[out.length - 1]!.every((v) => isBlank(v))) out.pop();
  return out;
}
