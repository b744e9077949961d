/**
 * A second reviewer's adversarial cases for the fast reader of `iewsc check`: each workbook is edited
 * after writing (the workbook's date system, custom date formats, prefixed SpreadsheetML, cells out of
 * column order …) and read by both readers, which must agree or the fast reader must step aside.
 */
import JSZip from "jszip";
import { readTablesFast } from "../../scripts/xlsx/fast-read";
import { checkWorkbookBytes } from "../../scripts/xlsx/input-file";
import { findTables, loadWorkbookBytes } from "../../scripts/xlsx/read-workbook";
import { ROSTER_ROWS, type RawCell, grid, writeRawBook } from "./ooxml";

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

test("a cell whose address names another row than its row element", async () => {
  await agree(
    await book([], (p) => {
      p.sheet = p.sheet.replace("</sheetData>", '<row r="5"><c r="H2" t="b"><v>1</v></c></row></sheetData>');
    }),
  );
  await agree(
    await book([], (p) => {
      p.sheet = p.sheet.replace(/(<row r="4">)/, '<row r="3"><c r="H2" t="b"><v>1</v></c></row>$1');
    }),
  );
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
