import fc from "fast-check";
import {
  type CellValue,
  type Gender,
  type Member,
  type Region,
  type Settings,
  type Status,
  DEFAULT_SETTINGS,
  readMembers,
  readTable,
  regionsOf,
} from "../../core";
import { type Arbitration, arbitrate } from "../../core/roster/arbitrate";
import { LEADERS, ROSTER_HEADER, goodRoster, member, raw } from "../helpers/tables";

// ---------------------------------------------------------------------------------------------
// The reference: every combination of every arbitrated region, compared by the spec's order.
// ---------------------------------------------------------------------------------------------

interface Outcome {
  /** The arbitrated regions, in the model's order. */
  regions: Region[];
  /** Every chosen row, ascending. */
  rows: number[];
  female: number;
  male: number;
  other: number;
  /** Blank priorities among the chosen. */
  blanks: number;
  /** Sum of the numeric priorities in hundredths (the generated priorities have at most two decimals). */
  hundredths: number;
}

/** The share as a fraction: min(F, M) / (F + M + O), 0/1 when no gender is stated. */
const shareOf = (o: Pick<Outcome, "female" | "male" | "other">): [number, number] => {
  const stated = o.female + o.male + o.other;
  return stated === 0 ? [0, 1] : [Math.min(o.female, o.male), stated];
};

/** Negative when `a` is the better outcome. */
function compareOutcomes(a: Outcome, b: Outcome): number {
  const [an, ad] = shareOf(a);
  const [bn, bd] = shareOf(b);
  if (an * bd !== bn * ad) return bn * ad - an * bd;
  if (a.blanks !== b.blanks) return a.blanks - b.blanks;
  if (a.hundredths !== b.hundredths) return a.hundredths - b.hundredths;
  for (let i = 0; i < a.rows.length; i++) if (a.rows[i] !== b.rows[i]) return a.rows[i]! - b.rows[i]!;
  return 0;
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [first!, ...c]), ...combinations(rest, k)];
}

function outcomeOf(base: readonly Member[], chosen: readonly Member[], regions: Region[]): Outcome {
  const all = [...base, ...chosen];
  return {
    regions,
    rows: chosen.map((m) => m.row).sort((a, b) => a - b),
    female: all.filter((m) => m.gender === "Female").length,
    male: all.filter((m) => m.gender === "Male").length,
    other: all.filter((m) => m.gender === "Other").length,
    blanks: chosen.filter((m) => m.priority === undefined).length,
    hundredths: chosen.reduce((t, m) => t + (m.priority === undefined ? 0 : Math.round(m.priority * 100)), 0),
  };
}

interface OpenRegion {
  region: Region;
  seats: number;
  candidates: Member[];
}

/** The regions the spec arbitrates: free seats f > 0 and more than f candidates. */
function openRegions(members: readonly Member[], settings: Settings): OpenRegion[] {
  return regionsOf(settings.regionModel).flatMap((region) => {
    const here = members.filter((m) => m.role === "Regional Volunteer" && m.region === region);
    const seats = settings.volunteersPerRegion - here.filter((m) => m.status === "Confirmed").length;
    const candidates = here.filter((m) => m.status === "Candidate");
    return seats > 0 && candidates.length > seats ? [{ region, seats, candidates }] : [];
  });
}

/** How many selections the brute force would try. */
const selections = (open: readonly OpenRegion[]) =>
  open.reduce((t, r) => t * combinations(r.candidates, r.seats).length, 1);

function bruteForce(members: readonly Member[], settings: Settings): Outcome {
  const base = members.filter((m) => m.status === "Confirmed");
  const open = openRegions(members, settings);
  const regions = open.map((r) => r.region);
  const choices = open.map((r) => combinations(r.candidates, r.seats));
  let best: Outcome | undefined;
  const walk = (r: number, chosen: Member[]): void => {
    if (r === choices.length) {
      const outcome = outcomeOf(base, chosen, regions);
      if (!best || compareOutcomes(outcome, best) < 0) best = outcome;
      return;
    }
    for (const c of choices[r]!) walk(r + 1, [...chosen, ...c]);
  };
  walk(0, []);
  return best!;
}

/** Region by region in the model's order, each the best for the committee so far: not exact. */
function greedy(members: readonly Member[], settings: Settings): Outcome {
  const base = members.filter((m) => m.status === "Confirmed");
  const open = openRegions(members, settings);
  let chosen: Member[] = [];
  for (const r of open) {
    const options = combinations(r.candidates, r.seats).map((c) => [...chosen, ...c]);
    chosen = options.sort((a, b) => compareOutcomes(outcomeOf(base, a, []), outcomeOf(base, b, [])))[0]!;
  }
  return outcomeOf(
    base,
    chosen,
    open.map((r) => r.region),
  );
}

