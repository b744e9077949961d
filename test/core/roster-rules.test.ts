import { type CellValue, messageOf } from "../../core";
import { OVERSUBSCRIBED } from "../helpers/arbitration";
import { LEADERS, ROSTER_HEADER, codes, goodRoster, member, rosterFindings, volunteers } from "../helpers/tables";

/** The good roster with its row `row` (as Excel numbers it) changed. */
function withRow(row: number, fields: Parameters<typeof member>[0]): CellValue[][] {
  const rows = goodRoster();
  const index = row - 1;
  const current = Object.fromEntries(ROSTER_HEADER.map((h, i) => [h, rows[index]![i]]));
  rows[index] = member({ ...current, ...fields });
  return rows;
}

const add = (...extra: CellValue[][]) => [...goodRoster(), ...extra];

describe("a roster that meets every rule", () => {
  test("has no findings", () => {
    expect(rosterFindings(goodRoster())).toEqual([]);
  });
});

describe("ROSTER_INVALID_VALUE: one finding per cell", () => {
  test.each<[string, CellValue[][], string[]]>([
    ["a blank Name", withRow(5, { Name: null }), ["ROSTER_INVALID_VALUE@5"]],
    ["a blank Role", withRow(2, { Role: "  " }), ["ROSTER_INVALID_VALUE@2", "ROSTER_ROLE_MISSING@-"]],
    ["an unknown Role", withRow(3, { Role: "Director" }), ["ROSTER_INVALID_VALUE@3", "ROSTER_ROLE_MISSING@-"]],
    ["an unknown Region", withRow(5, { Region: "Oceania" }), ["ROSTER_INVALID_VALUE@5", "ROSTER_REGION_SHORT@-"]],
    ["a volunteer without a Region", withRow(5, { Region: null }), ["ROSTER_INVALID_VALUE@5", "ROSTER_REGION_SHORT@-"]],
    ["an unknown Gender", withRow(6, { Gender: "Femal" }), ["ROSTER_INVALID_VALUE@6"]],
    ["an unknown Status", withRow(6, { Status: "Maybe" }), ["ROSTER_INVALID_VALUE@6", "ROSTER_REGION_SHORT@-"]],
    [
      "a withdrawn row with a bad Gender (its own values are still checked)",
      withRow(6, { Status: "Withdrawn", Gender: "?" }),
      ["ROSTER_INVALID_VALUE@6", "ROSTER_REGION_SHORT@-"],
    ],
    [
      "two bad cells on one row",
      withRow(7, { Gender: "x", Status: "y" }),
      ["ROSTER_INVALID_VALUE@7", "ROSTER_INVALID_VALUE@7", "ROSTER_REGION_SHORT@-"],
    ],
  ])("%s", (_, rows, expected) => {
    expect(codes(rosterFindings(rows))).toEqual(expected);
  });

  test("points at the cell and says what is allowed", () => {
    const [f] = rosterFindings(withRow(6, { Gender: "Femal" }));
    expect(f).toMatchObject({
      sheet: "Roster",
      row: 6,
      column: "Gender",
      severity: "error",
      data: { value: "Femal", problem: "not-allowed" },
    });
  });

  test("a withdrawn volunteer may have no Region", () => {
    expect(
      rosterFindings(
        add(member({ Name: "Gone", Role: "Regional Volunteer", Status: "Withdrawn", Justification: "x" })),
      ),
    ).toEqual([]);
  });

  test("blank Gender means Not stated and blank Status means Confirmed", () => {
    const rows = add(member({ Name: "Rosa Almeida", Role: "Deputy Secretary-General" }));
    expect(rosterFindings(rows)).toEqual([]);
  });

  test.each([
    ["  regional   volunteer ", "asia pacific", "FEMALE", " confirmed "],
    ["Regional Volunteer", "APT", "f", "Confirmed"],
    ["Regional Volunteer", "Asia–Pacific", "Female", ""],
  ])(
    "values match case-, space- and hyphen-insensitively, with aliases: %s / %s / %s / %s",
    (role, region, gender, status) => {
      const rows = withRow(11, { Role: role, Region: region, Gender: gender, Status: status });
      expect(rosterFindings(rows)).toEqual([]);
    },
  );
});

