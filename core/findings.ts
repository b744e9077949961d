/**
 * Findings are data: a stable `code`, a severity, where the finding points, and the figures behind
 * it. The English wording lives in `messages.ts`; nothing here knows how a finding is shown.
 */
import { SEVERITY_RANK } from "./words";

export type Severity = "error" | "warning" | "info";

/** The figures behind each finding code (`data` of the finding). Dates are ISO strings. */
export interface FindingDataByCode {
  SETTINGS_INVALID_VALUE: { key: string; value: string; expected: string; used: string };
  SETTINGS_UNKNOWN_KEY: { key: string };
  ROSTER_INVALID_VALUE: {
    field: string;
    value: string;
    problem: "blank" | "not-allowed" | "region-missing";
    allowed?: string[];
  };
  ROSTER_ROLE_MISSING: { role: string };
  ROSTER_ROLE_DUPLICATE: { role: string; firstRow: number };
  ROSTER_REGION_SHORT: { region: string; count: number; wanted: number };
  ROSTER_REGION_OVER: { region: string; count: number; wanted: number };
  ROSTER_JUSTIFICATION_MISSING: { name: string };
  ROSTER_DUPLICATE_PERSON: { name: string; firstRow: number; by: "email" | "name" };
  ROSTER_GENDER_BALANCE: {
    female: number;
    male: number;
    other: number;
    share: number;
    under: "women" | "men";
    minShare: number;
  };
  ROSTER_SIZE: { count: number; max: number };
  ROSTER_EMAIL_INVALID: { value: string };
  ROSTER_ARBITRATION: {
    region: string;
    /** The candidates proposed for the free seats, by name, in row order. */
    selected: string[];
    passedOver: string[];
    /** Free seats: VolunteersPerRegion minus the region's confirmed volunteers. */
    seats: number;
    /** The share of the less-represented gender in the confirmed committee now, and with the proposal (4 decimals). */
    shareBefore: number;
    shareAfter: number;
    underBefore: "women" | "men";
    underAfter: "women" | "men";
  };
  TIMELINE_DATE_UNPARSEABLE: { text: string; field: string };
  TIMELINE_DATE_AMBIGUOUS: { text: string; reading: string; earliest: string; latest: string };
  TIMELINE_INVALID_VALUE: { field: string; value: string; problem: "blank" | "not-allowed"; allowed?: string[] };
  TIMELINE_DUPLICATE_ID: { id: string; firstRow: number };
  TIMELINE_DEPENDENCY_UNKNOWN: { id: string; dependsOn: string };
  TIMELINE_DEPENDENCY_CYCLE: { id: string; cycle: string[] };
  TIMELINE_SLIPPED: {
    id: string;
    slipDays: number;
    planned: string;
    effective: string;
    redSlipDays: number;
    by: "Actual" | "Forecast";
  };
  TIMELINE_OVERDUE: { id: string; due: string; asOf: string; daysOverdue: number; by: "Forecast" | "Calendar" };
  TIMELINE_ORDER: { id: string; dependsOn: string; date: string; dependencyDate: string; by: "effective" | "plan" };
  TIMELINE_AT_RISK: {
    id: string;
    projected: string;
    drivenBy: string;
    latest: string;
    slipDays: number;
    fixed: boolean;
  };
  TIMELINE_REPORT_LATE: {
    id: string;
    date: string;
    meeting: string;
    meetingStart: string;
    deadline: string;
    workshop: string;
    leadDays: number;
  };
  TIMELINE_BLACKOUT: { id: string; period: string; from: string; to: string; by: "effective" | "plan" };
  TASK_OVERDUE: { id: string; task: string; due: string; asOf: string; daysOverdue: number };
  TASK_OWNER_UNKNOWN: { id: string; owner: string };
  TASK_INVALID_VALUE: { id: string; field: string; value: string; elapsed?: true };
  TABLE_UNUSABLE: {
    /** The contract table (`Roster`). */
    table: string;
    /** The missing column, for `column-missing`. */
    column?: string;
    reason: "column-missing" | "no-header-row";
    /** Set when the column is required only because the roster has Regional Volunteers. */
    requiredFor?: "volunteers";
    /** The check that needed the table, or `settings`. */
    check: "roster" | "timeline" | "tasks" | "program" | "invitees" | "settings";
    /** What followed: that check did not run, it ran without this table, or the default settings were used. */
    effect: "not-checked" | "checked-without" | "defaults-used";
  };
  PROGRAM_INVALID_VALUE: {
    session: string;
    field: string;
    value: string;
    problem: "blank" | "unreadable" | "not-after-start" | "not-allowed";
    allowed?: string[];
  };
  PROGRAM_DUPLICATE_SESSION: { session: string; firstRow: number };
  PROGRAM_OUTSIDE_WORKSHOP: { session: string; day: string; first: string; last: string };
  /** `session` is the other session; `start`–`end` the time both hold (`HH:MM`). */
  PROGRAM_OVERLAP: { id: string; session: string; room: string; day: string; start: string; end: string };
  PROGRAM_SPEAKER_CLASH: { id: string; name: string; session: string; day: string; start: string; end: string };
  PROGRAM_SPEAKER_UNKNOWN: { id: string; name: string; as: "Moderator" | "Speaker" };
  PROGRAM_SPEAKER_DECLINED: { id: string; name: string; as: "Moderator" | "Speaker"; inviteeRow: number };
  PROGRAM_SPEAKER_UNCONFIRMED: {
    name: string;
    status: "To invite" | "Invited";
    sessions: string[];
    /** The day from which it is an error (the workshop's start less SpeakerConfirmDays), when known. */
    confirmBy?: string;
    confirmDays: number;
  };
  PROGRAM_SINGLE_GENDER_PANEL: { id: string; gender: "women" | "men"; count: number; names: string[] };
  PROGRAM_SPEAKER_BALANCE: {
    female: number;
    male: number;
    other: number;
    share: number;
    under: "women" | "men";
    minShare: number;
  };
  PROGRAM_INDUSTRY_SHARE: { industry: number; withSector: number; share: number; minShare: number };
  INVITE_INVALID_VALUE: {
    name: string;
    field: string;
    value: string;
    problem: "blank" | "not-allowed" | "unreadable";
    allowed?: string[];
  };
  INVITE_DUPLICATE: { name: string; firstRow: number; by: "email" | "name" };
  INVITE_CONTACT_MISSING: { name: string; status: "To invite" | "Invited" };
  INVITE_EMAIL_INVALID: { name: string; value: string };
  INVITE_NO_REPLY: { name: string; replyBy: string; asOf: string; daysOverdue: number };
  INVITE_LATE: {
    name: string;
    /** Speaker, Moderator or Panellist: as Invited As says, else as the programme names them. */
    as: string;
    /** The workshop's start less InvitationLeadDays. */
    deadline: string;
    leadDays: number;
    by: "status" | "invited-on";
    invitedOn?: string;
  };
}

