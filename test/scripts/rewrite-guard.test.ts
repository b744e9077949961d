import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { UnreadableWorkbookError, WouldLoseDataError } from "../../core";
import { assertNothingLost, rewriteLosses } from "../../scripts/xlsx/rewrite-guard";
import { REAL_WORKBOOKS } from "../helpers/fixtures";

type LoadOptions = Parameters<ExcelJS.Xlsx["load"]>[1];

/** What ExcelJS writes when it reads the bytes and writes them again, as `iewsc build` does. */
async function rewrite(bytes: Uint8Array, options?: LoadOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer, options);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const kindsLost = async (input: Uint8Array, options?: LoadOptions) =>
  (await rewriteLosses(input, await rewrite(input, options))).map((l) => l.kind);

/** The text of every part whose name matches, for counting what a package holds without the guard. */
async function texts(bytes: Uint8Array, name: RegExp): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir && name.test(n))
      .sort()
      .map((n) => zip.files[n]!.async("string")),
  );
}
const occurrences = (xs: string[], re: RegExp) => xs.reduce((n, x) => n + (x.match(re) ?? []).length, 0);

const CUSTOM_PROPERTIES = "custom document properties (where sensitivity labels are kept)";

/**
 * Every real workbook, with what a rewrite through ExcelJS really loses, checked by unzipping each one.
 * A new file in the folder fails the first test until it is given its line here.
 */
const REAL: { file: string; lost: string[] | { loadError: RegExp }; load?: LoadOptions; why: string }[] = [
  { file: "1904.xlsx", lost: [], why: "its only extra part, xl/printerSettings/printerSettings1.bin, is harmless" },
  {
    file: "chart-sheet.xlsx",
    lost: ["a chart", "a chart sheet"],
    why: "xl/charts/ and xl/chartsheets/ (its drawing holds only the chart's frame)",
  },
  {
    file: "comments.xlsx",
    lost: [CUSTOM_PROPERTIES],
    why: "docProps/custom.xml (a KSOProductBuildVer property); its 2 comment parts come back",
  },
  { file: "dateIssue.xlsx", lost: [], why: "values only; its <workbookProtection/> sets nothing" },
  { file: "gold.xlsx", lost: [], why: "xl/calcChain.xml is harmless; the hyperlink comes back" },
  { file: "google-sheets.xlsx", lost: [], why: "its xl/drawings/drawing1.xml is empty" },
  { file: "images.xlsx", lost: [], why: "its pictures come back" },
  {
    file: "invalid-xml.xlsx",
    lost: { loadError: /text data outside of root node/ },
    why: "ExcelJS refuses it, so there is no rewrite to compare",
  },
  { file: "libre-calc-as-excel-2007-365.xlsx", lost: [], why: "values only; its <workbookProtection/> sets nothing" },
  {
    file: "test-issue-1842.xlsx",
    // Read as loadWorkbook reads by default: loading this validation (A1:XFD1048576) hangs ExcelJS,
    // and a copy made without it would lose it, which is what the guard must say.
    load: { ignoreNodes: ["dataValidations"] },
    lost: ['data validations on "Sheet1"'],
    why: "its validation (a prompt over the whole sheet) is not read, so not written",
  },
];

