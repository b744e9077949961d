import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "../..");

/** The ExcelApi version the manifest requires, e.g. [1, 9]. */
function manifestRequirement(): [number, number] {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set Name="ExcelApi" MinVersion="(\d+)\.(\d+)"\/>/.exec(xml);
  if (!m) throw new Error("manifest.xml requires no ExcelApi version");
  return [Number(m[1]), Number(m[2])];
}

/**
 * Members above the manifest's requirement set that the add-in may use, each only behind a run-time
 * `isSetSupported` test (addin/excel/read-phase.ts `supports`), with what it does without them.
 */
const GUARDED: Record<string, string> = {
  // Merged cells beside the Timeline are found where Excel has 1.13; elsewhere tables.add may still refuse them.
  "Range.getMergedAreasOrNullObject": "1.13",
};

interface Use {
  member: string;
  version: string;
  where: string;
}

/** Every Office.js member the add-in's code touches, with the ExcelApi version its typings give it. */
function excelMembersUsed(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "addin/tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  )!;
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes("/addin/") || file.fileName.includes("node_modules")) continue;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declarations = symbol?.getDeclarations() ?? [];
        const versions = declarations
          .filter((d) => d.getSourceFile().fileName.includes("@types/office-js"))
          .flatMap((d) =>
            ts
              .getJSDocTags(d)
              .map((t) => ts.getTextOfJSDocComment(t.comment) ?? "")
              .concat(
                (d as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc?.map((j) => ts.getTextOfJSDocComment(j.comment) ?? "") ??
                  [],
              ),
          )
          .flatMap((text) => [...text.matchAll(/\[Api set: ExcelApi (\d+\.\d+)/g)].map((m) => m[1]!));
        if (versions.length) {
          const parent = declarations[0]!.parent;
          const owner = ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent) ? parent.name?.text : "";
          const lowest = versions.sort((a, b) => compare(a, b))[0]!;
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          uses.push({
            member: `${owner}.${node.name.text}`,
            version: lowest,
            where: `${file.fileName.slice(ROOT.length + 1)}:${line + 1}`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function compare(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number) as [number, number];
  const [bm, bn] = b.split(".").map(Number) as [number, number];
  return am - bm || an - bn;
}

describe("no Office.js member used is above the manifest's requirement set", () => {
  const [major, minor] = manifestRequirement();
  const required = `${major}.${minor}`;
  const uses = excelMembersUsed();

  test("the add-in's Excel members are found with their [Api set] tags", () => {
    // Sanity: the scan sees what the add-in is made of, so an empty result cannot pass by accident.
    const members = new Set(uses.map((u) => u.member));
    for (const m of ["Worksheet.getRange", "Range.conditionalFormats", "TableCollection.add"])
      expect(members).toContain(m);
    expect(uses.some((u) => u.member === "Range.getTables" && u.version === "1.9")).toBe(true);
    // And it sees a member above the requirement (the guarded one), so the next test can fail.
    expect(uses.some((u) => u.member === "Range.getMergedAreasOrNullObject" && u.version === "1.13")).toBe(true);
  });

  test(`every member is ExcelApi ${required} or lower, or guarded at run time`, () => {
    const above = uses.filter((u) => compare(u.version, required) > 0);
    const unguarded = above.filter((u) => GUARDED[u.member] !== u.version);
    expect(unguarded).toEqual([]);
    // Each guarded member is really used only behind `supports(...)` of its version.
    for (const u of above) {
      const [file, line] = u.where.split(":") as [string, string];
      const text = readFileSync(join(ROOT, file), "utf8").split("\n")[Number(line) - 1]!;
      expect({ where: u.where, guarded: text.includes(`supports("ExcelApi", "${u.version}")`) }).toEqual({
        where: u.where,
        guarded: true,
      });
    }
  });
});
