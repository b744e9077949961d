import fc from "fast-check";
import type { CellValue, Finding } from "../../core";
import { codes } from "../helpers/tables";
import { TIMELINE_HEADER, edit, milestone, on, timelineFindings, torTimeline } from "../helpers/timeline";

const tor = torTimeline;
const only = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);

describe("the Terms of Reference's timeline as planned", () => {
  test("has no findings when nothing has happened yet and no day is given", () => {
    expect(timelineFindings({ timeline: tor() })).toEqual([]);
  });
});

describe("dates that cannot be read, and dates with two readings", () => {
  test.each<[string, CellValue[][], string[]]>([
    [
      "a Calendar in words nobody can date",
      edit(tor(), "TL03", { Calendar: "after the summer" }),
      ["TIMELINE_DATE_UNPARSEABLE@4"],
    ],
    ["a blank Calendar", edit(tor(), "TL03", { Calendar: null }), ["TIMELINE_DATE_UNPARSEABLE@4"]],
    ["a Forecast that is not a date", edit(tor(), "TL03", { Forecast: "next week" }), ["TIMELINE_DATE_UNPARSEABLE@4"]],
    ["an impossible Actual", edit(tor(), "TL03", { Actual: "31/02/2024" }), ["TIMELINE_DATE_UNPARSEABLE@4"]],
    [
      "Winter 2024 (December 2024 or the start of 2024?)",
      edit(tor(), "TL08", { Calendar: "Winter 2024" }),
      ["TIMELINE_DATE_AMBIGUOUS@9"],
    ],
  ])("%s", (_, timeline, expected) => {
    expect(codes(timelineFindings({ timeline }))).toEqual(expected);
  });

  test("the finding names the column and quotes the text", () => {
    const [f] = timelineFindings({ timeline: edit(tor(), "TL03", { Forecast: "next week" }) });
    expect(f).toMatchObject({
      severity: "error",
      sheet: "Timeline",
      row: 4,
      column: "Forecast",
      data: { text: "next week", field: "Forecast" },
    });
  });

  test("an ambiguous text says how it was read", () => {
    const [f] = timelineFindings({ timeline: edit(tor(), "TL08", { Calendar: "Winter 2024" }) });
    expect(f).toMatchObject({
      severity: "info",
      column: "Calendar",
      data: { earliest: "2024-12-01", latest: "2025-02-28" },
    });
  });
});

describe("IDs, kinds and the Fixed column", () => {
  test.each<[string, CellValue[][], string[]]>([
    [
      "an ID used twice (TL04 now depends on a TL03 that is gone)",
      edit(tor(), "TL03", { ID: "TL02" }),
      ["TIMELINE_DEPENDENCY_UNKNOWN@5", "TIMELINE_DUPLICATE_ID@4"],
    ],
    [
      "an ID used twice in another case and spacing",
      edit(tor(), "TL03", { ID: "tl 02" }),
      ["TIMELINE_DEPENDENCY_UNKNOWN@5", "TIMELINE_DUPLICATE_ID@4"],
    ],
    ["a blank ID", edit(tor(), "TL03", { ID: null }), ["TIMELINE_DEPENDENCY_UNKNOWN@5", "TIMELINE_INVALID_VALUE@4"]],
    ["a Kind outside the list", edit(tor(), "TL03", { Kind: "Party" }), ["TIMELINE_INVALID_VALUE@4"]],
    ["a Fixed cell that is neither yes nor no", edit(tor(), "TL03", { Fixed: "maybe" }), ["TIMELINE_INVALID_VALUE@4"]],
  ])("%s", (_, timeline, expected) => {
    expect(codes(timelineFindings({ timeline }))).toEqual(expected);
  });

  test("a duplicate points back to the first row", () => {
    const [f] = timelineFindings({ timeline: edit(tor(), "TL03", { ID: "TL02" }) });
    expect(f).toMatchObject({ column: "ID", data: { id: "TL02", firstRow: 3 } });
  });
});