describe("every real workbook: what a rewrite through ExcelJS would drop", () => {
  test("every file in the folder has its expectation", () => {
    expect(
      readdirSync(REAL_WORKBOOKS)
        .filter((f) => f.endsWith(".xlsx"))
        .sort(),
    ).toEqual(REAL.map((r) => r.file).sort());
  });

  test.each(REAL)("$file ($why)", async ({ file, lost, load }) => {
    const bytes = new Uint8Array(readFileSync(join(REAL_WORKBOOKS, file)));
    if (!Array.isArray(lost)) {
      await expect(rewrite(bytes, load)).rejects.toThrow(lost.loadError);
      return;
    }
    expect(await kindsLost(bytes, load)).toEqual(lost);
  });

  test("chart-sheet.xlsx: the losses name the parts that hold them", async () => {
    const bytes = new Uint8Array(readFileSync(join(REAL_WORKBOOKS, "chart-sheet.xlsx")));
    expect(await rewriteLosses(bytes, await rewrite(bytes))).toEqual([
      { kind: "a chart", parts: ["xl/charts/chart1.xml", "xl/charts/style1.xml", "xl/charts/colors1.xml"] },
      { kind: "a chart sheet", parts: ["xl/chartsheets/sheet1.xml"] },
    ]);
  });

  test("images.xlsx: its 10 pictures (2 JPEG files, placed 10 times) all come back", async () => {
    const before = new Uint8Array(readFileSync(join(REAL_WORKBOOKS, "images.xlsx")));
    const after = await rewrite(before);
    const pictures = async (b: Uint8Array) => occurrences(await texts(b, /^xl\/drawings\/[^/]+\.xml$/), /<xdr:pic>/g);
    const files = async (b: Uint8Array) => (await texts(b, /^xl\/media\//)).length;
    expect(await pictures(before)).toBe(10);
    expect(await pictures(after)).toBe(10);
    expect(await files(before)).toBe(2);
    expect(await files(after)).toBe(2);
  });

  test("comments.xlsx: as many comments after the rewrite as before", async () => {
    const before = new Uint8Array(readFileSync(join(REAL_WORKBOOKS, "comments.xlsx")));
    const after = await rewrite(before);
    const comments = async (b: Uint8Array) => occurrences(await texts(b, /^xl\/comments[^/]*\.xml$/), /<comment /g);
    expect(await comments(before)).toBeGreaterThan(0);
    expect(await comments(after)).toBe(await comments(before));
  });
});

/** A small workbook as ExcelJS writes it: a Roster sheet with a header row and two members. */
async function small(build: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Roster");
  ws.addRows([
    ["Name", "Region"],
    ["Ana", "Europe"],
    ["Ben", "Africa"],
  ]);
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The package with parts added or changed, as another program would have written them. */
async function edited(
  bytes: Uint8Array,
  edit: (zip: JSZip, text: (name: string) => Promise<string>) => Promise<void>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip, (name) => zip.file(name)!.async("string"));
  return zip.generateAsync({ type: "uint8array" });
}

/** Adds a part with its content type (an Override) and a relationship from `from` ("" for the package). */
async function addPart(
  zip: JSZip,
  part: string,
  body: string | Uint8Array,
  type: string,
  rel?: { from: string; type: string },
): Promise<void> {
  zip.file(part, body);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`),
  );
  if (!rel) return;
  const relsPart = rel.from === "" ? "_rels/.rels" : rel.from.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels =
    (await zip.file(relsPart)?.async("string")) ??
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const dir = rel.from.includes("/") ? rel.from.replace(/[^/]+$/, "") : "";
  const target = dir && part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
  zip.file(
    relsPart,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdGuard${Math.random().toString(36).slice(2, 8)}" Type="${rel.type}" Target="${target}"/></Relationships>`,
    ),
  );
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** Parts added to a small workbook, each with the loss the guard must report. */
const ADDED: {
  name: string;
  edit: (zip: JSZip, text: (name: string) => Promise<string>) => Promise<void>;
  lost: string[];
}[] = [
  {
    name: "docProps/custom.xml (a sensitivity label)",
    edit: (zip) =>
      addPart(
        zip,
        "docProps/custom.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0000_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>',
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        { from: "", type: `${REL}/custom-properties` },
      ),
    lost: [CUSTOM_PROPERTIES],
  },
  {
    name: "an empty docProps/custom.xml, as LibreOffice writes into every workbook it saves (nothing to lose)",
    edit: (zip) =>
      addPart(
        zip,
        "docProps/custom.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        { from: "", type: `${REL}/custom-properties` },
      ),
    lost: [],
  },
  {
    name: "xl/vbaProject.bin (macros)",
    edit: (zip) =>
      addPart(
        zip,
        "xl/vbaProject.bin",
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        "application/vnd.ms-office.vbaProject",
        { from: "xl/workbook.xml", type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject" },
      ),
    lost: ["macros"],
  },
  {
    name: "customXml/item1.xml (a custom XML part)",
    edit: async (zip) => {
      zip.file(
        "customXml/item1.xml",
        '<?xml version="1.0" encoding="UTF-8"?><root xmlns="urn:example"><owner>IEWSC</owner></root>',
      );
      await addPart(
        zip,
        "customXml/itemProps1.xml",
        '<?xml version="1.0" encoding="UTF-8"?><ds:datastoreItem ds:itemID="{6E0A4C1B-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>',
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
      );
      await addPart(
        zip,
        "customXml/_rels/item1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
        "application/vnd.openxmlformats-package.relationships+xml",
      );
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rIdX" Type="${REL}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
        ),
      );
    },
    lost: ["custom XML parts"],
  },
  {
    name: "xl/threadedComments and xl/persons (a threaded comment)",
    edit: async (zip) => {
      await addPart(
        zip,
        "xl/threadedComments/threadedComment1.xml",
        '<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A2" dT="2024-01-10T09:00:00.00" personId="{00000000-0000-4000-8000-000000000001}" id="{00000000-0000-4000-8000-000000000002}"><text>Check the region</text></threadedComment></ThreadedComments>',
        "application/vnd.ms-excel.threadedcomments+xml",
        {
          from: "xl/worksheets/sheet1.xml",
          type: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
        },
      );
      await addPart(
        zip,
        "xl/persons/person.xml",
        '<?xml version="1.0" encoding="UTF-8"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Ana" id="{00000000-0000-4000-8000-000000000001}" userId="ana" providerId="None"/></personList>',
        "application/vnd.ms-excel.person+xml",
        { from: "xl/workbook.xml", type: "http://schemas.microsoft.com/office/2017/10/relationships/person" },
      );
    },
    lost: ["threaded comments"],
  },
  {
    name: "a text box beside a picture in the sheet's drawing",
    edit: async (zip, text) => {
      const drawing = await text("xl/drawings/drawing1.xml");
      const shape =
        '<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="TextBox 8"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Read me first</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>';
      zip.file("xl/drawings/drawing1.xml", drawing.replace("</xdr:wsDr>", `${shape}</xdr:wsDr>`));
    },
    lost: ["shapes or text boxes"],
  },
  {
    name: "a defined name holding a formula (ExcelJS keeps only names of ranges)",
    edit: async (zip, text) => {
      const wb = await text("xl/workbook.xml");
      zip.file(
        "xl/workbook.xml",
        wb.replace(
          "</definedNames>",
          '<definedName name="MemberCount">COUNTA(Roster!$A:$A)-1</definedName></definedNames>',
        ),
      );
    },
    lost: ["1 defined name of 3"], // Members and the print area are kept
  },
  {
    name: "an Excel 2010 list validation drawn from another sheet (x14, in the sheet's extension list)",
    edit: async (zip, text) => {
      const sheet = await text("xl/worksheets/sheet1.xml");
      const ext =
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>B2:B100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
      zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `${ext}</worksheet>`));
    },
    lost: ['data validations on "Roster"'],
  },
  {
    name: "a conditional format that highlights duplicates (a rule type ExcelJS does not write)",
    edit: async (zip, text) => {
      const sheet = await text("xl/worksheets/sheet1.xml");
      zip.file(
        "xl/worksheets/sheet1.xml",
        sheet.replace(
          "<conditionalFormatting ",
          '<conditionalFormatting sqref="A2:A50"><cfRule type="duplicateValues" priority="3"/></conditionalFormatting><conditionalFormatting ',
        ),
      );
    },
    lost: ["1 conditional formatting rule of 3"], // the expression and the data bar are kept
  },
  {
    name: "sparklines (x14, in the sheet's extension list)",
    edit: async (zip, text) => {
      const sheet = await text("xl/worksheets/sheet1.xml");
      const ext =
        '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:sparklines><x14:sparkline><xm:f>Roster!B2:B3</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';
      zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `${ext}</worksheet>`));
    },
    lost: ["sparklines"],
  },
  {
    name: "a part nobody has classified",
    edit: (zip) =>
      addPart(
        zip,
        "xl/futureFeature/item1.xml",
        '<?xml version="1.0" encoding="UTF-8"?><future xmlns="urn:example"/>',
        "application/vnd.example.future+xml",
        { from: "xl/workbook.xml", type: "urn:example:future" },
      ),
    lost: ["unrecognised parts (xl/futureFeature/item1.xml)"],
  },
  {
    name: "xl/calcChain.xml and printer settings (harmless: a cache, and the printer driver's private bytes)",
    edit: async (zip) => {
      await addPart(
        zip,
        "xl/calcChain.xml",
        '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C2" i="1"/></calcChain>',
        "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
        { from: "xl/workbook.xml", type: `${REL}/calcChain` },
      );
      await addPart(
        zip,
        "xl/printerSettings/printerSettings1.bin",
        new Uint8Array(64),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
        { from: "xl/worksheets/sheet1.xml", type: `${REL}/printerSettings` },
      );
    },
    lost: [],
  },
];

