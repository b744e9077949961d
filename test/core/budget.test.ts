import {
  type CellValue,
  DEFAULT_SETTINGS,
  checkTasks,
  computeBudget,
  computeResources,
  dayOfIso,
  defaultTasks,
  isoOf,
  messageOf,
  readTable,
  readTasks,
  readWorkshop,
} from "../../core";
import { raw } from "../helpers/tables";

const day = (iso: string) => dayOfIso(iso)!;
const workshop = (extra: Record<string, CellValue> = {}) => {
  const base: Record<string, CellValue> = {
    Title: "Workshop",
    Start: { date: "2024-04-19" },
    Days: 2,
    Venue: "Geneva",
    InPersonParticipants: 100,
    RemoteParticipants: 200,
    InterpretationLanguages: "English, French",
    Captioning: "Yes",
    Webcast: "no",
    FullFellowships: 4,
    PartialFellowships: 8,
    StaffMissions: 1,
    ContingencyPercent: 10,
    Currency: "CHF",
    ...extra,
  };
  return readWorkshop(
    readTable(raw("Workshop", [["Key", "Value"], ...Object.entries(base).map(([k, v]) => [k, v])])),
    false,
  );
};
const rates = (rows: CellValue[][]) => readTable(raw("Rates", [["Item", "Unit", "Rate"], ...rows]));
const RATES: CellValue[][] = [
  ["Interpretation", "per language per day", 2500],
  ["Captioning", "per day", 1200],
  ["Webcast", "per day", 800],
  ["Venue", "per day", 1500],
  ["Catering", "per participant per day", 35],
  ["Full fellowship", "each", 3500],
  ["Partial fellowship", "each", 1500],
  ["Staff mission", "each", 4000],
  ["Printing and badges", "per participant", 12],
  ["Photographer", "lump sum", 900],
];

describe("the budget: one line per rate item, quantity by its driver", () => {
  test("each driver, as the contract's table gives it", () => {
    const b = computeBudget(workshop(), rates(RATES));
    expect(b.lines.map((l) => [l.item, l.quantity, l.amount])).toEqual([
      ["Interpretation", 4, 10_000],
      ["Captioning", 2, 2_400],
      ["Webcast", 0, 0],
      ["Venue", 2, 3_000],
      ["Catering", 200, 7_000],
      ["Full fellowship", 4, 14_000],
      ["Partial fellowship", 8, 12_000],
      ["Staff mission", 1, 4_000],
      ["Printing and badges", 100, 1_200],
      ["Photographer", 1, 900],
    ]);
    expect(b.linesTotal).toBe(54_500);
    expect(b.contingency).toBeCloseTo(5_450);
    expect(b.total).toBeCloseTo(59_950);
    expect(b.subtotals).toEqual({
      "Languages and access": 12_400,
      "Venue and logistics": 11_200,
      Fellowships: 26_000,
      "ITU staff": 4_000,
      Other: 900,
    });
    expect(b.host).toBe(0);
  });

  test.each<[string, Record<string, CellValue>, number]>([
    ["no interpretation", { InterpretationLanguages: "" }, 44_500 * 1.1],
    [
      "all six languages",
      { InterpretationLanguages: "Arabic, Chinese, English, French, Russian, Spanish" },
      (54_500 + 20_000) * 1.1,
    ],
    ["no contingency", { ContingencyPercent: null }, 54_500],
    ["a webcast", { Webcast: "Y" }, (54_500 + 1_600) * 1.1],
  ])("%s", (_, extra, total) => {
    expect(computeBudget(workshop(extra), rates(RATES)).total).toBeCloseTo(total);
  });

  test("a host city covers the rooms and the webcast", () => {
    const b = computeBudget(workshop({ Venue: "New Delhi", Webcast: "yes" }), rates(RATES));
    expect(b.lines.filter((l) => l.paidBy === "Host").map((l) => l.item)).toEqual(["Webcast", "Venue"]);
    expect(b.host).toBe(1_600 + 3_000);
  });

  test("items match case-insensitively; a rate that is not a number counts 0", () => {
    const b = computeBudget(
      workshop(),
      rates([
        ["  interpretation ", "", 100],
        ["Venue", "", "lots"],
      ]),
    );
    expect(b.lines.map((l) => [l.quantity, l.amount])).toEqual([
      [4, 400],
      [2, 0],
    ]);
  });
});

