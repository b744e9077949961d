/**
 * The template workbook: every table of the contract as a real Excel table on its own sheet, with
 * dropdowns for the enumerated columns over a bounded range, date formats, frozen headers, and a
 * short "How to use" sheet. With `sample`, the tables hold the Terms of Reference's sample committee.
 */
import { a1 } from "../a1";
import {
  DEFAULT_RATES,
  SAMPLE_BLACKOUTS,
  SAMPLE_INVITEES,
  SAMPLE_MEETINGS,
  SAMPLE_PROGRAM,
  SAMPLE_ROSTER,
  SAMPLE_SETTINGS,
  SAMPLE_TASKS,
  SAMPLE_TIMELINE,
  SAMPLE_WORKSHOP,
} from "../sample";
import { CONTRACT, type ColumnSpec, type TableName, type TableSpec } from "../tables/contract";
import {
  ACCENT,
  type PlanTableColumn,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
  emptySheet,
  printSetup,
} from "./sheet-plan";

/** Rows that carry dropdowns below each table's header. */
export const VALIDATED_ROWS = 500;
/** How dates are shown: "19 April 2024", as ITU writes them. */
export const DATE_FORMAT = "d mmmm yyyy";
/** How times of day are shown: 09:30, on the 24-hour clock. */
export const TIME_FORMAT = "hh:mm";

const GUIDE_SHEET = "How to use";
/** Text columns at least this wide (in characters) wrap their text. */
const WRAP_WIDTH = 40;
/** Columns wider than this in all (characters) print landscape: about what fits across portrait A4 at 70 %. */
export const PORTRAIT_WIDTH = 110;

const guide: string[] = [
  "IEWSC Workbench — the workbook of the ITU-T Industry Engagement Workshop Steering Committee",
  "",
  "1. Roster: one row per member. Role, Region, Gender and Status have dropdowns. Region is the region that nominated the volunteer (never derived from the country).",
  "   Status blank means Confirmed; Withdrawn members count for nothing. Priority (lower first) guides arbitration between candidates.",
  '2. Timeline: the TL milestones. Calendar keeps the plan as the Terms of Reference write it ("Spring 2024 TBD"); Forecast and Actual take dates or the same fuzzy text.',
  "3. Meetings and Blackouts: the TSAG, WP2 and WTSA meetings (for the report deadline) and the periods that do not suit a workshop.",
  "4. Workshop and Rates: the parameters and unit costs the budget is built from. The rates given are editable defaults, not ITU figures.",
  "5. Tasks: the project plan in the six phases of Recommendation ITU-T A.31.",
  "6. Settings: the rules' thresholds (volunteers per region, gender share, committee size, the date checks count from).",
  "7. Program and Invitees: the workshop's sessions (Day, Start and End as times of day, e.g. 09:30, in the workshop's local time; Speakers separated by ;) and whom it invites, with their Status.",
  "",
  "In Excel: open the IEWSC Workbench task pane (Home ribbon) and press Check roster; findings appear in the pane and on a generated Checks sheet.",
  "From the command line: iewsc check <workbook.xlsx> (see README.md).",
  "Sheets the tools generate (Checks, Budget, Resources …) are rebuilt on every run; the tables on the other sheets are yours and are never overwritten.",
];

/**
 * The template's workbook plan.
 *
 * @example templatePlan({ sample: true }).sheets.map((s) => s.name)
 * // ["How to use", "Settings", "Roster", "Timeline", "Meetings", "Blackouts", "Workshop", "Rates", "Tasks", "Program", "Invitees"]
 */