/** What `arbitrate` chose, in the reference's terms. */
function outcomeOfArbitration(members: readonly Member[], a: Arbitration): Outcome {
  return outcomeOf(
    members.filter((m) => m.status === "Confirmed"),
    a.regions.flatMap((r) => r.selected),
    a.regions.map((r) => r.region),
  );
}

// ---------------------------------------------------------------------------------------------
// Rosters as the workbook has them.
// ---------------------------------------------------------------------------------------------

const settingsWith = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

/** The roster's members: a header at row 1, so the first data row is row 2 (the leaders are rows 2–4). */
const membersOf = (rows: CellValue[][], settings: Settings): Member[] =>
  readMembers(readTable(raw("Roster", [ROSTER_HEADER, ...rows])), settings);

/** A Regional Volunteer row (a Candidate unless told). */
const volunteer = (
  Name: string,
  Region: string,
  Gender: string | null,
  Status: string | null = "Candidate",
  Priority: CellValue = null,
) =>
  member({ Name, Role: "Regional Volunteer", Region, Gender, Status, Priority, Justification: "Workshop experience" });

/** Arbitrates a roster, checks it against the brute force, and returns the result. */
function run(rows: CellValue[][], over: Partial<Settings> = {}): Arbitration {
  const settings = settingsWith(over);
  const members = membersOf(rows, settings);
  const result = arbitrate(members, settings);
  expect(outcomeOfArbitration(members, result)).toEqual(bruteForce(members, settings));
  return result;
}

const selectedNames = (a: Arbitration) =>
  Object.fromEntries(a.regions.map((r) => [r.region, r.selected.map((m) => m.name)]));
const selectedRows = (a: Arbitration) => a.regions.flatMap((r) => r.selected.map((m) => m.row)).sort((x, y) => x - y);
const rowsByRegion = (a: Arbitration) => a.regions.map((r) => [r.region, r.selected.map((m) => m.row)]);

// ---------------------------------------------------------------------------------------------

describe("arbitrate: which regions", () => {
  test("no arbitration needed: no regions, and the balance is unchanged", () => {
    const result = run(goodRoster().slice(1));
    expect(result.regions).toEqual([]);
    expect(result.after).toEqual(result.before);
    expect(result.before).toEqual({ female: 7, male: 8, other: 0, share: 7 / 15 });
  });

  test.each([
    ["over-filled by confirmed volunteers", ["Confirmed", "Confirmed", "Confirmed", "Candidate", "Candidate"]],
    ["exactly filled by confirmed volunteers", ["Confirmed", "Confirmed", "Candidate"]],
    ["one seat, one candidate", ["Confirmed", "Candidate"]],
    ["two seats, two candidates", ["Candidate", "Candidate"]],
    ["withdrawn and unreadable statuses count for nothing", ["Confirmed", "Candidate", "Withdrawn", "Maybe"]],
  ])("not arbitrated: %s", (_, statuses) => {
    const rows = [
      ...LEADERS,
      ...statuses.map((s, i) => volunteer(`Europe ${i}`, "Europe", i % 2 ? "Male" : "Female", s)),
    ];
    const result = run(rows);
    expect(result.regions).toEqual([]);
    expect(result.after).toEqual(result.before);
  });

  test("only Regional Volunteers with a readable region are volunteers", () => {
    const rows = [
      ...LEADERS,
      volunteer("Ana", "Europe", "Female", "Confirmed"),
      volunteer("Ben", "Europe", "Male"),
      member({ Name: "Cy", Role: "ITU Counsellor", Region: "Europe", Gender: "Male", Status: "Candidate" }),
      volunteer("Dee", "Atlantis", "Female"),
    ];
    expect(run(rows).regions).toEqual([]);
  });

  test("the arbitrated region: confirmed, candidates, seats, selected and passed over, in row order", () => {
    const rows = [
      ...LEADERS,
      volunteer("Cand 1", "CIS", "Male", "Candidate", 2),
      volunteer("Conf", "CIS", "Male", "Confirmed"),
      volunteer("Gone", "CIS", "Female", "Withdrawn", 1),
      volunteer("Cand 2", "CIS", "Female", "Candidate", 3),
      volunteer("Cand 3", "CIS", "Male", "Candidate", 1),
    ];
    const [cis, ...rest] = run(rows).regions;
    expect(rest).toEqual([]);
    expect(cis!.region).toBe("CIS");
    expect(cis!.wanted).toBe(2);
    expect(cis!.seats).toBe(1);
    expect(cis!.confirmed.map((m) => m.name)).toEqual(["Conf"]);
    expect(cis!.candidates.map((m) => m.name)).toEqual(["Cand 1", "Cand 2", "Cand 3"]);
    expect(cis!.selected.map((m) => m.name)).toEqual(["Cand 2"]);
    expect(cis!.passedOver.map((m) => m.name)).toEqual(["Cand 1", "Cand 3"]);
  });

  test("the ITU5 model: Region A–E, in the model's order whatever the row order", () => {
    const rows = [
      ...LEADERS,
      volunteer("E1", "E", "Male"),
      volunteer("E2", "Region E", "Female"),
      volunteer("A1", "Region A", "Male", "Confirmed"),
      volunteer("A2", "a", "Female"),
      volunteer("A3", "Region A", "Male"),
      volunteer("C1", "Region C", "Female", "Confirmed"),
      volunteer("C2", "Region C", "Male"),
      volunteer("F1", "Europe", "Female"),
    ];
    const result = run(rows, { regionModel: "ITU5", volunteersPerRegion: 1 });
    expect(result.regions.map((r) => r.region)).toEqual(["Region E"]);
    expect(selectedNames(result)).toEqual({ "Region E": ["E2"] });

    const two = run(rows, { regionModel: "ITU5", volunteersPerRegion: 2 });
    expect(two.regions.map((r) => r.region)).toEqual(["Region A"]);
    // Region E (two candidates for two seats) and Region C (one for one) are not arbitrated, and their
    // candidates are not counted. Leaders 1 F, 2 M with A1 and C1 make 2 F, 3 M: A2 evens it.
    expect(selectedNames(two)).toEqual({ "Region A": ["A2"] });
    expect(two.after).toEqual({ female: 3, male: 3, other: 0, share: 0.5 });
  });
});

