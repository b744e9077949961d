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
  return problems;
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
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}
