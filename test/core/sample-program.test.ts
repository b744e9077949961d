import { CONTRACT, type CellValue, checkWorkbook, dayOfIso } from "../../core";
import { SAMPLE_INVITEES, SAMPLE_PROGRAM, SAMPLE_WORKSHOP } from "../../core/sample";
import { raw } from "../helpers/tables";

const rows = (name: "Program" | "Invitees", body: unknown[][]): CellValue[][] => [
  CONTRACT[name].columns.map((c) => c.header),
  ...(body as CellValue[][]),
];

describe("the sample programme", () => {
  test("checks clean against the sample workshop's two days, before and after the workshop", () => {
    for (const asOf of ["2024-02-01", "2024-04-18", "2026-11-28"]) {
      const result = checkWorkbook(
        {
          tables: {
            Program: raw("Program", rows("Program", SAMPLE_PROGRAM)),
            Invitees: raw("Invitees", rows("Invitees", SAMPLE_INVITEES)),
            Workshop: raw("Workshop", [
              ["Key", "Value"],
              ...(SAMPLE_WORKSHOP.map((r) => r.slice(0, 2)) as CellValue[][]),
            ]),
          },
          date1904: false,
        },
        { asOf: dayOfIso(asOf)! },
      );
      expect({ asOf, findings: result.findings }).toEqual({ asOf, findings: [] });
      expect(result.checked).toEqual(["program", "invitees"]);
    }
  });
});
