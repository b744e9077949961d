import {
  AGENDA_SHEET,
  type CellValue,
  INVITATIONS_SHEET,
  INVITATIONS_TABLE,
  DEFAULT_SETTINGS,
  agendaSheet,
  checkWorkbook,
  EMAIL_LEFT_OUT,
  FINDINGS_SHEET,
  FINDINGS_TABLE,
  type RawTable,
  type ReportInput,
  SHARED_NOTE,
  SUMMARY_SHEET,
  TABLE_NAMES,
  TREND_SHEET,
  type TableName,
  dayOfIso,
  parseRange,
  readForecastHistory,
  reportPlan,
  serialOf,
  templatePlan,
} from "../../core";
import fc from "fast-check";
import JSZip from "jszip";
import { foldWidths, leaveOutAddresses } from "../../core/plans/addresses";
import { reportPackage } from "../../scripts/xlsx/report-package";
import { SAMPLE_HISTORY } from "../helpers/report";

/** The sample workbook as an adapter hands it to the core: every contract table of the template's plan. */
function sampleInput(edit?: (tables: Partial<Record<TableName, RawTable>>) => void): ReportInput {
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
  edit?.(tables);
  return { tables, date1904: false };
}

const HISTORY: CellValue[][] = [
  ["As of", "ID", "Forecast"],
  ...SAMPLE_HISTORY.map(([a, id, f]) => [{ date: a }, id, { date: f }]),
];
const MARCH = dayOfIso("2024-03-01")!;
const options = { asOf: MARCH, today: dayOfIso("2026-12-01")!, title: "iewsc-sample.xlsx" };

/** The Summary's lines as "Measure: Value (Rag)". */
const lines = (input: ReportInput, share = false) =>
  reportPlan(input, { ...options, share }).lines.map((l) => `${l.measure}: ${l.value} (${l.rag})`);

