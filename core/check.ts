/**
 * The one entry point for checking a workbook, used by the command line and the add-in alike. It
 * decides, once, which checks run, which are skipped and why, which findings belong to the check the
 * user asked for, and it reads the settings and builds the timeline's milestones and graph once per
 * action: an adapter only reads the tables in and writes the result out.
 */
import type { Day } from "./dates/calendar";
import { ColumnMissingError, TableMissingError, TableUnusableError, type WorkbookError } from "./errors";
import { type Finding, type FindingOf, type Summary, finding, sortFindings, summarize } from "./findings";
import { checkInvitees, checkProgram } from "./program/check-program";
import { type ProgramRows, readProgramRows } from "./program/program-rows";
import { checkRoster } from "./roster/check-roster";
import { type Member, readMembers } from "./roster/member";
import { type CheckName, ownerOf } from "./rules";
import { type Settings, readSettings } from "./settings";
import { checkTasks } from "./tasks/check-tasks";
import type { TableName } from "./tables/contract";
import { type RawTable, type TableView, readTable } from "./tables/read-table";
import { TIMELINE_RULES, timelineContext } from "./timeline/check-timeline";
import type { TimelineContext } from "./timeline/rule";
import { listOf } from "./words";

export type { CheckName } from "./rules";

/** What an adapter found in a workbook: the raw tables by contract name, and its date system. */
export interface WorkbookInput {
  tables: Partial<Record<TableName, RawTable>>;
  /** True for a workbook in the 1904 date system (old Mac Excel). */
  date1904: boolean;
}

/** The check the user asked for, or every check the workbook allows. */
export type CheckFocus = CheckName | "all";

export interface CheckOptions {
  /**
   * The check the user asked for (default `all`). Every check the workbook allows runs whatever the
   * focus (the `Checks` sheet holds them all); the focus decides which table must be there and which
   * findings are `focused`.
   */
  focus?: CheckFocus;
  /** The day "today" means; overrides the Settings table's `AsOf`. */
  asOf?: Day;
  /**
   * The day it is where the user is (the adapters pass the local calendar day); used for "today"
   * when neither `asOf` nor the Settings table's `AsOf` says otherwise.
   */
  today?: Day;
}

/** The checks in the order they run, each with the table it needs. */
export const CHECKS: readonly { name: CheckName; table: TableName }[] = [
  { name: "roster", table: "Roster" },
  { name: "timeline", table: "Timeline" },
  { name: "tasks", table: "Tasks" },
  { name: "program", table: "Program" },
  { name: "invitees", table: "Invitees" },
];

/**
 * The checks whose findings a focus lists: Check timeline lists the schedule, its milestones and tasks;
 * Check programme the sessions and the invitations.
 */
export const FOCUS_CHECKS: Readonly<Record<CheckFocus, readonly CheckName[]>> = {
  roster: ["roster"],
  timeline: ["timeline", "tasks"],
  tasks: ["tasks"],
  program: ["program", "invitees"],
  invitees: ["invitees"],
  all: ["roster", "timeline", "tasks", "program", "invitees"],
};

/** What became of one check. */
export type CheckRun =
  | { check: CheckName; table: TableName; state: "ran" }
  | { check: CheckName; table: TableName; state: "skipped"; reason: "no-table" | "table-unusable" };

/** The timeline as read once for the rules, and reused for the status columns and the forecasts. */
export interface TimelineRead {
  ctx: TimelineContext;
  view: TableView;
}

export interface CheckResult {
  focus: CheckFocus;
  /** Every finding of every check that ran (with the settings' and `TABLE_UNUSABLE`), in display order. */
  findings: Finding[];
  summary: Summary;
  /** The findings of the focus (the settings' and its tables' `TABLE_UNUSABLE` included), in display order. */
  focused: Finding[];
  focusedSummary: Summary;
  /** Every check, in order, with what became of it. */
  runs: CheckRun[];
  /** The checks that ran. */
  checked: CheckName[];
  settings: Settings;
  /** The day that counted as today (`undefined` when none was given). */
  asOf: Day | undefined;
  /** The tables read, by contract name (for highlighting and going to a cell). */
  views: Partial<Record<TableName, TableView>>;
  /** The timeline read once, when the timeline check ran. */
  timeline: TimelineRead | undefined;
  /** The Program and Invitees rows read once, when the programme or the invitation check ran. */
  program: ProgramRows | undefined;
}

