import { readFileSync } from "node:fs";
import { posix } from "node:path";
import JSZip from "jszip";

/**
 * What makes Excel offer to repair a package, or another program drop part of it, checked on the
 * package itself: every relationship points at a part that is there; no two data validations of a
 * sheet cover one cell; no conditional-format rule is given twice over overlapping ranges.
 * Returns the problems in words (empty when the package is sound).
 *
 * @example await packageProblems(readFileSync("built.xlsx"))
 * // ['xl/_rels/workbook.xml.rels: rId2 points at xl/theme/theme1.xml, which is not in the package']
 */
export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Set(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir));
  const lower = new Set([...parts].map((p) => p.toLowerCase()));
  const text = (p: string) => zip.files[p]!.async("string");
  const problems: string[] = [];
  for (const rels of [...parts].filter((p) => /(^|\/)_rels\/[^/]*\.rels$/.test(p))) {
    const source = posix.join(posix.dirname(posix.dirname(rels)), posix.basename(rels).replace(/\.rels$/, ""));
    const dir = posix.dirname(source);
    for (const m of (await text(rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const a = attributes(m[1]!);
      if (a.TargetMode === "External" || !a.Target) continue;
      const target = a.Target.startsWith("/")
        ? a.Target.slice(1)
        : posix.normalize(posix.join(dir === "." ? "" : dir, decodeURI(a.Target)));
      if (!lower.has(target.toLowerCase()))
        problems.push(`${rels}: ${a.Id} points at ${target}, which is not in the package`);
    }
  }
  for (const sheet of [...parts].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/i.test(p))) {
    const xml = await text(sheet);
    const validations = [...xml.matchAll(/<(?:\w+:)?dataValidation\b([^>]*)>/g)].map((m) => attributes(m[1]!).sqref);
    const boxes = validations.flatMap((sqref) => (sqref ? boxesOf(sqref) : []));
    const clash = firstOverlap(boxes);
    if (clash) problems.push(`${sheet}: data validations overlap (${clash})`);
    const byRule = new Map<string, Box[]>();
    for (const m of xml.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g)) {
      const sqref = attributes(m[1]!).sqref ?? "";
      for (const r of m[2]!.matchAll(/<cfRule\b([^>]*)>([\s\S]*?)<\/cfRule>/g)) {
        const a = attributes(r[1]!);
        const key = `${a.type}|${a.dxfId}|${r[2]!.replace(/\s+/g, "")}`;
        byRule.set(key, [...(byRule.get(key) ?? []), ...boxesOf(sqref)]);
      }
    }
    for (const [key, list] of byRule) {
      const overlap = firstOverlap(list);
      if (overlap) problems.push(`${sheet}: one conditional-format rule (${key}) is given twice over ${overlap}`);
    }
  }
  problems.push(...(await indexProblems(zip, parts)));
  return problems;
}

/**
 * What a package that was put together from two (a build's splice) could get wrong: a cell's style or
 * string index past the end of the styles or strings, a conditional format's differential format
 * missing, a part without a content type, two tables of one id or name, two sheets of one name, a
 * sheet-scoped name pointing past the last sheet.
 */
