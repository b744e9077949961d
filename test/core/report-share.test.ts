import {
  type CellValue,
  EMAIL_LEFT_OUT,
  FINDINGS_SHEET,
  INVITATIONS_SHEET,
  type RawTable,
  type ReportInput,
  TABLE_NAMES,
  type TableName,
  dayOfIso,
  parseRange,
  reportPlan,
  templatePlan,
} from "../../core";

/** The sample as an adapter hands it to the core, edited by `edit`. */
function sampleInput(edit: (tables: Partial<Record<TableName, RawTable>>) => void): ReportInput {
  const tables: Partial<Record<TableName, RawTable>> = {};
  for (const sheet of templatePlan({ sample: true }).sheets) {
    const table = sheet.tables[0];
    const name = TABLE_NAMES.find((n) => n === sheet.name);
    if (!table || !name) continue;
    const { top, left } = parseRange(table.ref);
    tables[name] = {
      name,
      sheet: sheet.name,
      source: "table",
      origin: { row: top, column: left },
      values: [table.columns.map((c) => c.header), ...(table.rows as CellValue[][])],
    };
  }
  edit(tables);
  return { tables, date1904: false };
}

const APRIL = { asOf: dayOfIso("2024-03-20")!, today: dayOfIso("2026-12-01")!, title: "nasty.xlsx" };
const SHORT_ODD = "jo at x"; // fewer than 8 characters, no `@`: quoted by INVITE_EMAIL_INVALID
const LONG_LOCAL = "k".repeat(230); // an address cut by the message's 200-character limit before its `@`
const MOBILE = "+41 79 555 0101";
const FEE = "speaker fee 5000 CHF";

/** Personal data in odd places: e-mails in a Name, a Title and a Moderator; extra columns; an odd Status. */
const nasty = () =>
  sampleInput((t) => {
    const inv = t.Invitees!;
    const col = (h: string) => inv.values[0]!.indexOf(h);
    inv.values[0]!.push("Mobile");
    for (const r of inv.values.slice(1)) r.push(MOBILE);
    inv.values[1]![col("Email")] = SHORT_ODD;
    inv.values[2]![col("Email")] = "Accepted"; // a word, not an address: the report's own "Accepted" stays
    inv.values[3]![col("Email")] = `${LONG_LOCAL}@`;
    inv.values[4]![col("Status")] = "Maybe";
    inv.values[5]![col("Name")] = "jo.smith@corp.example";
    const p = t.Program!;
    const pc = (h: string) => p.values[0]!.indexOf(h);
    p.values[0]!.push("Private notes");
    for (const r of p.values.slice(1)) r.push(FEE);
    p.values[1]![pc("Title")] = "Ask alice@ops.example for slides";
    p.values[2]![pc("Moderator")] = "mod@panel.example";
  });

describe("reportPlan --share on a hostile workbook", () => {
  test("no address, no Email cell's text and no unnamed column anywhere in the plan; the internal version has them", () => {
    const internal = JSON.stringify(reportPlan(nasty(), APRIL).workbook);
    for (const s of [SHORT_ODD, LONG_LOCAL.slice(0, 100), "alice@ops.example", "mod@panel.example"])
      expect(internal).toContain(s);
    const shared = reportPlan(nasty(), { ...APRIL, share: true });
    const text = JSON.stringify({ workbook: shared.workbook, chart: shared.chart });
    for (const s of [SHORT_ODD, "kkkkkkkkkk", MOBILE, FEE]) expect(text).not.toContain(s);
    expect(text).not.toMatch(/[^\s"@]+@[^\s"@]+/);
    const findings = shared.workbook.sheets.find((s) => s.name === FINDINGS_SHEET)!.tables[0]!.rows;
    const messages = findings.filter((r) => r[1] === "INVITE_EMAIL_INVALID").map((r) => r[5]);
    expect(messages).toEqual(Array(3).fill(`"${EMAIL_LEFT_OUT}" is not an e-mail address.`));
  });

  test("a word typed in an Email cell is not blanked elsewhere: the statuses and the Summary still read", () => {
    const shared = reportPlan(nasty(), { ...APRIL, share: true }).workbook;
    const invitations = shared.sheets.find((s) => s.name === INVITATIONS_SHEET)!;
    const statuses = invitations.tables[0]!.rows.map((r) => r[3]);
    expect(statuses.filter((s) => s === "Accepted").length).toBeGreaterThan(15);
    expect(statuses).toContain("Maybe");
    expect(JSON.stringify(shared.sheets[0])).toMatch(/\d+ Accepted · /);
  });
});
