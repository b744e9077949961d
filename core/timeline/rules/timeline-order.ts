import { isoOf } from "../../dates/calendar";
import { type Finding, finding } from "../../findings";
import { effectiveOf, planOf } from "../milestone";
import type { TimelineRule } from "../rule";

/**
 * `TIMELINE_ORDER`: a milestone dated before one it depends on. With an Actual or Forecast, its
 * effective date (earliest day) against the dependency's effective date, else that plan's earliest
 * day; with neither, its plan ends before the dependency's plan starts.
 */
export const order: TimelineRule = {
  code: "TIMELINE_ORDER",
  severity: "error",
  reads: ["Calendar", "Forecast", "Actual", "Depends On"],
  when: "the plan or forecast puts a milestone before one it depends on",
  check({ milestones, graph, sheet }) {
    const out: Finding[] = [];
    for (const m of milestones) {
      const own = effectiveOf(m);
      const plan = planOf(m);
      for (const d of new Set(graph.dependencies.get(m))) {
        if (d === m || (graph.inCycle.has(m) && graph.inCycle.has(d))) continue;
        const theirs = effectiveOf(d);
        let pair: [number, number, "effective" | "plan"] | undefined;
        if (own) {
          const dependencyDate = theirs?.window.earliest ?? planOf(d)?.earliest;
          if (dependencyDate !== undefined) pair = [own.window.earliest, dependencyDate, "effective"];
        } else if (!theirs && plan && planOf(d)) {
          pair = [plan.latest, planOf(d)!.earliest, "plan"];
        }
        if (pair && pair[0] < pair[1]) {
          out.push(
            finding(
              "TIMELINE_ORDER",
              "error",
              { sheet, row: m.row, column: "Depends On" },
              {
                id: m.id,
                dependsOn: d.id,
                date: isoOf(pair[0]),
                dependencyDate: isoOf(pair[1]),
                by: pair[2],
              },
            ),
          );
        }
      }
    }
    return out;
  },
};
