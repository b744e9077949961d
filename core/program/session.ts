import { type CellValue, cellText, foldSpaces, isBlank, matchKey, personKey } from "../cells";
import type { Day } from "../dates/calendar";
import { readDate } from "../dates/read-date";
import { type Minutes, readTime } from "../dates/read-time";
import type { TableView } from "../tables/read-table";
import { type Format, matchFormat } from "../vocab";

/** A cell the programme reads: the text as typed, and what it was read as (`undefined`: blank or unreadable). */
export interface ReadCell<T> {
  text: string;
  blank: boolean;
  value: T | undefined;
}

/** Someone a session names: as its Moderator or as one of its Speakers. */
export interface Named {
  name: string;
  /** Folded for matching (case, accents, white space ignored), as duplicates are found. */
  key: string;
  as: "Moderator" | "Speaker";
}

/** One Program row as the rules see it. */
export interface Session {
  row: number;
  id: string;
  day: ReadCell<Day>;
  start: ReadCell<Minutes>;
  end: ReadCell<Minutes>;
  /** Blank means the plenary room; rooms are compared as `matchKey` folds them. */
  room: string;
  roomKey: string;
  formatText: string;
  /** Blank is `Presentation`; an unreadable value is `undefined` (and reported). */
  format: Format | undefined;
  title: string;
  /** Moderator first, then the speakers in order; a person named twice in a session is named once. */
  people: Named[];
}

/** A session whose day and times were read and whose End is after its Start: it has a place in time. */
export interface TimedSession extends Session {
  day: ReadCell<Day> & { value: Day };
  start: ReadCell<Minutes> & { value: Minutes };
  end: ReadCell<Minutes> & { value: Minutes };
}

export const isTimed = (s: Session): s is TimedSession =>
  s.day.value !== undefined && s.start.value !== undefined && s.end.value !== undefined && s.end.value > s.start.value;

/** The names in a Speakers cell: separated by `;` (or new lines), blanks dropped. */
export function splitNames(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map(foldSpaces)
    .filter((n) => n !== "");
}

function readCell<T>(cell: CellValue | undefined, read: (c: CellValue) => T | undefined): ReadCell<T> {
  const blank = isBlank(cell);
  return { text: cellText(cell), blank, value: blank ? undefined : read(cell ?? null) };
}

const dayOf = (date1904: boolean) => (c: CellValue) => {
  const r = readDate(c, date1904);
  return r.ok ? r.day : undefined;
};
const timeOf = (c: CellValue) => {
  const r = readTime(c);
  return r.ok ? r.minutes : undefined;
};

/**
 * Reads the Program table's rows into sessions (every call reads them again: an action reads them once,
 * with `readProgramRows`, and passes them down).
 *
 * @example readSessions(readTable(rawProgram), false)[0].start.value // 540 (09:00)
 */
export function readSessions(view: TableView, date1904: boolean): Session[] {
  return view.rows.map(({ row, cells }): Session => {
    const room = cellText(cells["Room"]);
    const formatText = cellText(cells["Format"]);
    const people: Named[] = [];
    const seen = new Set<string>();
    const add = (name: string, as: Named["as"]) => {
      const key = personKey(name);
      if (key === "" || seen.has(key)) return;
      seen.add(key);
      people.push({ name, key, as });
    };
    add(cellText(cells["Moderator"]), "Moderator");
    for (const name of splitNames(
      typeof cells["Speakers"] === "string" ? cells["Speakers"] : cellText(cells["Speakers"]),
    ))
      add(name, "Speaker");
    return {
      row,
      id: cellText(cells["Session"]),
      day: readCell(cells["Day"], dayOf(date1904)),
      start: readCell(cells["Start"], timeOf),
      end: readCell(cells["End"], timeOf),
      room,
      roomKey: matchKey(room),
      formatText,
      format: matchFormat(formatText),
      title: cellText(cells["Title"]),
      people,
    };
  });
}
