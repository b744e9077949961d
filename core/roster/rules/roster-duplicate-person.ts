import { finding, type Finding } from "../../findings";
import { isWithdrawn } from "../member";
import type { RosterRule } from "../rule";

/**
 * `ROSTER_DUPLICATE_PERSON`: two rows that are not withdrawn share an e-mail address (case-insensitive)
 * or the same name once case, accents and white space are ignored; on the later row.
 */
export const duplicatePerson: RosterRule = {
  code: "ROSTER_DUPLICATE_PERSON",
  severity: "error",
  reads: ["Name", "Email", "Status"],
  when: "two rows that are not withdrawn share an e-mail address, or the same name once case, accents and white space are ignored; on the later row",
  check({ members, sheet }) {
    const out: Finding[] = [];
    const firstByEmail = new Map<string, number>();
    const firstByName = new Map<string, number>();
    for (const m of members) {
      if (isWithdrawn(m)) continue;
      const email = m.email.toLowerCase();
      const byEmail = email === "" ? undefined : firstByEmail.get(email);
      const byName = m.nameKey === "" ? undefined : firstByName.get(m.nameKey);
      const first = byName ?? byEmail;
      if (first !== undefined) {
        const by = byName !== undefined ? "name" : "email";
        out.push(
          finding(
            "ROSTER_DUPLICATE_PERSON",
            "error",
            { sheet, row: m.row, column: by === "name" ? "Name" : "Email" },
            { name: m.name, firstRow: first, by },
          ),
        );
      }
      if (email !== "" && !firstByEmail.has(email)) firstByEmail.set(email, m.row);
      if (m.nameKey !== "" && !firstByName.has(m.nameKey)) firstByName.set(m.nameKey, m.row);
    }
    return out;
  },
};
