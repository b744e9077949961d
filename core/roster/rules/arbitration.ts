import { finding } from "../../findings";
import { type Balance, arbitrate } from "../arbitrate";
import type { RosterRule } from "../rule";

/** The less-represented of women and men (women on a tie, as `ROSTER_GENDER_BALANCE` says it). */
export const underOf = (b: Balance): "women" | "men" => (b.female <= b.male ? "women" : "men");

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * `ROSTER_ARBITRATION` (info): one finding per region with more candidates than free seats, giving the
 * exact choice that maximises the committee's gender balance (see `arbitrate`). The shares are those of
 * the whole confirmed committee, now and with the proposal, so every region's finding carries the same.
 */
export const arbitration: RosterRule = {
  codes: ["ROSTER_ARBITRATION"],
  reads: ["Name", "Role", "Region", "Gender", "Status", "Priority"],
  check({ members, settings, sheet }) {
    const { regions, before, after } = arbitrate(members, settings);
    return regions.map((r) =>
      finding(
        "ROSTER_ARBITRATION",
        "info",
        { sheet, row: null, column: "Status" },
        {
          region: r.region,
          selected: r.selected.map((m) => m.name),
          passedOver: r.passedOver.map((m) => m.name),
          seats: r.seats,
          shareBefore: round4(before.share),
          shareAfter: round4(after.share),
          underBefore: underOf(before),
          underAfter: underOf(after),
        },
      ),
    );
  },
};
