import { a1 } from "../a1";
import { type Day, longDate } from "../dates/calendar";
import { clock } from "../dates/read-time";
import { readWorkshop } from "../budget/workshop";
import { type Invitee, inviteesByKey } from "../program/invitee";
import { type ProgramRows, readProgramRows } from "../program/program-rows";
import { type Named, type Session, isTimed } from "../program/session";
import { activeSpeakers } from "../program/speakers";
import { industryShare, speakerGenders, speakerRegions } from "../program/summary";
import type { Settings } from "../settings";
import type { TableName } from "../tables/contract";
import type { TableView } from "../tables/read-table";
import { regionsOf } from "../vocab";
import { ITU_REFERENCE_SHARE } from "./balance-sheet";
import { GENERATED, generatedNote } from "./generated";
import { type PlanBlock, type PlanValue, RAG, type SheetPlan, emptySheet, printSetup } from "./sheet-plan";

export const AGENDA_SHEET = GENERATED.agenda.sheet;
/** The programme's columns, left to right. */
export const AGENDA_COLUMNS = ["Time", "Format", "Session", "Title", "Moderator", "Speakers"] as const;
/** How a speaker who has not accepted is marked. */
export const UNCONFIRMED_MARK = " [to confirm]";
export const DECLINED_MARK = " [declined]";
/** The balance panel's first column (H), one empty column after the programme. */
const PANEL = AGENDA_COLUMNS.length + 2;
const FIRST_ROW = 5;
const PCT = "0%";
/** Widths in characters: the programme and the panel fit an A4 landscape page at `PRINT_SCALE` %. */
const WIDTHS = [12, 11, 9, 30, 22, 40, 2, 22, 6, 6];
const PRINT_SCALE = 65;
/** Points per line of wrapped 11-point text. */
const LINE_HEIGHT = 15;
const WEEKDAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" });

/** The speakers' balance at a glance, as the Agenda's panel shows it (and the reports may). */
export interface AgendaBalance {
  speakers: number;
  female: number;
  male: number;
  other: number;
  /** Shares of women and of men among stated genders (`null` when none is stated). */
  womenShare: number | null;
  menShare: number | null;
  industry: number;
  withSector: number;
  /** Share of speakers with a Sector who come from industry (`null` without any Sector). */
  industryShare: number | null;
  /** Regions of the model in force with at least one speaker, and how many speakers each. */
  regions: { region: string; speakers: number }[];
  /** Speakers (named, not declined) whose Status is To invite or Invited. */
  unconfirmed: number;
}

/** What the Agenda is built from, as the check entry point reads it. */
export interface AgendaInput {
  views: Partial<Record<TableName, TableView>>;
  settings: Settings;
  date1904: boolean;
  /** The day the sheet is generated (said in A2). */
  generatedOn?: Day;
  /** The Program and Invitees rows, when the caller has read them already (else they are read here). */
  rows?: ProgramRows;
}

/** The balance figures of a programme (exported for the reports). */
export function agendaBalance(
  sessions: readonly Session[],
  invitees: readonly Invitee[],
  settings: Settings,
): AgendaBalance {
  const list = { list: invitees, byKey: inviteesByKey(invitees), sheet: "" };
  const speakers = activeSpeakers(sessions, list);
  const g = speakerGenders(speakers);
  const stated = g.female + g.male + g.other;
  const ind = industryShare(speakers);
  return {
    speakers: speakers.length,
    female: g.female,
    male: g.male,
    other: g.other,
    womenShare: stated ? g.female / stated : null,
    menShare: stated ? g.male / stated : null,
    industry: ind.industry,
    withSector: ind.withSector,
    industryShare: ind.withSector ? ind.share : null,
    regions: [...speakerRegions(speakers, regionsOf(settings.regionModel))]
      .filter(([, n]) => n > 0)
      .map(([region, n]) => ({ region, speakers: n })),
    unconfirmed: speakers.filter((i) => i.status === "To invite" || i.status === "Invited").length,
  };
}

/**
 * The generated `Agenda` sheet: the programme by day and time (each session's time, format, ID, title,
 * moderator and speakers with their organizations; speakers who have not accepted marked `[to confirm]`),
 * and beside it the speakers' balance at a glance — women and men, the industry share, the regions
 * represented — in red, amber and green. Laid out for A4 landscape, one day per printed page where it fits
 * (a page break above each day after the first). Sessions whose day or times cannot be read come last.
 *
 * @example agendaSheet({ views, settings, date1904: false }).blocks[0].values // [["Agenda — First ITU-T …"]]
 */
