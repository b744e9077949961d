import {
  CHECKS_SHEET,
  type SheetPlan,
  checksSheet,
  emptySheet,
  rowHeightsOf,
  templatePlan,
  wrappedLines,
} from "../../core";

describe("wrappedLines: characters over the column's width, each paragraph at least one line", () => {
  test.each([
    ["", 10, 1],
    ["short", 10, 1],
    ["a".repeat(9), 10, 1],
    ["a".repeat(10), 10, 2],
    ["a".repeat(100), 51, 2],
    ["one\ntwo\r\nthree", 90, 3],
    [`${"a".repeat(30)}\n`, 11, 4],
  ])("%j in %i characters: %i lines", (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });
});

describe("rowHeightsOf: rows of wrapped text as tall as their text", () => {
  const plan = (extra: Partial<SheetPlan>): SheetPlan => ({ ...emptySheet("Probe"), ...extra });
  const long = "word ".repeat(40).trim(); // 199 characters

  test.each<[string, Partial<SheetPlan>, { row: number; height: number }[]]>([
    [
      "a wrapped block",
      { blocks: [{ ref: "B3", values: [[long]], wrap: true }], columns: [{ column: 2, width: 51 }] },
      [{ row: 3, height: 60 }],
    ],
    [
      "an unwrapped block: no height",
      { blocks: [{ ref: "B3", values: [[long]] }], columns: [{ column: 2, width: 51 }] },
      [],
    ],
    [
      "numbers never wrap",
      { blocks: [{ ref: "A1", values: [[123456789012345]], wrap: true }], columns: [{ column: 1, width: 3 }] },
      [],
    ],
    [
      "a wrap column, in Excel's default width when the plan gives none",
      { blocks: [{ ref: "A1", values: [["x".repeat(20)], ["short"]] }], wrapColumns: [1] },
      [{ row: 1, height: 45 }],
    ],
    [
      "a table's wrapped column; the header row is not wrapped",
      {
        tables: [
          {
            name: "T",
            ref: "A5",
            columns: [{ header: "x".repeat(60) }, { header: "Message", wrap: true }],
            rows: [
              ["a", long],
              ["b", "fits"],
            ],
          },
        ],
        columns: [{ column: 2, width: 101 }],
      },
      [{ row: 6, height: 30 }],
    ],
    [
      "the tallest cell of a row; a larger font in proportion",
      {
        blocks: [
          { ref: "A1", values: [[long, "x".repeat(250)]], wrap: true },
          { ref: "A2", values: [[long]], wrap: true, style: "title" },
        ],
        columns: [
          { column: 1, width: 101 },
          { column: 2, width: 51 },
        ],
      },
      [
        { row: 1, height: 75 },
        { row: 2, height: 44 },
      ],
    ],
    [
      "heights the plan gives itself win",
      {
        blocks: [{ ref: "A1", values: [[long]], wrap: true }],
        columns: [{ column: 1, width: 51 }],
        rowHeights: [{ row: 1, height: 90 }],
      },
      [{ row: 1, height: 90 }],
    ],
    [
      "never taller than Excel's tallest row",
      { blocks: [{ ref: "A1", values: [["x".repeat(5000)]], wrap: true }], columns: [{ column: 1, width: 11 }] },
      [{ row: 1, height: 409 }],
    ],
  ])("%s", (_, extra, expected) => {
    expect(rowHeightsOf(plan(extra))).toEqual(expected);
  });

  test("the Checks sheet: a long message's row is two lines tall, a short one's is left to the program", () => {
    const sheet = checksSheet([], { errors: 0, warnings: 0, info: 0 }, {}, 19_000);
    expect(sheet.name).toBe(CHECKS_SHEET);
    expect(rowHeightsOf(sheet)).toEqual([]); // "No findings: …" fits one line of the Message column
    const table = sheet.tables[0]!;
    table.rows = [table.rows[0]!.map((v, j) => (j === 5 ? "m".repeat(150) : v))];
    expect(rowHeightsOf(sheet)).toEqual([{ row: 6, height: 30 }]);
  });

  test("the How to use sheet: every paragraph longer than the column is given its lines, the title too", () => {
    const guide = templatePlan({ sample: false }).sheets[0]!;
    const width = guide.columns.find((c) => c.column === 1)?.width ?? Number.NaN;
    const heights = rowHeightsOf(guide);
    const [title, ...body] = guide.blocks;
    const paragraphs = body.flatMap((b) => b.values.map((r, i) => ({ row: 2 + i, text: String(r[0] ?? "") })));
    // Body text in Calibri 11: whole lines of 15 points.
    const bodyHeights = heights.filter((h) => h.row > 1);
    expect(bodyHeights.every((h) => h.height >= 30 && h.height % 15 === 0)).toBe(true);
    expect(bodyHeights.map((h) => h.row)).toEqual(
      paragraphs.filter((p) => p.text.length > width - 1).map((p) => p.row),
    );
    // The title (16 points) is longer than the column at its size: two lines, taller than two of the body's.
    expect(String(title!.values[0]![0]).length).toBeGreaterThan(width / 1.5);
    expect(heights.find((h) => h.row === 1)?.height).toBeGreaterThan(30);
  });
});
