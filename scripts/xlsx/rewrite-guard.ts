import { posix } from "node:path";
import { UnreadableWorkbookError, WorkbookError, WouldLoseDataError, listOf, plural } from "../../core";
import { copyDifferences } from "./copy-check";
import { openArchive } from "./zip";
import { attributes, decodeXml } from "./xml-text";

/** One kind of content a rewrite would drop, in plain words, with the input's parts that hold it. */
export interface GuardOptions {
  /** Generated sheets the rewrite rebuilt (Budget, Checks …): their old contents are not the user's to lose. */
  regenerated?: readonly string[];
}

export interface PartLoss {
  /** "a chart", "macros", "2 images of 3", `data validations on "Roster"`. */
  kind: string;
  /** The input's parts (zip entry names, e.g. `xl/charts/chart1.xml`) that hold what would be lost. */
  parts: string[];
}

/*
 * How the guard sees a package. ExcelJS reads a workbook into its model and writes a new package with
 * its own part names (sheets become sheet1..N, images move to xl/media/imageN.*, comments become
 * commentsN.xml with a vmlDrawingN.vml), so nothing here compares parts by path. Every part of the
 * input is one of three things:
 *
 * - a part of a kind ExcelJS does not model (DROPPED_PARTS): counted per kind, lost when the rewrite
 *   holds fewer of that kind;
 * - a part ExcelJS models (KEPT_PARTS): what is in it is measured (MEASURES, DROPPED_ELEMENTS) in both
 *   packages and compared, keyed by sheet name, table name or cell where there is one;
 * - a part a rewrite may drop harmlessly (HARMLESS_PARTS): a cache the spreadsheet program rebuilds.
 *
 * A part that is none of these is reported as unrecognised when the rewrite does not hold the same
 * path: an unknown part is a loss until someone decides otherwise, never silently dropped.
 */

interface PartRule {
  kind: string;
  /** Matched against the lower-cased zip entry name. */
  path: RegExp;
  /** Matched against the part's content type, for writers that put parts elsewhere. */
  type?: RegExp;
  /** How many things the part holds, when it can hold none: an empty part is no loss. Default 1. */
  holds?: (xml: string) => number;
}

const CUSTOM_PROPERTIES_KIND = "custom document properties (where sensitivity labels are kept)";

