/**
 * `npm run docs`: writes the table of every finding code into `docs/checks.md`, between the markers
 * `<!-- finding-codes:start -->` and `<!-- finding-codes:end -->`, from the rule registry (code,
 * severity, when) and from `FindingDataByCode` in `core/findings.ts` (the data fields). A test fails
 * when the committed table is stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { REGISTRY } from "../core";

export const START = "<!-- finding-codes:start -->";
export const END = "<!-- finding-codes:end -->";
/** The repository's root, whether this runs compiled (`dist/scripts/`) or from source (`scripts/`, under jest). */
export const repoRoot = (): string =>
  __dirname.split(/[\\/]/).includes("dist") ? join(__dirname, "..", "..") : join(__dirname, "..");

/**
 * The data fields of every code, read from `FindingDataByCode` in `core/findings.ts` by the TypeScript
 * parser: `{ ROSTER_SIZE: ["count: number", "max: number"], … }`.
 */
export function dataFields(
  source = readFileSync(join(repoRoot(), "core", "findings.ts"), "utf8"),
): Map<string, string[]> {
  const file = ts.createSourceFile("findings.ts", source, ts.ScriptTarget.ES2022, true);
  const out = new Map<string, string[]>();
  file.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== "FindingDataByCode") return;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const code = member.name.getText(file);
      const fields = ts.isTypeLiteralNode(member.type)
        ? member.type.members.filter(ts.isPropertySignature).map((f) => {
            const type = f.type ? f.type.getText(file).replace(/\s+/g, " ") : "unknown";
            return `${f.name.getText(file)}${f.questionToken ? "?" : ""}: ${type}`;
          })
        : [];
      out.set(code, fields);
    }
  });
  return out;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The Markdown table of every registered code, in the registry's order. */
export function findingCodeTable(): string {
  const fields = dataFields();
  const rows = REGISTRY.map((r) => {
    const data = (fields.get(r.code) ?? []).map((f) => `\`${f}\``).join("<br>");
    return `| \`${r.code}\` | ${cell(r.severityNote ?? r.severity)} | ${r.of} | ${cell(r.when)} | ${cell(data)} |`;
  });
  return ["| Code | Severity | Check | When | Data |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** The document with its table replaced (the markers are added at the end when missing). */
export function withTable(doc: string, table = findingCodeTable()): string {
  const block = `${START}\n${table}\n${END}`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + END.length);
}

if (require.main === module) {
  const path = join(repoRoot(), "docs", "checks.md");
  const doc = existsSync(path) ? readFileSync(path, "utf8") : "# Checks: finding codes\n";
  writeFileSync(path, withTable(doc));
  process.stdout.write(`Wrote the table of ${REGISTRY.length} finding codes into docs/checks.md.\n`);
}
