import type { Day } from "../dates/calendar";
import { type Milestone, effectiveOf, idKey, planOf } from "./milestone";

/** The dependency graph of a timeline, resolved once and shared by every timeline rule. */
export interface TimelineGraph {
  milestones: readonly Milestone[];
  /** The first milestone with each ID key (a duplicate ID is reported, and its later rows ignored as targets). */
  byKey: ReadonlyMap<string, Milestone>;
  /** The known milestones each one depends on, in the order written. */
  dependencies: ReadonlyMap<Milestone, readonly Milestone[]>;
  /** `Depends On` entries that name no milestone. */
  unknown: readonly { milestone: Milestone; dependsOn: string }[];
  /** Each loop of dependencies, as the milestones on it in row order. */
  cycles: readonly Milestone[][];
  inCycle: ReadonlySet<Milestone>;
  /** Every milestone not on a loop, each after all of its dependencies. */
  order: readonly Milestone[];
}

/**
 * Resolves `Depends On`, finds loops (Tarjan's strongly connected components, iteratively so that a
 * chain of 10,000 milestones does not overflow the stack) and orders the rest topologically. Linear in
 * milestones plus dependencies.
 */
export function buildGraph(milestones: readonly Milestone[]): TimelineGraph {
  const byKey = new Map<string, Milestone>();
  for (const m of milestones) if (m.key && !byKey.has(m.key)) byKey.set(m.key, m);
  const dependencies = new Map<Milestone, Milestone[]>();
  const unknown: { milestone: Milestone; dependsOn: string }[] = [];
  for (const m of milestones) {
    const deps: Milestone[] = [];
    for (const part of m.dependsOn) {
      const direct = byKey.get(idKey(part));
      // "TL01 TL02" written with spaces instead of commas: accept it when every word is an ID.
      const words = direct ? [] : part.split(/\s+/).filter(Boolean);
      const split =
        words.length > 1 && words.every((w) => byKey.has(idKey(w)))
          ? words.map((w) => byKey.get(idKey(w))!)
          : undefined;
      if (direct) deps.push(direct);
      else if (split) deps.push(...split);
      else unknown.push({ milestone: m, dependsOn: part });
    }
    dependencies.set(m, deps);
  }
  const cycles = findCycles(milestones, dependencies);
  const inCycle = new Set(cycles.flat());
  return {
    milestones,
    byKey,
    dependencies,
    unknown,
    cycles,
    inCycle,
    order: topologicalOrder(milestones, dependencies, inCycle),
  };
}

function findCycles(
  milestones: readonly Milestone[],
  deps: ReadonlyMap<Milestone, readonly Milestone[]>,
): Milestone[][] {
  const index = new Map<Milestone, number>();
  const low = new Map<Milestone, number>();
  const onStack = new Set<Milestone>();
  const stack: Milestone[] = [];
  const cycles: Milestone[][] = [];
  let counter = 0;
  for (const root of milestones) {
    if (index.has(root)) continue;
    // Each frame: a node and the position of the next dependency to visit.
    const frames: { node: Milestone; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const edges = deps.get(frame.node)!;
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          frames.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: Milestone[] = [];
        let member: Milestone;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && edges.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort((a, b) => a.row - b.row));
      }
    }
  }
  return cycles.sort((a, b) => a[0]!.row - b[0]!.row);
}

function topologicalOrder(
  milestones: readonly Milestone[],
  deps: ReadonlyMap<Milestone, readonly Milestone[]>,
  inCycle: ReadonlySet<Milestone>,
): Milestone[] {
  const waiting = new Map<Milestone, number>();
  const dependants = new Map<Milestone, Milestone[]>();
  for (const m of milestones) {
    if (inCycle.has(m)) continue;
    const live = [...new Set(deps.get(m)!)].filter((d) => !inCycle.has(d));
    waiting.set(m, live.length);
    for (const d of live) {
      const list = dependants.get(d);
      if (list) list.push(m);
      else dependants.set(d, [m]);
    }
  }
  const order = milestones.filter((m) => waiting.get(m) === 0);
  for (let i = 0; i < order.length; i++) {
    for (const next of dependants.get(order[i]!) ?? []) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) order.push(next);
    }
  }
  return order;
}

/** A milestone with no date of its own, pushed past its window by a real date upstream. */
export interface Push {
  projected: Day;
  /** The milestone whose Actual or Forecast pushes it. */
  drivenBy: Milestone;
}

/**
 * The knock-on of real dates: walking the milestones in dependency order, a milestone with no
 * Actual or Forecast is pushed when a dependency's date — its effective latest day, or, for a
 * dependency that is itself pushed, its projected day — falls after the milestone's planned latest
 * day. Ties go to the dependency written first.
 */
export function knockOn(graph: TimelineGraph): Map<Milestone, Push> {
  const pushed = new Map<Milestone, Push>();
  for (const m of graph.order) {
    if (effectiveOf(m)) continue;
    const plan = planOf(m);
    if (!plan) continue;
    let best: Push | undefined;
    for (const d of graph.dependencies.get(m)!) {
      if (graph.inCycle.has(d)) continue;
      const real = effectiveOf(d);
      const candidate: Push | undefined = real ? { projected: real.window.latest, drivenBy: d } : pushed.get(d);
      if (candidate && (!best || candidate.projected > best.projected)) best = candidate;
    }
    if (best && best.projected > plan.latest) pushed.set(m, best);
  }
  return pushed;
}
