/**
 * The report workbook: a new workbook built from the engine's results (never a copy of the input), for
 * people at WP2 and TSAG who have no add-in. `Summary` first, then `Findings`, and the `Balance`,
 * `Timeline`, `Trend`, `Budget` and `Resources` sheets the workbook has what it needs for. Pure: the
 * command line and the task pane render the same plan.
 */
import { computeBudget } from "../budget/budget";
import { computeResources } from "../budget/resources";
import { readTasks } from "../budget/tasks";
import { readWorkshop } from "../budget/workshop";
import { type CellValue, cellText } from "../cells";
import { type WorkbookInput, checkWorkbook } from "../check";
import { type Day, dayOfIso, isoOf, longDate } from "../dates/calendar";
import { WorkbookError } from "../errors";
import type { Finding, Summary } from "../findings";
import { balanceByRegion } from "../roster/balance";
import { readMembers } from "../roster/member";
import type { Settings } from "../settings";
import type { TableName } from "../tables/contract";
import { type TableView, readTable } from "../tables/read-table";
import { timelineContext } from "../timeline/check-timeline";
import { type Milestone, dueDay } from "../timeline/milestone";
import { reportTarget } from "../timeline/report-target";
import { countLine } from "../words";
import {
  type Rag,
  findingsSheet,
  ragFormats,
  reportBalanceSheet,
  reportBudgetSheet,
  reportResourcesSheet,
  reportTimelineSheet,
  seatsRag,
  shareRag,
} from "./report-sheets";
import { EMAIL_LEFT_OUT, leaveOutAddresses } from "./addresses";
export { EMAIL_LEFT_OUT };
import { invitationLines, invitationsSheet, reportAgendaSheet } from "./report-program";
import { type TrendChartPlan, readForecastHistory, trendSheet } from "./report-trend";
import { milestoneState } from "./timeline-status";
import { ACCENT, type PlanPrint, type PlanValue, type SheetPlan, type WorkbookPlan, emptySheet } from "./sheet-plan";

export const SUMMARY_SHEET = "Summary";
/** WTSA-24 opened in New Delhi on 15 October 2024; a Meetings row naming WTSA says otherwise. */
export const WTSA_24 = dayOfIso("2024-10-15")!;
export const SHARED_NOTE =
  "Shared version: personal contact data (e-mail addresses and the columns the contract does not name) is left out.";
export const REPORT_CREATOR = "IEWSC Workbench";

/** What the report reads: the contract's tables and, when there is one, the `Forecast history` table. */
export interface ReportInput extends WorkbookInput {
  /** The Forecast history table's values, header row first. */
  history?: CellValue[][];
}

export interface ReportOptions {
  /** The day the report is as of (the --as-of option, else the Settings table's AsOf, else today). */
  asOf?: Day;
  /** Today where the user is: used when neither `asOf` nor the AsOf setting says otherwise. */
  today: Day;
  /** The workbook's name as the reader should see it (the file name, without folders). */
  title: string;
  /** Leave out personal contact data everywhere: the version that can go to TSAG. */
  share?: boolean;
}

/** One line of the Summary: what is measured, its value in words, and its red/amber/green. */
export interface SummaryLine {
  area: "Committee" | "Timeline" | "Budget" | "Resources" | "Invitations" | "Findings";
  measure: string;
  value: string;
  rag: Rag;
}

export interface ReportPlan {
  workbook: WorkbookPlan;
  /** The milestone trend, drawn as a native chart on the `Trend` sheet (absent without a Forecast history). */
  chart?: TrendChartPlan;
  summary: Summary;
  lines: SummaryLine[];
  /** The day the report is as of. */
  asOf: Day;
  findings: Finding[];
}

/**
 * Builds the report of one workbook. Throws the check's `WorkbookError` when the workbook cannot be
 * checked at all (no Roster, Timeline or Tasks table; a required column missing).
 *
 * @example reportPlan(input, { asOf: dayOfIso("2024-03-01"), today, title: "iewsc.xlsx" }).workbook.sheets[0].name // "Summary"
 */
