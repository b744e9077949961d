import {
  type BalanceRow,
  type CellValue,
  type PlanValue,
  type Settings,
  type SheetPlan,
  BALANCE_HEADROOM,
  BALANCE_SHEET,
  DEFAULT_SETTINGS,
  GENERATED_NOTE,
  LEADERSHIP_ROW,
  TOTAL_ROW,
  UNPLACED_ROW,
  arbitrate,
  balanceByRegion,
  balanceSheet,
  dayOfIso,
  parseA1,
  parseRange,
  readMembers,
  readTable,
} from "../../core";
import { OVERSUBSCRIBED } from "../helpers/arbitration";
import { ROSTER_HEADER, member, raw } from "../helpers/tables";

const settingsWith = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const viewOf = (rows: CellValue[][], at: Parameters<typeof raw>[2] = {}) => readTable(raw("Roster", rows, at));
const figuresOf = (rows: CellValue[][], over: Partial<Settings> = {}) =>
  balanceByRegion(readMembers(viewOf(rows), settingsWith(over)), settingsWith(over));

/** The value a plan writes at an A1 address (the last block that covers it), as a user would point at it. */
function cell(plan: SheetPlan, address: string): PlanValue | undefined {
  const { row, column } = parseA1(address);
  let found: PlanValue | undefined;
  for (const b of plan.blocks) {
    const at = parseA1(b.ref);
    const v = b.values[row - at.row]?.[column - at.column];
    if (v !== undefined) found = v;
  }
  return found;
}
const formula = (plan: SheetPlan, address: string) => (cell(plan, address) as { formula: string }).formula;
const result = (plan: SheetPlan, address: string) => (cell(plan, address) as { result: unknown }).result;

/** A figure row as a line of the sheet: label, F, M, O, not stated, total, seats wanted and filled. */
const line = (r: BalanceRow) => [
  r.label,
  r.female,
  r.male,
  r.other,
  r.notStated,
  r.total,
  r.seatsWanted,
  r.seatsFilled,
];

