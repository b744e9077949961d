/**
 * The IEWSC engine's public surface: what the add-in (addin/), the command line (scripts/), the tests and
 * the benchmark use, named one by one, as zod's `core/index.ts` does.
 *
 * What is not here is private to its module or to the core: the rules themselves (reached through
 * `checkWorkbook`), the readers' helpers, the formulas' building blocks, the layout constants of each
 * sheet plan. Keeping them out means a rename inside the core breaks nothing outside it, and an adapter
 * cannot re-decide what the core decides (which sheet is ours, which format a cell takes, how a cell looks).
 * A name joins this list when an adapter needs it; one that nothing outside the core imports leaves it.
 */

// Errors at the edge: a workbook that cannot be used, or would lose something of the user's.
export {
  ColumnMissingError,
  GeneratedClashError,
  HeaderRowMissingError,
  isWorkbookError,
  TableMissingError,
  UnreadableWorkbookError,
  WorkbookError,
  WouldLoseDataError,
} from "./errors";

// Reading a workbook: the contract of its tables, cells as plain values, A1 addresses and calendar days.
export {
  CONTRACT,
  TABLE_NAMES,
  type TableName,
} from "./tables/contract";
export {
  readTable,
  type RawTable,
  type TableView,
} from "./tables/read-table";
export {
  cellText,
  matchKey,
  personKey,
  readNumber,
  readStoredBoolean,
  readYesNo,
  safeText,
  type CellValue,
} from "./cells";
export {
  a1,
  parseA1,
  parseRange,
  rangeOf,
  growBox,
} from "./a1";
export {
  addMonths,
  dayFromSerial,
  dayFromYMD,
  dayOfIso,
  dayOfLocalDate,
  isoOf,
  longDate,
  serialOf,
  type Day,
} from "./dates/calendar";
export { type FormatKind, numberFormatKind } from "./dates/number-format";
export { readDate } from "./dates/read-date";
export { clock, readTime } from "./dates/read-time";
export {
  GENDERS,
  INVITE_STATUSES,
  ITU6_REGIONS,
  regionsOf,
  ROLES,
  STATUSES,
  type Gender,
  type InviteStatus,
  type Region,
  type Status,
} from "./vocab";

// Checking: the entry point, settings, findings as data and their words.
export {
  checkWorkbook,
  inFocus,
  readRoster,
  readTimeline,
  runChecks,
  type CheckName,
  type CheckResult,
  type WorkbookInput,
} from "./check";
// The rules, one per finding code, registered once (the docs table and the registry test read it).
export {
  INVITE_RULES,
  PROGRAM_RULES,
  READER_CODES,
  REGISTRY,
  ROSTER_RULES,
  TASK_RULES,
  TIMELINE_RULES,
} from "./rules";
export type { Rule } from "./rule";
// Words every front end shares, and the one way genders are counted.
export {
  countLine,
  listOf,
  percent,
  plural,
  SEVERITY_COLOUR,
  SEVERITY_LABEL,
  SEVERITY_NOUN,
  SEVERITIES,
} from "./words";
export { lessRepresented, roundShare, sharesOf, statedOf } from "./roster/gender";
export {
  DEFAULT_SETTINGS,
  readSettings,
  type Settings,
} from "./settings";
export {
  sortFindings,
  summarize,
  type Finding,
  type FindingOf,
  type Severity,
  type Summary,
} from "./findings";
export {
  describe,
  messageOf,
  type DescribedFinding,
} from "./messages";
export { checkRoster } from "./roster/check-roster";
export {
  readMembers,
  type Member,
} from "./roster/member";
export { checkTasks } from "./tasks/check-tasks";
// The programme and the invitations: sessions and invitees as read, and the mail-merge list.
export { checkInvitees, checkProgram } from "./program/check-program";
export { readInvitees, type Invitee } from "./program/invitee";
export { readSessions, type Session } from "./program/session";
export { csvField, mailMergeList, readInviteStatus, toCsv, type MailMergeList } from "./program/mail-merge";
export {
  checkTimeline,
  timelineContext,
} from "./timeline/check-timeline";

