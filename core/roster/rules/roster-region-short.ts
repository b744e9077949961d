import { finding } from "../../findings";
import { confirmedByRegion } from "../regions";
import type { RosterRule } from "../rule";

/** `ROSTER_REGION_SHORT`: a region has fewer confirmed volunteers than `VolunteersPerRegion`. */
export const regionShort: RosterRule = {
  code: "ROSTER_REGION_SHORT",
  severity: "error",
  reads: ["Role", "Region", "Status"],
  when: "a region has fewer confirmed volunteers than `VolunteersPerRegion`; one finding per region",
  check({ members, settings, sheet, regions }) {
    const wanted = settings.volunteersPerRegion;
    return [...confirmedByRegion(members, regions)]
      .filter(([, count]) => count < wanted)
      .map(([region, count]) =>
        finding("ROSTER_REGION_SHORT", "error", { sheet, row: null, column: "Region" }, { region, count, wanted }),
      );
  },
};
