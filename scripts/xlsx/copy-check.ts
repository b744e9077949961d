import { posix } from "node:path";
import { openArchive } from "./zip";
import { attributes, decodeXml } from "./xml-text";

/**
 * The user's sheets compared cell by cell between an input package and a copy of it, and the tables
 * and names compared by definition: the tests' judge of what a copy changed (each difference named by
 * sheet and cell, or table). It was the rewrite's guard when copies went through ExcelJS, which read
 * some cells into something else (an ISO date stored as text, `t="d"`, became the number 2023); copies
 * are now spliced (`splice.ts`), and the tests hold them to it.
 */
export async function copyDifferences(
  inputBytes: Uint8Array,
  rewrittenBytes: Uint8Array,
  regenerated: readonly string[] = [],
): Promise<string[]> {
  const ours = new Set(regenerated.map((n) => n.toLowerCase()));
  const [before, after] = await Promise.all([readBook(inputBytes, ours), readBook(rewrittenBytes, ours)]);
  const found: string[] = [];
  for (const [name, cells] of before.sheets) {
    if (ours.has(name.toLowerCase())) continue;
    const copy = after.sheets.get(name);
    if (!copy) continue; // a lost sheet is the part comparison's to report
    for (const [ref, was] of cells) {
      const is = copy.get(ref);
      if (!is || !same(was, is)) found.push(`${what(was)} at ${sheetRef(name)}!${ref}`);
    }
    for (const ref of copy.keys()) if (!cells.has(ref)) found.push(`a cell that appears at ${sheetRef(name)}!${ref}`);
  }
  for (const [key, was] of before.tables) {
    if (ours.has(was.sheet.toLowerCase())) continue; // a table on a sheet we regenerate is ours
    const is = after.tables.get(key);
    if (is && is.signature !== was.signature) found.push(`the definition of the table ${was.name} (${was.why})`);
  }
  // Tables and defined names share one namespace in Excel: two of one name are "repaired" by deleting one.
  const seen = new Map<string, string>();
  for (const name of [...after.tables.values()].map((t) => t.name).concat(after.names)) {
    const key = name.toLowerCase();
    if (seen.has(key)) found.push(`two tables or names called ${name} (yours and the one the copy adds)`);
    else seen.set(key, name);
  }
  return [...new Set(found)];
}

interface Cell {
  /** `n` number, `s` text, `b` boolean, `e` error, `d` ISO date text, `` nothing. */
  type: string;
  value: string;
  /** `kind:formula text`, or `` for no formula. */
  formula: string;
}

interface Book {
  sheets: Map<string, Map<string, Cell>>;
  /** By display name, lower-cased. */
  tables: Map<string, { name: string; sheet: string; signature: string; why: string }>;
  /** Workbook-level defined names (not Excel's own `_xlnm.` ones). */
  names: string[];
}

