import { TableMissingError } from "../../core";
import { HostError, type Runner, runExcel } from "../../addin/excel/run-excel";

const hostError = (code: string) => Object.assign(new Error(`host says ${code}`), { code, debugInfo: { code } });

describe("runExcel", () => {
  test("retries while the user is editing a cell, then succeeds", async () => {
    let calls = 0;
    const runner = jest.fn(async (batch: (c: Excel.RequestContext) => Promise<unknown>) => {
      if (++calls < 3) throw hostError("InvalidOperationInCellEditMode");
      return batch({} as Excel.RequestContext);
    }) as unknown as Runner & jest.Mock;
    await expect(runExcel(async () => "done", { runner, delayMs: 1 })).resolves.toBe("done");
    expect(runner).toHaveBeenCalledTimes(3);
  });

  test("gives up after a bounded number of retries, in plain English", async () => {
    const runner = jest.fn(async () => {
      throw hostError("InvalidOperationInCellEditMode");
    });
    const failure = runExcel(async () => 1, { runner, retries: 2, delayMs: 1 });
    await expect(failure).rejects.toThrow(HostError);
    await expect(runExcel(async () => 1, { runner, retries: 2, delayMs: 1 })).rejects.toThrow(
      "press Enter or Esc, then try again",
    );
    expect(runner).toHaveBeenCalledTimes(6);
  });

  test("maps host errors by code, never by message", async () => {
    const runner = async () => {
      throw hostError("AccessDenied");
    };
    await expect(runExcel(async () => 1, { runner })).rejects.toMatchObject({
      name: "HostError",
      code: "AccessDenied",
      message: expect.stringContaining("protected"),
    });
  });

  test("an unknown host code still reads as a sentence", async () => {
    await expect(
      runExcel(async () => 1, {
        runner: async () => {
          throw hostError("Weird");
        },
      }),
    ).rejects.toThrow("Excel reported a problem (Weird).");
  });

  test("workbook errors pass through untouched and are not retried", async () => {
    const runner = jest.fn(async () => {
      throw new TableMissingError("no Roster table was found", { table: "Roster" });
    });
    await expect(runExcel(async () => 1, { runner })).rejects.toBeInstanceOf(TableMissingError);
    expect(runner).toHaveBeenCalledTimes(1);
  });
});
