/**
 * The workbook's formulas and the core read odd text the same way: roles that differ only by a
 * trailing space, two inner spaces or a no-break space, and rate items holding MATCH's wildcards
 * (`*`, `?`, `~`) next to the items those wildcards would also find. A built copy is recomputed by
 * LibreOffice and by gnumeric, and every formula (BudgetTotal, each role's person-days) must come
 * out as the core computed it, which is what `build --json` reports.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { templateBytes } from "../../scripts/commands/template";
import { libreConvert } from "../helpers/libreoffice";
import { SOFFICE, SSCONVERT, requireProgram } from "../helpers/programs";
import { formulaResults, gnumericRecalc } from "../helpers/readers";
import { iewsc } from "./run";

const dir = mkdtempSync(join(tmpdir(), "iewsc-odd-text-"));
const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)) : a === b;

/** Each wildcard item comes after the item its unescaped wildcard would find first, with another rate. */
const RATES: [string, string, number][] = [
  ["Interpretation", "per language per day", 2500],
  ["Catering", "per in-person participant per day", 35],
  ["Coffee break", "each", 100],
  ["Coffee break*", "each", 5],
  ["Badges", "each", 11],
  ["Badge?", "each", 7],
  ["Nametag", "each", 13],
  ["Name~tag", "each", 3],
  ["Venue", "per day", 1500],
];
/** Roles that are other roles to the formulas' `=`, and so to the core. */
const ROLES = ["ITU Counsellor ", "ITU  Counsellor", "Regional\u00a0Volunteer", "ITU Counsellor"];

async function oddWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateBytes(true)) as unknown as ExcelJS.Buffer);
  const rates = wb.getWorksheet("Rates")!;
  expect(rates.rowCount).toBe(RATES.length + 1); // the sample's nine items are replaced one for one
  RATES.forEach(([item, unit, rate], i) => {
    rates.getCell(i + 2, 1).value = item;
    rates.getCell(i + 2, 2).value = unit;
    rates.getCell(i + 2, 3).value = rate;
  });
  const tasks = wb.getWorksheet("Tasks")!;
  ROLES.forEach((role, i) => {
    tasks.getCell(i + 2, 5).value = role;
  });
  const file = join(dir, "odd-text.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

const haveBoth = [requireProgram("LibreOffice", SOFFICE), requireProgram("gnumeric", SSCONVERT)].every(Boolean);

(haveBoth ? describe : describe.skip)(
  "odd roles and wildcard rate items, recomputed by LibreOffice and gnumeric",
  () => {
    test("BudgetTotal and every role's person-days come out as the core computed them", async () => {
      const input = await oddWorkbook();
      const out = join(dir, "odd-text-built.xlsx");
      const r = iewsc(["build", input, "--out", out, "--json", "--as-of", "2024-01-10"], { cwd: dir });
      expect(r.stderr).toBe("");
      const json = JSON.parse(r.stdout);
      // The core: each wildcard item at its own rate, each odd role its own row.
      const ours = await formulaResults(out);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      const labels: unknown[] = [];
      wb.getWorksheet("Budget")!.eachRow((row) => labels.push(row.getCell(2).value));
      expect(labels).toEqual(expect.arrayContaining(["Coffee break*", "Badge?", "Name~tag"]));
      const rates = [...ours.entries()].filter(([at, v]) => at.startsWith("Budget!E") && /^N\(INDEX/.test(v.formula));
      expect(rates.map(([, v]) => v.result)).toEqual(RATES.map(([, , rate]) => rate));
      const roleRows: string[] = [];
      wb.getWorksheet("Resources")!.eachRow((row) => roleRows.push(String(row.getCell(1).value)));
      for (const role of ROLES) expect(roleRows).toContain(role);

      const [byLibre] = libreConvert([out], "xlsx");
      const recomputed = {
        LibreOffice: await formulaResults(byLibre!),
        gnumeric: await formulaResults(gnumericRecalc(out)),
      };
      const disagree: string[] = [];
      for (const [at, { formula, result }] of ours) {
        if (!at.startsWith("Budget!") && !at.startsWith("Resources!")) continue;
        for (const [program, results] of Object.entries(recomputed)) {
          const theirs = results.get(at)?.result;
          // gnumeric's cached text reads back oddly (toolchain.md): its numbers are compared.
          if (program === "gnumeric" && typeof result !== "number") continue;
          if (!same(result, theirs) && !(result === "" && theirs === undefined))
            disagree.push(`${at}: =${formula} core ${String(result)}, ${program} ${String(theirs)}`);
        }
      }
      expect(disagree).toEqual([]);
      // And what the workbook computes is what --json says.
      const budgetTotal = wb.definedNames.getRanges("BudgetTotal").ranges[0]!.replace(/\$/g, "").split("!")[1]!;
      const daysTotal = wb.definedNames.getRanges("ResourceTotalDays").ranges[0]!.replace(/\$/g, "").split("!")[1]!;
      for (const results of Object.values(recomputed)) {
        expect(results.get(`Budget!${budgetTotal}`)?.result).toBeCloseTo(json.budgetTotal, 2);
        expect(results.get(`Resources!${daysTotal}`)?.result).toBeCloseTo(json.resourceTotalDays, 6);
      }
    }, 300_000);
  },
);
