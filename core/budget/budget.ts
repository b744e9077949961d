import { a1, columnLetter, sheetRef, stringLiteral } from "../a1";
import { type CellValue, cellText, matchKey } from "../cells";
import { type Day, longDate } from "../dates/calendar";
import { GENERATED, generatedNote } from "../plans/generated";
import { type PlanValue, RAG, type SheetPlan, emptySheet, moneyFormat, printSetup } from "../plans/sheet-plan";
import type { TableView } from "../tables/read-table";
import { OFFICIAL_LANGUAGES, type WorkshopParams, isGeneva } from "./workshop";

export const BUDGET_SHEET = GENERATED.budget.sheet;
export const BUDGET_TOTAL_NAME = GENERATED.budget.names[0];
/** Rows of room below a table found on a sheet (no Excel table) that the formulas also cover, so that rows added later count. */
const HEADROOM = 200;

/**
 * The last worksheet row a formula over a user's table covers. An Excel table: exactly its rows (a
 * totals row or notes below it must not count; Excel grows the references when rows are inserted in
 * it). A table found on a sheet: its rows and `HEADROOM` more.
 */
export const rowsEnd = (view: TableView): number => (view.source === "table" ? view.lastRow : view.lastRow + HEADROOM);

/** What a rate item means for the budget: its quantity driver and its category. */
interface ItemMeaning {
  item: string;
  category: string;
  /** Paid by the host when the venue is away from Geneva (rooms, webcast). */
  hostCovers: boolean;
  quantity(p: WorkshopParams): number;
  /** The quantity as a formula over the parameter cells (named by key). */
  formula(cell: (key: ParamKey) => string): string;
}

type ParamKey =
  | "Days"
  | "Venue"
  | "InPerson"
  | "Languages"
  | "Captioning"
  | "Webcast"
  | "Full"
  | "Partial"
  | "Missions"
  | "Contingency"
  | "Currency";

const MEANINGS: readonly ItemMeaning[] = [
  {
    item: "Interpretation",
    category: "Languages and access",
    hostCovers: false,
    quantity: (p) => p.languages * p.days,
    formula: (c) => `${c("Languages")}*${c("Days")}`,
  },
  {
    item: "Captioning",
    category: "Languages and access",
    hostCovers: false,
    quantity: (p) => (p.captioning ? p.days : 0),
    formula: (c) => `${c("Captioning")}*${c("Days")}`,
  },
  {
    item: "Webcast",
    category: "Languages and access",
    hostCovers: true,
    quantity: (p) => (p.webcast ? p.days : 0),
    formula: (c) => `${c("Webcast")}*${c("Days")}`,
  },
  {
    item: "Venue",
    category: "Venue and logistics",
    hostCovers: true,
    quantity: (p) => p.days,
    formula: (c) => c("Days"),
  },
  {
    item: "Catering",
    category: "Venue and logistics",
    hostCovers: false,
    quantity: (p) => p.inPerson * p.days,
    formula: (c) => `${c("InPerson")}*${c("Days")}`,
  },
  {
    item: "Printing and badges",
    category: "Venue and logistics",
    hostCovers: false,
    quantity: (p) => p.inPerson,
    formula: (c) => c("InPerson"),
  },
  {
    item: "Full fellowship",
    category: "Fellowships",
    hostCovers: false,
    quantity: (p) => p.fullFellowships,
    formula: (c) => c("Full"),
  },
  {
    item: "Partial fellowship",
    category: "Fellowships",
    hostCovers: false,
    quantity: (p) => p.partialFellowships,
    formula: (c) => c("Partial"),
  },
  {
    item: "Staff mission",
    category: "ITU staff",
    hostCovers: false,
    quantity: (p) => p.staffMissions,
    formula: (c) => c("Missions"),
  },
];
const OTHER: ItemMeaning = { item: "", category: "Other", hostCovers: false, quantity: () => 1, formula: () => "1" };
export const CATEGORIES = ["Languages and access", "Venue and logistics", "Fellowships", "ITU staff", "Other"] as const;

const meaningOf = (item: string): ItemMeaning => MEANINGS.find((m) => matchKey(m.item) === matchKey(item)) ?? OTHER;

export interface BudgetLine {
  row: number;
  item: string;
  category: string;
  quantity: number;
  rate: number;
  amount: number;
  paidBy: "ITU" | "Host";
  /** The Unit of the item's first row in Rates, as `INDEX(Unit, MATCH(item, Item, 0))&""` reads it. */
  unit: string;
}

