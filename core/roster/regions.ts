import type { Region } from "../vocab";
import { type Member, isConfirmed, isVolunteer } from "./member";

/**
 * Confirmed volunteers counted per region of the model in force (every region present, even at 0).
 *
 * @example confirmedByRegion(members, ["Africa", "Europe"]) // Map { "Africa" => 1, "Europe" => 2 }
 */
export function confirmedByRegion(members: readonly Member[], regions: readonly Region[]): Map<Region, number> {
  const counts = new Map<Region, number>(regions.map((r) => [r, 0]));
  for (const m of members) {
    if (isVolunteer(m) && isConfirmed(m) && m.region && counts.has(m.region))
      counts.set(m.region, counts.get(m.region)! + 1);
  }
  return counts;
}
