import { CLI, runCli } from "../helpers/cli";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import {
  type BalanceRow,
  type CellValue,
  BALANCE_SHEET,
  DEFAULT_SETTINGS,
  arbitrate,
  balanceByRegion,
  balanceSheet,
  readMembers,
  readTable,
} from "../../core";
import { loadWorkbook } from "../../scripts/xlsx/read-workbook";
import { renderSheet } from "../../scripts/xlsx/render";
import { OVERSUBSCRIBED } from "../helpers/arbitration";
import { readCsv } from "../helpers/csv";
import { libreConvert } from "../helpers/libreoffice";
import { SOFFICE, describeWith } from "../helpers/programs";
import { member, raw } from "../helpers/tables";

const ROOT = resolve(__dirname, "../..");
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");
const dir = mkdtempSync(join(tmpdir(), "iewsc-arbitrate-"));

const iewsc = (args: string[]) => runCli(args, { cwd: dir });

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function workbook(name: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** LibreOffice writes a share with all its digits ("45.4545454545455%"): compare to ten places. */
const round = (x: number) => Math.round(x * 1e10) / 1e10;

/** The core's figures for a roster as the sheet lays them out: B–J of rows 7–15. */
function coreFigures(rows: CellValue[][]): (number | null)[][] {
  const settings = DEFAULT_SETTINGS;
  const share = (x: number | null) => (x === null ? null : round(x));
  return balanceByRegion(readMembers(readTable(raw("Roster", rows)), settings), settings).map((r: BalanceRow) => [
    r.female,
    r.male,
    r.other,
    r.notStated,
    r.total,
    share(r.womenShare),
    share(r.menShare),
    r.seatsWanted,
    r.seatsFilled,
  ]);
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
});

