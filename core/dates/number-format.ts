/**
 * What a cell's number format says its number is: a `date` (a day, a time of day, or both: `d mmm
 * yyyy`, `h:mm`), a `duration` (elapsed time, written with brackets: `[h]:mm:ss`, `[mm]:ss`, `[s]`),
 * or a plain `number`. A file stores all three as the same number of days; only the format tells them
 * apart. Both file readers ask this, so they cannot disagree about which cells are dates.
 */
export type FormatKind = "date" | "duration" | "number";

/** Literal text in a format (`"days"`, `\d`) and the characters after `_` (a space as wide) and `*` (repeat). */
const LITERALS = /"[^"]*"|\\.|_.|\*./g;
/** An elapsed-time token: `[h]`, `[hh]`, `[mm]`, `[ss]` (any case). */
const ELAPSED = /\[(h+|m+|s+)\]/i;
/** Colours, conditions and locales (`[Red]`, `[<100]`, `[$-409]`): no part of the number's kind. */
const BRACKETS = /\[[^\]]*\]/g;
/** The letters of a date or a time of day (`b` is the Buddhist year). */
const DATE_LETTERS = /[ymdhsb]/i;

const KINDS = new Map<string, FormatKind>();

/**
 * The kind of number a format shows.
 *
 * @example numberFormatKind("dd/mm/yyyy") // "date"
 * @example numberFormatKind("h:mm")       // "date" (a time of day)
 * @example numberFormatKind("[h]:mm:ss")  // "duration"
 * @example numberFormatKind('0.0 "days"') // "number"
 */
export function numberFormatKind(code: string | undefined): FormatKind {
  if (!code) return "number";
  let kind = KINDS.get(code);
  if (kind === undefined) {
    const bare = code.replace(LITERALS, "");
    kind = ELAPSED.test(bare) ? "duration" : DATE_LETTERS.test(bare.replace(BRACKETS, "")) ? "date" : "number";
    if (KINDS.size < 10_000) KINDS.set(code, kind);
  }
  return kind;
}