const sheetRef = (name: string) => (/^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

function same(a: Cell, b: Cell): boolean {
  if (a.formula !== b.formula) return false;
  if (a.formula && a.type === "" && b.type !== "") return true; // a result we did not have is no change
  // ExcelJS carries a date or time cell through a JavaScript Date, to the millisecond: a time of day of
  // 09:30 (0.3958333333333333) comes back a few billionths of a day away. Under a millisecond is no change.
  if (a.type === "n" && b.type === "n") return Math.abs(Number(a.value) - Number(b.value)) < 1e-8;
  return a.type === b.type && a.value === b.value;
}

function what(c: Cell): string {
  if (c.formula.startsWith("dataTable:")) return "a what-if data table formula";
  if (c.type === "d") return `a date stored as text (${c.value})`;
  if (c.formula) return "a formula that would change";
  return "a value that would change";
}

/**
 * The sheets' cells, the tables and the names of a package. The cells of the sheets in `skip` (lower
 * case: the ones we regenerate) are not read, only their tables: they are never compared.
 */
async function readBook(bytes: Uint8Array, skip: ReadonlySet<string> = new Set()): Promise<Book> {
  // Each package is unzipped once (openArchive shares it with any other reader of the same bytes).
  const zip = await openArchive(bytes);
  const text = async (part: string) => zip.text(part.replace(/^\//, ""));
  const rels = async (part: string) => {
    const dir = posix.dirname(part);
    const xml = await text(posix.join(dir, "_rels", `${posix.basename(part)}.rels`));
    return new Map(
      [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => {
        const a = attributes(m[1]!);
        const target = a.Target ?? "";
        return [a.Id ?? "", target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(dir, target))];
      }),
    );
  };
  const workbook = await text("xl/workbook.xml");
  const workbookRels = await rels("xl/workbook.xml");
  const shared = sharedStrings(await text("xl/sharedStrings.xml"));
  const book: Book = { sheets: new Map(), tables: new Map(), names: [] };
  for (const m of workbook.matchAll(/<(?:\w+:)?definedName\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a.name && a.localSheetId === undefined && !a.name.startsWith("_xlnm.")) book.names.push(a.name);
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    const id = Object.entries(a).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1] ?? "";
    const part = workbookRels.get(id);
    if (!part || !a.name) continue;
    const xml = await text(part);
    book.sheets.set(a.name, skip.has(a.name.toLowerCase()) ? new Map() : cellsOf(xml, shared));
    const sheetRels = await rels(part);
    for (const t of xml.matchAll(/<(?:\w+:)?tablePart\b([^>]*)>/g)) {
      const target = sheetRels.get(Object.entries(attributes(t[1]!)).find(([k]) => /:id$/.test(k))?.[1] ?? "");
      if (!target) continue;
      const table = tableOf(await text(target));
      if (table) book.tables.set(table.name.toLowerCase(), { ...table, sheet: a.name });
    }
  }
  return book;
}

/** A table's definition as a copy must keep it: range, header and totals rows, columns and calculated columns. */
function tableOf(xml: string): { name: string; signature: string; why: string } | undefined {
  const head = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
  if (!head) return undefined;
  const a = attributes(head[1]!);
  const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?tableColumn>)/g)].map(
    (m) => {
      const calc = /<(?:\w+:)?calculatedColumnFormula\b[^>]*>([\s\S]*?)<\//.exec(m[3] ?? "")?.[1];
      return `${attributes(m[1]!).name ?? ""}${calc === undefined ? "" : `=${decodeXml(calc)}`}`;
    },
  );
  const headerOff = a.headerRowCount === "0";
  const calculated = columns.some((c) => c.includes("="));
  return {
    name: a.displayName ?? a.name ?? "",
    signature: [a.ref, a.headerRowCount ?? "1", a.totalsRowCount ?? "0", ...columns].join("|"),
    why: [headerOff ? "its header row is switched off" : "", calculated ? "it has calculated columns" : ""]
      .filter(Boolean)
      .concat(headerOff || calculated ? [] : ["its columns"])
      .join(", "),
  };
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => runsText(m[1]!));
}

/** The text of a string item: its `<t>` runs, without the phonetic guide (`<rPh>`). */
function runsText(xml: string): string {
  return [
    ...xml
      .replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "")
      .matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g),
  ]
    .map((m) => decodeXml(m[1] ?? ""))
    .join("");
}

function cellsOf(xml: string, shared: readonly string[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  // Shared formulas: a child cell names its master by `si`; compared as "shared with the master at X".
  const masters = new Map<string, string>();
  const re = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of xml.matchAll(re)) {
    const a = attributes(m[1]!);
    const ref = a.r;
    const inner = m[2] ?? "";
    if (!ref) continue;
    const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    let formula = "";
    if (f) {
      const fa = attributes(f[1]!);
      const body = decodeXml(f[2] ?? "").trim();
      const kind = fa.t ?? "normal";
      if (kind === "shared" && fa.si !== undefined) {
        if (body) masters.set(fa.si, ref);
        formula = body ? `normal:${body}` : `shared:${masters.get(fa.si) ?? fa.si}`;
      } else formula = `${kind}:${body}`;
    }
    const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
    const t = a.t ?? "n";
    let cell: Cell;
    if (t === "inlineStr")
      cell = {
        type: "s",
        value: runsText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? ""),
        formula,
      };
    else if (v === undefined) cell = { type: "", value: "", formula };
    else if (t === "s") cell = { type: "s", value: shared[Number(v)] ?? "", formula };
    else if (t === "str") cell = { type: "s", value: decodeXml(v), formula };
    else cell = { type: t, value: decodeXml(v), formula };
    if (cell.type === "" && !cell.formula) continue; // formatting only
    if (cell.type === "s" && cell.value === "" && !cell.formula) continue;
    cells.set(ref.replace(/\$/g, "").toUpperCase(), cell);
  }
  return cells;
}
