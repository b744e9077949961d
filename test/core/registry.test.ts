import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  INVITE_RULES,
  PROGRAM_RULES,
  READER_CODES,
  REGISTRY,
  ROSTER_RULES,
  type Rule,
  TASK_RULES,
  TIMELINE_RULES,
} from "../../core";
import { END, START, dataFields, findingCodeTable, withTable } from "../../scripts/docs";

const ROOT = join(__dirname, "../..");

/** A Markdown table's cells, trimmed, its separator row left out. */
const cells = (table: string) =>
  table
    .trim()
    .split("\n")
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
const RULES: readonly Rule<never>[] = [
  ...ROSTER_RULES,
  ...TIMELINE_RULES,
  ...TASK_RULES,
  ...PROGRAM_RULES,
  ...INVITE_RULES,
] as Rule<never>[];

/** Every file in a `rules` folder of core/, with the rule objects it exports. */
function ruleFiles(): { path: string; rules: Rule<never>[] }[] {
  const out: { path: string; rules: Rule<never>[] }[] = [];
  for (const area of readdirSync(join(ROOT, "core"), { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    const folder = join(ROOT, "core", area.name, "rules");
    let names: string[];
    try {
      names = readdirSync(folder).filter((f) => f.endsWith(".ts"));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    for (const name of names) {
      const exported = Object.values(require(join(folder, name)) as Record<string, unknown>);
      const rules = exported.filter(
        (v): v is Rule<never> => typeof v === "object" && v !== null && "code" in v && "check" in v,
      );
      out.push({ path: `core/${area.name}/rules/${name}`, rules });
    }
  }
  return out;
}

describe("the rule registry", () => {
  test("every finding code of FindingDataByCode is registered once, and nothing else is", () => {
    const codes = [...dataFields().keys()].sort();
    expect(codes.length).toBeGreaterThan(25);
    expect(REGISTRY.map((r) => r.code).sort()).toEqual(codes);
    expect(new Set(REGISTRY.map((r) => r.code)).size).toBe(REGISTRY.length);
  });

  test("every rule file holds one rule, named after its code, and that rule is registered", () => {
    const files = ruleFiles();
    expect(files.length).toBe(RULES.length);
    for (const { path, rules } of files) {
      expect({ path, rules: rules.length }).toEqual({ path, rules: 1 });
      const rule = rules[0]!;
      expect(path.split("/").pop()).toBe(`${rule.code.toLowerCase().replace(/_/g, "-")}.ts`);
      expect(RULES).toContain(rule);
      expect(REGISTRY.find((r) => r.code === rule.code)?.producedBy).toBe(path);
    }
  });

  test("every rule says when it fires, in one sentence, and which columns it reads", () => {
    for (const r of [...RULES, ...READER_CODES]) {
      expect(r.when).toMatch(/^[a-z`(A-Z][^\n]*[^.]$/);
      expect(Array.isArray(r.reads)).toBe(true);
    }
  });
});

describe("the generated finding-code table", () => {
  test("docs/checks.md holds the table as `npm run docs` writes it (run it after changing a rule)", () => {
    const doc = readFileSync(join(ROOT, "docs", "checks.md"), "utf8");
    expect(doc).toContain(START);
    expect(doc).toContain(END);
    // Compared cell by cell: the formatter pads the committed table's columns.
    const committed = doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END));
    expect(cells(committed)).toEqual(cells(findingCodeTable()));
  });

  test("one row per code, with its severity, its check and its data fields", () => {
    const table = findingCodeTable().split("\n");
    expect(table.length).toBe(REGISTRY.length + 2);
    expect(table.find((l) => l.startsWith("| `TABLE_UNUSABLE`"))).toMatch(
      /\| error \| workbook \| .*`table: string`.*`column\?: string`.*`reason: "column-missing" \\\| "no-header-row"`/,
    );
    expect(table.find((l) => l.startsWith("| `TIMELINE_SLIPPED`"))).toContain(
      "warning, or error from `RedSlipDays` on",
    );
  });

  test("a stale table is replaced between the markers, and the prose around them is kept", () => {
    const doc = `# Title\n\nBefore.\n\n${START}\n| old |\n${END}\n\nAfter.\n`;
    const fresh = withTable(doc);
    expect(fresh).not.toBe(doc);
    expect(fresh.startsWith("# Title\n\nBefore.\n\n")).toBe(true);
    expect(fresh.endsWith("\n\nAfter.\n")).toBe(true);
    expect(fresh).toContain(findingCodeTable());
  });
});
