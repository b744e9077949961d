import JSZip from "jszip";

/**
 * A tiny .xlsx writer for hostile inputs: every byte of the package is chosen by the test (cells with
 * any type attribute, tables with any attributes, defined names, stray cells at XFD1048576), which a
 * well-behaved library such as ExcelJS would never write. Text goes to the shared strings, as Excel writes it.
 */

/** One cell: its reference and the XML inside `<c>` (attributes included), e.g. `t="d"><v>2023-05-30</v>`. */
export type RawCell = [ref: string, inner: string];

export interface RawSheet {
  name: string;
  /** Extra XML before `</sheetData>` is closed: the cells, as rows are built from them. */
  cells: RawCell[];
  /** Tables on this sheet: the XML of each `<table>` element's attributes and children. */
  tables?: { name: string; ref: string; columns: string[]; attrs?: string; inner?: string }[];
  /** XML after `</sheetData>` (before tableParts), e.g. a `<dataValidations>`. */
  after?: string;
  /** The `<dimension ref>`, when a test wants one that lies. */
  dimension?: string;
}

export interface RawBook {
  sheets: RawSheet[];
  /** `<definedName>` elements: [name, formula]. */
  names?: [string, string][];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A text cell written as OOXML writes text (control characters as `_xHHHH_`, `_` escaped as `_x005F_`). */
export function text(ref: string, value: string): RawCell {
  const encoded = value
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/\p{Cc}/gu, (c) =>
      c === "\n" || c === "\t" ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  // A placeholder that writeRawBook replaces by the string's index in the shared strings, as Excel writes text.
  return [ref, `t="s"><v>\uE000${esc(encoded)}\uE000</v>`];
}

export const num = (ref: string, n: number | string): RawCell => [ref, `><v>${n}</v>`];

/** Rows of values from A1 down: strings become text cells, numbers number cells, null nothing. */
export function grid(rows: (string | number | null)[][], top = 1): RawCell[] {
  const out: RawCell[] = [];
  for (const [i, row] of rows.entries()) {
    for (const [j, v] of row.entries()) {
      if (v === null) continue;
      const ref = `${column(j + 1)}${top + i}`;
      out.push(typeof v === "number" ? num(ref, v) : text(ref, v));
    }
  }
  return out;
}

export function column(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
const colOf = (ref: string) => [.../^[A-Z]+/.exec(ref)![0]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

function sheetXml(sheet: RawSheet, tableIds: number[]): string {
  const rows = new Map<number, RawCell[]>();
  for (const c of sheet.cells) rows.set(rowOf(c[0]), [...(rows.get(rowOf(c[0])) ?? []), c]);
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([r, cells]) =>
        `<row r="${r}">${cells
          .sort((a, b) => colOf(a[0]) - colOf(b[0]))
          .map(([ref, inner]) => `<c r="${ref}" ${inner}</c>`)
          .join("")}</row>`,
    )
    .join("");
  const parts = tableIds.length
    ? `<tableParts count="${tableIds.length}">${tableIds.map((_, i) => `<tablePart r:id="rIdT${i + 1}"/>`).join("")}</tableParts>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${sheet.dimension ? `<dimension ref="${sheet.dimension}"/>` : ""}<sheetData>${body}</sheetData>${sheet.after ?? ""}${parts}</worksheet>`;
}

/** The package's bytes. */
export async function writeRawBook(book: RawBook): Promise<Buffer> {
  const zip = new JSZip();
  const strings = new Map<string, number>();
  const shared = (xml: string) =>
    xml.replace(/\uE000([^\uE000]*)\uE000/g, (_, s: string) => {
      if (!strings.has(s)) strings.set(s, strings.size);
      return String(strings.get(s));
    });
  const sheetCount = book.sheets.length;
  let tableNo = 0;
  const overrides: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const ids: number[] = [];
    const rels: string[] = [];
    for (const t of sheet.tables ?? []) {
      tableNo++;
      ids.push(tableNo);
      rels.push(
        `<Relationship Id="rIdT${ids.length}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${tableNo}.xml"/>`,
      );
      const cols = t.columns.map((c, k) => `<tableColumn id="${k + 1}" name="${esc(c)}"/>`).join("");
      zip.file(
        `xl/tables/table${tableNo}.xml`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${tableNo}" name="${esc(t.name)}" displayName="${esc(t.name)}" ref="${t.ref}" ${t.attrs ?? ""}>${t.inner ?? `<autoFilter ref="${t.ref}"/>`}<tableColumns count="${t.columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      );
      overrides.push(
        `<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      );
    }
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, shared(sheetXml(sheet, ids)));
    if (rels.length)
      zip.file(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
      );
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  });
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${overrides.join("")}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const names = (book.names ?? []).map(([n, f]) => `<definedName name="${esc(n)}">${esc(f)}</definedName>`).join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${book.sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets>${names ? `<definedNames>${names}</definedNames>` : ""}</workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        "",
      )}<Relationship Id="rId${sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheetCount + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[
      ...strings.keys(),
    ]
      .map((s) => `<si><t xml:space="preserve">${s}</t></si>`)
      .join("")}</sst>`,
  );
  // Style 1 is a date (numFmt 14), for date cells.
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A roster every check can read: the required columns and a few members. */
export const ROSTER_ROWS: (string | number | null)[][] = [
  ["Name", "Role", "Region", "Gender", "Status", "Justification"],
  ["Ada Lovelace", "RG-IEM Leadership", null, "Female", "Confirmed", null],
  ["Seizo Onoe", "TSB Director", null, "Male", "Confirmed", null],
  ["Amina Diallo", "Regional Volunteer", "Africa", "Female", "Confirmed", "Workshops in Dakar"],
];

/**
 * A workbook of `n` tasks whose Task texts are all different and hardly compress (a shared-strings
 * table of n long strings): 300,000 tasks make a file of about 70 MB, the size the issue names. The
 * text is pseudo-random from a fixed seed, so every run makes the same file.
 */
export function bigTasksBook(n: number): RawBook {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let seed = 2_463_534_242;
  const noise = (length: number) => {
    let s = "";
    for (let i = 0; i < length; i++) {
      // xorshift32: fast, and enough to defeat deflate
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      s += alphabet[(seed >>> 0) % 64];
    }
    return s;
  };
  const rows: (string | number | null)[][] = [
    ["ID", "Phase", "Task", "Owner", "Role", "Start", "Due", "Effort", "Status"],
  ];
  for (let i = 0; i < n; i++)
    rows.push([
      `T${i}`,
      "Design",
      `Task ${i} ${noise(240)}`,
      "Ada Lovelace",
      `Role ${i % 40}`,
      45_000 + (i % 300),
      45_030 + (i % 300),
      1,
      "Open",
    ]);
  return {
    sheets: [
      { name: "Roster", cells: grid(ROSTER_ROWS) },
      { name: "Tasks", cells: grid(rows) },
    ],
  };
}
