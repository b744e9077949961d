import { inflateRawSync } from "node:zlib";
import { UnreadableWorkbookError, type WorkbookShape, sameName } from "../../core";
import { attributes, decodeXml } from "./xml-text";
import { type StoredEntry, type ZipEntry, openArchive, storedEntries, zipPackage } from "./zip";

/*
 * How `iewsc build` writes its copy: every part of the user's package is copied as it is stored (its
 * compressed bytes, never read into a model and written back), and only what a build adds is spliced
 * in — our sheets and their tables, rendered by ExcelJS into a package of their own, their styles
 * appended to the user's styles, their strings appended to the user's strings, the sheets and names
 * listed in the workbook part. Nothing of the user's can be lost or changed by a reader that does not
 * know it (inline strings, hidden filter buttons, pivot tables, extensions of any program), and a
 * 70 MB workbook costs what copying 70 MB costs, not an ExcelJS model of every cell.
 *
 * The XML edited here is of two kinds: our own (written by ExcelJS, in a shape we know) and the five
 * small package parts every workbook has (content types, the workbook and its relationships, styles,
 * shared strings), which are edited by inserting elements, never by re-serialising them.
 */

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = `${REL_NS}/`;
const CT = {
  sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  strings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};

/** What a build splices into the user's package. */
export interface SpliceRequest {
  /** The user's workbook as read from disk (never changed). */
  input: Buffer;
  /** Parts of `input` already inflated (by `checkWorkbookBytes`), so that none is inflated twice. */
  inflated?: ReadonlyMap<string, Buffer>;
  /** Our sheets, their tables and names, written by ExcelJS as a workbook of their own. */
  generated: Buffer;
  /** Sheets of the input to leave out, by name (any case): our own sheets being regenerated, or stale. */
  remove: readonly string[];
  file: string;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  raw: string;
}

/** A package opened for splicing: its parts as stored, and their text when asked for. */
interface Pkg {
  names: string[];
  stored(name: string): StoredEntry | undefined;
  bytes(name: string): Buffer | undefined;
  text(name: string): string | undefined;
}

async function openPkg(bytes: Buffer, inflated?: ReadonlyMap<string, Buffer>): Promise<Pkg> {
  const entries = storedEntries(bytes);
  const byLower = new Map<string, string>();
  const cache = new Map<string, Buffer>();
  if (entries) {
    const stored = new Map(entries.map((e) => [e.name, e]));
    for (const e of entries) byLower.set(e.name.toLowerCase(), e.name);
    const find = (name: string) => byLower.get(name.toLowerCase());
    const bytesOf = (name: string) => {
      const real = find(name);
      if (real === undefined) return undefined;
      let b = cache.get(real) ?? inflated?.get(real);
      if (!b) {
        const e = stored.get(real)!.stored;
        b = e.method === 8 ? inflateRawSync(e.body) : e.body;
        cache.set(real, b);
      }
      return b;
    };
    return {
      names: entries.map((e) => e.name),
      stored: (name) => stored.get(find(name) ?? ""),
      bytes: bytesOf,
      text: (name) => bytesOf(name)?.toString("utf8"),
    };
  }
  // A package that cannot be copied entry by entry (zip64, an odd method): every part is inflated and
  // deflated again, its content unchanged.
  const zip = await openArchive(bytes);
  return {
    names: [...zip.names],
    stored: () => undefined,
    bytes: (name) => zip.bytes(name),
    text: (name) => zip.bytes(name)?.toString("utf8"),
  };
}

/** The part a relationship's target names, from the part that holds the relationship. */
export function resolvePart(source: string, target: string): string {
  const t = safeDecodeUri(target);
  if (t.startsWith("/")) return t.slice(1);
  const path = source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "..") path.pop();
    else if (seg !== "." && seg !== "") path.push(seg);
  }
  return path.join("/");
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Where a part's relationships are: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function relsIn(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0].replace(/^<\S+/, ""));
    return {
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
      // Copied into a part we write unprefixed: as an empty element without prefix, whether it was
      // written `<Relationship …/>`, `<Relationship …></Relationship>` or `<pr:Relationship …/>`.
      raw: m[0].replace(/^<\S+/, "<Relationship").replace(/\s*\/?>$/, "/>"),
    };
  });
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** How many elements of one kind a container's text holds (counted by their start tags). */
function countOf(inner: string, tag: string): number {
  return (inner.match(new RegExp(`<${tag}[\\s/>]`, "g")) ?? []).length;
}