export interface Budget {
  lines: BudgetLine[];
  subtotals: Record<string, number>;
  linesTotal: number;
  contingency: number;
  total: number;
  /** What the host is expected to cover when the venue is away from Geneva (before contingency). */
  host: number;
  currency: string;
}

/** A cell as `x&""` turns it into text: blank is "", TRUE is "TRUE", a number (a duration too) as General shows it. */
const formulaText = (value: CellValue | undefined): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "boolean"
      ? value
        ? "TRUE"
        : "FALSE"
      : cellText(typeof value === "object" && "duration" in value ? value.duration : value);

/** An item as typed (MATCH compares the text exactly, case aside). */
const itemText = (value: CellValue | undefined): string => (typeof value === "string" ? value : cellText(value));

/** The budget the core computes, which the Budget sheet's formulas compute again in the workbook. */
export function computeBudget(params: WorkshopParams, rates: TableView): Budget {
  const rows = rates.rows.filter(({ cells }) => cellText(cells["Item"]) !== "");
  const lines: BudgetLine[] = rows.map(({ row, cells }) => {
    const item = itemText(cells["Item"]);
    const meaning = meaningOf(item);
    // As N(INDEX(Rate, MATCH(item, Item, 0))): the first row with that item (case ignored); a rate
    // that is not a number cell counts 0 (a duration, `[h]`, is a number cell to N: its days).
    const first = rows.find((r) => itemText(r.cells["Item"]).toLowerCase() === item.toLowerCase())!;
    const given = first.cells["Rate"];
    const rate =
      typeof given === "number"
        ? given
        : typeof given === "object" && given !== null && "duration" in given
          ? given.duration
          : 0;
    const unit = formulaText(first.cells["Unit"]);
    const quantity = meaning.quantity(params);
    return {
      row,
      item,
      category: meaning.category,
      quantity,
      rate,
      amount: quantity * rate,
      paidBy: meaning.hostCovers && !isGeneva(params.venue) ? "Host" : "ITU",
      unit,
    };
  });
  const subtotals = Object.fromEntries(
    CATEGORIES.map((c) => [c, lines.filter((l) => l.category === c).reduce((s, l) => s + l.amount, 0)]),
  );
  const linesTotal = lines.reduce((s, l) => s + l.amount, 0);
  const contingency = (linesTotal * params.contingencyPercent) / 100;
  return {
    lines,
    subtotals,
    linesTotal,
    contingency,
    total: linesTotal + contingency,
    host: lines.filter((l) => l.paidBy === "Host").reduce((s, l) => s + l.amount, 0),
    currency: params.currency,
  };
}

/**
 * Text that MATCH(…, 0) finds exactly, as the core does: `*`, `?` and `~` are wildcards to MATCH, so
 * each is escaped with `~` (an item "Coffee break*" would otherwise also find "Coffee break").
 *
 * @example matchLiteral("Coffee break*") // "\"Coffee break~*\""
 */
export const matchLiteral = (text: string): string => stringLiteral(text.replace(/[~*?]/g, "~$&"));

/** `INDEX(Value, MATCH(key, Key, 0))` over the Workshop table's columns, with headroom below. */
function workshopLookup(view: TableView, key: string): string {
  const first = view.headerRow + 1;
  const last = Math.max(rowsEnd(view), first);
  const col = (name: string) => {
    const letter = columnLetter(view.columns[name]!);
    return `${sheetRef(view.sheet)}!$${letter}$${first}:$${letter}$${last}`;
  };
  return `INDEX(${col("Value")},MATCH(${matchLiteral(key)},${col("Key")},0))`;
}

const yesNo = (x: string) =>
  `IF(OR(UPPER(TRIM(${x}))="YES",UPPER(TRIM(${x}))="Y",UPPER(TRIM(${x}))="TRUE",UPPER(TRIM(${x}))="X",${x}&""="1"),1,0)`;
const geneva = (x: string) =>
  `OR(TRIM(${x})="",UPPER(TRIM(${x}))="GENEVA",UPPER(TRIM(${x}))="GENEVE",UPPER(TRIM(${x}))="GENÈVE",UPPER(TRIM(${x}))="GENF")`;

