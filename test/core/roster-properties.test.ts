import fc from "fast-check";
import {
  type CellValue,
  type Finding,
  ROLES,
  checkRoster,
  DEFAULT_SETTINGS,
  messageOf,
  readSettings,
  readTable,
  GENDERS,
  STATUSES,
  ITU6_REGIONS,
} from "../../core";
import { ROSTER_HEADER, raw } from "../helpers/tables";

const RUNS = { numRuns: 300 };

/** Any value a cell can hold, including the odd ones real workbooks have. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("=SUM(A1)", "+1", "-", "@x", "   ", "\u00a0", "#N/A", "TRUE", "Withdrawn", "ATU", "Region Z"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.record({ error: fc.constantFrom("#N/A", "#REF!", "#VALUE!", "#DIV/0!") }),
  fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true })
    .map((d) => ({ date: d.toISOString().slice(0, 10) })),
);

/** A plausible roster value for a column, sometimes wrong. */
const plausible = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values, ""), anyCell);

const personRow = fc.record({
  Name: fc.oneof(fc.constantFrom("Ana", "ana", "Ána ", "Ben", "Chloé", "Dan", ""), anyCell),
  Role: plausible(ROLES),
  Region: plausible([...ITU6_REGIONS, "APT", "CEPT"]),
  Gender: plausible(GENDERS),
  Status: plausible(STATUSES),
  Email: fc.oneof(fc.constantFrom("a@example.org", "A@Example.org", "b@example.org", "nope", ""), anyCell),
  Justification: fc.oneof(fc.constant(""), fc.constant("Workshop experience"), anyCell),
  Priority: fc.oneof(fc.integer({ min: 0, max: 5 }), anyCell),
});

describe("no cell content whatever makes a rule throw", () => {
  test("any roster, any header order, extra columns", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ROSTER_HEADER, { minLength: ROSTER_HEADER.length }),
        fc.array(fc.array(anyCell, { minLength: 12, maxLength: 12 }), { maxLength: 30 }),
        fc.array(personRow, { maxLength: 20 }),
        fc.constantFrom("ITU6", "ITU5"),
        (header, junk, people, regionModel) => {
          const head = [...header, "Notes", "Extra"];
          const rows: CellValue[][] = [
            head,
            ...junk,
            ...people.map((p) => head.map((h) => (p as Record<string, CellValue>)[h] ?? null)),
          ];
          const findings = checkRoster(readTable(raw("Roster", rows)), {
            ...DEFAULT_SETTINGS,
            regionModel: regionModel as "ITU6" | "ITU5",
          });
          for (const f of findings) expect(messageOf(f).length).toBeGreaterThan(10);
        },
      ),
      RUNS,
    );
  });

  test("any Settings table", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom("RegionModel", "MinGenderShare", "AsOf", "VolunteersPerRegion", "redslipdays"),
              anyCell,
            ),
            anyCell,
          ),
        ),
        (pairs) => {
          const { settings, findings } = readSettings(readTable(raw("Settings", [["Key", "Value"], ...pairs])));
          expect(settings.minGenderShare).toBeGreaterThanOrEqual(0);
          expect(settings.minGenderShare).toBeLessThanOrEqual(1);
          for (const f of findings) expect(messageOf(f)).not.toMatch(/undefined/);
        },
      ),
      RUNS,
    );
  });
});

