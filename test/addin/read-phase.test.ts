import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BUDGET_SHEET,
  type CellValue,
  CHECKS_SHEET,
  TIMELINE_STATUS_TABLE,
  TIMELINE_VIEW_SHEET,
  WouldLoseDataError,
  dayOfIso,
  serialOf,
} from "../../core";
import { buildIn } from "../../addin/excel/build";
import { checkTimelineIn, goToCell } from "../../addin/excel/check";
import { BusyError, oneAtATime } from "../../addin/excel/one-at-a-time";
import { HOST_MESSAGES, runExcel } from "../../addin/excel/run-excel";
import { edit, torTimeline } from "../helpers/timeline";
import { goodRoster } from "../helpers/tables";
import { fakeExcel, tableSheet } from "./fake";

const today = dayOfIso("2026-11-28")!;
const timeline = (): CellValue[][] => edit(torTimeline(), "TL03", { Forecast: serialOf(dayOfIso("2023-12-15")!) });

/** Nothing of the workbook changed: no generated sheet, no highlight, no status table. */
function untouched(excel: ReturnType<typeof fakeExcel>, sheet: string) {
  expect(excel.sheet(CHECKS_SHEET)).toBeNull();
  expect(excel.sheet(TIMELINE_VIEW_SHEET)).toBeNull();
  expect(excel.table(TIMELINE_STATUS_TABLE)).toBeNull();
  expect(excel.formats(sheet)).toEqual([]);
}

