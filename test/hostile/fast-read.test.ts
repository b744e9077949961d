/**
 * The fast reader of `iewsc check` (scripts/xlsx/fast-read.ts) must give exactly what ExcelJS's load
 * and `findTables` give, or step aside. Both read every table and sheet of every workbook we have (the
 * real ones from Excel, Google Sheets and LibreOffice, the templates, the test fixtures) and of odd
 * workbooks made here, and their results are compared value by value.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTablesFast } from "../../scripts/xlsx/fast-read";
import { checkWorkbookBytes } from "../../scripts/xlsx/input-file";
import { findTables, loadWorkbookBytes } from "../../scripts/xlsx/read-workbook";
import { NOT_CALCULATED } from "../../scripts/xlsx/cell-value";
import { ROSTER_ROWS, type RawBook, type RawCell, grid, num, text, writeRawBook } from "./ooxml";
import { ROOT, iewsc } from "./run";

const every = (p: string) => /^xl\//.test(p);

async function both(bytes: Buffer, file: string) {
  const fast = await readTablesFast(checkWorkbookBytes(bytes, file, every), "every");
  const exceljs = findTables(await loadWorkbookBytes(bytes, file), "every");
  return { fast, exceljs };
}

function xlsxUnder(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) out = out.concat(xlsxUnder(path));
    else if (name.endsWith(".xlsx") && !name.endsWith(".broken.xlsx")) out.push(path);
  }
  return out;
}

const corpus = [
  ...xlsxUnder("/work/shared/real-workbooks"),
  ...xlsxUnder(join(ROOT, "templates")),
  ...xlsxUnder(join(ROOT, "test")),
];

test("every workbook we have reads the same through both readers", async () => {
  expect(corpus.length).toBeGreaterThan(10);
  let fastRead = 0;
  for (const file of corpus) {
    const bytes = readFileSync(file);
    let exceljs: unknown;
    try {
      checkWorkbookBytes(bytes, file);
      exceljs = findTables(await loadWorkbookBytes(bytes, file), "every");
    } catch {
      continue; // a file the command refuses: the refusal comes before either reader
    }
    const fast = await readTablesFast(checkWorkbookBytes(bytes, file, every), "every");
    if (fast === undefined) continue; // read by ExcelJS itself
    fastRead++;
    expect({ file, tables: fast }).toEqual({ file, tables: exceljs });
  }
  // Most of them are read by the fast reader: the comparison is not empty.
  expect(fastRead).toBeGreaterThan(corpus.length / 2);
});

const header = ROSTER_ROWS[0] as string[];
const odd: [string, RawCell[], RawBook["sheets"][number]["tables"]?][] = [
  [
    "every cell type ExcelJS reads",
    [
      ...grid(ROSTER_ROWS),
      ["A5", `t="str"><f>"a"&amp;"b"</f><v>a&amp;amp;b</v>`], // ExcelJS decodes a formula's text result twice
      ["B5", `><f>1-1</f><v>0</v>`], // a saved 0 is a result, not "not calculated"
      ["C5", `t="b"><f>FALSE</f><v>0</v>`],
      ["D5", `t="e"><f>1/0</f><v>#DIV/0!</v>`],
      ["E5", `t="str"><f>"x"</f>`], // no saved result
      ["F5", `><f t="shared" ref="F5:F6" si="0">1+1</f><v>2</v>`],
      ["F6", `><f t="shared" si="0"/><v>2</v>`],
      ["G5", `s="1"><f>45000</f><v>45000</v>`], // a formula's date result
      ["A6", `t="inlineStr"><is><t>inline &lt;text&gt; _x0041_</t></is>`],
      ["B6", `t="b"><v>1</v>`],
      ["C6", `t="e"><v>#N/A</v>`],
      ["D6", `s="1"><v>45000.5</v>`], // a date with a time
      ["E6", `t="d"><v>2023-05-30</v>`],
      ["A7", `s="1">`], // a styled empty cell
      ["B7", ">"], // an empty cell without a style: no cell at all
      ["C7", `><v>1e308</v>`],
      ["D7", `><v>  12  </v>`],
      ["E7", `t="str"><v>line&#13;&#10;two&#x9;tab</v>`],
      text("F7", "Vera\u000bTab and literal _x0041_"),
      text("G7", "line\r\nbreak"),
      ["A8", `s="1"><v>0</v>`],
      ["B8", `s="1"><v>-1</v>`],
      ["C8", `s="1"><v>1000000000000</v>`],
      ["D8", `t="s"><v>0</v>`],
      text("XFD20", "stray"),
    ],
    undefined,
  ],
  [
    "a table over whole columns with a totals row and a stray cell below it",
    [...grid(ROSTER_ROWS), text("A1048576", "far")],
    [{ name: "Roster", ref: "A1:F1048576", columns: header, attrs: 'totalsRowCount="1"' }],
  ],
  [
    "a table over the whole sheet",
    [...grid(ROSTER_ROWS), text("Z2", "wide")],
    [
      {
        name: "Roster",
        ref: "A1:XFD1048576",
        columns: Array.from({ length: 16_384 }, (_, i) => header[i] ?? `C${i + 1}`),
      },
    ],
  ],
  ["blank rows and formatting only at the end", [...grid(ROSTER_ROWS), ["A9", `s="1">`], num("B12", 0)], undefined],
];

test.each(odd)("%s reads the same through both readers", async (_, cells, tables) => {
  const bytes = await writeRawBook({
    sheets: [
      { name: "Roster", cells, ...(tables ? { tables } : {}) },
      { name: "Tasks", cells: grid([["ID"], ["T1"]]) },
    ],
  });
  const { fast, exceljs } = await both(bytes, "odd.xlsx");
  expect(fast).toBeDefined();
  expect(fast).toEqual(exceljs);
});

test("the saved result 0 of a formula is read as 0, by both readers", async () => {
  const bytes = await writeRawBook({
    sheets: [{ name: "Roster", cells: [...grid(ROSTER_ROWS), ["G2", `><f>1-1</f><v>0</v>`], ["G3", `><f>1-1</f>`]] }],
  });
  const { fast, exceljs } = await both(bytes, "zero.xlsx");
  for (const input of [fast!, exceljs]) {
    expect(input.tables.Roster!.values[1]![6]).toBe(0);
    expect(input.tables.Roster!.values[2]![6]).toEqual({ error: NOT_CALCULATED });
  }
});

test.each([
  ["merged cells", { after: `<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>` }, []],
  ["rich inline text", {}, [["A5", `t="inlineStr"><is><r><t>rich</t></r></is>`]]],
  ["a cell without an address", {}, [["A5", `t="b"><v>1</v>`]]],
  ["a table without its header row", { headerOff: true }, []],
  ["text outside the root element", { garbage: true }, []],
] as [string, { after?: string; headerOff?: boolean; garbage?: boolean }, RawCell[]][])(
  "%s: the fast reader steps aside, and ExcelJS reads the workbook",
  async (label, how, extra) => {
    const book: RawBook = {
      sheets: [
        {
          name: "Roster",
          cells: [...grid(ROSTER_ROWS), ...extra],
          ...(how.after ? { after: how.after } : {}),
          ...(how.headerOff
            ? { tables: [{ name: "Roster", ref: "A2:F4", columns: header, attrs: 'headerRowCount="0"' }] }
            : {}),
        },
      ],
    };
    let bytes = await writeRawBook(book);
    if (label === "a cell without an address" || how.garbage) {
      const JSZip = (await import("jszip")).default;
      const zip = await JSZip.loadAsync(bytes);
      let xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      xml = how.garbage ? xml.replace("<worksheet", "stray text<worksheet") : xml.replace('<c r="A5" ', "<c ");
      zip.file("xl/worksheets/sheet1.xml", xml);
      bytes = await zip.generateAsync({ type: "nodebuffer" });
    }
    expect(await readTablesFast(checkWorkbookBytes(bytes, "odd.xlsx", every), "every")).toBeUndefined();
  },
);

test("rich shared strings are read by ExcelJS's own xform, and the same", async () => {
  const bytes = await writeRawBook({ sheets: [{ name: "Roster", cells: grid(ROSTER_ROWS) }] });
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  zip.file(
    "xl/sharedStrings.xml",
    sst.replace(
      '<si><t xml:space="preserve">Ada Lovelace</t></si>',
      '<si><r><rPr><b/></rPr><t>Ada</t></r><r><t xml:space="preserve"> Lovelace</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
    ),
  );
  const { fast, exceljs } = await both(await zip.generateAsync({ type: "nodebuffer" }), "rich.xlsx");
  expect(fast).toBeDefined();
  expect(fast).toEqual(exceljs);
  expect(fast!.tables.Roster!.values[1]![0]).toBe("Ada Lovelace");
});

describe("ExcelJS's reading mistakes, corrected in both readers", () => {
  async function checked(bytes: Buffer, name: string) {
    const dir = mkdtempSync(join(tmpdir(), "iewsc-readfix-"));
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return iewsc(["check", file], { cwd: dir });
  }

  test('escapes in inline strings and t="str" values are decoded once, lower case too', async () => {
    const bytes = await writeRawBook({
      sheets: [
        {
          name: "Roster",
          cells: [
            ...grid(ROSTER_ROWS),
            ["A5", `t="inlineStr"><is><t>Vera_x000B_Tab _x005F_x0041_ &amp;lt;</t></is>`],
            ["B5", `t="str"><v>a_x000b_b &amp;lt;</v>`],
            ["C5", `t="str"><f>"x"</f><v>x_x0041_ &amp;amp;</v>`],
            ["D5", `t="s"><v>\uE000low_x000b_case\uE000</v>`],
          ],
        },
      ],
    });
    const { fast, exceljs } = await both(bytes, "escapes.xlsx");
    expect(fast).toBeDefined();
    expect(fast).toEqual(exceljs);
    expect(exceljs.tables.Roster!.values[4]!.slice(0, 4)).toEqual([
      "Vera\vTab _x0041_ &lt;",
      "a\vb &lt;",
      "xA &amp;",
      "low\vcase",
    ]);
    expect((await checked(bytes, "escapes.xlsx")).code).not.toBe(2);
  });

  test("an inline string's phonetic guide is not read into its text, nor ends the cell", async () => {
    const bytes = await writeRawBook({
      sheets: [
        {
          name: "Roster",
          cells: [
            ...grid(ROSTER_ROWS),
            [
              "A5",
              `t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="0" type="noConversion"/></is>`,
            ],
            num("B5", 7),
            ["C5", `t="inlineStr"><is><t>after</t></is>`],
          ],
        },
      ],
    });
    const { fast, exceljs } = await both(bytes, "phonetic.xlsx");
    expect(fast).toBeUndefined(); // the fast reader steps aside for phonetic runs
    expect(exceljs.tables.Roster!.values[4]!.slice(0, 3)).toEqual(["漢字", 7, "after"]);
    expect((await checked(bytes, "phonetic.xlsx")).code).not.toBe(2);
  });

  test.each([
    ["a dynamic filter", `<filterColumn colId="0"><dynamicFilter type="today"/></filterColumn>`],
    ["a top-10 filter", `<filterColumn colId="1"><top10 val="5"/></filterColumn>`],
    ["a colour filter", `<filterColumn colId="2"><colorFilter dxfId="0"/></filterColumn>`],
    ["an icon filter", `<filterColumn colId="3"><iconFilter iconSet="3Arrows" iconId="0"/></filterColumn>`],
    ["a sort", `<sortState ref="A2:F4"><sortCondition descending="1" ref="A2:A4"/></sortState>`],
    ["an extension list", `<extLst><ext uri="{x}"><y/></ext></extLst>`],
  ])("a table whose filter holds %s is read, not called damaged", async (_, filter) => {
    const bytes = await writeRawBook({
      sheets: [
        {
          name: "Roster",
          cells: grid(ROSTER_ROWS),
          tables: [
            { name: "Roster", ref: "A1:F4", columns: header, inner: `<autoFilter ref="A1:F4">${filter}</autoFilter>` },
          ],
        },
      ],
    });
    const { fast, exceljs } = await both(bytes, "filter.xlsx");
    expect(fast).toEqual(exceljs);
    expect(exceljs.tables.Roster!.values[1]![0]).toBe(ROSTER_ROWS[1]![0]);
    const r = await checked(bytes, "filter.xlsx");
    expect(r.stderr).not.toMatch(/damaged/);
    expect(r.code).not.toBe(2);
  });
});