describe("balanceByRegion: the confirmed committee by region and gender", () => {
  test("the over-subscribed roster: candidates and the withdrawn do not count, blank Status does", () => {
    expect(figuresOf(OVERSUBSCRIBED).map(line)).toEqual([
      ["Africa", 1, 1, 0, 0, 2, 2, 2],
      ["Americas", 0, 1, 0, 0, 1, 2, 1],
      ["Arab States", 1, 1, 0, 0, 2, 2, 2],
      ["Asia-Pacific", 0, 0, 0, 0, 0, 2, 0],
      ["CIS", 1, 1, 0, 0, 2, 2, 2],
      ["Europe", 1, 0, 0, 0, 1, 2, 1],
      [LEADERSHIP_ROW, 1, 2, 0, 0, 3, null, null],
      [UNPLACED_ROW, 0, 0, 0, 0, 0, null, null],
      [TOTAL_ROW, 5, 6, 0, 0, 11, 12, 8],
    ]);
  });

  test("shares are of the stated genders; none stated gives no share", () => {
    const rows = figuresOf(OVERSUBSCRIBED);
    const share = (label: string) => rows.filter((r) => r.label === label).map((r) => [r.womenShare, r.menShare])[0];
    expect(share("Americas")).toEqual([0, 1]);
    expect(share("Asia-Pacific")).toEqual([null, null]);
    expect(share(TOTAL_ROW)).toEqual([5 / 11, 6 / 11]);
  });

  test("the total is the committee that the arbitration and the gender check count", () => {
    const settings = settingsWith();
    const members = readMembers(viewOf(OVERSUBSCRIBED), settings);
    const total = balanceByRegion(members, settings).at(-1)!;
    const { before } = arbitrate(members, settings);
    expect([total.female, total.male, total.other]).toEqual([before.female, before.male, before.other]);
    expect(Math.min(total.womenShare!, total.menShare!)).toBe(before.share);
  });

  test.each<[string, CellValue[], (keyof BalanceRow)[], string]>([
    ["Other", member({ Name: "O", Role: "TSB Director", Gender: "Other" }), ["other", "total"], LEADERSHIP_ROW],
    [
      "Not stated",
      member({ Name: "N", Role: "TSB Director", Gender: "Not stated" }),
      ["notStated", "total"],
      LEADERSHIP_ROW,
    ],
    ["a blank Gender", member({ Name: "B", Role: "TSB Director" }), ["notStated", "total"], LEADERSHIP_ROW],
    [
      "an unreadable Gender",
      member({ Name: "U", Role: "TSB Director", Gender: "?" }),
      ["notStated", "total"],
      LEADERSHIP_ROW,
    ],
    [
      "lower case, which Excel's COUNTIFS matches too",
      member({
        Name: "L",
        Role: "regional volunteer",
        Region: "europe",
        Gender: "female",
        Status: "confirmed",
        Justification: "x",
      }),
      ["female", "total", "seatsFilled"],
      "Europe",
    ],
    [
      "a volunteer from a region the model does not know",
      member({ Name: "Z", Role: "Regional Volunteer", Region: "Oceania", Gender: "Female", Justification: "x" }),
      ["female", "total"],
      UNPLACED_ROW,
    ],
  ])("%s is counted where the formulas count it (and in the total)", (_, extra, moved, where) => {
    const before = figuresOf(OVERSUBSCRIBED);
    const after = figuresOf([...OVERSUBSCRIBED, extra]);
    for (const label of [where, TOTAL_ROW]) {
      const [a, b] = [before.find((r) => r.label === label)!, after.find((r) => r.label === label)!];
      const changed = (Object.keys(a) as (keyof BalanceRow)[]).filter(
        (k) => typeof a[k] === "number" && !k.endsWith("Share") && a[k] !== b[k],
      );
      expect(changed.sort()).toEqual([...moved].sort());
    }
  });

  test("a row without a Name or a Role is not counted (nor by the formulas: a note under the roster is no member); candidates and the withdrawn never are", () => {
    const extra = [
      member({ Role: "TSB Director", Gender: "Female" }),
      member({ Name: "Last updated 1 March 2024" }),
      member({ Name: "C", Role: "TSB Director", Gender: "Female", Status: "Candidate" }),
      member({ Name: "W", Role: "TSB Director", Gender: "Female", Status: "Withdrawn" }),
      member({ Name: "M", Role: "TSB Director", Gender: "Female", Status: "Maybe" }),
    ];
    expect(figuresOf([...OVERSUBSCRIBED, ...extra])).toEqual(figuresOf(OVERSUBSCRIBED));
  });

  test("ITU5: five regions, A and Region A alike", () => {
    const rows = [
      ROSTER_HEADER,
      member({ Name: "A1", Role: "Regional Volunteer", Region: "A", Gender: "Female", Justification: "x" }),
      member({ Name: "A2", Role: "Regional Volunteer", Region: "Region A", Gender: "Male", Justification: "x" }),
      member({ Name: "E1", Role: "Regional Volunteer", Region: "Europe", Gender: "Male", Justification: "x" }),
    ];
    expect(figuresOf(rows, { regionModel: "ITU5", volunteersPerRegion: 1 }).map(line)).toEqual([
      ["Region A", 1, 1, 0, 0, 2, 1, 2],
      ["Region B", 0, 0, 0, 0, 0, 1, 0],
      ["Region C", 0, 0, 0, 0, 0, 1, 0],
      ["Region D", 0, 0, 0, 0, 0, 1, 0],
      ["Region E", 0, 0, 0, 0, 0, 1, 0],
      [LEADERSHIP_ROW, 0, 0, 0, 0, 0, null, null],
      [UNPLACED_ROW, 0, 1, 0, 0, 1, null, null],
      [TOTAL_ROW, 1, 2, 0, 0, 3, 5, 2],
    ]);
  });
});