describe("arbitrate: the balance and its tie-breaks", () => {
  test("the whole confirmed committee counts, leaders and other regions' volunteers included", () => {
    const europe = [
      volunteer("Eva", "Europe", "Female", "Candidate", 1),
      volunteer("Emil", "Europe", "Male", "Candidate", 2),
    ];
    const one = { volunteersPerRegion: 1 };
    // Leaders 1 F, 2 M: a woman evens it.
    expect(selectedNames(run([...LEADERS, ...europe], one))).toEqual({ Europe: ["Eva"] });
    // Three confirmed women in (over-filled) Africa: now a man is the better choice.
    const africa = ["Afia", "Amara", "Ayo"].map((n) => volunteer(n, "Africa", "Female", "Confirmed"));
    const result = run([...LEADERS, ...africa, ...europe], one);
    expect(selectedNames(result)).toEqual({ Europe: ["Emil"] });
    expect(result.before).toEqual({ female: 4, male: 2, other: 0, share: 2 / 6 });
    expect(result.after).toEqual({ female: 4, male: 3, other: 0, share: 3 / 7 });
  });

  test("equal share: the lower priority sum wins", () => {
    const rows = [
      ...LEADERS,
      volunteer("Anna", "Europe", "Female", "Candidate", 3),
      volunteer("Boris", "Europe", "Male", "Candidate", 1),
      volunteer("Clara", "Europe", "Female", "Candidate", 1),
      volunteer("Dmitri", "Europe", "Male", "Candidate", 2),
    ];
    // Two women (3 F, 2 M) and a woman and a man (2 F, 3 M) both give 2/5; Boris + Clara weigh 2, Anna + Clara 4.
    const result = run(rows);
    expect(selectedNames(result)).toEqual({ Europe: ["Boris", "Clara"] });
    expect(result.after.share).toBe(2 / 5);
  });

  test("a blank priority loses to any number, however large", () => {
    const rows = [
      ...LEADERS,
      volunteer("Blank", "Europe", "Male", "Candidate", null),
      volunteer("Huge", "Europe", "Male", "Candidate", 1e9),
      volunteer("Text", "Europe", "Male", "Candidate", "soon"),
    ];
    expect(selectedNames(run(rows, { volunteersPerRegion: 1 }))).toEqual({ Europe: ["Huge"] });
    // Blanks are counted before the numbers are summed: a blank and a 0 lose to a 0 and a billion.
    const two = [
      ...LEADERS,
      volunteer("Blank", "Europe", "Male", "Candidate", null),
      volunteer("Zero", "Europe", "Male", "Candidate", 0),
      volunteer("Huge", "Europe", "Male", "Candidate", 1e9),
    ];
    expect(selectedNames(run(two))).toEqual({ Europe: ["Zero", "Huge"] });
  });

  test("equal share and priority: the earliest rows win, compared sorted and lexicographically", () => {
    // Leaders 1 F, 2 M and Cora (CIS, full) make 2 F, 2 M: a woman and a man from Africa and Europe
    // give 1/2. Fay + Max (rows 6, 10) and Mo + Flo (rows 7, 8) tie; 6 comes before 7, so Fay + Max,
    // although their rows add up to more.
    const rows = [
      ...LEADERS,
      volunteer("Cora", "CIS", "Female", "Confirmed"),
      volunteer("Fay", "Africa", "Female"),
      volunteer("Mo", "Africa", "Male"),
      volunteer("Flo", "Europe", "Female"),
      volunteer("Gone", "Europe", "Male", "Withdrawn"),
      volunteer("Max", "Europe", "Male"),
    ];
    const result = run(rows, { volunteersPerRegion: 1 });
    expect(selectedRows(result)).toEqual([6, 10]);
    expect(selectedNames(result)).toEqual({ Africa: ["Fay"], Europe: ["Max"] });
  });

  test("priorities add up as the decimals typed: 0.1 + 0.2 ties 0.3, and the rows decide", () => {
    // Mo (0.1) + Fay (0.2) and Flo (0.3) + Max (0) both give 2/5 and weigh 0.3; rows 5,7 beat 6,8.
    const rows = [
      ...LEADERS,
      volunteer("Mo", "Africa", "Male", "Candidate", 0.1),
      volunteer("Flo", "Africa", "Female", "Candidate", 0.3),
      volunteer("Fay", "Europe", "Female", "Candidate", 0.2),
      volunteer("Max", "Europe", "Male", "Candidate", 0),
    ];
    expect(selectedRows(run(rows, { volunteersPerRegion: 1 }))).toEqual([5, 7]);
  });

  test("across regions: where greedy region by region loses, arbitrate finds the optimum", () => {
    // Leaders 1 F, 2 M. Africa has one seat (a confirmed volunteer of unstated gender) for Fatou or
    // Moussa; Europe two seats for Eva, Elin or Olek (Other). Africa first, greedily, takes Fatou
    // (2 F, 2 M); then Europe can only reach 2/6. Moussa, then Eva and Elin, make 3 F, 3 M.
    const rows = [
      ...LEADERS,
      volunteer("Kofi", "Africa", null, "Confirmed"),
      volunteer("Fatou", "Africa", "Female", "Candidate", 1),
      volunteer("Moussa", "Africa", "Male", "Candidate", 2),
      volunteer("Eva", "Europe", "Female", "Candidate", 1),
      volunteer("Elin", "Europe", "Female", "Candidate", 2),
      volunteer("Olek", "Europe", "Other", "Candidate", 3),
    ];
    const settings = settingsWith();
    const members = membersOf(rows, settings);
    const greedyOutcome = greedy(members, settings);
    expect(shareOf(greedyOutcome)).toEqual([2, 6]);
    const result = run(rows);
    expect(selectedNames(result)).toEqual({ Africa: ["Moussa"], Europe: ["Eva", "Elin"] });
    expect(result.after).toEqual({ female: 3, male: 3, other: 0, share: 0.5 });
    expect(compareOutcomes(outcomeOfArbitration(members, result), greedyOutcome)).toBeLessThan(0);
  });

  test("Not stated candidates fill seats without weighing on the balance", () => {
    const one = { volunteersPerRegion: 1 };
    // Leaders 1 F, 2 M: another man or an Other lowers the share to 1/4; an unstated gender keeps 1/3.
    const rows = [
      ...LEADERS,
      volunteer("Oz", "Europe", "Other", "Candidate", 1),
      volunteer("Nia", "Europe", "Not stated", "Candidate", 9),
      volunteer("Mat", "Europe", "Male", "Candidate", 0),
    ];
    const result = run(rows, one);
    expect(selectedNames(result)).toEqual({ Europe: ["Nia"] });
    expect(result.after).toEqual(result.before);
    // A blank Gender is Not stated, and an unreadable one counts for nothing either.
    const blank = [
      ...LEADERS,
      volunteer("Oz", "Europe", "Other"),
      volunteer("Blank", "Europe", null),
      volunteer("Odd", "Europe", "Martian"),
    ];
    expect(selectedNames(run(blank))).toEqual({ Europe: ["Blank", "Odd"] });
    // With a woman to add, the unstated candidate takes the second seat rather than the Other.
    const mixed = [
      ...LEADERS,
      volunteer("Oz", "Europe", "Other", "Candidate", 0),
      volunteer("Fee", "Europe", "Female", "Candidate", 5),
      volunteer("Nia", "Europe", null, "Candidate", 5),
    ];
    expect(selectedNames(run(mixed))).toEqual({ Europe: ["Fee", "Nia"] });
  });

  test("no woman and no man among candidates or committee: share 0 everywhere, priorities decide", () => {
    const rows = [
      volunteer("O1", "Europe", "Other", "Candidate", 2),
      volunteer("N1", "Europe", null, "Candidate", 1),
      volunteer("O2", "Europe", "Other", "Candidate", 1),
    ];
    const result = run(rows, { volunteersPerRegion: 2 });
    expect(selectedNames(result)).toEqual({ Europe: ["N1", "O2"] });
    expect(result.after.share).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The property: arbitrate equals the brute force on random rosters.
// ---------------------------------------------------------------------------------------------

/** A member as the rules see it, for the generated rosters (no table in between). */
function person(row: number, fields: Partial<Member>): Member {
  return {
    row,
    name: `Person ${row}`,
    nameKey: `person ${row}`,
    roleText: "",
    role: "Regional Volunteer",
    regionText: "",
    region: undefined,
    genderText: "",
    gender: "Not stated",
    statusText: "",
    status: "Confirmed",
    email: "",
    justification: "",
    priority: undefined,
    ...fields,
  };
}

const gender = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom<Gender>("Female", "Male", "Other", "Not stated") },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const priority = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(0, 1, 2, 3, 0.5, 1.5, 2.25, 0.1, 0.2, 0.3, 10, 1e6, -1),
);
const someone = fc.record({ gender, priority });
const regionArb = fc.record({
  confirmed: fc.array(someone, { maxLength: 3 }),
  candidates: fc.array(someone, { maxLength: 6 }),
  // Withdrawn and unreadable statuses: they count for nothing.
  dropped: fc.array(
    fc.record({ gender, priority, status: fc.constantFrom<Status | undefined>("Withdrawn", undefined) }),
    { maxLength: 2 },
  ),
});
const instance = fc
  .record({
    regionModel: fc.constantFrom<"ITU6" | "ITU5">("ITU6", "ITU5"),
    volunteersPerRegion: fc.integer({ min: 1, max: 3 }),
    leaders: fc.array(
      fc.record({ gender, status: fc.constantFrom<Status>("Confirmed", "Confirmed", "Candidate", "Withdrawn") }),
      { maxLength: 4 },
    ),
    // A confirmed volunteer whose region could not be read: in the committee, in no region.
    lost: fc.array(someone, { maxLength: 2 }),
    regions: fc.array(regionArb, { minLength: 1, maxLength: 6 }),
  })
  .chain((spec) => {
    const regions = regionsOf(spec.regionModel);
    const people: Partial<Member>[] = [
      ...spec.leaders.map((l) => ({ ...l, role: "RG-IEM Leadership" as const })),
      ...spec.lost.map((l) => ({ ...l, status: "Confirmed" as const })),
      ...spec.regions
        .slice(0, regions.length)
        .flatMap((r, i) => [
          ...r.confirmed.map((p) => ({ ...p, region: regions[i]!, status: "Confirmed" as const })),
          ...r.candidates.map((p) => ({ ...p, region: regions[i]!, status: "Candidate" as const })),
          ...r.dropped.map((p) => ({ ...p, region: regions[i]! })),
        ]),
    ];
    // Rows in any order: a region's candidates interleave with everyone else's.
    return fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }).map((shuffled) => ({
      settings: settingsWith({ regionModel: spec.regionModel, volunteersPerRegion: spec.volunteersPerRegion }),
      members: shuffled.map((p, i) => person(i + 2, p)),
    }));
  });

describe("arbitrate equals the brute force", () => {
  test("random rosters: share, priorities and chosen rows", () => {
    fc.assert(
      fc.property(instance, ({ members, settings }) => {
        fc.pre(selections(openRegions(members, settings)) <= 20_000);
        const result = arbitrate(members, settings);
        expect(outcomeOfArbitration(members, result)).toEqual(bruteForce(members, settings));
        for (const r of result.regions) {
          expect(r.selected).toHaveLength(r.seats);
          expect([...r.selected, ...r.passedOver].sort((a, b) => a.row - b.row)).toEqual(r.candidates);
        }
        if (result.regions.length === 0) expect(result.after).toEqual(result.before);
        // The order the members are given in changes nothing.
        expect(rowsByRegion(arbitrate([...members].reverse(), settings))).toEqual(rowsByRegion(result));
      }),
      { numRuns: 500 },
    );
  });
});