describe("reportPlan", () => {
  test("the sample as of 1 March 2024: Summary first, then the sheets its tables allow, each set up to print", () => {
    const plan = reportPlan({ ...sampleInput(), history: HISTORY }, options);
    expect(plan.workbook.sheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET,
      "Findings",
      "Balance",
      "Timeline",
      TREND_SHEET,
      "Budget",
      "Resources",
      AGENDA_SHEET,
      INVITATIONS_SHEET,
    ]);
    for (const sheet of plan.workbook.sheets) {
      expect(sheet.print?.header).toContain("as of 1 March 2024");
      expect(sheet.print?.footer).toContain("Page &P of &N");
    }
    expect(plan.workbook.sheets[0]!.print?.pagesTall).toBe(1);
    expect(plan.workbook.properties?.created).toBe("2024-03-01T00:00:00Z");
  });

  test("the Summary says what a reader at TSAG asks first, each with its red/amber/green", () => {
    expect(lines(sampleInput())).toEqual([
      "Seats filled: Africa: 2 of 2 (Green)",
      "Seats filled: Americas: 2 of 2 (Green)",
      "Seats filled: Arab States: 2 of 2 (Green)",
      "Seats filled: Asia-Pacific: 2 of 2 (Green)",
      "Seats filled: CIS: 2 of 2 (Green)",
      "Seats filled: Europe: 2 of 2 (Green)",
      "Share of women: 50.0 % of 16 stated (balance line 40.0 %, ITU reference 35 %) (Green)",
      "Share of men: 50.0 % (balance line 40.0 %, ITU reference 35 %) (Green)",
      "Confirmed members: 16 (at most 20) (Green)",
      "Next milestone: TL06 The committee issues its report and is dismantl…: 31 August 2024 (in 183 days) (Green)",
      "Slipped (forecast after the plan): none (Green)",
      "Overdue (no actual date, past due): 2: TL02, TL03 (Red)",
      "At risk (pushed by what they depend on): none (Green)",
      "Days to the report deadline: 183 days: TL06 due 31 August 2024 (no WP2 or TSAG meeting after the workshop in Meetings) (Green)",
      "Days to WTSA-24: 228 days (15 October 2024) (Green)",
      "Total, with contingency: 58,124 CHF; some rates are still the defaults (Amber)",
      "Person-days planned: 54 person-days over 3 roles (Green)",
      "Invitees by status: 25 invitees: 0 To invite · 0 Invited · 24 Accepted · 1 Declined (Green)",
      "To contact without an e-mail: none: everyone still to hear from can be written to (Green)",
      "Speakers not yet confirmed: none of 22 (Green)",
      "Late invitations: none (Green)",
      "Replies overdue: none (Green)",
      "Errors: 3 (Red)",
      "Warnings: 0 (Green)",
      "Notes: 0 (Note)",
    ]);
  });

  test("a committee short of women and of a region's seats turns red and amber", () => {
    const input = sampleInput((t) => {
      const roster = t.Roster!;
      const gender = roster.values[0]!.indexOf("Gender");
      const region = roster.values[0]!.indexOf("Region");
      const status = roster.values[0]!.indexOf("Status");
      let left = 5;
      for (const row of roster.values.slice(1)) {
        if (row[gender] === "Female" && left-- > 0) row[gender] = "Male";
        if (row[region] === "Africa") row[status] = "Withdrawn";
      }
    });
    const summary = lines(input);
    expect(summary).toContain("Seats filled: Africa: 0 of 2 (Red)");
    expect(summary.find((l) => l.startsWith("Share of women"))).toMatch(/\(Red\)$/);
  });

  test("only the sheets the workbook has what they need for: a roster alone gives Summary, Findings and Balance", () => {
    const input = sampleInput((t) => {
      for (const name of [
        "Timeline",
        "Workshop",
        "Rates",
        "Tasks",
        "Meetings",
        "Blackouts",
        "Program",
        "Invitees",
      ] as const)
        delete t[name];
    });
    const plan = reportPlan(input, options);
    expect(plan.workbook.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, "Findings", "Balance"]);
    expect(plan.chart).toBeUndefined();
  });

  test("Findings holds every finding, one row each, as a table", () => {
    const plan = reportPlan(sampleInput(), options);
    const table = plan.workbook.sheets.find((s) => s.name === "Findings")!.tables[0]!;
    expect(table.name).toBe(FINDINGS_TABLE);
    expect(table.columns.map((c) => c.header)).toEqual(["Severity", "Code", "Sheet", "Row", "Column", "Message"]);
    expect(table.rows.map((r) => r[1])).toEqual(plan.findings.map((f) => f.code));
    expect(plan.findings.length).toBe(plan.summary.errors + plan.summary.warnings + plan.summary.info);
  });

  test("the trend: one series per milestone after the diagonal, the cached values the recorded forecasts", () => {
    const plan = reportPlan({ ...sampleInput(), history: HISTORY }, options);
    const chart = plan.chart!;
    expect(chart.sheet).toBe(TREND_SHEET);
    expect(chart.series.map((s) => s.name)).toEqual(["Diagonal", "TL03", "TL04", "TL05", "TL06"]);
    const serial = (iso: string) => serialOf(dayOfIso(iso)!);
    expect(chart.x.values).toEqual(["2023-07-03", "2023-10-02", "2024-01-08", "2024-03-01"].map(serial));
    expect(chart.series[0]!.values).toEqual(chart.x.values);
    expect(chart.series[1]!.values).toEqual(["2023-10-31", "2023-11-30", "2024-01-31", "2024-03-29"].map(serial));
    expect(chart.series[1]!.ref).toBe("Trend!$C$33:$C$36");
  });

  test("readForecastHistory: header in any order, Excel serials or dates, a later record of a day replaces the earlier", () => {
    const records = readForecastHistory(
      [
        ["Forecast", "as of", "ID"],
        [serialOf(dayOfIso("2024-05-01")!), serialOf(MARCH), "TL05"],
        [{ date: "2024-05-31" }, { date: "2024-03-01" }, "TL05"],
        ["soon", { date: "2024-03-01" }, "TL06"],
      ],
      false,
    );
    expect(records).toEqual([{ asOf: MARCH, id: "TL05", forecast: dayOfIso("2024-05-31") }]);
  });

  test("--share: no e-mail address in any cell of the plan, and the Summary and footers say it is the shared version", () => {
    const input = sampleInput((t) => {
      const roster = t.Roster!;
      const email = roster.values[0]!.indexOf("Email");
      roster.values[2]![email] = "mary@example"; // an invalid address: its finding quotes it
    });
    const internal = JSON.stringify(reportPlan(input, options).workbook);
    expect(internal).toContain("mary@example");
    const shared = reportPlan(input, { ...options, share: true });
    const text = JSON.stringify(shared.workbook);
    expect(text).not.toMatch(/[^\s"@]+@[^\s"@]+/);
    expect(text).toContain(EMAIL_LEFT_OUT);
    expect(text).toContain(SHARED_NOTE);
    for (const sheet of shared.workbook.sheets) expect(sheet.print?.footer).toContain("Shared version");
  });
});

