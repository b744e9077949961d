/**
 * The English wording of every finding, apart from the rules (as zod keeps its locale maps apart).
 * The task pane, the `Checks` sheet, the reports and the command line all call `messageOf`.
 */
import { dayOfIso, longDate } from "./dates/calendar";
import type { Finding, FindingCode, FindingDataByCode } from "./findings";
import { listOf, percent as pct, plural } from "./words";

type Wording = { [C in FindingCode]: (data: FindingDataByCode[C], f: Extract<Finding, { code: C }>) => string };

/** An ISO date as people read it: "19 April 2024". */
const day = (iso: string) => {
  const d = dayOfIso(iso);
  return d === undefined ? iso : longDate(d);
};
/** Allowed values as a choice: "A, B or C". */
const list = (items: readonly string[]) => listOf(items, "or");
const names = (people: readonly string[], conjunction: "and" | "or" = "and") =>
  listOf(
    people.map((n) => n || "(no name)"),
    conjunction,
  );

/** The check as the subject of a sentence, with its verb: "the roster was", "the tasks were". */
const CHECK_WAS = {
  roster: "the roster was",
  timeline: "the timeline was",
  tasks: "the tasks were",
  program: "the programme was",
  invitees: "the invitations were",
  settings: "the settings were",
};

const WORDING: Wording = {
  SETTINGS_INVALID_VALUE: (d) =>
    `The setting ${d.key} is "${d.value}", but it should be ${d.expected}; ${d.used} is used instead.`,
  SETTINGS_UNKNOWN_KEY: (d) => `The setting "${d.key}" is not one this tool knows; it is ignored.`,
  ROSTER_INVALID_VALUE: (d) => {
    if (d.problem === "blank") return `${d.field} is blank; every member needs a ${d.field.toLowerCase()}.`;
    if (d.problem === "region-missing") return `This volunteer has no Region; choose one of ${list(d.allowed ?? [])}.`;
    return `"${d.value}" is not a ${d.field} this roster knows; use ${list(d.allowed ?? [])}.`;
  },
  ROSTER_ROLE_MISSING: (d) => `No confirmed member has the role ${d.role}; the Terms of Reference require one.`,
  ROSTER_ROLE_DUPLICATE: (d) =>
    `There is already a confirmed ${d.role} (row ${d.firstRow}); this role is held by one person.`,
  ROSTER_REGION_SHORT: (d) =>
    `${d.region} has ${plural(d.count, "confirmed volunteer")}; ${d.wanted} ${d.wanted === 1 ? "is" : "are"} wanted.`,
  ROSTER_REGION_OVER: (d) =>
    `${d.region} has ${plural(d.count, "confirmed volunteer")}; only ${d.wanted} ${d.wanted === 1 ? "is" : "are"} wanted.`,
  ROSTER_JUSTIFICATION_MISSING: (d) =>
    `${d.name || "This volunteer"} has no justification; say what they bring (workshop experience, industry network, key experts …).`,
  ROSTER_DUPLICATE_PERSON: (d) =>
    d.by === "email"
      ? `${d.name || "This row"} has the same e-mail address as row ${d.firstRow}; is it the same person?`
      : `${d.name} is already on the roster at row ${d.firstRow}.`,
  ROSTER_GENDER_BALANCE: (d) =>
    `The confirmed committee has ${plural(d.female, "woman", "women")}, ${plural(d.male, "man", "men")}` +
    `${d.other ? ` and ${d.other} of another gender` : ""}: ${d.under} are ${pct(d.share)}, below the ${pct(d.minShare)} balance line.`,
  ROSTER_SIZE: (d) =>
    `The committee has ${d.count} confirmed members, more than the ${d.max} that keeps it a limited group.`,
  ROSTER_EMAIL_INVALID: (d) => `"${d.value}" is not an e-mail address.`,
  ROSTER_ARBITRATION: (d) => {
    const balance =
      d.underBefore === d.underAfter
        ? `${d.underAfter} would be ${pct(d.shareAfter)} of the confirmed committee, ${pct(d.shareBefore)} now`
        : `${d.underAfter} would then be the less represented, at ${pct(d.shareAfter)} of the confirmed committee; ${d.underBefore} are ${pct(d.shareBefore)} now`;
    const candidates = d.selected.length + d.passedOver.length;
    return (
      `${d.region} has ${plural(candidates, "candidate")} for ${plural(d.seats, "free seat")}: propose ${listOf(d.selected)}` +
      `${d.passedOver.length ? `, not ${listOf(d.passedOver, "or")}` : ""} (${balance}).`
    );
  },
  TIMELINE_DATE_UNPARSEABLE: (d) =>
    d.text === ""
      ? `${d.field} is blank; write the planned date, e.g. 19 April 2024, June 2024 or Spring 2024 TBD.`
      : `"${d.text}" in ${d.field} cannot be read as a date; write e.g. 19 April 2024, June 2024, Q2 2024 or Spring 2024 TBD.`,
  TIMELINE_DATE_AMBIGUOUS: (d) =>
    `"${d.text}" can be read more than one way; it is read as ${d.reading}. Write the months to be sure.`,
  TIMELINE_INVALID_VALUE: (d) =>
    d.problem === "blank"
      ? `${d.field} is blank; every milestone needs one.`
      : `"${d.value}" is not a ${d.field} this timeline knows; use ${list(d.allowed ?? [])}.`,
  TIMELINE_DUPLICATE_ID: (d) => `The ID ${d.id} is already used at row ${d.firstRow}; each milestone needs its own.`,
  TIMELINE_DEPENDENCY_UNKNOWN: (d) => `${d.id} depends on ${d.dependsOn}, which is not in the timeline.`,
  TIMELINE_DEPENDENCY_CYCLE: (d) => `${d.id} depends on itself through ${d.cycle.join(" → ")}; break the loop.`,
  TIMELINE_SLIPPED: (d) =>
    `${d.id} has slipped ${plural(d.slipDays, "day")}: its ${d.by} (${day(d.effective)}) is after the planned ${day(d.planned)}.`,
  TIMELINE_OVERDUE: (d) =>
    `${d.id} is ${plural(d.daysOverdue, "day")} overdue: ${d.by === "Forecast" ? "forecast" : "planned"} by ${day(d.due)} and no Actual date yet.`,
  TIMELINE_ORDER: (d) =>
    `${d.id} (${day(d.date)}) comes before ${d.dependsOn} (${day(d.dependencyDate)}), which it depends on.`,
  TIMELINE_AT_RISK: (d) =>
    `${d.id} is at risk: ${d.drivenBy}'s date pushes it to ${day(d.projected)}, ${plural(d.slipDays, "day")} after its planned ${day(d.latest)}${d.fixed ? ", and its date is fixed" : ""}.`,
  TIMELINE_REPORT_LATE: (d) =>
    `${d.id} (${day(d.date)}) is too late: the report is due ${d.leadDays} days before ${d.meeting} on ${day(d.meetingStart)}, so by ${day(d.deadline)}.`,
  TIMELINE_BLACKOUT: (d) => `${d.id} falls in the blackout period "${d.period}" (${day(d.from)} – ${day(d.to)}).`,
  TASK_OVERDUE: (d) =>
    `${d.id || "This task"} is ${plural(d.daysOverdue, "day")} overdue: due ${day(d.due)} and not Done.`,
  TASK_INVALID_VALUE: (d) =>
    d.elapsed
      ? `${d.id || "This task"}'s ${d.field} "${d.value}" is elapsed time (a cell formatted [h]:mm), not a date; the Resources sheet counts its number as a day all the same: format it as a date.`
      : `${d.id || "This task"}'s ${d.field} "${d.value}" is not ${d.field === "Effort" ? "a number" : "a date"}; the Resources sheet counts only ${d.field === "Effort" ? "numbers" : "date cells"} there.`,
  TASK_OWNER_UNKNOWN: (d) =>
    `${d.id || "This task"}'s owner "${d.owner}" is not on the roster (or has withdrawn); write a member's name as the Roster has it.`,
  TABLE_UNUSABLE: (d, f) => {
    const what =
      d.reason === "no-header-row"
        ? `The sheet "${f.sheet}" has no header row with the ${d.table} table's columns`
        : `The ${d.table} table on sheet "${f.sheet}" has no "${d.column}" column${d.requiredFor === "volunteers" ? ", which every Regional Volunteer needs" : ""}`;
    const effect =
      d.effect === "defaults-used"
        ? "so the default settings were used"
        : d.effect === "checked-without"
          ? `so ${CHECK_WAS[d.check]} checked without it`
          : `so ${CHECK_WAS[d.check]} not checked`;
    return `${what}, ${effect}; ${d.reason === "no-header-row" ? "put the headers in its first row" : "add the column"} and check again.`;
  },
  PROGRAM_INVALID_VALUE: (d) => {
    const session = d.session ? `Session ${d.session}: ` : "";
    if (d.problem === "blank")
      return `${session}${d.field} is blank; every session needs ${d.field === "Session" ? "an ID such as S1" : d.field === "Day" ? "a day" : `a ${d.field.toLowerCase()} time`}.`;
    if (d.problem === "unreadable")
      return d.field === "Day"
        ? `${session}"${d.value}" cannot be read as a date; write e.g. 18 April 2024.`
        : `${session}"${d.value}" cannot be read as a time of day; write e.g. 09:30 or 2:30 pm.`;
    if (d.problem === "not-after-start")
      return `${session}the session ends (${d.value}) before it starts, or as it starts.`;
    return `${session}"${d.value}" is not a Format this programme knows; use ${list(d.allowed ?? [])}.`;
  },
  PROGRAM_DUPLICATE_SESSION: (d) =>
    `The session ID ${d.session} is already used at row ${d.firstRow}; each session needs its own.`,
  PROGRAM_OUTSIDE_WORKSHOP: (d) =>
    `${d.session || "This session"} is on ${day(d.day)}, which is not a workshop day (${d.first === d.last ? day(d.first) : `${day(d.first)} – ${day(d.last)}`}).`,
  PROGRAM_OVERLAP: (d) =>
    `${d.id || "This session"} overlaps ${d.session} in ${d.room ? `room ${d.room}` : "the plenary room"} on ${day(d.day)} (${d.start}–${d.end}).`,
  PROGRAM_SPEAKER_CLASH: (d) =>
    `${d.name} speaks in ${d.id || "this session"} and in ${d.session} at the same time on ${day(d.day)} (${d.start}–${d.end}).`,
  PROGRAM_SPEAKER_UNKNOWN: (d) =>
    `${d.name} (${d.as.toLowerCase()} of ${d.id || "this session"}) is not in the Invitees table; add them, or write the name as Invitees has it.`,
  PROGRAM_SPEAKER_DECLINED: (d) =>
    `${d.name} declined the invitation (Invitees row ${d.inviteeRow}) but is still ${d.as.toLowerCase()} of ${d.id || "this session"}.`,
  PROGRAM_SPEAKER_UNCONFIRMED: (d) =>
    `${d.name} speaks in ${names(d.sessions.map((s) => s || "(no ID)"))} but has not accepted (${d.status})` +
    `${d.confirmBy ? `; speakers should be confirmed by ${day(d.confirmBy)}, ${d.confirmDays} days before the workshop` : ""}.`,
  PROGRAM_SINGLE_GENDER_PANEL: (d) =>
    `The panel ${d.id || "on this row"} has only ${d.gender} (${names(d.names)}); Geneva's Panel Parity Pledge asks for no single-gender panels.`,
  PROGRAM_SPEAKER_BALANCE: (d) =>
    `The programme's speakers are ${plural(d.female, "woman", "women")} and ${plural(d.male, "man", "men")}` +
    `${d.other ? ` and ${d.other} of another gender` : ""}: ${d.under} are ${pct(d.share)}, below the ${pct(d.minShare)} balance line.`,
  PROGRAM_INDUSTRY_SHARE: (d) =>
    `${d.industry} of the ${plural(d.withSector, "speaker")} with a sector come from industry (${pct(d.share)}), below the ${pct(d.minShare)} the workshop aims for.`,
  INVITE_INVALID_VALUE: (d) => {
    if (d.problem === "blank") return "Name is blank; every invitee needs a name.";
    if (d.problem === "unreadable")
      return `${d.name || "This invitee"}'s ${d.field} "${d.value}" cannot be read as a date.`;
    return `"${d.value}" is not a ${d.field} this list knows; use ${list(d.allowed ?? [])}.`;
  },
  INVITE_DUPLICATE: (d) =>
    d.by === "email"
      ? `${d.name || "This row"} has the same e-mail address as row ${d.firstRow}; is it the same person?`
      : `${d.name} is already invited at row ${d.firstRow}.`,
  INVITE_CONTACT_MISSING: (d) =>
    `${d.name || "This invitee"} is ${d.status === "Invited" ? "invited" : "to be invited"} but has no e-mail address: there is no means of contact.`,
  INVITE_EMAIL_INVALID: (d) => `"${d.value}" is not an e-mail address.`,
  INVITE_NO_REPLY: (d) =>
    `${d.name || "This invitee"} has not replied: the reply was due by ${day(d.replyBy)}, ${plural(d.daysOverdue, "day")} ago.`,
  INVITE_LATE: (d) =>
    d.by === "status"
      ? `${d.name || "This invitee"} (${d.as.toLowerCase()}) is still to invite; ${d.as.toLowerCase()}s should be invited by ${day(d.deadline)}, ${d.leadDays} days before the workshop.`
      : `${d.name || "This invitee"} (${d.as.toLowerCase()}) was invited on ${day(d.invitedOn ?? d.deadline)}, after ${day(d.deadline)} (${d.leadDays} days before the workshop).`,
};

