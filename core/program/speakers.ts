import type { Invitee } from "./invitee";
import type { InviteeList } from "./rule";
import type { Session } from "./session";

/**
 * The programme's distinct speakers (Moderators and Speakers) found in Invitees, who have not declined,
 * in programme order. People the Invitees table does not know have no gender or sector to count.
 */
export function activeSpeakers(sessions: readonly Session[], invitees: InviteeList): Invitee[] {
  const seen = new Set<Invitee>();
  for (const s of sessions) {
    for (const p of s.people) {
      const i = invitees.byKey.get(p.key);
      if (i && i.status !== "Declined") seen.add(i);
    }
  }
  return [...seen];
}

/** The speakers of one session found in Invitees who have not declined. */
export function sessionSpeakers(session: Session, invitees: InviteeList): Invitee[] {
  return session.people
    .map((p) => invitees.byKey.get(p.key))
    .filter((i): i is Invitee => i !== undefined && i.status !== "Declined");
}