/**
 * A check's result, or why no check could run at all (the command line's exit code 2). Where that is
 * because the tables there cannot be used, `result` still holds their `TABLE_UNUSABLE` findings (and the
 * settings'), so that Build can put them on its `Checks` sheet rather than leave them unsaid.
 */
export type CheckOutcome =
  | ({ usable: true } & CheckResult)
  | { usable: false; error: WorkbookError; result?: CheckResult };

/** What a table became when read: a view, a table that cannot be used, or nothing (not there). */
type Read = { view: TableView } | { error: TableUnusableError; raw: RawTable } | undefined;

/** Reads the tables of one input, each at most once. */
class Reader {
  private readonly reads = new Map<TableName, Read>();
  private roster: Member[] | undefined;
  private program: ProgramRows | undefined;

  constructor(private readonly input: WorkbookInput) {}

  table(name: TableName): Read {
    if (!this.reads.has(name)) {
      const raw = this.input.tables[name];
      let read: Read;
      try {
        read = raw && { view: readTable(raw) };
      } catch (e) {
        if (!(e instanceof TableUnusableError)) throw e;
        read = { error: e, raw: raw! };
      }
      this.reads.set(name, read);
    }
    return this.reads.get(name);
  }

  /** The roster's members: a roster with volunteers and no Region column cannot be used either. */
  members(settings: Settings): Read {
    const read = this.table("Roster");
    if (!read || !("view" in read) || this.roster) return read;
    try {
      this.roster = readMembers(read.view, settings);
    } catch (e) {
      if (!(e instanceof TableUnusableError)) throw e;
      const unusable = { error: e, raw: this.input.tables.Roster! };
      this.reads.set("Roster", unusable);
      return unusable;
    }
    return read;
  }

  rosterMembers(): Member[] | undefined {
    return this.roster;
  }

  /** The Program and Invitees rows (of the tables that can be used), read on the first call only. */
  programRows(settings: Settings): ProgramRows {
    if (!this.program) {
      const view = (t: TableName) => {
        const read = this.table(t);
        return read && "view" in read ? read.view : undefined;
      };
      this.program = readProgramRows(
        { program: view("Program"), invitees: view("Invitees") },
        settings,
        this.input.date1904,
      );
    }
    return this.program;
  }

  programRowsRead(): ProgramRows | undefined {
    return this.program;
  }

  views(): Partial<Record<TableName, TableView>> {
    const out: Partial<Record<TableName, TableView>> = {};
    for (const [name, read] of this.reads) if (read && "view" in read) out[name] = read.view;
    return out;
  }
}

function unusable(
  read: { error: TableUnusableError; raw: RawTable },
  check: FindingOf<"TABLE_UNUSABLE">["data"]["check"],
  effect: FindingOf<"TABLE_UNUSABLE">["data"]["effect"],
): Finding {
  const { error, raw } = read;
  const column = error.where.column;
  return finding(
    "TABLE_UNUSABLE",
    "error",
    { sheet: raw.sheet, row: null, column: column ?? null },
    {
      table: raw.name,
      ...(column === undefined ? {} : { column }),
      reason: error.reason,
      ...(error instanceof ColumnMissingError && error.requiredFor ? { requiredFor: error.requiredFor } : {}),
      check,
      effect,
    },
  );
}

/** The settings, read once per action: a Settings table that cannot be used gives its defaults. */
function settingsOf(reader: Reader, input: WorkbookInput, options: CheckOptions) {
  const read = reader.table("Settings");
  const findings: Finding[] = [];
  if (read && "error" in read) findings.push(unusable(read, "settings", "defaults-used"));
  const fromTable = readSettings(read && "view" in read ? read.view : undefined, input.date1904);
  pushAll(findings, fromTable.findings);
  const settings = options.asOf === undefined ? fromTable.settings : { ...fromTable.settings, asOf: options.asOf };
  return { settings, findings, asOf: settings.asOf ?? options.today };
}

