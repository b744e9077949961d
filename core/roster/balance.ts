import type { Settings } from "../settings";
import { type Region, regionsOf } from "../vocab";
import { sharesOf } from "./gender";
import { type Member, isConfirmed, isVolunteer } from "./member";

/** The rows of the balance table besides the regions, in the order they are shown. */
export const LEADERSHIP_ROW = "Leadership and TSB";
export const UNPLACED_ROW = "Volunteers with no recognised region";
export const TOTAL_ROW = "Total";

/** One row of the balance table: confirmed members counted by gender. */
export interface BalanceRow {
  /** The region, or `LEADERSHIP_ROW`, `UNPLACED_ROW`, `TOTAL_ROW`. */
  label: string;
  kind: "region" | "leadership" | "unplaced" | "total";
  female: number;
  male: number;
  other: number;
  /** `Not stated`, blank, or a Gender that could not be read: everyone not counted in the three above. */
  notStated: number;
  total: number;
  /** Women among the stated genders (Female, Male, Other); `null` when no gender is stated. */
  womenShare: number | null;
  menShare: number | null;
  /** Regions and the total only: VolunteersPerRegion (times the regions, for the total). */
  seatsWanted: number | null;
  /** Regions and the total only: the confirmed volunteers. */
  seatsFilled: number | null;
}

type Counts = Pick<BalanceRow, "female" | "male" | "other" | "notStated" | "total">;

/**
 * A member counts when confirmed (Status `Confirmed` or blank) and the row has a Name and a Role, as the
 * sheet's formulas count: a note typed under the roster, in the rows the formulas look at, is no member.
 */
export const countsForBalance = (m: Member): boolean => isConfirmed(m) && m.name !== "" && m.roleText !== "";

function count(members: readonly Member[]): Counts {
  const c: Counts = { female: 0, male: 0, other: 0, notStated: 0, total: 0 };
  for (const m of members) {
    c.total++;
    if (m.gender === "Female") c.female++;
    else if (m.gender === "Male") c.male++;
    else if (m.gender === "Other") c.other++;
    else c.notStated++;
  }
  return c;
}

function row(
  label: string,
  kind: BalanceRow["kind"],
  c: Counts,
  seats: { wanted: number; filled: number } | null,
): BalanceRow {
  const { women, men } = sharesOf(c);
  return {
    label,
    kind,
    ...c,
    womenShare: women,
    menShare: men,
    seatsWanted: seats?.wanted ?? null,
    seatsFilled: seats?.filled ?? null,
  };
}

/**
 * The confirmed committee by region and gender: one row per region of the model in force, then the
 * leadership and TSB (every member who is not a Regional Volunteer), the volunteers whose Region was
 * not read, and the total. These are the figures the `Balance` sheet's live formulas compute from a
 * roster written in the contract's own spellings; the core also reads aliases (`F`, `CEPT`, `A` …),
 * which the formulas cannot.
 *
 * @example
 * balanceByRegion(members, DEFAULT_SETTINGS).at(-1)
 * // { label: "Total", kind: "total", female: 7, male: 8, other: 0, notStated: 0, total: 15,
 * //   womenShare: 0.4667, menShare: 0.5333, seatsWanted: 12, seatsFilled: 12 } (shares unrounded)
 */
export function balanceByRegion(members: readonly Member[], settings: Settings): BalanceRow[] {
  const counted = members.filter(countsForBalance);
  const wanted = settings.volunteersPerRegion;
  const regions = regionsOf(settings.regionModel);
  const inRegion = (region: Region) => counted.filter((m) => isVolunteer(m) && m.region === region);
  const rows = regions.map((region) => {
    const c = count(inRegion(region));
    return row(region, "region", c, { wanted, filled: c.total });
  });
  rows.push(row(LEADERSHIP_ROW, "leadership", count(counted.filter((m) => !isVolunteer(m))), null));
  rows.push(
    row(
      UNPLACED_ROW,
      "unplaced",
      count(counted.filter((m) => isVolunteer(m) && (m.region === undefined || !regions.includes(m.region)))),
      null,
    ),
  );
  const filled = rows.reduce((t, r) => t + (r.kind === "region" ? r.total : 0), 0);
  rows.push(row(TOTAL_ROW, "total", count(counted), { wanted: wanted * regions.length, filled }));
  return rows;
}
