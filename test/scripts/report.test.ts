import { spawnSync } from "node:child_process";
import { CLI, runCli } from "../helpers/cli";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { REAL_WORKBOOKS } from "../helpers/fixtures";
import { SOFFICE, describeWith, run } from "../helpers/programs";
import { emailsIn, packageParts, withHistory } from "../helpers/report";
import { goodRoster, member } from "../helpers/tables";

const ROOT = resolve(__dirname, "../..");
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");
const ARTIFACTS = join(ROOT, "test-artifacts");
const dir = mkdtempSync(join(tmpdir(), "iewsc-report-"));
const PHONE = "+41 22 730 5111";
/** Columns the contract does not name, added to Program and Invitees: the shared version carries neither. */
const MOBILE = "+41 79 555 0101";
const PRIVATE_NOTE = "ask the chair about the speaker fee";
/** An address no pattern recognises, typed in Invitees' Email column: still an address someone typed. */
const ODD_ADDRESS = "hiroshi at kansai-semi";

/**
 * Rewrites the tables `Program` and `Invitees` of `file` with one more column each (`Private notes`,
 * `Mobile`), and Hiroshi Sato's e-mail as `ODD_ADDRESS`.
 */
async function withExtraColumns(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const [name, extra, value] of [
    ["Program", "Private notes", PRIVATE_NOTE],
    ["Invitees", "Mobile", MOBILE],
  ] as const) {
    const ws = wb.getWorksheet(name)!;
    const table = (
      ws as unknown as {
        tables: Record<string, { table: { tableRef?: string; ref?: string; columns: { name: string }[] } }>;
      }
    ).tables[name]!.table;
    const bottom = Number(/(\d+)$/.exec(table.tableRef ?? table.ref ?? "")![1]);
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 2; r <= bottom; r++) {
      const row = table.columns.map((c, i) => {
        const v = ws.getCell(r, i + 1).value;
        return name === "Invitees" && c.name === "Email" && String(v).startsWith("hiroshi") ? ODD_ADDRESS : v;
      });
      rows.push([...row, value]);
    }
    ws.removeTable(name);
    ws.addTable({
      name,
      ref: "A1",
      headerRow: true,
      columns: [...table.columns.map((c) => ({ name: c.name })), { name: extra }],
      rows,
    });
  }
  await wb.xlsx.writeFile(file);
}

const iewsc = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env, timeoutMs: 300_000 });

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const inputs = {
  history: join(dir, "in", "with-history.xlsx"),
  sample: join(dir, "in", "sample.xlsx"),
  odd: join(dir, "in", "odd roster & co.xlsx"),
  broken: join(dir, "in", "broken.xlsx"),
};

beforeAll(async () => {
  if (!existsSync(CLI))
    throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
  mkdirSync(join(dir, "in"));
  await withHistory(SAMPLE, inputs.history, { phone: PHONE });
  await withExtraColumns(inputs.history);
  copyFileSync(SAMPLE, inputs.sample);
  // Odd: a roster alone, on a sheet with a title row above the headers, an address that is not one, an extra column.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Roster");
  ws.addRow(["Our committee (draft)"]);
  const rows = goodRoster();
  ws.addRow([...(rows[0] as string[]), "Mobile"]);
  for (const row of rows.slice(1)) ws.addRow([...row, PHONE]);
  ws.addRow([...member({ Name: "Mary Major", Email: "mary@example", Region: "Europe", Gender: "Female" }), PHONE]);
  await wb.xlsx.writeFile(inputs.odd);
  writeFileSync(inputs.broken, "this is not a workbook");
}, 60_000);

const allInputs = () => [...Object.values(inputs), ...readdirSync(REAL_WORKBOOKS).map((f) => join(REAL_WORKBOOKS, f))];
const hashes = () => new Map(allInputs().map((f) => [f, sha(f)]));