describe("row order never changes the findings", () => {
  /** Findings described without row numbers: each row is known by its Id column instead. */
  function byId(rows: CellValue[][], findings: Finding[]): string[] {
    const idAt = (row: number | null) => (row === null ? "-" : String(rows[row - 1]![ROSTER_HEADER.length]));
    return findings
      .map((f) => {
        const data = { ...f.data } as Record<string, unknown>;
        if ("firstRow" in data) data.firstRow = idAt(data.firstRow as number);
        return `${f.code}|${idAt(f.row)}|${f.column}|${JSON.stringify(data)}`;
      })
      .sort();
  }

  const run = (rows: CellValue[][]) => checkRoster(readTable(raw("Roster", rows)), DEFAULT_SETTINGS);

  test("rules that do not depend on order give exactly the same findings", () => {
    fc.assert(
      fc.property(
        fc.array(personRow, { minLength: 1, maxLength: 25 }).chain((people) =>
          fc.tuple(
            fc.constant(people),
            fc.shuffledSubarray(
              people.map((_, i) => i),
              { minLength: people.length },
            ),
          ),
        ),
        ([people, order]) => {
          const head = [...ROSTER_HEADER, "Id"];
          const rowsOf = (idx: number[]) => [
            head,
            ...idx.map((i) => [
              ...ROSTER_HEADER.map((h) => (people[i] as Record<string, CellValue>)[h] ?? null),
              `id${i}`,
            ]),
          ];
          const a = rowsOf(people.map((_, i) => i));
          const b = rowsOf(order);
          const orderFree = (f: Finding) =>
            f.code !== "ROSTER_DUPLICATE_PERSON" &&
            f.code !== "ROSTER_ROLE_DUPLICATE" &&
            f.code !== "ROSTER_ARBITRATION";
          expect(byId(b, run(b).filter(orderFree))).toEqual(byId(a, run(a).filter(orderFree)));
          // Arbitration breaks its last ties by the earliest rows, so who is chosen (and so which gender
          // ends up fewer) may follow the order; which regions, how many seats and the share reached never do.
          const arbitrations = (rows: CellValue[][]) =>
            run(rows).flatMap((f) =>
              f.code === "ROSTER_ARBITRATION"
                ? [
                    {
                      ...f.data,
                      selected: f.data.selected.length,
                      passedOver: f.data.passedOver.length,
                      underAfter: undefined,
                    },
                  ]
                : [],
            );
          expect(arbitrations(b)).toEqual(arbitrations(a));
          // "On each extra row" and "on the later row" name rows by their order, but how many are extra does not change.
          const count = (rows: CellValue[][], code: string) =>
            run(rows)
              .filter((f) => f.code === code)
              .map((f) => JSON.stringify((f.data as { role?: string }).role ?? ""))
              .sort();
          expect(count(b, "ROSTER_ROLE_DUPLICATE")).toEqual(count(a, "ROSTER_ROLE_DUPLICATE"));
        },
      ),
      RUNS,
    );
  });

  test("arbitration: the same regions, seats and balance whatever the row order", () => {
    const volunteer = fc.record({
      Region: fc.constantFrom("Africa", "Europe", "CIS"),
      Gender: fc.constantFrom("Female", "Male", "Other", "", "Not stated"),
      Status: fc.constantFrom("Candidate", "Candidate", "Confirmed", "", "Withdrawn"),
      Priority: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })),
    });
    fc.assert(
      fc.property(
        fc
          .array(volunteer, { minLength: 1, maxLength: 14 })
          .chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length }))),
        ([people, shuffled]) => {
          const rows = (list: typeof people) => [
            ROSTER_HEADER,
            ...list.map(
              (p, i) =>
                ROSTER_HEADER.map(
                  (h) => ({ Name: `V${i}`, Role: "Regional Volunteer", Justification: "x", ...p })[h] ?? null,
                ) as CellValue[],
            ),
          ];
          // Which gender ends up fewer may follow the order too: 3 women and 4 men tie with 4 and 3.
          const figures = (list: typeof people) =>
            run(rows(list)).flatMap((f) =>
              f.code === "ROSTER_ARBITRATION"
                ? [
                    {
                      ...f.data,
                      selected: f.data.selected.length,
                      passedOver: f.data.passedOver.length,
                      underAfter: undefined,
                    },
                  ]
                : [],
            );
          expect(figures(shuffled)).toEqual(figures(people));
        },
      ),
      RUNS,
    );
  });

  test("where each person has one e-mail, the number of duplicate rows does not change", () => {
    const person = fc.record({
      who: fc.constantFrom("Ana", "ANA", "Ben", "Chloé", "Chloe", "Dan", "Eve"),
      status: fc.constantFrom("", "Candidate", "Withdrawn"),
    });
    fc.assert(
      fc.property(
        fc
          .array(person, { maxLength: 20 })
          .chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length }))),
        ([people, shuffled]) => {
          const rows = (list: typeof people) => [
            ROSTER_HEADER,
            ...list.map((p) => [
              p.who,
              "Deputy Secretary-General",
              null,
              null,
              p.status,
              null,
              null,
              `${p.who.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()}@example.org`,
              null,
              null,
            ]),
          ];
          const dups = (list: typeof people) =>
            run(rows(list)).filter((f) => f.code === "ROSTER_DUPLICATE_PERSON").length;
          const active = people.filter((p) => p.status !== "Withdrawn");
          const distinct = new Set(active.map((p) => p.who.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase())).size;
          expect(dups(people)).toBe(active.length - distinct);
          expect(dups(shuffled)).toBe(dups(people));
        },
      ),
      RUNS,
    );
  });
});