/**
 * The plain-English message of a finding.
 *
 * @example messageOf({ code: "ROSTER_REGION_SHORT", data: { region: "Africa", count: 1, wanted: 2 }, … })
 * // "Africa has 1 confirmed volunteer; 2 are wanted."
 */
export function messageOf(f: Finding): string {
  return (WORDING[f.code] as (d: unknown, f: Finding) => string)(quotable(f.data), f);
}

/** The most characters of one user text a message quotes: a message stays readable, and far below
 * Excel's 32,767 characters per cell, whatever a cell holds. */
export const MAX_QUOTED = 200;

/** The finding's data with every text (also in lists) cut to MAX_QUOTED characters, marked by "…". */
function quotable(data: unknown): unknown {
  const cut = (v: unknown): unknown =>
    typeof v === "string" && v.length > MAX_QUOTED
      ? `${v.slice(0, /[\ud800-\udbff]/.test(v[MAX_QUOTED - 1]!) ? MAX_QUOTED - 1 : MAX_QUOTED)}…`
      : Array.isArray(v)
        ? v.length > MAX_QUOTED
          ? [...v.slice(0, MAX_QUOTED).map(cut), `… ${v.length - MAX_QUOTED} more`]
          : v.map(cut)
        : v;
  if (typeof data !== "object" || data === null) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, cut(v)]));
}

/** A finding with its message, as the command line's JSON and the `Checks` sheet give it. */
export type DescribedFinding = Finding & { message: string };

/** Adds the message to each finding, keeping the field order of the contract. */
export function describe(findings: readonly Finding[]): DescribedFinding[] {
  return findings.map(
    (f) =>
      ({
        code: f.code,
        severity: f.severity,
        sheet: f.sheet,
        row: f.row,
        column: f.column,
        message: messageOf(f),
        data: f.data,
      }) as DescribedFinding,
  );
}
