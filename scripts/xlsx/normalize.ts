import { type Archive, openArchive, zipPackage } from "./zip";

/*
 * What ExcelJS 4.4 cannot read of a package other programs write, put right before it reads it. Only
 * the copy ExcelJS reads is changed: a copy we write splices into the user's file as it is.
 */

/** A zip path's folder ("" at the root) and a relative target resolved against it. */
const folderOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
function relative(from: string, to: string): string {
  const a = from.split("/").filter(Boolean);
  const b = to.split("/").filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}
function resolveTarget(from: string, target: string): string {
  const out: string[] = from ? from.split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg && seg !== ".") out.push(seg);
  }
  return out.join("/");
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml`; `_rels/.rels` → the package root. */
function sourceOf(relsPart: string): string {
  const dir = folderOf(folderOf(relsPart));
  const base = relsPart.slice(relsPart.lastIndexOf("/") + 1).replace(/\.rels$/, "");
  return dir ? `${dir}/${base}` : base;
}

const RELS = /(^|\/)_rels\/[^/]*\.rels$/;
const REL_COMMENTS = /\/comments$/;
const REL_VML = /\/vmlDrawing$/;

/**
 * The package as ExcelJS can read it, zipped without compression (ExcelJS inflates in JavaScript;
 * Node has inflated it here already):
 * - relationship targets written as absolute paths (`/xl/tables/table1.xml`, as openpyxl and other
 *   Python tools write them) are made relative to their source: ExcelJS cannot resolve absolute ones;
 * - gnumeric's print titles and areas, named without Excel's `_xlnm.` prefix, get it (ExcelJS would
 *   read them as ordinary names and drop them);
 * - comments and their VML drawings under other names than Excel's (`xl/comments/comment1.xml` and
 *   `xl/drawings/commentsDrawing1.vml`, as openpyxl writes them) are renamed as Excel names them
 *   (`xl/comments1.xml`, `xl/drawings/vmlDrawing1.vml`): ExcelJS reads comments only there;
 * - a drawing that declares its namespace as the default one (openpyxl's chart-sheet drawing:
 *   `<wsDr xmlns="…">`) is written with Excel's `xdr:` prefix, the only spelling ExcelJS parses.
 * Bytes that are not a zip Node can read are returned as they are: ExcelJS says what is wrong.
 *
 * @example
 * // xl/worksheets/_rels/sheet1.xml.rels: Target="/xl/tables/table1.xml" → Target="../tables/table1.xml"
 * await wb.xlsx.load(await normalizePackage(await readFile("from-python.xlsx")));
 */
export async function normalizePackage(bytes: Buffer): Promise<Buffer> {
  let zip: Archive;
  try {
    zip = await openArchive(bytes);
    for (const n of zip.names) zip.bytes(n); // inflate everything now: a damaged entry falls back below
  } catch {
    return bytes;
  }
  const out = new Map<string, Buffer | string>(zip.names.map((n) => [n, zip.bytes(n)!]));
  const lower = new Set(zip.names.map((n) => n.toLowerCase()));
  const renamed = new Map<string, string>(); // old part → new part
  const freeName = (make: (k: number) => string) => {
    let k = 1;
    while (lower.has(make(k).toLowerCase())) k++;
    lower.add(make(k).toLowerCase());
    return make(k);
  };

  // Relationships: absolute targets made relative; comments and VML drawings renamed where ExcelJS looks.
  for (const name of zip.names.filter((n) => RELS.test(n))) {
    const xml = zip.text(name);
    const from = folderOf(sourceOf(name));
    const fixed = xml.replace(/<((?:\w+:)?Relationship)\b([^>]*)>/g, (tag, el: string, attrs: string) => {
      if (/TargetMode\s*=\s*["']External["']/.test(attrs)) return tag;
      const type = /\bType\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? "";
      return `<${el}${attrs.replace(/\bTarget\s*=\s*(["'])([^"']*)\1/, (m, q: string, target: string) => {
        let part = target.startsWith("/") ? target.slice(1) : resolveTarget(from, target);
        if (REL_COMMENTS.test(type) && !/^xl\/comments\d+\.xml$/i.test(part) && lower.has(part.toLowerCase()))
          part =
            renamed.get(part) ??
            rename(
              part,
              freeName((k) => `xl/comments${k}.xml`),
            );
        else if (
          REL_VML.test(type) &&
          !/^xl\/drawings\/vmlDrawing\d+\.vml$/i.test(part) &&
          lower.has(part.toLowerCase())
        )
          part =
            renamed.get(part) ??
            rename(
              part,
              freeName((k) => `xl/drawings/vmlDrawing${k}.vml`),
            );
        else if (!target.startsWith("/")) return m;
        return `Target=${q}${relative(from, part) || part.slice(part.lastIndexOf("/") + 1)}${q}`;
      })}>`;
    });
    if (fixed !== xml) out.set(name, fixed);
  }
  function rename(from: string, to: string): string {
    renamed.set(from, to);
    return to;
  }
  if (renamed.size) {
    const types = zip.text("[Content_Types].xml");
    let fixedTypes = types;
    for (const [from, to] of renamed) {
      const data = out.get(from)!;
      out.delete(from);
      out.set(to, data);
      fixedTypes = fixedTypes.replace(`PartName="/${from}"`, `PartName="/${to}"`);
    }
    // The VML drawings need their extension's type when the package gave them none of their own.
    if (!/Extension="vml"/i.test(fixedTypes))
      fixedTypes = fixedTypes.replace(
        /<Types\b[^>]*>/,
        (m) => `${m}<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
      );
    out.set("[Content_Types].xml", fixedTypes);
  }

  // Comment text as plain `<t>` (openpyxl) rather than in runs (`<r><t>`, as Excel writes it): ExcelJS
  // reads runs only, and would keep the comment without its words.
  for (const [name, data] of out) {
    if (!/^xl\/comments\d+\.xml$/i.test(name)) continue;
    const xml = typeof data === "string" ? data : data.toString("utf8");
    const fixed = xml.replace(
      /(<(?:\w+:)?text\b[^>]*>)([\s\S]*?)(<\/(?:\w+:)?text>)/g,
      (m, open: string, body: string, close: string) =>
        /<(?:\w+:)?r\b/.test(body)
          ? m
          : `${open}${body.replace(/<((?:\w+:)?)t\b[\s\S]*?(?:<\/\1t>|\/>)/g, (t, p: string) => `<${p}r>${t}</${p}r>`)}${close}`,
    );
    if (fixed !== xml) out.set(name, fixed);
  }

  // gnumeric names a sheet's print titles and area without Excel's "_xlnm." prefix.
  const workbook = zip.names.find((n) => n.toLowerCase() === "xl/workbook.xml");
  if (workbook) {
    const xml = zip.text(workbook);
    const fixed = xml.replace(/(<(?:\w+:)?definedName\b[^>]*\bname=")(Print_Titles|Print_Area)"/g, '$1_xlnm.$2"');
    if (fixed !== xml) out.set(workbook, fixed);
  }

  // Drawings in the default namespace: every unprefixed element is spreadsheetDrawing's, given `xdr:`.
  for (const name of zip.names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/i.test(n))) {
    const xml = zip.text(name);
    const ns = /<wsDr\b[^>]*\bxmlns="([^"]*spreadsheetDrawing)"/.exec(xml)?.[1];
    if (!ns || xml.split('xmlns="').length !== 2) continue; // one default namespace only, the root's
    out.set(
      name,
      xml
        .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, el: string) =>
          el.includes(":") ? m : `<${slash}xdr:${el}`,
        )
        .replace(`xmlns="${ns}"`, `xmlns:xdr="${ns}"`),
    );
  }
  return zipPackage(
    [...out].map(([name, data]) => ({ name, data })),
    0,
  );
}