describe("ITU5 regions", () => {
  const itu5 = (spellings: string[]) => [
    ROSTER_HEADER,
    ...LEADERS,
    ...spellings.flatMap((r, i) => [
      member({ Name: `V${i}a`, Role: "Regional Volunteer", Region: r, Gender: "Female", Justification: "j" }),
      member({ Name: `V${i}b`, Role: "Regional Volunteer", Region: r, Gender: "Male", Justification: "j" }),
    ]),
  ];
  test("A–E and Region A–E, any case, are the five administrative regions", () => {
    expect(rosterFindings(itu5(["A", "region b", "Region C", "d", "REGION E"]), { regionModel: "ITU5" })).toEqual([]);
  });
  test("an ITU6 region is not valid under ITU5, and the missing region is short", () => {
    const found = rosterFindings(itu5(["A", "B", "C", "D", "Europe"]), { regionModel: "ITU5" });
    expect(codes(found)).toEqual(["ROSTER_INVALID_VALUE@13", "ROSTER_INVALID_VALUE@14", "ROSTER_REGION_SHORT@-"]);
    expect(found.find((f) => f.code === "ROSTER_REGION_SHORT")!.data).toEqual({
      region: "Region E",
      count: 0,
      wanted: 2,
    });
  });
  test("a letter is not an ITU6 region", () => {
    expect(codes(rosterFindings(withRow(5, { Region: "D" })))).toEqual([
      "ROSTER_INVALID_VALUE@5",
      "ROSTER_REGION_SHORT@-",
    ]);
  });
});

describe("ROSTER_ROLE_MISSING and ROSTER_ROLE_DUPLICATE", () => {
  test.each([
    ["RG-IEM Leadership", 2],
    ["TSB Director", 3],
    ["ITU Counsellor", 4],
  ])("no confirmed %s", (role, row) => {
    const found = rosterFindings(withRow(row, { Status: "Candidate" }));
    expect(found).toEqual([
      { code: "ROSTER_ROLE_MISSING", severity: "error", sheet: "Roster", row: null, column: "Role", data: { role } },
    ]);
  });

  test("a withdrawn TSB Director does not count", () => {
    expect(codes(rosterFindings(withRow(3, { Status: "Withdrawn" })))).toEqual(["ROSTER_ROLE_MISSING@-"]);
  });

  test.each(["TSB Director", "ITU Counsellor", "Deputy Secretary-General"])(
    "a second and third confirmed %s are flagged on each extra row",
    (role) => {
      const found = rosterFindings(
        add(
          member({ Name: "A", Role: role, Gender: "Male" }),
          member({ Name: "B", Role: role, Gender: "Female" }),
          member({ Name: "C", Role: role, Gender: "Female" }),
        ),
      );
      const dup = found.filter((f) => f.code === "ROSTER_ROLE_DUPLICATE");
      const first = role === "Deputy Secretary-General" ? 17 : role === "TSB Director" ? 3 : 4;
      const extra = role === "Deputy Secretary-General" ? [18, 19] : [17, 18, 19];
      expect(dup.map((f) => f.row)).toEqual(extra);
      expect(dup.every((f) => f.data.firstRow === first && f.data.role === role)).toBe(true);
    },
  );

  test("a second RG-IEM Leadership is allowed (a leadership, not one person)", () => {
    expect(rosterFindings(add(member({ Name: "Co-lead", Role: "RG-IEM Leadership", Gender: "Male" })))).toEqual([]);
  });

  test("a candidate second Director is not a duplicate", () => {
    expect(rosterFindings(add(member({ Name: "Next", Role: "TSB Director", Status: "Candidate" })))).toEqual([]);
  });
});

