/**
 * What made `iewsc build` fast must not make it less careful: Node's zip reader and writer give what
 * JSZip gives; the copy check that now skips the cells of the sheets we regenerate still catches every
 * change to the user's cells; and packages openpyxl writes are read as the originals are, while what
 * ExcelJS cannot carry of them is still refused by name.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { copyDifferences } from "../../scripts/xlsx/copy-check";
import { normalizePackage } from "../../scripts/xlsx/normalize";
import { loadWorkbook } from "../../scripts/xlsx/read-workbook";
import { openArchive, zipPackage } from "../../scripts/xlsx/zip";
import { REAL_WORKBOOKS } from "../helpers/fixtures";
import { PYTHON, describeWith } from "../helpers/programs";
import { openpyxlResave } from "../helpers/readers";

const dir = mkdtempSync(join(tmpdir(), "iewsc-package-speed-"));
const CLI = join(resolve(__dirname, "../.."), "dist/scripts/iewsc.js");

describe("Node's zip reader and writer", () => {
  const entries = [
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "xl/worksheets/sheet1.xml", data: `<worksheet>${"<row/>".repeat(5000)}é</worksheet>` },
    { name: "xl/media/image1.png", data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
  ];

  test.each([0, 1, 6])(
    "a package zipped at level %i reads back the same in JSZip (CRCs checked) and in ours",
    async (level) => {
      const bytes = zipPackage(entries, level);
      const jszip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      const ours = await openArchive(new Uint8Array(bytes));
      for (const e of entries) {
        const want = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
        expect(Buffer.from(await jszip.file(e.name)!.async("uint8array"))).toEqual(want);
        expect(ours.bytes(e.name)).toEqual(want);
      }
      expect(ours.names).toEqual(entries.map((e) => e.name));
      expect(ours.text("XL/Worksheets/Sheet1.xml")).toContain("é</worksheet>"); // names without case, as Excel
      expect(ours.text("xl/missing.xml")).toBe("");
    },
  );

  test("a package past what a zip without ZIP64 holds is refused in words, never wrapped or a bare RangeError", () => {
    const many = Array.from({ length: 0x10000 }, (_, i) => ({ name: `p${i}`, data: "" }));
    expect(() => zipPackage(many, 0)).toThrow(/65536 parts, more than a zip package without ZIP64/);
    const most = zipPackage(many.slice(1), 0);
    expect(most.readUInt16LE(most.length - 12)).toBe(0xffff); // the end record's count: the most there can be
  });

  test("deflating shrinks the package, storing does not", () => {
    expect(zipPackage(entries, 6).length).toBeLessThan(zipPackage(entries, 0).length / 10);
  });

  test("what ExcelJS writes through the patched writer is a workbook ExcelJS, JSZip and the guard read", async () => {
    await import("../../scripts/xlsx/exceljs-patches");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addRows([
      ["Name", "Due"],
      ["Ada", new Date(Date.UTC(2024, 2, 1))],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await JSZip.loadAsync(bytes, { checkCRC32: true });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet("Data")!.getCell("A2").value).toBe("Ada");
    expect(await copyDifferences(bytes, bytes)).toEqual([]);
  });
});

describe("the copy check, which reads only the cells of the user's sheets", () => {
  /** A user's sheet and a generated one, then the same with one thing changed. */
  async function pair(change: (user: ExcelJS.Worksheet, ours: ExcelJS.Worksheet) => void) {
    const make = async (changed: boolean) => {
      const wb = new ExcelJS.Workbook();
      const user = wb.addWorksheet("Tasks");
      user.addRows([
        ["Task", "Due", "Days"],
        ["Invite", new Date(Date.UTC(2024, 2, 1)), 3],
      ]);
      user.getCell("D2").value = { formula: "C2*2", result: 6 };
      const ours = wb.addWorksheet("Budget");
      ours.getCell("A1").value = "Total";
      ours.getCell("B1").value = 100;
      if (changed) change(user, ours);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    return [await make(false), await make(true)] as const;
  }

  test.each([
    [
      "a changed value",
      (ws: ExcelJS.Worksheet) => {
        ws.getCell("C2").value = 4;
      },
      /a value that would change at Tasks!C2/,
    ],
    [
      "a changed formula",
      (ws: ExcelJS.Worksheet) => {
        ws.getCell("D2").value = { formula: "C2*3", result: 6 };
      },
      /a formula that would change at Tasks!D2/,
    ],
    [
      "a changed date",
      (ws: ExcelJS.Worksheet) => {
        ws.getCell("B2").value = new Date(Date.UTC(2024, 2, 2));
      },
      /a value that would change at Tasks!B2/,
    ],
    [
      "a cell that appears",
      (ws: ExcelJS.Worksheet) => {
        ws.getCell("E9").value = "x";
      },
      /a cell that appears at Tasks!E9/,
    ],
  ] as const)("%s on the user's sheet is caught, with the sheet regenerated beside it", async (_, edit, message) => {
    const [before, after] = await pair((user) => edit(user));
    const found = await copyDifferences(before, after, ["Budget"]);
    expect(found).toEqual([expect.stringMatching(message)]);
  });

  test("a change on a sheet we regenerate is none of the user's: not reported", async () => {
    const [before, after] = await pair((_, ours) => {
      ours.getCell("B1").value = 250;
    });
    expect(await copyDifferences(before, after, ["budget"])).toEqual([]);
    // Without saying it is ours, the same change is reported: the skip is what hides it.
    expect(await copyDifferences(before, after)).toEqual([expect.stringMatching(/at Budget!B1/)]);
  });
});

