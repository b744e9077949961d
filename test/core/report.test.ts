import {
  type CellValue,
  EMAIL_LEFT_OUT,
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
      for (const name of ["Timeline", "Workshop", "Rates", "Tasks", "Meetings", "Blackouts"] as const) delete t[name];
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