export function templatePlan(options: { sample: boolean }): WorkbookPlan {
  const s = options.sample;
  const guideSheet = emptySheet(GUIDE_SHEET);
  guideSheet.blocks.push(
    { ref: "A1", values: [[guide[0]!]], style: "title", wrap: true },
    { ref: "A2", values: guide.slice(1).map((line) => [line]) },
  );
  // As wide as a portrait A4 page (LibreOffice does not shrink one column wider than the page: it cuts it).
  guideSheet.columns.push({ column: 1, width: 90 });
  guideSheet.wrapColumns = [1];
  guideSheet.tabColor = ACCENT;
  guideSheet.print = printSetup({ title: "IEWSC workbook: how to use it", orientation: "portrait" });
  const sheets: SheetPlan[] = [
    guideSheet,
    tableSheet(CONTRACT.Settings, SAMPLE_SETTINGS, ["Meaning"]),
    tableSheet(CONTRACT.Roster, s ? SAMPLE_ROSTER : []),
    tableSheet(CONTRACT.Timeline, s ? SAMPLE_TIMELINE : []),
    tableSheet(CONTRACT.Meetings, s ? SAMPLE_MEETINGS : []),
    tableSheet(CONTRACT.Blackouts, SAMPLE_BLACKOUTS),
    tableSheet(CONTRACT.Workshop, s ? SAMPLE_WORKSHOP : SAMPLE_WORKSHOP.map(([k, , m]) => [k!, null, m!]), ["Meaning"]),
    tableSheet(CONTRACT.Rates, DEFAULT_RATES),
    tableSheet(CONTRACT.Tasks, s ? SAMPLE_TASKS : []),
    tableSheet(CONTRACT.Program, s ? SAMPLE_PROGRAM : []),
    tableSheet(CONTRACT.Invitees, s ? SAMPLE_INVITEES : []),
  ];
  return {
    sheets,
    names: [],
    properties: {
      title: s ? "IEWSC sample workbook" : "IEWSC workbook",
      subject: "ITU-T Industry Engagement Workshop Steering Committee",
      creator: "IEWSC Workbench",
      // Fixed, so that the generated file is the same on every run (the committed template is compared with it).
      created: "2026-01-01T00:00:00Z",
    },
  };
}

function numFmtOf(spec: TableSpec, col: ColumnSpec): string | undefined {
  // A Key/Value table's values are numbers, dates and words alike (the Workshop's Start is a date):
  // General, so that a date shows as a date and a typed 120 is a number.
  if (spec.keyValue && col.header === "Value") return undefined;
  if (col.kind === "date") return DATE_FORMAT;
  if (col.kind === "time") return TIME_FORMAT;
  if (col.kind === "number") return undefined;
  // Plan dates hold either a date or words ("Spring 2024 TBD"): a date format shows the dates, text stays text.
  if (col.kind === "plan-date") return DATE_FORMAT;
  return "@";
}

/** A contract table alone on its sheet, as the template (and a build that adds a missing table) writes it. */
export function tableSheet(spec: TableSpec, rows: PlanValue[][], extra: string[] = []): SheetPlan {
  const plan = emptySheet(spec.name);
  // Long text (justifications, tasks, meanings) wraps in its column, on screen and on paper.
  const columns: PlanTableColumn[] = [
    ...spec.columns.map((c) => ({
      header: c.header,
      numFmt: numFmtOf(spec, c),
      ...(c.kind === "text" && (c.width ?? 14) >= WRAP_WIDTH ? { wrap: true } : {}),
    })),
    ...extra.map((header) => ({ header, numFmt: "@", wrap: true })),
  ];
  const width = columns.length;
  // An Excel table needs at least one data row; an empty template gets one blank row to type into.
  const body = rows.length ? rows.map((r) => pad(r, width)) : [Array<PlanValue>(width).fill(null)];
  plan.tables.push({ name: spec.name, ref: "A1", columns, rows: body, style: "TableStyleMedium2" });
  plan.columns = [...spec.columns.map((c) => c.width ?? 14), ...extra.map(() => 60)].map((w, i) => ({
    column: i + 1,
    width: w,
  }));
  plan.freezeBelowRow = 2;
  const printed = plan.columns.reduce((n, c) => n + (c.width ?? 0), 0);
  plan.print = printSetup({
    title: spec.name,
    orientation: printed > PORTRAIT_WIDTH ? "landscape" : "portrait",
    titleRows: "1:1",
    personal: spec.name === "Roster",
  });
  spec.columns.forEach((c, i) => {
    if (c.values && (c.kind === "enum" || c.kind === "yesno")) {
      plan.validations.push({
        ref: a1(2, i + 1, VALIDATED_ROWS + 1, i + 1),
        list: c.values,
        error: `Choose one of: ${c.values.join(", ")}.`,
      });
    }
  });
  return plan;
}

function pad(row: PlanValue[], width: number): PlanValue[] {
  return Array.from({ length: width }, (_, i) => row[i] ?? null);
}

/** The tables a template holds, in order. */
export const TEMPLATE_TABLES: readonly TableName[] = [
  "Settings",
  "Roster",
  "Timeline",
  "Meetings",
  "Blackouts",
  "Workshop",
  "Rates",
  "Tasks",
  "Program",
  "Invitees",
];
