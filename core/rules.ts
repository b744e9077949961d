/**
 * The registry of every finding code: each rule of the roster, the timeline and the tasks (one file
 * each, named after its code), and the codes the readers produce themselves (the settings, a table
 * that cannot be used). The check runs these lists; the focus of a check, the documentation's table of
 * codes (`npm run docs`) and the registry test read this file. Adding a rule: see CONTRIBUTING.md.
 */
import type { FindingCode } from "./findings";
import type { Rule } from "./rule";
import { inviteContactMissing } from "./program/rules/invite-contact-missing";
import { inviteDuplicate } from "./program/rules/invite-duplicate";
import { inviteEmailInvalid } from "./program/rules/invite-email-invalid";
import { inviteInvalidValue } from "./program/rules/invite-invalid-value";
import { inviteLate } from "./program/rules/invite-late";
import { inviteNoReply } from "./program/rules/invite-no-reply";
import { programDuplicateSession } from "./program/rules/program-duplicate-session";
import { programIndustryShare } from "./program/rules/program-industry-share";
import { programInvalidValue } from "./program/rules/program-invalid-value";
import { programOutsideWorkshop } from "./program/rules/program-outside-workshop";
import { programOverlap } from "./program/rules/program-overlap";
import { programSingleGenderPanel } from "./program/rules/program-single-gender-panel";
import { programSpeakerBalance } from "./program/rules/program-speaker-balance";
import { programSpeakerClash } from "./program/rules/program-speaker-clash";
import { programSpeakerDeclined } from "./program/rules/program-speaker-declined";
import { programSpeakerUnconfirmed } from "./program/rules/program-speaker-unconfirmed";
import { programSpeakerUnknown } from "./program/rules/program-speaker-unknown";
import type { InviteRule, ProgramRule } from "./program/rule";
import { arbitration } from "./roster/rules/roster-arbitration";
import { duplicatePerson } from "./roster/rules/roster-duplicate-person";
import { emailInvalid } from "./roster/rules/roster-email-invalid";
import { genderBalance } from "./roster/rules/roster-gender-balance";
import { invalidValue } from "./roster/rules/roster-invalid-value";
import { justificationMissing } from "./roster/rules/roster-justification-missing";
import { regionOver } from "./roster/rules/roster-region-over";
import { regionShort } from "./roster/rules/roster-region-short";
import { roleDuplicate } from "./roster/rules/roster-role-duplicate";
import { roleMissing } from "./roster/rules/roster-role-missing";
import { committeeSize } from "./roster/rules/roster-size";
import type { RosterRule } from "./roster/rule";
import type { TaskRule } from "./tasks/rule";
import { taskInvalidValue } from "./tasks/rules/task-invalid-value";
import { taskOverdue } from "./tasks/rules/task-overdue";
import { taskOwnerUnknown } from "./tasks/rules/task-owner-unknown";
import type { TimelineRule } from "./timeline/rule";
import { atRisk } from "./timeline/rules/timeline-at-risk";
import { blackout } from "./timeline/rules/timeline-blackout";
import { dateAmbiguous } from "./timeline/rules/timeline-date-ambiguous";
import { dateUnparseable } from "./timeline/rules/timeline-date-unparseable";
import { dependencyCycle } from "./timeline/rules/timeline-dependency-cycle";
import { dependencyUnknown } from "./timeline/rules/timeline-dependency-unknown";
import { duplicateId } from "./timeline/rules/timeline-duplicate-id";
import { invalidValue as timelineInvalidValue } from "./timeline/rules/timeline-invalid-value";
import { order } from "./timeline/rules/timeline-order";
import { overdue } from "./timeline/rules/timeline-overdue";
import { reportLate } from "./timeline/rules/timeline-report-late";
import { slipped } from "./timeline/rules/timeline-slipped";

/** The checks a user can ask for, each over its own table. */
export type CheckName = "roster" | "timeline" | "tasks" | "program" | "invitees";

/** Every roster rule, in the order they run. */
export const ROSTER_RULES: readonly RosterRule[] = [
  invalidValue,
  roleMissing,
  roleDuplicate,
  regionShort,
  regionOver,
  justificationMissing,
  duplicatePerson,
  genderBalance,
  committeeSize,
  emailInvalid,
  arbitration,
];

