import { finding } from "../../findings";
import type { ProgramRule } from "../rule";
import { activeSpeakers } from "../speakers";
import { speakerGenders } from "../summary";

/**
 * `PROGRAM_SPEAKER_BALANCE` (warning): among the programme's distinct speakers who have not declined,
 * with stated genders, the share of women or of men is below `MinGenderShare` (as the roster's balance).
 */
export const programSpeakerBalance: ProgramRule = {
  code: "PROGRAM_SPEAKER_BALANCE",
  severity: "warning",
  when: "among the programme's distinct speakers of stated gender who have not declined, the share of women or of men is below `MinGenderShare`",
  reads: ["Moderator", "Speakers", "Invitees.Gender", "Invitees.Status"],
  check({ sessions, sheet, invitees, settings }) {
    if (!invitees) return [];
    const counts = speakerGenders(activeSpeakers(sessions, invitees));
    const stated = counts.female + counts.male + counts.other;
    if (stated === 0 || counts.share >= settings.minGenderShare) return [];
    return [
      finding(
        "PROGRAM_SPEAKER_BALANCE",
        "warning",
        { sheet, row: null, column: "Speakers" },
        {
          ...counts,
          share: Math.round(counts.share * 10_000) / 10_000,
          under: counts.female <= counts.male ? "women" : "men",
          minShare: settings.minGenderShare,
        },
      ),
    ];
  },
};
