import { a1, columnLetter, sheetRef, stringLiteral } from "../a1";
import { type Day, longDate } from "../dates/calendar";
import type { Arbitration, Balance } from "../roster/arbitrate";
import { type BalanceRow, balanceByRegion } from "../roster/balance";
import { sharesOf } from "../roster/gender";
import { readMembers } from "../roster/member";
import { percent as pct } from "../words";
import type { Settings } from "../settings";
import type { TableView } from "../tables/read-table";
import type { Region } from "../vocab";
import { GENERATED, generatedNote } from "./generated";
import { type PlanValue, RAG, type SheetPlan, emptySheet, printSetup } from "./sheet-plan";

export const BALANCE_SHEET = GENERATED.balance.sheet;
/** ITU's own reference line (the Network of Women in ITU-T's 35 % at WTSA-24), shown amber below the balance line. */
export const ITU_REFERENCE_SHARE = 0.35;
/** Rows counted below the roster's last row, so that members added later are counted without a re-run. */
export const BALANCE_HEADROOM = 200;

/** Where the balance table sits: its header row, and its columns left to right. */
const BALANCE_HEADER_ROW = 6;
const BALANCE_COLUMNS = [
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
] as const;
// Columns: Female, Male, Other, (Not stated in 5), Total, Women, Men, Seats wanted, Seats filled.
const [F, M, O, T, W, MEN, WANTED, FILLED] = [2, 3, 4, 6, 7, 8, 9, 10];

const PCT = "0.0%";

/**
 * The generated `Balance` sheet: the confirmed committee by region and gender, as live COUNTIFS
 * formulas over the Roster's columns (bounded ranges down to `BALANCE_HEADROOM` rows below the
 * roster), with the shares of women and men in red, amber and green against ITU's 35 % reference and
 * the `MinGenderShare` balance line, and each region's seats wanted and filled (red when they differ).
 * With an arbitration, a second block gives its proposal: a snapshot, not live.
 *
 * The formulas count the contract's own spellings (`Female`, `Confirmed` or blank, `Regional
 * Volunteer`, `Europe`; for ITU5 both `A` and `Region A`), case-insensitively as Excel does; the core
 * reads aliases too (`F`, `CEPT`, `Volunteer` …). On a roster in the contract's spellings the two agree,
 * and the formulas' cached results are the core's figures (`balanceByRegion`).
 *
 * @example balanceSheet(views.Roster, settings).blocks.find((b) => b.ref === "A7")?.values[0]?.[0] // "Africa"
 */
