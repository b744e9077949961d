import { spawnSync } from "node:child_process";
import { CLI, runCli } from "../helpers/cli";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { goodRoster, member } from "../helpers/tables";
import { REAL_WORKBOOKS } from "../helpers/fixtures";

const ROOT = resolve(__dirname, "../..");
const REAL = REAL_WORKBOOKS;
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");
const dir = mkdtempSync(join(tmpdir(), "iewsc-cli-"));

/** Runs the compiled command line as a user would, in a chosen time zone. */
const iewsc = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env });

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function workbook(name: string, roster: unknown[][], extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Roster").addRows(roster);
  extra?.(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
});

describe("iewsc check", () => {
  test("--json on the sample: exactly the documented shape, exit 1 for an error finding", () => {
    const { code, stdout, stderr } = iewsc(["check", "--json", "--as-of", "2024-06-01", SAMPLE]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const overdue = (row: number, id: string, due: string, days: number, dueText: string) => ({
      code: "TIMELINE_OVERDUE",
      severity: "error",
      sheet: "Timeline",
      row,
      column: "Actual",
      message: `${id} is ${days} days overdue: planned by ${dueText} and no Actual date yet.`,
      data: { id, due, asOf: "2024-06-01", daysOverdue: days, by: "Calendar" },
    });
    expect(JSON.parse(stdout)).toEqual({
      results: [
        {
          file: SAMPLE,
          findings: [
            {
              code: "ROSTER_JUSTIFICATION_MISSING",
              severity: "error",
              sheet: "Roster",
              row: 10,
              column: "Justification",
              message:
                "Michael Brennan has no justification; say what they bring (workshop experience, industry network, key experts …).",
              data: { name: "Michael Brennan" },
            },
            overdue(3, "TL02", "2023-06-30", 337, "30 June 2023"),
            overdue(4, "TL03", "2023-10-31", 214, "31 October 2023"),
          ],
          summary: { errors: 3, warnings: 0, info: 0 },
        },
      ],
      failed: [],
    });
    expect(Object.keys(JSON.parse(stdout).results[0].findings[0])).toEqual([
      "code",
      "severity",
      "sheet",
      "row",
      "column",
      "message",
      "data",
    ]);
  });

  test("without --as-of or an AsOf setting, today is the calendar day on the user's clock, in any time zone", () => {
    for (const tz of ["Pacific/Kiritimati", "America/Los_Angeles"]) {
      const today = new Intl.DateTimeFormat("en-CA", {
        timeZone: tz,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(new Date());
      const { stdout } = iewsc(["check", "--json", SAMPLE], { TZ: tz });
      const asOfs = JSON.parse(stdout)
        .results[0].findings.filter((f: { code: string }) => f.code === "TIMELINE_OVERDUE")
        .map((f: { data: { asOf: string } }) => f.data.asOf);
      expect(asOfs.length).toBeGreaterThan(0);
      expect(new Set(asOfs)).toEqual(new Set([today]));
    }
  });

  test("a clean roster exits 0 and says so in plain words", async () => {
    const file = await workbook("clean.xlsx", goodRoster());
    const { code, stdout } = iewsc(["check", file]);
    expect(code).toBe(0);
    expect(stdout).toContain("clean.xlsx — roster checked: 0 errors · 0 warnings · 0 notes");
  });

  test("warnings alone exit 0; the human report lists each finding with where it is", async () => {
    const file = await workbook("warn.xlsx", [
      ...goodRoster(),
      member({ Name: "Rosa", Role: "Deputy Secretary-General", Email: "rosa(at)example.org" }),
    ]);
    const { code, stdout } = iewsc(["check", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /warning\s+Roster row 17, Email\s+"rosa\(at\)example\.org" is not an e-mail address\. \[ROSTER_EMAIL_INVALID\]/,
    );
  });

  test.each(readdirSync(REAL).filter((f) => f.endsWith(".xlsx")))(
    "real workbook %s: exit 2, one line naming the file and what it lacks",
    (name) => {
      const file = join(REAL, name);
      const before = sha(file);
      const { code, stdout, stderr } = iewsc(["check", file]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`${file}: `);
      expect(lines[0]).toMatch(
        name === "invalid-xml.xlsx" ? /damaged/ : /no Roster, Timeline, Tasks, Program or Invitees table was found/,
      );
      expect(sha(file)).toBe(before);
    },
  );

  test("a missing column: exit 2, naming the file, the table and the column", async () => {
    const file = await workbook("no-gender.xlsx", [
      ["Name", "Role"],
      ["Ada", "TSB Director"],
    ]);
    const { code, stderr } = iewsc(["check", file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`iewsc: ${file}: the Roster table on sheet "Roster" has no "Gender" column\n`);
  });

  test("several workbooks on two threads: results in the order given, the unusable one under failed, exit 2", async () => {
    const clean = await workbook("a.xlsx", goodRoster());
    const missing = join(dir, "missing.xlsx");
    const { code, stdout, stderr } = iewsc(["check", "--json", "--jobs", "2", SAMPLE, missing, clean]);
    expect(code).toBe(2);
    const doc = JSON.parse(stdout);
    expect(doc.results.map((r: { file: string }) => r.file)).toEqual([SAMPLE, clean]);
    expect(doc.failed).toEqual([{ file: missing, error: `${missing}: no such file` }]);
    expect(stderr).toBe(`iewsc: ${missing}: no such file\n`);
  });

  test("inputs are never modified", async () => {
    const copy = join(dir, "sample-copy.xlsx");
    copyFileSync(SAMPLE, copy);
    const before = sha(copy);
    iewsc(["check", copy]);
    iewsc(["check", "--json", "--as-of", "2024-01-01", copy]);
    expect(sha(copy)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test.each([
    [
      ["check", "--as-of", "19/04/2024", SAMPLE],
      /^iewsc: option '--as-of <YYYY-MM-DD>' argument '19\/04\/2024' is invalid\. "19\/04\/2024" is not a date written YYYY-MM-DD\. \(run iewsc --help for the commands\)\n$/,
    ],
    [["check", "--as-of", "2024-02-30", SAMPLE], /is not a date written YYYY-MM-DD/],
    [["check"], /^iewsc: missing required argument 'workbook'/],
    [["frobnicate"], /^iewsc: unknown command 'frobnicate'/],
    [["template"], /^iewsc: required option '--out <file>' not specified/],
  ])("a usage mistake %p: exit 2 and one plain line", (args, message) => {
    const { code, stderr, stdout } = iewsc(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.split("\n")).toHaveLength(2); // one line, then its end
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test("--help lists the commands and exits 0", () => {
    const { code, stdout } = iewsc(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("check [options] <workbook...>");
    expect(stdout).toContain("template [options]");
    expect(iewsc(["check", "--help"]).stdout).toContain(
      "Exit codes: 0 no errors found, 1 errors found, 2 a workbook could not be used.",
    );
  });
});

describe("iewsc template", () => {
  test("writes the template and the sample atomically; both check as expected", () => {
    const out = join(dir, "mine.xlsx");
    expect(iewsc(["template", "--out", out]).code).toBe(0);
    expect(iewsc(["template", "--sample", "--out", out]).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    const { code, stdout } = iewsc(["check", "--json", "--as-of", "2024-05-01", out]);
    expect(code).toBe(1);
    // The missing justification, and TL02 and TL03, which nobody dated.
    expect(JSON.parse(stdout).results[0].summary).toEqual({ errors: 3, warnings: 0, info: 0 });
  });

  test("refuses a folder that does not exist, and a file that is not .xlsx, writing nothing", () => {
    expect(iewsc(["template", "--out", join(dir, "no/such/folder/x.xlsx")])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("does not exist; nothing was written"),
    });
    const notXlsx = join(dir, "x.csv");
    expect(iewsc(["template", "--out", notXlsx])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("must be an .xlsx file"),
    });
    expect(existsSync(notXlsx)).toBe(false);
  });
});

describe("no time zone moves a date", () => {
  test.each(["Pacific/Kiritimati", "America/Los_Angeles"])(
    "%s: the same check output and the same dates read as under UTC",
    async (tz) => {
      const file = await workbook(
        "dates.xlsx",
        [...goodRoster(), member({ Name: "x", Role: "TSB Director" })],
        (wb) => {
          const s = wb.addWorksheet("Settings");
          s.addRows([
            ["Key", "Value"],
            ["AsOf", new Date(Date.UTC(2024, 0, 1))],
            ["MinGenderShare", "half"],
          ]);
          s.getCell("B2").numFmt = "yyyy-mm-dd";
        },
      );
      writeFileSync(
        join(dir, "read.js"),
        `require(${JSON.stringify(join(ROOT, "dist/scripts/xlsx/read-workbook.js"))}).readWorkbookInput(process.argv[2]).then((x) => process.stdout.write(JSON.stringify(x)));`,
      );
      const read = (zone: string, f: string) =>
        spawnSync(process.execPath, [join(dir, "read.js"), f], { encoding: "utf8", env: { ...process.env, TZ: zone } })
          .stdout;
      const utc = {
        check:
          iewsc(["check", "--json", "--as-of", "2024-11-01", SAMPLE], { TZ: "UTC" }).stdout +
          iewsc(["check", "--json", file], { TZ: "UTC" }).stdout,
        dates: read("UTC", SAMPLE),
        asOf: read("UTC", file),
        old: read("UTC", join(REAL, "1904.xlsx")),
      };
      expect(JSON.parse(utc.asOf).tables.Settings.values[1][1]).toEqual({ date: "2024-01-01" });
      expect(utc.dates).toContain('{"date":"2024-04-19"}');
      expect(
        iewsc(["check", "--json", "--as-of", "2024-11-01", SAMPLE], { TZ: tz }).stdout +
          iewsc(["check", "--json", file], { TZ: tz }).stdout,
      ).toBe(utc.check);
      expect(read(tz, SAMPLE)).toBe(utc.dates);
      expect(read(tz, file)).toBe(utc.asOf);
      expect(read(tz, join(REAL, "1904.xlsx"))).toBe(utc.old);
    },
  );
});

describe("npm run demo", () => {
  test("writes the sample to out/, checks it, prints the finding and exits 0", () => {
    const cwd = mkdtempSync(join(tmpdir(), "iewsc-demo-"));
    const r = spawnSync(process.execPath, [join(ROOT, "dist/scripts/demo.js")], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Wrote out/iewsc-sample.xlsx");
    expect(r.stdout).toContain("Michael Brennan has no justification");
    expect(r.stdout).toContain("[ROSTER_JUSTIFICATION_MISSING]");
    expect(existsSync(join(cwd, "out/iewsc-sample.xlsx"))).toBe(true);
  });
});
