/**
 * One entry point for checking a workbook, used by the command line and the task pane alike.
 */
import type { Day } from "./dates/calendar";
import { TableMissingError } from "./errors";
import { type Finding, type Summary, sortFindings, summarize } from "./findings";
import { checkInvitees, checkProgram } from "./program/check-program";
import { checkRoster } from "./roster/check-roster";
import { checkTasks } from "./tasks/check-tasks";
import { checkTimeline } from "./timeline/check-timeline";
import { type Settings, readSettings } from "./settings";
import type { TableName } from "./tables/contract";
import { type RawTable, type TableView, readTable } from "./tables/read-table";

/** What an adapter found in a workbook: the raw tables by contract name, and its date system. */
export interface WorkbookInput {
  tables: Partial<Record<TableName, RawTable>>;
  /** True for a workbook in the 1904 date system (old Mac Excel). */
  date1904: boolean;
}

export interface CheckOptions {
  /** The day "today" means; overrides the Settings table's `AsOf`. */
  asOf?: Day;
  /**
   * The day it is where the user is (the adapters pass the local calendar day); used for "today"
   * when neither `asOf` nor the Settings table's `AsOf` says otherwise.
   */
  today?: Day;
  /** Which checks to run; by default every check the workbook's tables allow. */
  only?: readonly CheckName[];
}

export type CheckName = "roster" | "timeline" | "tasks" | "program" | "invitees";

/** What a checker is given: its own table, read, and the rest of the workbook. */
interface CheckerInput {
  view: TableView;
  settings: Settings;
  asOf: Day | undefined;
  date1904: boolean;
  /** Reads another (optional) table of the workbook, once. */
  optional(name: TableName): TableView | undefined;
}

interface Checker {
  name: CheckName;
  table: TableName;
  run(input: CheckerInput): Finding[];
}

/** The checks, each with the table it needs. */
const CHECKERS: readonly Checker[] = [
  { name: "roster", table: "Roster", run: ({ view, settings }) => checkRoster(view, settings) },
  {
    name: "timeline",
    table: "Timeline",
    run: ({ view, settings, asOf, date1904, optional }) =>
      checkTimeline(
        { timeline: view, meetings: optional("Meetings"), blackouts: optional("Blackouts") },
        settings,
        asOf,
        date1904,
      ),
  },
  {
    name: "tasks",
    table: "Tasks",
    run: ({ view, settings, asOf, date1904, optional }) =>
      checkTasks(view, optional("Roster"), settings, asOf, date1904),
  },
  {
    name: "program",
    table: "Program",
    run: ({ view, settings, asOf, date1904, optional }) =>
      checkProgram(
        { program: view, invitees: optional("Invitees"), workshop: optional("Workshop") },
        settings,
        asOf,
        date1904,
      ),
  },
  {
    name: "invitees",
    table: "Invitees",
    run: ({ view, settings, asOf, date1904, optional }) =>
      checkInvitees(
        { invitees: view, program: optional("Program"), workshop: optional("Workshop") },
        settings,
        asOf,
        date1904,
      ),
  },
];

export interface CheckResult {
  /** Findings in display order. */
  findings: Finding[];
  summary: Summary;
  settings: Settings;
  /** The day that counted as today (`undefined` when none was given). */
  asOf: Day | undefined;
  /** The checks that ran. */
  checked: CheckName[];
  /** The tables read, by contract name (for highlighting and going to a cell). */
  views: Partial<Record<TableName, TableView>>;
}

/**
 * Runs every check that the workbook's tables allow. Throws `TableMissingError` when none of the
 * tables a check needs is there, or `ColumnMissingError` when a required column is missing.
 *
 * @example checkWorkbook({ tables: { Roster: raw }, date1904: false }).summary // { errors: 2, warnings: 0, info: 0 }
 */
export function checkWorkbook(input: WorkbookInput, options: CheckOptions = {}): CheckResult {
  const wanted = CHECKERS.filter((c) => !options.only || options.only.includes(c.name));
  const present = wanted.filter((c) => input.tables[c.table]);
  if (present.length === 0) {
    const names = [...new Set(wanted.map((c) => c.table))];
    throw new TableMissingError(
      `no ${names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : names[0]} table was found (neither an Excel table nor a sheet of that name)`,
      { table: names[0]! },
    );
  }
  const views: Partial<Record<TableName, TableView>> = {};
  const settingsRaw = input.tables.Settings;
  if (settingsRaw) views.Settings = readTable(settingsRaw);
  const read = readSettings(views.Settings, input.date1904);
  const settings = options.asOf === undefined ? read.settings : { ...read.settings, asOf: options.asOf };
  const findings: Finding[] = [...read.findings];
  const optional = (name: TableName): TableView | undefined => {
    const raw = input.tables[name];
    if (raw && !views[name]) views[name] = readTable(raw);
    return views[name];
  };
  const asOf = settings.asOf ?? options.today;
  for (const checker of present) {
    const view = readTable(input.tables[checker.table]!);
    views[checker.table] = view;
    findings.push(...checker.run({ view, settings, asOf, date1904: input.date1904, optional }));
  }
  const sorted = sortFindings(findings);
  return { findings: sorted, summary: summarize(sorted), settings, asOf, checked: present.map((c) => c.name), views };
}
