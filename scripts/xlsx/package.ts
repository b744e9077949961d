import type ExcelJS from "exceljs";

/*
 * What ExcelJS 4.4 gets wrong about a package, put right on the way out, so that every workbook we
 * write opens in Excel, LibreOffice, gnumeric and openpyxl without repair. (What it cannot read of
 * other programs' packages is put right on the way in, by `normalize.ts`: Node-only, while this
 * module is also in the add-in's bundle, which renders reports through it.)
 */

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
 * How our copies are zipped: deflate at zlib's default level 6. The command line zips with Node's
 * zlib (`exceljs-patches.ts`), where level 6 costs milliseconds; JSZip's JavaScript deflate at that
 * level was a visible share of `iewsc build` (measured on the 2,000-task build: 193 kB at level 6,
 * 247 kB at level 1).
 */
export const ZIP_OPTIONS = { zip: { compression: "DEFLATE", compressionOptions: { level: 6 } } } as const;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