export function agendaSheet(input: AgendaInput): SheetPlan {
  const { views, settings, date1904 } = input;
  const program = views.Program;
  if (!program) throw new Error("agendaSheet needs the Program table read");
  const rows = input.rows ?? readProgramRows({ program, invitees: views.Invitees }, settings, date1904);
  const sessions = rows.sessions ?? [];
  const invitees = rows.invitees ?? [];
  const byKey = inviteesByKey(invitees);
  const workshop = views.Workshop ? readWorkshop(views.Workshop, date1904) : undefined;
  const plan = emptySheet(AGENDA_SHEET);

  const timed = sessions
    .filter(isTimed)
    .sort(
      (a, b) =>
        a.day.value - b.day.value ||
        a.start.value - b.start.value ||
        a.roomKey.localeCompare(b.roomKey) ||
        a.row - b.row,
    );
  const days = [...new Set(timed.map((s) => s.day.value))];
  const title = workshop?.title || "the workshop";
  const span =
    days.length === 0
      ? "no scheduled sessions yet"
      : days.length === 1
        ? longDate(days[0]!)
        : `${longDate(days[0]!)} – ${longDate(days.at(-1)!)}`;
  plan.blocks.push(
    { ref: "A1", values: [[`Agenda — ${title}`]], style: "title" },
    generatedNote(
      `${input.generatedOn === undefined ? "" : `on ${longDate(input.generatedOn)} `}from ${program.sheet}${views.Invitees ? ` and ${views.Invitees.sheet}` : ""}; ` +
        `${UNCONFIRMED_MARK.trim()}: not accepted yet. Build again to refresh (anything typed here is replaced).`,
    ),
    {
      ref: "A3",
      values: [
        [
          [span, workshop?.venue || undefined, `${timed.length} session${timed.length === 1 ? "" : "s"}`]
            .filter(Boolean)
            .join(" · "),
        ],
      ],
      style: "subtitle",
    },
  );
  if (views.Invitees) {
    const min = settings.minGenderShare;
    plan.blocks.push({
      ref: "A4",
      values: [
        [
          `Right: the speakers at a glance. Green: women and men each ≥ ${pct(min)} (amber from ${pct(Math.min(ITU_REFERENCE_SHARE, min))}), ` +
            `industry ≥ ${pct(settings.minIndustrySpeakerShare)} (amber within 10 points), every region.`,
        ],
      ],
      style: "note",
    });
  }

  const person = (p: Named): string => {
    const i = byKey.get(p.key);
    const org = i?.organization ? ` (${i.organization})` : "";
    const mark =
      i?.status === "Declined"
        ? DECLINED_MARK
        : i && (i.status === "To invite" || i.status === "Invited")
          ? UNCONFIRMED_MARK
          : "";
    return `${p.name}${org}${mark}`;
  };
  const line = (s: Session): PlanValue[] => [
    isTimed(s) ? `${clock(s.start.value)}–${clock(s.end.value)}${s.room ? ` ${s.room}` : ""}` : s.start.text || "",
    s.format ?? s.formatText,
    s.id,
    s.title,
    s.people
      .filter((p) => p.as === "Moderator")
      .map(person)
      .join("; "),
    s.people
      .filter((p) => p.as === "Speaker")
      .map(person)
      .join("; "),
  ];

  let row = FIRST_ROW;
  const rowBreaks: number[] = [];
  const heights: { row: number; height: number }[] = [];
  const sessionRows: { from: number; to: number }[] = [];
  const group = (heading: string, list: readonly Session[], first: boolean) => {
    if (!first) {
      row++; // one empty row between days on screen
      rowBreaks.push(row);
    }
    plan.blocks.push(
      { ref: a1(row, 1), values: [[heading]], style: "subtitle" },
      { ref: a1(row + 1, 1), values: [[...AGENDA_COLUMNS]], style: "label" },
    );
    const body = list.map(line);
    plan.blocks.push({ ref: a1(row + 2, 1), values: body, numFmt: "@", wrap: true });
    body.forEach((r, i) => {
      // As many lines as the longest wrapped cell needs (a character of Calibri 11 is about one width unit).
      const lines = Math.max(1, ...r.map((v, j) => Math.ceil(String(v ?? "").length / (WIDTHS[j]! - 1))));
      if (lines > 1) heights.push({ row: row + 2 + i, height: lines * LINE_HEIGHT });
    });
    sessionRows.push({ from: row + 2, to: row + 1 + body.length });
    row += 2 + body.length;
  };
  days.forEach((d, i) => {
    group(
      `${WEEKDAY.format(new Date(d * 86_400_000))} ${longDate(d)}`,
      timed.filter((s) => s.day.value === d),
      i === 0,
    );
  });
  const unscheduled = sessions.filter((s) => !isTimed(s));
  if (unscheduled.length) group("Not scheduled: day or times missing or unreadable", unscheduled, days.length === 0);

  // Marked speakers in amber, so that what is still open stands out on screen and on paper.
  for (const { from, to } of sessionRows) {
    if (to < from) continue;
    plan.conditionalFormats.push({
      ref: a1(from, 5, to, 6),
      formula: `ISNUMBER(SEARCH("${UNCONFIRMED_MARK.trim()}",E${from}))`,
      fill: RAG.amber.fill,
      font: RAG.amber.font,
    });
    plan.conditionalFormats.push({
      ref: a1(from, 5, to, 6),
      formula: `ISNUMBER(SEARCH("${DECLINED_MARK.trim()}",E${from}))`,
      fill: RAG.red.fill,
      font: RAG.red.font,
    });
  }

  if (views.Invitees) panel(plan, agendaBalance(sessions, invitees, settings), settings);

  plan.columns = WIDTHS.map((width, i) => ({ column: i + 1, width }));
  if (heights.length) plan.rowHeights = heights;
  plan.freezeBelowRow = FIRST_ROW;
  plan.tabColor = RAG.blue.font;
  // A fixed scale rather than one page wide: Excel ignores manual page breaks on a sheet fitted to pages.
  plan.print = {
    ...printSetup({ title: `Agenda — ${title}`, orientation: "landscape" }),
    scale: PRINT_SCALE,
    ...(rowBreaks.length ? { rowBreaks } : {}),
  };
  return plan;
}

