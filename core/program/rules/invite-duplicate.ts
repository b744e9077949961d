import { type Finding, finding } from "../../findings";
import type { InviteRule } from "../rule";

/**
 * `INVITE_DUPLICATE`: two invitees share an e-mail address (case aside) or the same name once case,
 * accents and white space are ignored; on the later row, `data.firstRow`.
 */
export const inviteDuplicate: InviteRule = {
  code: "INVITE_DUPLICATE",
  severity: "error",
  when: "two invitees with the same e-mail address, or the same name once case, accents and spaces are ignored",
  reads: ["Name", "Email"],
  check({ invitees, sheet }) {
    const out: Finding[] = [];
    const firstByEmail = new Map<string, number>();
    const firstByName = new Map<string, number>();
    for (const i of invitees) {
      const email = i.email.toLowerCase().replace(/^mailto:/, "");
      const byName = i.key === "" ? undefined : firstByName.get(i.key);
      const byEmail = email === "" ? undefined : firstByEmail.get(email);
      const first = byName ?? byEmail;
      if (first !== undefined) {
        const by = byName !== undefined ? "name" : "email";
        out.push(
          finding(
            "INVITE_DUPLICATE",
            "error",
            { sheet, row: i.row, column: by === "name" ? "Name" : "Email" },
            { name: i.name, firstRow: first, by },
          ),
        );
      }
      if (email !== "" && !firstByEmail.has(email)) firstByEmail.set(email, i.row);
      if (i.key !== "" && !firstByName.has(i.key)) firstByName.set(i.key, i.row);
    }
    return out;
  },
};
