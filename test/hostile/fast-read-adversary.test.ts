/**
 * A second reviewer's adversarial cases for the fast reader of `iewsc check`: each workbook is edited
 * after writing (the workbook's date system, custom date formats, prefixed SpreadsheetML, cells out of
 * column order …) and read by both readers, which must agree or the fast reader must step aside.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { readTablesFast } from "../../scripts/xlsx/fast-read";
import { checkWorkbookBytes } from "../../scripts/xlsx/input-file";
import { findTables, loadWorkbookBytes } from "../../scripts/xlsx/read-workbook";
import { type UnreadableWorkbookError, checkWorkbook, dayOfIso } from "../../core";
import { NOT_CALCULATED } from "../../scripts/xlsx/cell-value";
import { ROSTER_ROWS, type RawCell, grid, writeRawBook } from "./ooxml";
import { cleanLines, iewsc } from "./run";

const every = (p: string) => /^xl\//.test(p);

type Edit = (parts: { workbook: string; sheet: string; styles: string; sst: string }) => void;

async function book(cells: RawCell[], edit?: Edit, tables?: { name: string; ref: string; columns: string[] }[]) {
  const bytes = await writeRawBook({
    sheets: [{ name: "Roster", cells: [...grid(ROSTER_ROWS), ...cells], ...(tables ? { tables } : {}) }],
  });
  if (!edit) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts = {
    workbook: await zip.file("xl/workbook.xml")!.async("string"),
    sheet: await zip.file("xl/worksheets/sheet1.xml")!.async("string"),
    styles: await zip.file("xl/styles.xml")!.async("string"),
    sst: await zip.file("xl/sharedStrings.xml")!.async("string"),
  };
  const was = JSON.stringify(parts);
  edit(parts);
  expect(JSON.stringify(parts)).not.toBe(was); // the edit took
  zip.file("xl/workbook.xml", parts.workbook);
  zip.file("xl/worksheets/sheet1.xml", parts.sheet);
  zip.file("xl/styles.xml", parts.styles);
  zip.file("xl/sharedStrings.xml", parts.sst);
  return zip.generateAsync({ type: "nodebuffer" });
}

async function agree(bytes: Buffer) {
  const fast = await readTablesFast(checkWorkbookBytes(bytes, "adv.xlsx", every), "every");
  const exceljs = findTables(await loadWorkbookBytes(bytes, "adv.xlsx"), "every");
  if (fast !== undefined) expect(fast).toEqual(exceljs);
  return { fast, exceljs };
}

const customDates: Edit = (p) => {
  p.styles = p.styles
    .replace(
      "<fonts",
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="[$-409]d\\-mmm\\-yy;@"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd;@"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts><fonts',
    )
    .replace('<cellXfs count="2">', '<cellXfs count="5">')
    .replace(
      "</cellXfs>",
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
};

test("the 1904 date system", async () => {
  const { fast, exceljs } = await agree(
    await book([["G2", `s="1"><v>45000</v>`]], (p) => {
      p.workbook = p.workbook.replace("<sheets>", '<workbookPr date1904="1"/><sheets>');
    }),
  );
  expect(fast).toBeDefined();
  expect(exceljs.date1904).toBe(true);
});

test("custom date formats", async () => {
  const { fast } = await agree(
    await book(
      [
        ["G2", `s="2"><v>45000</v>`],
        ["G3", `s="3"><v>45001</v>`],
        ["G4", `s="4"><v>1.5</v>`],
        ["H2", `s="2"><f>G2+1</f><v>45001</v>`],
      ],
      customDates,
    ),
  );
  expect(fast).toBeDefined();
});

test("shared formulas with cached results, numbers in E notation, booleans, errors", async () => {
  const { fast } = await agree(
    await book([
      ["G2", `><f t="shared" ref="G2:G4" si="0">1E-3*2</f><v>2E-3</v>`],
      ["G3", `><f t="shared" si="0"/><v>1E-3</v>`],
      ["G4", `><f t="shared" si="0"/>`],
      ["H2", `><v>1E-3</v>`],
      ["H3", `><v>-0</v>`],
      ["H4", `t="b"><v>true</v>`],
      ["I2", `t="e"><v>#REF!</v>`],
      ["I3", `t="n"><v>7</v>`],
    ]),
  );
  expect(fast).toBeDefined();
  expect(fast!.tables.Roster!.values[2]![7] === 0).toBe(true); // -0, as ExcelJS reads it
});

test("dates stored as ISO text are the dates they spell, in both readers, not the number 2023", async () => {
  const { fast, exceljs } = await agree(
    await book([
      ["G2", `t="d"><v>2023-05-30</v>`],
      ["G3", `t="d"><v>2023-05-30T09:30:00Z</v>`],
      ["G4", `t="d"><v>2023-02-30</v>`],
      ["H2", `t="d" s="1"><v>1999-12-31T00:00:00+05:00</v>`],
    ]),
  );
  expect(fast).toBeDefined();
  const rows = exceljs.tables.Roster!.values;
  expect([rows[1]![6], rows[2]![6], rows[3]![6], rows[1]![7]]).toEqual([
    { date: "2023-05-30" },
    { date: "2023-05-30", time: 34_200 },
    { error: "#VALUE!" },
    { date: "1999-12-31" },
  ]);
});

test("a formula whose saved result is a date stored as text is left to ExcelJS", async () => {
  const { fast, exceljs } = await agree(await book([["G2", `t="d"><f>TODAY()</f><v>2023-05-30</v>`]]));
  expect(fast).toBeUndefined();
  expect(exceljs.tables.Roster!.values[1]![6]).toEqual({ date: "2023-05-30" });
});

test("xml:space and phonetic runs in shared strings", async () => {
  const { fast } = await agree(
    await book([], (p) => {
      p.sst = p.sst.replace(
        '<si><t xml:space="preserve">Ada Lovelace</t></si>',
        '<si><t>  Ada Lovelace  </t><rPh sb="0" eb="1"><t>ア</t></rPh><phoneticPr fontId="1"/></si>',
      );
    }),
  );
  expect(fast).toBeDefined();
  expect(fast!.tables.Roster!.values[1]![0]).toBe("  Ada Lovelace  ");
});

test("cells out of column order, rows out of order, a repeated row", async () => {
  await agree(
    await book([], (p) => {
      p.sheet = p.sheet
        .replace(/<row r="2">(<c [\s\S]*?<\/c>)(<c [\s\S]*?<\/c>)/, '<row r="2">$2$1')
        .replace(/(<row r="3">[\s\S]*?<\/row>)(<row r="4">[\s\S]*?<\/row>)/, "$2$1");
    }),
  );
  await agree(
    await book([], (p) => {
      p.sheet = p.sheet.replace(/(<row r="4">[\s\S]*?<\/row>)/, '$1<row r="4"><c r="G4" t="b"><v>1</v></c></row>');
    }),
  );
});

test("prefixed SpreadsheetML: ExcelJS calls it damaged, and the fast reader does not read it instead", async () => {
  const bytes = await book([], (p) => {
    p.sheet = p.sheet
      .replace(/<(\/?)(worksheet|sheetData|row|c|v|dimension|tableParts|tablePart)\b/g, "<$1x:$2")
      .replace('xmlns="http', 'xmlns:x="http');
  });
  expect(await readTablesFast(checkWorkbookBytes(bytes, "adv.xlsx", every), "every")).toBeUndefined();
  await expect(loadWorkbookBytes(bytes, "adv.xlsx")).rejects.toThrow(/damaged/);
});

test("a table whose ref spans beyond the sheet's rows, and a column beyond the cells", async () => {
  const { fast } = await agree(
    await book([], undefined, [
      { name: "Roster", ref: "A1:H40", columns: [...(ROSTER_ROWS[0] as string[]), "G", "H"] },
    ]),
  );
  expect(fast).toBeDefined();
});

test("a cell whose address names another row than its row element is where its address says", async () => {
  // LibreOffice, gnumeric and openpyxl put such a cell at its address; both readers once put it in the element's row.
  for (const [edit, where] of [
    [(x: string) => x.replace("</sheetData>", '<row r="5"><c r="H2" t="b"><v>1</v></c></row></sheetData>'), "H2"],
    [(x: string) => x.replace(/(<row r="4">)/, '<row r="3"><c r="H2" t="b"><v>1</v></c></row>$1'), "H2"],
    [(x: string) => x.replace('<row r="4">', '<row r="4"><c r="H9" t="b"><v>1</v></c>'), "H9"],
  ] as const) {
    const { fast, exceljs } = await agree(
      await book([], (p) => {
        p.sheet = edit(p.sheet);
      }),
    );
    expect(fast).toBeDefined();
    const rows = exceljs.tables.Roster!.values;
    expect(rows.flatMap((r, i) => r.flatMap((v, j) => (v === true ? [`${"ABCDEFGH"[j]}${i + 1}`] : [])))).toEqual([
      where,
    ]);
  }
});

test("a cell given twice by an element of another row is refused, naming the cell", async () => {
  const bytes = await book([], (p) => {
    p.sheet = p.sheet.replace("</sheetData>", '<row r="6"><c r="A2"><v>5</v></c></row></sheetData>');
  });
  const { fast, exceljs } = await refusals(bytes);
  expect(exceljs).toMatch(/cell A2 of the sheet "Roster" is written twice/);
  expect(fast).toBe(exceljs);
});

test("booleans written as words, a style beyond the style sheet, an empty value", async () => {
  await agree(
    await book([
      ["G2", `t="b"><v>false</v>`],
      ["G3", `s="9"><v>45000</v>`],
      ["G4", `t="n"><v></v>`],
    ]),
  );
});

/*
 * Three kinds of input Excel never writes but other programs (or an attacker) can, which both readers
 * once read wrongly: a row given twice, booleans stored as words, elapsed-time formats read as dates.
 */