describe("dependencies", () => {
  test("an unknown ID in Depends On", () => {
    const f = timelineFindings({ timeline: edit(tor(), "TL03", { "Depends On": "TL02, TL99" }) });
    expect(f.map((x) => [x.code, x.row, x.data])).toEqual([
      ["TIMELINE_DEPENDENCY_UNKNOWN", 4, { id: "TL03", dependsOn: "TL99" }],
    ]);
  });

  test("IDs separated by semicolons or spaces are understood", () => {
    expect(timelineFindings({ timeline: edit(tor(), "TL08", { "Depends On": "TL06; TL07" }) })).toEqual([]);
    expect(timelineFindings({ timeline: edit(tor(), "TL08", { "Depends On": "TL06 TL07" }) })).toEqual([]);
  });

  test("a loop is found once, on its first row, and the rules do not loop on it", () => {
    const timeline = edit(tor(), "TL02", { "Depends On": "TL01, TL04" });
    const f = timelineFindings({ timeline });
    expect(codes(f)).toEqual(["TIMELINE_DEPENDENCY_CYCLE@3"]);
    expect(f[0]!.data).toEqual({ id: "TL02", cycle: ["TL02", "TL03", "TL04", "TL02"] });
  });

  test("a milestone that depends on itself is a loop", () => {
    expect(codes(timelineFindings({ timeline: edit(tor(), "TL05", { "Depends On": "TL05" }) }))).toEqual([
      "TIMELINE_DEPENDENCY_CYCLE@6",
    ]);
  });

  test("a ring of 10,000 milestones is one loop, found without overflowing the stack", () => {
    const n = 10_000;
    const rows = [
      [...TIMELINE_HEADER],
      ...Array.from({ length: n }, (_, i) =>
        milestone({ ID: `M${i}`, Calendar: "June 2024", "Depends On": `M${(i + 1) % n}` }),
      ),
    ];
    const f = timelineFindings({ timeline: rows });
    expect(codes(f)).toEqual(["TIMELINE_DEPENDENCY_CYCLE@2"]);
    expect((f[0]!.data as { cycle: string[] }).cycle).toHaveLength(n + 1);
  });
});

describe("TIMELINE_ORDER", () => {
  test("an Actual before the plan of the milestone it depends on", () => {
    const f = timelineFindings({ timeline: edit(tor(), "TL04", { Actual: on("2023-09-01") }) });
    expect(only(f, "TIMELINE_ORDER").map((x) => x.data)).toEqual([
      { id: "TL04", dependsOn: "TL03", date: "2023-09-01", dependencyDate: "2023-10-01", by: "effective" },
    ]);
  });

  test("a fuzzy forecast counts by its earliest day for order", () => {
    let timeline = edit(tor(), "TL03", { Forecast: "15 January 2024" });
    timeline = edit(timeline, "TL04", { Forecast: "January 2024" });
    expect(only(timelineFindings({ timeline }), "TIMELINE_ORDER").map((x) => x.data)).toEqual([
      { id: "TL04", dependsOn: "TL03", date: "2024-01-01", dependencyDate: "2024-01-15", by: "effective" },
    ]);
  });

  test("the same day as the dependency is in order", () => {
    const timeline = edit(edit(tor(), "TL03", { Actual: on("2023-10-20") }), "TL04", { Actual: on("2023-10-20") });
    expect(only(timelineFindings({ timeline }), "TIMELINE_ORDER")).toEqual([]);
  });

  test("plans alone: a window that ends before its dependency's window starts", () => {
    const f = timelineFindings({ timeline: edit(tor(), "TL02", { Calendar: "December 2023" }) });
    expect(only(f, "TIMELINE_ORDER").map((x) => x.data)).toEqual([
      { id: "TL03", dependsOn: "TL02", date: "2023-10-31", dependencyDate: "2023-12-01", by: "plan" },
    ]);
  });

  test("overlapping windows are not out of order (both Summer 2024)", () => {
    expect(only(timelineFindings({ timeline: tor() }), "TIMELINE_ORDER")).toEqual([]);
  });
});

