/**
 * Reading a start tag's attributes out of package XML as text, for what reads and edits parts without
 * a parser (the splice, the copy check).
 */

/** The attributes of a start tag (or of the text after its name), with XML entities decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** XML's five named entities and numeric character references, decoded. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1]?.toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/*
 * OOXML's escapes for text (ST_Xstring, ECMA-376 Part 1, 22.9.2.19): `_xHHHH_` is the UTF-16 code unit
 * HHHH, and `_x005F_` before such a sequence keeps it literal (`_x005F_x0041_` is the text "_x0041_").
 * They hold in every `<t>` of shared strings, inline strings and rich runs, and in a `t="str"` cell's `<v>`.
 * Read case-insensitively, as ClosedXML reads them after Excel (MS-OI29500 spells the escape `_x005f_`).
 */
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * The text an ST_Xstring spells, once XML has been decoded.
 *
 * @example
 * decodeXstring("Vera_x000B_Tab _x005F_x0041_"); // "Vera\vTab _x0041_"
 */
export function decodeXstring(s: string): string {
  return s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
