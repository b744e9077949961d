/**
 * Paths inside a zip package are always "/"-separated. Small helpers rather than node:path, because the
 * add-in's browser bundle (Export report) renders through this module too.
 */
const posix = {
  dirname: (p: string): string => {
    const i = p.lastIndexOf("/");
    return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i);
  },
  basename: (p: string): string => p.slice(p.lastIndexOf("/") + 1),
  relative: (from: string, to: string): string => {
    const a = from.split("/").filter(Boolean);
    const b = to.split("/").filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
  },
};
import type ExcelJS from "exceljs";
import JSZip from "jszip";

/*
 * What ExcelJS 4.4 gets wrong about a package, put right on the way in and on the way out, so that
 * every workbook we write opens in Excel, LibreOffice, gnumeric and openpyxl without repair.
 */

/**
 * Relationship targets may be absolute (`/xl/tables/table1.xml`, as openpyxl and some Python tools
 * write them); ExcelJS resolves every target against the source part's folder and then cannot find
 * the part. Such targets are rewritten relative to their source before ExcelJS loads the package.
 * gnumeric's print titles and areas get Excel's built-in names (see below).
 * Returns the bytes unchanged when no relationship is absolute (the usual case costs one unzip of
 * the small .rels parts, not a rewrite).
 *
 * @example
 * // xl/worksheets/_rels/sheet1.xml.rels: Target="/xl/tables/table1.xml" → Target="../tables/table1.xml"
 * const bytes = await normalizePackage(await readFile("from-python.xlsx"));
 */
export async function normalizePackage(bytes: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes; // ExcelJS says what is wrong with it, in the reader's words
  }
  const rels = Object.keys(zip.files).filter((n) => /(^|\/)_rels\/[^/]*\.rels$/.test(n) && !zip.files[n]!.dir);
  let changed = false;
  for (const name of rels) {
    const xml = await zip.files[name]!.async("string");
    const source = sourceOf(name);
    const fixed = xml.replace(/<((?:\w+:)?Relationship)\b([^>]*)>/g, (tag, el: string, attrs: string) => {
      if (/TargetMode\s*=\s*["']External["']/.test(attrs)) return tag;
      return `<${el}${attrs.replace(/\bTarget\s*=\s*(["'])\/([^"']*)\1/, (_m, q: string, target: string) => {
        const from = posix.dirname(source);
        const relative = posix.relative(from === "." ? "" : from, target) || posix.basename(target);
        return `Target=${q}${relative}${q}`;
      })}>`;
    });
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  // gnumeric names a sheet's print titles and area without Excel's "_xlnm." prefix: ExcelJS then
  // reads them as ordinary names and drops them; with the prefix they are the page setup they are.
  const workbook = zip.file("xl/workbook.xml");
  if (workbook) {
    const xml = await workbook.async("string");
    const fixed = xml.replace(/(<(?:\w+:)?definedName\b[^>]*\bname=")(Print_Titles|Print_Area)"/g, '$1_xlnm.$2"');
    if (fixed !== xml) {
      zip.file("xl/workbook.xml", fixed);
      changed = true;
    }
  }
  if (!changed) return bytes;
  // Stored, not deflated: ExcelJS reads it at once, and deflating costs more than it saves here.
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml`; `_rels/.rels` → the package root. */
function sourceOf(relsPart: string): string {
  const dir = posix.dirname(posix.dirname(relsPart));
  const base = posix.basename(relsPart).replace(/\.rels$/, "");
  return dir === "." ? base : `${dir}/${base}`;
}

/**
 * Puts right, in ExcelJS's model, what it would otherwise write wrong:
 * - a workbook read without a theme part (LibreOffice writes none) would be written with a
 *   relationship to `xl/theme/theme1.xml` and no such part: the default theme is written instead;
 * - data validations read from a file are expanded cell by cell, and ExcelJS squeezes them back into
 *   ranges after sorting the addresses as text (B10 before B2), which gives overlapping ranges that
 *   Excel refuses (exceljs #2820): they are squeezed back here, by row and column, into rectangles
 *   that cannot overlap.
 */
export function repairModel(wb: ExcelJS.Workbook): void {
  const inner = wb as unknown as { _themes?: Record<string, string> };
  if (inner._themes && !inner._themes.theme1) inner._themes = undefined;
  wb.eachSheet((ws) => {
    const dv = (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
    if (dv) dv.model = squeezeValidations(dv.model);
  });
}

/**
 * Groups the cells of a validation model (address → rule, as ExcelJS keeps it) by rule and covers
 * each group with rectangles: runs of rows down each column, then neighbouring columns with the same
 * runs side by side. A cell is under one rule only, so no two ranges overlap.
 *
 * @example
 * squeezeValidations({ B2: rule, B3: rule, B10: rule, C2: rule, C3: rule })
 * // { "B2:C3": rule, B10: rule }
 */
export function squeezeValidations(model: Record<string, unknown>): Record<string, unknown> {
  const groups = new Map<string, { rule: unknown; cells: Map<number, number[]> }>();
  const ranges: [string, unknown][] = [];
  for (const [address, rule] of Object.entries(model)) {
    if (rule === undefined || rule === null) continue;
    const cell = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address);
    if (!cell) {
      ranges.push([address, rule]); // already a range (one we added): written as it is
      continue;
    }
    const key = JSON.stringify(rule);
    const group = groups.get(key) ?? { rule, cells: new Map<number, number[]>() };
    groups.set(key, group);
    const col = columnNumber(cell[1]!);
    const rows = group.cells.get(col) ?? [];
    rows.push(Number(cell[2]));
    group.cells.set(col, rows);
  }
  const out: Record<string, unknown> = {};
  for (const { rule, cells } of groups.values()) {
    // Runs of consecutive rows per column, as "top:bottom" keys.
    const runs = new Map<number, string[]>();
    for (const [col, rows] of cells) {
      rows.sort((a, b) => a - b);
      const list: string[] = [];
      let start = rows[0]!;
      let prev = start;
      for (const r of rows.slice(1)) {
        if (r === prev + 1) prev = r;
        else if (r !== prev) {
          list.push(`${start}:${prev}`);
          start = prev = r;
        }
      }
      list.push(`${start}:${prev}`);
      runs.set(col, list);
    }
    const cols = [...runs.keys()].sort((a, b) => a - b);
    const done = new Set<string>();
    for (const col of cols) {
      for (const run of runs.get(col)!) {
        if (done.has(`${col}/${run}`)) continue;
        let right = col;
        while (runs.get(right + 1)?.includes(run)) {
          right++;
          done.add(`${right}/${run}`);
        }
        const [top, bottom] = run.split(":").map(Number) as [number, number];
        const from = `${columnLetters(col)}${top}`;
        const to = `${columnLetters(right)}${bottom}`;
        out[from === to ? from : `${from}:${to}`] = rule;
      }
    }
  }
  for (const [address, rule] of ranges) out[address] = rule;
  return out;
}

/**
 * How our copies are zipped: deflate at level 1. The pure-JS deflate at its default level 6 was a
 * visible share of `iewsc build` on a large workbook; level 1 costs a little size (measured: the
 * 2,000-task build grows from 193 to 247 kB) and no reader cares.
 */
export const ZIP_OPTIONS = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as const;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