describe("TIMELINE_SLIPPED: amber below RedSlipDays, red from it on", () => {
  test.each<[string, CellValue, "warning" | "error", number]>([
    ["15 days late", "15 November 2023", "warning", 15],
    ["29 days late", "29 November 2023", "warning", 29],
    ["exactly RedSlipDays late", "30 November 2023", "error", 30],
    ["45 days late", on("2023-12-15"), "error", 45],
    ["a fuzzy forecast counts by its latest day", "November 2023", "error", 30],
  ])("%s", (_, forecast, severity, slipDays) => {
    const [f] = timelineFindings({ timeline: edit(tor(), "TL03", { Forecast: forecast }) });
    expect(f).toMatchObject({
      code: "TIMELINE_SLIPPED",
      severity,
      row: 4,
      column: "Forecast",
      data: { slipDays, planned: "2023-10-31", by: "Forecast" },
    });
  });

  test("the Actual wins over the Forecast", () => {
    const f = timelineFindings({
      timeline: edit(tor(), "TL03", { Forecast: on("2023-12-15"), Actual: on("2023-10-20") }),
    });
    expect(f).toEqual([]);
  });

  test("RedSlipDays comes from the settings", () => {
    const [f] = timelineFindings({
      timeline: edit(tor(), "TL03", { Forecast: on("2023-12-15") }),
      settings: { redSlipDays: 60 },
    });
    expect(f).toMatchObject({ severity: "warning", data: { slipDays: 45, redSlipDays: 60 } });
  });

  test("earlier than planned is not a slip", () => {
    expect(timelineFindings({ timeline: edit(tor(), "TL05", { Actual: on("2024-03-02") }) })).toEqual([]);
  });
});

describe("TIMELINE_OVERDUE as of a day", () => {
  // TSAG did approve the committee on 30 May 2023.
  const tor = () => edit(torTimeline(), "TL01", { Actual: on("2023-05-30") });
  test.each<[string, CellValue[][], string, string[]]>([
    ["the day after the window ends", tor(), "2023-07-01", ["TIMELINE_OVERDUE@3"]],
    ["the window's last day is not yet overdue", tor(), "2023-06-30", []],
    [
      "a forecast moves the due day",
      edit(tor(), "TL02", { Forecast: "July 2023" }),
      "2023-07-31",
      ["TIMELINE_SLIPPED@3"],
    ],
    [
      "past the forecast's latest day",
      edit(tor(), "TL02", { Forecast: "July 2023" }),
      "2023-08-01",
      ["TIMELINE_OVERDUE@3", "TIMELINE_SLIPPED@3"],
    ],
    ["an Actual is never overdue", edit(tor(), "TL02", { Actual: on("2023-06-20") }), "2023-07-01", []],
  ])("%s", (_, timeline, asOf, expected) => {
    expect(codes(timelineFindings({ timeline, asOf }))).toEqual(expected);
  });

  test("says by how many days, against what", () => {
    const [f] = timelineFindings({ timeline: tor(), asOf: "2023-07-11" });
    expect(f).toMatchObject({
      severity: "error",
      column: "Actual",
      data: { id: "TL02", due: "2023-06-30", asOf: "2023-07-11", daysOverdue: 11, by: "Calendar" },
    });
  });
});