export type FindingCode = keyof FindingDataByCode;

/** One finding, discriminated on `code` so that `data` is typed for each code. */
export type Finding = {
  [C in FindingCode]: {
    code: C;
    severity: Severity;
    /** The worksheet the finding points into. */
    sheet: string;
    /** The worksheet row as Excel shows it (1-based), or `null` for the whole table. */
    row: number | null;
    /** The contract's column header, or `null` for the whole row or table. */
    column: string | null;
    data: FindingDataByCode[C];
  };
}[FindingCode];

/** A finding of a given code. */
export type FindingOf<C extends FindingCode> = Extract<Finding, { code: C }>;

/** Builds a finding; a small helper so that rules read as one line each. */
export function finding<C extends FindingCode>(
  code: C,
  severity: Severity,
  at: { sheet: string; row: number | null; column: string | null },
  data: FindingDataByCode[C],
): FindingOf<C> {
  return { code, severity, sheet: at.sheet, row: at.row, column: at.column, data } as FindingOf<C>;
}

export interface Summary {
  errors: number;
  warnings: number;
  info: number;
}

/** Counts findings by severity. */
export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, info: 0 };
  for (const f of findings) {
    if (f.severity === "error") summary.errors++;
    else if (f.severity === "warning") summary.warnings++;
    else summary.info++;
  }
  return summary;
}

/** The order findings are shown in everywhere: severity, sheet, row (table-wide first), column, code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.sheet.localeCompare(b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.column ?? "").localeCompare(b.column ?? "") ||
    a.code.localeCompare(b.code) ||
    JSON.stringify(a.data).localeCompare(JSON.stringify(b.data))
  );
}

/** Findings sorted in display order (a new array). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