/** Both readers' refusal of a workbook, or undefined from each that reads it. */
async function refusals(bytes: Buffer) {
  const fast = await readTablesFast(checkWorkbookBytes(bytes, "adv.xlsx", every), "every").then(
    () => undefined,
    (e: Error) => (e as UnreadableWorkbookError).inFile("adv.xlsx").message,
  );
  const exceljs = await loadWorkbookBytes(bytes, "adv.xlsx").then(
    (wb) => void findTables(wb, "every"),
    (e: Error) => e.message,
  );
  return { fast, exceljs };
}

describe("a row given twice, rows out of order, a cell given twice", () => {
  test("the cells of a row given twice are all read, by both readers", async () => {
    const { fast, exceljs } = await agree(
      await book([], (p) => {
        // Row 3 again after row 4, with two cells the first row 3 has not: nothing of either is lost.
        p.sheet = p.sheet.replace(
          "</sheetData>",
          '<row r="3"><c r="G3" t="b"><v>1</v></c><c r="H3"><v>7</v></c></row></sheetData>',
        );
      }),
    );
    expect(fast).toBeDefined();
    expect(exceljs.tables.Roster!.values[2]).toEqual([
      "Seizo Onoe",
      "TSB Director",
      null,
      "Male",
      "Confirmed",
      null,
      true,
      7,
    ]);
  });

  test("rows out of order are read in their places", async () => {
    const { fast, exceljs } = await agree(
      await book([], (p) => {
        p.sheet = p.sheet.replace(/(<row r="2">[\s\S]*?<\/row>)([\s\S]*)(<\/sheetData>)/, "$2$1$3");
      }),
    );
    expect(fast).toBeDefined();
    expect(exceljs.tables.Roster!.values.map((r) => r[0])).toEqual(ROSTER_ROWS.map((r) => r[0]));
  });

  test.each([
    [
      "in a row given twice",
      (x: string) => x.replace("</sheetData>", '<row r="3"><c r="A3"><v>99</v></c></row></sheetData>'),
      "A3",
    ],
    ["in one row", (x: string) => x.replace('<row r="4">', '<row r="4"><c r="B4"><v>1</v></c>'), "B4"],
    ["as a styled empty cell", (x: string) => x.replace('<row r="2">', '<row r="2"><c r="F2" s="1"/>'), "F2"],
  ])(
    "a cell given twice %s: both readers refuse the workbook, naming the sheet and the cell",
    async (_, edit, cell) => {
      const bytes = await book([["F2", `><v>5</v>`]], (p) => {
        p.sheet = edit(p.sheet);
      });
      const { fast, exceljs } = await refusals(bytes);
      expect(exceljs).toBe(
        `adv.xlsx: could not be read: cell ${cell} of the sheet "Roster" is written twice in the file, with no telling which value is meant (the file is damaged); open it in Excel, save it again, then retry`,
      );
      expect(fast).toBe(exceljs);
    },
  );

  test("a cell given twice on a sheet no table is read from is refused by both readers too", async () => {
    const bytes = await writeRawBook({
      sheets: [
        { name: "Roster", cells: grid(ROSTER_ROWS) },
        {
          name: "Notes",
          cells: [
            ["B2", `><v>1</v>`],
            ["C2", `><v>2</v>`],
          ],
        },
      ],
    });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", xml.replace("</row>", '<c r="B2"><v>3</v></c></row>'));
    const edited = await zip.generateAsync({ type: "nodebuffer" });
    // Only the contract's tables are read (as `check` reads them): the Notes sheet is not one of them.
    await expect(readTablesFast(checkWorkbookBytes(edited, "adv.xlsx", every))).rejects.toThrow(
      'cell B2 of the sheet "Notes" is written twice',
    );
    await expect(loadWorkbookBytes(edited, "adv.xlsx")).rejects.toThrow(/^adv\.xlsx: .*cell B2 of the sheet "Notes"/);
  });

  test("an empty cell without a style given twice holds nothing to lose: no refusal", async () => {
    const { fast } = await agree(
      await book([], (p) => {
        p.sheet = p.sheet.replace('<row r="4">', '<row r="4"><c r="H4"/><c r="H4"></c>');
      }),
    );
    expect(fast).toBeDefined();
  });
});