const PARAMS: readonly {
  key: ParamKey;
  label: string;
  workshopKey: string;
  formula: (lookup: string) => string;
  value: (p: WorkshopParams) => PlanValue;
}[] = [
  { key: "Days", label: "Days", workshopKey: "Days", formula: (x) => `IFERROR(--${x},0)`, value: (p) => p.days },
  { key: "Venue", label: "Venue", workshopKey: "Venue", formula: (x) => `IFERROR(${x}&"","")`, value: (p) => p.venue },
  {
    key: "InPerson",
    label: "In-person participants",
    workshopKey: "InPersonParticipants",
    formula: (x) => `IFERROR(--${x},0)`,
    value: (p) => p.inPerson,
  },
  {
    key: "Languages",
    label: "Interpretation languages",
    workshopKey: "InterpretationLanguages",
    formula: (x) => `IFERROR(${OFFICIAL_LANGUAGES.map((l) => `ISNUMBER(SEARCH("${l}",${x}&""))`).join("+")},0)`,
    value: (p) => p.languages,
  },
  {
    key: "Captioning",
    label: "Captioning (1 = yes)",
    workshopKey: "Captioning",
    formula: (x) => `IFERROR(${yesNo(x)},0)`,
    value: (p) => (p.captioning ? 1 : 0),
  },
  {
    key: "Webcast",
    label: "Webcast (1 = yes)",
    workshopKey: "Webcast",
    formula: (x) => `IFERROR(${yesNo(x)},0)`,
    value: (p) => (p.webcast ? 1 : 0),
  },
  {
    key: "Full",
    label: "Full fellowships",
    workshopKey: "FullFellowships",
    formula: (x) => `IFERROR(--${x},0)`,
    value: (p) => p.fullFellowships,
  },
  {
    key: "Partial",
    label: "Partial fellowships",
    workshopKey: "PartialFellowships",
    formula: (x) => `IFERROR(--${x},0)`,
    value: (p) => p.partialFellowships,
  },
  {
    key: "Missions",
    label: "Staff missions",
    workshopKey: "StaffMissions",
    formula: (x) => `IFERROR(--${x},0)`,
    value: (p) => p.staffMissions,
  },
  {
    key: "Contingency",
    label: "Contingency (%)",
    workshopKey: "ContingencyPercent",
    formula: (x) => `IFERROR(--${x},0)`,
    value: (p) => p.contingencyPercent,
  },
  {
    key: "Currency",
    label: "Currency",
    workshopKey: "Currency",
    formula: (x) => `IFERROR(IF(TRIM(${x}&"")="","CHF",TRIM(${x}&"")),"CHF")`,
    value: (p) => p.currency,
  },
];

const PARAM_ROW = 5;
const LINES_HEADER = ["Category", "Item", "Unit", "Quantity", "Rate", "Amount", "Paid by"] as const;

/**
 * The generated `Budget` sheet: the parameters pulled from the Workshop table, one line per rate item
 * (quantity by the item's driver × the Rates table's rate), subtotals by category, the contingency and
 * the grand total, named `BudgetTotal`. Every figure is a live formula over the Workshop and Rates
 * tables; `result` carries what the core computed.
 */
