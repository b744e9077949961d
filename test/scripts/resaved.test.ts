import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { REAL_WORKBOOKS } from "../helpers/fixtures";
import { libreConvert } from "../helpers/libreoffice";
import { PYTHON, SOFFICE, SSCONVERT, requireProgram } from "../helpers/programs";
import { openpyxlResave } from "../helpers/readers";

/*
 * Workbooks last saved by another program: our sample and the real workbooks, re-saved by
 * LibreOffice, openpyxl and gnumeric, are checked and built as the originals are.
 */
const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/scripts/iewsc.js");
const dir = mkdtempSync(join(tmpdir(), "iewsc-resaved-"));

function iewsc(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `check --json` found, without the file name: codes, severities, sheets, rows and columns. */
function findings(file: string): unknown {
  const r = iewsc(["check", "--json", "--as-of", "2024-03-01", file]);
  const doc = JSON.parse(r.stdout) as {
    results: { findings: { code: string; severity: string; sheet: string; row: number | null; column: string }[] }[];
    failed: { error: string }[];
  };
  if (doc.failed.length) return { failed: doc.failed[0]!.error.replace(file, "<file>") };
  return doc.results[0]!.findings.map((f) => `${f.code} ${f.severity} ${f.sheet}!${f.row ?? ""} ${f.column ?? ""}`);
}

/** What `build --json` reports, without the paths (or the first line of its refusal). */
function built(file: string): unknown {
  const out = join(dir, `${basename(file, ".xlsx")}-${Math.random().toString(36).slice(2)}-built.xlsx`);
  const r = iewsc(["build", file, "--out", out, "--json", "--as-of", "2024-03-01"]);
  if (r.code === 2) return { refused: r.stderr.replace(file, "<file>").split(":").slice(1, 2).join(":") };
  const { budgetTotal, currency, resourceTotalDays, added, missing } = JSON.parse(r.stdout);
  return { code: r.code, budgetTotal, currency, resourceTotalDays, added, missing };
}

const programs = [
  requireProgram("LibreOffice", SOFFICE),
  requireProgram("gnumeric", SSCONVERT),
  requireProgram("python3 with openpyxl", PYTHON),
].every(Boolean);

(programs ? describe : describe.skip)("workbooks re-saved by LibreOffice, openpyxl and gnumeric", () => {
  const originals: string[] = [];
  const resaved: Record<string, Record<string, string>> = {};
  beforeAll(() => {
    const sample = join(dir, "sample.xlsx");
    iewsc(["template", "--sample", "--out", sample]);
    originals.push(sample);
    // The real workbooks that a spreadsheet program can open (invalid-xml.xlsx is damaged on purpose).
    for (const f of readdirSync(REAL_WORKBOOKS).filter((f) => f.endsWith(".xlsx") && f !== "invalid-xml.xlsx")) {
      const copy = join(dir, f);
      copyFileSync(join(REAL_WORKBOOKS, f), copy);
      originals.push(copy);
    }
    const libre = libreConvert(originals, "xlsx");
    const gn = join(dir, "gnumeric");
    mkdirSync(gn);
    originals.forEach((file, i) => {
      const target = join(gn, basename(file));
      spawnSync(SSCONVERT, [file, target], { timeout: 120_000 });
      resaved[file] = { LibreOffice: libre[i]!, openpyxl: openpyxlResave(file), gnumeric: target };
    });
  }, 600_000);

  test("the sample, re-saved by each program, checks and builds as the original does", () => {
    const sample = originals[0]!;
    const expected = { findings: findings(sample), build: built(sample) };
    expect(expected.build).toMatchObject({ budgetTotal: 58124, missing: [] });
    for (const [program, file] of Object.entries(resaved[sample]!))
      expect({ program, findings: findings(file), build: built(file) }).toEqual({ program, ...expected });
  });

  test("the real workbooks, re-saved by each program, check as the originals do", () => {
    for (const file of originals.slice(1)) {
      const expected = findings(file);
      for (const [program, copy] of Object.entries(resaved[file]!)) {
        // ExcelJS 4.4 cannot read the drawing openpyxl writes for a chart sheet (it fails on its
        // anchors), nor comments openpyxl puts at xl/comments/comment1.xml (it only parses
        // xl/commentsN.xml); check's own reader never reads either part, so these copies check as
        // their originals do.
        expect({ file: basename(file), program, findings: findings(copy) }).toEqual({
          file: basename(file),
          program,
          findings: expected,
        });
      }
    }
  });
});
