import { readFileSync } from "node:fs";

/**
 * The cells of a CSV file as LibreOffice wrote them: the first sheet's values as it displays them
 * (CSV keeps 0 and "" apart). Quoted fields may hold commas, quotes and line breaks.
 */
export function readCsv(csvFile: string): string[][] {
  const rows: string[][] = [[]];
  let field = "";
  let quoted = false;
  const input = readFileSync(csvFile, "utf8");
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      rows.at(-1)!.push(field);
      field = "";
    } else if (ch === "\n") {
      rows.at(-1)!.push(field);
      field = "";
      rows.push([]);
    } else if (ch !== "\r") field += ch;
  }
  return rows;
}