describe("TIMELINE_AT_RISK: a real slip upstream carries through milestones with no date of their own", () => {
  const late = () => edit(tor(), "TL05", { Actual: on("2024-09-10") });

  test("the workshop held in September pushes the report and its review, naming the workshop", () => {
    const f = only(timelineFindings({ timeline: late() }), "TIMELINE_AT_RISK");
    expect(f.map((x) => [x.row, x.severity, x.data])).toEqual([
      [
        7,
        "warning",
        { id: "TL06", projected: "2024-09-10", drivenBy: "TL05", latest: "2024-08-31", slipDays: 10, fixed: false },
      ],
      [
        8,
        "warning",
        { id: "TL07", projected: "2024-09-10", drivenBy: "TL05", latest: "2024-08-31", slipDays: 10, fixed: false },
      ],
    ]);
  });

  test("a slip that reaches a fixed milestone (WTSA-24) is an error", () => {
    const f = timelineFindings({ timeline: edit(tor(), "TL05", { Forecast: "15 December 2024" }) });
    expect(codes(f)).toEqual([
      "TIMELINE_AT_RISK@7",
      "TIMELINE_AT_RISK@8",
      "TIMELINE_AT_RISK@9",
      "TIMELINE_BLACKOUT@6",
      "TIMELINE_SLIPPED@6",
    ]);
    expect(f.find((x) => x.row === 9)).toMatchObject({
      severity: "error",
      data: { id: "TL08", drivenBy: "TL05", projected: "2024-12-15", fixed: true },
    });
  });

  test("a milestone with its own forecast stops the push", () => {
    const timeline = edit(late(), "TL06", { Forecast: on("2024-09-20") });
    const f = timelineFindings({ timeline });
    expect(codes(f)).toEqual(["TIMELINE_AT_RISK@8", "TIMELINE_SLIPPED@6", "TIMELINE_SLIPPED@7"]);
    expect(f.find((x) => x.code === "TIMELINE_AT_RISK")!.data).toMatchObject({
      id: "TL07",
      drivenBy: "TL06",
      projected: "2024-09-20",
    });
  });

  test("the latest of several upstream dates pushes", () => {
    let timeline = edit(late(), "TL08", { "Depends On": "TL06, TL03" });
    timeline = edit(timeline, "TL03", { Actual: on("2024-12-02") });
    const f = only(timelineFindings({ timeline }), "TIMELINE_AT_RISK");
    expect(f.find((x) => x.row === 9)!.data).toMatchObject({ drivenBy: "TL03", projected: "2024-12-02" });
  });

  test("a date inside the window pushes nothing", () => {
    expect(timelineFindings({ timeline: edit(tor(), "TL05", { Actual: on("2024-04-19") }) })).toEqual([]);
  });
});

describe("TIMELINE_REPORT_LATE: one month before the first WP2 or TSAG meeting after the workshop", () => {
  const meetings = (...rows: CellValue[][]) => [["Body", "Start", "End", "Place"], ...rows];
  const held = () => edit(tor(), "TL05", { Actual: on("2024-04-19") });

  test("a TSAG meeting in July makes a Summer report late", () => {
    const f = timelineFindings({
      timeline: held(),
      meetings: meetings(["TSAG", on("2024-07-22"), on("2024-07-26"), "Geneva"]),
    });
    expect(f.map((x) => [x.code, x.row, x.data])).toEqual([
      [
        "TIMELINE_REPORT_LATE",
        7,
        {
          id: "TL06",
          date: "2024-08-31",
          meeting: "TSAG",
          meetingStart: "2024-07-22",
          deadline: "2024-06-22",
          workshop: "TL05",
          leadDays: 30,
        },
      ],
    ]);
  });

  test("the first of WP2 or TSAG counts; WTSA and meetings before the workshop do not", () => {
    const rows = meetings(
      ["TSAG", on("2024-01-22"), null, "Geneva"],
      ["WTSA", on("2024-07-01"), null, "New Delhi"],
      ["TSAG", on("2024-12-02"), null, "Geneva"],
      ["WP2/TSAG", on("2024-10-07"), null, "online"],
    );
    expect(timelineFindings({ timeline: held(), meetings: rows })).toEqual([]);
    const early = timelineFindings({ timeline: edit(held(), "TL06", { Forecast: on("2024-09-10") }), meetings: rows });
    expect(only(early, "TIMELINE_REPORT_LATE").map((x) => x.data)).toMatchObject([
      { meeting: "WP2/TSAG", deadline: "2024-09-07", date: "2024-09-10" },
    ]);
  });

  test("ReportLeadDays comes from the settings", () => {
    const f = timelineFindings({
      timeline: held(),
      meetings: meetings(["WP2", on("2024-09-23"), null, ""]),
      settings: { reportLeadDays: 45 },
    });
    expect(only(f, "TIMELINE_REPORT_LATE").map((x) => x.data)).toMatchObject([{ deadline: "2024-08-09" }]);
  });

  test("a Start that is not a date is reported on the Meetings sheet", () => {
    const f = timelineFindings({ timeline: held(), meetings: meetings(["TSAG", "some time", null, ""]) });
    expect(f).toEqual([
      expect.objectContaining({ code: "TIMELINE_DATE_UNPARSEABLE", sheet: "Meetings", row: 2, column: "Start" }),
    ]);
  });
});

