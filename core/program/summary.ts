import { INVITE_STATUSES, type InviteStatus, type Region } from "../vocab";
import { type Invitee, isPendingWithoutEmail } from "./invitee";

export interface SpeakerGenders {
  female: number;
  male: number;
  other: number;
  /** The share of the less-represented of women and men among stated genders (0 when none). */
  share: number;
}

/**
 * Stated genders among speakers, and the share of the less-represented of women and men.
 *
 * @example speakerGenders(speakers) // { female: 5, male: 7, other: 0, share: 0.4167 }
 */
export function speakerGenders(speakers: readonly Invitee[]): SpeakerGenders {
  let female = 0;
  let male = 0;
  let other = 0;
  for (const i of speakers) {
    if (i.gender === "Female") female++;
    else if (i.gender === "Male") male++;
    else if (i.gender === "Other") other++;
  }
  const stated = female + male + other;
  return { female, male, other, share: stated === 0 ? 0 : Math.min(female, male) / stated };
}

/**
 * Speakers from industry among those with a Sector.
 *
 * @example industryShare(speakers) // { industry: 8, withSector: 12, share: 0.6667 }
 */
export function industryShare(speakers: readonly Invitee[]): { industry: number; withSector: number; share: number } {
  const withSector = speakers.filter((i) => i.sector !== undefined);
  const industry = withSector.filter((i) => i.sector === "Industry").length;
  return { industry, withSector: withSector.length, share: withSector.length ? industry / withSector.length : 0 };
}

/** The regions speakers come from, in the order of the region model, with how many from each. */
export function speakerRegions(speakers: readonly Invitee[], regions: readonly Region[]): Map<Region, number> {
  const counts = new Map<Region, number>(regions.map((r) => [r, 0]));
  for (const i of speakers) if (i.region && counts.has(i.region)) counts.set(i.region, counts.get(i.region)! + 1);
  return counts;
}

/** The state of the invitations: invitees counted by Status (blank is `To invite`; unreadable apart). */
export interface InvitationsState {
  total: number;
  byStatus: Record<InviteStatus, number>;
  /** Rows whose Status is not one of the list. */
  unknown: number;
  /** Invitees to contact (To invite or Invited) without an e-mail address: `isPendingWithoutEmail`. */
  withoutEmail: number;
}

/**
 * Counts invitees by Status, for the reports and the pane.
 *
 * @example invitationsState(readInvitees(view, settings, false)).byStatus.Accepted // 18
 */
export function invitationsState(invitees: readonly Invitee[]): InvitationsState {
  const byStatus = Object.fromEntries(INVITE_STATUSES.map((s) => [s, 0])) as Record<InviteStatus, number>;
  let unknown = 0;
  let withoutEmail = 0;
  for (const i of invitees) {
    if (i.status) byStatus[i.status]++;
    else unknown++;
    if (isPendingWithoutEmail(i)) withoutEmail++;
  }
  return { total: invitees.length, byStatus, unknown, withoutEmail };
}