export function reportPlan(input: ReportInput, given: ReportOptions): ReportPlan {
  const options = given.share ? { ...given, title: leaveOutAddresses([])(given.title) } : given;
  const check = checkWorkbook(input, {
    today: options.today,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  const asOf = check.asOf ?? options.today;
  const settings = check.settings;
  const views = { ...check.views };
  const optional = (name: TableName): TableView | undefined => {
    if (views[name] || !input.tables[name]) return views[name];
    try {
      views[name] = readTable(input.tables[name]!);
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
    }
    return views[name];
  };
  const note = `${REPORT_CREATOR} report of ${options.title}, as of ${longDate(asOf)}: values as computed then, not live formulas.`;
  const lines: SummaryLine[] = [];
  const sheets: SheetPlan[] = [
    findingsSheet(options.share ? check.findings.map(withoutAddress) : check.findings, note),
  ];

  if (views.Roster) {
    const rows = balanceByRegion(readMembers(views.Roster, settings), settings);
    sheets.push(reportBalanceSheet(rows, settings.minGenderShare, note));
    lines.push(...committeeLines(rows, settings));
  }
  let chart: TrendChartPlan | undefined;
  if (views.Timeline) {
    const { ctx } = timelineContext(
      { timeline: views.Timeline, meetings: optional("Meetings"), blackouts: optional("Blackouts") },
      settings,
      asOf,
      input.date1904,
    );
    sheets.push(reportTimelineSheet(ctx.milestones, asOf, settings.redSlipDays, note));
    lines.push(...timelineLines(ctx.milestones, check.findings, asOf, settings, reportTarget(ctx), ctx.meetings));
  }
  const history = input.history ? readForecastHistory(input.history, input.date1904) : [];
  const trend = trendSheet(history, note);
  if (trend) {
    sheets.push(trend.plan);
    chart = trend.chart;
  }
  const workshop = optional("Workshop");
  const rates = optional("Rates");
  if (workshop && rates) {
    const budget = computeBudget(readWorkshop(workshop, input.date1904), rates);
    const units = new Map(
      rates.rows.map((r) => [cellText(r.cells["Item"]).toLowerCase(), cellText(r.cells["Unit"])] as const),
    );
    sheets.push(reportBudgetSheet(budget, units, note));
    const defaults = [...units.values()].some((u) => /\(default\)/i.test(u));
    lines.push({
      area: "Budget",
      measure: "Total, with contingency",
      value: `${money(budget.total)} ${budget.currency}${budget.host ? ` (${money(budget.host)} expected from the host)` : ""}${defaults ? "; some rates are still the defaults" : ""}`,
      rag: budget.total <= 0 ? "Red" : defaults ? "Amber" : "Green",
    });
  }
  const tasks = optional("Tasks");
  if (tasks) {
    const resources = computeResources(readTasks(tasks, input.date1904));
    sheets.push(reportResourcesSheet(resources, note));
    const unreadable = check.findings.filter((f) => f.code === "TASK_INVALID_VALUE").length;
    lines.push({
      area: "Resources",
      measure: "Person-days planned",
      value: `${Math.round(resources.totalDays * 10) / 10} person-days over ${resources.roles.length} roles${unreadable ? `; ${unreadable} task cells cannot be counted` : ""}`,
      rag: resources.totalDays <= 0 ? "Red" : unreadable ? "Amber" : "Green",
    });
  }
  // The programme and the invitations, read the way the check read them (an unusable table is left out).
  const program = { Program: optional("Program"), Invitees: optional("Invitees"), Workshop: optional("Workshop") };
  const programInput = {
    views: program,
    settings,
    date1904: input.date1904,
    findings: check.findings,
    // Read once by the check; without a programme or invitation check there is nothing to read.
    rows: check.program ?? { sessions: undefined, invitees: undefined },
    note,
  };
  lines.push(...invitationLines(programInput));
  for (const sheet of [reportAgendaSheet(programInput), invitationsSheet(programInput)]) if (sheet) sheets.push(sheet);
  const s = check.summary;
  lines.push(
    { area: "Findings", measure: "Errors", value: String(s.errors), rag: s.errors ? "Red" : "Green" },
    { area: "Findings", measure: "Warnings", value: String(s.warnings), rag: s.warnings ? "Amber" : "Green" },
    { area: "Findings", measure: "Notes", value: String(s.info), rag: "Note" },
  );

  const summarySheet = summaryPlan(
    lines,
    s,
    asOf,
    options,
    sheets.map((p) => p.name),
  );
  const all = [summarySheet, ...sheets];
  const print = printOf(options, asOf);
  for (const sheet of all)
    sheet.print = { ...sheet.print, ...print, orientation: sheet.print?.orientation ?? "portrait" };
  summarySheet.print = { ...summarySheet.print!, pagesTall: 1 };
  const workbook: WorkbookPlan = {
    sheets: all,
    names: [],
    properties: {
      title: `IEWSC report: ${options.title}`,
      subject: `As of ${isoOf(asOf)}${options.share ? " (shared version)" : ""}`,
      creator: REPORT_CREATOR,
      created: `${isoOf(asOf)}T00:00:00Z`,
    },
  };
  if (options.share) {
    // The contract's e-mail columns, as typed: an address the pattern would miss ("jo@", "jo @ x.org")
    // is still an address someone typed. Only values with an at sign: a word typed there ("Accepted", "via the
    // secretariat") is no address, and replacing it everywhere would blank the report's own words. An Email
    // cell without one reaches the report only quoted by its finding, which `withoutAddress` leaves out.
    const typed = (["Roster", "Invitees"] as const).flatMap(
      (name) => optional(name)?.rows.map((r) => cellText(r.cells["Email"]).trim()) ?? [],
    );
    scrubPlan(workbook, chart, typed);
  }
  return { workbook, ...(chart ? { chart } : {}), summary: s, lines, asOf, findings: check.findings };
}

/** "123,456.50" */
const money = (n: number) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(n);
const pct = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)} %`);
const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);
const days = (n: number) => `${Math.abs(n)} day${Math.abs(n) === 1 ? "" : "s"}`;

function committeeLines(rows: ReturnType<typeof balanceByRegion>, settings: Settings): SummaryLine[] {
  const lines: SummaryLine[] = rows
    .filter((r) => r.kind === "region")
    .map((r) => ({
      area: "Committee",
      measure: `Seats filled: ${r.label}`,
      value: `${r.seatsFilled ?? 0} of ${r.seatsWanted ?? 0}`,
      rag: seatsRag(r.seatsFilled ?? 0, r.seatsWanted ?? 0),
    }));
  const total = rows.find((r) => r.kind === "total");
  if (total) {
    const line = `balance line ${pct(settings.minGenderShare)}, ITU reference 35 %`;
    lines.push(
      {
        area: "Committee",
        measure: "Share of women",
        value: `${pct(total.womenShare)} of ${total.female + total.male + total.other} stated (${line})`,
        rag: shareRag(total.womenShare, settings.minGenderShare),
      },
      {
        area: "Committee",
        measure: "Share of men",
        value: `${pct(total.menShare)} (${line})`,
        rag: shareRag(total.menShare, settings.minGenderShare),
      },
      {
        area: "Committee",
        measure: "Confirmed members",
        value: `${total.total} (at most ${settings.maxCommitteeSize})`,
        rag: total.total > settings.maxCommitteeSize ? "Amber" : "Green",
      },
    );
  }
  return lines;
}

function timelineLines(
  milestones: readonly Milestone[],
  findings: readonly Finding[],
  asOf: Day,
  settings: Settings,
  target: ReturnType<typeof reportTarget>,
  meetings: readonly { body: string; start: Day }[],
): SummaryLine[] {
  const states = milestones.map((m) => ({ m, s: milestoneState(m, asOf) }));
  const ids = (list: typeof states) => list.map(({ m }) => m.id || `row ${m.row}`).join(", ");
  const open = states
    .filter(({ m, s }) => m.actual.state === "blank" && (s.dateNow ?? s.plannedTo) !== undefined)
    .filter(({ s }) => (s.dateNow ?? s.plannedTo)! >= asOf)
    .sort((a, b) => (a.s.dateNow ?? a.s.plannedTo)! - (b.s.dateNow ?? b.s.plannedTo)!);
  const next = open[0];
  const slipped = states.filter(({ s }) => s.status === "Slipping");
  const overdue = states.filter(({ s }) => s.status === "Overdue");
  const atRisk = [
    ...new Set(findings.filter((f) => f.code === "TIMELINE_AT_RISK").map((f) => String((f.data as { id: string }).id))),
  ];
  const worstSlip = Math.max(0, ...slipped.map(({ s }) => s.slipDays ?? 0));
  const lines: SummaryLine[] = [
    next
      ? {
          area: "Timeline",
          measure: "Next milestone",
          value: `${next.m.id} ${short(next.m.title)}: ${longDate((next.s.dateNow ?? next.s.plannedTo)!)} (in ${days((next.s.dateNow ?? next.s.plannedTo)! - asOf)})`,
          rag: (next.s.slipDays ?? 0) >= settings.redSlipDays ? "Red" : (next.s.slipDays ?? 0) > 0 ? "Amber" : "Green",
        }
      : { area: "Timeline", measure: "Next milestone", value: "none still to come", rag: "Note" },
    {
      area: "Timeline",
      measure: "Slipped (forecast after the plan)",
      value: slipped.length ? `${slipped.length}: ${ids(slipped)} (worst ${days(worstSlip)})` : "none",
      rag: worstSlip >= settings.redSlipDays ? "Red" : slipped.length ? "Amber" : "Green",
    },
    {
      area: "Timeline",
      measure: "Overdue (no actual date, past due)",
      value: overdue.length ? `${overdue.length}: ${ids(overdue)}` : "none",
      rag: overdue.length ? "Red" : "Green",
    },
    {
      area: "Timeline",
      measure: "At risk (pushed by what they depend on)",
      value: atRisk.length ? `${atRisk.length}: ${atRisk.join(", ")}` : "none",
      rag: atRisk.length ? "Amber" : "Green",
    },
  ];
  const late = findings.some((f) => f.code === "TIMELINE_REPORT_LATE");
  lines.push(
    target
      ? {
          area: "Timeline",
          measure: "Days to the report deadline",
          value: `${target.deadline >= asOf ? days(target.deadline - asOf) : `${days(asOf - target.deadline)} past`}: due ${longDate(target.deadline)}, ${settings.reportLeadDays} days before ${target.meeting.body} on ${longDate(target.meeting.start)}`,
          rag: late || target.deadline < asOf ? "Red" : target.deadline - asOf < 30 ? "Amber" : "Green",
        }
      : reportMilestoneLine(milestones, asOf),
  );
  const wtsa = meetings.find((m) => /\bWTSA\b/i.test(m.body))?.start ?? WTSA_24;
  lines.push({
    area: "Timeline",
    measure: "Days to WTSA-24",
    value: wtsa >= asOf ? `${days(wtsa - asOf)} (${longDate(wtsa)})` : `held ${longDate(wtsa)}`,
    rag: wtsa >= asOf ? "Green" : "Note",
  });
  return lines;
}

/**
 * Without a WP2 or TSAG meeting after the workshop in `Meetings`, the report's own milestone (Kind
 * `Report`) gives the deadline: its date now, else its plan's latest day.
 */
function reportMilestoneLine(milestones: readonly Milestone[], asOf: Day): SummaryLine {
  const report = milestones.find((m) => m.kind === "Report" && dueDay(m) !== undefined);
  if (!report)
    return {
      area: "Timeline",
      measure: "Days to the report deadline",
      value:
        "no deadline: the timeline needs a Report milestone, or a Workshop milestone and a later WP2 or TSAG meeting",
      rag: "Amber",
    };
  const due = dueDay(report)!;
  return {
    area: "Timeline",
    measure: "Days to the report deadline",
    value: `${due >= asOf ? days(due - asOf) : `${days(asOf - due)} past`}: ${report.id} due ${longDate(due)} (no WP2 or TSAG meeting after the workshop in Meetings)`,
    rag: due < asOf && report.actual.state === "blank" ? "Red" : due - asOf < 30 ? "Amber" : "Green",
  };
}

const SUMMARY_HEADER_ROW = 6;

function summaryPlan(
  lines: readonly SummaryLine[],
  summary: Summary,
  asOf: Day,
  options: ReportOptions,
  detail: readonly string[],
): SheetPlan {
  const plan = emptySheet(SUMMARY_SHEET);
  plan.blocks.push(
    { ref: "A1", values: [[`IEWSC report: ${options.title}`]], style: "title" },
    {
      ref: "A2",
      values: [
        [`Generated by ${REPORT_CREATOR} from ${options.title}: every figure is a value computed as of that day.`],
      ],
      style: "note",
    },
    { ref: "A3", values: [[`As of ${longDate(asOf)} · ${countLine(summary)}`]], style: "subtitle" },
  );
  if (options.share) plan.blocks.push({ ref: "A4", values: [[SHARED_NOTE]], style: "subtitle" });
  plan.blocks.push({
    ref: `A${SUMMARY_HEADER_ROW}`,
    values: [["Area", "Measure", "Value", "Status"]],
    style: "label",
  });
  const body: PlanValue[][] = lines.map((l, i) => [
    i === 0 || lines[i - 1]!.area !== l.area ? l.area : "",
    l.measure,
    l.value,
    l.rag,
  ]);
  const first = SUMMARY_HEADER_ROW + 1;
  const last = SUMMARY_HEADER_ROW + body.length;
  plan.blocks.push({ ref: `A${first}`, values: body });
  plan.conditionalFormats.push(...ragFormats(`D${first}:D${last}`, `D${first}`));
  plan.blocks.push({
    ref: `A${last + 2}`,
    values: [
      [`Green on track · Amber to watch · Red to act on · Note for information. The detail: ${detail.join(", ")}.`],
    ],
    style: "note",
  });
  plan.columns = [12, 36, 80, 9].map((width, i) => ({ column: i + 1, width }));
  plan.tabColor = ACCENT;
  plan.print = { orientation: "landscape", titleRows: `${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}` };
  return plan;
}

/** Header and footer codes take `&` as a command: a title's own ampersands are doubled. */
const hf = (text: string) => text.replace(/&/g, "&&");

function printOf(options: ReportOptions, asOf: Day): Omit<PlanPrint, "orientation"> {
  return {
    paper: "A4",
    header: `&L&"-,Bold"IEWSC report&C${hf(options.title)}&Ras of ${longDate(asOf)}`,
    footer: `&L${options.share ? "Shared version: no personal contact data" : "Internal version"}&C&A&RPage &P of &N`,
  };
}

/**
 * A finding as the shared version quotes it: the value of an `Email` cell (which its finding quotes, cut to
 * 200 characters, where no pattern would know it for an address: "jo at x", "jo (at) x.org") is left out.
 */
function withoutAddress(f: Finding): Finding {
  if (f.column !== "Email" || !("value" in f.data)) return f;
  return { ...f, data: { ...f.data, value: EMAIL_LEFT_OUT } } as Finding;
}

/** Replaces every e-mail address in the plan's texts: the shared version carries none. */
function scrubPlan(workbook: WorkbookPlan, chart: TrendChartPlan | undefined, typed: readonly string[]): void {
  const scrubText = leaveOutAddresses(typed);
  const scrub = (v: PlanValue): PlanValue => (typeof v === "string" ? scrubText(v) : v);
  for (const sheet of workbook.sheets) {
    for (const block of sheet.blocks) block.values = block.values.map((row) => row.map(scrub));
    for (const table of sheet.tables) table.rows = table.rows.map((row) => row.map(scrub));
  }
  if (chart) for (const s of chart.series) s.name = scrubText(s.name);
}
