import { finding } from "../../findings";
import { arbitrate } from "../arbitrate";
import { lessRepresented, roundShare } from "../gender";
import type { RosterRule } from "../rule";

/**
 * `ROSTER_ARBITRATION` (info): one finding per region with more candidates than free seats, giving the
 * exact choice that maximises the committee's gender balance (see `arbitrate`). The shares are those of
 * the whole confirmed committee, now and with the proposal, so every region's finding carries the same.
 */
export const arbitration: RosterRule = {
  code: "ROSTER_ARBITRATION",
  severity: "info",
  reads: ["Name", "Role", "Region", "Gender", "Status", "Priority"],
  when: "a region has more volunteers (confirmed plus candidates) than seats: the proposed choice, which maximises the committee's gender balance",
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
          shareBefore: roundShare(before.share),
          shareAfter: roundShare(after.share),
          underBefore: lessRepresented(before),
          underAfter: lessRepresented(after),
        },
      ),
    );
  },
};
