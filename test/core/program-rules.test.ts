import fc from "fast-check";
import {
  type CellValue,
  DEFAULT_SETTINGS,
  type Finding,
  clock,
  longDate,
  messageOf,
  personKey,
  readInvitees,
  readTable,
} from "../../core";
import { isPendingWithoutEmail } from "../../core/program/invitee";
import { sessionsByPerson } from "../../core/program/mail-merge";
import { readSessions } from "../../core/program/session";
import { invitationsState } from "../../core/program/summary";
import {
  D1,
  D2,
  INVITEES_HEADER,
  PROGRAM_HEADER,
  type ProgramCase,
  goodInvitees,
  goodProgram,
  invitee,
  programFindings,
  session,
} from "../helpers/program";
import { raw } from "../helpers/tables";

const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}@${f.sheet}!${f.row ?? "-"}`).sort();

/** The good programme with one row (as Excel numbers it) changed or added. */
function programWith(row: number, fields: Parameters<typeof session>[0]): CellValue[][] {
  const rows = goodProgram();
  const current = rows[row - 1] ? Object.fromEntries(PROGRAM_HEADER.map((h, i) => [h, rows[row - 1]![i]])) : {};
  rows[row - 1] = session({ ...current, ...fields });
  return rows;
}
function inviteesWith(row: number, fields: Parameters<typeof invitee>[0]): CellValue[][] {
  const rows = goodInvitees();
  const current = rows[row - 1] ? Object.fromEntries(INVITEES_HEADER.map((h, i) => [h, rows[row - 1]![i]])) : {};
  rows[row - 1] = invitee({ ...current, ...fields });
  return rows;
}

describe("a programme and invitation list that meet every rule", () => {
  test("have no findings (touching sessions, Excel times and text times alike)", () => {
    expect(programFindings({})).toEqual([]);
  });
  test("every finding has a message", () => {
    const all = programFindings({
      program: [...goodProgram(), session({ Session: "S1", Day: "soon", Start: "9", End: "x", Format: "Talk" })],
      invitees: [...goodInvitees(), invitee({ Name: "", Gender: "?", Status: "Invited", "Reply By": "later" })],
    });
    for (const f of all) expect(messageOf(f)).toMatch(/\S/);
  });
});

describe.each<[string, ProgramCase, string[]]>([
  // PROGRAM_INVALID_VALUE
  ["a blank Session", { program: programWith(3, { Session: null }) }, ["PROGRAM_INVALID_VALUE@Program!3"]],
  [
    "a blank Day and an unreadable Start",
    { program: programWith(2, { Day: null, Start: "nine" }) },
    ["PROGRAM_INVALID_VALUE@Program!2", "PROGRAM_INVALID_VALUE@Program!2"],
  ],
  ["a bare number is not a time", { program: programWith(2, { End: "10" }) }, ["PROGRAM_INVALID_VALUE@Program!2"]],
  ["End before Start", { program: programWith(4, { End: "10:00" }) }, ["PROGRAM_INVALID_VALUE@Program!4"]],
  ["End equal to Start", { program: programWith(4, { End: "10:30" }) }, ["PROGRAM_INVALID_VALUE@Program!4"]],
  ["an unknown Format", { program: programWith(4, { Format: "Workshop" }) }, ["PROGRAM_INVALID_VALUE@Program!4"]],
  ["formats match as enumerations do", { program: programWith(4, { Format: " fireside CHAT " }) }, []],
  // PROGRAM_DUPLICATE_SESSION
  ["a Session ID used twice", { program: programWith(6, { Session: "s2 " }) }, ["PROGRAM_DUPLICATE_SESSION@Program!6"]],
  // PROGRAM_OUTSIDE_WORKSHOP
  [
    "a day before and a day after the workshop",
    {
      program: [
        ...goodProgram(),
        session({ Session: "S6", Day: { date: "2024-04-17" }, Start: "09:00", End: "10:00" }),
        session({ Session: "S7", Day: "20 April 2024", Start: "09:00", End: "10:00" }),
      ],
    },
    ["PROGRAM_OUTSIDE_WORKSHOP@Program!7", "PROGRAM_OUTSIDE_WORKSHOP@Program!8"],
  ],
  [
    "without a Workshop table the days are not checked",
    {
      workshop: null,
      program: programWith(7, { Session: "S6", Day: { date: "2030-01-01" }, Start: "09:00", End: "10:00" }),
    },
    [],
  ],
  // PROGRAM_OVERLAP
  [
    "sessions that only touch do not overlap",
    { program: programWith(7, { Session: "S6", Day: D1, Start: "11:00", End: "12:00" }) },
    [],
  ],
  [
    "two sessions in the plenary overlap",
    { program: programWith(7, { Session: "S6", Day: D1, Start: "10:15", End: "10:45" }) },
    // S6 starts inside S2; the break S3 starts inside S6: each on the later-starting one.
    ["PROGRAM_OVERLAP@Program!4", "PROGRAM_OVERLAP@Program!7"],
  ],
  [
    "the same hours in another room do not overlap",
    { program: programWith(7, { Session: "S6", Day: D1, Start: "09:30", End: "10:30", Room: "Room B" }) },
    [],
  ],
  [
    "rooms match case-insensitively",
    { program: programWith(7, { Session: "S6", Day: D2, Start: "10:00", End: "11:00", Room: " room b" }) },
    ["PROGRAM_OVERLAP@Program!7"],
  ],
  [
    "the same hours on another day do not overlap",
    { program: programWith(7, { Session: "S6", Day: D2, Start: "10:30", End: "11:00" }) },
    [],
  ],
  // PROGRAM_SPEAKER_CLASH
  [
    "a speaker in two rooms at once",
    {
      program: programWith(7, {
        Session: "S6",
        Day: D1,
        Start: "10:00",
        End: "10:20",
        Room: "Room B",
        Speakers: "eva  nowák",
      }),
    },
    ["PROGRAM_SPEAKER_CLASH@Program!7"],
  ],
  [
    "moderator and speaker of one session is no clash",
    { program: programWith(3, { Speakers: "Dara Singh; Eva Nowak; Chen Wei" }) },
    [],
  ],
  // PROGRAM_SPEAKER_UNKNOWN
  [
    "a speaker and a moderator not in Invitees",
    { program: programWith(6, { Speakers: "Ben Ruiz; Zoe Quinn", Moderator: "Yusuf Ali" }) },
    ["PROGRAM_SPEAKER_UNKNOWN@Program!6", "PROGRAM_SPEAKER_UNKNOWN@Program!6"],
  ],
  [
    "without an Invitees table nobody is looked up",
    { invitees: undefined, program: programWith(6, { Speakers: "Zoe Quinn" }) },
    ["PROGRAM_SPEAKER_UNKNOWN@Program!6"],
  ],
  // PROGRAM_SPEAKER_DECLINED
  [
    "a declined speaker still on the programme",
    { invitees: inviteesWith(3, { Status: "Declined" }) },
    ["PROGRAM_SPEAKER_DECLINED@Program!6"],
  ],
  // PROGRAM_SPEAKER_UNCONFIRMED, and SpeakerConfirmDays
  [
    "an invited speaker, well before the workshop: a warning",
    { invitees: inviteesWith(2, { Status: "Invited", "Reply By": null }), asOf: "2024-03-18" },
    ["PROGRAM_SPEAKER_UNCONFIRMED@Invitees!2"],
  ],
  [
    "a speaker to invite, named twice: one finding",
    {
      invitees: inviteesWith(7, { Status: null, "Invited On": null }),
      program: programWith(7, { Session: "S6", Day: D2, Start: "11:00", End: "12:00", Moderator: "Femi Ade" }),
    },
    ["PROGRAM_SPEAKER_UNCONFIRMED@Invitees!7"],
  ],
  [
    "an accepted participant who is not on the programme",
    {
      invitees: [
        ...goodInvitees(),
        invitee({ Name: "Guest One", Gender: "Male", Email: "g@example.com", Status: "Accepted" }),
      ],
    },
    [],
  ],
  // PROGRAM_SINGLE_GENDER_PANEL
  [
    "a panel of men only",
    { program: programWith(3, { Moderator: "Femi Ade", Speakers: "Dara Singh; Ben Ruiz" }) },
    // Chen and Eva no longer speak: one woman, three men.
    ["PROGRAM_SINGLE_GENDER_PANEL@Program!3", "PROGRAM_SPEAKER_BALANCE@Program!-"],
  ],
  ["a panel of one", { program: programWith(3, { Moderator: null, Speakers: "Eva Nowak" }) }, []],
  [
    "a panel whose one woman declined is a panel of men",
    { invitees: inviteesWith(6, { Status: "Declined" }), program: programWith(3, { Moderator: "Femi Ade" }) },
    [
      "PROGRAM_SINGLE_GENDER_PANEL@Program!3",
      "PROGRAM_SPEAKER_DECLINED@Program!3",
      "PROGRAM_SPEAKER_BALANCE@Program!-",
    ],
  ],
  [
    "a keynote by one gender is no panel",
    { program: programWith(5, { Speakers: "Ada Obi; Eva Nowak", Day: D2, Format: "Keynote" }) },
    [],
  ],
  // INVITE_*
  [
    "a blank Name",
    {
      invitees: [
        ...goodInvitees(),
        invitee({ Organization: "X", Gender: "Female", Email: "x@example.com", Status: "Accepted" }),
      ],
    },
    ["INVITE_INVALID_VALUE@Invitees!8"],
  ],
  [
    "an unknown Sector, Region, Gender, Invited As and Status, and an unreadable date",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Sector: "Media",
        Region: "Oceania",
        Gender: "W",
        "Invited As": "Guest",
        Status: "Maybe",
        "Reply By": "soon",
        Email: "h@example.com",
      }),
    },
    Array(6).fill("INVITE_INVALID_VALUE@Invitees!8"),
  ],
  [
    "aliases are read",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Sector: "industry",
        Region: "APT",
        Gender: "F",
        "Invited As": "Panelist",
        Status: "confirmed",
        Email: "h@example.com",
      }),
    },
    [],
  ],
  [
    "the same person twice",
    {
      invitees: inviteesWith(8, { Name: "ADA  OBI", Gender: "Female", Status: "Accepted", Email: "other@example.com" }),
    },
    ["INVITE_DUPLICATE@Invitees!8"],
  ],
  [
    "the same e-mail twice",
    { invitees: inviteesWith(8, { Name: "A. Obi", Gender: "Female", Status: "Accepted", Email: "ADA@example.com" }) },
    ["INVITE_DUPLICATE@Invitees!8"],
  ],
  [
    "to invite without an e-mail",
    { invitees: inviteesWith(8, { Name: "Hana Sato", Gender: "Female" }) },
    ["INVITE_CONTACT_MISSING@Invitees!8"],
  ],
  [
    "accepted without an e-mail is fine",
    { invitees: inviteesWith(8, { Name: "Hana Sato", Gender: "Female", Status: "Accepted" }) },
    [],
  ],
  [
    "an e-mail that is not one",
    {
      invitees: inviteesWith(8, { Name: "Hana Sato", Gender: "Female", Status: "Accepted", Email: "hana at example" }),
    },
    ["INVITE_EMAIL_INVALID@Invitees!8"],
  ],
  [
    "invited, and the reply is overdue",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Gender: "Female",
        Status: "Invited",
        Email: "h@example.com",
        "Reply By": { date: "2024-02-29" },
      }),
    },
    ["INVITE_NO_REPLY@Invitees!8"],
  ],
  [
    "invited, reply due today: not yet overdue",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Gender: "Female",
        Status: "Invited",
        Email: "h@example.com",
        "Reply By": { date: "2024-03-01" },
      }),
    },
    [],
  ],
  [
    "a panellist still to invite after the lead time (18 April − 42 days = 7 March)",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Gender: "Female",
        "Invited As": "Panellist",
        Email: "h@example.com",
      }),
      asOf: "2024-03-08",
    },
    ["INVITE_LATE@Invitees!8"],
  ],
  [
    "… but not on the last day",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Gender: "Female",
        "Invited As": "Panellist",
        Email: "h@example.com",
      }),
      asOf: "2024-03-07",
    },
    [],
  ],
  [
    "a speaker invited after the lead time",
    { invitees: inviteesWith(2, { "Invited On": { date: "2024-03-10" } }) },
    ["INVITE_LATE@Invitees!2"],
  ],
  [
    "a participant named by a session counts as a speaker",
    {
      invitees: [
        ...goodInvitees(),
        invitee({
          Name: "Hana Sato",
          Gender: "Female",
          Email: "h@example.com",
          Status: "Accepted",
          "Invited On": { date: "2024-04-01" },
        }),
      ],
      program: programWith(5, { Speakers: "Ada Obi; Hana Sato" }),
    },
    ["INVITE_LATE@Invitees!8"],
  ],
  [
    "a participant invited late is not late",
    {
      invitees: inviteesWith(8, {
        Name: "Hana Sato",
        Gender: "Female",
        Email: "h@example.com",
        Status: "Invited",
        "Invited On": { date: "2024-04-01" },
      }),
    },
    [],
  ],
])("%s", (_, c, expected) => {
  test("gives exactly these findings", () => {
    expect(codes(programFindings(c))).toEqual([...expected].sort());
  });
});

describe("finding data and where findings point", () => {
  test("PROGRAM_OVERLAP: on the later-starting session, naming the other and the time both hold", () => {
    const [f] = programFindings({
      program: programWith(7, { Session: "S6", Day: D2, Start: "10:00", End: "11:00", Room: "Room B" }),
    });
    expect(f).toMatchObject({
      code: "PROGRAM_OVERLAP",
      severity: "error",
      row: 7,
      column: "Start",
      data: { id: "S6", session: "S5", room: "Room B", day: "2024-04-19", start: "10:00", end: "10:30" },
    });
    expect(messageOf(f!)).toBe("S6 overlaps S5 in room Room B on 19 April 2024 (10:00–10:30).");
  });

  test("PROGRAM_SPEAKER_CLASH names the person and the other session", () => {
    const [f] = programFindings({
      program: programWith(7, {
        Session: "S6",
        Day: D1,
        Start: "10:00",
        End: "10:20",
        Room: "Room B",
        Moderator: "Eva Nowak",
      }),
    });
    expect(f).toMatchObject({
      code: "PROGRAM_SPEAKER_CLASH",
      column: "Moderator",
      data: { name: "Eva Nowak", session: "S2" },
    });
  });

  test("PROGRAM_SPEAKER_UNCONFIRMED: a warning, an error from SpeakerConfirmDays before the start", () => {
    const invitees = inviteesWith(2, { Status: "Invited", "Reply By": null });
    const at = (asOf: string, settings?: CellValue[][]) =>
      programFindings({ invitees, asOf, ...(settings ? { settings } : {}) }).map((f) => [f.code, f.severity, f.data]);
    const data = { name: "Ada Obi", status: "Invited", sessions: ["S4"], confirmBy: "2024-03-19", confirmDays: 30 };
    expect(at("2024-03-18")).toEqual([["PROGRAM_SPEAKER_UNCONFIRMED", "warning", data]]);
    expect(at("2024-03-19")).toEqual([["PROGRAM_SPEAKER_UNCONFIRMED", "error", data]]);
    expect(at("2024-03-01", [["SpeakerConfirmDays", 60]])).toEqual([
      ["PROGRAM_SPEAKER_UNCONFIRMED", "error", { ...data, confirmBy: "2024-02-18", confirmDays: 60 }],
    ]);
    // Without a workshop start there is no day to count from: a warning.
    expect(programFindings({ invitees, workshop: null, asOf: "2024-04-17" }).map((f) => f.severity)).toEqual([
      "warning",
    ]);
  });

  test("PROGRAM_SPEAKER_BALANCE and PROGRAM_INDUSTRY_SHARE: over distinct speakers who have not declined", () => {
    const invitees = goodInvitees().map((r, i) =>
      i === 0 ? r : [...r.slice(0, 2), i === 1 ? "Industry" : "Academia", ...r.slice(3)],
    );
    // Two of the three women declined: the remaining speakers are one woman and three men (Chen and Eva still named).
    invitees[1]![10] = "Declined";
    invitees[5]![10] = "Declined";
    const found = programFindings({ invitees });
    const balance = found.find((f) => f.code === "PROGRAM_SPEAKER_BALANCE")!;
    expect(balance).toMatchObject({
      row: null,
      severity: "warning",
      data: { female: 1, male: 3, share: 0.25, under: "women" },
    });
    const industry = found.find((f) => f.code === "PROGRAM_INDUSTRY_SHARE")!;
    expect(industry).toMatchObject({ row: null, data: { industry: 0, withSector: 4, share: 0, minShare: 0.5 } });
    expect(messageOf(industry)).toBe(
      "0 of the 4 speakers with a sector come from industry (0 %), below the 50 % the workshop aims for.",
    );
    expect(codes(found.filter((f) => f.code === "PROGRAM_SPEAKER_DECLINED"))).toEqual([
      "PROGRAM_SPEAKER_DECLINED@Program!3",
      "PROGRAM_SPEAKER_DECLINED@Program!5",
    ]);
    // MinIndustrySpeakerShare may be written as a percentage.
    expect(
      programFindings({ invitees, settings: [["MinIndustrySpeakerShare", "0 %"]] }).some(
        (f) => f.code === "PROGRAM_INDUSTRY_SHARE",
      ),
    ).toBe(false);
  });
});

describe("properties", () => {
  test("row order does not change the programme's findings (as a set of codes and sessions)", () => {
    const program = [
      ...goodProgram(),
      session({ Session: "S6", Day: D1, Start: "10:15", End: "10:45", Speakers: "Dara Singh" }),
      session({ Session: "S7", Day: D2, Start: "09:00", End: "12:00", Room: "Room B" }),
    ];
    const key = (fs: readonly Finding[]) => fs.map((f) => `${f.code}:${"id" in f.data ? f.data.id : ""}`).sort();
    const base = key(programFindings({ program }));
    expect(base.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.shuffledSubarray(program.slice(1), { minLength: program.length - 1 }), (body) => {
        expect(key(programFindings({ program: [PROGRAM_HEADER, ...body] }))).toEqual(base);
      }),
      { numRuns: 40 },
    );
  });

  test("the rule and the reports' count agree on who is to contact without an e-mail, for any Status and Email", () => {
    const status = fc.constantFrom(
      null,
      "",
      "To invite",
      "invited",
      " Invited ",
      "Accepted",
      "Confirmed",
      "Declined",
      "Maybe",
    );
    const email = fc.constantFrom(null, "", " ", "\u00a0", "\t", "hana@example.org", "hana at example", 0, false);
    fc.assert(
      fc.property(fc.array(fc.tuple(status, email), { maxLength: 8 }), (cells) => {
        const invitees = [
          INVITEES_HEADER,
          ...cells.map(([Status, Email], n) => invitee({ Name: `Person ${n}`, Gender: "Female", Status, Email })),
        ];
        const rule = programFindings({ invitees, program: [PROGRAM_HEADER] })
          .filter((f) => f.code === "INVITE_CONTACT_MISSING")
          .map((f) => f.row)
          .sort((a, b) => a! - b!);
        const read = readInvitees(readTable(raw("Invitees", invitees)), DEFAULT_SETTINGS, false);
        expect(invitationsState(read).withoutEmail).toBe(rule.length);
        expect(read.filter(isPendingWithoutEmail).map((i) => i.row)).toEqual(rule);
      }),
      { numRuns: 200 },
    );
  });

  test("each person's sessions, from the one index, are the timed sessions naming them, by day and time", () => {
    const names = ["Ada Obi", "ada  OBI", "Ben Ruiz", "Chen Wei", ""];
    const row = fc.record({
      Session: fc.constantFrom("S1", "S2", ""),
      Day: fc.constantFrom(D1, D2, "soon"),
      Start: fc.constantFrom("09:00", "9:30", "x", 0.375),
      End: fc.constantFrom("10:00", "11:15", "later"),
      Title: fc.constantFrom("Keynote", ""),
      Moderator: fc.constantFrom(...names),
      Speakers: fc.array(fc.constantFrom(...names), { maxLength: 3 }).map((l) => l.join("; ")),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const sessions = readSessions(readTable(raw("Program", [PROGRAM_HEADER, ...rows.map(session)])), false);
        const index = sessionsByPerson(sessions);
        // A scan of the programme per person, as the Invitations sheet did before the index.
        const scan = (key: string) =>
          sessions
            .filter((s) => s.day.value !== undefined && s.start.value !== undefined && s.end.value !== undefined)
            .filter((s) => s.people.some((p) => p.key === key))
            .sort((a, b) => a.day.value! - b.day.value! || a.start.value! - b.start.value! || a.row - b.row)
            .map(
              (s) =>
                `${longDate(s.day.value!)}, ${clock(s.start.value!)}–${clock(s.end.value!)}: ${s.title || s.format || "Session"}${s.id ? ` (${s.id})` : ""}`,
            )
            .join("; ");
        for (const name of names) expect(index.get(personKey(name)) ?? "").toBe(scan(personKey(name)));
        expect([...index.keys()].every((key) => scan(key) !== "")).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test("no row of odd cells crashes a rule", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constantFrom({ date: "2024-04-18" }, { date: "1899-12-30", time: 34_200 }, { error: "#N/A" }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 11, maxLength: 11 }), { maxLength: 6 }), (rows) => {
        programFindings({
          program: [PROGRAM_HEADER, ...rows.map((r) => r.slice(0, 9))],
          invitees: [INVITEES_HEADER, ...rows],
        });
      }),
      { numRuns: 150 },
    );
  });
});
