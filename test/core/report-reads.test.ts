import * as invitee from "../../core/program/invitee";
import * as session from "../../core/program/session";
import { type CellValue, type RawTable, checkWorkbook, dayOfIso, reportPlan } from "../../core";
import { WORKSHOP, goodInvitees, goodProgram } from "../helpers/program";
import { raw } from "../helpers/tables";

/**
 * The programme's tables are read once per action, by the check, and their rows passed down to the Agenda,
 * the Invitations sheet and the Summary's lines: reading 5,000 invitees is most of a check's time.
 */
describe("the Program and Invitees tables are read once per action", () => {
  const tables = (): Partial<Record<RawTable["name"], RawTable>> => ({
    Program: raw("Program", goodProgram()),
    Invitees: raw("Invitees", goodInvitees()),
    Workshop: raw("Workshop", WORKSHOP as CellValue[][]),
  });
  const options = { asOf: dayOfIso("2024-03-01")!, today: dayOfIso("2026-12-01")!, title: "programme.xlsx" };
  let reads: { invitees: jest.SpyInstance; sessions: jest.SpyInstance };
  beforeEach(() => {
    reads = { invitees: jest.spyOn(invitee, "readInvitees"), sessions: jest.spyOn(session, "readSessions") };
  });
  afterEach(() => jest.restoreAllMocks());

  test("a check", () => {
    checkWorkbook({ tables: tables(), date1904: false }, { asOf: options.asOf });
    expect(reads.invitees).toHaveBeenCalledTimes(1);
    expect(reads.sessions).toHaveBeenCalledTimes(1);
  });

  test.each([false, true])("a report (share %s): its Agenda, Invitations and Summary lines included", (share) => {
    const plan = reportPlan({ tables: tables(), date1904: false }, { ...options, share });
    expect(plan.workbook.sheets.map((s) => s.name)).toEqual(["Summary", "Findings", "Agenda", "Invitations"]);
    expect(plan.lines.some((l) => l.measure === "Speakers not yet confirmed")).toBe(true);
    expect(reads.invitees).toHaveBeenCalledTimes(1);
    expect(reads.sessions).toHaveBeenCalledTimes(1);
  });

  test("a report of a workbook without Invitees reads the Program once, and no Invitees", () => {
    const { Program, Workshop } = tables();
    reportPlan({ tables: { Program: Program!, Workshop: Workshop! }, date1904: false }, options);
    expect(reads.invitees).not.toHaveBeenCalled();
    expect(reads.sessions).toHaveBeenCalledTimes(1);
  });
});