export function balanceSheet(
  view: TableView,
  settings: Settings,
  arbitration?: Arbitration,
  options: { generatedOn?: Day } = {},
): SheetPlan {
  const plan = emptySheet(BALANCE_SHEET);
  const figures = balanceByRegion(readMembers(view, settings), settings);
  const first = view.headerRow + 1;
  const last = Math.max(view.lastRow, first) + BALANCE_HEADROOM;
  const min = settings.minGenderShare;
  const red = Math.min(ITU_REFERENCE_SHARE, min);

  plan.blocks.push(
    { ref: "A1", values: [["Balance by region and gender"]], style: "title" },
    generatedNote(
      `${options.generatedOn === undefined ? "" : `on ${longDate(options.generatedOn)} `}from the ${view.sheet} sheet. ` +
        `The counts are live formulas over its rows ${first}–${last}: edit the roster and they follow (generate the sheet again once it grows past row ${last}); ` +
        "anything typed here is replaced when the sheet is generated again.",
    ),
    {
      ref: "A3",
      values: [
        [
          "Confirmed members (Status Confirmed or blank) on rows with a Name and a Role. The formulas count the contract's spellings (Female, Confirmed, Regional Volunteer, " +
            `${settings.regionModel === "ITU5" ? "A or Region A" : "Europe"} …); the checks also read aliases (F, ${settings.regionModel === "ITU5" ? "" : "CEPT, "}Volunteer …), which the formulas count as Not stated, no recognised region or leadership: write the contract's values for both to agree.`,
        ],
      ],
      style: "note",
    },
    {
      ref: "A4",
      values: [
        [
          `Women and Men are shares of the members whose gender is stated. Green: ${pct(min)} or more (MinGenderShare); ` +
            `${red < min ? `amber: from ${pct(red)} (ITU's reference); ` : ""}red: below ${pct(red)}. Seats: ${settings.volunteersPerRegion} per region (VolunteersPerRegion).`,
        ],
      ],
      style: "note",
    },
    { ref: a1(BALANCE_HEADER_ROW, 1), values: [[...BALANCE_COLUMNS]], style: "label" },
  );

  const formulas = new CountFormulas(view, settings, first, last);
  const top = BALANCE_HEADER_ROW + 1;
  const rowOf = (i: number) => top + i;
  const regionRows = figures.filter((r) => r.kind === "region");
  const totalRow = rowOf(figures.length - 1);
  const body: PlanValue[][] = figures.map((r, i) => {
    const at = rowOf(i);
    const cell = (c: number) => a1(at, c);
    const counts = (gender?: string): PlanValue => {
      const result =
        gender === "Female" ? r.female : gender === "Male" ? r.male : gender === "Other" ? r.other : r.total;
      if (r.kind === "unplaced") {
        // The volunteers no region row counts: the committee less every row above.
        const column = gender === "Female" ? F : gender === "Male" ? M : gender === "Other" ? O : T;
        return { formula: `${a1(totalRow, column)}-SUM(${a1(top, column, at - 1, column)})`, result };
      }
      return { formula: formulas.count(r, gender), result };
    };
    const stated = `(${cell(F)}+${cell(M)}+${cell(O)})`;
    const share = (c: number, value: number | null): PlanValue => ({
      formula: `IF(${stated}=0,"",${cell(c)}/${stated})`,
      result: value ?? "",
    });
    return [
      r.label,
      counts("Female"),
      counts("Male"),
      counts("Other"),
      { formula: `${cell(T)}-${cell(F)}-${cell(M)}-${cell(O)}`, result: r.notStated },
      counts(),
      share(F, r.womenShare),
      share(M, r.menShare),
      r.kind === "region"
        ? r.seatsWanted
        : r.kind === "total"
          ? { formula: `SUM(${a1(top, WANTED, top + regionRows.length - 1, WANTED)})`, result: r.seatsWanted! }
          : null,
      r.kind === "region"
        ? { formula: cell(T), result: r.seatsFilled! }
        : r.kind === "total"
          ? { formula: `SUM(${a1(top, FILLED, top + regionRows.length - 1, FILLED)})`, result: r.seatsFilled! }
          : null,
    ];
  });
  plan.blocks.push(
    { ref: a1(top, 1), values: body.slice(0, -1).map((r) => r.slice(0, 1)), style: "label" },
    { ref: a1(top, F), values: body.slice(0, -1).map((r) => r.slice(1, 6)), numFmt: "0" },
    { ref: a1(top, W), values: body.slice(0, -1).map((r) => r.slice(6, 8)), numFmt: PCT },
    { ref: a1(top, WANTED), values: body.slice(0, -1).map((r) => r.slice(8)), numFmt: "0" },
    { ref: a1(totalRow, 1), values: [body.at(-1)!.slice(0, 6)], style: "total", numFmt: "0" },
    { ref: a1(totalRow, W), values: [body.at(-1)!.slice(6, 8)], style: "total", numFmt: PCT },
    { ref: a1(totalRow, WANTED), values: [body.at(-1)!.slice(8)], style: "total", numFmt: "0" },
  );

  const shares = a1(top, W, totalRow, MEN);
  const s = `${columnLetter(W)}${top}`;
  const seats = a1(top, WANTED, totalRow, FILLED);
  const [w, f] = [`$${columnLetter(WANTED)}${top}`, `$${columnLetter(FILLED)}${top}`];
  plan.conditionalFormats.push(
    {
      ref: shares,
      formula: `AND(ISNUMBER(${s}),${s}>=${min})`,
      fill: RAG.green.fill,
      font: RAG.green.font,
      bold: true,
    },
    { ref: shares, formula: `AND(ISNUMBER(${s}),${s}<${red})`, fill: RAG.red.fill, font: RAG.red.font, bold: true },
    {
      ref: shares,
      formula: `AND(ISNUMBER(${s}),${s}>=${red},${s}<${min})`,
      fill: RAG.amber.fill,
      font: RAG.amber.font,
      bold: true,
    },
    { ref: seats, formula: `AND(ISNUMBER(${w}),${f}<>${w})`, fill: RAG.red.fill, font: RAG.red.font, bold: true },
    { ref: seats, formula: `AND(ISNUMBER(${w}),${f}=${w})`, fill: RAG.green.fill, font: RAG.green.font },
  );

  if (arbitration) plan.blocks.push(...proposalBlocks(arbitration, totalRow + 3));
  plan.columns = [38, 11, 11, 9, 11, 9, 9, 9, 13, 12].map((width, i) => ({ column: i + 1, width }));
  plan.freezeBelowRow = BALANCE_HEADER_ROW + 1;
  plan.print = printSetup({
    title: "Committee balance",
    ...(options.generatedOn === undefined ? {} : { asOf: longDate(options.generatedOn) }),
    orientation: "landscape",
    titleRows: `${BALANCE_HEADER_ROW}:${BALANCE_HEADER_ROW}`,
  });
  const committee = figures.at(-1)!;
  const worst = Math.min(committee.womenShare ?? 0, committee.menShare ?? 0);
  plan.tabColor =
    committee.womenShare === null
      ? RAG.blue.font
      : worst >= min
        ? RAG.green.font
        : worst >= red
          ? RAG.amber.font
          : RAG.red.font;
  return plan;
}

/** The arbitration's proposal under the balance table: one row per region, then the balance now and with it. */
function proposalBlocks(arbitration: Arbitration, at: number) {
  const names = (ms: readonly { name: string }[]) => ms.map((m) => m.name || "(no name)").join(", ");
  const blocks: SheetPlan["blocks"] = [
    { ref: a1(at, 1), values: [["Proposed arbitration"]], style: "subtitle" },
    {
      ref: a1(at + 1, 1),
      values: [
        [
          arbitration.regions.length
            ? "The exact choice that maximises the share of the less-represented gender (iewsc arbitrate). Not live: generate the sheet again after editing the roster."
            : "No region has more candidates than free seats: nothing needs arbitration.",
        ],
      ],
      style: "note",
    },
  ];
  if (!arbitration.regions.length) return blocks;
  // Names go in D and H: text runs on over the empty cells to its right, so each list gets four columns.
  const header: PlanValue[] = ["Region", "Free seats", "Candidates", "Proposed", null, null, null, "Passed over"];
  const rows: PlanValue[][] = arbitration.regions.map((r) => [
    r.region,
    r.seats,
    r.candidates.length,
    names(r.selected),
    null,
    null,
    null,
    names(r.passedOver),
  ]);
  const balanceRow = (label: string, b: Balance): PlanValue[] => {
    const { women, men } = sharesOf(b);
    return [label, b.female, b.male, b.other, null, null, women, men];
  };
  const after = at + 3 + rows.length + 1;
  blocks.push(
    { ref: a1(at + 2, 1), values: [header], style: "label" },
    { ref: a1(at + 3, 1), values: rows },
    { ref: a1(after, 1), values: [[null, "Female", "Male", "Other", null, null, "Women", "Men"]], style: "label" },
    {
      ref: a1(after + 1, 1),
      values: [
        balanceRow("Confirmed committee now", arbitration.before),
        balanceRow("With the proposal", arbitration.after),
      ].map((r) => r.slice(0, 4)),
    },
    {
      ref: a1(after + 1, W),
      values: [balanceRow("", arbitration.before), balanceRow("", arbitration.after)].map((r) => r.slice(6)),
      numFmt: PCT,
    },
  );
  return blocks;
}

/** The COUNTIFS of one row and gender, over the roster's columns as bounded absolute ranges. */
class CountFormulas {
  private readonly range: (header: string) => string | undefined;

  constructor(
    view: TableView,
    private readonly settings: Settings,
    first: number,
    last: number,
  ) {
    const sheet = sheetRef(view.sheet);
    this.range = (header) => {
      const c = view.columns[header];
      return c === undefined ? undefined : `${sheet}!$${columnLetter(c)}$${first}:$${columnLetter(c)}$${last}`;
    };
  }

  /** The formula (no leading `=`) counting the row's confirmed members (with a Name and a Role) of a gender, or of all. */
  count(row: BalanceRow, gender?: string): string {
    const name = this.range("Name")!;
    const role = this.range("Role")!;
    const region = this.range("Region");
    const status = this.range("Status");
    const genderRange = this.range("Gender")!;
    const base = [`${name},"<>"`];
    if (gender) base.push(`${genderRange},${stringLiteral(gender)}`);
    let variants: string[][];
    if (row.kind === "region") {
      // Without a Region column there are no volunteers in a region (the core then refuses volunteers).
      if (!region) return "0";
      base.push(`${role},${stringLiteral("Regional Volunteer")}`);
      variants = spellings(row.label as Region, this.settings).map((s) => [`${region},${stringLiteral(s)}`]);
    } else {
      // A row needs a Role too (a region's rows have one by their criterion).
      base.push(`${role},"<>"`);
      if (row.kind === "leadership") base.push(`${role},${stringLiteral("<>Regional Volunteer")}`);
      variants = [[]];
    }
    // Blank Status counts as Confirmed; without a Status column everyone is confirmed.
    const statuses = status ? ["Confirmed", ""].map((s) => [`${status},${stringLiteral(s)}`]) : [[]];
    const terms = variants.flatMap((v) => statuses.map((s) => `COUNTIFS(${[...base, ...v, ...s].join(",")})`));
    return terms.join("+");
  }
}

/** The spellings of a region that the contract itself writes: ITU5 has `A` as well as `Region A`. */
function spellings(region: Region, settings: Settings): string[] {
  return settings.regionModel === "ITU5" ? [region, region.replace(/^Region /, "")] : [region];
}
