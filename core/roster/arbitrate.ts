/**
 * Arbitration between candidate Regional Volunteers. The spec: "If arbitrations are needed,
 * maximise the gender balance."
 *
 * A region is arbitrated when its confirmed volunteers leave `seats` free (seats > 0) and it has more
 * candidates than that. For all such regions at once, the candidates that fill the seats are chosen so
 * that the confirmed committee that results (every confirmed member, leaders included, plus the
 * chosen candidates) has the largest share of its less-represented gender. Ties go to the fewest
 * blank priorities, then the lowest sum of priorities, then the earliest rows (the chosen row numbers
 * sorted ascending, compared lexicographically).
 *
 * How the choice is exact:
 * - Every tie-break is folded into one exact weight per candidate, so that for any two selections
 *   of the same size the smaller weight sum is the one the tie-breaks prefer (see `tieBreakWeights`:
 *   short vectors of small integers, not BigInt, which the oldest web view Excel uses lacks).
 * - Within a region, once it is fixed how many women, men, others and unstated candidates are chosen,
 *   the best choice is the lightest of each group.
 * - The share only depends on the totals (F, M, O) added. For given (F, M) the share is largest with
 *   the fewest others, so a dynamic programme over regions keeps, per (F, M), the least O and then the
 *   least weight: one pass, exact, no search over rows.
 * - If the best share is 0 (no selection has both a woman and a man), every selection ties on the
 *   share and the lightest selection of each region wins.
 */
import type { Settings } from "../settings";
import { type Region, regionsOf } from "../vocab";
import { type Member, isConfirmed, isVolunteer } from "./member";
import { type GenderCounts, genderCounts } from "./gender";
import { type TieWeights, type Weight, tieBreakWeights } from "./tie-weights";

/** The stated genders of a committee and the share of its less-represented gender (women or men). */
export type Balance = GenderCounts;

/** One arbitrated region: who was there and who was chosen. */
export interface RegionChoice {
  region: Region;
  wanted: number;
  confirmed: Member[];
  /** The region's volunteers with Status `Candidate`, in row order. */
  candidates: Member[];
  /** Free seats: `wanted - confirmed.length`. */
  seats: number;
  /** The chosen candidates, in row order. */
  selected: Member[];
  /** The other candidates, in row order. */
  passedOver: Member[];
}

export interface Arbitration {
  /** The arbitrated regions only, in the model's region order. */
  regions: RegionChoice[];
  /** All confirmed members now. */
  before: Balance;
  /** All confirmed members plus the selected candidates. */
  after: Balance;
}

type OpenRegion = Omit<RegionChoice, "selected" | "passedOver">;

/**
 * Chooses, for every region with more candidates than free seats, which candidates fill the seats.
 *
 * @example
 * // Europe has one free seat; Ana (Female) and Ben (Male) are candidates; the committee is 1 F, 3 M.
 * arbitrate(members, DEFAULT_SETTINGS).regions[0].selected.map((m) => m.name) // ["Ana"]
 */
export function arbitrate(members: readonly Member[], settings: Settings): Arbitration {
  const confirmedAll = members.filter(isConfirmed);
  const before: Balance = genderCounts(confirmedAll);
  const wanted = settings.volunteersPerRegion;
  const open = regionsOf(settings.regionModel).flatMap((region): OpenRegion[] => {
    const here = inRowOrder(members.filter((m) => isVolunteer(m) && m.region === region));
    const confirmed = here.filter(isConfirmed);
    const candidates = here.filter((m) => m.status === "Candidate");
    const seats = wanted - confirmed.length;
    return seats > 0 && candidates.length > seats ? [{ region, wanted, confirmed, candidates, seats }] : [];
  });
  if (open.length === 0) return { regions: [], before, after: before };

  const chosen = choose(open, before);
  const regions = open.map((r) => ({
    ...r,
    selected: r.candidates.filter((m) => chosen.has(m)),
    passedOver: r.candidates.filter((m) => !chosen.has(m)),
  }));
  return { regions, before, after: genderCounts([...confirmedAll, ...regions.flatMap((r) => r.selected)]) };
}

const inRowOrder = (members: readonly Member[]): Member[] => [...members].sort((a, b) => a.row - b.row);

const byWeight = (weights: TieWeights) => (a: Member, b: Member) =>
  weights.compare(weights.of.get(a)!, weights.of.get(b)!);

/** Female, Male, Other, and the rest (Not stated or unreadable), which fill seats but count for nothing. */
const groupOf = (m: Member): 0 | 1 | 2 | 3 =>
  m.gender === "Female" ? 0 : m.gender === "Male" ? 1 : m.gender === "Other" ? 2 : 3;

/** One way to fill a region: f women and m men, then the fewest others (o) the unstated leave needed. */
interface Option {
  f: number;
  m: number;
  o: number;
  n: number;
  weight: Weight;
}

interface Plan {
  seats: number;
  /** The region's candidates by gender group, lightest first. */
  groups: Member[][];
  options: Option[];
}