const missing = (table: TableName) =>
  new TableMissingError(`no ${table} table was found (neither an Excel table nor a sheet of that name)`, { table });

/**
 * Runs every check the workbook's tables allow, and says which findings belong to the focus. Never
 * throws a `WorkbookError`: a workbook where no check can run (or where the focus's table is missing)
 * gives `{ usable: false, error }`. A table that is there but cannot be used becomes a `TABLE_UNUSABLE`
 * finding and the other checks still run.
 *
 * @example
 * const outcome = runChecks({ tables: { Roster: rosterWithoutGender, Timeline: timeline }, date1904: false });
 * outcome.usable && outcome.runs
 * // [{ check: "roster", table: "Roster", state: "skipped", reason: "table-unusable" },
 * //  { check: "timeline", table: "Timeline", state: "ran" },
 * //  { check: "tasks", table: "Tasks", state: "skipped", reason: "no-table" }]
 */
export function runChecks(input: WorkbookInput, options: CheckOptions = {}): CheckOutcome {
  const focus = options.focus ?? "all";
  const reader = new Reader(input);
  const { settings, findings, asOf } = settingsOf(reader, input, options);
  const runs: CheckRun[] = [];
  let timeline: TimelineRead | undefined;
  for (const { name, table } of CHECKS) {
    const read = name === "roster" ? reader.members(settings) : reader.table(table);
    if (!read) {
      runs.push({ check: name, table, state: "skipped", reason: "no-table" });
      continue;
    }
    if ("error" in read) {
      runs.push({ check: name, table, state: "skipped", reason: "table-unusable" });
      findings.push(unusable(read, name, "not-checked"));
      continue;
    }
    runs.push({ check: name, table, state: "ran" });
    if (name === "roster") {
      pushAll(findings, checkRoster(read.view, settings, undefined, reader.rosterMembers()));
    } else if (name === "timeline") {
      const aux = (t: TableName) => {
        const r = reader.table(t);
        if (r && "error" in r) findings.push(unusable(r, "timeline", "checked-without"));
        return r && "view" in r ? r.view : undefined;
      };
      const built = timelineContext(
        { timeline: read.view, meetings: aux("Meetings"), blackouts: aux("Blackouts") },
        settings,
        asOf,
        input.date1904,
      );
      timeline = { ctx: built.ctx, view: read.view };
      pushAll(findings, built.findings);
      for (const rule of TIMELINE_RULES) pushAll(findings, rule.check(built.ctx));
    } else if (name === "program" || name === "invitees") {
      const aux = (t: TableName) => {
        const r = reader.table(t);
        // A table unusable for both checks is said once; Program and Invitees are said by their own check.
        if (r && "error" in r && t === "Workshop") {
          const said = findings.some((f) => f.code === "TABLE_UNUSABLE" && f.data.table === r.raw.name);
          if (!said) findings.push(unusable(r, name, "checked-without"));
        }
        return r && "view" in r ? r.view : undefined;
      };
      pushAll(
        findings,
        name === "program"
          ? checkProgram(
              {
                program: read.view,
                invitees: aux("Invitees"),
                workshop: aux("Workshop"),
                rows: reader.programRows(settings),
              },
              settings,
              asOf,
              input.date1904,
            )
          : checkInvitees(
              {
                invitees: read.view,
                program: aux("Program"),
                workshop: aux("Workshop"),
                rows: reader.programRows(settings),
              },
              settings,
              asOf,
              input.date1904,
            ),
      );
    } else {
      const roster = reader.members(settings);
      pushAll(
        findings,
        checkTasks(read.view, roster && "view" in roster ? roster.view : undefined, settings, asOf, input.date1904),
      );
    }
  }
  const checked = runs.filter((r) => r.state === "ran").map((r) => r.check);
  const wanted = focus === "all" ? undefined : CHECKS.find((c) => c.name === focus)!.table;
  if (wanted && !input.tables[wanted]) return { usable: false, error: missing(wanted) };
  const sorted = sortFindings(findings);
  const focused = sorted.filter((f) => inFocus(f, focus));
  const result: CheckResult = {
    focus,
    findings: sorted,
    summary: summarize(sorted),
    focused,
    focusedSummary: summarize(focused),
    runs,
    checked,
    settings,
    asOf,
    views: reader.views(),
    timeline,
    program: reader.programRowsRead(),
  };
  if (checked.length === 0) {
    const first = [...(wanted ? [wanted] : []), ...CHECKS.map((c) => c.table)]
      .map((t) => reader.table(t))
      .find((r) => r && "error" in r);
    if (first && "error" in first) return { usable: false, error: first.error, result };
    const names = CHECKS.map((c) => c.table);
    return {
      usable: false,
      error: new TableMissingError(
        `no ${listOf(names, "or")} table was found (neither an Excel table nor a sheet of that name)`,
        { table: names[0]! },
      ),
    };
  }
  return { usable: true, ...result };
}

