/**
 * `iewsc build` copies the user's package part by part and splices its own sheets in
 * (`scripts/xlsx/splice.ts`). Judged on every real workbook we have, by the bytes of each part and by
 * programs nobody here wrote (openpyxl, gnumeric, LibreOffice), and on packages made to be awkward.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { Workbook } from "../../scripts/xlsx/exceljs-workbook";
import { mergeStyles, packageShape, splicePackage } from "../../scripts/xlsx/splice";
import { runCli } from "../helpers/cli";
import { REAL_WORKBOOKS } from "../helpers/fixtures";
import { libreConvert } from "../helpers/libreoffice";
import { changedParts, packageProblems, partBytes } from "../helpers/package-check";
import { PYTHON, SOFFICE, SSCONVERT, describeWith } from "../helpers/programs";
import { gnumericRecalc, openpyxlRead, openpyxlResave } from "../helpers/readers";

const dir = mkdtempSync(join(tmpdir(), "iewsc-splice-"));
const iewsc = (args: string[]) => runCli(args, { cwd: dir });
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const count = (xml: string, box: string, tag: string) =>
  (new RegExp(`<${box}\\b[^>]*>([\\s\\S]*?)</${box}>`).exec(xml)?.[1]?.match(new RegExp(`<${tag}[\\s/>]`, "g")) ?? [])
    .length;

const BUILT = readdirSync(REAL_WORKBOOKS).filter((f) => f.endsWith(".xlsx") && f !== "invalid-xml.xlsx");

describe("every real workbook: built with each of its parts as it was", () => {
  test.each(BUILT)("%s", async (name) => {
    const input = join(REAL_WORKBOOKS, name);
    const before = sha(input);
    const out = join(dir, `built-${name}`);
    const r = iewsc(["build", input, "--out", out, "--as-of", "2024-06-01"]);
    expect(r.stderr).toBe("");
    expect(sha(input)).toBe(before);
    expect(await changedParts(input, out)).toEqual([]);
    expect(await packageProblems(readFileSync(out))).toEqual([]);
    // The five edited parts keep what they held: the user's strings and styles come first, unchanged.
    const [was, is] = [await partBytes(input), await partBytes(out)];
    const text = (m: Map<string, Buffer>, n: string) => m.get(n)?.toString("utf8") ?? "";
    const items = (xml: string) => xml.match(/<si\b[\s\S]*?<\/si>|<si\/>/g) ?? [];
    expect(items(text(is, "xl/sharedStrings.xml")).slice(0, items(text(was, "xl/sharedStrings.xml")).length)).toEqual(
      items(text(was, "xl/sharedStrings.xml")),
    );
    for (const [box, tag] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
    ] as const)
      expect(count(text(is, "xl/styles.xml"), box, tag)).toBeGreaterThanOrEqual(
        count(text(was, "xl/styles.xml"), box, tag),
      );

    // Building the copy again replaces our sheets; once more adds no styles: a workbook does not grow with each build.
    const again = join(dir, `again-${name}`);
    const third = join(dir, `third-${name}`);
    expect(iewsc(["build", out, "--out", again, "--as-of", "2024-06-02"]).stderr).toBe("");
    expect(iewsc(["build", again, "--out", third, "--as-of", "2024-06-02"]).stderr).toBe("");
    expect(await packageProblems(readFileSync(again))).toEqual([]);
    const styles = await Promise.all(
      [again, third].map(async (f) => (await partBytes(f)).get("xl/styles.xml")!.toString("utf8")),
    );
    for (const [box, tag] of [
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
      ["fonts", "font"],
      ["numFmts", "numFmt"],
    ] as const)
      expect(count(styles[1]!, box, tag)).toBe(count(styles[0]!, box, tag));
    const sheetsOf = async (f: string) =>
      [
        ...(await partBytes(f))
          .get("xl/workbook.xml")!
          .toString("utf8")
          .matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g),
      ].map((m) => m[1]);
    expect(await sheetsOf(third)).toEqual(await sheetsOf(again));
  });
});

describeWith("openpyxl", PYTHON)("openpyxl opens every built real workbook", () => {
  test.each(BUILT)("%s: the user's sheets, then ours, and our names pointing at them", async (name) => {
    const out = join(dir, `built-${name}`);
    if (!existsSync(out)) iewsc(["build", join(REAL_WORKBOOKS, name), "--out", out, "--as-of", "2024-06-01"]);
    const input = join(REAL_WORKBOOKS, name);
    const shape = await packageShape(readFileSync(input), []);
    const read = openpyxlRead(out);
    expect(read.sheets.slice(0, shape.sheets.length)).toEqual(shape.sheets.map((s) => s.name));
    expect(read.sheets).toEqual(expect.arrayContaining(["Budget", "Resources"]));
    expect(read.names.find((n) => n.name === "BudgetTotal")?.sheet).toBe("Budget");
  });
});

describeWith("openpyxl", PYTHON)("every real workbook re-saved by openpyxl is built too", () => {
  // openpyxl declares the relationships namespace on each sheet element, not on the workbook.
  test.each(BUILT)("%s", async (name) => {
    const input = openpyxlResave(join(REAL_WORKBOOKS, name));
    const out = join(dir, `resaved-${name}`);
    const r = iewsc(["build", input, "--out", out, "--as-of", "2024-06-01"]);
    expect(r.stderr).toBe("");
    expect(await changedParts(input, out)).toEqual([]);
    expect(await packageProblems(readFileSync(out))).toEqual([]);
    expect(openpyxlRead(out).sheets).toEqual(expect.arrayContaining(["Budget", "Resources"]));
  });
});

describeWith("gnumeric", SSCONVERT)("gnumeric opens every built real workbook cleanly", () => {
  test.each(BUILT)("%s", (name) => {
    const out = join(dir, `built-${name}`);
    if (!existsSync(out)) iewsc(["build", join(REAL_WORKBOOKS, name), "--out", out, "--as-of", "2024-06-01"]);
    expect(existsSync(gnumericRecalc(out))).toBe(true);
  });
});

describeWith("LibreOffice", SOFFICE)("LibreOffice opens every built real workbook", () => {
  test("each converts to .xlsx", () => {
    const outs = BUILT.map((name) => {
      const out = join(dir, `built-${name}`);
      if (!existsSync(out)) iewsc(["build", join(REAL_WORKBOOKS, name), "--out", out, "--as-of", "2024-06-01"]);
      return out;
    });
    for (const converted of libreConvert(outs, "xlsx")) expect(existsSync(converted!)).toBe(true);
  }, 300_000);
});

/** A package made by hand, part by part (names and XML as given). */
async function pkg(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [n, xml] of Object.entries(files)) zip.file(n, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const TYPES = (extra = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${extra}</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const SHEET = (cells: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
const WS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

describe("the splice, on packages made to be awkward", () => {
  test("a workbook with no styles or strings part gets ours; a sheet left out takes its names and tab with it", async () => {
    const input = await pkg({
      "[Content_Types].xml": TYPES(
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WS_TYPE}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${WS_TYPE}"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="${WS_TYPE}"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`,
      ),
      "_rels/.rels": ROOT_RELS,
      "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="Notes" sheetId="4" r:id="rId1"/><sheet name="Budget" sheetId="7" r:id="rId2"/><sheet name="More" sheetId="2" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Budget!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">More!$A$1:$B$2</definedName><definedName name="budgettotal">Budget!$B$2</definedName><definedName name="Mine">Notes!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
      "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": SHEET(`<row r="1"><c r="A1" t="inlineStr"><is><t>mine</t></is></c></row>`),
      "xl/worksheets/sheet2.xml": SHEET(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      "xl/worksheets/sheet3.xml": SHEET(""),
      "xl/calcChain.xml": `<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="7"/></calcChain>`,
    });
    // Our side, as a build renders it: a Budget sheet with a style, a number format, print titles and a name.
    const ours = new Workbook();
    const ws = ours.addWorksheet("Budget");
    ws.getCell("A1").value = "Budget";
    ws.getCell("A1").font = { bold: true };
    ws.getCell("B2").value = 42;
    ws.getCell("B2").numFmt = '#,##0.00 "CHF"';
    ws.pageSetup.printTitlesRow = "1:1";
    ours.definedNames.add("Budget!$B$2", "BudgetTotal");
    const generated = Buffer.from(await ours.xlsx.writeBuffer());
    const out = await splicePackage({ input, generated, remove: ["budget"], file: "awkward.xlsx" });
    const file = join(dir, "awkward-out.xlsx");
    writeFileSync(file, out);
    expect(await packageProblems(out)).toEqual([]);
    const p = await partBytes(out);
    const wb = p.get("xl/workbook.xml")!.toString("utf8");
    expect([...wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1])).toEqual(["Notes", "More", "Budget"]);
    // The old Budget's names went with it, More's moved down one, the user's own stayed; ours came in.
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">More!$A$1:$B$2</definedName>');
    expect(wb).not.toContain("budgettotal");
    expect(wb).toContain('<definedName name="Mine">Notes!$A$1</definedName>');
    expect(wb).toContain('<definedName name="BudgetTotal">Budget!$B$2</definedName>');
    expect(wb).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="2">/);
    // The active tab was the old Budget: it is the new one.
    expect(wb).toContain('activeTab="2"');
    // The old sheet and the calculation chain (which listed its cells) are gone; the user's sheets are as they were.
    expect(p.has("xl/worksheets/sheet2.xml")).toBe(false);
    expect(p.has("xl/calcChain.xml")).toBe(false);
    expect(p.get("xl/worksheets/sheet1.xml")!.toString("utf8")).toContain("<t>mine</t>");
    expect(p.get("[Content_Types].xml")!.toString("utf8")).not.toContain("calcChain");
    expect(openpyxlRead(file).names.find((n) => n.name === "BudgetTotal")?.value).toBe(42);
  });

  test("styles: ours reuse the user's identical entries, number formats never take an id in use", () => {
    const user = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="[&gt;=100]0;&quot;small&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
    const ours = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="[&gt;=100]0;&quot;small&quot;"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`;
    const { xml, map } = mergeStyles(user, ours);
    expect(map.xf).toEqual([0, 1, 2]);
    expect(map.dxf).toEqual([0]);
    expect(xml).toContain('<numFmt numFmtId="171" formatCode="0.0"/>');
    expect(xml).toContain('<xf numFmtId="171" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    // The user's format of the same code is reused (170), not copied.
    expect(xml).toContain('<xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0"/></cellXfs>');
    expect(count(xml, "fonts", "font")).toBe(2);
    expect(xml).toMatch(/<cellXfs count="3">/);
    // dxfs come after cellStyles' place in the schema: after cellXfs here, as the user has no cellStyles.
    expect(xml).toMatch(/<\/cellXfs><dxfs count="1"><dxf><font><b\/><\/font><\/dxf><\/dxfs><\/styleSheet>$/);
    // Merged again with ours, nothing more is added.
    expect(mergeStyles(xml, ours).xml).toBe(xml);
  });

  test("a workbook part written with prefixes, or as Strict Open XML, is refused in one plain line", async () => {
    const prefixed = await pkg({
      "[Content_Types].xml": TYPES(),
      "_rels/.rels": ROOT_RELS,
      "xl/workbook.xml": `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets/></x:workbook>`,
    });
    await expect(splicePackage({ input: prefixed, generated: prefixed, remove: [], file: "p.xlsx" })).rejects.toThrow(
      "p.xlsx: writes its workbook part with XML prefixes (x:workbook)",
    );
    const strict = await pkg({
      "[Content_Types].xml": TYPES(),
      "_rels/.rels": ROOT_RELS,
      "xl/workbook.xml": `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets/></workbook>`,
    });
    await expect(splicePackage({ input: strict, generated: strict, remove: [], file: "s.xlsx" })).rejects.toThrow(
      "s.xlsx: is saved as Strict Open XML",
    );
  });
});