describe("reportPlan: the programme and the state of the invitations", () => {
  /** The sample with two speakers not confirmed (one never invited and without an e-mail) and an unreadable Status. */
  const pending = () =>
    sampleInput((t) => {
      const inv = t.Invitees!;
      const col = (h: string) => inv.values[0]!.indexOf(h);
      const row = (name: string) => inv.values.find((r) => r[col("Name")] === name)!;
      row("Chloé Martin")[col("Status")] = "Invited";
      row("Hiroshi Sato")[col("Status")] = "To invite";
      row("Hiroshi Sato")[col("Email")] = null;
      row("Hiroshi Sato")[col("Invited On")] = null;
      row("Grace Njeri")[col("Status")] = "Maybe";
    });
  const APRIL = { ...options, asOf: dayOfIso("2024-03-20")! };

  test("the Summary counts by Status and says who cannot be written to, who has not confirmed, who was invited late", () => {
    const summary = reportPlan(pending(), APRIL).lines.filter((l) => l.area === "Invitations");
    expect(summary.map((l) => `${l.measure}: ${l.value} (${l.rag})`)).toEqual([
      "Invitees by status: 25 invitees: 1 To invite · 1 Invited · 21 Accepted · 1 Declined · 1 with a Status that cannot be read (Amber)",
      "To contact without an e-mail: 1: Hiroshi Sato (Red)",
      // Within SpeakerConfirmDays (30) of the workshop on 18 April: the check made them errors.
      "Speakers not yet confirmed: 2 of 22: Chloé Martin, Hiroshi Sato (Red)",
      // Still To invite after InvitationLeadDays (42) before the workshop.
      "Late invitations: 1: Hiroshi Sato (Amber)",
      // Invited, and her Reply By has passed.
      "Replies overdue: 1: Chloé Martin (Amber)",
    ]);
    // A month earlier the same speakers are only to watch.
    const march = reportPlan(pending(), options).lines.find((l) => l.measure === "Speakers not yet confirmed");
    expect(march?.rag).toBe("Amber");
  });

  test("Invitations lists every invitee with their sessions and what the checks found on their row, no e-mail column", () => {
    const plan = reportPlan(pending(), APRIL);
    const sheet = plan.workbook.sheets.find((s) => s.name === INVITATIONS_SHEET)!;
    const table = sheet.tables[0]!;
    expect(table.name).toBe(INVITATIONS_TABLE);
    expect(table.columns.map((c) => c.header)).toEqual([
      "Name",
      "Organization",
      "Invited as",
      "Status",
      "Sessions",
      "To act on",
    ]);
    expect(table.rows).toHaveLength(25);
    const hiroshi = table.rows.find((r) => r[0] === "Hiroshi Sato")!;
    expect(hiroshi).toEqual([
      "Hiroshi Sato",
      "Kansai Semiconductors",
      "Speaker",
      "To invite",
      "18 April 2024, 16:30–17:30: A CTO's view of ITU-T (S09)",
      "no e-mail; speaker not confirmed; invitation late",
    ]);
    expect(table.rows.find((r) => r[0] === "Grace Njeri")![3]).toBe("Maybe");
    const text = JSON.stringify(sheet);
    const inv = pending().tables.Invitees!;
    const email = inv.values[0]!.indexOf("Email");
    const addresses = inv.values
      .slice(1)
      .map((r) => String(r[email] ?? ""))
      .filter((a) => a.includes("@"));
    expect(addresses.length).toBeGreaterThan(20);
    for (const a of addresses) expect(text).not.toContain(a);
  });

  test("the Agenda is the generated Agenda's plan, with the report's note and page setup", () => {
    const plan = reportPlan(pending(), APRIL);
    const agenda = plan.workbook.sheets.find((s) => s.name === AGENDA_SHEET)!;
    const built = agendaSheet({
      views: checkWorkbook(pending(), { asOf: APRIL.asOf }).views,
      settings: DEFAULT_SETTINGS,
      date1904: false,
    });
    // The same programme, cell for cell, but for A2.
    expect(agenda.blocks.filter((b) => b.ref !== "A2")).toEqual(built.blocks.filter((b) => b.ref !== "A2"));
    expect(agenda.conditionalFormats).toEqual(built.conditionalFormats);
    expect(agenda.blocks.find((b) => b.ref === "A2")!.values[0]![0]).toMatch(
      /^IEWSC Workbench report of iewsc-sample\.xlsx, as of 20 March 2024/,
    );
    expect(agenda.print).toMatchObject({ scale: built.print!.scale, rowBreaks: built.print!.rowBreaks, paper: "A4" });
    expect(agenda.print!.header).toContain("as of 20 March 2024");
    expect(agenda.print!.footer).toContain("Page &P of &N");
    expect(
      reportPlan(pending(), { ...APRIL, share: true }).workbook.sheets.find((s) => s.name === AGENDA_SHEET)!.print!
        .footer,
    ).toContain("Shared version");
    expect(JSON.stringify(agenda)).toContain("Chloé Martin (Lumière Networks) [to confirm]");
  });

  test("--share: the Invitees' addresses are left out, even one the address pattern would miss", () => {
    const input = pending();
    const inv = input.tables.Invitees!;
    const email = inv.values[0]!.indexOf("Email");
    const name = inv.values[0]!.indexOf("Name");
    inv.values[3]![email] = "kwabena @ goldcoast"; // unusable, and quoted by its finding
    inv.values[4]![name] = "Mei Tanaka <mei@pacific.example>";
    const internal = JSON.stringify(reportPlan(input, APRIL).workbook);
    expect(internal).toContain("kwabena @ goldcoast");
    const shared = JSON.stringify(reportPlan(input, { ...APRIL, share: true }).workbook);
    expect(shared).not.toContain("kwabena @ goldcoast");
    expect(shared).not.toMatch(/[^\s"@]+@[^\s"@]+/);
    for (const row of inv.values.slice(1)) if (row[email]) expect(shared).not.toContain(String(row[email]));
  });

  test("without a Program, no Agenda and no programme line; without Invitees, no Invitations sheet and no invitation line", () => {
    const noProgram = reportPlan(
      sampleInput((t) => delete t.Program),
      options,
    );
    expect(noProgram.workbook.sheets.map((s) => s.name)).not.toContain(AGENDA_SHEET);
    expect(noProgram.workbook.sheets.map((s) => s.name)).toContain(INVITATIONS_SHEET);
    expect(noProgram.lines.map((l) => l.measure)).not.toContain("Speakers not yet confirmed");
    const noInvitees = reportPlan(
      sampleInput((t) => delete t.Invitees),
      options,
    );
    expect(noInvitees.workbook.sheets.map((s) => s.name)).toContain(AGENDA_SHEET);
    expect(noInvitees.workbook.sheets.map((s) => s.name)).not.toContain(INVITATIONS_SHEET);
    expect(noInvitees.lines.filter((l) => l.area === "Invitations")).toEqual([]);
  });
});

