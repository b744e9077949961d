import { finding } from "../../findings";
import type { Region } from "../../vocab";
import { isConfirmed, isVolunteer, type Member } from "../member";
import type { RosterContext, RosterRule } from "../rule";

/** Confirmed volunteers counted per region of the model in force (every region present, even at 0). */
export function confirmedByRegion(members: readonly Member[], regions: readonly Region[]): Map<Region, number> {
  const counts = new Map<Region, number>(regions.map((r) => [r, 0]));
  for (const m of members) {
    if (isVolunteer(m) && isConfirmed(m) && m.region && counts.has(m.region))
      counts.set(m.region, counts.get(m.region)! + 1);
  }
  return counts;
}

const regionRule = (
  code: "ROSTER_REGION_SHORT" | "ROSTER_REGION_OVER",
  wrong: (count: number, wanted: number) => boolean,
): RosterRule => ({
  codes: [code],
  reads: ["Role", "Region", "Status"],
  check({ members, settings, sheet, regions }: RosterContext) {
    const wanted = settings.volunteersPerRegion;
    return [...confirmedByRegion(members, regions)]
      .filter(([, count]) => wrong(count, wanted))
      .map(([region, count]) =>
        finding(code, "error", { sheet, row: null, column: "Region" }, { region, count, wanted }),
      );
  },
});

/** `ROSTER_REGION_SHORT`: a region has fewer confirmed volunteers than `VolunteersPerRegion`. */
export const regionShort = regionRule("ROSTER_REGION_SHORT", (count, wanted) => count < wanted);

/** `ROSTER_REGION_OVER`: a region has more confirmed volunteers than `VolunteersPerRegion`. */
export const regionOver = regionRule("ROSTER_REGION_OVER", (count, wanted) => count > wanted);