export function budgetSheet(
  workshop: TableView,
  rates: TableView,
  params: WorkshopParams,
  generatedOn: Day,
): { plan: SheetPlan; budget: Budget; totalRef: string } {
  const budget = computeBudget(params, rates);
  const plan = emptySheet(BUDGET_SHEET);
  plan.blocks.push(
    { ref: "A1", values: [[params.title ? `Budget — ${params.title}` : "Budget"]], style: "title" },
    generatedNote(
      `on ${longDate(generatedOn)} from the ${workshop.sheet} and ${rates.sheet} tables. Every figure is a formula: change a rate or a parameter there and the budget follows. Rebuild after adding rate items.`,
    ),
    { ref: a1(PARAM_ROW - 1, 1), values: [["Parameter", "Value"]], style: "label" },
  );
  const paramCell = new Map<ParamKey, string>();
  for (const [i, p] of PARAMS.entries()) paramCell.set(p.key, `$B$${PARAM_ROW + i}`);
  plan.blocks.push({
    ref: a1(PARAM_ROW, 1),
    values: PARAMS.map((p) => [
      p.label,
      { formula: p.formula(workshopLookup(workshop, p.workshopKey)), result: p.value(params) as string | number },
    ]),
  });
  const cell = (key: ParamKey) => paramCell.get(key)!;
  const header = PARAM_ROW + PARAMS.length + 1;
  const first = header + 1;
  // Each line finds its rate by the item's name, so sorting the Rates table keeps every line right.
  const ratesEnd = Math.max(rowsEnd(rates), rates.headerRow + 1);
  const ratesCol = (name: string) => {
    const letter = columnLetter(rates.columns[name]!);
    return `${sheetRef(rates.sheet)}!$${letter}$${rates.headerRow + 1}:$${letter}$${ratesEnd}`;
  };
  const lookup = (column: string, item: string) =>
    `INDEX(${ratesCol(column)},MATCH(${matchLiteral(item)},${ratesCol("Item")},0))`;
  const lines: PlanValue[][] = budget.lines.map((line, i) => {
    const r = first + i;
    const meaning = meaningOf(line.item);
    return [
      line.category,
      line.item,
      rates.columns["Unit"] ? { formula: `${lookup("Unit", line.item)}&""`, result: line.unit } : "",
      { formula: meaning.formula(cell), result: line.quantity },
      { formula: `N(${lookup("Rate", line.item)})`, result: line.rate },
      { formula: `D${r}*E${r}`, result: line.amount },
      meaning.hostCovers ? { formula: `IF(${geneva(cell("Venue"))},"ITU","Host")`, result: line.paidBy } : "ITU",
    ];
  });
  plan.blocks.push({ ref: a1(header, 1), values: [[...LINES_HEADER]], style: "label" });
  // Amounts in the workbook's currency with two decimals; quantities as they are (General).
  const money = moneyFormat(params.currency);
  if (lines.length)
    plan.blocks.push(
      { ref: a1(first, 1), values: lines.map((l) => l.slice(0, 4)) },
      { ref: a1(first, 5), values: lines.map((l) => l.slice(4, 6)), numFmt: money },
      { ref: a1(first, 7), values: lines.map((l) => l.slice(6)) },
    );
  const last = first + Math.max(lines.length, 1) - 1;
  const amounts = `$F$${first}:$F$${last}`;
  let at = last + 2;
  const summary: PlanValue[][] = [];
  for (const c of CATEGORIES)
    summary.push([
      `Subtotal: ${c}`,
      null,
      null,
      null,
      null,
      { formula: `SUMIF($A$${first}:$A$${last},${stringLiteral(c)},${amounts})`, result: budget.subtotals[c]! },
    ]);
  summary.push([
    "Total of the lines",
    null,
    null,
    null,
    null,
    { formula: `SUM(${amounts})`, result: budget.linesTotal },
  ]);
  const linesTotalRow = at + summary.length - 1;
  summary.push([
    { formula: `"Contingency ("&${cell("Contingency")}&" %)"`, result: `Contingency (${params.contingencyPercent} %)` },
    null,
    null,
    null,
    null,
    { formula: `F${linesTotalRow}*${cell("Contingency")}/100`, result: budget.contingency },
  ]);
  summary.push([
    { formula: `"Grand total ("&${cell("Currency")}&")"`, result: `Grand total (${params.currency})` },
    null,
    null,
    null,
    null,
    { formula: `F${linesTotalRow}+F${linesTotalRow + 1}`, result: budget.total },
  ]);
  const totalRow = at + summary.length - 1;
  summary.push([
    "Expected from the host (venue away from Geneva)",
    null,
    null,
    null,
    null,
    { formula: `SUMIF($G$${first}:$G$${last},"Host",${amounts})`, result: budget.host },
  ]);
  plan.blocks.push({ ref: a1(at, 1), values: summary.slice(0, -2), style: "label", numFmt: money });
  plan.blocks.push({ ref: a1(totalRow, 1), values: [summary.at(-2)!], style: "total", numFmt: money });
  plan.blocks.push({ ref: a1(totalRow + 1, 1), values: [summary.at(-1)!], numFmt: money });
  at = totalRow + 3;
  plan.blocks.push({
    ref: a1(at, 1),
    values: [
      [
        "Rates marked (default) are editable starting values, not ITU figures; a venue away from Geneva is paid by the host for the additional costs (rooms, webcast).",
      ],
    ],
    style: "note",
  });
  plan.columns = [34, 22, 36, 10, 16, 18, 10].map((width, i) => ({ column: i + 1, width }));
  plan.conditionalFormats.push({
    ref: `G${first}:G${last}`,
    formula: `G${first}="Host"`,
    fill: RAG.amber.fill,
    font: RAG.amber.font,
    bold: true,
  });
  plan.freezeBelowRow = 2;
  plan.tabColor = RAG.green.font;
  plan.print = printSetup({
    title: params.title ? `Budget — ${params.title}` : "Budget",
    asOf: longDate(generatedOn),
    orientation: "landscape",
    titleRows: `${header}:${header}`,
  });
  return { plan, budget, totalRef: `${sheetRef(BUDGET_SHEET)}!$F$${totalRow}` };
}
