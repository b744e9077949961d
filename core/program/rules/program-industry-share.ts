import { finding } from "../../findings";
import type { ProgramRule } from "../rule";
import { activeSpeakers } from "../speakers";
import { industryShare } from "../summary";

/**
 * `PROGRAM_INDUSTRY_SHARE` (warning): among the programme's distinct speakers who have not declined and
 * have a Sector, the share from `Industry` is below `MinIndustrySpeakerShare`: the workshop exists to
 * engage industry.
 */
export const programIndustryShare: ProgramRule = {
  code: "PROGRAM_INDUSTRY_SHARE",
  severity: "warning",
  when: "among the programme's distinct speakers with a Sector who have not declined, the share from `Industry` is below `MinIndustrySpeakerShare`",
  reads: ["Moderator", "Speakers", "Invitees.Sector", "Invitees.Status"],
  check({ sessions, sheet, invitees, settings }) {
    if (!invitees) return [];
    const { industry, withSector, share } = industryShare(activeSpeakers(sessions, invitees));
    if (withSector === 0 || share >= settings.minIndustrySpeakerShare) return [];
    return [
      finding(
        "PROGRAM_INDUSTRY_SHARE",
        "warning",
        { sheet, row: null, column: "Speakers" },
        {
          industry,
          withSector,
          share: Math.round(share * 10_000) / 10_000,
          minShare: settings.minIndustrySpeakerShare,
        },
      ),
    ];
  },
};