describe("iewsc arbitrate", () => {
  let file: string;
  beforeAll(async () => {
    file = await workbook("oversubscribed.xlsx", { Roster: OVERSUBSCRIBED });
  });

  test("--json: the contract's selection, before and after, then each region's detail; exit 0", () => {
    const { code, stdout, stderr } = iewsc(["arbitrate", "--json", file]);
    expect([code, stderr]).toEqual([0, ""]);
    const doc = JSON.parse(stdout);
    expect(doc).toEqual({
      file,
      selection: { Americas: ["Diego Souza"], "Asia-Pacific": ["Mei Tanaka", "Arjun Raman"], Europe: ["Ana Kovač"] },
      before: { female: 5, male: 6, other: 0, share: 0.4545 },
      after: { female: 7, male: 8, other: 0, share: 0.4667 },
      regions: [
        {
          region: "Americas",
          wanted: 2,
          seats: 1,
          confirmed: ["Carlos Ruiz"],
          candidates: ["Lucía Fernández", "Diego Souza", "Ana Torres"],
          selected: ["Diego Souza"],
          passedOver: ["Lucía Fernández", "Ana Torres"],
        },
        {
          region: "Asia-Pacific",
          wanted: 2,
          seats: 2,
          confirmed: [],
          candidates: ["Mei Tanaka", "Arjun Raman", "Ravi Iyer", "Hana Kim"],
          selected: ["Mei Tanaka", "Arjun Raman"],
          passedOver: ["Ravi Iyer", "Hana Kim"],
        },
        {
          region: "Europe",
          wanted: 2,
          seats: 1,
          confirmed: ["Sophie Laurent"],
          candidates: ["Jonas Weber", "Ana Kovač", "Jan Novak"],
          selected: ["Ana Kovač"],
          passedOver: ["Jonas Weber", "Jan Novak"],
        },
      ],
    });
    expect(Object.keys(doc)).toEqual(["file", "selection", "before", "after", "regions"]);
  });

  test("in words: each region's proposal and who is passed over, then the balance before and after", () => {
    const { code, stdout } = iewsc(["arbitrate", file]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `● ${file} — 3 regions need arbitration:`,
        "  Americas: 1 free seat, 3 candidates.",
        "    propose      Diego Souza",
        "    passed over  Lucía Fernández and Ana Torres",
        "  Asia-Pacific: 2 free seats, 4 candidates.",
        "    propose      Mei Tanaka and Arjun Raman",
        "    passed over  Ravi Iyer and Hana Kim",
        "  Europe: 1 free seat, 3 candidates.",
        "    propose      Ana Kovač",
        "    passed over  Jonas Weber and Jan Novak",
        "  Balance now:       5 women and 6 men: women, the less represented, are 45.5 %.",
        "  With the proposal: 7 women and 8 men: women, the less represented, would be 46.7 %.",
        "",
      ].join("\n"),
    );
  });

  test("nothing to arbitrate (the sample: Europe's seats are full) is said plainly, exit 0", () => {
    const human = iewsc(["arbitrate", SAMPLE]);
    expect(human).toEqual({
      code: 0,
      stderr: "",
      stdout: `✔ ${SAMPLE} — nothing needs arbitration: no region has more candidates than free seats.\n  The confirmed committee: 8 women and 8 men: women and men are 50 % each.\n`,
    });
    const json = JSON.parse(iewsc(["arbitrate", "--json", SAMPLE]).stdout);
    expect(json).toMatchObject({ selection: {}, regions: [], before: { female: 8, male: 8, other: 0, share: 0.5 } });
    expect(json.after).toEqual(json.before);
  });

  test("a Settings table is read: one seat per region changes the arbitration", async () => {
    const one = await workbook("one-seat.xlsx", {
      Roster: OVERSUBSCRIBED,
      Settings: [
        ["Key", "Value"],
        ["VolunteersPerRegion", 1],
      ],
    });
    const doc = JSON.parse(iewsc(["arbitrate", "--json", one]).stdout);
    // Only Asia-Pacific has a free seat now (the others have their one confirmed volunteer).
    expect(doc.selection).toEqual({ "Asia-Pacific": ["Mei Tanaka"] });
  });

  test("a Settings value that cannot be used: a notice on standard error, the default used, the JSON intact", async () => {
    const typo = await workbook("typo.xlsx", {
      Roster: OVERSUBSCRIBED,
      Settings: [
        ["Key", "Value"],
        ["VolunteersPerRegion", "two"],
      ],
    });
    const { code, stdout, stderr } = iewsc(["arbitrate", "--json", typo]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `iewsc: ${typo}: Settings row 2: The setting VolunteersPerRegion is "two", but it should be a whole number from 0 to 50; 2 is used instead.\n`,
    );
    expect(Object.keys(JSON.parse(stdout).selection)).toEqual(["Americas", "Asia-Pacific", "Europe"]);
  });

  test.each<[string, () => Promise<string>, (f: string) => string]>([
    [
      "no Roster table",
      () => workbook("no-roster.xlsx", { Notes: [["Hello"]] }),
      (f) =>
        `${f}: no Roster table was found (neither an Excel table nor a sheet of that name); to start from a workbook with every table, run iewsc template --out iewsc.xlsx`,
    ],
    ["no such file", async () => join(dir, "missing.xlsx"), (f) => `${f}: no such file`],
    [
      "volunteers but no Region column",
      () =>
        workbook("no-region.xlsx", {
          Roster: [
            ["Name", "Role", "Gender", "Justification"],
            ["Ana", "Regional Volunteer", "Female", "x"],
          ],
        }),
      (f) => `${f}: the Roster table on sheet "Roster" has no "Region" column, which every Regional Volunteer needs`,
    ],
  ])(
    "an unusable workbook (%s): exit 2, nothing on standard output, one line naming the file",
    async (_, make, line) => {
      const f = await make();
      for (const args of [
        ["arbitrate", f],
        ["arbitrate", "--json", f],
      ]) {
        const r = iewsc(args);
        expect(r).toEqual({ code: 2, stdout: "", stderr: `iewsc: ${line(f)}\n` });
      }
    },
  );

  test("--help gives the examples and the exit codes", () => {
    const { code, stdout } = iewsc(["arbitrate", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("iewsc arbitrate --json iewsc.xlsx");
    expect(stdout).toContain("iewsc arbitrate iewsc.xlsx --balance-out iewsc-balance.xlsx");
    expect(stdout).toContain("Exit codes: 0 done");
    expect(iewsc(["--help"]).stdout).toContain("arbitrate [options] <workbook>");
  });
});

describe("iewsc arbitrate --balance-out", () => {
  test("writes a copy with the Balance sheet; the input and its sheets are untouched; the JSON names the copy", async () => {
    const copy = join(dir, "sample-in.xlsx");
    copyFileSync(SAMPLE, copy);
    const before = sha(copy);
    const out = join(dir, "sample-balance.xlsx");
    const r = iewsc(["arbitrate", "--json", copy, "--balance-out", out]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout).out).toBe(out);
    expect(sha(copy)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const [input, written] = [
      await loadWorkbook(copy, { keepValidations: true }),
      await loadWorkbook(out, { keepValidations: true }),
    ];
    expect(written.worksheets.map((w) => w.name)).toEqual([...input.worksheets.map((w) => w.name), BALANCE_SHEET]);
    const values = (wb: ExcelJS.Workbook, sheet: string) => wb.getWorksheet(sheet)!.getSheetValues();
    for (const ws of input.worksheets) expect(values(written, ws.name)).toEqual(values(input, ws.name));
    // The user's dropdowns survive the copy.
    const validations = (wb: ExcelJS.Workbook) =>
      Object.keys(
        (wb.getWorksheet("Roster") as unknown as { dataValidations: { model: object } }).dataValidations.model,
      ).length;
    expect(validations(written)).toBeGreaterThan(0);
    expect(validations(written)).toBe(validations(input));

    const balance = written.getWorksheet(BALANCE_SHEET)!;
    expect(balance.getCell("A2").value).toMatch(/^Generated by IEWSC Workbench on .* from the Roster sheet/);
    expect(balance.getCell("F15").value).toMatchObject({
      formula: expect.stringMatching(
        /^COUNTIFS\(Roster!\$A\$2:\$A\$219,"<>",Roster!\$B\$2:\$B\$219,"<>",Roster!\$E\$2:\$E\$219,"Confirmed"\)\+/,
      ),
      result: 16,
    });
    expect(balance.getCell("A18").value).toBe("Proposed arbitration");
  });

  test("run again on its own output: one Balance sheet, replaced, in the same place", async () => {
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice.xlsx");
    const file = await workbook("again.xlsx", { Roster: OVERSUBSCRIBED });
    expect(iewsc(["arbitrate", file, "--balance-out", once]).code).toBe(0);
    const human = iewsc(["arbitrate", once, "--balance-out", twice]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Wrote ${twice}: a copy of the workbook with its Balance sheet.`);
    const [a, b] = [await loadWorkbook(once), await loadWorkbook(twice)];
    expect(b.worksheets.map((w) => w.name)).toEqual(["Roster", BALANCE_SHEET]);
    const cells = (wb: ExcelJS.Workbook) => wb.getWorksheet(BALANCE_SHEET)!.getSheetValues().slice(3); // from row 3: the date in A2 may differ
    expect(cells(b)).toEqual(cells(a));
    expect(b.getWorksheet(BALANCE_SHEET)!.getCell("D21").value).toBe("Diego Souza");
  });

  test.each<[string, (input: string) => string | Promise<string>, RegExp]>([
    [
      "the input itself",
      (input) => input,
      /: is the input workbook; write the copy to another file \(nothing was written\)$/,
    ],
    ["the input by another path", (input) => `${dir}/./${basename(input)}`, /: is the input workbook/],
    [
      "a link to the input",
      (input) => {
        const link = join(dir, "link.xlsx");
        if (!existsSync(link)) symlinkSync(input, link);
        return link;
      },
      /link\.xlsx: is the input workbook/,
    ],
    [
      "a folder that does not exist",
      () => join(dir, "no/such/x.xlsx"),
      /: the folder .* does not exist; nothing was written$/,
    ],
    ["a file that is not .xlsx", () => join(dir, "x.csv"), /: the output must be an \.xlsx file; nothing was written$/],
  ])("refuses %s as output: exit 2, one line, nothing written", async (_, target, message) => {
    const input = await workbook("refuse.xlsx", { Roster: OVERSUBSCRIBED });
    const before = sha(input);
    const out = await target(input);
    const r = iewsc(["arbitrate", input, "--balance-out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(sha(input)).toBe(before);
    if (!/refuse\.xlsx$|link\.xlsx$/.test(out)) expect(existsSync(out)).toBe(false);
  });

  test("refuses to replace a Balance sheet of the user's own", async () => {
    const input = await workbook("own-balance.xlsx", {
      Roster: OVERSUBSCRIBED,
      balance: [["Budget balance"], ["CHF", 1200]],
    });
    const out = join(dir, "own-balance-out.xlsx");
    const r = iewsc(["arbitrate", input, "--balance-out", out]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `iewsc: ${input}: the sheet "balance" is yours, not one IEWSC Workbench generated; rename it so that IEWSC Workbench can write its Balance sheet (nothing was written)\n`,
    });
    expect(existsSync(out)).toBe(false);
  });
});

describeWith("LibreOffice", SOFFICE)("LibreOffice recomputes the Balance sheet", () => {
  /** A workbook whose first sheet is Balance (CSV holds the first sheet only), then the Roster it counts. */
  async function balanceFirst(name: string, rows: CellValue[][]): Promise<string> {
    const view = readTable(raw("Roster", rows));
    const wb = new ExcelJS.Workbook();
    renderSheet(
      wb,
      balanceSheet(view, DEFAULT_SETTINGS, arbitrate(readMembers(view, DEFAULT_SETTINGS), DEFAULT_SETTINGS)),
    );
    wb.addWorksheet("Roster").addRows(rows);
    const file = join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  /** Rows 7–15, columns B–J of the first sheet, as LibreOffice computed them (a blank share is null). */
  const table = (csv: string) =>
    readCsv(csv)
      .slice(6, 15)
      .map((r) =>
        r
          .slice(1, 10)
          .map((v) => (v === "" ? null : v.endsWith("%") ? round(Number(v.slice(0, -1)) / 100) : Number(v))),
      );

  test("counts and shares equal the core's; editing the Roster moves them to the core's new figures", async () => {
    const file = await balanceFirst("lo-balance.xlsx", OVERSUBSCRIBED);
    // Edit the written file as a user would: Diego is confirmed, Kwame withdraws, a new member is typed below.
    const wb = await loadWorkbook(file);
    const roster = wb.getWorksheet("Roster")!;
    roster.getCell("E9").value = "Confirmed";
    roster.getCell("E6").value = "Withdrawn";
    const added = member({
      Name: "Nadia Rahman",
      Role: "Regional Volunteer",
      Region: "Asia-Pacific",
      Gender: "Female",
      Justification: "x",
    });
    roster.getRow(24).values = added as ExcelJS.CellValue[];
    // A note typed under the roster is in the rows the formulas count, but it is no member.
    const note = member({ Name: "Last updated on 1 March 2024" });
    roster.getRow(25).values = note as ExcelJS.CellValue[];
    const edited = join(dir, "lo-balance-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const editedRows = OVERSUBSCRIBED.map((r, i) =>
      i === 8
        ? r.map((v, j) => (j === 4 ? "Confirmed" : v))
        : i === 5
          ? r.map((v, j) => (j === 4 ? "Withdrawn" : v))
          : r,
    );
    editedRows.push(added, note);

    // The documented limit: the formulas count the contract's spellings, the core also reads aliases.
    const aliasRows = OVERSUBSCRIBED.map((r, i) =>
      i === 4 ? r.map((v, j) => (j === 3 ? "F" : v)) : i === 18 ? r.map((v, j) => (j === 2 ? "CEPT" : v)) : r,
    );
    const aliases = await balanceFirst("lo-balance-aliases.xlsx", aliasRows);

    const [csv, csvEdited, csvAliases] = libreConvert([file, edited, aliases], "csv");
    expect(table(csv!)).toEqual(coreFigures(OVERSUBSCRIBED));
    expect(table(csvEdited!)).toEqual(coreFigures(editedRows));
    // The story: Africa lost a man, the Americas gained one, Asia-Pacific a woman; 6 women and 6 men in all.
    expect(table(csvEdited!).map((r) => r.slice(0, 2))).toEqual([
      [1, 0],
      [0, 2],
      [1, 1],
      [1, 0],
      [1, 1],
      [1, 0],
      [1, 2],
      [0, 0],
      [6, 6],
    ]);
    expect(table(csvEdited!)[8]).toEqual([6, 6, 0, 0, 12, 0.5, 0.5, 12, 9]);

    // Amara's "F" and Sophie's "CEPT": the core reads a woman in Africa and one in Europe ...
    const core = coreFigures(aliasRows);
    expect([core[0], core[5], core[7]]).toEqual([
      [1, 1, 0, 0, 2, 0.5, 0.5, 2, 2],
      [1, 0, 0, 0, 1, 1, 0, 2, 1],
      [0, 0, 0, 0, 0, null, null, null, null],
    ]);
    // ... the formulas a member of Not stated in Africa and a volunteer with no recognised region, and the sheet says so.
    const lo = table(csvAliases!);
    expect([lo[0], lo[5], lo[7], lo[8]]).toEqual([
      [0, 1, 0, 1, 2, 0, 1, 2, 2],
      [0, 0, 0, 0, 0, null, null, 2, 0],
      [1, 0, 0, 0, 1, 1, 0, null, null],
      [4, 6, 0, 1, 11, 0.4, 0.6, 12, 7],
    ]);
  }, 240_000);

  test("the CLI's copy: LibreOffice opens it, and its counts follow an edit of the Roster", async () => {
    const input = await workbook("lo-cli.xlsx", { Roster: OVERSUBSCRIBED });
    const out = join(dir, "lo-cli-balance.xlsx");
    expect(iewsc(["arbitrate", input, "--balance-out", out]).code).toBe(0);
    // Accept the proposal by hand: the four proposed candidates are confirmed.
    const wb = await loadWorkbook(out);
    for (const row of [9, 13, 14, 21]) wb.getWorksheet("Roster")!.getCell(`E${row}`).value = "Confirmed";
    const accepted = join(dir, "lo-cli-accepted.xlsx");
    await wb.xlsx.writeFile(accepted);

    const [recalc, recalcAccepted] = libreConvert([out, accepted], "xlsx");
    const read = async (f: string) => {
      const ws = (await loadWorkbook(f)).getWorksheet(BALANCE_SHEET)!;
      // `cell.result`, not `value.result`: ExcelJS's value leaves out a result of 0.
      const value = (address: string) => {
        const c = ws.getCell(address);
        const r = c.formula ? c.result : c.value;
        return typeof r === "number" ? round(r) : (r ?? null);
      };
      return ["B15", "C15", "D15", "E15", "F15", "G15", "H15", "I15", "J15"].map(value);
    };
    expect(await read(recalc!)).toEqual([5, 6, 0, 0, 11, round(5 / 11), round(6 / 11), 12, 8]);
    // The committee the arbitration promised: 7 women and 8 men, every seat filled.
    expect(await read(recalcAccepted!)).toEqual([7, 8, 0, 0, 15, round(7 / 15), round(8 / 15), 12, 12]);
  }, 240_000);
});
