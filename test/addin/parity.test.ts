/**
 * One engine, two front ends: the same workbooks checked through the Office.js adapter (the fake host)
 * and through the command line (`iewsc check --json`, compiled) give the same findings, words included.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { type CellValue, dayOfIso, describe as describeFindings } from "../../core";
import { checkIn } from "../../addin/excel/check";
import { LEADERS, ROSTER_HEADER, goodRoster, member } from "../helpers/tables";
import { edit, torTimeline } from "../helpers/timeline";
import { fakeExcel } from "./fake";

const CLI = resolve(__dirname, "../../dist/scripts/iewsc.js");
const dir = mkdtempSync(join(tmpdir(), "iewsc-parity-"));
const today = dayOfIso("2026-11-28")!;

type Sheets = Record<string, CellValue[][]>;

const settings: CellValue[][] = [
  ["Key", "Value"],
  ["AsOf", "2024-06-01"],
];
const tasks: CellValue[][] = [
  ["ID", "Task", "Owner", "Due", "Effort", "Status"],
  ["T1", "Agenda", "Helena Varga", "2024-03-01", 2, "Open"],
  ["T2", "Venue", "Nobody Known", "2024-09-01", "two", "Open"],
];
const withoutGender = (rows: CellValue[][]) => rows.map((r) => [...r.slice(0, 3), ...r.slice(4)]);

const WORKBOOKS: [string, Sheets][] = [
  // The case of the issue: a Roster lacking its Gender column beside a good Timeline.
  [
    "a Roster without Gender beside a good Timeline",
    { Roster: withoutGender(goodRoster()), Timeline: torTimeline(), Settings: settings },
  ],
  [
    "a roster, a timeline and tasks, each with findings",
    {
      Roster: [
        ...goodRoster(),
        member({ Name: "Rosa", Role: "Deputy Secretary-General", Gender: "F", Email: "rosa(at)example.org" }),
      ],
      Timeline: edit(torTimeline(), "TL03", { Forecast: "mid December 2023", "Depends On": "TL09" }),
      Tasks: tasks,
      Settings: settings,
    },
  ],
  [
    "a Meetings table that cannot be used",
    {
      Roster: [ROSTER_HEADER, ...LEADERS],
      Timeline: torTimeline(),
      Meetings: [["Body"], ["TSAG"]],
      Settings: settings,
    },
  ],
];

async function xlsx(name: string, sheets: Sheets): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const comparable = (f: {
  code: string;
  severity: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
  data: unknown;
}) => ({
  code: f.code,
  severity: f.severity,
  sheet: f.sheet,
  row: f.row,
  column: f.column,
  message: f.message,
  data: f.data,
});

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
});

describe("the add-in and the command line give the same findings", () => {
  test.each(WORKBOOKS)(
    "%s",
    async (name, sheets) => {
      const file = await xlsx(name, sheets);
      const cli = spawnSync(process.execPath, [CLI, "check", "--json", file], { encoding: "utf8", timeout: 120_000 });
      expect(cli.stderr).toBe("");
      const fromCli = JSON.parse(cli.stdout).results[0].findings.map(comparable);

      const excel = fakeExcel({ sheets: Object.entries(sheets).map(([sheet, cells]) => ({ name: sheet, cells })) });
      const outcome = await excel.run((ctx) => checkIn(ctx, { focus: "roster", today }));
      const fromAddin = describeFindings(outcome.result.findings).map(comparable);

      expect(fromCli.length).toBeGreaterThan(0);
      expect(fromAddin).toEqual(fromCli);
      // The exit code and the pane's summary come from the same findings.
      expect(cli.status).toBe(outcome.result.summary.errors > 0 ? 1 : 0);
    },
    120_000,
  );

  test("the partly unusable workbook: both report TABLE_UNUSABLE for the Roster, and the timeline's findings", async () => {
    const [name, sheets] = WORKBOOKS[0]!;
    const file = await xlsx(`${name}-text`, sheets);
    const cli = spawnSync(process.execPath, [CLI, "check", file], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 120_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("timeline checked:");
    expect(cli.stdout).toMatch(
      /error +Roster, Gender +The Roster table on sheet "Roster" has no "Gender" column, so the roster was not checked; add the column and check again\. \[TABLE_UNUSABLE\]/,
    );
    expect(cli.stdout).toContain("[TIMELINE_OVERDUE]");

    const excel = fakeExcel({ sheets: Object.entries(sheets).map(([sheet, cells]) => ({ name: sheet, cells })) });
    const roster = await excel.run((ctx) => checkIn(ctx, { focus: "roster", today }));
    expect(roster.findings.map((f) => f.code)).toEqual(["TABLE_UNUSABLE"]);
    expect(roster.summary).toEqual({ errors: 1, warnings: 0, info: 0 });
    const timeline = await excel.run((ctx) => checkIn(ctx, { focus: "timeline", today }));
    expect(timeline.findings.every((f) => f.code.startsWith("TIMELINE_"))).toBe(true);
    // The Checks sheet holds both, whichever check was asked for.
    const codes = excel.values("Checks", "B6:B30").flat();
    expect(codes).toContain("TABLE_UNUSABLE");
    expect(codes).toContain("TIMELINE_OVERDUE");
  }, 120_000);
});
