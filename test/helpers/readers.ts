import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { spawnSync } from "node:child_process";
import JSZip from "jszip";
import { SSCONVERT, PYTHON } from "./programs";

/**
 * gnumeric opens a workbook, recomputes every formula (`--recalc`) and saves it as .xlsx. Throws when
 * it fails or says something worse than the harmless "Unexpected element 'tableParts'" (it drops tables).
 */
export function gnumericRecalc(file: string): string {
  const out = join(mkdtempSync(join(tmpdir(), "iewsc-gnumeric-")), basename(file));
  const r = spawnSync(SSCONVERT, ["--recalc", file, out], { encoding: "utf8", timeout: 120_000 });
  const said = `${r.stdout}\n${r.stderr}`
    .split("\n")
    .filter((l) => l.trim() && !/Unexpected element 'tableParts'|^\s*worksheet\s*$/.test(l));
  if (r.status !== 0 || said.some((l) => /critical|error/i.test(l)))
    throw new Error(`gnumeric could not open ${file} cleanly:\n${said.join("\n")}`);
  return out;
}

/**
 * openpyxl (a Python reader nobody here wrote) opens the workbook and reports its sheets, each
 * defined name with where it points, and the cached values of the named cells.
 */
export function openpyxlRead(file: string): {
  sheets: string[];
  names: { name: string; sheet: string; cell: string; value: unknown }[];
} {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
names = []
dns = wb.defined_names
# openpyxl 3.1 keeps names in a dict; 3.0 (Debian 12) in a list.
items = dns.items() if hasattr(dns, "items") else [(d.name, d) for d in dns.definedName]
for name, dn in items:
    for sheet, cell in dn.destinations:
        c = cell.replace("$", "").split(":")[0]
        names.append({"name": name, "sheet": sheet, "cell": cell, "value": wb[sheet][c].value})
print(json.dumps({"sheets": wb.sheetnames, "names": names}, default=str))
`;
  const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openpyxl could not open ${file}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** openpyxl opens a workbook and saves it again, as Python scripts that produce workbooks do. */
export function openpyxlResave(file: string): string {
  const out = join(mkdtempSync(join(tmpdir(), "iewsc-openpyxl-")), basename(file));
  const r = spawnSync(
    PYTHON,
    ["-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", file, out],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`openpyxl could not re-save ${file}:\n${r.stderr}`);
  return out;
}

/**
 * Every formula cell of a workbook, by "Sheet!A1", with its cached result as the file holds it (read
 * from the XML: ExcelJS reads a cached 0 as no result, and gnumeric's cached text as a number).
 * `result` is undefined when the cell has no cached value at all.
 */
export async function formulaResults(
  file: string,
): Promise<Map<string, { formula: string; result: string | number | boolean | undefined }>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = (p: string) => zip.file(p)?.async("string") ?? Promise.resolve("");
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b([^>]*)>/g)].map((m) => [attr(m[1]!, "Id"), attr(m[1]!, "Target")]),
  );
  const out = new Map<string, { formula: string; result: string | number | boolean | undefined }>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const name = decode(attr(m[1]!, "name"));
    const target = targets.get(attr(m[1]!, "r:id")) ?? "";
    const xml = await text(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[2] ?? "";
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (!f) continue;
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const t = attr(c[1]!, "t");
      const result =
        v === undefined
          ? undefined
          : t === "str" || t === "e" || t === "inlineStr"
            ? decode(v)
            : t === "b"
              ? v === "1"
              : Number(v);
      out.set(`${name}!${attr(c[1]!, "r")}`, { formula: decode(f[1] ?? ""), result });
    }
  }
  return out;
}

function attr(tag: string, name: string): string {
  return new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(tag)?.[1] ?? "";
}

function decode(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!,
  );
}