describe("balanceSheet: the plan", () => {
  const settings = settingsWith();
  const view = viewOf(OVERSUBSCRIBED);
  const plan = balanceSheet(view, settings, undefined, { generatedOn: dayOfIso("2024-03-01") });
  // The roster's data are rows 2–23; the formulas count 200 rows more.
  const R = (col: string) => `Roster!$${col}$2:$${col}$${23 + BALANCE_HEADROOM}`;

  test("a title, a note that says it is generated and from where, then the table from row 6", () => {
    expect(plan.name).toBe(BALANCE_SHEET);
    expect(cell(plan, "A1")).toBe("Balance by region and gender");
    expect(cell(plan, "A2")).toMatch(
      new RegExp(
        `^${GENERATED_NOTE} on 1 March 2024 from the Roster sheet\\. The counts are live formulas over its rows 2–223`,
      ),
    );
    expect(cell(plan, "A3")).toMatch(
      /count the contract's spellings .* the checks also read aliases \(F, CEPT, Volunteer …\)/,
    );
    expect(cell(plan, "A4")).toMatch(
      /Green: 40 % or more \(MinGenderShare\); amber: from 35 % \(ITU's reference\); red: below 35 %\. Seats: 2 per region/,
    );
    expect(["A6", "B6", "C6", "D6", "E6", "F6", "G6", "H6", "I6", "J6"].map((a) => cell(plan, a))).toEqual([
      "Confirmed members",
      "Female",
      "Male",
      "Other",
      "Not stated",
      "Total",
      "Women",
      "Men",
      "Seats wanted",
      "Seats filled",
    ]);
    expect(Array.from({ length: 9 }, (_, i) => cell(plan, `A${7 + i}`))).toEqual([
      "Africa",
      "Americas",
      "Arab States",
      "Asia-Pacific",
      "CIS",
      "Europe",
      LEADERSHIP_ROW,
      UNPLACED_ROW,
      TOTAL_ROW,
    ]);
    expect(plan.freezeBelowRow).toBe(7);
  });

  test("a region's count is COUNTIFS over bounded ranges of the Roster: named, Regional Volunteer, the region, Confirmed or blank", () => {
    const europeWomen = [
      `COUNTIFS(${R("A")},"<>",${R("D")},"Female",${R("B")},"Regional Volunteer",${R("C")},"Europe",${R("E")},"Confirmed")`,
      `COUNTIFS(${R("A")},"<>",${R("D")},"Female",${R("B")},"Regional Volunteer",${R("C")},"Europe",${R("E")},"")`,
    ].join("+");
    expect(formula(plan, "B12")).toBe(europeWomen);
    expect(formula(plan, "F12")).toBe(europeWomen.replaceAll(`,${R("D")},"Female"`, ""));
    expect(formula(plan, "B13")).toContain(
      `${R("A")},"<>",${R("D")},"Female",${R("B")},"<>",${R("B")},"<>Regional Volunteer",${R("E")},"Confirmed")`,
    );
    expect(formula(plan, "F15")).toBe(
      `COUNTIFS(${R("A")},"<>",${R("B")},"<>",${R("E")},"Confirmed")+COUNTIFS(${R("A")},"<>",${R("B")},"<>",${R("E")},"")`,
    );
  });

  test("the rest is arithmetic on the sheet: not stated, the shares, the seats, the unplaced row", () => {
    expect(formula(plan, "E8")).toBe("F8-B8-C8-D8");
    expect(formula(plan, "G8")).toBe('IF((B8+C8+D8)=0,"",B8/(B8+C8+D8))');
    expect(formula(plan, "H8")).toBe('IF((B8+C8+D8)=0,"",C8/(B8+C8+D8))');
    expect(cell(plan, "I8")).toBe(2);
    expect(formula(plan, "J8")).toBe("F8");
    expect(formula(plan, "B14")).toBe("B15-SUM(B7:B13)");
    expect(formula(plan, "I15")).toBe("SUM(I7:I12)");
    expect(formula(plan, "J15")).toBe("SUM(J7:J12)");
    expect([cell(plan, "I13"), cell(plan, "J14")]).toEqual([null, null]);
  });

  test("every formula carries the core's figure as its result, and none starts with =", () => {
    const figures = figuresOf(OVERSUBSCRIBED);
    const got = figures.map((_, i) => ["B", "C", "D", "E", "F", "G", "H"].map((c) => result(plan, `${c}${7 + i}`)));
    expect(got).toEqual(
      figures.map((r) => [r.female, r.male, r.other, r.notStated, r.total, r.womenShare ?? "", r.menShare ?? ""]),
    );
    const formulas = plan.blocks
      .flatMap((b) => b.values.flat())
      .filter((v): v is { formula: string } => v !== null && typeof v === "object" && "formula" in v);
    expect(formulas.length).toBe(9 * 7 + 6 + 2); // counts and shares of 9 rows, 6 regions' seats filled, the total's two
    expect(formulas.filter((f) => f.formula.startsWith("="))).toEqual([]);
  });

  test("red, amber and green: shares against 35 % and MinGenderShare, seats filled against wanted", () => {
    expect(plan.conditionalFormats.map((c) => [c.ref, c.formula])).toEqual([
      ["G7:H15", "AND(ISNUMBER(G7),G7>=0.4)"],
      ["G7:H15", "AND(ISNUMBER(G7),G7<0.35)"],
      ["G7:H15", "AND(ISNUMBER(G7),G7>=0.35,G7<0.4)"],
      ["I7:J15", "AND(ISNUMBER($I7),$J7<>$I7)"],
      ["I7:J15", "AND(ISNUMBER($I7),$J7=$I7)"],
    ]);
    expect(plan.conditionalFormats.map((c) => c.fill)).toEqual(["DFF6DD", "FDE7E9", "FFF4CE", "FDE7E9", "DFF6DD"]);
    // 5 of 11 is 45 %: the committee is balanced, so the tab is green.
    expect(plan.tabColor).toBe("107C10");
  });

  test("a lower MinGenderShare: red below it, no amber band", () => {
    const low = balanceSheet(view, settingsWith({ minGenderShare: 0.3 }));
    expect(low.conditionalFormats.slice(0, 3).map((c) => c.formula)).toEqual([
      "AND(ISNUMBER(G7),G7>=0.3)",
      "AND(ISNUMBER(G7),G7<0.3)",
      "AND(ISNUMBER(G7),G7>=0.3,G7<0.3)",
    ]);
    expect(cell(low, "A4")).toMatch(/Green: 30 % or more \(MinGenderShare\); red: below 30 %/);
    expect(cell(low, "A2")).toMatch(new RegExp(`^${GENERATED_NOTE} from the Roster sheet`));
  });

  test("a roster elsewhere: a table at C3 of a sheet whose name needs quotes, and no Status column", () => {
    const rows = OVERSUBSCRIBED.map((r) => r.filter((_, j) => j !== 4));
    const moved = balanceSheet(viewOf(rows, { sheet: "Committee list", row: 3, column: 3 }), settings);
    const q = (col: string) => `'Committee list'!$${col}$4:$${col}$${25 + BALANCE_HEADROOM}`;
    expect(formula(moved, "B15")).toBe(`COUNTIFS(${q("C")},"<>",${q("F")},"Female",${q("D")},"<>")`);
    expect(formula(moved, "F7")).toBe(`COUNTIFS(${q("C")},"<>",${q("D")},"Regional Volunteer",${q("E")},"Africa")`);
    expect(cell(moved, "A2")).toMatch(
      /from the Committee list sheet\. The counts are live formulas over its rows 4–225/,
    );
  });

  test("ITU5: a region's formula counts both A and Region A", () => {
    const itu5 = balanceSheet(view, settingsWith({ regionModel: "ITU5" }));
    const f = formula(itu5, "B7");
    expect(f.match(/COUNTIFS/g)).toHaveLength(4);
    expect(f).toContain(`${R("C")},"Region A"`);
    expect(f).toContain(`${R("C")},"A"`);
    expect(cell(itu5, "A12")).toBe(LEADERSHIP_ROW);
  });

  test("a roster without volunteers or a Region column: the regions are 0", () => {
    const rows = [
      ["Name", "Role", "Gender"],
      ["Helena Varga", "RG-IEM Leadership", "Female"],
    ];
    const none = balanceSheet(viewOf(rows), settings);
    expect(cell(none, "B7")).toEqual({ formula: "0", result: 0 });
    expect(result(none, "B15")).toBe(1);
  });

  test("without an arbitration nothing is written below the table", () => {
    const last = Math.max(...plan.blocks.map((b) => parseRange(b.ref).top + b.values.length - 1));
    expect(last).toBe(15);
  });
});

describe("balanceSheet: the proposal block", () => {
  const settings = settingsWith();
  const view = viewOf(OVERSUBSCRIBED);
  const a = arbitrate(readMembers(view, settings), settings);
  const plan = balanceSheet(view, settings, a);

  test("one row per arbitrated region, names in D and H, then the balance now and with the proposal", () => {
    expect(cell(plan, "A18")).toBe("Proposed arbitration");
    expect(cell(plan, "A19")).toMatch(
      /^The exact choice that maximises the share of the less-represented gender .* Not live/,
    );
    const row = (r: number) => ["A", "B", "C", "D", "H"].map((c) => cell(plan, `${c}${r}`));
    expect(row(20)).toEqual(["Region", "Free seats", "Candidates", "Proposed", "Passed over"]);
    expect([row(21), row(22), row(23)]).toEqual([
      ["Americas", 1, 3, "Diego Souza", "Lucía Fernández, Ana Torres"],
      ["Asia-Pacific", 2, 4, "Mei Tanaka, Arjun Raman", "Ravi Iyer, Hana Kim"],
      ["Europe", 1, 3, "Ana Kovač", "Jonas Weber, Jan Novak"],
    ]);
    const balance = (r: number) => ["A", "B", "C", "D", "G", "H"].map((c) => cell(plan, `${c}${r}`));
    expect(balance(25)).toEqual([null, "Female", "Male", "Other", "Women", "Men"]);
    expect(balance(26)).toEqual(["Confirmed committee now", 5, 6, 0, 5 / 11, 6 / 11]);
    expect(balance(27)).toEqual(["With the proposal", 7, 8, 0, 7 / 15, 8 / 15]);
  });

  test("nothing to arbitrate says so", () => {
    const rows = OVERSUBSCRIBED.filter((r) => r[4] !== "Candidate");
    const none = balanceSheet(viewOf(rows), settings, arbitrate(readMembers(viewOf(rows), settings), settings));
    expect(cell(none, "A19")).toBe("No region has more candidates than free seats: nothing needs arbitration.");
    expect(cell(none, "A20")).toBeUndefined();
  });
});