describe("iewsc report on a batch of good, odd and broken workbooks", () => {
  const out = join(dir, "out");
  let result: ReturnType<typeof iewsc>;
  let before: Map<string, string>;

  beforeAll(() => {
    before = hashes();
    result = iewsc([
      "report",
      "--json",
      "--as-of",
      "2024-03-01",
      "--out",
      out,
      inputs.history,
      inputs.sample,
      inputs.odd,
      inputs.broken,
      REAL_WORKBOOKS,
    ]);
  }, 300_000);

  test("the reports that should exist exist, and the output folder holds nothing else", () => {
    const doc = JSON.parse(result.stdout) as {
      reports: { file: string; out: string; summary: { errors: number; warnings: number; info: number } }[];
      failed: { file: string; error: string }[];
    };
    expect(doc.reports.map((r) => [basename(r.file), basename(r.out)])).toEqual([
      ["with-history.xlsx", "with-history-report.xlsx"],
      ["sample.xlsx", "sample-report.xlsx"],
      ["odd roster & co.xlsx", "odd roster & co-report.xlsx"],
    ]);
    expect(doc.reports[1]!.summary).toEqual({ errors: 3, warnings: 0, info: 0 });
    expect(readdirSync(out).sort()).toEqual(doc.reports.map((r) => basename(r.out)).sort());
  });

  test("each broken workbook is listed under failed with one line naming it, and the exit code is 2", () => {
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { failed: { file: string; error: string }[] };
    const real = readdirSync(REAL_WORKBOOKS).filter((f) => f.endsWith(".xlsx"));
    expect(doc.failed.map((f) => basename(f.file)).sort()).toEqual(["broken.xlsx", ...real].sort());
    for (const f of doc.failed) {
      expect(f.error.startsWith(f.file)).toBe(true);
      expect(f.error).not.toContain("\n");
      expect(f.error).not.toMatch(/at .*\.js:\d+/);
    }
    expect(doc.failed.find((f) => f.file === inputs.broken)?.error).toContain("is not an .xlsx workbook");
    // Standard error has the same lines; standard output is the JSON alone.
    expect(result.stderr.trim().split("\n")).toHaveLength(doc.failed.length);
  });

  test("the inputs are byte-identical afterwards", () => {
    expect(hashes()).toEqual(before);
  });

  test("each report reads back with ExcelJS: a new workbook, Summary first, every finding in Findings", async () => {
    const expected: Record<string, string[]> = {
      "with-history-report.xlsx": [
        "Summary",
        "Findings",
        "Balance",
        "Timeline",
        "Trend",
        "Budget",
        "Resources",
        "Agenda",
        "Invitations",
      ],
      "sample-report.xlsx": [
        "Summary",
        "Findings",
        "Balance",
        "Timeline",
        "Budget",
        "Resources",
        "Agenda",
        "Invitations",
      ],
      "odd roster & co-report.xlsx": ["Summary", "Findings", "Balance"],
    };
    for (const [name, sheets] of Object.entries(expected)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, name));
      expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
      expect(wb.creator).toBe("IEWSC Workbench");
      const summary = wb.getWorksheet("Summary")!;
      expect(summary.getCell("A3").value).toMatch(/^As of 1 March 2024 · /);
      expect(summary.pageSetup.fitToWidth).toBe(1);
      expect(summary.pageSetup.fitToHeight).toBe(1);
      const findings = wb.getWorksheet("Findings")!;
      expect(findings.headerFooter.oddFooter).toContain("Page &P of &N");
      expect(findings.pageSetup.printTitlesRow).toBe("4:4");
    }
    const odd = new ExcelJS.Workbook();
    await odd.xlsx.readFile(join(out, "odd roster & co-report.xlsx"));
    const codes: string[] = [];
    odd.getWorksheet("Findings")!.eachRow((row, r) => {
      if (r > 4) codes.push(String(row.getCell(2).value));
    });
    expect(codes).toContain("ROSTER_EMAIL_INVALID");
  });

  test("the sample's report holds its Agenda and the state of its invitations, laid out to print", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "sample-report.xlsx"));
    const agenda = wb.getWorksheet("Agenda")!;
    expect(agenda.getCell("A1").value).toBe("Agenda — First ITU-T Industry Engagement Workshop");
    expect(agenda.getCell("A2").value).toMatch(/^IEWSC Workbench report of sample\.xlsx, as of 1 March 2024/);
    const texts: string[] = [];
    agenda.eachRow((row) => texts.push((row.values as ExcelJS.CellValue[]).slice(1).map(String).join(" | ")));
    expect(texts).toContain("Thursday 18 April 2024 |  |  |  |  |  |  | Speakers at a glance");
    expect(texts.some((t) => t.startsWith("Friday 19 April 2024"))).toBe(true);
    expect(texts.find((t) => t.includes("| S04 |"))).toContain(
      "AI and networks: standards that ship | Mei Tanaka (Pacific Rim Labs) | José Ramírez (Andes Cloud); Nguyễn Thị Lan (Mekong AI Labs); Björn Lindqvist (Nordlys Radio)",
    );
    expect(agenda.pageSetup.orientation).toBe("landscape");
    expect(agenda.pageSetup.scale).toBe(65);
    expect(agenda.headerFooter.oddHeader).toContain("as of 1 March 2024");
    expect(agenda.headerFooter.oddFooter).toContain("Page &P of &N");

    const inv = wb.getWorksheet("Invitations")!;
    expect(inv.getCell("A3").value).toBe("25 invitees: 0 To invite · 0 Invited · 24 Accepted · 1 Declined");
    expect((inv.getRow(4).values as string[]).slice(1)).toEqual([
      "Name",
      "Organization",
      "Invited as",
      "Status",
      "Sessions",
      "To act on",
    ]);
    expect((inv.getRow(5).values as string[]).slice(1, 6)).toEqual([
      "Kenji Morita",
      "ITU/TSB",
      "Speaker",
      "Accepted",
      "18 April 2024, 09:00–09:30: Welcome and opening remarks (S01); 19 April 2024, 12:15–12:45: Conclusions and next steps (S15)",
    ]);
    expect(inv.rowCount).toBe(4 + 25);
    expect(inv.pageSetup.printTitlesRow).toBe("4:4");
    const summary: string[] = [];
    wb.getWorksheet("Summary")!.eachRow((row) => summary.push(`${row.getCell(2).value}: ${row.getCell(4).value}`));
    expect(summary).toEqual(
      expect.arrayContaining([
        "Invitees by status: Green",
        "To contact without an e-mail: Green",
        "Speakers not yet confirmed: Green",
        "Late invitations: Green",
      ]),
    );
    // A workbook without Program and Invitees has neither sheet (the roster-only report above), and says so nowhere.
    const odd = new ExcelJS.Workbook();
    await odd.xlsx.readFile(join(out, "odd roster & co-report.xlsx"));
    const oddSummary: string[] = [];
    odd.getWorksheet("Summary")!.eachRow((row) => oddSummary.push(String(row.getCell(1).value)));
    expect(oddSummary).not.toContain("Invitations");
  });

  test("the trend chart is in the package: a scatter chart with the diagonal and one series per milestone", async () => {
    const parts = await packageParts(join(out, "with-history-report.xlsx"));
    const chart = parts.get("xl/charts/chart1.xml")!;
    expect(chart).toContain("<c:scatterChart>");
    expect([...chart.matchAll(/<c:ser>/g)]).toHaveLength(5);
    expect(chart).toContain("<c:f>Trend!$C$33:$C$36</c:f>");
    expect(parts.get("[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
    expect(parts.get("xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart1.xml");
    const trendSheet = [...parts.entries()].find(
      ([n, x]) => n.startsWith("xl/worksheets/sheet") && x.includes("<drawing "),
    );
    // The fifth sheet, Trend, is the one the drawing is on.
    expect(trendSheet?.[0]).toBe("xl/worksheets/sheet5.xml");
    expect(parts.get("xl/workbook.xml")).toMatch(/<sheet sheetId="5" name="Trend"/);
    expect((await packageParts(join(out, "sample-report.xlsx"))).has("xl/charts/chart1.xml")).toBe(false);
  });
});

describe("iewsc report --share", () => {
  test("no e-mail address of any input, and no column the contract does not name, anywhere in the package", async () => {
    const out = join(dir, "shared");
    const r = iewsc(["report", "--share", "--as-of", "2024-03-01", "--out", out, inputs.history, inputs.odd]);
    expect(r.code).toBe(1);
    const addresses = [
      ...(await emailsIn(inputs.history)),
      ...(await emailsIn(inputs.odd)),
      "mary@example",
      ODD_ADDRESS,
    ];
    // The Roster's and the Invitees' addresses.
    expect(addresses.length).toBeGreaterThan(35);
    for (const name of readdirSync(out)) {
      const parts = await packageParts(join(out, name));
      for (const [part, text] of parts) {
        for (const a of addresses) expect(`${part}: ${text.includes(a)}`).toBe(`${part}: false`);
        expect(text).not.toContain(PHONE);
        expect(text).not.toContain(MOBILE);
        expect(text).not.toContain(PRIVATE_NOTE);
        expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*/);
      }
      expect(parts.get("docProps/core.xml")).toContain("shared version");
    }
    // The internal version does carry the addresses their findings quote: the test above can fail.
    const internal = join(dir, "internal");
    iewsc(["report", "--as-of", "2024-03-01", "--out", internal, inputs.odd, inputs.history]);
    const text = [...(await packageParts(join(internal, "odd roster & co-report.xlsx"))).values()].join("");
    expect(text).toContain("mary@example");
    const history = [...(await packageParts(join(internal, "with-history-report.xlsx"))).values()].join("");
    expect(history).toContain(ODD_ADDRESS);
  }, 120_000);
});