describe("TIMELINE_BLACKOUT", () => {
  const blackouts = (...rows: CellValue[][]) => [["Name", "From", "To"], ...rows];

  test("by default the end of the calendar year, across the year end", () => {
    for (const day of ["2023-12-15", "2023-12-31", "2024-01-01", "2024-01-10"]) {
      const f = timelineFindings({ timeline: edit(tor(), "TL05", { Actual: on(day), Calendar: "Winter 2023/24" }) });
      expect(only(f, "TIMELINE_BLACKOUT").map((x) => x.data)).toEqual([
        { id: "TL05", period: "End of calendar year", from: "2023-12-15", to: "2024-01-10", by: "effective" },
      ]);
    }
    for (const day of ["2023-12-14", "2024-01-11"]) {
      expect(
        only(
          timelineFindings({ timeline: edit(tor(), "TL05", { Actual: on(day), Calendar: "Winter 2023/24" }) }),
          "TIMELINE_BLACKOUT",
        ),
      ).toEqual([]);
    }
  });

  test("a planned window wholly inside a blackout, for a meeting", () => {
    const f = timelineFindings({ timeline: edit(tor(), "TL02", { Calendar: "late December 2023" }) });
    expect(only(f, "TIMELINE_BLACKOUT")).toEqual([
      expect.objectContaining({ row: 3, column: "Calendar", data: expect.objectContaining({ by: "plan" }) }),
    ]);
  });

  test("a window that only touches a blackout is not in it", () => {
    expect(
      only(timelineFindings({ timeline: edit(tor(), "TL02", { Calendar: "December 2023" }) }), "TIMELINE_BLACKOUT"),
    ).toEqual([]);
  });

  test("reviews and reports are not held in a room: no blackout", () => {
    expect(
      only(timelineFindings({ timeline: edit(tor(), "TL03", { Actual: on("2023-12-20") }) }), "TIMELINE_BLACKOUT"),
    ).toEqual([]);
  });

  test("a Blackouts table replaces the default period", () => {
    const table = blackouts(["Summer break", "07-15", "08-31"], ["Ramadan 2024", on("2024-03-11"), on("2024-04-09")]);
    expect(
      only(
        timelineFindings({
          timeline: edit(tor(), "TL05", { Actual: on("2023-12-20"), Calendar: "Winter 2023/24" }),
          blackouts: table,
        }),
        "TIMELINE_BLACKOUT",
      ),
    ).toEqual([]);
    const summer = timelineFindings({
      timeline: edit(tor(), "TL05", { Actual: on("2024-08-01"), Calendar: "Summer 2024" }),
      blackouts: table,
    });
    expect(only(summer, "TIMELINE_BLACKOUT").map((x) => x.data)).toEqual([
      { id: "TL05", period: "Summer break", from: "2024-07-15", to: "2024-08-31", by: "effective" },
    ]);
    const ramadan = timelineFindings({ timeline: edit(tor(), "TL05", { Actual: "2024-03-20" }), blackouts: table });
    expect(only(ramadan, "TIMELINE_BLACKOUT").map((x) => (x.data as { period: string }).period)).toEqual([
      "Ramadan 2024",
    ]);
  });

  test("12-15 and 01-10 that Excel stored as this year's dates still mean the end of every year", () => {
    const table = blackouts(["Year end", on("2025-12-15"), on("2025-01-10")]);
    expect(
      only(
        timelineFindings({
          timeline: edit(tor(), "TL05", { Actual: on("2024-06-20"), Calendar: "Summer 2024" }),
          blackouts: table,
        }),
        "TIMELINE_BLACKOUT",
      ),
    ).toEqual([]);
    const winter = timelineFindings({
      timeline: edit(tor(), "TL05", { Actual: on("2023-12-20"), Calendar: "Winter 2023/24" }),
      blackouts: table,
    });
    expect(only(winter, "TIMELINE_BLACKOUT").map((x) => x.data)).toEqual([
      { id: "TL05", period: "Year end", from: "2023-12-15", to: "2024-01-10", by: "effective" },
    ]);
  });

  test("a blackout row that cannot be read is reported", () => {
    const f = timelineFindings({ timeline: tor(), blackouts: blackouts(["Holidays", "Christmas", "01-06"]) });
    expect(codes(f)).toEqual(["TIMELINE_DATE_UNPARSEABLE@2"]);
    expect(f[0]).toMatchObject({ sheet: "Blackouts", column: "From" });
  });
});