async function indexProblems(zip: JSZip, parts: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  // Only of a workbook: the hostile tests also write zips that are none (.xlsb, .ods, anything else).
  if (![...parts].some((p) => p.toLowerCase() === "xl/workbook.xml")) return problems;
  const find = (name: string) => [...parts].find((p) => p.toLowerCase() === name.toLowerCase());
  const text = async (name: string) => {
    const real = find(name);
    return real ? zip.files[real]!.async("string") : "";
  };
  const types = await text("[Content_Types].xml");
  const overrides = new Set(
    [...types.matchAll(/<Override\b[^>]*PartName=["']([^"']*)["']/g)].map((m) =>
      decodeURI(m[1]!).replace(/^\//, "").toLowerCase(),
    ),
  );
  const defaults = new Set(
    [...types.matchAll(/<Default\b[^>]*Extension=["']([^"']*)["']/g)].map((m) => m[1]!.toLowerCase()),
  );
  for (const part of parts) {
    if (part === "[Content_Types].xml") continue;
    const ext = part.split(".").pop()!.toLowerCase();
    if (!overrides.has(part.toLowerCase()) && !defaults.has(ext)) problems.push(`${part} has no content type`);
  }
  for (const o of overrides) if (!find(o)) problems.push(`[Content_Types].xml names ${o}, which is not in the package`);
  const styles = await text("xl/styles.xml");
  const count = (box: string, tag: string) =>
    (
      new RegExp(`<${box}\\b[^>]*>([\\s\\S]*?)</${box}>`).exec(styles)?.[1]?.match(new RegExp(`<${tag}[\\s/>]`, "g")) ??
      []
    ).length;
  const xfs = count("cellXfs", "xf");
  const dxfs = count("dxfs", "dxf");
  const strings = ((await text("xl/sharedStrings.xml")).match(/<si[\s>/]/g) ?? []).length;
  for (const sheet of [...parts].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/i.test(p))) {
    const xml = await zip.files[sheet]!.async("string");
    const style = largest(xml.matchAll(/<(?:c|row)\b[^>]*?\ss="(\d+)"/g));
    if (style >= xfs) problems.push(`${sheet}: a cell uses style ${style}, past the ${xfs} cell formats`);
    const dxf = largest(xml.matchAll(/<cfRule\b[^>]*?\sdxfId="(\d+)"/g));
    if (dxf >= dxfs) problems.push(`${sheet}: a conditional format uses format ${dxf}, past the ${dxfs} there are`);
    const str = largest(xml.matchAll(/<c\b[^>]*\st="s"[^>]*><v>(\d+)<\/v>/g));
    if (str >= strings) problems.push(`${sheet}: a cell uses string ${str}, past the ${strings} shared strings`);
  }
  const tables = await Promise.all(
    [...parts].filter((p) => /^xl\/tables\/[^/]+\.xml$/i.test(p)).map((p) => zip.files[p]!.async("string")),
  );
  const heads = tables.map((t) => attributes(/<table\b[^>]*>/.exec(t)?.[0] ?? ""));
  const ids = heads.map((h) => h.id);
  if (new Set(ids).size !== ids.length) problems.push(`two tables share an id (${ids.join(", ")})`);
  const names = heads.map((h) => (h.displayName ?? h.name ?? "").toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`two tables share a name (${names.join(", ")})`);
  const wb = await text("xl/workbook.xml");
  const sheets = [...wb.matchAll(/<sheet\b[^>]*\bname=["']([^"']*)["']/g)].map((m) => m[1]!.toLowerCase());
  if (new Set(sheets).size !== sheets.length) problems.push(`two sheets share a name (${sheets.join(", ")})`);
  for (const m of wb.matchAll(/<definedName\b[^>]*\blocalSheetId=["'](\d+)["']/g))
    if (Number(m[1]) >= sheets.length) problems.push(`a defined name belongs to sheet ${m[1]}, past the last sheet`);
  return problems;
}

/** The largest first group of the matches, or -1 (no spread: a sheet may hold a million of them). */
function largest(matches: Iterable<RegExpMatchArray>): number {
  let n = -1;
  for (const m of matches) n = Math.max(n, Number(m[1]));
  return n;
}

interface Box {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxesOf(sqref: string): Box[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => {
      const [a, b = a] = ref.replace(/\$/g, "").split(":") as [string, string?];
      const p = (x: string, end: boolean) => {
        const m = /^([A-Z]*)(\d*)$/i.exec(x)!;
        const col = m[1] ? [...m[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : end ? 16384 : 1;
        return { row: m[2] ? Number(m[2]) : end ? 1048576 : 1, col };
      };
      const [x, y] = [p(a, false), p(b!, true)];
      return { ref, top: x.row, left: x.col, bottom: y.row, right: y.col };
    });
}

function firstOverlap(boxes: Box[]): string | undefined {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right)
        return `${a.ref} and ${b.ref}`;
    }
  return undefined;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  // XML allows either quote.
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = m[2] ?? m[3]!;
  return out;
}

/** The parts a copy (build, arbitrate --balance-out) edits: the package's own lists, the styles and strings it appends to. */
const EDITED = new Set([
  "[content_types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedstrings.xml",
]);

/** Every part of a package file (or bytes), by name. */
export async function partBytes(file: string | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(typeof file === "string" ? readFileSync(file) : file);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir))
    out.set(name, Buffer.from(await zip.files[name]!.async("uint8array")));
  return out;
}

/**
 * The input's parts that are missing from the copy or not the same bytes there (the five a copy edits
 * aside): empty when the copy carried every part of the user's as it was.
 */
export async function changedParts(input: string, out: string): Promise<string[]> {
  const [a, b] = await Promise.all([partBytes(input), partBytes(out)]);
  return [...a].filter(([n, bytes]) => !EDITED.has(n.toLowerCase()) && !b.get(n)?.equals(bytes)).map(([n]) => n);
}