describe("iewsc report: identical files, refusals", () => {
  test("--jobs 1 and --jobs 2 give byte-identical reports, in any time zone", () => {
    const files = [inputs.history, inputs.sample, inputs.odd];
    const one = iewsc(["report", "--jobs", "1", "--as-of", "2024-03-01", "--out", join(dir, "j1"), ...files]);
    // Both workers at once (a batch this short would otherwise stay on one: a second does not pay).
    const two = iewsc(["report", "--jobs", "2", "--as-of", "2024-03-01", "--out", join(dir, "j2"), ...files], {
      TZ: "Pacific/Kiritimati",
      IEWSC_EAGER_WORKERS: "1",
    });
    expect([one.code, two.code]).toEqual([1, 1]);
    const names = readdirSync(join(dir, "j1")).sort();
    expect(names).toHaveLength(3);
    expect(readdirSync(join(dir, "j2")).sort()).toEqual(names);
    for (const n of names) expect(sha(join(dir, "j2", n))).toBe(sha(join(dir, "j1", n)));
  }, 300_000);

  test("an output folder that is an input folder is refused, and so is a report that would replace an input", () => {
    const folder = join(dir, "refuse");
    mkdirSync(folder);
    copyFileSync(SAMPLE, join(folder, "a.xlsx"));
    copyFileSync(SAMPLE, join(folder, "a-report.xlsx"));
    const same = iewsc(["report", folder, "--out", folder]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/is one of the input folders/);
    expect(readdirSync(folder).sort()).toEqual(["a-report.xlsx", "a.xlsx"]);
    const replace = iewsc(["report", "--json", join(folder, "a.xlsx"), join(folder, "a-report.xlsx"), "--out", folder]);
    expect(replace.code).toBe(2);
    const doc = JSON.parse(replace.stdout) as {
      reports: { file: string }[];
      failed: { file: string; error: string }[];
    };
    expect(doc.failed.map((f) => basename(f.file))).toEqual(["a.xlsx"]);
    expect(doc.failed[0]!.error).toMatch(/would replace an input/);
    expect(sha(join(folder, "a.xlsx"))).toBe(sha(SAMPLE));
  }, 120_000);

  test("--pdf without LibreOffice: one line saying so, exit 2, nothing written", () => {
    const out = join(dir, "no-pdf");
    const r = iewsc(["report", "--pdf", "--out", out, inputs.sample], { PATH: "/nonexistent" });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^iewsc: --pdf needs LibreOffice/)]);
    expect(existsSync(out)).toBe(false);
  });
});