describe("the Terms of Reference replayed with what really happened", () => {
  // TSAG approved the committee on 30 May 2023; TSAG opened on 22 January 2024; the workshop was held
  // on 19 April 2024 in Geneva; WTSA-24 opened on 15 October 2024. The committee's own meetings, the WP2
  // review and the report were never dated in the workbook.
  const happened = () => {
    let t = edit(tor(), "TL01", { Actual: on("2023-05-30") });
    t = edit(t, "TL04", { Actual: on("2024-01-22") });
    t = edit(t, "TL05", { Actual: on("2024-04-19") });
    return edit(t, "TL08", { Actual: on("2024-10-15") });
  };
  const meetings = [
    ["Body", "Start", "End", "Place"],
    ["TSAG", on("2023-05-30"), on("2023-06-02"), "Geneva"],
    ["TSAG", on("2024-01-22"), on("2024-01-26"), "Geneva"],
    ["WTSA", on("2024-10-15"), on("2024-10-24"), "New Delhi"],
  ];

  test("on 1 June 2024: nothing slipped (each date fell in its window); the committee's first meetings and the October review are overdue, as nobody recorded them", () => {
    const f = timelineFindings({ timeline: happened(), meetings, asOf: "2024-06-01" });
    expect(codes(f)).toEqual(["TIMELINE_OVERDUE@3", "TIMELINE_OVERDUE@4"]);
  });

  test("on 1 November 2024: the report and its review are overdue too; no WP2 or TSAG meeting is known after the workshop, so no report deadline", () => {
    const f = timelineFindings({ timeline: happened(), meetings, asOf: "2024-11-01" });
    expect(codes(f)).toEqual(["TIMELINE_OVERDUE@3", "TIMELINE_OVERDUE@4", "TIMELINE_OVERDUE@7", "TIMELINE_OVERDUE@8"]);
  });

  test("had the workshop slipped to 10 September 2024, the report and its review would be at risk, not WTSA-24", () => {
    const f = timelineFindings({ timeline: edit(happened(), "TL05", { Actual: on("2024-09-10") }), meetings });
    expect(codes(f)).toEqual(["TIMELINE_AT_RISK@7", "TIMELINE_AT_RISK@8", "TIMELINE_SLIPPED@6"]);
    expect(only(f, "TIMELINE_SLIPPED")[0]).toMatchObject({ severity: "error", data: { slipDays: 102 } });
  });
});