describe("what real Excel refuses mid-batch is found in the read phase, before anything is written", () => {
  test("a defined name Workshop: tables and names share one namespace, so Build refuses and writes nothing", async () => {
    const excel = fakeExcel({
      sheets: [{ name: "Notes", cells: [["my notes", 5]] }],
      names: [{ name: "workshop", reference: "Notes!B1" }],
    });
    await expect(excel.run((ctx) => buildIn(ctx, { today }))).rejects.toThrow(
      'the workbook has a defined name "workshop", and Excel keeps tables and names in one list, so the Workshop table cannot be added',
    );
    expect(excel.sheet("Workshop")).toBeNull();
    expect(excel.sheet(BUDGET_SHEET)).toBeNull();
    expect(excel.names()).toEqual([{ name: "workshop", reference: "Notes!B1" }]);
  });

  test("the fake fails as Excel does when a table takes a defined name's name (the check above can fail)", async () => {
    const excel = fakeExcel({ sheets: [{ name: "S" }], names: [{ name: "Rates", reference: "S!A1" }] });
    await expect(
      excel.run(async (ctx) => {
        const t = ctx.workbook.worksheets.getItem("S").tables.add("A1:B2", true);
        t.name = "Rates";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a table named BudgetTotal stops the name BudgetTotal: refused before anything is written", async () => {
    const excel = fakeExcel({ sheets: [tableSheet("BudgetTotal", [["Year"], [2024]], { sheet: "Mine" })] });
    await expect(excel.run((ctx) => buildIn(ctx, { today }))).rejects.toThrow(
      'the table "BudgetTotal" on the Mine sheet is spelled as the name BudgetTotal',
    );
    expect(excel.sheet(BUDGET_SHEET)).toBeNull();
  });

  test("a user table right of the Timeline whose cells there are blank: refused, nothing written", async () => {
    // The Timeline is B2:J10; the user's table L1:M6 has its header in row 1, above ours, and blank rows.
    const plan = tableSheet("Timeline", timeline(), { sheet: "Plan", at: "B2" });
    plan.cells = [[], ...plan.cells];
    plan.at = "B1";
    plan.cells[0] = [null, null, null, null, null, null, null, null, null, null, "Note", "Owner"];
    plan.tables.push({ name: "MyNotes", ref: "L1:M6" });
    const excel = fakeExcel({ sheets: [plan] });
    await expect(excel.run((ctx) => checkTimelineIn(ctx, { today }))).rejects.toThrow(
      'the table "MyNotes" on the Plan sheet stands right of the Timeline table',
    );
    untouched(excel, "Plan");
  });

  test("merged blank cells right of the Timeline: refused where Excel can tell (ExcelApi 1.13), nothing written", async () => {
    const global = globalThis as { Office?: unknown };
    global.Office = { context: { requirements: { isSetSupported: () => true } } };
    try {
      const excel = fakeExcel({
        sheets: [{ ...tableSheet("Timeline", timeline(), { sheet: "Plan", at: "B2" }), merged: ["N4:O5"] }],
      });
      await expect(excel.run((ctx) => checkTimelineIn(ctx, { today }))).rejects.toThrow(
        "cells N4:O5 of the Plan sheet are merged where IEWSC Workbench writes its status columns",
      );
      untouched(excel, "Plan");
      await expect(excel.run((ctx) => checkTimelineIn(ctx, { today }))).rejects.toBeInstanceOf(WouldLoseDataError);
    } finally {
      delete global.Office;
    }
  });

  test("the fake refuses a table over merged cells, as Excel does (so the check above can fail)", async () => {
    const excel = fakeExcel({ sheets: [{ name: "S", merged: ["B2:C2"] }] });
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").tables.add("A1:D3", true);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("going to a cell on a hidden sheet: one sentence instead of Excel's refusal", async () => {
    const excel = fakeExcel({ sheets: [{ ...tableSheet("Roster", goodRoster()), visibility: "Hidden" }] });
    await expect(excel.run((ctx) => goToCell(ctx, { sheet: "Roster", address: "C7" }))).rejects.toThrow(
      "the sheet Roster is hidden, so cell C7 cannot be shown; unhide it",
    );
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Roster").activate();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(excel.world.activeSheet).toBeNull();
  });
});

describe("one action at a time, across the pane and the ribbon", () => {
  function memoryStore() {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  }

  test("a second action while one runs is refused at once; after it, actions run again", async () => {
    const store = memoryStore();
    let finish!: () => void;
    const first = oneAtATime("Build budget & resources", () => new Promise<void>((ok) => (finish = ok)), store);
    await expect(oneAtATime("Check roster", async () => "ran", store)).rejects.toThrow(
      "IEWSC Workbench is still busy with Build budget & resources: wait for it to finish",
    );
    finish();
    await first;
    await expect(oneAtATime("Check roster", async () => "ran", store)).resolves.toBe("ran");
  });

  test("an action running in another page of the add-in (the ribbon's) is seen through the shared store", async () => {
    const store = memoryStore();
    store.setItem("iewsc-workbench:running", JSON.stringify({ what: "Check timeline", at: Date.now() }));
    await expect(oneAtATime("Check roster", async () => 1, store)).rejects.toBeInstanceOf(BusyError);
    // A note left by a page that closed mid-run is stale after five minutes.
    store.setItem("iewsc-workbench:running", JSON.stringify({ what: "Check timeline", at: Date.now() - 6 * 60_000 }));
    await expect(oneAtATime("Check roster", async () => 1, store)).resolves.toBe(1);
  });

  test("a failed action frees the way", async () => {
    const store = memoryStore();
    await expect(
      oneAtATime(
        "Check roster",
        async () => {
          throw new Error("boom");
        },
        store,
      ),
    ).rejects.toThrow("boom");
    await expect(oneAtATime("Check roster", async () => 2, store)).resolves.toBe(2);
  });
});

describe("host errors are mapped by code, with advice", () => {
  const dts = readFileSync(join(__dirname, "../../node_modules/@types/office-js/index.d.ts"), "utf8");
  const excelCodes = (() => {
    const start = dts.indexOf("enum ErrorCodes", dts.indexOf("declare namespace Excel"));
    const body = dts.slice(start, dts.indexOf("}", start));
    return new Set([...body.matchAll(/= "([A-Za-z]+)"/g)].map((m) => m[1]!));
  })();
  /** Raised by Excel on the web for a request over 5 MB, documented with the error codes but not in the enum. */
  const DOCUMENTED_ONLY = ["RequestPayloadSizeLimitExceeded"];

  test("every mapped code is one of Excel.ErrorCodes", () => {
    expect(excelCodes.size).toBeGreaterThan(20);
    expect(Object.keys(HOST_MESSAGES).filter((c) => !excelCodes.has(c) && !DOCUMENTED_ONLY.includes(c))).toEqual([]);
  });

  test.each([
    ["ResponsePayloadSizeLimitExceeded", "can send in one answer"],
    ["RequestPayloadSizeLimitExceeded", "accepts in one request"],
    ["InvalidArgument", "Name Manager"],
    ["ItemNotFound", "Run the action again"],
    ["ItemAlreadyExists", "Name Manager"],
  ])("%s reads as advice", async (code, words) => {
    const runner = async () => {
      throw Object.assign(new Error("host"), { code, debugInfo: { code } });
    };
    await expect(runExcel(async () => 1, { runner })).rejects.toThrow(words);
  });
});