test.each([
  ["the fast reader", ""],
  [
    "ExcelJS (merged cells make the fast reader step aside)",
    '<mergeCells count="1"><mergeCell ref="J1:K1"/></mergeCells>',
  ],
])(
  "`check` refuses a cell given twice in one line naming the file, the sheet and the cell, read by %s",
  async (_, after) => {
    const dir = mkdtempSync(join(tmpdir(), "iewsc-twice-"));
    const file = join(dir, "twice.xlsx");
    writeFileSync(
      file,
      await book([], (p) => {
        p.sheet = p.sheet.replace("</sheetData>", `<row r="2"><c r="B2"><v>1</v></c></row></sheetData>${after}`);
      }),
    );
    const r = iewsc(["check", file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(cleanLines(r.stderr)).toEqual([
      `iewsc: ${file}: could not be read: cell B2 of the sheet "Roster" is written twice in the file, with no telling which value is meant (the file is damaged); open it in Excel, save it again, then retry`,
    ]);
  },
);

describe("booleans stored as words", () => {
  const stored = [
    ["0", false],
    ["1", true],
    ["false", false],
    ["true", true],
    ["FALSE", false],
    ["True", true],
    [" 1 ", true],
    [" false ", false],
    ["2", { error: "#VALUE!" }],
    ["-1", { error: "#VALUE!" }],
    ["yes", { error: "#VALUE!" }],
    ["0.5", { error: "#VALUE!" }],
    ["", null],
  ] as const;

  test("are read as 0, 1, true or false in any case; anything else is unreadable, in both readers", async () => {
    const cells: RawCell[] = stored.flatMap(([v], i) => [
      [`G${i + 2}`, `t="b"><v>${v}</v>`] as RawCell,
      [`H${i + 2}`, `t="b"><f>A1=A1</f><v>${v}</v>`] as RawCell,
    ]);
    const { fast, exceljs } = await agree(await book(cells));
    expect(fast).toBeDefined();
    const rows = exceljs.tables.Roster!.values.slice(1);
    expect(rows.map((r) => r[6] ?? null)).toEqual(stored.map(([, want]) => want));
    // A formula saved without a result is not calculated; one with an unreadable result is unreadable.
    expect(rows.map((r) => r[7])).toEqual(stored.map(([, want]) => (want === null ? { error: NOT_CALCULATED } : want)));
  });
});

describe("elapsed time is no date", () => {
  /** Number formats appended to the style sheet: the cell style of the i-th is 2 + i. */
  const formats =
    (codes: (string | number)[]): Edit =>
    (p) => {
      const custom = codes.flatMap((c, i) => (typeof c === "string" ? [[170 + i, c] as const] : []));
      p.styles = p.styles
        .replace(
          "<fonts",
          `<numFmts count="${custom.length}">${custom.map(([id, c]) => `<numFmt numFmtId="${id}" formatCode="${c.replace(/"/g, "&quot;")}"/>`).join("")}</numFmts><fonts`,
        )
        .replace('<cellXfs count="2">', `<cellXfs count="${2 + codes.length}">`)
        .replace(
          "</cellXfs>",
          `${codes.map((c, i) => `<xf numFmtId="${typeof c === "string" ? 170 + i : c}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>`,
        );
    };

  test.each([
    ["[h]:mm:ss", 1.5, { duration: 1.5 }],
    [46, 45_000, { duration: 45_000 }], // Excel's own [h]:mm:ss, over a number that would be a 2023 date
    ["[mm]:ss", 0.01, { duration: 0.01 }],
    ["[h]:mm", 2, { duration: 2 }],
    ["[s]", 0.5, { duration: 0.5 }],
    ['[Red][h]:mm;"-"', 45_000.25, { duration: 45_000.25 }],
    ["h:mm", 0.375, { date: "1899-12-30", time: 32_400 }], // a time of day, as before
    [20, 0.5, { date: "1899-12-30", time: 43_200 }], // Excel's own h:mm
    ["mm:ss", 0.25, { date: "1899-12-30", time: 21_600 }],
    ["dd/mm/yyyy", 45_000, { date: "2023-03-15" }],
    ["YYYY-MM-DD", 45_000, { date: "2023-03-15" }],
    ['0.0 "h"', 45_000, 45_000], // a letter inside quotes is text, not a date
  ] as [string | number, number, unknown][])(
    "%p over the number %p: read the same by both readers, alone and as a formula's result",
    async (code, n, want) => {
      const { fast, exceljs } = await agree(
        await book(
          [
            ["G2", `s="2"><v>${n}</v>`],
            ["H2", `s="2"><f>${n}*1</f><v>${n}</v>`],
          ],
          formats([code]),
        ),
      );
      expect(fast).toBeDefined();
      expect(exceljs.tables.Roster!.values[1]!.slice(6)).toEqual([want, want]);
    },
  );

  test("a Program's Day given as a duration is an unreadable date; times formatted h:mm still read", async () => {
    // Styles: 2 a date, 3 h:mm, 4 [h]:mm:ss, 5 [h]:mm.
    const bytes = await writeRawBook({
      sheets: [
        {
          name: "Program",
          cells: [
            ...grid([["Session", "Day", "Start", "End"], ["S1"], ["S2"], ["S3"]]),
            ["B2", `s="2"><v>45400</v>`],
            ["C2", `s="3"><v>0.375</v>`],
            ["D2", `s="3"><v>0.40625</v>`],
            ["B3", `s="4"><v>45400</v>`],
            ["C3", `s="3"><v>0.5</v>`],
            ["D3", `s="3"><v>0.5625</v>`],
            ["B4", `s="2"><v>45400</v>`],
            ["C4", `s="5"><v>0.625</v>`],
            ["D4", `s="5"><v>1.5</v>`],
          ],
        },
        {
          name: "Workshop",
          cells: [...grid([["Key", "Value"], ["Start"], ["Days", 2]]), ["B2", `s="2"><v>45400</v>`]],
        },
      ],
    });
    const zip = await JSZip.loadAsync(bytes);
    const parts = { workbook: "", sheet: "", sst: "", styles: await zip.file("xl/styles.xml")!.async("string") };
    formats(["dd mmm yyyy", "h:mm", "[h]:mm:ss", "[h]:mm"])(parts);
    zip.file("xl/styles.xml", parts.styles);
    const { fast, exceljs } = await agree(await zip.generateAsync({ type: "nodebuffer" }));
    expect(fast).toBeDefined();
    const found = checkWorkbook(exceljs, { focus: "program", asOf: dayOfIso("2024-03-01")! }).focused.map(
      (f) => `${f.code}@${f.row}:${(f.data as { field?: string }).field}:${(f.data as { value?: string }).value}`,
    );
    // S1 reads whole; S2's Day is no date (it was 4 April 2024); S3 starts at 15:00 and its End (36:00) is no time.
    expect(found).toEqual(["PROGRAM_INVALID_VALUE@3:Day:1089600:00", "PROGRAM_INVALID_VALUE@4:End:36:00"]);
  });
});
