/**
 * The checklist of CONTRIBUTING.md ("Adding a generated sheet"), as a test: a sheet in the registry
 * without a plan builder, without a case in the renderers' parity table, without its note, or left
 * out of the README, fails here.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { GENERATED, type GeneratedKey, OWN_SHEETS, type WorkbookInput, isGeneratedNote, sameName } from "../../core";
import { NOT_YET_BUILT, PARITY_CASES, sampleInput } from "./plans";

const ROOT = resolve(__dirname, "../..");
const KEYS = Object.keys(GENERATED) as GeneratedKey[];

let input: WorkbookInput;
beforeAll(async () => {
  input = await sampleInput();
});

test("sheet and table names are unique in the registry, as Excel compares them (without case)", () => {
  const sheets = OWN_SHEETS.map((k) => GENERATED[k].sheet);
  const names = KEYS.flatMap((k) => [...GENERATED[k].tables, ...GENERATED[k].names]);
  for (const list of [sheets, names])
    expect(list.filter((a, i) => list.findIndex((b) => sameName(a, b)) !== i)).toEqual([]);
});

test.each(KEYS.filter((k) => !NOT_YET_BUILT.includes(k)))("%s has a plan builder in the parity table", (key) => {
  expect(PARITY_CASES.filter((c) => c.key === key).length).toBeGreaterThan(0);
});

test("a sheet listed as not yet built has no case yet: when its builder lands, the list must lose it", () => {
  for (const key of NOT_YET_BUILT)
    expect({ key, cases: PARITY_CASES.filter((c) => c.key === key) }).toEqual({ key, cases: [] });
});

test.each(PARITY_CASES.filter((c) => c.key && c.sheets).map((c) => [c.what, c] as const))(
  "the plan of %s is the registered sheet, says it is ours in A2, and writes only registered tables",
  (_, c) => {
    const g = GENERATED[c.key!];
    for (const plan of c.sheets!(input)) {
      expect(plan.name).toBe(g.sheet);
      const note = plan.blocks.find((b) => b.ref === "A2");
      expect(isGeneratedNote(note?.values[0]?.[0])).toBe(true);
      for (const t of plan.tables) expect(g.tables as readonly string[]).toContain(t.name);
    }
  },
);

test("the status table beside the Timeline is the registered table", () => {
  const c = PARITY_CASES.find((p) => p.key === "timelineStatus")!;
  expect(c.beside!(input).plan.table.name).toBe(GENERATED.timelineStatus.tables[0]);
});

test.each(OWN_SHEETS.filter((k) => !NOT_YET_BUILT.includes(k)))("%s is documented in the README's Choices", (key) => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const choice = readme.split("\n- **Generated sheets**")[1]?.split("\n- **")[0] ?? "";
  expect(choice).toContain(`\`${GENERATED[key].sheet}\``);
});
