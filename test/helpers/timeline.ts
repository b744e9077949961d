import {
  type CellValue,
  type Finding,
  type Settings,
  DEFAULT_SETTINGS,
  checkTimeline,
  dayOfIso,
  readTable,
} from "../../core";
import { raw } from "./tables";

export const TIMELINE_HEADER = [
  "ID",
  "Calendar",
  "Milestone",
  "Opportunity",
  "Kind",
  "Forecast",
  "Actual",
  "Depends On",
  "Fixed",
] as const;
type Field = (typeof TIMELINE_HEADER)[number];

/** A Timeline row from named fields; unnamed fields are blank. */
export function milestone(fields: Partial<Record<Field, CellValue>>): CellValue[] {
  return TIMELINE_HEADER.map((h) => fields[h] ?? null);
}

/** A date cell, as ExcelJS and Office.js hand one over. */
export const on = (iso: string): CellValue => ({ date: iso });

/** The Terms of Reference's timeline as planned (table 2), with the kinds and dependencies of the sample. */
export function torTimeline(): CellValue[][] {
  return [
    [...TIMELINE_HEADER],
    milestone({
      ID: "TL01",
      Calendar: "30th of May 2023",
      Milestone: "TSAG approves the committee",
      Kind: "Meeting",
      Fixed: "Yes",
    }),
    milestone({
      ID: "TL02",
      Calendar: "June 2023",
      Milestone: "First committee meetings",
      Kind: "Meeting",
      "Depends On": "TL01",
    }),
    milestone({
      ID: "TL03",
      Calendar: "October 2023",
      Milestone: "WP2 progress report",
      Kind: "Review",
      "Depends On": "TL02",
    }),
    milestone({
      ID: "TL04",
      Calendar: "January 2024 TBC",
      Milestone: "TSAG reviews progress",
      Kind: "Review",
      "Depends On": "TL03",
      Fixed: "Yes",
    }),
    milestone({
      ID: "TL05",
      Calendar: "Spring 2024 TBD",
      Milestone: "The workshop",
      Kind: "Workshop",
      "Depends On": "TL04",
    }),
    milestone({
      ID: "TL06",
      Calendar: "Summer 2024 TBD",
      Milestone: "Report issued, committee dismantled",
      Kind: "Report",
      "Depends On": "TL05",
    }),
    milestone({
      ID: "TL07",
      Calendar: "Summer 2024 TBD",
      Milestone: "WP2 or TSAG reviews the report",
      Kind: "Review",
      "Depends On": "TL06",
    }),
    milestone({
      ID: "TL08",
      Calendar: "Fall 2024",
      Milestone: "WTSA-24",
      Kind: "Meeting",
      "Depends On": "TL07",
      Fixed: "Yes",
    }),
  ];
}

/** Sets fields of the row with an ID. */
export function edit(rows: CellValue[][], id: string, fields: Partial<Record<Field, CellValue>>): CellValue[][] {
  return rows.map((r) => (r[0] === id ? TIMELINE_HEADER.map((h, i) => (h in fields ? fields[h]! : r[i]!)) : r));
}

export interface TimelineCase {
  timeline: CellValue[][];
  meetings?: CellValue[][];
  blackouts?: CellValue[][];
  asOf?: string;
  settings?: Partial<Settings>;
  date1904?: boolean;
}

/** Runs the timeline rules over 2-D tables (header first, at A1). */
export function timelineFindings(c: TimelineCase): Finding[] {
  return checkTimeline(
    {
      timeline: readTable(raw("Timeline", c.timeline)),
      meetings: c.meetings ? readTable(raw("Meetings", c.meetings)) : undefined,
      blackouts: c.blackouts ? readTable(raw("Blackouts", c.blackouts)) : undefined,
    },
    { ...DEFAULT_SETTINGS, ...c.settings },
    c.asOf === undefined ? undefined : dayOfIso(c.asOf),
    c.date1904 ?? false,
  );
}
