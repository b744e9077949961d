import { AGENDA_SHEET, CHECKS_SHEET, type CellValue, dayOfIso, serialOf } from "../../core";
import { buildIn } from "../../addin/excel/build";
import { checkProgramIn, goToCell } from "../../addin/excel/check";
import { MARKER } from "../../addin/excel/highlights";
import {
  INVITEES_HEADER,
  PROGRAM_HEADER,
  WORKSHOP,
  goodInvitees,
  goodProgram,
  invitee,
  session,
} from "../helpers/program";
import { fakeExcel, mockExcel, tableSheet } from "./fake";

const today = dayOfIso("2024-03-01")!;

/** What Office.js gives for date cells: serial numbers (the helpers write `{ date }`, as ExcelJS reads them). */
const office = (rows: CellValue[][]): CellValue[][] =>
  rows.map((r) => r.map((c) => (c !== null && typeof c === "object" && "date" in c ? serialOf(dayOfIso(c.date)!) : c)));

/** A programme of `n` sessions over two days in rooms of ten, with `n * 5` invitees. */
function bigProgramme(n: number): { program: CellValue[][]; invitees: CellValue[][] } {
  const program: CellValue[][] = [PROGRAM_HEADER];
  const invitees: CellValue[][] = [INVITEES_HEADER];
  for (let i = 0; i < n * 5; i++)
    invitees.push(
      invitee({
        Name: `Person ${i}`,
        Gender: i % 2 ? "Female" : "Male",
        Sector: "Industry",
        Email: `p${i}@example.com`,
        Status: "Accepted",
      }),
    );
  for (let i = 0; i < n; i++) {
    const slot = Math.floor(i / 10);
    program.push(
      session({
        Session: `S${i}`,
        Day: { date: slot % 2 ? "2024-04-19" : "2024-04-18" },
        Start: (8 * 60 + (slot >> 1) * 5) / 1440,
        End: (8 * 60 + (slot >> 1) * 5 + 5) / 1440,
        Room: `Room ${i % 10}`,
        Speakers: [0, 1, 2, 3].map((k) => `Person ${i * 5 + k}`).join("; "),
        Moderator: `Person ${i * 5 + 4}`,
      }),
    );
  }
  // The last session shares a speaker with the one before it, at the same time in another room.
  program[n]![8] = `Person ${(n - 2) * 5}`;
  return { program, invitees };
}