describe("dates in every form, in the 1904 system", () => {
  test("an Actual written as a 1904 serial is the same day", () => {
    // 43939 in the 1904 system is 19 April 2024.
    const f = timelineFindings({
      timeline: edit(tor(), "TL05", { Actual: 43939, Calendar: "March 2024" }),
      date1904: true,
    });
    expect(f).toEqual([
      expect.objectContaining({
        code: "TIMELINE_SLIPPED",
        data: expect.objectContaining({ effective: "2024-04-19", slipDays: 19 }),
      }),
    ]);
  });
});

describe("properties", () => {
  const dateText = fc.constantFrom<CellValue>(
    "June 2023",
    "Spring 2024 TBD",
    "Winter 2024",
    "Q3 2024",
    "late March 2024",
    "2024-03/2024-05",
    "19 April 2024",
    "nonsense",
    "",
    null,
    45401,
    { date: "2024-02-29" },
  );
  const timelines = fc.array(
    fc.record({
      calendar: dateText,
      forecast: dateText,
      actual: dateText,
      deps: fc.array(fc.nat(12), { maxLength: 3 }),
      kind: fc.constantFrom("Meeting", "Workshop", "Report", "Review", "", "Party"),
      fixed: fc.constantFrom("Yes", "", "no", "?"),
    }),
    { maxLength: 12 },
  );

  test("no timeline whatever makes a rule throw; every AT_RISK names a milestone with a date of its own", () => {
    fc.assert(
      fc.property(
        timelines,
        fc.option(fc.integer({ min: 19_000, max: 21_000 }), { nil: undefined }),
        (rows, asOfDay) => {
          const table = [
            [...TIMELINE_HEADER],
            ...rows.map((r, i) =>
              milestone({
                ID: `M${i}`,
                Calendar: r.calendar,
                Forecast: r.forecast,
                Actual: r.actual,
                Kind: r.kind,
                Fixed: r.fixed,
                "Depends On": r.deps.map((d) => `M${d}`).join(", "),
              }),
            ),
          ];
          const asOf = asOfDay === undefined ? undefined : new Date(asOfDay * 86_400_000).toISOString().slice(0, 10);
          const findings = timelineFindings({ timeline: table, asOf });
          for (const f of only(findings, "TIMELINE_AT_RISK")) {
            const driver = rows[Number((f.data as { drivenBy: string }).drivenBy.slice(1))]!;
            expect([driver.forecast, driver.actual].some((v) => v !== null && v !== "" && v !== "nonsense")).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("row order never changes the findings (apart from the rows they point to)", () => {
    fc.assert(
      fc.property(timelines, fc.func(fc.integer()), (rows, key) => {
        const table = rows.map((r, i) =>
          milestone({
            ID: `M${i}`,
            Calendar: r.calendar,
            Forecast: r.forecast,
            Actual: r.actual,
            Kind: r.kind,
            Fixed: r.fixed,
            "Depends On": r.deps.map((d) => `M${d}`).join(", "),
          }),
        );
        const shuffled = [...table].sort((a, b) => key(a) - key(b));
        const strip = (fs: Finding[]) =>
          fs
            .filter((f) => f.code !== "TIMELINE_DEPENDENCY_CYCLE")
            .map((f) => `${f.code} ${JSON.stringify({ ...f.data, firstRow: undefined })}`)
            .sort();
        expect(strip(timelineFindings({ timeline: [[...TIMELINE_HEADER], ...shuffled], asOf: "2024-06-01" }))).toEqual(
          strip(timelineFindings({ timeline: [[...TIMELINE_HEADER], ...table], asOf: "2024-06-01" })),
        );
      }),
      { numRuns: 200 },
    );
  });
});