describe("ROSTER_REGION_SHORT and ROSTER_REGION_OVER", () => {
  test("a region with one confirmed volunteer is short, with its figures", () => {
    const found = rosterFindings(withRow(5, { Status: "Candidate" }));
    expect(found).toEqual([
      {
        code: "ROSTER_REGION_SHORT",
        severity: "error",
        sheet: "Roster",
        row: null,
        column: "Region",
        data: { region: "Africa", count: 1, wanted: 2 },
      },
    ]);
  });
  test("withdrawn rows count for nothing", () => {
    const found = rosterFindings(withRow(5, { Status: "Withdrawn" }));
    expect(found.map((f) => f.data)).toEqual([{ region: "Africa", count: 1, wanted: 2 }]);
  });
  test("a region with no volunteers at all is short with 0", () => {
    const rows = goodRoster().filter((r) => r[2] !== "CIS");
    expect(rosterFindings(rows).map((f) => f.data)).toEqual([{ region: "CIS", count: 0, wanted: 2 }]);
  });
  test("a third confirmed volunteer over-fills the region", () => {
    const found = rosterFindings(
      add(member({ Name: "Third", Role: "Regional Volunteer", Region: "Europe", Gender: "Male", Justification: "j" })),
    );
    expect(codes(found)).toEqual(["ROSTER_REGION_OVER@-"]);
    expect(found[0]!.data).toEqual({ region: "Europe", count: 3, wanted: 2 });
  });
  test("a candidate third volunteer is not over (that is arbitration)", () => {
    expect(
      rosterFindings(
        add(
          member({
            Name: "Third",
            Role: "Regional Volunteer",
            Region: "Europe",
            Status: "Candidate",
            Justification: "j",
          }),
        ),
      ),
    ).toEqual([]);
  });
  test("VolunteersPerRegion from the settings", () => {
    expect(codes(rosterFindings(goodRoster(), { volunteersPerRegion: 3 }))).toEqual(
      Array(6).fill("ROSTER_REGION_SHORT@-"),
    );
    expect(codes(rosterFindings(goodRoster(), { volunteersPerRegion: 1 }))).toEqual(
      Array(6).fill("ROSTER_REGION_OVER@-"),
    );
  });
  test("a volunteer counts only in a region of the model in force", () => {
    expect(codes(rosterFindings(goodRoster(), { regionModel: "ITU5" }))).toEqual(
      [
        ...Array(12)
          .fill("ROSTER_INVALID_VALUE@")
          .map((c, i) => `${c}${i + 5}`),
        ...Array(5).fill("ROSTER_REGION_SHORT@-"),
      ].sort(),
    );
  });
});

describe("ROSTER_JUSTIFICATION_MISSING", () => {
  test.each([
    ["a confirmed volunteer", "Confirmed", ["ROSTER_JUSTIFICATION_MISSING@5"]],
    ["a candidate", "Candidate", ["ROSTER_JUSTIFICATION_MISSING@5", "ROSTER_REGION_SHORT@-"]],
    ["a withdrawn volunteer (not flagged)", "Withdrawn", ["ROSTER_REGION_SHORT@-"]],
  ])("%s with a blank Justification", (_, status, expected) => {
    expect(codes(rosterFindings(withRow(5, { Status: status, Justification: "   " })))).toEqual(expected);
  });
  test("leaders need no justification", () => {
    expect(rosterFindings(withRow(2, { Justification: null }))).toEqual([]);
  });
});

