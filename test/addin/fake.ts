import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../core";

// The fake is plain JavaScript so that the browser test can inject the very same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeExcel } = require("../fakes/fake-excel.js") as {
  createFakeExcel: (fixture: Fixture, options?: { wrap?: (data: object) => object }) => FakeExcel;
};

export interface Fixture {
  sheets: { name: string; cells?: CellValue[][]; at?: string; tables?: { name: string; ref: string }[] }[];
  date1904?: boolean;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  world: {
    syncs: number;
    requestBytes: number[];
    selected: { sheet: string; address: string } | null;
    activeSheet: string | null;
  };
  sheet(name: string): {
    name: string;
    frozenRows: number;
    tabColor: string;
    print: {
      orientation: string;
      paperSize: string;
      zoom: unknown;
      titleRows: string;
      header: string;
      footer: string;
      rowBreaks: number[];
    };
  } | null;
  table(
    name: string,
  ): { name: string; style: string; box: { top: number; left: number; bottom: number; right: number } } | null;
  cell(sheet: string, address: string): { value: unknown; formula: string | null; numberFormat: string };
  values(sheet: string, address: string): unknown[][];
  formats(sheet: string): { address: string; formula: string; fill: string; font: string }[];
  names(): { name: string; reference: string }[];
  charts(sheet: string): {
    name: string;
    type: string;
    source: string;
    seriesBy: string;
    title: string;
    axes: { x: string; y: string };
    legend: string;
    at: string;
  }[];
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The fake with plain objects: behaviour only. */
export function fakeExcel(fixture: Fixture): FakeExcel {
  return createFakeExcel(fixture);
}

/**
 * The fake with every object an office-addin-mock `OfficeMockObject`: a property read before it was
 * loaded and synced gives "Error, property was not loaded", as Office.js would throw.
 */
export function mockExcel(fixture: Fixture): FakeExcel {
  return createFakeExcel(fixture, {
    wrap: (data) => new OfficeMockObject(data as never, "excel" as never) as unknown as object,
  });
}

/** A 2-D table as a fixture sheet holding an Excel table over it. */
export function tableSheet(name: string, rows: CellValue[][], options: { sheet?: string; at?: string } = {}) {
  const at = options.at ?? "A1";
  const m = /^([A-Z]+)(\d+)$/.exec(at)!;
  const left = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const letters = (n: number): string =>
    (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const ref = `${at}:${letters(left + rows[0]!.length - 1)}${top + rows.length - 1}`;
  return { name: options.sheet ?? name, cells: rows, at, tables: [{ name, ref }] };
}