// Arbitration and balance.
export {
  arbitrate,
  type Arbitration,
  type Balance,
} from "./roster/arbitrate";
export {
  balanceByRegion,
  LEADERSHIP_ROW,
  TOTAL_ROW,
  UNPLACED_ROW,
  type BalanceRow,
} from "./roster/balance";

// Budget and resources.
export {
  BUDGET_SHEET,
  computeBudget,
} from "./budget/budget";
export {
  buildPlan,
  type BuildPlan,
} from "./budget/build";
export {
  computeResources,
  RESOURCES_SHEET,
} from "./budget/resources";
export {
  defaultTasks,
  readTasks,
} from "./budget/tasks";
export { readWorkshop } from "./budget/workshop";

// What we write: sheet plans (styles included), the generated-sheet registry, highlights and the template.
export {
  cellFormat,
  columnWidthPoints,
  emptySheet,
  RAG,
  STYLES,
  type CellStyle,
  type CellStyleSpec,
  type PlanBlock,
  type PlanBorder,
  type PlanColumnFormat,
  type PlanConditionalFormat,
  type PlanPrint,
  moneyFormat,
  printSetup,
  rowHeightsOf,
  wrappedLines,
  LINE_POINTS,
  type PlanTable,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
} from "./plans/sheet-plan";
export {
  GENERATED,
  GENERATED_NOTE,
  addedTableClash,
  generatedClash,
  generatedNote,
  isGeneratedNote,
  NOTE_CELL,
  OWN_SHEETS,
  sameName,
  type GeneratedKey,
  type GeneratedSheet,
  type WorkbookShape,
} from "./plans/generated";
export {
  CHECKS_SHEET,
  CHECKS_SHEET_MAX_ROWS,
  checksSheet,
  checksSheetOf,
} from "./plans/checks-sheet";
export {
  BALANCE_HEADROOM,
  BALANCE_SHEET,
  balanceSheet,
} from "./plans/balance-sheet";
export {
  besideConflict,
  takenCells,
} from "./plans/beside";
export {
  FORECAST_HISTORY_SHEET,
  FORECAST_HISTORY_TABLE,
  forecastHistorySheet,
  MAX_TREND_MILESTONES,
  mergeHistory,
  MTA_CHART,
  recordForecasts,
  trendChartAnchor,
  trendRange,
  trendTable,
  type ForecastRecord,
} from "./plans/forecast-history";
export {
  highlightPlans,
  locate,
  type CellLocation,
  type HighlightPlan,
} from "./plans/highlights";
export {
  TEMPLATE_TABLES,
  templatePlan,
  VALIDATED_ROWS,
} from "./plans/template";
export { timelineSheets } from "./plans/timeline-sheets";
export {
  milestoneState,
  STATUS_MARKER,
  STATUS_COLUMNS,
  TIMELINE_STATUS_TABLE,
  type BesideTablePlan,
} from "./plans/timeline-status";
export { TIMELINE_VIEW_SHEET } from "./plans/timeline-view";
export {
  AGENDA_SHEET,
  agendaBalance,
  agendaSheet,
  type AgendaBalance,
} from "./plans/agenda-sheet";
export { statusStaleAfter } from "./plans/status-stale";

// Reports: a new workbook of values, built from the engine's results (iewsc report, Export report).
export {
  EMAIL_LEFT_OUT,
  REPORT_CREATOR,
  reportPlan,
  SHARED_NOTE,
  SUMMARY_SHEET,
  WTSA_24,
  type ReportInput,
  type ReportOptions,
  type ReportPlan,
  type SummaryLine,
} from "./plans/report";
export { FINDINGS_SHEET, FINDINGS_TABLE, GANTT_CODE, type Rag } from "./plans/report-sheets";
export { readForecastHistory, TREND_SHEET, type TrendChartPlan } from "./plans/report-trend";
export { INVITATIONS_SHEET, INVITATIONS_TABLE } from "./plans/report-program";
