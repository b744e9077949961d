/**
 * The neutral cell value that both adapters hand to the core. Office.js and ExcelJS each turn
 * what they read into this shape, so every rule sees the same thing whichever program read it.
 *
 * - `null` for an empty cell;
 * - `string`, `number`, `boolean` as the cell holds them (a formula contributes its result);
 * - `{ date }` for a cell the reader knows is a date, as an ISO calendar day (`2024-04-19`), with `time`
 *   (seconds since midnight) when the cell also holds a time of day (ExcelJS turns `hh:mm` cells into dates);
 * - `{ duration }` for a number the cell's format shows as elapsed time (`[h]:mm`, `[mm]:ss`), in days
 *   as the file stores it: no date and no time of day, though Excel stores both as the same kind of number;
 * - `{ error }` for an error value such as `#N/A`.
 */
export type CellValue =
  | null
  | string
  | number
  | boolean
  | { date: string; time?: number }
  | { duration: number }
  | { error: string };

/** True for an empty cell or one holding only white space. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * The text a person sees in a cell, trimmed, with inner runs of white space folded to one space.
 *
 * @example cellText("  Regional   Volunteer ") // "Regional Volunteer"
 * @example cellText({ date: "2024-04-19" })    // "2024-04-19"
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return foldSpaces(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(+value.toPrecision(15));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("date" in value) return value.date;
  if ("duration" in value) return elapsed(value.duration);
  return value.error;
}

/**
 * A duration as `[h]:mm` shows it (`:ss` when it has seconds): days as the file stores them.
 *
 * @example elapsed(1.5) // "36:00"
 */
function elapsed(days: number): string {
  if (!Number.isFinite(days)) return String(days);
  const total = Math.round(Math.abs(days) * 86_400);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${days < 0 ? "-" : ""}${h}:${pad(m)}${s ? `:${pad(s)}` : ""}`;
}

/**
 * A boolean cell's stored value (`t="b"`) read as OOXML stores it, `0` or `1`, or as other programs
 * write it, `true` or `false` in any case, white space around it aside; anything else (`2`, `yes`,
 * `maybe`) is `undefined`: no boolean, and no guess (LibreOffice, gnumeric and openpyxl each read
 * such a cell differently). Both file readers read boolean cells through this.
 *
 * @example readStoredBoolean("FALSE") // false
 * @example readStoredBoolean("2")     // undefined
 */
export function readStoredBoolean(stored: string): boolean | undefined {
  const key = stored.trim().toLowerCase();
  return key === "1" || key === "true" ? true : key === "0" || key === "false" ? false : undefined;
}

/** Trim and fold inner white space (including non-breaking spaces) to single spaces. */
export function foldSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim();
}

/** The key used to match a header or an enumerated value: folded spaces, lower case. */
export function matchKey(text: string): string {
  return foldSpaces(text).toLowerCase();
}

const YES = new Set(["y", "yes", "true", "1", "x"]);
const NO = new Set(["n", "no", "false", "0", ""]);

/**
 * Reads a yes/no cell. `Y`, `Yes`, `TRUE`, `1`, `x` are yes; their negatives and blank are no;
 * anything else is `undefined` (the caller reports it).
 *
 * @example readYesNo("x") // true
 * @example readYesNo(null) // false
 */
export function readYesNo(value: CellValue | undefined): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  const key = matchKey(cellText(value));
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/**
 * Reads a number from a number cell or from text such as `"12"`, `"1,500"` or `"40 %"`
 * (a percent sign divides by 100). Blank gives `undefined`; unreadable gives `NaN`.
 */
export function readNumber(value: CellValue | undefined): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return value;
  // Elapsed time is a number of days to Excel's formulas: so it is here.
  if (typeof value === "object" && value !== null && "duration" in value) return value.duration;
  if (typeof value === "boolean" || (typeof value === "object" && value !== null)) return NaN;
  let text = cellText(value).replace(/[\u00a0\u202f ']/g, "");
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return NaN;
  const n = Number(text);
  return percent ? n / 100 : n;
}

/**
 * Folds a person's name for duplicate detection: case, accents and white space are ignored,
 * and letters that do not decompose (ø, ł, đ, æ, œ, ß, ı) are spelled the way people type them.
 *
 * @example personKey("  José  María ") === personKey("jose maria") // true
 */
export function personKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/[\s\u00a0\u2007\u202f]+/g, "");
}

/** The characters that make a spreadsheet program (Excel, LibreOffice, a CSV import) read text as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as we write it into a cell, so that no program reads it as a formula: text that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, kept as part of the
 * text. A cell's text format (`@`) or quote prefix protects it only inside the workbook; exported to
 * CSV the text is bare again, and `=HYPERLINK(…` becomes live. The apostrophe travels with the text
 * into every export, is visible (no hidden character changes what a user copies), and is what the
 * OWASP guidance on CSV injection recommends. Both adapters write plan strings through this.
 *
 * @example safeText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example safeText("Sophie Laurent") // "Sophie Laurent"
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
