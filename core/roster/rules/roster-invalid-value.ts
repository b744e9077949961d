import { finding, type Finding } from "../../findings";
import { GENDERS, ROLES, STATUSES } from "../../vocab";
import { isVolunteer, isWithdrawn } from "../member";
import type { RosterRule } from "../rule";

/**
 * `ROSTER_INVALID_VALUE`, one finding per cell: a blank Name or Role; a Role, Region (for the region
 * model in force), Gender or Status that is not one of its values; a volunteer, not withdrawn, with
 * no Region. Withdrawn rows are checked too: these are checks of the row's own values.
 */
export const invalidValue: RosterRule = {
  code: "ROSTER_INVALID_VALUE",
  severity: "error",
  reads: ["Name", "Role", "Region", "Gender", "Status"],
  when: "a Name or Role is blank; a Role, Region (for the region model in force), Gender or Status is not one of its values; or a volunteer who is not withdrawn has no Region; one finding per cell",
  check({ members, sheet, regions }) {
    const out: Finding[] = [];
    const at = (row: number, column: string) => ({ sheet, row, column });
    for (const m of members) {
      if (m.name === "")
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Name"), { field: "Name", value: "", problem: "blank" }),
        );
      if (m.roleText === "") {
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Role"), { field: "Role", value: "", problem: "blank" }),
        );
      } else if (!m.role) {
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Role"), {
            field: "Role",
            value: m.roleText,
            problem: "not-allowed",
            allowed: [...ROLES],
          }),
        );
      }
      if (m.regionText !== "" && !m.region) {
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Region"), {
            field: "Region",
            value: m.regionText,
            problem: "not-allowed",
            allowed: [...regions],
          }),
        );
      } else if (m.regionText === "" && isVolunteer(m) && !isWithdrawn(m)) {
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Region"), {
            field: "Region",
            value: "",
            problem: "region-missing",
            allowed: [...regions],
          }),
        );
      }
      if (!m.gender) {
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Gender"), {
            field: "Gender",
            value: m.genderText,
            problem: "not-allowed",
            allowed: [...GENDERS],
          }),
        );
      }
      if (!m.status) {
        out.push(
          finding("ROSTER_INVALID_VALUE", "error", at(m.row, "Status"), {
            field: "Status",
            value: m.statusText,
            problem: "not-allowed",
            allowed: [...STATUSES],
          }),
        );
      }
    }
    return out;
  },
};
