import {
  type CellValue,
  type Finding,
  type Settings,
  type TableName,
  DEFAULT_SETTINGS,
  checkWorkbook,
  dayOfIso,
} from "../../core";
import { raw } from "./tables";

export const PROGRAM_HEADER = ["Session", "Day", "Start", "End", "Room", "Format", "Title", "Moderator", "Speakers"];
export const INVITEES_HEADER = [
  "Name",
  "Organization",
  "Sector",
  "Level",
  "Region",
  "Gender",
  "Email",
  "Invited As",
  "Invited On",
  "Reply By",
  "Status",
];

type Fields<H extends readonly string[]> = Partial<Record<H[number], CellValue>>;

/** A Program row from named fields; unnamed fields are blank. */
export const session = (f: Fields<typeof PROGRAM_HEADER>): CellValue[] => PROGRAM_HEADER.map((h) => f[h] ?? null);
/** An Invitees row from named fields; unnamed fields are blank. */
export const invitee = (f: Fields<typeof INVITEES_HEADER>): CellValue[] => INVITEES_HEADER.map((h) => f[h] ?? null);

export const D1 = { date: "2024-04-18" };
export const D2 = { date: "2024-04-19" };

/** A two-day workshop from 18 April 2024. */
export const WORKSHOP: CellValue[][] = [
  ["Key", "Value"],
  ["Start", { date: "2024-04-18" }],
  ["Days", 2],
];

/** Six accepted invitees: three women, three men, four from industry, every region but CIS and Arab States. */
export function goodInvitees(): CellValue[][] {
  const p = (Name: string, Gender: string, Sector: string, Region: string, as = "Speaker") =>
    invitee({
      Name,
      Organization: `${Name.split(" ")[1]} Ltd`,
      Sector,
      Region,
      Gender,
      Email: `${Name.split(" ")[0]!.toLowerCase()}@example.com`,
      "Invited As": as,
      "Invited On": { date: "2024-01-15" },
      "Reply By": { date: "2024-02-15" },
      Status: "Accepted",
    });
  return [
    INVITEES_HEADER,
    p("Ada Obi", "Female", "Industry", "Africa"),
    p("Ben Ruiz", "Male", "Industry", "Americas"),
    p("Chen Wei", "Female", "Academia", "Asia-Pacific", "Moderator"),
    p("Dara Singh", "Male", "Industry", "Asia-Pacific", "Panellist"),
    p("Eva Nowak", "Female", "Industry", "Europe", "Panellist"),
    p("Femi Ade", "Male", "Government", "Africa"),
  ];
}

/** A programme that meets every rule: sessions that touch, a mixed panel, a break, two days. */
export function goodProgram(): CellValue[][] {
  return [
    PROGRAM_HEADER,
    session({ Session: "S1", Day: D1, Start: "09:00", End: "09:30", Format: "Opening", Moderator: "Femi Ade" }),
    session({
      Session: "S2",
      Day: D1,
      Start: "09:30",
      End: "10:30",
      Format: "Panel",
      Title: "Standards that industry needs",
      Moderator: "Chen Wei",
      Speakers: "Dara Singh; Eva Nowak",
    }),
    session({ Session: "S3", Day: D1, Start: "10:30", End: "11:00", Format: "Break" }),
    session({ Session: "S4", Day: D2, Start: 0.375, End: 0.40625, Format: "Keynote", Speakers: "Ada Obi" }),
    session({ Session: "S5", Day: D2, Start: "9:45 am", End: "10.30", Room: "Room B", Speakers: "Ben Ruiz" }),
  ];
}

export interface ProgramCase {
  program?: CellValue[][];
  invitees?: CellValue[][];
  workshop?: CellValue[][] | null;
  settings?: CellValue[][];
  asOf?: string;
}

/** Runs the whole check over a programme case (the good tables unless replaced; `workshop: null` leaves it out). */
export function programFindings(c: ProgramCase): Finding[] {
  const tables: Partial<Record<TableName, CellValue[][]>> = {
    Program: c.program ?? goodProgram(),
    Invitees: c.invitees ?? goodInvitees(),
  };
  if (c.workshop !== null) tables.Workshop = c.workshop ?? WORKSHOP;
  if (c.settings) tables.Settings = [["Key", "Value"], ...c.settings];
  const input = Object.fromEntries(Object.entries(tables).map(([n, rows]) => [n, raw(n as TableName, rows!)]));
  return checkWorkbook(
    { tables: input, date1904: false },
    { focus: "program", asOf: dayOfIso(c.asOf ?? "2024-03-01")! },
  ).focused;
}

export const settingsWith = (s: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...s });
