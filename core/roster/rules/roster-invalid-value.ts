import { finding, type Finding } from "../../findings";
import { GENDERS, ROLES, STATUSES } from "../../vocab";
import { type Member, isVolunteer, isWithdrawn } from "../member";
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
    for (const m of members) {
      for (const column of COLUMNS) {
        const problem = column.problem(m, regions);
        if (!problem) continue;
        const { field, value, problem: kind, allowed } = problem;
        const data = allowed ? { field, value, problem: kind, allowed: [...allowed] } : { field, value, problem: kind };
        out.push(finding("ROSTER_INVALID_VALUE", "error", { sheet, row: m.row, column: field }, data));
      }
    }
    return out;
  },
};

/** What is wrong with one cell of a member's row, if anything. */
interface CellProblem {
  field: "Name" | "Role" | "Region" | "Gender" | "Status";
  value: string;
  problem: "blank" | "not-allowed" | "region-missing";
  allowed?: readonly string[];
}

/** The columns this rule checks, in the order their findings are listed, each with its one test. */
const COLUMNS: readonly { problem: (m: Member, regions: readonly string[]) => CellProblem | undefined }[] = [
  { problem: (m) => (m.name === "" ? { field: "Name", value: "", problem: "blank" } : undefined) },
  {
    problem: (m) =>
      m.roleText === ""
        ? { field: "Role", value: "", problem: "blank" }
        : m.role
          ? undefined
          : { field: "Role", value: m.roleText, problem: "not-allowed", allowed: ROLES },
  },
  {
    problem: (m, regions) =>
      m.regionText !== "" && !m.region
        ? { field: "Region", value: m.regionText, problem: "not-allowed", allowed: regions }
        : m.regionText === "" && isVolunteer(m) && !isWithdrawn(m)
          ? { field: "Region", value: "", problem: "region-missing", allowed: regions }
          : undefined,
  },
  {
    problem: (m) =>
      m.gender ? undefined : { field: "Gender", value: m.genderText, problem: "not-allowed", allowed: GENDERS },
  },
  {
    problem: (m) =>
      m.status ? undefined : { field: "Status", value: m.statusText, problem: "not-allowed", allowed: STATUSES },
  },
];
