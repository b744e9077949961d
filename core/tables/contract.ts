/**
 * The tables of the workbook contract (`spec/workbook.md`): their names, their columns, which are
 * required, and what each column holds. The readers, the template and the generated sheets all
 * take their headers from here.
 */
import {
  FORMATS,
  GENDERS,
  INVITED_AS,
  INVITE_STATUSES,
  ITU6_REGIONS,
  KINDS,
  PHASES,
  ROLES,
  SECTORS,
  STATUSES,
  TASK_STATUSES,
} from "../vocab";

export type ColumnKind = "text" | "enum" | "number" | "date" | "time" | "plan-date" | "yesno" | "email";

export interface ColumnSpec {
  /** The header as the contract writes it. */
  header: string;
  /** Other headers people use for the same column. */
  aliases?: readonly string[];
  /** `true`: the table is unusable without it. `"volunteers"`: required when any row is a Regional Volunteer. */
  required?: boolean | "volunteers";
  kind: ColumnKind;
  /** The values offered in a dropdown (template) for enumerated columns. */
  values?: readonly string[];
  /** Width in characters in the template. */
  width?: number;
}

export interface TableSpec {
  name: TableName;
  columns: readonly ColumnSpec[];
  /** Key/Value tables (Settings, Workshop) are read as a dictionary. */
  keyValue?: boolean;
}

export type TableName =
  | "Settings"
  | "Roster"
  | "Timeline"
  | "Meetings"
  | "Blackouts"
  | "Workshop"
  | "Rates"
  | "Tasks"
  | "Program"
  | "Invitees";

const keyValue = (name: TableName): TableSpec => ({
  name,
  keyValue: true,
  columns: [
    { header: "Key", required: true, kind: "text", width: 26 },
    { header: "Value", required: true, kind: "text", width: 36 },
  ],
});

export const CONTRACT: Record<TableName, TableSpec> = {
  Settings: keyValue("Settings"),
  Roster: {
    name: "Roster",
    columns: [
      { header: "Name", required: true, kind: "text", width: 28 },
      { header: "Role", required: true, kind: "enum", values: ROLES, width: 24 },
      { header: "Region", required: "volunteers", kind: "enum", values: ITU6_REGIONS, width: 16 },
      { header: "Gender", required: true, kind: "enum", values: GENDERS, width: 12 },
      { header: "Status", kind: "enum", values: STATUSES, width: 12 },
      { header: "Organization", aliases: ["Organisation"], kind: "text", width: 28 },
      { header: "Country", kind: "text", width: 16 },
      { header: "Email", aliases: ["E-mail", "Email address", "E-mail address"], kind: "email", width: 30 },
      { header: "Justification", required: "volunteers", kind: "text", width: 48 },
      { header: "Priority", kind: "number", width: 10 },
    ],
  },
  Timeline: {
    name: "Timeline",
    columns: [
      { header: "ID", required: true, kind: "text", width: 8 },
      { header: "Calendar", required: true, kind: "plan-date", width: 20 },
      { header: "Milestone", kind: "text", width: 48 },
      { header: "Opportunity", kind: "text", width: 22 },
      { header: "Kind", kind: "enum", values: KINDS, width: 12 },
      { header: "Forecast", kind: "plan-date", width: 18 },
      { header: "Actual", kind: "plan-date", width: 18 },
      { header: "Depends On", kind: "text", width: 14 },
      { header: "Fixed", kind: "yesno", values: ["Yes", "No"], width: 8 },
    ],
  },
  Meetings: {
    name: "Meetings",
    columns: [
      { header: "Body", required: true, kind: "text", width: 10 },
      { header: "Start", required: true, kind: "date", width: 18 },
      { header: "End", kind: "date", width: 18 },
      { header: "Place", kind: "text", width: 24 },
    ],
  },
  Blackouts: {
    name: "Blackouts",
    columns: [
      { header: "Name", required: true, kind: "text", width: 28 },
      { header: "From", required: true, kind: "text", width: 12 },
      { header: "To", required: true, kind: "text", width: 12 },
    ],
  },
  Workshop: keyValue("Workshop"),
  Rates: {
    name: "Rates",
    columns: [
      { header: "Item", required: true, kind: "text", width: 24 },
      { header: "Unit", kind: "text", width: 26 },
      { header: "Rate", required: true, kind: "number", width: 12 },
    ],
  },
  Tasks: {
    name: "Tasks",
    columns: [
      { header: "ID", required: true, kind: "text", width: 8 },
      { header: "Phase", kind: "enum", values: PHASES, width: 14 },
      { header: "Task", required: true, kind: "text", width: 44 },
      { header: "Owner", kind: "text", width: 22 },
      { header: "Role", kind: "text", width: 20 },
      { header: "Start", kind: "date", width: 18 },
      { header: "Due", kind: "date", width: 18 },
      { header: "Effort", kind: "number", width: 9 },
      { header: "Status", kind: "enum", values: TASK_STATUSES, width: 10 },
    ],
  },
  Program: {
    name: "Program",
    columns: [
      { header: "Session", required: true, kind: "text", width: 9 },
      { header: "Day", required: true, kind: "date", width: 16 },
      { header: "Start", required: true, kind: "time", width: 8 },
      { header: "End", required: true, kind: "time", width: 8 },
      { header: "Room", kind: "text", width: 14 },
      { header: "Format", kind: "enum", values: FORMATS, width: 14 },
      { header: "Title", kind: "text", width: 44 },
      { header: "Moderator", kind: "text", width: 22 },
      { header: "Speakers", kind: "text", width: 48 },
    ],
  },
  Invitees: {
    name: "Invitees",
    columns: [
      { header: "Name", required: true, kind: "text", width: 24 },
      { header: "Organization", aliases: ["Organisation"], kind: "text", width: 28 },
      { header: "Sector", kind: "enum", values: SECTORS, width: 12 },
      { header: "Level", kind: "text", width: 12 },
      { header: "Region", kind: "enum", values: ITU6_REGIONS, width: 14 },
      { header: "Gender", required: true, kind: "enum", values: GENDERS, width: 11 },
      { header: "Email", aliases: ["E-mail", "Email address", "E-mail address"], kind: "email", width: 30 },
      { header: "Invited As", kind: "enum", values: INVITED_AS, width: 12 },
      { header: "Invited On", kind: "date", width: 15 },
      { header: "Reply By", kind: "date", width: 15 },
      { header: "Status", kind: "enum", values: INVITE_STATUSES, width: 11 },
    ],
  },
};

/** All table names in the contract's order. */
export const TABLE_NAMES = Object.keys(CONTRACT) as TableName[];
