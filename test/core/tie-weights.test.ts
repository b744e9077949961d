import fc from "fast-check";
import type { Member } from "../../core";
import { decimalOf, tieBreakWeights } from "../../core/roster/tie-weights";

// The reference is the definition the weights had as one BigInt each (Node has BigInt; the add-in's
// oldest web view does not): a blank weighs more than any spread of priorities, priorities are scaled
// decimals times 2^n, and the earliest row takes away the highest bit.

function referenceWeights(candidates: readonly Member[]): Map<Member, bigint> {
  const rows = [...candidates].sort((a, b) => a.row - b.row);
  const decimals = rows.map((m) => {
    if (m.priority === undefined || !Number.isFinite(m.priority)) return undefined;
    const [mantissa = "0", exponent = "0"] = String(m.priority).split("e");
    const [whole = "0", fraction = ""] = mantissa.split(".");
    return { digits: BigInt(whole + fraction), places: fraction.length - Number(exponent) };
  });
  const places = decimals.reduce((p, d) => Math.max(p, d?.places ?? 0), 0);
  const scaled = decimals.map((d) => d && d.digits * 10n ** BigInt(places - d.places));
  const n = rows.length;
  const rowUnit = 1n << BigInt(n);
  const spread = scaled.reduce((t: bigint, v) => t + (v === undefined ? 0n : v < 0n ? -v : v), 0n);
  const blank = (2n * spread + 2n) * rowUnit;
  return new Map(
    rows.map((m, i) => [m, (scaled[i] === undefined ? blank : scaled[i]! * rowUnit) - (1n << BigInt(n - 1 - i))]),
  );
}

const candidate = (row: number, priority: number | undefined) => ({ row, priority }) as Member;

/** Priorities as people type them, and the extremes a double can hold. */
const priority = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(0, 1, 2, 3, 0.1, 0.2, 0.3, 0.5, 1.5, 2.25, 10, 1e6, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100),
);

/** Candidates in any row order, and two selections of the same size drawn from them. */
const instance = fc
  .array(priority, { minLength: 1, maxLength: 70 })
  .chain((priorities) => {
    const people = priorities.map((p, i) => candidate(2 + i * 3, p));
    const n = people.length;
    return fc.record({
      people: fc.shuffledSubarray(people, { minLength: n, maxLength: n }),
      size: fc.integer({ min: 0, max: n }),
      seed: fc.tuple(
        fc.array(fc.nat(), { minLength: n, maxLength: n }),
        fc.array(fc.nat(), { minLength: n, maxLength: n }),
      ),
    });
  })
  .map(({ people, size, seed }) => {
    const pick = (keys: number[]) =>
      people
        .map((m, i) => ({ m, key: keys[i]! }))
        .sort((a, b) => a.key - b.key)
        .slice(0, size)
        .map((x) => x.m);
    return { people, a: pick(seed[0]), b: pick(seed[1]) };
  });

const sign = (x: number | bigint) => (x > 0 ? 1 : x < 0 ? -1 : 0);