describe("Check programme in Excel (fake host)", () => {
  test("lists the programme's and the invitations' findings, highlights their cells and writes the Checks sheet", async () => {
    const program = goodProgram();
    program[5]![3] = "09:30"; // S5 now ends before it starts: PROGRAM_INVALID_VALUE on its End, E7
    const invitees = goodInvitees();
    invitees[2]![10] = "Declined"; // Ben Ruiz declined but still speaks in S5
    const excel = fakeExcel({
      sheets: [
        tableSheet("Program", office(program), { sheet: "Programme", at: "B2" }),
        tableSheet("Invitees", office(invitees)),
        tableSheet("Workshop", office(WORKSHOP)),
      ],
    });
    const outcome = await excel.run((ctx) => checkProgramIn(ctx, { today }));
    expect(outcome.findings.map((f) => [f.code, f.sheet, f.row, f.cell?.address])).toEqual([
      ["PROGRAM_INVALID_VALUE", "Programme", 7, "E7"],
      ["PROGRAM_SPEAKER_DECLINED", "Programme", 7, "J7"],
    ]);
    expect(excel.formats("Programme")).toEqual([
      // One conditional format per area: a list address would need the locale's separator.
      { address: "E7", formula: `=N("${MARKER}: error")=0`, fill: "#FDE7E9", font: "#A4262C" },
      { address: "J7", formula: `=N("${MARKER}: error")=0`, fill: "#FDE7E9", font: "#A4262C" },
    ]);
    expect(excel.values(CHECKS_SHEET, "B6:B7")).toEqual([["PROGRAM_INVALID_VALUE"], ["PROGRAM_SPEAKER_DECLINED"]]);
    expect(String(excel.values(CHECKS_SHEET, "A2:A2")[0]![0])).toContain("the programme and the invitations");
    await excel.run((ctx) => goToCell(ctx, outcome.findings[1]!.cell!));
    expect(excel.world.selected).toEqual({ sheet: "Programme", address: "J7" });
  });

  test("a fixed programme clears its highlights on the next run", async () => {
    const invitees = goodInvitees();
    invitees[6]![6] = null; // Femi Ade: accepted, no e-mail is fine
    invitees.push(invitee({ Name: "Hana Sato", Gender: "Female" })); // to invite, no e-mail
    const excel = fakeExcel({
      sheets: [tableSheet("Program", office(goodProgram())), tableSheet("Invitees", office(invitees))],
    });
    const first = await excel.run((ctx) => checkProgramIn(ctx, { today }));
    expect(first.findings.map((f) => f.code)).toEqual(["INVITE_CONTACT_MISSING"]);
    expect(excel.formats("Invitees").map((f) => f.address)).toEqual(["G8"]);
    invitees[7]![6] = "hana@example.com";
    const fixed = fakeExcel({
      sheets: [tableSheet("Program", office(goodProgram())), tableSheet("Invitees", office(invitees))],
    });
    expect((await fixed.run((ctx) => checkProgramIn(ctx, { today }))).findings).toEqual([]);
    expect(fixed.formats("Invitees")).toEqual([]);
  });

  test("Build writes the Agenda from the one plan: page breaks above each day, A4 landscape at a fixed scale", async () => {
    const excel = fakeExcel({
      sheets: [
        tableSheet("Program", office(goodProgram())),
        tableSheet("Invitees", office(goodInvitees())),
        tableSheet("Workshop", office([...WORKSHOP, ["Title", "Test workshop"], ["Venue", "Geneva"]])),
      ],
    });
    const outcome = await excel.run((ctx) => buildIn(ctx, { today }));
    const agenda = outcome.plan.generated.find((g) => g.name === AGENDA_SHEET)!;
    expect(agenda).toBeDefined();
    expect(excel.cell(AGENDA_SHEET, "A1").value).toBe("Agenda — Test workshop");
    expect(String(excel.cell(AGENDA_SHEET, "A2").value)).toMatch(/^Generated by IEWSC Workbench/);
    expect(excel.values(AGENDA_SHEET, "A5:F7")).toEqual([
      ["Thursday 18 April 2024", "", "", "", "", ""],
      ["Time", "Format", "Session", "Title", "Moderator", "Speakers"],
      ["09:00–09:30", "Opening", "S1", "", "Femi Ade (Ade Ltd)", ""],
    ]);
    const layout = excel.pageLayout(AGENDA_SHEET);
    expect(layout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { scale: agenda.print!.scale } });
    expect(layout.headersFooters.defaultForAllPages.leftHeader).toBe('&"Calibri,Bold"Agenda — Test workshop');
    expect(excel.sheet(AGENDA_SHEET)!.rowBreaks).toEqual(agenda.print!.rowBreaks);
    // Day 1 is rows 5–9, then one empty row; day 2 begins a page.
    expect(agenda.print!.rowBreaks).toEqual([11]);
    expect(excel.cell(AGENDA_SHEET, "A11").value).toBe("Friday 19 April 2024");
    // Running twice leaves the same sheet, with its page breaks once.
    await excel.run((ctx) => buildIn(ctx, { today }));
    expect(excel.sheet(AGENDA_SHEET)!.rowBreaks).toEqual([11]);
  });

  test("a sheet of the user's called Agenda is never cleared", async () => {
    const excel = fakeExcel({
      sheets: [tableSheet("Program", office(goodProgram())), { name: "Agenda", cells: [["My own agenda"]] }],
    });
    await expect(excel.run((ctx) => buildIn(ctx, { today }))).rejects.toThrow('the sheet "Agenda" is yours');
    expect(excel.values("Agenda", "A1:A1")).toEqual([["My own agenda"]]);
  });
});

describe("round trips (office-addin-mock)", () => {
  test.each([10, 1_000])("Check programme takes 3 syncs for %i sessions", async (n) => {
    const { program, invitees } = bigProgramme(n);
    const mock = mockExcel({
      sheets: [tableSheet("Program", office(program)), tableSheet("Invitees", office(invitees))],
    });
    const sync = jest.spyOn(mock.context, "sync");
    const outcome = await checkProgramIn(mock.context, { today });
    expect(sync).toHaveBeenCalledTimes(3);
    expect(outcome.syncs).toBe(3);
    expect(outcome.findings.map((f) => `${f.code}@${f.row}`)).toEqual([`PROGRAM_SPEAKER_CLASH@${n + 1}`]);
  });
});