/** Kinds of part ExcelJS 4.4 does not read: a rewrite drops every one of them. */
const DROPPED_PARTS: readonly PartRule[] = [
  // Chart style and colour parts (xl/charts/styleN.xml, colorsN.xml) belong to their chart.
  { kind: "a chart", path: /^xl\/charts\//, type: /drawingml\.chart\+xml|ms-office\.chart(ex|style|colorstyle)\+xml/ },
  { kind: "a chart sheet", path: /^xl\/chartsheets\//, type: /spreadsheetml\.chartsheet\+xml/ },
  { kind: "a dialog sheet", path: /^xl\/dialogsheets\//, type: /spreadsheetml\.dialogsheet\+xml/ },
  { kind: "an Excel 4.0 macro sheet", path: /^xl\/macrosheets\//, type: /macrosheet\+xml/ },
  {
    kind: "macros",
    path: /^xl\/vba(project\.bin|projectsignature[^/]*\.bin|data\.xml)$/,
    type: /ms-office\.vbaproject|vbaprojectsignature|ms-office\.vbadata/,
  },
  { kind: "a SmartArt diagram", path: /^xl\/diagrams\//, type: /drawingml\.diagram/ },
  { kind: "a pivot table", path: /^xl\/pivottables\//, type: /spreadsheetml\.pivottable\+xml/ },
  {
    kind: "a pivot cache (the data behind a pivot table)",
    path: /^xl\/pivotcache\//,
    type: /spreadsheetml\.pivotcache(definition|records)\+xml/,
  },
  { kind: "a slicer", path: /^xl\/slicer(s|caches)\//, type: /ms-excel\.slicer(cache)?\+xml/ },
  { kind: "a timeline filter", path: /^xl\/timeline(s|caches)\//, type: /ms-excel\.timeline(cache)?\+xml/ },
  // LibreOffice writes an empty one into every workbook it saves: only properties in it count.
  {
    kind: CUSTOM_PROPERTIES_KIND,
    path: /^docprops\/custom\.xml$/,
    type: /officedocument\.custom-properties\+xml/,
    holds: (xml) => elements("property")(xml),
  },
  { kind: "custom XML parts", path: /^customxml\//, type: /officedocument\.customxmlproperties\+xml/ },
  {
    kind: "add-in settings (web extensions)",
    path: /^xl\/webextensions\//,
    type: /ms-office\.webextension(taskpanes)?\+xml/,
  },
  { kind: "links to other workbooks", path: /^xl\/externallinks\//, type: /spreadsheetml\.externallink\+xml/ },
  // Excel also writes a plain comment for each thread ("[Threaded comment] ..."): that one is kept, the thread is not.
  {
    kind: "threaded comments",
    path: /^xl\/(threadedcomments|persons)\//,
    type: /ms-excel\.(threadedcomments|person)\+xml/,
  },
  { kind: "data connections", path: /^xl\/connections\.xml$/, type: /spreadsheetml\.connections\+xml/ },
  { kind: "query tables", path: /^xl\/querytables\//, type: /spreadsheetml\.querytable\+xml/ },
  { kind: "form controls", path: /^xl\/ctrlprops\//, type: /ms-excel\.controlproperties\+xml/ },
  { kind: "ActiveX controls", path: /^xl\/activex\//, type: /ms-office\.activex/ },
  { kind: "embedded objects", path: /^xl\/embeddings\//, type: /officedocument\.oleobject/ },
  { kind: "a data model (Power Pivot)", path: /^xl\/model\// },
  {
    kind: "pictures in cells or linked data types",
    path: /^xl\/richdata\//,
    type: /ms-excel\.(rdrich|richvalue|rdarray|rdsupporting)/,
  },
  // Without it a dynamic array formula (=SORT(...)) comes back as a legacy array formula.
  {
    kind: "cell metadata (dynamic array formulas, data types)",
    path: /^xl\/metadata\.xml$/,
    type: /spreadsheetml\.sheetmetadata\+xml/,
  },
  {
    kind: "tracked changes (revision history)",
    path: /^xl\/(revisions\/|usernames\.xml$)/,
    type: /spreadsheetml\.(revision|usernames)/,
  },
  { kind: "named sheet views", path: /^xl\/namedsheetviews\//, type: /ms-excel\.namedsheetviews\+xml/ },
  {
    kind: "in-cell checkboxes (feature property bag)",
    path: /^xl\/featurepropertybag\//,
    type: /ms-excel\.featurepropertybag\+xml/,
  },
  { kind: "a customised ribbon", path: /^customui\// },
  { kind: "a digital signature", path: /^_xmlsignatures\//, type: /digital-signature/ },
];

/** Parts ExcelJS reads into its model and writes again, under its own names; their content is measured below. */
const KEPT_PARTS: readonly RegExp[] = [
  /^\[content_types\]\.xml$/,
  /(^|\/)_rels\/[^/]*\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/worksheets\/[^/]+\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedstrings\.xml$/,
  /^xl\/theme\/[^/]+\.xml$/,
  /^docprops\/(core|app)\.xml$/,
  /^xl\/comments[^/]*\.xml$/,
  /^xl\/tables\/[^/]+\.xml$/,
  /^xl\/media\//, // images: counted by where they are placed (MEASURES), not by file
  /^xl\/drawings\/[^/]+\.(xml|vml)$/, // pictures and comment boxes are kept; what else they hold is DROPPED_ELEMENTS
];

/** The same, by content type, for writers that put these parts elsewhere. */
const KEPT_TYPES =
  /spreadsheetml\.(worksheet|comments|table|styles|sharedstrings|sheet\.main|template\.main)\+xml|officedocument\.(drawing\+xml|vmldrawing|theme\+xml|extended-properties)|core-properties|relationships\+xml|^image\//;

/**
 * Parts a rewrite may drop without losing anything the user made. Decided one by one:
 * - xl/calcChain.xml: the order Excel last calculated formulas in, a cache it rebuilds on open.
 * - xl/printerSettings/*.bin: the printer driver's private settings (a binary DEVMODE). Cosmetic: the
 *   page setup people choose (orientation, paper size, margins, scaling, print area, titles) is in the
 *   sheet XML and defined names, which ExcelJS keeps; only driver extras such as a tray are forgotten.
 * - docProps/thumbnail.*: the preview picture of the first sheet, redrawn on the next save in Excel.
 */
const HARMLESS_PARTS: readonly RegExp[] = [
  /^xl\/calcchain\.xml$/,
  /^xl\/printersettings\/[^/]+\.bin$/,
  /^docprops\/thumbnail\.[a-z]+$/,
];

interface Rel {
  id: string;
  type: string;
  /** The part it points at (zip entry name), or undefined for an external target. */
  target: string | undefined;
}

interface Sheet {
  name: string;
  part: string;
  xml: string;
  rels: Rel[];
}

/** A package opened once: its parts with their content types, and the text of its XML parts. */
interface Package {
  /** Zip entry names, without folders. */
  parts: string[];
  contentType(part: string): string;
  /** The part's Override content type, "" when it has only its extension's Default. */
  ownContentType(part: string): string;
  text(part: string): string;
  workbook: string;
  /** Worksheets (not chart or dialog sheets), in workbook order, with their XML and relationships. */
  sheets: Sheet[];
}

/** Content a rewrite drops that sits inside parts ExcelJS keeps, counted per element. */
interface ElementRule {
  kind: string;
  /** Which parts to count in. */
  in: (pkg: Package) => { part: string; xml: string }[];
  count: (xml: string) => number;
}

const worksheets = (pkg: Package) => pkg.sheets.map((s) => ({ part: s.part, xml: s.xml }));
const workbookPart = (pkg: Package) => [{ part: "xl/workbook.xml", xml: pkg.workbook }];
const drawings = (pkg: Package) =>
  pkg.parts
    .filter((p) => /^xl\/drawings\/[^/]+\.xml$/i.test(p))
    .map((part) => ({ part, xml: withoutFallbacks(pkg.text(part)) }));
const vmlDrawings = (pkg: Package) =>
  pkg.parts.filter((p) => /\.vml$/i.test(p)).map((part) => ({ part, xml: pkg.text(part) }));
const elements = (local: string) => (xml: string) =>
  (xml.match(new RegExp(`<(?:[\\w.-]+:)?${local}\\b(?!-)`, "g")) ?? []).length;

/** Elements of that name that set something: a flag (by attribute name) that is on, or a password. */
const settings = (local: string, flag: RegExp) => (xml: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, "g"))].filter((m) =>
    Object.entries(attributes(m[1]!)).some(
      ([k, v]) => (flag.test(k) && /^(1|true)$/i.test(v)) || /password|hashvalue/i.test(k),
    ),
  ).length;

/** Form controls drawn in VML (the legacy ones, and the VML half of Excel 2010's); notes are "Note". */
const VML_CONTROLS = /ObjectType\s*=\s*["'](Button|Checkbox|Drop|GBox|Label|List|Radio|Scroll|Spin|Edit|Dialog)["']/g;

const DROPPED_ELEMENTS: readonly ElementRule[] = [
  // ExcelJS keeps a drawing's pictures (xdr:pic) and drops everything else anchored in it. A chart's
  // graphicFrame is covered by the chart's own part; slicers and timelines carry a fallback shape
  // (withoutFallbacks removes it) and are covered by their parts too.
  {
    kind: "shapes or text boxes",
    in: drawings,
    count: (xml) =>
      elements("sp")(xml) + elements("grpSp")(xml) + elements("cxnSp")(xml) + elements("contentPart")(xml),
  },
  { kind: "form controls", in: vmlDrawings, count: (xml) => (xml.match(VML_CONTROLS) ?? []).length },
  { kind: "sparklines", in: worksheets, count: elements("sparklineGroup") },
  { kind: "pictures in headers or footers", in: worksheets, count: elements("legacyDrawingHF") },
  { kind: "ranges unlocked for editing (allow edit ranges)", in: worksheets, count: elements("protectedRange") },
  { kind: "what-if scenarios", in: worksheets, count: elements("scenario") },
  {
    kind: "page breaks between columns",
    in: worksheets,
    count: (xml) =>
      (/<(?:\w+:)?colBreaks\b[\s\S]*?<\/(?:\w+:)?colBreaks>/.exec(xml)?.[0].match(/<(?:\w+:)?brk\b/g) ?? []).length,
  },
  {
    kind: "custom views",
    in: (pkg) => [...worksheets(pkg), ...workbookPart(pkg)],
    count: (xml) => elements("customSheetView")(xml) + elements("customWorkbookView")(xml),
  },
  // LibreOffice writes an empty <workbookProtection/>, which protects nothing: only a lock or a password counts.
  { kind: "workbook structure protection", in: workbookPart, count: settings("workbookProtection", /^lock/i) },
  {
    kind: "a password to modify or a read-only recommendation",
    in: workbookPart,
    count: settings("fileSharing", /^readOnlyRecommended$/i),
  },
];

/**
 * What ExcelJS keeps, measured in both packages: a tally per key (a sheet name, a cell, a table name),
 * so that content the rewrite adds elsewhere never hides content it lost. `say` words the loss.
 */
interface Measure {
  tally: (pkg: Package) => Map<string, number>;
  say: (lost: number, total: number, keys: string[]) => string;
  parts: (pkg: Package) => string[];
}

const MEASURES: readonly Measure[] = [
  {
    tally: (pkg) => tallyOf(pkg.sheets.map((s) => s.name)),
    say: counted("worksheet", "worksheets"),
    parts: (pkg) => pkg.sheets.map((s) => s.part),
  },
  {
    // By display name, the name formulas use; unique in a workbook.
    tally: (pkg) =>
      tallyOf(
        tableParts(pkg).map((p) => attributes(/<(?:\w+:)?table\b[^>]*>/.exec(pkg.text(p))?.[0] ?? "").displayName ?? p),
      ),
    say: counted("table", "tables"),
    parts: tableParts,
  },
  {
    // Pictures placed on a sheet (and sheet backgrounds), not files in xl/media: one file can be placed
    // many times, and a chart's picture fill is a file there too.
    tally: (pkg) =>
      new Map(
        pkg.sheets.map((s) => [
          s.name,
          related(pkg, s, "/drawing").reduce(
            (n, d) => n + elements("pic")(withoutFallbacks(pkg.text(d))),
            elements("picture")(s.xml),
          ),
        ]),
      ),
    say: counted("image", "images"),
    parts: (pkg) =>
      pkg.sheets.flatMap((s) => related(pkg, s, "/drawing")).concat(pkg.parts.filter((p) => /^xl\/media\//i.test(p))),
  },
  {
    tally: (pkg) =>
      tallyOf(
        pkg.sheets.flatMap((s) =>
          related(pkg, s, "/comments").flatMap((c) =>
            // By cell and by text: a comment whose words a rewrite would lose is lost, though its cell keeps a box.
            [...pkg.text(c).matchAll(/<(?:\w+:)?comment\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?comment>)/g)].map(
              (m) => `${s.name}!${attributes(m[1]!).ref} ${commentText(m[2] ?? "")}`,
            ),
          ),
        ),
      ),
    say: counted("comment", "comments"),
    parts: (pkg) => pkg.sheets.flatMap((s) => related(pkg, s, "/comments")),
  },
  {
    tally: (pkg) =>
      tallyOf(
        pkg.sheets.flatMap((s) =>
          [...s.xml.matchAll(/<(?:\w+:)?hyperlink\b([^>]*)>/g)].map((m) => `${s.name}!${attributes(m[1]!).ref}`),
        ),
      ),
    say: counted("hyperlink", "hyperlinks"),
    parts: (pkg) => pkg.sheets.filter((s) => elements("hyperlink")(s.xml) > 0).map((s) => s.part),
  },
  {
    // ExcelJS keeps only names that are plain ranges: a name holding a formula or a constant is dropped.
    // Excel rebuilds _xlnm._FilterDatabase from the sheet's filter, so it is left out, and so are names
    // that carry nothing (see `carriesNothing`).
    tally: (pkg) =>
      tallyOf(
        [...pkg.workbook.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)]
          .filter((m) => !carriesNothing(attributes(m[1]!).name ?? "", decodeXml(m[2]!)))
          // gnumeric writes Excel's built-in print names without their prefix; the reader adds it back.
          .map((m) => (attributes(m[1]!).name ?? "").replace(/^(Print_Titles|Print_Area)$/, "_xlnm.$1")),
      ),
    say: counted("defined name", "defined names"),
    parts: () => ["xl/workbook.xml"],
  },
  {
    // By the number of cells validated, so that ExcelJS splitting or merging validation ranges is no loss.
    tally: (pkg) => new Map(pkg.sheets.map((s) => [s.name, validatedCells(s.xml)])),
    say: (_lost, _total, keys) => `data validations on ${keys.map((k) => `"${k}"`).join(" and ")}`,
    parts: (pkg) => pkg.sheets.filter((s) => validatedCells(s.xml) > 0).map((s) => s.part),
  },
  {
    tally: (pkg) => new Map(pkg.sheets.map((s) => [s.name, formatRules(s.xml)])),
    say: counted("conditional formatting rule", "conditional formatting rules"),
    parts: (pkg) => pkg.sheets.filter((s) => formatRules(s.xml) > 0).map((s) => s.part),
  },
];

/**
 * Compares the input package with what ExcelJS would write when it rewrites it: the kinds of content
 * the rewrite would drop, in the order of the tables above; empty when nothing would be lost. The
 * rewrite may add content (generated sheets, names): only what the input had and the rewrite has not
 * counts.
 *
 * @example
 * const wb = new ExcelJS.Workbook();
 * await wb.xlsx.load(input);
 * await rewriteLosses(input, new Uint8Array(await wb.xlsx.writeBuffer()));
 * // for chart-sheet.xlsx:
 * // [{ kind: "a chart", parts: ["xl/charts/chart1.xml", ...] }, { kind: "a chart sheet", parts: ["xl/chartsheets/sheet1.xml"] }]
 */
export async function rewriteLosses(
  inputBytes: Uint8Array,
  rewrittenBytes: Uint8Array,
  options: GuardOptions = {},
): Promise<PartLoss[]> {
  // Sheets we generate are rebuilt from scratch: what they held before is ours, not the user's.
  const ours = new Set((options.regenerated ?? []).map((n) => n.toLowerCase()));
  const isOurs = (key: string) => ours.has(key.toLowerCase()) || ours.has(key.split("!")[0]!.toLowerCase());
  const [before, after] = await Promise.all([openPackage(inputBytes), openPackage(rewrittenBytes)]);
  const losses: PartLoss[] = [];
  const kindsBefore = kindsOf(before);
  const kindsAfter = kindsOf(after);
  for (const kind of KINDS) {
    const had = kindsBefore.get(kind);
    if (had && had.count > (kindsAfter.get(kind)?.count ?? 0)) losses.push({ kind, parts: had.parts });
  }
  const unrecognised = before.parts.filter(
    (p) => !classify(before, p) && !after.parts.some((q) => q.toLowerCase() === p.toLowerCase()),
  );
  for (const measure of MEASURES) {
    const was = measure.tally(before);
    const is = measure.tally(after);
    let lost = 0;
    let total = 0;
    const keys: string[] = [];
    for (const [key, n] of was) {
      if (isOurs(key)) continue;
      total += n;
      const gone = n - Math.min(n, is.get(key) ?? 0);
      if (gone > 0) keys.push(key);
      lost += gone;
    }
    if (lost > 0) losses.push({ kind: measure.say(lost, total, keys), parts: measure.parts(before) });
  }
  if (unrecognised.length)
    losses.push({ kind: `unrecognised parts (${unrecognised.join(", ")})`, parts: unrecognised });
  return losses;
}

/**
 * Throws a `WouldLoseDataError` naming the file and every kind of content the rewrite would drop,
 * unless there is none. A package that cannot be opened raises an `UnreadableWorkbookError`.
 *
 * @example
 * await assertNothingLost("chart-sheet.xlsx", input, rewritten);
 * // throws: "chart-sheet.xlsx: holds a chart and a chart sheet that a rewrite would drop; nothing was written"
 */
export async function assertNothingLost(
  file: string,
  inputBytes: Uint8Array,
  rewrittenBytes: Uint8Array,
  options: GuardOptions = {},
): Promise<void> {
  let losses: PartLoss[];
  try {
    losses = await rewriteLosses(inputBytes, rewrittenBytes, options);
  } catch (e) {
    if (e instanceof WorkbookError) throw e.where.file ? e : e.inFile(file);
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new UnreadableWorkbookError(
      `could not be compared with its rewrite: it is not a readable .xlsx package (${detail}); nothing was written`,
      { file },
    );
  }
  if (losses.length) {
    const kinds = losses.map((l) => l.kind.replace(/\s+/g, " "));
    const custom = losses.find((l) => l.kind === CUSTOM_PROPERTIES_KIND);
    const how = custom ? await customPropertiesHint(inputBytes, custom.parts) : "";
    throw new WouldLoseDataError(
      `holds ${listed(kinds)} that a rewrite would drop; nothing was written.${how} Remove what is listed from a copy of the workbook (or keep the generated sheets in another workbook) and run again`,
      { file },
    );
  }
  // What the rewrite would change rather than drop: the user's cells, tables and names, one by one.
  const changed = await copyDifferences(inputBytes, rewrittenBytes, options.regenerated ?? []);
  if (changed.length) {
    const shown = changed.length > 3 ? [...changed.slice(0, 3), `${changed.length - 3} more`] : changed;
    throw new WouldLoseDataError(`holds what a rewrite cannot copy exactly: ${listed(shown)}; nothing was written`, {
      file,
    });
  }
}

/** Which custom document properties the input holds, and where Excel lets a user remove them. */
async function customPropertiesHint(bytes: Uint8Array, parts: readonly string[]): Promise<string> {
  const pkg = await openPackage(bytes).catch(() => undefined);
  const names = parts.flatMap((p) =>
    [...(pkg?.text(p) ?? "").matchAll(/<(?:\w+:)?property\b([^>]*)>/g)].map((m) => attributes(m[1]!).name ?? ""),
  );
  const shown = names.filter(Boolean).map((n) => `"${n}"`);
  const label = names.some((n) => /^MSIP_Label_/i.test(n))
    ? " (a sensitivity label: change it under Home ▸ Sensitivity, or remove it)"
    : "";
  return shown.length
    ? ` The custom document properties are ${listed(shown)}${label}; in Excel, remove them under File ▸ Info ▸ Properties ▸ Advanced Properties ▸ Custom.`
    : "";
}

/**
 * Defined names whose loss loses nothing: Excel's filter database (rebuilt from the sheet's filter), a
 * name that points nowhere (`#REF!`, as gnumeric writes an unset print area), and gnumeric's
 * `_xlnm.Sheet_Title`, which only repeats the sheet's name.
 */
function carriesNothing(name: string, value: string): boolean {
  const v = value.trim();
  return !name || name === "_xlnm._FilterDatabase" || name === "_xlnm.Sheet_Title" || v === "" || v === "#REF!";
}

const listed = (items: string[]): string => listOf(items);

/** "2 images of 3"; "1 image" when every one is lost. */
function counted(one: string, many: string): Measure["say"] {
  return (lost, total) => `${plural(lost, one, many)}${lost === total ? "" : ` of ${total}`}`;
}

function tallyOf(keys: string[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const k of keys) tally.set(k, (tally.get(k) ?? 0) + 1);
  return tally;
}

/** The kinds in the order losses are reported: the tables' order, each kind once. */
const KINDS: readonly string[] = [...new Set([...DROPPED_PARTS, ...DROPPED_ELEMENTS].map((r) => r.kind))];

/** How much of each dropped kind a package holds (parts, or elements for DROPPED_ELEMENTS) and in which parts. */
function kindsOf(pkg: Package): Map<string, { count: number; parts: string[] }> {
  const kinds = new Map<string, { count: number; parts: string[] }>();
  const add = (kind: string, part: string, count: number) => {
    const entry = kinds.get(kind) ?? { count: 0, parts: [] };
    entry.count += count;
    if (!entry.parts.includes(part)) entry.parts.push(part);
    kinds.set(kind, entry);
  };
  for (const part of pkg.parts) {
    const rule = droppedRule(pkg, part);
    const n = rule?.holds ? rule.holds(pkg.text(part)) : 1;
    if (rule && n > 0) add(rule.kind, part, n);
  }
  for (const rule of DROPPED_ELEMENTS) {
    for (const { part, xml } of rule.in(pkg)) {
      const n = rule.count(xml);
      if (n > 0) add(rule.kind, part, n);
    }
  }
  return kinds;
}

const RELS = /(^|\/)_rels\/[^/]*\.rels$/;

function droppedRule(pkg: Package, part: string): PartRule | undefined {
  const lower = part.toLowerCase();
  // Relationships belong to their source part; a harmless part is never a loss, whatever its type says.
  if (RELS.test(lower) || HARMLESS_PARTS.some((r) => r.test(lower))) return undefined;
  // Only a part's own (Override) content type: a Default one is by extension, and in a macro-enabled
  // workbook "bin" defaults to the VBA project's type, printer settings included.
  const type = pkg.ownContentType(part).toLowerCase();
  return DROPPED_PARTS.find((r) => r.path.test(lower) || (r.type !== undefined && type !== "" && r.type.test(type)));
}

/** True when the part is accounted for: of a dropped kind, kept by ExcelJS, or harmless to drop. */
function classify(pkg: Package, part: string): boolean {
  const lower = part.toLowerCase();
  return (
    droppedRule(pkg, part) !== undefined ||
    KEPT_PARTS.some((r) => r.test(lower)) ||
    KEPT_TYPES.test(pkg.contentType(part).toLowerCase()) ||
    HARMLESS_PARTS.some((r) => r.test(lower))
  );
}

async function openPackage(bytes: Uint8Array): Promise<Package> {
  // The same archive the copy check reads: each package is unzipped once for both.
  const zip = await openArchive(bytes);
  const parts = [...zip.names];
  const byLower = new Map(parts.map((p) => [p.toLowerCase(), p]));
  // Shared strings and styles are large and never measured; only XML parts are read as text.
  const text = (part: string) =>
    /\.(xml|rels|vml)$/i.test(part) && !/^xl\/(sharedstrings|styles)\.xml$/i.test(part) ? zip.text(part) : "";

  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const types = text("[Content_Types].xml");
  for (const m of types.matchAll(/<(?:\w+:)?Default\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
  }
  for (const m of types.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a.PartName && a.ContentType) overrides.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType);
  }
  const ownContentType = (part: string) => overrides.get(part.toLowerCase()) ?? "";
  const contentType = (part: string) =>
    overrides.get(part.toLowerCase()) ?? defaults.get(posix.extname(part).slice(1).toLowerCase()) ?? "";

  const workbookPartName =
    relsOf(text, "").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbook = text(workbookPartName);
  const workbookRels = relsOf(text, byLower.get(workbookPartName.toLowerCase()) ?? workbookPartName);
  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    const id = Object.entries(a).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
    const rel = workbookRels.find((r) => r.id === id);
    if (!rel?.target || !rel.type.endsWith("/worksheet")) continue;
    const part = byLower.get(rel.target.toLowerCase()) ?? rel.target;
    sheets.push({ name: a.name ?? part, part, xml: text(part), rels: relsOf(text, part) });
  }
  return { parts, contentType, ownContentType, text, workbook, sheets };
}

/** The relationships of a part ("" for the package), with targets resolved to zip entry names. */
function relsOf(text: (part: string) => string, source: string): Rel[] {
  const dir = posix.dirname(source);
  const relsPart = source === "" ? "_rels/.rels" : posix.join(dir, "_rels", `${posix.basename(source)}.rels`);
  return [...text(relsPart).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => {
    const a = attributes(m[1]!);
    const raw = a.Target ?? "";
    const external = a.TargetMode === "External";
    const target = external
      ? undefined
      : raw.startsWith("/")
        ? raw.slice(1)
        : posix.normalize(posix.join(source === "" ? "" : dir, raw));
    return { id: a.Id ?? "", type: a.Type ?? "", target };
  });
}

/** The parts a sheet's relationships of a type point at (type matched on its last segment, e.g. "/drawing"). */
function related(pkg: Package, sheet: Sheet, type: string): string[] {
  const byLower = new Map(pkg.parts.map((p) => [p.toLowerCase(), p]));
  return sheet.rels
    .filter((r) => r.type.endsWith(type) && r.target)
    .map((r) => byLower.get(r.target!.toLowerCase()) ?? r.target!);
}

function tableParts(pkg: Package): string[] {
  return pkg.parts.filter(
    (p) => /^xl\/tables\/[^/]+\.xml$/i.test(p) || /spreadsheetml\.table\+xml/.test(pkg.contentType(p)),
  );
}

/** The words of a comment: its text runs, joined (how they are split into runs is formatting). */
function commentText(xml: string): string {
  return [...xml.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)]
    .map((m) => decodeXml(m[1] ?? ""))
    .join("")
    .replace(/\r\n?/g, "\n");
}

/** Drops `mc:Fallback` branches: what a reader that does not know the choice would draw instead. */
function withoutFallbacks(xml: string): string {
  return xml.replace(/<(\w+:)?Fallback\b[\s\S]*?<\/\1?Fallback>/g, "");
}

/**
 * The cells under data validations on a sheet, both the plain ones and Excel 2010's (x14, in the
 * sheet's extension list, used for lists drawn from another sheet; ExcelJS does not read those).
 */
function validatedCells(xml: string): number {
  const boxes: Area[] = [];
  const open = /<(?:[\w.-]+:)?dataValidation\b([^>]*?)(\/?)>/g;
  for (const m of xml.matchAll(open)) {
    let sqref: string | undefined = attributes(m[1]!).sqref;
    if (sqref === undefined && m[2] !== "/") {
      const start = m.index! + m[0].length;
      const end = xml.indexOf("dataValidation>", start);
      sqref = /<(?:[\w.-]+:)?sqref>([^<]*)</.exec(xml.slice(start, end < 0 ? undefined : end))?.[1];
    }
    boxes.push(...areasOf(sqref ?? ""));
  }
  return unionArea(boxes);
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangles of a space-separated list of references: "A1:B2 D4", "A:A", "3:3". */
function areasOf(sqref: string): Area[] {
  const out: Area[] = [];
  for (const ref of sqref.trim().split(/\s+/).filter(Boolean)) {
    const [from, to = from] = ref.replace(/\$/g, "").split(":") as [string, string?];
    const a = corner(from, "top-left");
    const b = corner(to!, "bottom-right");
    if (a && b)
      out.push({
        top: Math.min(a.row, b.row),
        bottom: Math.max(a.row, b.row),
        left: Math.min(a.col, b.col),
        right: Math.max(a.col, b.col),
      });
  }
  return out;
}

/**
 * The cells the rectangles cover, each counted once: ExcelJS writes overlapping validations for
 * what it read (exceljs #2820) and the rewrite writes them without overlap, which is no loss.
 */
function unionArea(boxes: Area[]): number {
  const size = (b: Area) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  // Beyond a few hundred ranges the exact count costs more than it tells: sum them.
  if (boxes.length > 400) return boxes.reduce((n, b) => n + size(b), 0);
  const edges = [...new Set(boxes.flatMap((b) => [b.left, b.right + 1]))].sort((x, y) => x - y);
  let area = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    const rows = boxes
      .filter((b) => b.left <= from && b.right >= to - 1)
      .map((b) => [b.top, b.bottom] as const)
      .sort((x, y) => x[0] - y[0]);
    let covered = 0;
    let end = 0;
    for (const [top, bottom] of rows) {
      if (bottom <= end) continue;
      covered += bottom - Math.max(top, end + 1) + 1;
      end = bottom;
    }
    area += covered * (to - from);
  }
  return area;
}

function corner(ref: string, which: "top-left" | "bottom-right"): { row: number; col: number } | undefined {
  const m = /^([A-Z]*)(\d*)$/i.exec(ref);
  if (!m || (!m[1] && !m[2])) return undefined;
  const col = m[1]
    ? [...m[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0)
    : which === "top-left"
      ? 1
      : 16384;
  const row = m[2] ? Number(m[2]) : which === "top-left" ? 1 : 1048576;
  return { row, col };
}

/**
 * Conditional formatting rules on a sheet. Excel (and ExcelJS) write a data bar twice: a plain rule
 * that points (`<x14:id>`) at its Excel 2010 twin in the extension list, which carries that `id`. The
 * twins are one rule. ExcelJS reads the plain rule of such a pair and drops the twin: the data bar
 * survives and only its 2010 look (solid fill, negative bars) goes, so that is not counted as a loss.
 */
function formatRules(xml: string): number {
  const twins = new Set(
    [...xml.matchAll(/<(?:[\w.-]+:)?id>\s*(\{[^<]*\})\s*<\/(?:[\w.-]+:)?id>/g)].map((m) => m[1]!.toUpperCase()),
  );
  return [...xml.matchAll(/<(?:[\w.-]+:)?cfRule\b([^>]*)>/g)].filter(
    (m) => !twins.has((attributes(m[1]!).id ?? "").toUpperCase()),
  ).length;
}