/** The balance panel beside the programme: figures, with red/amber/green drawn by conditional formats. */
function panel(plan: SheetPlan, b: AgendaBalance, settings: Settings): void {
  const col = (i: number) => PANEL + i;
  const top = FIRST_ROW;
  const regions = regionsOf(settings.regionModel);
  const rows: PlanValue[][] = [
    ["Speakers (not declined)", b.speakers, null],
    ["Women", b.female, b.womenShare],
    ["Men", b.male, b.menShare],
    ["From industry", b.industry, b.industryShare],
    ["Regions represented", b.regions.length, regions.length ? b.regions.length / regions.length : null],
    ["Not yet confirmed", b.unconfirmed, null],
  ];
  const blocks: PlanBlock[] = [
    { ref: a1(top, col(0)), values: [["Speakers at a glance"]], style: "subtitle" },
    { ref: a1(top + 1, col(0)), values: [["", "Count", "Share"]], style: "label" },
    { ref: a1(top + 2, col(0)), values: rows.map((r) => [r[0]!]), style: "label" },
    { ref: a1(top + 2, col(1)), values: rows.map((r) => [r[1]!]), numFmt: "0" },
    { ref: a1(top + 2, col(2)), values: rows.map((r) => [r[2]!]), numFmt: PCT },
  ];
  const missing = regions.filter((r) => !b.regions.some((x) => x.region === r));
  blocks.push({
    ref: a1(top + 2 + rows.length, col(0)),
    values: [[missing.length ? `No speaker from ${missing.join(", ")}` : "Every region speaks"]],
    style: "note",
  });
  plan.blocks.push(...blocks);
  const share = (r: number) => `${a1(r, col(2))}`;
  const rag = (r: number, green: number, amber: number) => {
    const ref = a1(r, col(0), r, col(2));
    const s = `$${share(r).replace(/(\d+)$/, "$$$1")}`;
    plan.conditionalFormats.push(
      { ref, formula: `AND(ISNUMBER(${s}),${s}>=${green})`, fill: RAG.green.fill, font: RAG.green.font, bold: true },
      {
        ref,
        formula: `AND(ISNUMBER(${s}),${s}>=${amber},${s}<${green})`,
        fill: RAG.amber.fill,
        font: RAG.amber.font,
        bold: true,
      },
      { ref, formula: `AND(ISNUMBER(${s}),${s}<${amber})`, fill: RAG.red.fill, font: RAG.red.font, bold: true },
    );
  };
  const min = settings.minGenderShare;
  const amberGender = Math.min(ITU_REFERENCE_SHARE, min);
  rag(top + 3, min, amberGender);
  rag(top + 4, min, amberGender);
  rag(top + 5, settings.minIndustrySpeakerShare, Math.max(0, settings.minIndustrySpeakerShare - 0.1));
  rag(top + 6, 1, 0.5);
  const open = a1(top + 7, col(1));
  plan.conditionalFormats.push(
    {
      ref: a1(top + 7, col(0), top + 7, col(1)),
      formula: `$${open.replace(/(\d+)$/, "$$$1")}>0`,
      fill: RAG.amber.fill,
      font: RAG.amber.font,
      bold: true,
    },
    {
      ref: a1(top + 7, col(0), top + 7, col(1)),
      formula: `$${open.replace(/(\d+)$/, "$$$1")}=0`,
      fill: RAG.green.fill,
      font: RAG.green.font,
    },
  );
}

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
