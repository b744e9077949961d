import type { TimedSession } from "./session";

/**
 * Sessions of one group (a room, or one person's sessions) that overlap an earlier-starting one, each
 * with the session it overlaps: sorted by day and start, swept once, keeping the session that ends
 * last so far. Sessions that only touch (one ends when the next starts) do not overlap. Each session is
 * reported at most once, with the earlier session that runs longest into it.
 */
export function overlapsWithin(
  group: readonly TimedSession[],
): { later: TimedSession; other: TimedSession; from: number; to: number }[] {
  const sorted = [...group].sort((a, b) => a.day.value - b.day.value || a.start.value - b.start.value || a.row - b.row);
  const out: { later: TimedSession; other: TimedSession; from: number; to: number }[] = [];
  let open: TimedSession | undefined;
  for (const s of sorted) {
    if (open && open.day.value === s.day.value && s.start.value < open.end.value) {
      out.push({ later: s, other: open, from: s.start.value, to: Math.min(s.end.value, open.end.value) });
    }
    if (!open || open.day.value !== s.day.value || s.end.value > open.end.value) open = s;
  }
  return out;
}
