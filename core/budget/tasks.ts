import { type CellValue, cellText } from "../cells";
import { type Day, addMonths, isoOf } from "../dates/calendar";
import { readDate } from "../dates/read-date";
import type { PlanValue } from "../plans/sheet-plan";
import type { TableView } from "../tables/read-table";

/**
 * The default project plan in the six phases of Recommendation ITU-T A.31, back-scheduled from the
 * workshop's first day with TSB's documented lead times (labelled "TSB practice"; editable once written).
 * `due` and `start` say where each task sits relative to the workshop's first day `W`.
 */
interface LeadTime {
  phase: string;
  task: string;
  role: string;
  effort: number;
  due: (w: Day, days: number) => Day;
  /** Calendar days the task runs up to its due day (inclusive of both). */
  span: number;
}

const months = (w: Day, n: number) => addMonths(w, n);

const LEAD_TIMES: readonly LeadTime[] = [
  {
    phase: "Design",
    task: "Agree date, duration, place, participation, target audience and agenda",
    role: "RG-IEM Leadership",
    effort: 6,
    due: (w) => months(w, -7),
    span: 60,
  },
  {
    phase: "Resources",
    task: "Budget and ITU staff needed",
    role: "ITU Counsellor",
    effort: 4,
    due: (w) => months(w, -6),
    span: 30,
  },
  {
    phase: "Communication",
    task: "Convening letter and announcement (TSB practice: about 5½ months before)",
    role: "TSB secretariat",
    effort: 3,
    due: (w) => months(w, -5) - 15,
    span: 14,
  },
  {
    phase: "Invitations",
    task: "Identify and contact C-level speakers and participants",
    role: "Regional Volunteer",
    effort: 12,
    due: (w) => months(w, -2),
    span: 90,
  },
  {
    phase: "Resources",
    task: "Requests for captioning and sign language (TSB practice: 2 months before)",
    role: "TSB secretariat",
    effort: 1,
    due: (w) => months(w, -2),
    span: 14,
  },
  {
    phase: "Resources",
    task: "Fellowship and interpretation requests (TSB practice: 6 weeks before)",
    role: "TSB secretariat",
    effort: 2,
    due: (w) => w - 42,
    span: 14,
  },
  {
    phase: "Communication",
    task: "Programme, logistics, web page and social networks",
    role: "Regional Volunteer",
    effort: 10,
    due: (w) => months(w, -1),
    span: 90,
  },
  {
    phase: "Invitations",
    task: "Pre-registration and visa-support letters (TSB practice: 1 month before)",
    role: "TSB secretariat",
    effort: 3,
    due: (w) => months(w, -1),
    span: 21,
  },
  {
    phase: "Communication",
    task: "Contributions due (TSB practice: 12 calendar days before)",
    role: "TSB secretariat",
    effort: 1,
    due: (w) => w - 12,
    span: 7,
  },
  {
    phase: "Communication",
    task: "Announce the committee's last call before the workshop (TSB practice: electronic meetings 2 weeks ahead)",
    role: "ITU Counsellor",
    effort: 0.5,
    due: (w) => w - 14,
    span: 3,
  },
  {
    phase: "Workshop",
    task: "Run the workshop",
    role: "RG-IEM Leadership",
    effort: 4,
    due: (w, days) => w + Math.max(1, days) - 1,
    span: 0,
  },
  {
    phase: "Post-workshop",
    task: "Communications, pictures and report to WP2/TSAG",
    role: "Regional Volunteer",
    effort: 6,
    due: (w, days) => months(w + Math.max(1, days) - 1, 2),
    span: 0,
  },
];

export interface PlannedTask {
  id: string;
  phase: string;
  task: string;
  role: string;
  start: Day;
  due: Day;
  effort: number;
}

/**
 * The default tasks for a workshop starting on `start` and lasting `days`.
 *
 * @example defaultTasks(dayOfIso("2024-04-19")!, 1)[0] // { id: "T01", phase: "Design", due: <2023-09-19>, … }
 */
export function defaultTasks(start: Day, days: number): PlannedTask[] {
  const last = start + Math.max(1, days) - 1;
  return LEAD_TIMES.map((l, i) => {
    const due = l.due(start, days);
    // The workshop runs over its own days; the post-workshop phase starts the day after it.
    const from = l.phase === "Workshop" ? start : l.phase === "Post-workshop" ? last + 1 : due - l.span;
    return {
      id: `T${String(i + 1).padStart(2, "0")}`,
      phase: l.phase,
      task: l.task,
      role: l.role,
      start: from,
      due,
      effort: l.effort,
    };
  });
}

/** The default tasks as rows of the contract's Tasks table (ID, Phase, Task, Owner, Role, Start, Due, Effort, Status). */
export function defaultTaskRows(start: Day, days: number): PlanValue[][] {
  return defaultTasks(start, days).map((t) => [
    t.id,
    t.phase,
    t.task,
    null,
    t.role,
    { date: isoOf(t.start) },
    { date: isoOf(t.due) },
    t.effort,
    "Open",
  ]);
}

/** One task as the resources sheet reads it. */
export interface TaskRow {
  row: number;
  id: string;
  task: string;
  owner: string;
  role: string;
  start: Day | undefined;
  due: Day | undefined;
  /** Person-days; 0 when blank or not a number (as SUM and SUMPRODUCT read them). */
  effort: number;
  done: boolean;
  statusText: string;
}

/** A cell as the formulas see it: a duration is the number it stores. */
const asNumber = (v: CellValue | undefined): CellValue =>
  v !== null && typeof v === "object" && "duration" in v ? v.duration : (v ?? null);

export function readTasks(view: TableView, date1904: boolean): TaskRow[] {
  return view.rows.map(({ row, cells }) => {
    // A duration (`[h]:mm`) is a number to the Resources formulas (ISNUMBER, SUMPRODUCT): in Start or Due
    // the day its number is (TASK_INVALID_VALUE says it is no date), in Effort its days. So it is here.
    const start = readDate(asNumber(cells["Start"]), date1904);
    const due = readDate(asNumber(cells["Due"]), date1904);
    const e = asNumber(cells["Effort"]);
    const effort = typeof e === "number" ? e : 0;
    const statusText = cellText(cells["Status"]);
    return {
      row,
      id: cellText(cells["ID"]),
      task: cellText(cells["Task"]),
      owner: cellText(cells["Owner"]),
      // As the Resources formulas compare it (`=`): spaces are not folded, so both count the same tasks.
      role: typeof cells["Role"] === "string" ? cells["Role"] : cellText(cells["Role"]),
      start: start.ok ? start.day : undefined,
      due: due.ok ? due.day : undefined,
      effort,
      done: /^done$/i.test(statusText.trim()),
      statusText,
    };
  });
}
