/** A1 addresses, as Excel and people write them. */

/**
 * Column letters of a 1-based column number.
 *
 * @example columnLetter(1)  // "A"
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The 1-based column number of column letters (`"AB"` → 28). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `C5`, or `C5:D9` for a block. */
export function a1(row: number, column: number, lastRow = row, lastColumn = column): string {
  const first = `${columnLetter(column)}${row}`;
  return lastRow === row && lastColumn === column ? first : `${first}:${columnLetter(lastColumn)}${lastRow}`;
}

/** Parses `C5` or `$C$5` into a 1-based row and column. */
export function parseA1(ref: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new RangeError(`not an A1 cell reference: ${ref}`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

/** Parses `A1:C9` (or a single cell) into its corners. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.split(":");
  const p = parseA1(a!);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

/** As `parseRange`, or undefined for text that is no A1 range (a table's `ref` as some program wrote it). */
export function rangeOf(ref: string): ReturnType<typeof parseRange> | undefined {
  const parts = ref.split(":");
  if (parts.length > 2 || parts.some((p) => p.trim() === "")) return undefined;
  try {
    return parseRange(ref);
  } catch {
    return undefined;
  }
}

/**
 * The smallest box holding `box` (if any) and the cell at `row`, `column`: `box` itself, grown in place
 * (called for every cell of a sheet a reader scans, so it makes no new object but the first).
 */
export function growBox(
  box: ReturnType<typeof parseRange> | undefined,
  row: number,
  column: number,
): ReturnType<typeof parseRange> {
  if (!box) return { top: row, left: column, bottom: row, right: column };
  box.top = Math.min(box.top, row);
  box.left = Math.min(box.left, column);
  box.bottom = Math.max(box.bottom, row);
  box.right = Math.max(box.right, column);
  return box;
}

/**
 * A sheet name as a formula reference writes it: quoted when it is not a plain word.
 *
 * @example sheetRef("Roster")      // "Roster"
 * @example sheetRef("Time line")   // "'Time line'"
 * @example sheetRef("O'Neil's")    // "'O''Neil''s'"
 */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** Text as an Excel string literal inside a formula (quotes doubled). */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Groups cells into as few A1 ranges as runs down a column allow.
 *
 * @example compressCells([{ row: 5, column: 3 }, { row: 6, column: 3 }, { row: 9, column: 1 }]) // ["A9", "C5:C6"]
 */
export function compressCells(cells: readonly { row: number; column: number }[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byColumn.get(c.column) ?? [];
    rows.push(c.row);
    byColumn.set(c.column, rows);
  }
  const out: string[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byColumn.get(column))].sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (const r of [...rows.slice(1), Number.NaN]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push(a1(start, column, prev, column));
      start = r;
      prev = r;
    }
  }
  return out;
}
