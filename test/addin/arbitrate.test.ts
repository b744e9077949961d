import { type CellValue, dayOfIso } from "../../core";
import { applyIn, proposeIn, undoIn } from "../../addin/excel/arbitrate";
import { LEADERS, ROSTER_HEADER, member } from "../helpers/tables";
import { fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2026-11-28")!;

/**
 * Five regions filled by a woman and a man each; Europe has one confirmed man and three candidates for
 * its last seat: Ana (a woman, priority 2), Ben (a man, priority 1), Cleo (a woman, priority 3).
 * The committee is 6 women and 8 men, so the seat goes to a woman, and Ana's priority beats Cleo's.
 */
function roster(statusOfCleo: CellValue = "Candidate"): CellValue[][] {
  const rows: CellValue[][] = [ROSTER_HEADER, ...LEADERS];
  for (const region of ["Africa", "Americas", "Arab States", "Asia-Pacific", "CIS"]) {
    rows.push(member({ Name: `${region} F`, Role: "Regional Volunteer", Region: region, Gender: "Female", Justification: "x" }));
    rows.push(member({ Name: `${region} M`, Role: "Regional Volunteer", Region: region, Gender: "Male", Status: "Confirmed", Justification: "x" }));
  }
  rows.push(member({ Name: "Jonas Weber", Role: "Regional Volunteer", Region: "Europe", Gender: "Male", Status: "Confirmed", Justification: "x" }));
  rows.push(member({ Name: "Ana Kovač", Role: "Regional Volunteer", Region: "Europe", Gender: "Female", Status: "Candidate", Justification: "x", Priority: 2 }));
  rows.push(member({ Name: "Ben Ortiz", Role: "Regional Volunteer", Region: "Europe", Gender: "Male", Status: "candidate ", Justification: "x", Priority: 1 }));
  rows.push(member({ Name: "Cleo Marin", Role: "Regional Volunteer", Region: "Europe", Gender: "Female", Status: statusOfCleo, Justification: "x", Priority: 3 }));
  return rows;
}

describe("Arbitrate, Apply and Undo in Excel (fake host)", () => {
  test("proposes the exact choice with the balance before and after; Apply changes only Status cells; Undo restores them exactly", async () => {
    const rows = roster();
    const excel = mockExcel({ sheets: [tableSheet("Roster", rows, { sheet: "Members", at: "B2" })] });
    const proposal = await excel.run((ctx) => proposeIn(ctx, { today }));
    expect(proposal.arbitration.regions.map((r) => [r.region, r.selected.map((m) => m.name), r.passedOver.map((m) => m.name)])).toEqual([
      ["Europe", ["Ana Kovač"], ["Ben Ortiz", "Cleo Marin"]],
    ]);
    expect(proposal.arbitration.before).toMatchObject({ female: 6, male: 8 });
    expect(proposal.arbitration.after).toMatchObject({ female: 7, male: 8 });
    // Ana becomes Confirmed; Ben's "candidate " is tidied to Candidate; Cleo already says Candidate.
    expect(proposal.changes.map((c) => [c.name, c.address, c.before, c.after])).toEqual([
      ["Ana Kovač", "F17", "Candidate", "Confirmed"],
      ["Ben Ortiz", "F18", "candidate ", "Candidate"],
    ]);
    expect(proposal.syncs).toBe(2);

    const before = excel.values("Members", "A1:L30");
    const syncs = excel.world.syncs;
    const applied = await excel.run((ctx) => applyIn(ctx, proposal.changes));
    expect(excel.world.syncs - syncs).toBe(2);
    const after = excel.values("Members", "A1:L30");
    const changed: string[] = [];
    after.forEach((line, r) => line.forEach((v, c) => v !== before[r]![c] && changed.push(`${String.fromCharCode(65 + c)}${r + 1}=${String(v)}`)));
    expect(changed).toEqual(["F17=Confirmed", "F18=Candidate"]);

    await excel.run((ctx) => undoIn(ctx, applied));
    expect(excel.values("Members", "A1:L30")).toEqual(before);
  });

  test("Apply refuses, changing nothing, when a Status was edited after the proposal", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", roster())] });
    const proposal = await excel.run((ctx) => proposeIn(ctx, { today }));
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Roster").getRange("E16").values = [["Withdrawn"]];
      await ctx.sync();
    });
    const before = excel.values("Roster", "A1:J25");
    await expect(excel.run((ctx) => applyIn(ctx, proposal.changes))).rejects.toThrow("the roster changed since the proposal (Ana Kovač at E16)");
    expect(excel.values("Roster", "A1:J25")).toEqual(before);
  });

  test("no arbitration needed: nothing to apply", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("Roster", roster("Withdrawn").filter((r) => r[0] !== "Ben Ortiz"))] });
    const proposal = await excel.run((ctx) => proposeIn(ctx, { today }));
    expect(proposal.arbitration.regions).toEqual([]);
    expect(proposal.changes).toEqual([]);
  });
});