describeWith("python3 with openpyxl", PYTHON)("workbooks openpyxl re-saved", () => {
  const resaved = (name: string) => openpyxlResave(join(REAL_WORKBOOKS, name));
  const build = (file: string) => {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
    const r = spawnSync(process.execPath, [CLI, "build", file, "--out", out], { encoding: "utf8" });
    return { code: r.status, stderr: r.stderr, out };
  };

  test("chart-sheet.xlsx reads, and a build carries its chart sheet and chart as they were", async () => {
    const file = resaved("chart-sheet.xlsx");
    const wb = await loadWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
    const copy = build(file);
    expect(copy).toMatchObject({ code: 0, stderr: "" });
    const was = await JSZip.loadAsync(readFileSync(file));
    const is = await JSZip.loadAsync(readFileSync(copy.out));
    const charts = Object.keys(was.files).filter((n) => /chart/i.test(n) && !was.files[n]!.dir);
    expect(charts.length).toBeGreaterThan(1);
    for (const n of charts) expect(await is.file(n)!.async("string")).toBe(await was.file(n)!.async("string"));
  });

  test("comments.xlsx reads with its comments, and a build carries them word for word", async () => {
    const file = resaved("comments.xlsx");
    const texts = (wb: ExcelJS.Workbook) =>
      wb.worksheets.flatMap((ws) => {
        const out: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const note = cell.note as ExcelJS.Comment | string | undefined;
            if (note)
              out.push(
                `${ws.name}!${cell.address} ${typeof note === "string" ? note : note.texts?.map((t) => t.text).join("")}`,
              );
          }),
        );
        return out;
      });
    const original = await loadWorkbook(join(REAL_WORKBOOKS, "comments.xlsx"));
    const read = await loadWorkbook(file);
    expect(texts(read)).toEqual(texts(original).map((t) => t.replace(/\r\n?/g, "\n")));
    expect(texts(read).length).toBe(2);
    const built = build(file);
    expect(built).toMatchObject({ code: 0, stderr: "" });
    expect(texts(await loadWorkbook(built.out))).toEqual(texts(read));
  });

  test("the normalised package is the same workbook: normalising it again changes nothing ExcelJS reads", async () => {
    const bytes = readFileSync(resaved("comments.xlsx"));
    const once = await normalizePackage(bytes);
    const twice = await normalizePackage(once);
    const a = await openArchive(new Uint8Array(once));
    const b = await openArchive(new Uint8Array(twice));
    expect(b.names).toEqual(a.names);
    for (const n of a.names) expect(b.text(n)).toBe(a.text(n));
    expect(a.names).toEqual(expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]));
  });
});
