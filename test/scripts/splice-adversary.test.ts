/**
 * The splice of `iewsc build` (scripts/xlsx/splice.ts) against packages that real programs write or could
 * write, each made from a workbook a previous build wrote (so that our sheets are left out and written
 * again) with one part edited as such a program would. Judged by the package check, by openpyxl (lxml:
 * it refuses XML that is not well formed) and by the parts themselves.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { storedEntries } from "../../scripts/xlsx/zip";
import { runCli } from "../helpers/cli";
import { packageProblems } from "../helpers/package-check";
import { PYTHON, describeWith } from "../helpers/programs";
import { openpyxlRead } from "../helpers/readers";

const dir = mkdtempSync(join(tmpdir(), "iewsc-splice-adversary-"));
const iewsc = (args: string[]) => runCli(args, { cwd: dir });
const TEMPLATE = join(__dirname, "../../templates/iewsc-template.xlsx");
/** The template built once: it holds Budget, Resources, Agenda and Checks sheets of ours. */
const BUILT = join(dir, "built.xlsx");

beforeAll(() => {
  const r = iewsc(["build", TEMPLATE, "--out", BUILT, "--as-of", "2024-06-01"]);
  expect(r.stderr).toBe("");
});

type Edit = (xml: string) => string;

/** The built workbook with some of its parts edited (by name), written as `name`. */
async function edited(name: string, edits: Record<string, Edit>): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(BUILT));
  for (const [part, edit] of Object.entries(edits)) {
    const file = zip.file(part);
    if (!file) throw new Error(`no ${part} in the built workbook`);
    zip.file(part, edit(await file.async("string")));
  }
  const file = join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** Builds `file` again; the copy's parts by name. */
async function rebuilt(file: string): Promise<{ out: string; part: (name: string) => Promise<string> }> {
  const out = file.replace(/\.xlsx$/, "-out.xlsx");
  const r = iewsc(["build", file, "--out", out, "--as-of", "2024-06-02"]);
  expect(r.stderr).toBe("");
  const zip = await JSZip.loadAsync(readFileSync(out));
  return { out, part: (name) => zip.file(name)!.async("string") };
}

const sheetNames = (wb: string) => [...wb.matchAll(/<sheet\b[^>]*\bname=["']([^"']*)["']/g)].map((m) => m[1]);