describe("ROSTER_DUPLICATE_PERSON", () => {
  test.each([
    ["the same name in another case", "helena varga"],
    ["accents and spaces ignored", "  Hélèna   Várga "],
    ["no space at all", "HelenaVarga"],
  ])("%s", (_, name) => {
    const found = rosterFindings(add(member({ Name: name, Role: "Deputy Secretary-General", Gender: "Female" })));
    expect(found).toEqual([
      {
        code: "ROSTER_DUPLICATE_PERSON",
        severity: "error",
        sheet: "Roster",
        row: 17,
        column: "Name",
        data: { name: name.trim().replace(/\s+/g, " "), firstRow: 2, by: "name" },
      },
    ]);
  });
  test("letters that do not decompose: Søren Ødegård and Soren Odegard", () => {
    const rows = add(
      member({ Name: "Søren Ødegård", Role: "Deputy Secretary-General", Gender: "Male" }),
      member({ Name: "Soren Odegard", Role: "Deputy Secretary-General", Gender: "Male", Status: "Candidate" }),
    );
    expect(codes(rosterFindings(rows))).toEqual(["ROSTER_DUPLICATE_PERSON@18"]);
  });
  test("the same e-mail under another name and case", () => {
    const rows = add(member({ Name: "H. V.", Role: "Deputy Secretary-General", Email: "AFRICA1@example.org " }));
    const found = rosterFindings(rows);
    expect(found).toEqual([
      {
        code: "ROSTER_DUPLICATE_PERSON",
        severity: "error",
        sheet: "Roster",
        row: 17,
        column: "Email",
        data: { name: "H. V.", firstRow: 5, by: "email" },
      },
    ]);
  });
  test("a withdrawn row is not a duplicate", () => {
    expect(
      rosterFindings(add(member({ Name: "Helena Varga", Role: "Deputy Secretary-General", Status: "Withdrawn" }))),
    ).toEqual([]);
  });
  test("three rows: each later row names the first", () => {
    const rows = add(
      member({ Name: "Helena Varga", Role: "Deputy Secretary-General", Status: "Candidate" }),
      member({ Name: "HELENA VARGA", Role: "Deputy Secretary-General", Status: "Candidate" }),
    );
    expect(rosterFindings(rows).map((f) => [f.row, f.data])).toEqual([
      [17, { name: "Helena Varga", firstRow: 2, by: "name" }],
      [18, { name: "HELENA VARGA", firstRow: 2, by: "name" }],
    ]);
  });
});

describe("ROSTER_GENDER_BALANCE", () => {
  const balance = (female: number, male: number, other = 0, notStated = 0) => [
    ROSTER_HEADER,
    member({ Name: "L", Role: "RG-IEM Leadership", Gender: "Not stated" }),
    member({ Name: "D", Role: "TSB Director", Gender: "Not stated" }),
    member({ Name: "C", Role: "ITU Counsellor", Gender: null }),
    ...[
      ...Array(female).fill("Female"),
      ...Array(male).fill("Male"),
      ...Array(other).fill("Other"),
      ...Array(notStated).fill("Not stated"),
    ].map((g, i) =>
      member({
        Name: `M${i}`,
        Role: "Deputy Secretary-General",
        Gender: g,
        Status: i === 0 ? "Confirmed" : "Candidate",
      }),
    ),
  ];
  // Only confirmed members count: make them confirmed through a roster of leaders.
  const confirmed = (female: number, male: number, other = 0) => [
    ROSTER_HEADER,
    ...[...Array(female).fill("Female"), ...Array(male).fill("Male"), ...Array(other).fill("Other")].map((g, i) =>
      member({
        Name: `M${i}`,
        Role:
          i === 0 ? "RG-IEM Leadership" : i === 1 ? "TSB Director" : i === 2 ? "ITU Counsellor" : "Regional Volunteer",
        Gender: g,
      }),
    ),
  ];
  const balanceOf = (rows: CellValue[][], minGenderShare = 0.4) =>
    rosterFindings(rows, { minGenderShare, volunteersPerRegion: 0 }).filter((f) => f.code === "ROSTER_GENDER_BALANCE");

  test.each<[number, number, number, boolean]>([
    [4, 6, 0, false], // exactly 40 %: balanced
    [3, 7, 0, true],
    [7, 3, 0, true], // men under-represented
    [4, 5, 1, false], // 4/10
    [3, 5, 2, true], // other counts in the denominator: 3/10
    [0, 0, 0, false], // nobody with a stated gender: nothing to say
  ])("%i women, %i men, %i other → finding: %s", (f, m, o, expected) => {
    const rows = confirmed(f, m, o).map((r, i) => (i > 3 ? r.map((c, j) => (j === 2 ? null : c)) : r));
    expect(balanceOf(rows).length > 0).toBe(expected);
  });

  test("the figures behind it", () => {
    const [f] = balanceOf(confirmed(3, 7));
    expect(f).toMatchObject({
      severity: "warning",
      row: null,
      column: "Gender",
      data: { female: 3, male: 7, other: 0, share: 0.3, under: "women", minShare: 0.4 },
    });
  });

  test("Not stated and candidates do not count", () => {
    // One confirmed woman (M0) among only not-stated leaders: women 1, men 0 → men are 0 %.
    expect(balanceOf(balance(1, 5, 0, 3))[0]!.data).toMatchObject({ female: 1, male: 0, under: "men" });
  });

  test("MinGenderShare from the settings (ITU's 35 % reference)", () => {
    expect(balanceOf(confirmed(7, 13), 0.35)).toHaveLength(0);
    expect(balanceOf(confirmed(7, 14), 0.35)).toHaveLength(1);
  });
});

