import { isoOf } from "../../dates/calendar";
import { finding } from "../../findings";
import type { Invitee } from "../invitee";
import type { ProgramRule } from "../rule";

/**
 * `PROGRAM_SPEAKER_UNCONFIRMED`: a Moderator or Speaker whose Status is `To invite` or `Invited`, one
 * finding per person, on their Invitees row (Status). A warning; an error once "today" is within
 * `SpeakerConfirmDays` of the workshop's start (from that day on).
 */
export const programSpeakerUnconfirmed: ProgramRule = {
  code: "PROGRAM_SPEAKER_UNCONFIRMED",
  severity: "warning",
  severityNote: "warning, or error from `SpeakerConfirmDays` days before the workshop's start on",
  when: "a speaker whose Status is `To invite` or `Invited`, one finding per speaker",
  reads: ["Session", "Moderator", "Speakers", "Invitees.Status", "Workshop.Start"],
  check({ sessions, invitees, settings, asOf, workshop }) {
    if (!invitees) return [];
    const pending = new Map<Invitee, string[]>();
    for (const s of sessions) {
      for (const p of s.people) {
        const i = invitees.byKey.get(p.key);
        if (!i || (i.status !== "To invite" && i.status !== "Invited")) continue;
        const list = pending.get(i);
        if (list) list.push(s.id);
        else pending.set(i, [s.id]);
      }
    }
    const confirmBy = workshop ? workshop.start - settings.speakerConfirmDays : undefined;
    const late = confirmBy !== undefined && asOf !== undefined && asOf >= confirmBy;
    return [...pending].map(([i, ids]) =>
      finding(
        "PROGRAM_SPEAKER_UNCONFIRMED",
        late ? "error" : "warning",
        { sheet: invitees.sheet, row: i.row, column: "Status" },
        {
          name: i.name,
          status: i.status as "To invite" | "Invited",
          sessions: ids,
          ...(confirmBy === undefined ? {} : { confirmBy: isoOf(confirmBy) }),
          confirmDays: settings.speakerConfirmDays,
        },
      ),
    );
  },
};