/** Every timeline rule. */
export const TIMELINE_RULES: readonly TimelineRule[] = [
  dateUnparseable,
  dateAmbiguous,
  timelineInvalidValue,
  duplicateId,
  dependencyUnknown,
  dependencyCycle,
  order,
  slipped,
  overdue,
  atRisk,
  reportLate,
  blackout,
];

/** Every task rule. */
export const TASK_RULES: readonly TaskRule[] = [taskInvalidValue, taskOverdue, taskOwnerUnknown];

/** Every programme rule (the `program` check, over the Program table). */
export const PROGRAM_RULES: readonly ProgramRule[] = [
  programInvalidValue,
  programDuplicateSession,
  programOutsideWorkshop,
  programOverlap,
  programSpeakerClash,
  programSpeakerUnknown,
  programSpeakerDeclined,
  programSpeakerUnconfirmed,
  programSingleGenderPanel,
  programSpeakerBalance,
  programIndustryShare,
];

/** Every invitation rule (the `invitees` check, over the Invitees table). */
export const INVITE_RULES: readonly InviteRule[] = [
  inviteInvalidValue,
  inviteDuplicate,
  inviteContactMissing,
  inviteEmailInvalid,
  inviteNoReply,
  inviteLate,
];

/** A code a reader produces while reading a table, rather than a rule over the table read. */
type ReaderCode = Omit<Rule<never>, "check"> & { producedBy: string };

/** The codes the readers produce: they are registered too, so that every code is documented. */
export const READER_CODES: readonly ReaderCode[] = [
  {
    code: "SETTINGS_INVALID_VALUE",
    severity: "error",
    reads: ["Key", "Value"],
    when: "a setting's value cannot be read (e.g. a share of `forty`); its default is used",
    producedBy: "core/settings.ts",
  },
  {
    code: "SETTINGS_UNKNOWN_KEY",
    severity: "info",
    reads: ["Key"],
    when: "a key of the Settings table that the product does not know; it is ignored",
    producedBy: "core/settings.ts",
  },
  {
    code: "TABLE_UNUSABLE",
    severity: "error",
    reads: [],
    when: "a table a check needs is there but cannot be used (a required column missing, no header row found); the other checks still run",
    producedBy: "core/check.ts",
  },
];

/** Who a code belongs to: a check, the settings (every check's), or the workbook (the table it names). */
export type CodeOwner = CheckName | "settings" | "workbook";

/** One registered code: its rule's metadata and what it belongs to. */
export interface RegisteredCode extends Omit<Rule<never>, "check"> {
  of: CodeOwner;
  /** The rule file, or the reader that produces it. */
  producedBy: string;
}

/** The folder of a check's rules: the invitation rules live with the programme's. */
const FOLDER: Partial<Record<CheckName, string>> = { invitees: "program" };

const fileOf = (of: CheckName, code: FindingCode) =>
  `core/${FOLDER[of] ?? of}/rules/${code.toLowerCase().replace(/_/g, "-")}.ts`;

function register(of: CheckName, rules: readonly Rule<never>[]): RegisteredCode[] {
  return rules.map(({ check: _, ...meta }) => ({ ...meta, of, producedBy: fileOf(of, meta.code) }));
}

/**
 * Every finding code, with its rule's metadata, in the order of the documentation.
 *
 * @example REGISTRY.find((r) => r.code === "ROSTER_SIZE")?.severity // "warning"
 */
export const REGISTRY: readonly RegisteredCode[] = [
  ...register("roster", ROSTER_RULES as readonly Rule<never>[]),
  ...register("timeline", TIMELINE_RULES as readonly Rule<never>[]),
  ...register("tasks", TASK_RULES as readonly Rule<never>[]),
  ...register("program", PROGRAM_RULES as readonly Rule<never>[]),
  ...register("invitees", INVITE_RULES as readonly Rule<never>[]),
  ...READER_CODES.map((r): RegisteredCode => ({ ...r, of: r.code.startsWith("SETTINGS_") ? "settings" : "workbook" })),
];

const OWNER = new Map<FindingCode, CodeOwner>(REGISTRY.map((r) => [r.code, r.of]));

/**
 * What a code belongs to, from the registry.
 *
 * @example ownerOf("TASK_OVERDUE") // "tasks"
 */
export function ownerOf(code: FindingCode): CodeOwner {
  const of = OWNER.get(code);
  if (!of) throw new Error(`the finding code ${code} is not registered in core/rules.ts`);
  return of;
}