const NASTY = { asOf: dayOfIso("2024-03-20")!, today: dayOfIso("2026-12-01")!, title: "nasty.xlsx" };
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
    const internal = JSON.stringify(reportPlan(nasty(), NASTY).workbook);
    for (const s of [SHORT_ODD, LONG_LOCAL.slice(0, 100), "alice@ops.example", "mod@panel.example"])
      expect(internal).toContain(s);
    const shared = reportPlan(nasty(), { ...NASTY, share: true });
    const text = JSON.stringify({ workbook: shared.workbook, chart: shared.chart });
    for (const s of [SHORT_ODD, "kkkkkkkkkk", MOBILE, FEE]) expect(text).not.toContain(s);
    expect(text).not.toMatch(/[^\s"@]+@[^\s"@]+/);
    const findings = shared.workbook.sheets.find((s) => s.name === FINDINGS_SHEET)!.tables[0]!.rows;
    const messages = findings.filter((r) => r[1] === "INVITE_EMAIL_INVALID").map((r) => r[5]);
    expect(messages).toEqual(Array(3).fill(`"${EMAIL_LEFT_OUT}" is not an e-mail address.`));
  });

  test("a word typed in an Email cell is not blanked elsewhere: the statuses and the Summary still read", () => {
    const shared = reportPlan(nasty(), { ...NASTY, share: true }).workbook;
    const invitations = shared.sheets.find((s) => s.name === INVITATIONS_SHEET)!;
    const statuses = invitations.tables[0]!.rows.map((r) => r[3]);
    expect(statuses.filter((s) => s === "Accepted").length).toBeGreaterThan(15);
    expect(statuses).toContain("Maybe");
    expect(JSON.stringify(shared.sheets[0])).toMatch(/\d+ Accepted · /);
  });
});

