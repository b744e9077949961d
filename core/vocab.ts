/**
 * The enumerated values of the contract, and how a cell's text is matched to one of them:
 * case, surrounding and repeated spaces, and hyphens are ignored (`asia pacific` is `Asia-Pacific`).
 */
import { matchKey } from "./cells";

export const ROLES = [
  "RG-IEM Leadership",
  "TSB Director",
  "Deputy Secretary-General",
  "ITU Counsellor",
  "Regional Volunteer",
] as const;
export type Role = (typeof ROLES)[number];

export const ITU6_REGIONS = ["Africa", "Americas", "Arab States", "Asia-Pacific", "CIS", "Europe"] as const;
const ITU5_REGIONS = ["Region A", "Region B", "Region C", "Region D", "Region E"] as const;
export type Region = (typeof ITU6_REGIONS)[number] | (typeof ITU5_REGIONS)[number];
export type RegionModel = "ITU6" | "ITU5";

export const GENDERS = ["Female", "Male", "Other", "Not stated"] as const;
export type Gender = (typeof GENDERS)[number];

export const STATUSES = ["Confirmed", "Candidate", "Withdrawn"] as const;
export type Status = (typeof STATUSES)[number];

export const KINDS = ["Meeting", "Workshop", "Report", "Review", "Milestone"] as const;
export type Kind = (typeof KINDS)[number];

export const PHASES = ["Design", "Resources", "Communication", "Invitations", "Workshop", "Post-workshop"] as const;
export const TASK_STATUSES = ["Open", "Done"] as const;

/** The key an enumerated value is matched on. */
function enumKey(text: string): string {
  return matchKey(text.replace(/[-\u2010-\u2015]/g, " "));
}

/** A matcher from cell text to one canonical value, with aliases. */
function enumMatcher<T extends string>(
  values: readonly T[],
  aliases: Record<string, T> = {},
): (text: string) => T | undefined {
  const map = new Map<string, T>();
  for (const v of values) map.set(enumKey(v), v);
  for (const [alias, v] of Object.entries(aliases)) map.set(enumKey(alias), v);
  return (text) => map.get(enumKey(text));
}

export const matchRole = enumMatcher(ROLES, {
  "Deputy SG": "Deputy Secretary-General",
  Volunteer: "Regional Volunteer",
});

const matchItu6 = enumMatcher(ITU6_REGIONS, {
  ATU: "Africa",
  CITEL: "Americas",
  ASMG: "Arab States",
  "Arab Group": "Arab States",
  Arab: "Arab States",
  APT: "Asia-Pacific",
  "Asia Pacific": "Asia-Pacific",
  RCC: "CIS",
  CEPT: "Europe",
});
const matchItu5 = enumMatcher(ITU5_REGIONS, {
  A: "Region A",
  B: "Region B",
  C: "Region C",
  D: "Region D",
  E: "Region E",
});

/** The regions of a model, in the order the Terms of Reference list them. */
export function regionsOf(model: RegionModel): readonly Region[] {
  return model === "ITU5" ? ITU5_REGIONS : ITU6_REGIONS;
}

/** Matches a Region cell for the region model in force. */
export function matchRegion(text: string, model: RegionModel): Region | undefined {
  return model === "ITU5" ? matchItu5(text) : matchItu6(text);
}

/** Blank means `Not stated`; `F` and `M` are read as the people who typed them meant. */
export const matchGender = enumMatcher(GENDERS, {
  F: "Female",
  M: "Male",
  Woman: "Female",
  Man: "Male",
  "": "Not stated",
});

/** Blank means `Confirmed`. */
export const matchStatus = enumMatcher(STATUSES, { "": "Confirmed" });

export const matchKind = enumMatcher(KINDS, { "": "Milestone" });

/** The programme's session formats (blank = `Presentation`). */
export const FORMATS = ["Opening", "Keynote", "Panel", "Presentation", "Fireside chat", "Break", "Closing"] as const;
export type Format = (typeof FORMATS)[number];
export const matchFormat = enumMatcher(FORMATS, { "": "Presentation", Fireside: "Fireside chat" });

/** Where an invitee comes from; the industry share of speakers is the programme's measure. */
export const SECTORS = ["Industry", "Academia", "Government", "ITU", "Other"] as const;
export type Sector = (typeof SECTORS)[number];
export const matchSector = enumMatcher(SECTORS, { Private: "Industry", "Private sector": "Industry" });

/** What an invitee is invited as (blank = `Participant`). */
export const INVITED_AS = ["Speaker", "Moderator", "Panellist", "Participant"] as const;
export type InvitedAs = (typeof INVITED_AS)[number];
export const matchInvitedAs = enumMatcher(INVITED_AS, { "": "Participant", Panelist: "Panellist" });

/** Where an invitation stands (blank = `To invite`). */
export const INVITE_STATUSES = ["To invite", "Invited", "Accepted", "Declined"] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];
export const matchInviteStatus = enumMatcher(INVITE_STATUSES, { "": "To invite", Confirmed: "Accepted" });