describe("iewsc report --pdf when LibreOffice prints nothing", () => {
  test("a PDF LibreOffice did not produce is a failure, not a silent success, and leaves nothing behind", () => {
    const bin = join(dir, "fake-bin");
    mkdirSync(bin);
    // Like LibreOffice on a file it cannot load: exit 0, no output.
    writeFileSync(join(bin, "soffice"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    const out = join(dir, "pdf-failed");
    const r = iewsc(["report", "--json", "--pdf", "--out", out, inputs.sample], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { reports: unknown[]; failed: { file: string; error: string }[] };
    expect(doc.reports).toEqual([]);
    expect(doc.failed).toEqual([
      { file: inputs.sample, error: `${inputs.sample}: LibreOffice did not print the report to PDF` },
    ]);
    expect(existsSync(out)).toBe(false);
  });
});

describeWith("LibreOffice", SOFFICE)("iewsc report --pdf, rendered by LibreOffice", () => {
  const out = join(dir, "pdf");
  beforeAll(() => {
    // Two conversions at once, each with its own LibreOffice profile.
    const r = iewsc(
      ["report", "--pdf", "--jobs", "2", "--as-of", "2024-03-01", "--out", out, inputs.history, inputs.odd],
      { IEWSC_EAGER_WORKERS: "1" },
    );
    if (r.code !== 1) throw new Error(`report --pdf failed: ${r.stderr}`);
  }, 300_000);

  test("a PDF beside each report, and nothing else in the folder", () => {
    expect(readdirSync(out).sort()).toEqual([
      "odd roster & co-report.pdf",
      "odd roster & co-report.xlsx",
      "with-history-report.pdf",
      "with-history-report.xlsx",
    ]);
    for (const f of readdirSync(out).filter((n) => n.endsWith(".pdf")))
      expect(readFileSync(join(out, f)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("every sheet printed: the Summary on page 1, the trend chart drawn with its axis titles", () => {
    const pdf = join(out, "with-history-report.pdf");
    const text = run("/usr/bin/pdftotext", ["-layout", pdf, "-"]);
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages[0]).toContain("IEWSC report: with-history.xlsx");
    expect(pages[0]).toContain("Share of women");
    expect(pages[0]).toContain("Page 1 of");
    const trend = pages.find((p) => p.includes("Milestone trend: forecast date by reporting date"));
    expect(trend).toContain("Reporting date");
    expect(trend).toContain("Forecast date");
    for (const sheet of ["Findings", "Balance", "Timeline", "Trend", "Budget", "Resources", "Agenda", "Invitations"])
      expect(pages.some((p) => p.includes(sheet))).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    run("/usr/bin/pdftoppm", ["-png", "-r", "80", pdf, join(ARTIFACTS, "report-page")]);
    run("/usr/bin/pdftoppm", [
      "-png",
      "-r",
      "110",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(ARTIFACTS, "report-summary"),
    ]);
    expect(statSync(join(ARTIFACTS, "report-summary.png")).size).toBeGreaterThan(10_000);
  });

  test("the Agenda prints one day per page with its speakers at a glance, the Invitations after it, the Summary on one page", () => {
    const pdf = join(out, "with-history-report.pdf");
    const text = run("/usr/bin/pdftotext", ["-layout", pdf, "-"]);
    const pages = text.split("\f").filter((p) => p.trim());
    const summaryPages = pages.filter((p) => /\bSummary\s+Page \d+ of/.test(p));
    expect(summaryPages).toHaveLength(1);
    expect(summaryPages[0]).toContain("Speakers not yet confirmed");
    const agenda = pages.map((p, i) => ({ p, i })).filter(({ p }) => /\bAgenda\s+Page \d+ of/.test(p));
    expect(agenda.map(({ p }) => /(Thursday 18|Friday 19) April 2024/.exec(p)?.[0])).toEqual([
      "Thursday 18 April 2024",
      "Friday 19 April 2024",
    ]);
    expect(agenda[0]!.p).toContain("Agenda — First ITU-T Industry Engagement Workshop");
    expect(agenda[0]!.p).toContain("Speakers at a glance");
    expect(agenda[0]!.p).toContain("as of 1 March 2024");
    const invitations = pages.find((p) => /\bInvitations\s+Page \d+ of/.test(p));
    expect(invitations).toContain("25 invitees: 0 To invite · 0 Invited · 24 Accepted · 1 Declined");
    expect(invitations).not.toContain(MOBILE);
    mkdirSync(ARTIFACTS, { recursive: true });
    const first = String(agenda[0]!.i + 1);
    run("/usr/bin/pdftoppm", [
      "-png",
      "-r",
      "110",
      "-f",
      first,
      "-l",
      first,
      "-singlefile",
      pdf,
      join(ARTIFACTS, "report-agenda"),
    ]);
    expect(statSync(join(ARTIFACTS, "report-agenda.png")).size).toBeGreaterThan(10_000);
  });
});

describe("npm run demo", () => {
  test("also writes the sample's report, as of 1 March 2024", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "iewsc-demo-report-"));
    const r = spawnSync(process.execPath, [join(ROOT, "dist/scripts/demo.js")], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Wrote out/reports/iewsc-sample-report.xlsx: 3 errors · 0 warnings · 0 notes");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, "out/reports/iewsc-sample-report.xlsx"));
    expect(wb.getWorksheet("Summary")!.getCell("A3").value).toBe(
      "As of 1 March 2024 · 3 errors · 0 warnings · 0 notes",
    );
  }, 120_000);
});