/** Addresses written with an at sign other than `@`: full-width `＠` (U+FF20) and small `﹫` (U+FE6B). */
const WIDE = {
  name: "Zoe Quinn zoe.quinn\uff20wide.example", // in a Name: shown on the Invitations sheet and the Agenda
  email: "ren\ufe6bsmall.example", // in an Email: quoted by its finding, and typed again in a Title
  title: "Slides to ｍｅｉ＠ｆｕｌｌ．ｅｘａｍｐｌｅ or ren\ufe6bsmall.example",
  moderator: "mod\ufe6bpanel.example",
};
const wide = () =>
  sampleInput((t) => {
    const inv = t.Invitees!;
    const col = (h: string) => inv.values[0]!.indexOf(h);
    inv.values[1]![col("Name")] = WIDE.name;
    inv.values[2]![col("Email")] = WIDE.email;
    const p = t.Program!;
    const pc = (h: string) => p.values[0]!.indexOf(h);
    p.values[1]![pc("Title")] = WIDE.title;
    p.values[2]![pc("Moderator")] = WIDE.moderator;
  });
const WIDE_PARTS = ["zoe.quinn", "wide.example", "small.example", "ｍｅｉ", "ｆｕｌｌ", "panel.example"];

describe("reportPlan --share: an address with a full-width or small at sign is an address", () => {
  test("the internal version shows them; the shared plan and package hold none, nor any ＠ or ﹫", async () => {
    const internal = JSON.stringify(reportPlan(wide(), NASTY).workbook);
    for (const part of WIDE_PARTS) expect(internal).toContain(part);
    const shared = reportPlan(wide(), { ...NASTY, share: true, title: "zoe\uff20wide.example.xlsx" });
    const zip = await JSZip.loadAsync(await reportPackage(shared));
    const parts = await Promise.all(Object.values(zip.files).map(async (f) => `${f.name}\n${await f.async("string")}`));
    for (const text of [JSON.stringify({ workbook: shared.workbook, chart: shared.chart }), ...parts]) {
      for (const part of WIDE_PARTS) expect(text).not.toContain(part);
      expect(text).not.toMatch(/[\uff20\ufe6b]/);
    }
    // The rest of the name and the title are kept: only the address goes.
    expect(JSON.stringify(shared.workbook)).toContain(`Zoe Quinn ${EMAIL_LEFT_OUT}`);
    expect(JSON.stringify(shared.workbook)).toContain(`Slides to ${EMAIL_LEFT_OUT} or ${EMAIL_LEFT_OUT}`);
  });
});

describe("leaveOutAddresses", () => {
  test("every character NFKC reads as an at sign makes an address (there are two besides `@`)", () => {
    const ats: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ch.normalize("NFKC") === "@") ats.push(ch);
    }
    expect(ats).toEqual(["@", "\ufe6b", "\uff20"]);
    for (const at of ats)
      expect(leaveOutAddresses([])(`Write to jo${at}x.org, today`)).toBe(`Write to ${EMAIL_LEFT_OUT}, today`);
  });

  test("a typed address is left out wherever it is, written with any at sign; words without one stay", () => {
    const leaveOut = leaveOutAddresses(["jo @ x.org", "Accepted", "k@"]);
    expect(leaveOut("ask jo ＠ x.org or jo @ x.org; Accepted")).toBe(
      `ask ${EMAIL_LEFT_OUT} or ${EMAIL_LEFT_OUT}; Accepted`,
    );
    expect(leaveOut("kk@")).toBe(`k${EMAIL_LEFT_OUT}`);
  });

  test("folding keeps the text's length, so a match in the folded text is a match at the same place", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(foldWidths(s)).toHaveLength(s.length);
      }),
    );
  });
});