describe("ROSTER_SIZE", () => {
  test("21 confirmed members is more than 20", () => {
    const rows = [ROSTER_HEADER, ...LEADERS, ...volunteers(3)]; // 3 + 18 = 21
    const found = rosterFindings(rows, { volunteersPerRegion: 3, minGenderShare: 0 });
    expect(found).toEqual([
      {
        code: "ROSTER_SIZE",
        severity: "warning",
        sheet: "Roster",
        row: null,
        column: null,
        data: { count: 21, max: 20 },
      },
    ]);
  });
  test("candidates and withdrawn members do not count", () => {
    const rows = [
      ...goodRoster(),
      ...Array.from({ length: 10 }, (_, i) =>
        member({ Name: `C${i}`, Role: "Deputy Secretary-General", Status: i % 2 ? "Candidate" : "Withdrawn" }),
      ),
    ];
    expect(rosterFindings(rows)).toEqual([]);
  });
});

describe("ROSTER_EMAIL_INVALID", () => {
  test.each([
    ["helena.varga@example", true],
    ["helena varga@example.org", true],
    ["@example.org", true],
    ["helena.varga@example.org", false],
    ["mailto:helena.varga@example.org", false],
    ["  Helena.Varga@Example.ORG ", false],
  ])("%s → invalid: %s", (email, invalid) => {
    const found = rosterFindings(withRow(2, { Email: email }));
    expect(found.some((f) => f.code === "ROSTER_EMAIL_INVALID")).toBe(invalid);
  });
  test("is checked on withdrawn rows too", () => {
    const found = rosterFindings(
      add(member({ Name: "Gone", Role: "Deputy Secretary-General", Status: "Withdrawn", Email: "nope" })),
    );
    expect(found).toEqual([
      {
        code: "ROSTER_EMAIL_INVALID",
        severity: "warning",
        sheet: "Roster",
        row: 17,
        column: "Email",
        data: { value: "nope" },
      },
    ]);
  });
});

