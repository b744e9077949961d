/**
 * How the shared version of a report finds the e-mail addresses it leaves out. An at sign is whatever NFKC
 * folds to `@`: the full-width `＠` (U+FF20) and the small `﹫` (U+FE6B) read as one to a person, and an
 * address written with either is an address (so is one in full-width letters, `ｊｏ＠ｘ．ｏｒｇ`).
 */

export const EMAIL_LEFT_OUT = "[e-mail left out]";

/** An e-mail address anywhere in a text, once the text is folded (`foldWidths`). */
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+/g;

/**
 * The text with every character that NFKC folds to one character replaced by it (`＠` → `@`, `ｊ` → `j`,
 * `＜` → `<`), and every other character kept: the result is as long as the text, so a match in it is a
 * match at the same place in the text.
 *
 * @example foldWidths("jo＠x．org") // "jo@x.org"
 */
export function foldWidths(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) return text; // NFKC leaves ASCII as it is
  let out = "";
  for (const ch of text) {
    const folded = ch.normalize("NFKC");
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/**
 * A function that replaces every e-mail address in a text by `EMAIL_LEFT_OUT`: what the address pattern
 * finds, and every address in `typed` (the Email cells as typed: "jo @ x.org" is still an address someone
 * typed, and only values with an at sign count, so that a word typed there is not blanked everywhere).
 * Overlapping finds are left out as one. A typed address is looked for only around the text's at signs,
 * so the time grows with the at signs, not with the number of addresses typed.
 *
 * @example leaveOutAddresses(["jo @ x.org"])("Ask jo @ x.org or mei＠y.org") // "Ask [e-mail left out] or [e-mail left out]"
 */
export function leaveOutAddresses(typed: readonly string[]): (text: string) => string {
  const literals = new Set(typed.map(foldWidths).filter((t) => t.includes("@")));
  // Each typed address by where its first at sign is and how long it is: one found in a text has an at
  // sign of the text at that offset, so only those slices need looking up.
  const shapes = [...new Set([...literals].map((l) => `${l.indexOf("@")}:${l.length}`))].map((s) =>
    s.split(":").map(Number),
  ) as [number, number][];
  return (text) => {
    const folded = foldWidths(text);
    if (!folded.includes("@")) return text;
    const found: [number, number][] = [];
    for (let at = folded.indexOf("@"); at !== -1; at = folded.indexOf("@", at + 1))
      for (const [offset, length] of shapes) {
        const start = at - offset;
        if (start >= 0 && literals.has(folded.slice(start, start + length))) found.push([start, start + length]);
      }
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(folded); m; m = EMAIL.exec(folded)) found.push([m.index, m.index + m[0].length]);
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = "";
    let done = 0;
    for (const [start, end] of found) {
      if (end <= done) continue;
      if (start >= done) out += `${text.slice(done, start)}${EMAIL_LEFT_OUT}`;
      done = end;
    }
    return out + text.slice(done);
  };
}