/** The elements of one kind directly inside a container element's text (none nest in themselves). */
function children(container: string, tag: string): string[] {
  const out: string[] = [];
  // A quoted ">" inside an attribute does not end the start tag.
  const re = new RegExp(`<${tag}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g");
  for (const m of container.matchAll(re)) out.push(m[0]);
  return out;
}

/** A container element (`<fonts …>…</fonts>` or `<fonts …/>`) of a part, with where it is. */
function container(xml: string, tag: string): { start: number; end: number; inner: string; open: string } | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!m) return undefined;
  if (m[1] === "/")
    return { start: m.index, end: m.index + m[0].length, inner: "", open: m[0].replace(/\s*\/>$/, ">") };
  const close = xml.indexOf(`</${tag}>`, m.index);
  if (close < 0) return undefined;
  return { start: m.index, end: close + tag.length + 3, inner: xml.slice(m.index + m[0].length, close), open: m[0] };
}

/**
 * A start tag with one attribute set: replaced where it is (in double or single quotes, as XML allows
 * either), added where it is not. Every attribute the splice changes in the user's XML goes through here.
 */
function withAttribute(tag: string, name: string, value: string | number): string {
  const there = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  return there.test(tag) ? tag.replace(there, `$1"${value}"`) : tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** An element's start tag (a quoted ">" does not end it). */
const startTag = (element: string) => /^<(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(element)?.[0] ?? element;

/** The attributes of an element's start tag. */
const attributesOf = (element: string) => attributes(startTag(element).replace(/^<[^\s/>]+/, ""));

/** The same element with one attribute of its start tag set (see `withAttribute`). */
const withStartAttribute = (element: string, name: string, value: string | number) => {
  const tag = startTag(element);
  return withAttribute(tag, name, value) + element.slice(tag.length);
};

/** The prefix a start tag binds to the relationships namespace (`r` in what Excel writes). */
const relsPrefixIn = (tag: string) =>
  /xmlns:(\w+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(tag)?.[1];

/** The workbook part, as the package's relationships name it. */
function workbookPartOf(pkg: Pkg): string {
  const rel = relsIn(pkg.text("_rels/.rels")).find((r) => r.type.endsWith("/officeDocument") && !r.external);
  return rel ? resolvePart("", rel.target) : "xl/workbook.xml";
}

/**
 * The sheets a workbook part lists, in order. A sheet's relationship id is read with the prefix its own
 * element binds to the relationships namespace (openpyxl), else the workbook element's (Excel).
 */
function sheetsIn(wbXml: string) {
  const rootNs = relsPrefixIn(/<workbook\b[^>]*>/.exec(wbXml)?.[0] ?? "");
  return children(container(wbXml, "sheets")?.inner ?? "", "sheet").map((raw) => {
    const a = attributesOf(raw);
    const rNs = relsPrefixIn(startTag(raw)) ?? rootNs;
    const rId = rNs === undefined ? "" : (a[`${rNs}:id`] ?? "");
    return { raw, name: a.name ?? "", sheetId: Number(a.sheetId), rId, state: a.state, rNs };
  });
}

/** A root element written with a namespace prefix (`<x:styleSheet>`): only what Excel writes is spliced. */
function refusePrefixed(xml: string, root: string, file: string, part: string): void {
  const m = new RegExp(`<(\\w+):${root}\\b`).exec(xml);
  if (m)
    throw new UnreadableWorkbookError(
      `writes its ${part} with XML prefixes (${m[1]}:${root}), which IEWSC Workbench cannot add sheets to: open it in Excel, save it, and build again`,
      { file },
    );
}

/**
 * The user's package with the generated package's sheets spliced in (see the top of this file). The
 * parts of the input are copied as stored, except the five it must edit and the parts of removed sheets.
 */
export async function splicePackage(req: SpliceRequest): Promise<Buffer> {
  const user = await openPkg(req.input, req.inflated);
  const gen = await openPkg(req.generated);
  const file = req.file;
  const lower = new Set(user.names.map((n) => n.toLowerCase()));
  const dropped = new Set<string>(); // lower-case part names left out
  const replaced = new Map<string, string | Buffer>(); // part name (as in input) → new content
  const added: ZipEntry[] = [];
  const taken = (name: string) => lower.has(name.toLowerCase()) || added.some((a) => sameName(a.name, name));
  // A name is fresh when its relationships part is free too: one left behind by another program would
  // otherwise be doubled in the zip (ours written beside it) or taken over by our part.
  const freshName = (pattern: (n: number) => string) => {
    for (let n = 1; ; n++) if (!taken(pattern(n)) && !taken(relsOf(pattern(n)))) return pattern(n);
  };

  // The workbook part and its relationships.
  const wbPart = workbookPartOf(user);
  const wbXml = user.text(wbPart);
  if (wbXml === undefined) throw new UnreadableWorkbookError("has no workbook part", { file });
  refusePrefixed(wbXml, "workbook", file, "workbook part");
  const sheetsBox = container(wbXml, "sheets");
  if (!sheetsBox) throw new UnreadableWorkbookError("has a workbook part that lists no sheets", { file });
  const sheets = sheetsIn(wbXml);
  // The prefix of the relationships namespace on the workbook element (Excel's `r`). openpyxl declares
  // it on each sheet element instead: ours then declare it too.
  const rootNs = relsPrefixIn(/<workbook\b[^>]*>/.exec(wbXml)?.[0] ?? "");
  if (!rootNs && !sheets.some((s) => s.rNs))
    throw new UnreadableWorkbookError(
      "is saved as Strict Open XML, which IEWSC Workbench cannot add sheets to: save it in Excel as an Excel Workbook (.xlsx) and build again",
      { file },
    );
  const wbRelsPart = relsOf(wbPart);
  const wbRels = relsIn(user.text(wbRelsPart));
  const types = user.text("[Content_Types].xml") ?? "";

  // Sheets left out, with every part only they lead to.
  const removedIndex = new Set<number>();
  sheets.forEach((s, i) => {
    if (req.remove.some((name) => sameName(name, s.name))) removedIndex.add(i);
  });
  const removedRelIds = new Set([...removedIndex].map((i) => sheets[i]!.rId));
  const keptRels = wbRels.filter((r) => !removedRelIds.has(r.id));
  if (removedIndex.size) {
    const start = wbRels
      .filter((r) => removedRelIds.has(r.id) && !r.external)
      .map((r) => resolvePart(wbPart, r.target).toLowerCase());
    for (const part of reachableOnlyFrom(user, start, wbPart, keptRels)) dropped.add(part);
    // The calculation chain lists cells of the sheets left out: Excel rebuilds it when it is missing.
    for (const r of wbRels)
      if (r.type.endsWith("/calcChain") && keptRels.includes(r)) {
        dropped.add(resolvePart(wbPart, r.target).toLowerCase());
        keptRels.splice(keptRels.indexOf(r), 1);
      }
  }

  // Styles: ours merged into the user's; the map says where our indexes went.
  const genStyles = gen.text("xl/styles.xml") ?? "";
  const styleRel = wbRels.find((r) => r.type.endsWith("/styles") && !r.external);
  const stylesPart = styleRel ? resolvePart(wbPart, styleRel.target) : undefined;
  const userStyles = stylesPart === undefined ? undefined : user.text(stylesPart);
  const newRels: string[] = [];
  const newTypes: string[] = [];
  let styles: StyleMap;
  if (stylesPart !== undefined && userStyles !== undefined) {
    refusePrefixed(userStyles, "styleSheet", file, "styles");
    const merged = mergeStyles(userStyles, genStyles);
    replaced.set(stylesPart, merged.xml);
    styles = merged.map;
  } else {
    const part = freshName((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    added.push({ name: part, data: genStyles });
    newRels.push(relTag(freshRelId(wbRels, newRels), "styles", relativeTo(wbPart, part)));
    newTypes.push(override(part, CT.styles));
    const all = (n: number) => Array.from({ length: n }, (_, i) => i);
    styles = {
      xf: all(countOf(container(genStyles, "cellXfs")?.inner ?? "", "xf")),
      dxf: all(countOf(container(genStyles, "dxfs")?.inner ?? "", "dxf")),
    };
  }

  // Shared strings: ours appended to the user's.
  const genStrings = gen.text("xl/sharedStrings.xml");
  let stringOffset = 0;
  if (genStrings) {
    const ours = children(container(genStrings, "sst")?.inner ?? "", "si");
    const stringsRel = wbRels.find((r) => r.type.endsWith("/sharedStrings") && !r.external);
    const stringsPart = stringsRel ? resolvePart(wbPart, stringsRel.target) : undefined;
    const userBytes = stringsPart === undefined ? undefined : user.bytes(stringsPart);
    if (stringsPart !== undefined && userBytes !== undefined) {
      const merged = appendStrings(userBytes, ours, file);
      replaced.set(stringsPart, merged.bytes);
      stringOffset = merged.offset;
    } else {
      const part = freshName((n) => (n === 1 ? "xl/sharedStrings.xml" : `xl/sharedStrings${n}.xml`));
      added.push({ name: part, data: genStrings });
      newRels.push(relTag(freshRelId(wbRels, newRels), "sharedStrings", relativeTo(wbPart, part)));
      newTypes.push(override(part, CT.strings));
    }
  }

  // Our sheets and their tables, renamed where the user's package has the names already.
  const genWb = gen.text("xl/workbook.xml") ?? "";
  const genRels = relsIn(gen.text("xl/_rels/workbook.xml.rels"));
  const genSheets = sheetsIn(genWb);
  let tableId = Math.max(0, ...tableIds(user));
  let sheetId = Math.max(0, ...sheets.map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0)));
  const keptSheets = sheets.filter((_, i) => !removedIndex.has(i));
  const newSheetTags: string[] = [];
  const genIndexToMerged = new Map<number, number>();
  genSheets.forEach((g, j) => {
    const rel = genRels.find((r) => r.id === g.rId);
    if (!rel) throw new Error(`the generated sheet ${g.name} has no part`);
    const genPart = resolvePart("xl/workbook.xml", rel.target);
    const part = freshName((n) => `xl/worksheets/sheet${n}.xml`);
    let xml = renumberSheet(gen.text(genPart) ?? "", styles, stringOffset);
    const sheetRels = relsIn(gen.text(relsOf(genPart)));
    const outRels: string[] = [];
    for (const r of sheetRels) {
      if (r.external || !r.type.endsWith("/table"))
        throw new Error(`the generated sheet ${g.name} has a ${r.type} part the splice does not copy`);
      const tablePart = freshName((n) => `xl/tables/table${n}.xml`);
      const tableXml = (gen.text(resolvePart(genPart, r.target)) ?? "").replace(
        /(<table\b[^>]*?\sid=")\d+"/,
        `$1${++tableId}"`,
      );
      added.push({ name: tablePart, data: tableXml });
      newTypes.push(override(tablePart, CT.table));
      outRels.push(relTag(r.id, "table", relativeTo(part, tablePart)));
    }
    if (outRels.length) added.push({ name: relsOf(part), data: relsXml(outRels) });
    const id = freshRelId(wbRels, newRels);
    newRels.push(relTag(id, "worksheet", relativeTo(wbPart, part)));
    newTypes.push(override(part, CT.sheet));
    // A sheet of ours that the user hid stays hidden when it is written again: a build never shows a
    // hidden sheet (as the add-in refuses to).
    const was = sheets.find((s, i) => removedIndex.has(i) && sameName(s.name, g.name))?.state;
    const state = [g.state, was].find((st) => st !== undefined && st !== "visible");
    newSheetTags.push(
      `<sheet${rootNs ? "" : ` xmlns:r="${REL_NS}"`} name="${escapeXml(g.name)}" sheetId="${++sheetId}"${state ? ` state="${escapeXml(state)}"` : ""} ${rootNs ?? "r"}:id="${id}"/>`,
    );
    genIndexToMerged.set(j, keptSheets.length + j);
    xml = xml.replace(/\stabSelected="1"/g, "");
    added.push({ name: part, data: xml });
  });

  // The workbook part: sheets listed, names moved with their sheets, ours added, the active tab kept.
  let wb =
    wbXml.slice(0, sheetsBox.start) +
    `${sheetsBox.open}${keptSheets.map((s) => s.raw).join("")}${newSheetTags.join("")}</sheets>` +
    wbXml.slice(sheetsBox.end);
  wb = mergeNames(wb, genWb, genSheets.length ? genIndexToMerged : new Map(), removedIndex);
  wb = moveActiveTab(wb, removedIndex, sheets, keptSheets.length, genSheets);
  replaced.set(wbPart, wb);
  replaced.set(wbRelsPart, relsXml([...keptRels.map((r) => r.raw), ...newRels], user.text(wbRelsPart) ?? undefined));
  // Relationship parts are typed by a Default for ".rels" in most packages, not in all.
  if (!/<Default\b[^>]*Extension\s*=\s*["']rels["']/i.test(types))
    for (const a of added) if (a.name.endsWith(".rels")) newTypes.push(override(a.name, CT.rels));
  replaced.set("[Content_Types].xml", contentTypes(types, dropped, newTypes));

  // Every part of the input, as stored, but those edited or left out; ours after them.
  const out: (ZipEntry | StoredEntry)[] = [];
  for (const name of user.names) {
    const key = [...replaced.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined) out.push({ name, data: replaced.get(key)! });
    else if (dropped.has(name.toLowerCase()) || dropped.has(relsTargetOf(name))) continue;
    else out.push(user.stored(name) ?? { name, data: user.bytes(name) ?? Buffer.alloc(0) });
  }
  out.push(...added);
  return zipPackage(out, 6);
}

/** For `xl/worksheets/_rels/sheet3.xml.rels`, the part it belongs to (lower case): its fate is the part's. */
function relsTargetOf(name: string): string {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
  return m ? `${m[1]}${m[2]}`.toLowerCase() : "";
}

/**
 * The parts reachable from `start` through relationships that nothing kept leads to: a sheet left out
 * takes its tables, drawings, comments and printer settings with it, never a part another sheet shares.
 */
function reachableOnlyFrom(pkg: Pkg, start: string[], wbPart: string, keptWbRels: Rel[]): Set<string> {
  const edges = new Map<string, string[]>();
  for (const name of pkg.names) {
    const owner = relsTargetOf(name);
    if (!owner) continue;
    const real = pkg.names.find((n) => n.toLowerCase() === owner) ?? owner;
    edges.set(
      owner,
      relsIn(pkg.text(name))
        .filter((r) => !r.external)
        .map((r) => resolvePart(real, r.target).toLowerCase()),
    );
  }
  const reach = new Set<string>();
  const walk = (from: string) => {
    if (reach.has(from)) return;
    reach.add(from);
    for (const t of edges.get(from) ?? []) walk(t);
  };
  for (const s of start) walk(s);
  // What any other part leads to stays (and what it leads to in turn).
  const keep = new Set<string>();
  const keepWalk = (from: string) => {
    if (keep.has(from)) return;
    keep.add(from);
    for (const t of edges.get(from) ?? []) keepWalk(t);
  };
  for (const r of keptWbRels) if (!r.external) keepWalk(resolvePart(wbPart, r.target).toLowerCase());
  // The workbook part leads to the sheets left out too: it is kept, and its kept relationships were walked.
  keep.add(wbPart.toLowerCase());
  for (const r of relsIn(pkg.text("_rels/.rels"))) if (!r.external) keepWalk(resolvePart("", r.target).toLowerCase());
  return new Set([...reach].filter((p) => !keep.has(p)));
}

function tableIds(pkg: Pkg): number[] {
  const ids: number[] = [];
  for (const name of pkg.names) {
    if (!/\.xml$/i.test(name) || !/(^|\/)tables\//i.test(name)) continue;
    const m = /<(?:\w+:)?table\b[^>]*?\sid\s*=\s*["'](\d+)["']/.exec(pkg.text(name) ?? "");
    if (m) ids.push(Number(m[1]));
  }
  return ids;
}

/** Where our style indexes went in the spliced styles: cell formats and differential formats. */
interface StyleMap {
  xf: readonly number[];
  dxf: readonly number[];
}

/**
 * The user's styles with ours merged in: each font, fill, border, number format, cell format and
 * differential format of ours is the user's identical one when there is one, else appended after the
 * user's own. The user's entries are not touched, so every index the user's sheets use means the same;
 * and building again reuses what the last build appended instead of growing the styles each time.
 */
export function mergeStyles(user: string, ours: string): { xml: string; map: StyleMap } {
  let xml = user;
  const ourItems = (tag: string, child: string) => children(container(ours, tag)?.inner ?? "", child);
  // In the schema's order, so that each container goes where Excel expects it when the user has none.
  const order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];
  const insert = (tag: string, child: string, items: string[]) => {
    if (!items.length) return;
    const box = container(xml, tag);
    if (box) {
      const total = countOf(box.inner, child) + items.length;
      xml = `${xml.slice(0, box.start)}${withAttribute(box.open, "count", total)}${box.inner}${items.join("")}</${tag}>${xml.slice(box.end)}`;
      return;
    }
    const fresh = `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    // After the nearest container before it in the schema's order, else first in the style sheet.
    for (const before of order.slice(0, order.indexOf(tag)).reverse()) {
      const b = container(xml, before);
      if (b) {
        xml = xml.slice(0, b.end) + fresh + xml.slice(b.end);
        return;
      }
    }
    const root = /<styleSheet\b[^>]*?(\/?)>/.exec(xml);
    if (!root) throw new Error("the styles part has no styleSheet element");
    const end = root.index + root[0].length;
    xml =
      root[1] === "/"
        ? `${xml.slice(0, root.index)}${root[0].replace(/\s*\/>$/, ">")}${fresh}</styleSheet>${xml.slice(end)}`
        : xml.slice(0, end) + fresh + xml.slice(end);
  };
  /** Each item's index in the merged container: the user's identical item, or a new one after theirs. */
  const place = (tag: string, child: string, items: string[]): number[] => {
    const box = container(xml, tag);
    const count = box ? countOf(box.inner, child) : 0;
    const theirs = box ? children(box.inner, child) : [];
    const index = new Map<string, number>();
    // Matched by text only when every element was read: an index must never point at the wrong one.
    if (theirs.length === count)
      theirs.forEach((e, i) => {
        if (!index.has(e)) index.set(e, i);
      });
    const appended: string[] = [];
    const map = items.map((item) => {
      const hit = index.get(item);
      if (hit !== undefined) return hit;
      index.set(item, count + appended.length);
      appended.push(item);
      return count + appended.length - 1;
    });
    insert(tag, child, appended);
    return map;
  };

  // Number formats by their code: the user's of the same code, else a new id past every id in use.
  const theirFmts = new Map<string, number>();
  let nextFmt = 163;
  for (const m of (container(xml, "numFmts")?.inner ?? "").matchAll(new RegExp(NUMFMT, "g"))) {
    const a = attributes(m[1] ?? "");
    const id = Number(a.numFmtId);
    if (!Number.isFinite(id)) continue;
    nextFmt = Math.max(nextFmt, id);
    if (a.formatCode !== undefined && !theirFmts.has(a.formatCode)) theirFmts.set(a.formatCode, id);
  }
  const numFmt = new Map<number, number>();
  const newFmts: string[] = [];
  for (const m of (container(ours, "numFmts")?.inner ?? "").matchAll(new RegExp(NUMFMT, "g"))) {
    const a = attributes(m[1] ?? "");
    const code = a.formatCode ?? "";
    let to = theirFmts.get(code);
    if (to === undefined) {
      to = ++nextFmt;
      theirFmts.set(code, to);
      newFmts.push(`<numFmt numFmtId="${to}" formatCode="${escapeXml(code)}"/>`);
    }
    numFmt.set(Number(a.numFmtId), to);
  }
  insert("numFmts", "numFmt", newFmts);
  const fonts = place("fonts", "font", ourItems("fonts", "font"));
  const fills = place("fills", "fill", ourItems("fills", "fill"));
  const borders = place("borders", "border", ourItems("borders", "border"));
  const hasStyleXf = countOf(container(xml, "cellStyleXfs")?.inner ?? "", "xf") > 0;
  const moved = (list: number[]) => (n: string) => String(list[Number(n)] ?? n);
  const xfs = ourItems("cellXfs", "xf").map((xf) => {
    const x = xf
      .replace(/\bnumFmtId="(\d+)"/, (_, n: string) => `numFmtId="${numFmt.get(Number(n)) ?? n}"`)
      .replace(/\bfontId="(\d+)"/, (_, n: string) => `fontId="${moved(fonts)(n)}"`)
      .replace(/\bfillId="(\d+)"/, (_, n: string) => `fillId="${moved(fills)(n)}"`)
      .replace(/\bborderId="(\d+)"/, (_, n: string) => `borderId="${moved(borders)(n)}"`);
    return hasStyleXf ? x.replace(/\bxfId="\d+"/, 'xfId="0"') : x.replace(/\sxfId="\d+"/, "");
  });
  const xf = place("cellXfs", "xf", xfs);
  const dxf = place("dxfs", "dxf", ourItems("dxfs", "dxf"));
  return { xml, map: { xf, dxf } };
}

/** A `<numFmt …/>` start tag, its attributes captured (a quoted ">" in a format code does not end it). */
const NUMFMT = `<numFmt\\b((?:[^>"']|"[^"]*"|'[^']*')*?)\\/?>`;

/**
 * The user's shared strings with ours appended, edited as bytes (a big table is not decoded): the
 * `count` and `uniqueCount` of the root are raised, our items go before `</sst>`. The offset is the
 * number of items the user's table holds, counted (not taken from its `uniqueCount`, which may be wrong).
 */
function appendStrings(user: Buffer, ours: string[], file: string): { bytes: Buffer; offset: number } {
  const head = user.subarray(0, Math.min(user.length, 4096)).toString("utf8");
  refusePrefixed(head, "sst", file, "shared strings");
  const root = /<sst\b[^>]*?(\/?)>/.exec(head);
  if (!root) throw new UnreadableWorkbookError("has a shared-strings part without its sst element", { file });
  let offset = 0;
  for (let at = user.indexOf("<si", 0); at >= 0; at = user.indexOf("<si", at + 3)) {
    const next = user[at + 3];
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) offset++;
  }
  const a = attributes(root[0].replace(/^<sst/, ""));
  let open = root[0].replace(/\s*\/>$/, ">");
  if (a.count !== undefined) open = withAttribute(open, "count", (Number(a.count) || offset) + ours.length);
  open = withAttribute(open, "uniqueCount", offset + ours.length);
  const headBytes = Buffer.byteLength(head.slice(0, root.index + root[0].length));
  const close = root[1] === "/" ? -1 : user.lastIndexOf("</sst>");
  const body = close < 0 ? Buffer.alloc(0) : user.subarray(headBytes, close);
  return {
    bytes: Buffer.concat([
      Buffer.from(head.slice(0, root.index) + open, "utf8"),
      body,
      Buffer.from(`${ours.join("")}</sst>`, "utf8"),
      close < 0 ? Buffer.alloc(0) : user.subarray(close + "</sst>".length),
    ]),
    offset,
  };
}

/** One of our sheets with its style, differential-format and shared-string indexes moved. */
function renumberSheet(xml: string, styles: StyleMap, strings: number): string {
  const xf = (n: string) => styles.xf[Number(n)] ?? Number(n);
  return xml
    .replace(
      /<(c|row)\b([^>]*?)\ss="(\d+)"/g,
      (_, tag: string, rest: string, n: string) => `<${tag}${rest} s="${xf(n)}"`,
    )
    .replace(/<col\b([^>]*?)\sstyle="(\d+)"/g, (_, rest: string, n: string) => `<col${rest} style="${xf(n)}"`)
    .replace(
      /<cfRule\b([^>]*?)\sdxfId="(\d+)"/g,
      (_, rest: string, n: string) => `<cfRule${rest} dxfId="${styles.dxf[Number(n)] ?? n}"`,
    )
    .replace(
      /(<c\b[^>]*\st="s"[^>]*>)<v>(\d+)<\/v>/g,
      (_, open: string, n: string) => `${open}<v>${Number(n) + strings}</v>`,
    );
}

/**
 * The workbook's defined names after the splice: names of the sheets left out go, sheet-scoped names
 * follow their sheets' new positions, the user's names that ours replace (same name, any case, whole
 * workbook) go, and ours are added with their sheets' positions in the spliced workbook.
 */
function mergeNames(wb: string, genWb: string, genIndex: Map<number, number>, removed: Set<number>): string {
  const ours = children(container(genWb, "definedNames")?.inner ?? "", "definedName");
  const ourGlobal = ours
    .map(attributesOf)
    .filter((a) => a.localSheetId === undefined)
    .map((a) => a.name ?? "");
  const box = container(wb, "definedNames");
  const kept: string[] = [];
  for (const n of children(box?.inner ?? "", "definedName")) {
    const a = attributesOf(n);
    if (a.localSheetId === undefined) {
      if (ourGlobal.some((g) => sameName(g, a.name ?? ""))) continue;
      kept.push(n);
      continue;
    }
    const k = Number(a.localSheetId);
    if (removed.has(k)) continue;
    const to = keptIndex(k, removed);
    kept.push(to !== k ? withStartAttribute(n, "localSheetId", to) : n);
  }
  for (const n of ours) {
    const a = attributesOf(n);
    if (a.localSheetId === undefined) kept.push(n);
    else {
      const to = genIndex.get(Number(a.localSheetId));
      if (to !== undefined) kept.push(withStartAttribute(n, "localSheetId", to));
    }
  }
  if (box)
    return `${wb.slice(0, box.start)}${kept.length ? `<definedNames>${kept.join("")}</definedNames>` : ""}${wb.slice(box.end)}`;
  if (!kept.length) return wb;
  // In the schema's order: after the sheets, function groups and external references.
  const after = ["externalReferences", "functionGroups", "sheets"].map((t) => container(wb, t)).find(Boolean)!;
  return `${wb.slice(0, after.end)}<definedNames>${kept.join("")}</definedNames>${wb.slice(after.end)}`;
}

/** Where the sheet at index `k` (not left out) is once the sheets at `removed` are left out. */
const keptIndex = (k: number, removed: Set<number>) => k - [...removed].filter((r) => r < k).length;

/**
 * The workbook view's active and first tabs, moved with the sheets left out. A left-out sheet that was
 * active hands over to our sheet of the same name (rewritten), else to the first sheet.
 */
function moveActiveTab(
  wb: string,
  removed: Set<number>,
  sheets: { name: string }[],
  kept: number,
  genSheets: { name: string }[],
): string {
  if (!removed.size) return wb;
  const moved = (k: number, active: boolean) => {
    if (removed.has(k)) {
      const same = active ? genSheets.findIndex((g) => sameName(g.name, sheets[k]?.name ?? "")) : -1;
      return same >= 0 ? kept + same : 0;
    }
    return keptIndex(k, removed);
  };
  return wb.replace(/<workbookView\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) => {
    const a = attributesOf(tag);
    if (a.activeTab !== undefined) tag = withAttribute(tag, "activeTab", moved(Number(a.activeTab), true));
    if (a.firstSheet !== undefined) tag = withAttribute(tag, "firstSheet", moved(Number(a.firstSheet), false));
    return tag;
  });
}

function relTag(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${REL_TYPE}${type}" Target="${escapeXml(target)}"/>`;
}

function freshRelId(rels: Rel[], added: string[]): string {
  const used = new Set([...rels.map((r) => r.id), ...added.map((t) => attributes(t).Id ?? "")]);
  for (let n = rels.length + added.length + 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

function relsXml(tags: string[], original?: string): string {
  const decl = original && /^<\?xml[^>]*\?>/.exec(original.trimStart())?.[0];
  return `${decl ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'}\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tags.join("")}</Relationships>`;
}

/** A target relative to the part that holds the relationship: `xl/workbook.xml` → `worksheets/sheet9.xml`. */
function relativeTo(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

function override(part: string, type: string): string {
  return `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
}

/** The content types with the overrides of parts left out removed and those of our parts added. */
function contentTypes(xml: string, dropped: Set<string>, added: string[]): string {
  // An Override is empty: written `<Override …/>` or, by some writers, `<Override …></Override>`.
  const kept = xml.replace(/<Override\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>\s*<\/Override>)/g, (tag) => {
    const part = decodeXml(attributes(tag).PartName ?? "")
      .replace(/^\//, "")
      .toLowerCase();
    // A relationships part goes with its part (its Override, where the package has no Default for .rels).
    return dropped.has(part) || dropped.has(relsTargetOf(part)) ? "" : tag;
  });
  const close = kept.lastIndexOf("</Types>");
  if (close < 0) throw new Error("the content types part has no Types element");
  return kept.slice(0, close) + added.join("") + kept.slice(close);
}

/**
 * What the core needs to tell the user's sheets, tables and names from ours, read from the package
 * (no cell but the A2 of sheets spelled as ours is read): every sheet, every table with its sheet,
 * every defined name.
 */
export async function packageShape(
  input: Buffer,
  ownSheets: readonly string[],
  inflated?: ReadonlyMap<string, Buffer>,
): Promise<WorkbookShape> {
  const pkg = await openPkg(input, inflated);
  const wbPart = workbookPartOf(pkg);
  const wb = pkg.text(wbPart) ?? "";
  const rels = relsIn(pkg.text(relsOf(wbPart)));
  const stringsRel = rels.find((r) => r.type.endsWith("/sharedStrings") && !r.external);
  let strings: string[] | undefined;
  const sheets: { name: string; a2?: unknown }[] = [];
  const tables: { name: string; sheet: string }[] = [];
  for (const { name, rId } of sheetsIn(wb)) {
    const rel = rels.find((r) => r.id === rId);
    const part = rel && !rel.external ? resolvePart(wbPart, rel.target) : undefined;
    const entry: { name: string; a2?: unknown } = { name };
    if (part !== undefined) {
      for (const r of relsIn(pkg.text(relsOf(part))))
        if (r.type.endsWith("/table") && !r.external) {
          const t = /<(?:\w+:)?table\b[^>]*>/.exec(pkg.text(resolvePart(part, r.target)) ?? "")?.[0];
          if (!t) continue;
          const ta = attributes(t.replace(/^<\S+/, ""));
          for (const n of new Set([ta.name, ta.displayName])) if (n) tables.push({ name: n, sheet: name });
        }
      if (ownSheets.some((s) => sameName(s, name))) {
        strings ??= stringItems(stringsRel ? pkg.text(resolvePart(wbPart, stringsRel.target)) : undefined);
        entry.a2 = cellText(pkg.text(part) ?? "", "A2", strings);
      }
    }
    sheets.push(entry);
  }
  const names = children(container(wb, "definedNames")?.inner ?? "", "definedName").map(
    (n) => attributesOf(n).name ?? "",
  );
  return { sheets, tables, names };
}

function stringItems(xml: string | undefined): string[] {
  if (!xml) return [];
  return children(container(xml, "sst")?.inner ?? "", "si").map(runText);
}

/** The text of a string item or inline string: its `<t>` elements (not phonetic runs) joined. */
function runText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  return [...plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((m) => decodeXml(m[1] ?? "")).join("");
}

/** A cell's text (a string, inline string or formula's text result), or undefined. */
function cellText(sheet: string, address: string, strings: string[]): string | undefined {
  const m = new RegExp(`<c\\b[^>]*\\br="${address}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(sheet);
  if (!m?.[1]) return undefined;
  const t = attributes(m[0].split(">")[0]!).t;
  const v = /<v>([\s\S]*?)<\/v>/.exec(m[1])?.[1];
  if (t === "s") return v === undefined ? undefined : strings[Number(v)];
  if (t === "inlineStr") return runText(/<is>([\s\S]*?)<\/is>/.exec(m[1])?.[1] ?? "");
  if (t === "str") return v === undefined ? undefined : decodeXml(v);
  return undefined;
}