describe("ROSTER_ARBITRATION", () => {
  const arbitrations = (rows: CellValue[][], settings = {}) =>
    rosterFindings(rows, settings).filter((f) => f.code === "ROSTER_ARBITRATION");

  test("one note per over-subscribed region, on the Status column, with the choice and the committee's shares", () => {
    const found = arbitrations(OVERSUBSCRIBED);
    expect(found.map((f) => [f.severity, f.sheet, f.row, f.column])).toEqual(
      Array(3).fill(["info", "Roster", null, "Status"]),
    );
    expect(found.map((f) => f.data)).toEqual([
      {
        region: "Americas",
        selected: ["Diego Souza"],
        passedOver: ["Lucía Fernández", "Ana Torres"],
        seats: 1,
        shareBefore: 0.4545,
        shareAfter: 0.4667,
        underBefore: "women",
        underAfter: "women",
      },
      {
        region: "Asia-Pacific",
        selected: ["Mei Tanaka", "Arjun Raman"],
        passedOver: ["Ravi Iyer", "Hana Kim"],
        seats: 2,
        shareBefore: 0.4545,
        shareAfter: 0.4667,
        underBefore: "women",
        underAfter: "women",
      },
      {
        region: "Europe",
        selected: ["Ana Kovač"],
        passedOver: ["Jonas Weber", "Jan Novak"],
        seats: 1,
        shareBefore: 0.4545,
        shareAfter: 0.4667,
        underBefore: "women",
        underAfter: "women",
      },
    ]);
  });

  test("says who to propose, who not, and the balance in words", () => {
    expect(arbitrations(OVERSUBSCRIBED).map(messageOf)).toEqual([
      "Americas has 3 candidates for 1 free seat: propose Diego Souza, not Lucía Fernández or Ana Torres (women would be 46.7 % of the confirmed committee, 45.5 % now).",
      "Asia-Pacific has 4 candidates for 2 free seats: propose Mei Tanaka and Arjun Raman, not Ravi Iyer or Hana Kim (women would be 46.7 % of the confirmed committee, 45.5 % now).",
      "Europe has 3 candidates for 1 free seat: propose Ana Kovač, not Jonas Weber or Jan Novak (women would be 46.7 % of the confirmed committee, 45.5 % now).",
    ]);
  });

  test("when the proposal turns which gender is less represented, the message says so", () => {
    // Committee 2 women, 3 men; Europe has 2 free seats and two women as candidates, so men become the fewer.
    const rows = [
      ROSTER_HEADER,
      member({ Name: "L", Role: "RG-IEM Leadership", Gender: "Female" }),
      member({ Name: "D", Role: "TSB Director", Gender: "Male" }),
      member({ Name: "C", Role: "ITU Counsellor", Gender: "Male" }),
      member({ Name: "V", Role: "Regional Volunteer", Region: "Africa", Gender: "Female", Justification: "x" }),
      member({ Name: "W", Role: "Regional Volunteer", Region: "Africa", Gender: "Male", Justification: "x" }),
      ...["Eva", "Ema", "Eli"].map((Name) =>
        member({
          Name,
          Role: "Regional Volunteer",
          Region: "Europe",
          Gender: "Female",
          Status: "Candidate",
          Justification: "x",
        }),
      ),
    ];
    const [f] = arbitrations(rows);
    expect(f!.data).toMatchObject({
      selected: ["Eva", "Ema"],
      passedOver: ["Eli"],
      underBefore: "women",
      underAfter: "men",
      shareBefore: 0.4,
      shareAfter: 0.4286,
    });
    expect(messageOf(f!)).toBe(
      "Europe has 3 candidates for 2 free seats: propose Eva and Ema, not Eli (men would then be the less represented, at 42.9 % of the confirmed committee; women are 40 % now).",
    );
  });

  test.each<[string, CellValue[][]]>([
    [
      "a region with as many candidates as free seats",
      [
        ...goodRoster().filter((r) => r[2] !== "Europe"),
        member({
          Name: "E1",
          Role: "Regional Volunteer",
          Region: "Europe",
          Gender: "Female",
          Status: "Candidate",
          Justification: "x",
        }),
      ],
    ],
    [
      "a full region with a candidate to spare (the sample's Europe)",
      add(
        member({
          Name: "Ana Kovač",
          Role: "Regional Volunteer",
          Region: "Europe",
          Gender: "Female",
          Status: "Candidate",
          Justification: "x",
        }),
      ),
    ],
    ["a roster without a Status column", goodRoster().map((r) => r.filter((_, j) => j !== 4))],
  ])("no note for %s", (_, rows) => {
    expect(arbitrations(rows)).toEqual([]);
  });
});