describe("a workbook built before, edited as other programs write", () => {
  test("relationships written with an end tag (<Relationship …></Relationship>) stay well formed", async () => {
    const file = await edited("rels-end-tags.xlsx", {
      "xl/_rels/workbook.xml.rels": (x) => x.replace(/<Relationship ([^>]*?)\/>/g, "<Relationship $1></Relationship>"),
    });
    const { out, part } = await rebuilt(file);
    const rels = await part("xl/_rels/workbook.xml.rels");
    // Every start tag is closed: as many Relationship elements end as begin.
    expect(rels.match(/<Relationship\b[^>]*[^/]>/g)?.length ?? 0).toBe(rels.match(/<\/Relationship>/g)?.length ?? 0);
    expect(await packageProblems(readFileSync(out))).toEqual([]);
  });

  test("content types written with end tags (<Override …></Override>): the old sheets' go with them", async () => {
    const file = await edited("types-end-tags.xlsx", {
      "[Content_Types].xml": (x) => x.replace(/<Override ([^>]*?)\/>/g, "<Override $1></Override>"),
    });
    const { out } = await rebuilt(file);
    expect(await packageProblems(readFileSync(out))).toEqual([]);
  });

  test("relationship parts left behind where our sheets would go are neither doubled nor taken over", async () => {
    const orphan = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`;
    const zip = await JSZip.loadAsync(readFileSync(BUILT));
    // The built workbook's sheets are sheet1 to sheet15: the next build writes sheet16 on.
    for (let n = 16; n < 24; n++) zip.file(`xl/worksheets/_rels/sheet${n}.xml.rels`, orphan);
    const file = join(dir, "orphan-rels.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const { out } = await rebuilt(file);
    const bytes = readFileSync(out);
    // No two entries of one name (storedEntries refuses such a zip).
    expect(storedEntries(bytes)?.length).toBe(Object.keys((await JSZip.loadAsync(bytes)).files).length);
    const copy = await JSZip.loadAsync(bytes);
    const wbRels = await copy.file("xl/_rels/workbook.xml.rels")!.async("string");
    for (const m of wbRels.matchAll(/Target="worksheets\/(sheet\d+)\.xml"/g)) {
      const rels = await copy.file(`xl/worksheets/_rels/${m[1]}.xml.rels`)?.async("string");
      // Our sheets have tables or no relationships at all: never the orphan's hyperlink.
      expect(rels ?? "").not.toContain("example.org");
    }
    expect(await packageProblems(bytes)).toEqual([]);
  });

  test("a sheet of ours the user hid (hidden, very hidden) stays hidden when it is written again", async () => {
    const file = await edited("hidden.xlsx", {
      "xl/workbook.xml": (x) =>
        x
          .replace('name="Budget"', 'name="Budget" state="hidden"')
          .replace('name="Agenda"', 'name="Agenda" state="veryHidden"'),
    });
    const { out, part } = await rebuilt(file);
    const wb = await part("xl/workbook.xml");
    expect(wb).toMatch(/<sheet name="Budget"[^>]* state="hidden"/);
    expect(wb).toMatch(/<sheet name="Agenda"[^>]* state="veryHidden"/);
    expect(wb).not.toMatch(/<sheet name="Resources"[^>]* state=/);
    expect(await packageProblems(readFileSync(out))).toEqual([]);
  });

  test("the Program table renamed: last build's Agenda is still ours, not a sheet of the user's", async () => {
    const file = await edited("no-program.xlsx", {
      "xl/workbook.xml": (x) => x.replace('name="Program"', 'name="Sessions"'),
      "xl/tables/table9.xml": (x) => x.replace(/(name|displayName)="Program"/g, '$1="Sessions"'),
    });
    const { out, part } = await rebuilt(file);
    expect(sheetNames(await part("xl/workbook.xml"))).toEqual(expect.arrayContaining(["Agenda", "Budget", "Checks"]));
    expect(await packageProblems(readFileSync(out))).toEqual([]);
  });
});

/** Every attribute of a part in single quotes, as XML allows and some writers do. */
const singleQuoted: Edit = (x) => x.replace(/(\s[\w:]+)="([^"]*)"/g, "$1='$2'");

/**
 * Budget (ours) moved to the front of the tabs, the sheet-scoped names following their sheets, and the
 * Timeline tab active: left out, Budget takes every user sheet one place down.
 */
const budgetFirst: Edit = (x) => {
  const budget = /<sheet [^>]*name="Budget"[^>]*\/>/.exec(x)![0];
  return x
    .replace(budget, "")
    .replace("<sheets>", `<bookViews><workbookView activeTab="4" firstSheet="1"/></bookViews><sheets>${budget}`)
    .replace(
      /localSheetId="(\d+)"/g,
      (_, n: string) => `localSheetId="${Number(n) < 11 ? Number(n) + 1 : n === "11" ? 0 : n}"`,
    );
};

describe("attributes in single quotes", () => {
  test("the copy's counts, sheet-scoped names, active tab and table ids are right", async () => {
    const file = await edited("single-quotes.xlsx", {
      "xl/workbook.xml": (x) => singleQuoted(budgetFirst(x)),
      "xl/styles.xml": singleQuoted,
      "xl/sharedStrings.xml": singleQuoted,
      // The user's table of the highest id: ours must come after it.
      "xl/tables/table10.xml": singleQuoted,
    });
    const { out, part } = await rebuilt(file);
    expect(await packageProblems(readFileSync(out))).toEqual([]);
    const wb = await part("xl/workbook.xml");
    // Settings was tab 2 behind Budget: tab 1 now, its print titles with it; Timeline (tab 4) is tab 3.
    expect(wb).toMatch(/<definedName name='_xlnm.Print_Titles' localSheetId=["']1["']>&apos;Settings&apos;/);
    expect(wb).toMatch(/activeTab=["']3["']/);
    expect(wb).toMatch(/firstSheet=["']0["']/);
    for (const [name, box] of [
      ["xl/styles.xml", "cellXfs"],
      ["xl/styles.xml", "fonts"],
      ["xl/sharedStrings.xml", "sst"],
    ] as const)
      expect((await part(name)).match(new RegExp(`<${box}\\b[^>]*>`))![0].match(/\bcount=/g)).toHaveLength(1);
  });
});

describe("the relationships namespace declared where other programs declare it", () => {
  // openpyxl declares it on each <sheet>, not on the workbook element.
  const perSheet: Edit = (x) =>
    x
      .replace(/ xmlns:r="[^"]*"/, "")
      .replace(/<sheet /g, '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  test("on each sheet element (as openpyxl writes): built, not refused as Strict", async () => {
    const file = await edited("rels-ns-per-sheet.xlsx", { "xl/workbook.xml": perSheet });
    const { out, part } = await rebuilt(file);
    const wb = await part("xl/workbook.xml");
    expect(sheetNames(wb)).toEqual(expect.arrayContaining(["Roster", "Budget", "Checks"]));
    // Every r:id of the copy is in scope of a declaration of the relationships namespace.
    for (const tag of wb.match(/<sheet\b[^>]*>/g)!) expect(tag).toContain('xmlns:r="http://schemas.openxmlformats.org');
    expect(await packageProblems(readFileSync(out))).toEqual([]);
  });
});

describeWith("openpyxl", PYTHON)("a workbook built before, edited as other programs write (openpyxl)", () => {
  test("relationships written with an end tag: openpyxl opens the copy", async () => {
    const file = await edited("rels-end-tags-2.xlsx", {
      "xl/_rels/workbook.xml.rels": (x) => x.replace(/<Relationship ([^>]*?)\/>/g, "<Relationship $1></Relationship>"),
    });
    const { out } = await rebuilt(file);
    expect(openpyxlRead(out).sheets).toEqual(expect.arrayContaining(["Roster", "Budget", "Checks"]));
  });
});
