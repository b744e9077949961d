/**
 * The arbitration's tie-breaks as exact weights, without BigInt: EdgeHTML 18, the oldest web view Excel
 * still runs the add-in in, has none, and no polyfill can give it one (README.md, "Where the add-in runs").
 */
import type { Member } from "./member";

/**
 * A weight: a short vector of small integers, compared in a fixed order (see `tieBreakWeights`).
 * Only weights of the same `TieWeights` may be added or compared.
 */
export type Weight = Int32Array;

export interface TieWeights {
  /** Each candidate's weight. */
  readonly of: ReadonlyMap<Member, Weight>;
  /** The weight of nobody: adding it changes nothing. */
  zero(): Weight;
  /** Writes `a + b` into `into` (which may be `a` or `b`) and returns it. */
  add(into: Weight, a: Weight, b: Weight): Weight;
  /** Negative when `a` is lighter, that is preferred by the tie-breaks, positive when heavier, 0 when equal. */
  compare(a: Weight, b: Weight): number;
}

/** Base of the priorities' digits: a sum of two digits and a carry stays far inside an Int32. */
const BASE = 10_000_000;
const BASE_DIGITS = 7;
/** Rows per entry of the row set: a bit each, the earliest in the highest bit. */
const ROWS_PER_ENTRY = 30;

/**
 * One exact weight per candidate such that, for any two selections of the same size, the one with the
 * smaller sum is the one the tie-breaks prefer: fewer blank priorities, then the lower sum of
 * priorities, then the earliest rows. A weight holds the three in that order:
 * - `[0]`: 1 for a blank priority (or one that is not a finite number), else 0;
 * - then the priority, as a decimal scaled to a whole number (so 0.1 + 0.2 ties 0.3 as the user typed
 *   them), plus the same amount for everyone so none is negative, in base-10^7 digits, most significant
 *   first: equal sizes and equal blanks mean equal numbers of priorities, so the shift cancels out;
 * - then the candidate's row as one bit of a set, the earliest candidate in the highest bit. For two
 *   sets of the same size the larger number holds the first row in one and not the other, which is
 *   comparing the chosen rows sorted ascending, lexicographically: the larger set is the lighter weight.
 * The sets of a sum never overlap (a candidate is chosen once), so adding them never carries.
 *
 * @example
 * // Rows 2 (priority 1), 3 (blank), 4 (priority 0.5): one digit, one entry of rows.
 * tieBreakWeights([a, b, c]).of.get(c) // Int32Array [0, 0, 5, 0x08000000]  (0.5 → 5 tenths; third row)
 */
export function tieBreakWeights(candidates: readonly Member[]): TieWeights {
  const rows = [...candidates].sort((a, b) => a.row - b.row);
  const decimals = rows.map((m) =>
    m.priority !== undefined && Number.isFinite(m.priority) ? decimalOf(m.priority) : undefined,
  );
  const places = decimals.reduce((p, d) => Math.max(p, d?.places ?? 0), 0);
  const scaled = decimals.map((d) => d && { negative: d.negative, digits: d.digits + "0".repeat(places - d.places) });
  // One digit more than the largest priority holds a shifted priority (at most twice the largest) and
  // the sum of fewer than 5 000 000 of them.
  const longest = scaled.reduce((t, s) => Math.max(t, s?.digits.length ?? 0), 1);
  const digits = Math.ceil(longest / BASE_DIGITS) + 1;
  const width = 1 + digits + Math.ceil(rows.length / ROWS_PER_ENTRY);
  const lowest = scaled.reduce<number[]>((low, s) => {
    if (!s?.negative) return low;
    const v = numberOf(s.digits, digits);
    return compareDigits(v, low) > 0 ? v : low;
  }, new Array<number>(digits).fill(0));

  const of = new Map<Member, Weight>();
  rows.forEach((m, i) => {
    const w = new Int32Array(width);
    const s = scaled[i];
    if (s === undefined) w[0] = 1;
    else {
      const v = numberOf(s.digits, digits);
      w.set(s.negative ? subtractDigits(lowest, v) : addDigits(lowest, v), 1);
    }
    w[1 + digits + Math.floor(i / ROWS_PER_ENTRY)] = 1 << (ROWS_PER_ENTRY - 1 - (i % ROWS_PER_ENTRY));
    of.set(m, w);
  });

  return {
    of,
    zero: () => new Int32Array(width),
    add(into, a, b) {
      into[0] = a[0]! + b[0]!;
      let carry = 0;
      for (let j = digits; j >= 1; j--) {
        const t = a[j]! + b[j]! + carry;
        carry = t >= BASE ? 1 : 0;
        into[j] = t - carry * BASE;
      }
      for (let j = digits + 1; j < width; j++) into[j] = a[j]! | b[j]!;
      return into;
    },
    compare(a, b) {
      for (let j = 0; j <= digits; j++) if (a[j] !== b[j]) return a[j]! < b[j]! ? -1 : 1;
      for (let j = digits + 1; j < width; j++) if (a[j] !== b[j]) return a[j]! > b[j]! ? -1 : 1;
      return 0;
    },
  };
}

/**
 * A finite number as the decimal it is shown as: `±digits × 10^-places`.
 *
 * @example decimalOf(-1.5e-7) // { negative: true, digits: "15", places: 8 }
 */
export function decimalOf(x: number): { negative: boolean; digits: string; places: number } {
  const [mantissa = "0", exponent = "0"] = String(Math.abs(x)).split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const digits = (whole + fraction).replace(/^0+(?=\d)/, "");
  return { negative: x < 0, digits, places: fraction.length - Number(exponent) };
}

/** Decimal digits as `length` base-10^7 digits, most significant first. */
function numberOf(decimal: string, length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (let end = decimal.length, j = length - 1; end > 0; end -= BASE_DIGITS, j--)
    out[j] = Number(decimal.slice(Math.max(0, end - BASE_DIGITS), end));
  return out;
}

function compareDigits(a: readonly number[], b: readonly number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
  return 0;
}

function addDigits(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length);
  let carry = 0;
  for (let j = a.length - 1; j >= 0; j--) {
    const t = a[j]! + b[j]! + carry;
    carry = t >= BASE ? 1 : 0;
    out[j] = t - carry * BASE;
  }
  return out;
}

/** `a - b` for `a >= b`. */
function subtractDigits(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length);
  let borrow = 0;
  for (let j = a.length - 1; j >= 0; j--) {
    const t = a[j]! - b[j]! - borrow;
    borrow = t < 0 ? 1 : 0;
    out[j] = t + borrow * BASE;
  }
  return out;
}