describe("tie-break weights without BigInt", () => {
  test("any two selections of the same size compare as their BigInt weights do", () => {
    fc.assert(
      fc.property(instance, ({ people, a, b }) => {
        const weights = tieBreakWeights(people);
        const reference = referenceWeights(people);
        const sum = (chosen: Member[]) =>
          chosen.reduce((w, m) => weights.add(w, w, weights.of.get(m)!), weights.zero());
        const big = (chosen: Member[]) => chosen.reduce((t, m) => t + reference.get(m)!, 0n);
        expect(sign(weights.compare(sum(a), sum(b)))).toBe(sign(big(a) - big(b)));
        // One candidate against another: the order the shortlist sorts by.
        const [x, y] = [a[0] ?? people[0]!, b[0] ?? people[0]!];
        expect(sign(weights.compare(weights.of.get(x)!, weights.of.get(y)!))).toBe(
          sign(reference.get(x)! - reference.get(y)!),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test("near ties: neighbouring doubles (the 16th-17th digit), -0, 5e-324, 1e21, and selections one swap apart", () => {
    // The next double up or down, k steps away: priorities that differ only in their last digits.
    const step = (x: number, k: number) => {
      const bits = new BigInt64Array(new Float64Array([x]).buffer);
      bits[0] = bits[0]! + BigInt(k);
      return new Float64Array(bits.buffer)[0]!;
    };
    const base = fc.constantFrom(0, -0, 1, 0.1, 0.3, 1e-7, 1.5e20, 5e-324, 1e21, -2.5, 0.30000000000000004, -1e-300);
    const close = fc.oneof(
      fc.constant(undefined),
      base,
      fc.tuple(base, fc.integer({ min: -3, max: 3 })).map(([x, k]) => step(x, k)),
    );
    fc.assert(
      fc.property(
        fc.array(close, { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 0, max: 64 }),
        fc.nat(),
        fc.nat(),
        (pool, extra, out, into) => {
          // 2 to 72 candidates, so the row set takes up to three entries; priorities repeat, so sums tie.
          const people = Array.from({ length: pool.length + extra }, (_, i) => candidate(2 + i, pool[i % pool.length]));
          const a = people.filter((_, i) => i % 3 !== 1);
          const b = [...a];
          const outside = people.filter((_, i) => i % 3 === 1);
          b[out % b.length] = outside[into % outside.length]!;
          const weights = tieBreakWeights(people);
          const reference = referenceWeights(people);
          const sum = (chosen: Member[]) =>
            chosen.reduce((w, m) => weights.add(w, w, weights.of.get(m)!), weights.zero());
          const big = (chosen: Member[]) => chosen.reduce((t, m) => t + reference.get(m)!, 0n);
          expect(sign(weights.compare(sum(a), sum(b)))).toBe(sign(big(a) - big(b)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test.each([
    ["0.1 + 0.2 ties 0.3 on priorities, and the earlier row decides", [0.1, 0.2, 0.3, 0], [0, 1], [2, 3], -1],
    ["a blank weighs more than any priority", [undefined, 1e300, 5e-324, 7], [0, 3], [1, 2], 1],
    ["a lower sum of priorities wins over earlier rows", [2, 2, 1, 2.5], [0, 1], [2, 3], 1],
    ["1e21 and 1e-7 side by side stay exact", [1e21, 1e-7, 1e21 + 2 ** 17, 0], [0, 3], [1, 2], -1],
    // 1e-7 makes 7 places, so 0.9 is 9 000 000 and 0.9 + 0.9 carries into the next base-10^7 digit.
    [
      "a sum carries between digits: 0.9 + 0.9 is heavier than 1.1 + 0.2",
      [0.9, 0.9, 1.1, 0.2, 1e-7],
      [0, 1],
      [2, 3],
      1,
    ],
    ["negative priorities are exact too: -1 + 0 is lighter than -2.5 + 3", [-1, -2.5, 3, 0], [0, 3], [1, 2], -1],
  ])("%s", (_, priorities, first, second, expected) => {
    const people = priorities.map((p, i) => candidate(2 + i, p));
    const weights = tieBreakWeights(people);
    const sum = (at: number[]) => at.reduce((w, i) => weights.add(w, w, weights.of.get(people[i]!)!), weights.zero());
    expect(sign(weights.compare(sum(first), sum(second)))).toBe(expected);
  });

  test("a weight is a few small integers: 90 candidates with cent priorities take 6", () => {
    const people = Array.from({ length: 90 }, (_, i) => candidate(2 + i, (i % 7) + 0.25));
    expect(tieBreakWeights(people).zero()).toHaveLength(1 + 2 + 3);
  });

  test.each([
    [1.5e-7, { negative: false, digits: "15", places: 8 }],
    [-0.25, { negative: true, digits: "25", places: 2 }],
    [1e21, { negative: false, digits: "1", places: -21 }],
    [0, { negative: false, digits: "0", places: 0 }],
  ])("decimalOf(%p)", (x, expected) => {
    expect(decimalOf(x)).toEqual(expected);
  });
});
