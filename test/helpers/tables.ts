import {
  type CellValue,
  type CheckResult,
  type Finding,
  type RawTable,
  type Settings,
  type TableName,
  DEFAULT_SETTINGS,
  checkRoster,
  checkWorkbook,
  readTable,
} from "../../core";

/** A table as a test writes it: a header row and data rows, placed with its header at `at` (default A1). */
export function raw(
  name: TableName,
  rows: CellValue[][],
  at: { sheet?: string; row?: number; column?: number; source?: "table" | "sheet" } = {},
): RawTable {
  return {
    name,
    sheet: at.sheet ?? name,
    source: at.source ?? "table",
    origin: { row: at.row ?? 1, column: at.column ?? 1 },
    values: rows,
  };
}

export const ROSTER_HEADER = [
  "Name",
  "Role",
  "Region",
  "Gender",
  "Status",
  "Organization",
  "Country",
  "Email",
  "Justification",
  "Priority",
];

/** A roster row from named fields; unnamed fields are blank. */
export function member(fields: Partial<Record<(typeof ROSTER_HEADER)[number], CellValue>>): CellValue[] {
  return ROSTER_HEADER.map((h) => fields[h] ?? null);
}

/** The leadership every roster needs: RG-IEM Leadership, TSB Director and ITU Counsellor. */
export const LEADERS: CellValue[][] = [
  member({ Name: "Helena Varga", Role: "RG-IEM Leadership", Gender: "Female" }),
  member({ Name: "Kenji Morita", Role: "TSB Director", Gender: "Male" }),
  member({ Name: "Pierre Dubois", Role: "ITU Counsellor", Gender: "Male" }),
];

const REGIONS = ["Africa", "Americas", "Arab States", "Asia-Pacific", "CIS", "Europe"];

/** Two confirmed volunteers per ITU6 region, one woman and one man each, all justified. */
export function volunteers(perRegion = 2): CellValue[][] {
  return REGIONS.flatMap((region) =>
    Array.from({ length: perRegion }, (_, i) =>
      member({
        Name: `${region} Volunteer ${i + 1}`,
        Role: "Regional Volunteer",
        Region: region,
        Gender: i % 2 === 0 ? "Female" : "Male",
        Justification: "Workshop experience",
        Email: `${region.replace(/\W/g, "").toLowerCase()}${i + 1}@example.org`,
      }),
    ),
  );
}

/** A roster that passes every rule: the leaders plus two volunteers per region. */
export function goodRoster(): CellValue[][] {
  return [ROSTER_HEADER, ...LEADERS, ...volunteers()];
}

/** Runs the roster rules over a 2-D roster (header row first, at A1 of sheet Roster). */
export function rosterFindings(rows: CellValue[][], settings: Partial<Settings> = {}): Finding[] {
  return checkRoster(readTable(raw("Roster", rows)), { ...DEFAULT_SETTINGS, ...settings });
}

/** Runs the whole check over a set of 2-D tables. */
export function checkTables(tables: Partial<Record<TableName, CellValue[][]>>, date1904 = false): CheckResult {
  const input = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, raw(name as TableName, rows!)]));
  return checkWorkbook({ tables: input, date1904 });
}

/** Findings as `CODE@row` strings, sorted: easy to read in an expectation. */
export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.row ?? "-"}`).sort();
}