/**
 * Whether a finding belongs to a focus: the settings' belong to every one; a `TABLE_UNUSABLE` to the
 * check that needed the table; every other code to the check its rule is registered under.
 *
 * @example inFocus(findingOf("TASK_OVERDUE"), "timeline") // true: Check timeline lists the schedule
 */
export function inFocus(f: Finding, focus: CheckFocus): boolean {
  const of = f.code === "TABLE_UNUSABLE" ? f.data.check : ownerOf(f.code);
  return of === "settings" || (of !== "workbook" && FOCUS_CHECKS[focus].includes(of));
}

/**
 * `runChecks`, throwing the `WorkbookError` of a workbook where no check can run: `TableMissingError`
 * when none of the tables a check needs is there (or the focus's), or the `TableUnusableError` of a
 * table that cannot be used when it was the only one.
 *
 * @example checkWorkbook({ tables: { Roster: raw }, date1904: false }).summary // { errors: 2, warnings: 0, info: 0 }
 */
export function checkWorkbook(input: WorkbookInput, options: CheckOptions = {}): CheckResult {
  const outcome = runChecks(input, options);
  if (!outcome.usable) throw outcome.error;
  const { usable: _, ...result } = outcome;
  return result;
}

/** The settings and the Roster, read for arbitration and the `Balance` sheet. */
export interface RosterRead {
  settings: Settings;
  /** The settings' own findings (a value that cannot be read, an unknown key, an unusable table). */
  settingsFindings: Finding[];
  view: TableView;
  members: Member[];
}

/**
 * Reads the settings and the roster for Arbitrate: throws `TableMissingError` without a Roster, or the
 * `TableUnusableError` of a roster that cannot be used (arbitration needs it whole).
 *
 * @example readRoster(input).members.length // 15
 */
export function readRoster(input: WorkbookInput, options: Pick<CheckOptions, "today"> = {}): RosterRead {
  const reader = new Reader(input);
  const { settings, findings } = settingsOf(reader, input, options);
  const read = reader.members(settings);
  if (!read) throw missing("Roster");
  if ("error" in read) throw read.error;
  return { settings, settingsFindings: findings, view: read.view, members: reader.rosterMembers()! };
}

/**
 * Reads the settings and the timeline (milestones, graph, knock-on) without running a rule, for Record
 * forecasts. Throws `TableMissingError` without a Timeline, or the `TableUnusableError` of one that
 * cannot be used.
 *
 * @example readTimeline(input, { today }).ctx.milestones.length // 8
 */
export function readTimeline(
  input: WorkbookInput,
  options: Pick<CheckOptions, "today"> = {},
): TimelineRead & { settings: Settings; asOf: Day | undefined } {
  const reader = new Reader(input);
  const { settings, asOf } = settingsOf(reader, input, options);
  const read = reader.table("Timeline");
  if (!read) throw missing("Timeline");
  if ("error" in read) throw read.error;
  const { ctx } = timelineContext({ timeline: read.view }, settings, asOf, input.date1904);
  return { ctx, view: read.view, settings, asOf };
}

/** Appends one by one: `push(...items)` passes every item as an argument and overflows the stack past ~100,000. */
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}