describe("the default plan, back-scheduled from the workshop's first day (TSB practice)", () => {
  test.each(["2024-04-19", "2024-01-15", "2025-03-03", "2024-03-31"])(
    "workshop on %s: each task where the lead-time table puts it",
    (start) => {
      const w = day(start);
      const tasks = defaultTasks(w, 1);
      const by = (text: string) => tasks.find((t) => t.task.includes(text))!;
      expect(tasks.map((t) => t.phase)).toEqual([
        "Design",
        "Resources",
        "Communication",
        "Invitations",
        "Resources",
        "Resources",
        "Communication",
        "Invitations",
        "Communication",
        "Communication",
        "Workshop",
        "Post-workshop",
      ]);
      const { year, month, dayOfMonth } = {
        year: +start.slice(0, 4),
        month: +start.slice(5, 7),
        dayOfMonth: +start.slice(8, 10),
      };
      const monthsBefore = (n: number) => {
        const index = year * 12 + month - 1 - n;
        const y = Math.floor(index / 12);
        const m = (index % 12) + 1;
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(dayOfMonth, last)).padStart(2, "0")}`;
      };
      expect(isoOf(by("Convening letter").due)).toBe(isoOf(day(monthsBefore(5)) - 15)); // about 5½ months
      expect(isoOf(by("captioning and sign language").due)).toBe(monthsBefore(2));
      expect(isoOf(by("Fellowship and interpretation").due)).toBe(isoOf(w - 42)); // 6 weeks
      expect(isoOf(by("visa-support").due)).toBe(monthsBefore(1));
      expect(isoOf(by("Contributions due").due)).toBe(isoOf(w - 12)); // 12 calendar days
      expect(isoOf(by("last call").due)).toBe(isoOf(w - 14)); // 2 weeks
      expect(by("Run the workshop")).toMatchObject({ start: w, due: w });
      for (const t of tasks) expect(t.start).toBeLessThanOrEqual(t.due);
    },
  );

  test("a workshop in January puts the preparation in the year before", () => {
    const tasks = defaultTasks(day("2024-01-15"), 2);
    expect(isoOf(tasks[0]!.due)).toBe("2023-06-15");
    expect(tasks.filter((t) => t.due < day("2024-01-01")).length).toBeGreaterThan(6);
    expect(tasks.find((t) => t.phase === "Workshop")).toMatchObject({
      start: day("2024-01-15"),
      due: day("2024-01-16"),
    });
  });
});

describe("resources: person-days by role and month", () => {
  const tasks = (rows: CellValue[][]) =>
    readTasks(
      readTable(raw("Tasks", [["ID", "Phase", "Task", "Owner", "Role", "Start", "Due", "Effort", "Status"], ...rows])),
      false,
    );

  test("effort spread evenly over the task's days; the total is the sum of Effort", () => {
    const r = computeResources(
      tasks([
        ["T1", "Design", "a", null, "TSB", { date: "2024-01-22" }, { date: "2024-02-10" }, 20, "Open"], // 10 days in January, 10 in February
        ["T2", "Design", "b", null, "Volunteer", { date: "2024-02-01" }, { date: "2024-02-29" }, 3, "Open"],
        ["T3", "Design", "c", null, "TSB", null, null, 5, "Open"],
      ]),
    );
    expect(r.roles).toEqual(["TSB", "Volunteer"]);
    expect(r.months.map(isoOf)).toEqual(["2024-01-01", "2024-02-01"]);
    expect(r.grid).toEqual([
      [10, 10],
      [0, 3],
    ]);
    expect(r.totalDays).toBe(28);
  });
});

describe("the Tasks rules", () => {
  const TASKS = ["ID", "Phase", "Task", "Owner", "Role", "Start", "Due", "Effort", "Status"];
  const roster = [
    ["Name", "Role", "Region", "Gender", "Status", "Justification"],
    ["Helena Varga", "RG-IEM Leadership", null, "Female", null, null],
    ["Thabo Molefe", "Regional Volunteer", "Africa", "Male", "Withdrawn", "x"],
  ];
  const check = (rows: CellValue[][], asOf?: string, withRoster = true) =>
    checkTasks(
      readTable(raw("Tasks", [TASKS, ...rows])),
      withRoster ? readTable(raw("Roster", roster)) : undefined,
      DEFAULT_SETTINGS,
      asOf ? day(asOf) : undefined,
      false,
    );

  test("TASK_OVERDUE: not Done and past Due, as of a day", () => {
    const rows: CellValue[][] = [
      ["T1", "Design", "Agenda", "helena  varga", "RG-IEM Leadership", null, { date: "2024-03-01" }, 2, "Open"],
      ["T2", "Design", "Venue", "Helena Varga", "RG-IEM Leadership", null, { date: "2024-03-01" }, 2, "done"],
      ["T3", "Design", "Budget", "Helena Varga", "RG-IEM Leadership", null, { date: "2024-03-10" }, 2, null],
    ];
    expect(check(rows, "2024-03-05").map((f) => [f.code, f.row, f.severity, f.data])).toEqual([
      [
        "TASK_OVERDUE",
        2,
        "warning",
        { id: "T1", task: "Agenda", due: "2024-03-01", asOf: "2024-03-05", daysOverdue: 4 },
      ],
    ]);
    expect(check(rows)).toEqual([]);
  });

  test("TASK_OWNER_UNKNOWN: an owner who is not on the roster, or has withdrawn; names compared as for duplicates", () => {
    const rows: CellValue[][] = [
      ["T1", "Design", "a", "HELENA VARGA", "x", null, null, 1, null],
      ["T2", "Design", "b", "Thabo Molefe", "x", null, null, 1, null],
      ["T3", "Design", "c", "Someone Else", "x", null, null, 1, null],
      ["T4", "Design", "d", null, "x", null, null, 1, null],
    ];
    expect(check(rows).map((f) => [f.code, f.row, f.data])).toEqual([
      ["TASK_OWNER_UNKNOWN", 3, { id: "T2", owner: "Thabo Molefe" }],
      ["TASK_OWNER_UNKNOWN", 4, { id: "T3", owner: "Someone Else" }],
    ]);
    expect(check(rows, undefined, false)).toEqual([]);
  });
});

describe("resources: roles as Excel compares them", () => {
  const tasks = (rows: CellValue[][]) =>
    readTasks(
      readTable(raw("Tasks", [["ID", "Phase", "Task", "Owner", "Role", "Start", "Due", "Effort", "Status"], ...rows])),
      false,
    );
  test("roles differing only in case are one role; tasks without a role get their own row", () => {
    const r = computeResources(
      tasks([
        ["T1", null, "a", null, "TSB secretariat", { date: "2024-01-01" }, { date: "2024-01-31" }, 3, null],
        ["T2", null, "b", null, "TSB Secretariat", { date: "2024-01-01" }, { date: "2024-01-31" }, 2, null],
        ["T3", null, "c", null, null, { date: "2024-01-01" }, { date: "2024-01-31" }, 1, null],
      ]),
    );
    expect(r.roles).toEqual(["TSB secretariat", ""]);
    expect(r.grid).toEqual([[5], [1]]);
  });
});

describe("the core reads the Workshop and Rates exactly as the budget's formulas do", () => {
  test("languages: the official ones named, whatever the commas", () => {
    expect(workshop({ InterpretationLanguages: "English, French," }).languages).toBe(2);
    expect(workshop({ InterpretationLanguages: "english;FRENCH / Portuguese" }).languages).toBe(2);
  });

  test('numbers as --x reads them: plain digits and per cent; not "1 200" or "12 days"', () => {
    expect(workshop({ InPersonParticipants: " 120 " }).inPerson).toBe(120);
    expect(workshop({ InPersonParticipants: "1 200" }).inPerson).toBe(0);
    expect(workshop({ Days: "2 days" }).days).toBe(0);
    expect(workshop({ ContingencyPercent: "10%" }).contingencyPercent).toBeCloseTo(0.1);
  });

  test("a key with a trailing space is not the key (MATCH compares exactly, case aside)", () => {
    const view = readTable(
      raw("Workshop", [
        ["Key", "Value"],
        ["Days ", 3],
        ["days", 2],
      ]),
    );
    expect(readWorkshop(view, false).days).toBe(2);
  });

  test("a rate item typed twice: both lines take the first row's rate, as MATCH does", () => {
    const b = computeBudget(
      workshop(),
      rates([
        ["Venue", "", 1500],
        ["venue", "", 99],
      ]),
    );
    expect(b.lines.map((l) => l.rate)).toEqual([1500, 1500]);
  });
});

describe("TASK_INVALID_VALUE", () => {
  test("text in Start, Due or Effort is reported: the Resources formulas cannot count it", () => {
    const f = checkTasks(
      readTable(
        raw("Tasks", [
          ["ID", "Task", "Start", "Due", "Effort"],
          ["T1", "a", "TBD", { date: "2024-03-01" }, "5"],
        ]),
      ),
      undefined,
      DEFAULT_SETTINGS,
      undefined,
      false,
    );
    expect(f.map((x) => [x.code, x.column, x.data])).toEqual([
      ["TASK_INVALID_VALUE", "Start", { id: "T1", field: "Start", value: "TBD" }],
      ["TASK_INVALID_VALUE", "Effort", { id: "T1", field: "Effort", value: "5" }],
    ]);
  });

  test("a duration in Start or Due is no date; in Effort it is its days, as SUM counts it", () => {
    const view = readTable(
      raw("Tasks", [
        ["ID", "Task", "Start", "Due", "Effort"],
        ["T1", "a", { duration: 45_352 }, { duration: 1.5 }, { duration: 1.5 }],
      ]),
    );
    const f = checkTasks(view, undefined, DEFAULT_SETTINGS, undefined, false);
    expect(f.map((x) => [x.code, x.column, x.data])).toEqual([
      ["TASK_INVALID_VALUE", "Start", { id: "T1", field: "Start", value: "1088448:00", elapsed: true }],
      ["TASK_INVALID_VALUE", "Due", { id: "T1", field: "Due", value: "36:00", elapsed: true }],
    ]);
    expect(messageOf(f[0]!)).toBe(
      'T1\'s Start "1088448:00" is elapsed time (a cell formatted [h]:mm), not a date; the Resources sheet counts its number as a day all the same: format it as a date.',
    );
    // The Resources formulas (ISNUMBER, SUMPRODUCT) count the number a duration stores: the core's figures too.
    expect(readTasks(view, false)[0]).toMatchObject({ start: day("2024-03-01"), due: undefined, effort: 1.5 });
  });

  test("a date cell formatted [h]:mm in Start is counted on its day, as the Resources formulas count it", () => {
    const asDates = readTasks(
      readTable(
        raw("Tasks", [
          ["ID", "Task", "Role", "Start", "Due", "Effort"],
          ["T1", "a", "Chair", 45_352, 45_381, 3],
        ]),
      ),
      false,
    );
    const asDurations = readTasks(
      readTable(
        raw("Tasks", [
          ["ID", "Task", "Role", "Start", "Due", "Effort"],
          ["T1", "a", "Chair", { duration: 45_352 }, { duration: 45_381 }, { duration: 3 }],
        ]),
      ),
      false,
    );
    expect(computeResources(asDurations)).toEqual(computeResources(asDates));
    expect(computeResources(asDurations).months).toHaveLength(1);
  });
});

describe("a number formatted as elapsed time ([h]) in Workshop or Rates", () => {
  // Formatting a cell `[h]` changes what it shows, not what IFERROR(--x,0), N(x) and x&"" read from it.
  test("is its number to the budget, as the Budget sheet's formulas read it", () => {
    const plain = computeBudget(workshop(), rates(RATES));
    const shown = computeBudget(
      workshop({
        Days: { duration: 2 },
        InPersonParticipants: { duration: 100 },
        ContingencyPercent: { duration: 10 },
      }),
      rates(RATES.map(([item, unit, rate]) => [item!, unit!, { duration: rate as number }])),
    );
    expect(shown.total).toBe(plain.total);
    expect(shown.lines.map((l) => [l.quantity, l.rate])).toEqual(plain.lines.map((l) => [l.quantity, l.rate]));
  });

  test('a Unit formatted [h] reads as x&"" gives it: the number as General shows it', () => {
    const b = computeBudget(workshop(), rates([["Venue", { duration: 1.5 }, 1500]]));
    expect(b.lines[0]!.unit).toBe("1.5");
  });
});