/** A small workbook with a picture, a comment, a hyperlink, names, validations and formats: all kept by ExcelJS. */
const rich = () =>
  small((wb) => {
    const ws = wb.getWorksheet("Roster")!;
    const image = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(image, "D2:E4");
    ws.addImage(image, { tl: { col: 6, row: 1 }, ext: { width: 20, height: 20 } });
    ws.getCell("A2").note = "Chair";
    ws.getCell("A3").value = { text: "Ben", hyperlink: "https://www.itu.int/" };
    wb.definedNames.add("Roster!$A$2:$A$3", "Members");
    ws.pageSetup.printArea = "A1:B3";
    (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      "B2:B50",
      { type: "list", allowBlank: true, formulae: ['"Europe,Africa,Americas"'] },
    );
    ws.addConditionalFormatting({
      ref: "B2:B50",
      rules: [{ type: "expression", priority: 1, formulae: ['B2="Africa"'], style: { font: { bold: true } } }],
    });
    ws.addConditionalFormatting({
      ref: "C2:C50",
      rules: [
        {
          type: "dataBar",
          priority: 2,
          cfvo: [{ type: "min" }, { type: "max" }],
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
    ws.mergeCells("A6:B6");
    ws.views = [{ state: "frozen", ySplit: 1 }];
    wb.addWorksheet("Lists").addTable({
      name: "Regions",
      ref: "A1",
      columns: [{ name: "Region" }],
      rows: [["Europe"], ["Africa"]],
    });
  });

describe("parts added to a small workbook are reported by kind", () => {
  test.each(ADDED)("$name", async ({ edit, lost }) => {
    const input = await edited(await rich(), edit);
    expect(await kindsLost(input)).toEqual(lost);
  });

  test("what ExcelJS keeps is no loss: pictures, notes, hyperlinks, names, print area, validations, formats, merges, tables", async () => {
    const input = await rich();
    expect(await rewriteLosses(input, await rewrite(input))).toEqual([]);
    // and twice over: what ExcelJS wrote, read and written again, is still the same content
    const once = await rewrite(input);
    expect(await rewriteLosses(input, await rewrite(once))).toEqual([]);
  });

  test("content the rewrite adds (a generated sheet, a name) hides no loss, and a sheet the rewrite leaves out is one", async () => {
    const input = await rich();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    wb.addWorksheet("Budget").getCell("A1").value = 1;
    wb.definedNames.add("Budget!$A$1", "BudgetTotal");
    expect(await rewriteLosses(input, new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([]);
    wb.removeWorksheet(wb.getWorksheet("Lists")!.id);
    expect((await rewriteLosses(input, new Uint8Array(await wb.xlsx.writeBuffer()))).map((l) => l.kind)).toEqual([
      "1 worksheet of 2",
      "1 table",
    ]);
  });

  test("a picture the rewrite drops is counted: 1 image of 2", async () => {
    const input = await rich();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Roster")! as unknown as { _media: unknown[] };
    ws._media.pop();
    expect(await rewriteLosses(input, new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([
      { kind: "1 image of 2", parts: ["xl/drawings/drawing1.xml", "xl/media/image1.png"] },
    ]);
  });
});

describe("assertNothingLost", () => {
  const real = (file: string) => new Uint8Array(readFileSync(join(REAL_WORKBOOKS, file)));

  test("throws a WouldLoseDataError, one line, naming the file and every kind", async () => {
    const input = real("chart-sheet.xlsx");
    const error = await assertNothingLost("chart-sheet.xlsx", input, await rewrite(input)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WouldLoseDataError);
    const { message, where } = error as WouldLoseDataError;
    expect(message).toBe(
      "chart-sheet.xlsx: holds a chart and a chart sheet that a rewrite would drop; nothing was written. Remove what is listed from a copy of the workbook (or keep the generated sheets in another workbook) and run again",
    );
    expect(message).not.toMatch(/\n/);
    expect(where).toEqual({ file: "chart-sheet.xlsx" });
  });

  test("lists three or more kinds in one sentence", async () => {
    const input = await edited(await rich(), async (zip, text) => {
      for (const added of ADDED.filter((a) => /sensitivity label|vbaProject|customXml/.test(a.name)))
        await added.edit(zip, text);
    });
    await expect(assertNothingLost("labelled.xlsx", input, await rewrite(input))).rejects.toThrow(
      new WouldLoseDataError(
        `holds macros, ${CUSTOM_PROPERTIES} and custom XML parts that a rewrite would drop; nothing was written. The custom document properties are "MSIP_Label_0000_Enabled" (a sensitivity label: change it under Home ▸ Sensitivity, or remove it); in Excel, remove them under File ▸ Info ▸ Properties ▸ Advanced Properties ▸ Custom. Remove what is listed from a copy of the workbook (or keep the generated sheets in another workbook) and run again`,
        { file: "labelled.xlsx" },
      ),
    );
  });

  test("returns quietly when nothing would be lost", async () => {
    const input = real("images.xlsx");
    await expect(assertNothingLost("images.xlsx", input, await rewrite(input))).resolves.toBeUndefined();
  });

  test("bytes that are not a package raise an UnreadableWorkbookError naming the file", async () => {
    const error = await assertNothingLost("notes.xlsx", new TextEncoder().encode("not a zip"), await small()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as Error).message).toMatch(
      /^notes\.xlsx: could not be compared with its rewrite: it is not a readable \.xlsx package \(.+\); nothing was written$/,
    );
  });
});