function planRegion(region: OpenRegion, weights: TieWeights): Plan {
  const groups: Member[][] = [[], [], [], []];
  for (const m of region.candidates) groups[groupOf(m)]!.push(m);
  for (const g of groups) g.sort(byWeight(weights));
  // prefix[g][k]: the weight of the k lightest candidates of group g.
  const prefix = groups.map((g) => {
    const sums = [weights.zero()];
    for (const m of g) sums.push(weights.add(weights.zero(), sums[sums.length - 1]!, weights.of.get(m)!));
    return sums;
  });
  const [women, men, others, unstated] = groups.map((g) => g.length) as [number, number, number, number];
  const s = region.seats;
  const options: Option[] = [];
  for (let f = 0; f <= Math.min(s, women); f++) {
    for (let m = 0; m <= Math.min(s - f, men); m++) {
      // Others only lower the share once a woman and a man are in, so take the fewest possible; the
      // dynamic programme relies on it (see `choose`).
      const o = Math.max(0, s - f - m - unstated);
      if (o > others) continue;
      const n = s - f - m - o;
      const weight = weights.add(weights.zero(), prefix[0]![f]!, prefix[1]![m]!);
      weights.add(weight, weight, prefix[2]![o]!);
      options.push({ f, m, o, n, weight: weights.add(weight, weight, prefix[3]![n]!) });
    }
  }
  return { seats: s, groups, options };
}

/**
 * The exact choice over all open regions. Dynamic programme over regions on the added counts of
 * women and men (F, M); each state keeps the least added Others, then the least weight. Keeping the
 * least O per (F, M) is exact: a selection with more Others than another with the same F and M has a
 * strictly lower share whenever the share is above 0, so it is never optimal; the share-0 case is
 * handled apart.
 */
function choose(all: readonly OpenRegion[], base: Balance): Set<Member> {
  // Only a region's `seats` lightest candidates of each gender group can ever be chosen (the best
  // choice is the lightest of each group): the weights are made for them alone, so they stay small
  // (a bit for each of a few dozen rows) whatever the number of candidates, and the choice is the same.
  const open = all.map((r) => ({ ...r, candidates: shortlist(r) }));
  const weights = tieBreakWeights(open.flatMap((r) => r.candidates));
  const plans = open.map((r) => planRegion(r, weights));
  const maxF = plans.reduce((t, p) => t + Math.min(p.seats, p.groups[0]!.length), 0);
  const maxM = plans.reduce((t, p) => t + Math.min(p.seats, p.groups[1]!.length), 0);
  const width = maxM + 1;
  const size = (maxF + 1) * width;

  // others[i] < 0: state i is unreachable. picks[r][i]: the option region r used to reach state i.
  let others = new Int32Array(size).fill(-1);
  let weight = new Array<Weight>(size);
  others[0] = 0;
  weight[0] = weights.zero();
  // The sum being tried; it becomes a state's weight when it wins, and a fresh one is taken.
  let w = weights.zero();
  const picks: Int32Array[] = [];
  for (const plan of plans) {
    const nextOthers = new Int32Array(size).fill(-1);
    const nextWeight = new Array<Weight>(size);
    const pick = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      if (others[i]! < 0) continue;
      for (let j = 0; j < plan.options.length; j++) {
        const opt = plan.options[j]!;
        const k = i + opt.f * width + opt.m;
        const o = others[i]! + opt.o;
        const held = nextOthers[k]!;
        // The weights are only added when the count of Others does not decide.
        if (held >= 0 && o > held) continue;
        weights.add(w, weight[i]!, opt.weight);
        if (held < 0 || o < held || weights.compare(w, nextWeight[k]!) < 0) {
          nextOthers[k] = o;
          nextWeight[k] = w;
          pick[k] = j;
          w = weights.zero();
        }
      }
    }
    others = nextOthers;
    weight = nextWeight;
    picks.push(pick);
  }

  // The best final state: the largest share (compared as fractions), then the least weight.
  let best = -1;
  let bestNum = 0;
  let bestDen = 1;
  for (let i = 0; i < size; i++) {
    if (others[i]! < 0) continue;
    const female = base.female + Math.floor(i / width);
    const male = base.male + (i % width);
    const stated = female + male + base.other + others[i]!;
    const num = stated === 0 ? 0 : Math.min(female, male);
    const den = stated === 0 ? 1 : stated;
    const cmp = num * bestDen - bestNum * den;
    if (best < 0 || cmp > 0 || (cmp === 0 && weights.compare(weight[i]!, weight[best]!) < 0)) {
      best = i;
      bestNum = num;
      bestDen = den;
    }
  }

  // Share 0 at best: every selection ties on the share, and the lightest of each region wins.
  if (bestNum === 0) {
    return new Set(open.flatMap((r) => [...r.candidates].sort(byWeight(weights)).slice(0, r.seats)));
  }

  const chosen = new Set<Member>();
  for (let r = plans.length - 1; r >= 0; r--) {
    const { groups, options } = plans[r]!;
    const opt = options[picks[r]![best]!]!;
    for (const [g, count] of [opt.f, opt.m, opt.o, opt.n].entries()) {
      for (const m of groups[g]!.slice(0, count)) chosen.add(m);
    }
    best -= opt.f * width + opt.m;
  }
  return chosen;
}

/** The tie-breaks' order between two candidates: a priority before a blank one, the lower, the earlier row. */
function tieOrder(a: Member, b: Member): number {
  const pa = a.priority !== undefined && Number.isFinite(a.priority) ? a.priority : undefined;
  const pb = b.priority !== undefined && Number.isFinite(b.priority) ? b.priority : undefined;
  if ((pa === undefined) !== (pb === undefined)) return pa === undefined ? 1 : -1;
  if (pa !== undefined && pb !== undefined && pa !== pb) return pa < pb ? -1 : 1;
  return a.row - b.row;
}

/** The candidates of a region that can be chosen at all: the `seats` first of each gender group, in row order. */
function shortlist(region: OpenRegion): Member[] {
  const groups: Member[][] = [[], [], [], []];
  for (const m of region.candidates) groups[groupOf(m)]!.push(m);
  return inRowOrder(groups.flatMap((g) => g.sort(tieOrder).slice(0, region.seats)));
}
