import { CLI, runCli } from "../helpers/cli";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { csvField, toCsv } from "../../core";
import { readCsv } from "../helpers/csv";
import { libreConvert } from "../helpers/libreoffice";
import { INVITEES_HEADER, PROGRAM_HEADER, invitee, session } from "../helpers/program";
import { SOFFICE, describeWith } from "../helpers/programs";

const ROOT = resolve(__dirname, "../..");
const SAMPLE = join(ROOT, "templates/iewsc-sample.xlsx");
const dir = mkdtempSync(join(tmpdir(), "iewsc-invitations-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const iewsc = (args: string[]) => runCli(args, { cwd: dir });

/** A workbook whose Invitees hold awkward names: accents, a comma, quotes, text that looks like a formula. */
async function awkward(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const inv = wb.addWorksheet("Invitees");
  inv.addRows([
    INVITEES_HEADER,
    invitee({ Name: "Zoë Ångström", Organization: 'Café "Réseaux", SA', Gender: "Female", Email: "zoe@example.com" }),
    invitee({
      Name: '=HYPERLINK("http://x","y")',
      Organization: "+41 22 730 5111",
      Gender: "Male",
      Email: "f@example.com",
    }),
    invitee({ Name: "No Address", Gender: "Male", Status: "Invited" }),
    invitee({ Name: "Ines Declined", Gender: "Female", Email: "ines@example.com", Status: "Declined" }),
    invitee({
      Name: "@mention",
      Organization: "-minus",
      Gender: "Female",
      Email: "at@example.com",
      Status: "Accepted",
    }),
  ]);
  const prog = wb.addWorksheet("Program");
  prog.addRows([
    PROGRAM_HEADER,
    session({
      Session: "S2",
      Day: "19 April 2024",
      Start: "14:00",
      End: "15:00",
      Title: "Later",
      Speakers: "Zoe Angstrom",
    }),
    session({
      Session: "S1",
      Day: "18 April 2024",
      Start: 0.375,
      End: 0.40625,
      Title: "Earlier",
      Moderator: "zoë ångström",
    }),
  ]);
  const file = join(dir, "awkward.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
});

describe("csv fields (RFC 4180, no formulas)", () => {
  test.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+41 22", "'+41 22"],
    ["-x", "'-x"],
    ["@sum", "'@sum"],
    ["=a,b", '"\'=a,b"'],
  ])("%j → %s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  test("rows end with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c", ""],
      ]),
    ).toBe("a,b\r\nc,\r\n");
  });
});

describe("iewsc invitations", () => {
  test("the sample: UTF-8 with BOM, CRLF, one header row, one row per invitee with their sessions", () => {
    const before = sha(SAMPLE);
    const out = join(dir, "sample.csv");
    const r = iewsc(["invitations", SAMPLE, "--out", out]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("25 invitees");
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toBe("Name,Organization,Email,Invited As,Sessions");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const rows = readCsv(out);
    expect(rows[0]![0]).toBe("\ufeffName");
    const lan = rows.find((row) => row[0] === "Nguyễn Thị Lan")!;
    expect(lan).toEqual([
      "Nguyễn Thị Lan",
      "Mekong AI Labs",
      "lan.nguyen@example.com",
      "Panellist",
      "18 April 2024, 10:45–12:15: AI and networks: standards that ship (S04)",
    ]);
    expect(sha(SAMPLE)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  test("--status keeps one Status (as the column reads it); people without an e-mail are counted on stderr", async () => {
    const file = await awkward();
    const out = join(dir, "to-invite.csv");
    const r = iewsc(["invitations", file, "--out", out, "--status", " TO INVITE"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(
      readCsv(out)
        .slice(1, -1)
        .map((row) => row[0]),
    ).toEqual(["Zoë Ångström", '\'=HYPERLINK("http://x","y")']);
    const invited = iewsc(["invitations", file, "--out", join(dir, "invited.csv"), "--status", "Invited"]);
    expect(invited.code).toBe(0);
    expect(invited.stderr).toBe("iewsc: 1 invitee with Status Invited left out: no e-mail address (No Address).\n");
    expect(readCsv(join(dir, "invited.csv")).filter((row) => row.length > 1)).toHaveLength(1);
  });

  test("sessions in order of day and time, names matched as duplicates are", async () => {
    const out = join(dir, "awkward.csv");
    expect(iewsc(["invitations", await awkward(), "--out", out]).code).toBe(0);
    const zoe = readCsv(out)[1]!;
    expect(zoe).toEqual([
      "Zoë Ångström",
      'Café "Réseaux", SA',
      "zoe@example.com",
      "Participant",
      "18 April 2024, 09:00–09:45: Earlier (S1); 19 April 2024, 14:00–15:00: Later (S2)",
    ]);
    expect(readCsv(out)[2]!.slice(0, 2)).toEqual(['\'=HYPERLINK("http://x","y")', "'+41 22 730 5111"]);
  });

  test.each([
    // The input is an .xlsx: refused as the wrong kind of output before it is compared with the input.
    [["--out", "SELF"], /the output must be a \.csv file/],
    [["--out", "x.txt"], /must be a \.csv file/],
    [["--out", "no/such/dir/x.csv"], /does not exist/],
    [["--out", "x.csv", "--status", "Maybe"], /--status "Maybe" is not a Status/],
  ])("refuses %j with one line and exit 2, writing nothing", async (args, message) => {
    const file = await awkward();
    const r = iewsc(["invitations", file, ...args.map((a) => (a === "SELF" ? file : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "x.csv"))).toBe(false);
  });

  test("a workbook without an Invitees table: exit 2, naming the file and the table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "hello";
    const file = join(dir, "none.xlsx");
    await wb.xlsx.writeFile(file);
    const r = iewsc(["invitations", file, "--out", join(dir, "none.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `iewsc: ${file}: no Invitees table was found (neither an Excel table nor a sheet of that name); to start from a workbook with every table, run iewsc template --out iewsc.xlsx\n`,
    );
  });
});

describeWith("LibreOffice", SOFFICE)("LibreOffice opens the list as CSV", () => {
  test("accents intact, one row per invitee, and no cell becomes a formula", async () => {
    const sample = join(dir, "lo-sample.csv");
    const odd = join(dir, "lo-awkward.csv");
    expect(iewsc(["invitations", SAMPLE, "--out", sample]).code).toBe(0);
    expect(iewsc(["invitations", await awkward(), "--out", odd]).code).toBe(0);
    // Comma-separated, double quotes, UTF-8 (76), from line 1: how a user opens it in Calc.
    const converted = libreConvert([sample, odd], "xlsx", { infilter: "CSV:44,34,76,1" });
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const rows: ExcelJS.CellValue[][] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
      return rows;
    };
    const s = await read(converted[0]!);
    expect(s[0]).toEqual(["Name", "Organization", "Email", "Invited As", "Sessions"]);
    expect(s).toHaveLength(26);
    expect(s.map((r) => r[0])).toEqual(expect.arrayContaining(["Nguyễn Thị Lan", "Özlem Yıldız", "Björn Lindqvist"]));
    expect(s.find((r) => r[0] === "Marc Lefèvre")![1]).toBe("Alpes Télécom");
    const o = await read(converted[1]!);
    expect(o).toHaveLength(5);
    expect(o[1]![1]).toBe('Café "Réseaux", SA');
    for (const row of o)
      for (const cell of row) expect(typeof cell === "object" && cell && "formula" in cell).toBe(false);
    expect(String(o[2]![0])).toMatch(/^'?=HYPERLINK/);
  });
});
