/**
 * The words every front end shares: the task pane, the `Checks` sheet, the terminal and the messages
 * count, list, and name severities the same way. Pure functions, English (en-GB) only.
 */
import type { Severity, Summary } from "./findings";

/**
 * A count and its noun: "1 error", "2 errors", "1,200 women".
 *
 * @example plural(2, "woman", "women") // "2 women"
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/**
 * Items as a sentence lists them: "A", "A and B", "A, B and C" (or "… or C"). A blank item is shown
 * as "(no name)", since lists name people more often than not.
 *
 * @example listOf(["Ana", "Ben", "Cy"]) // "Ana, Ben and Cy"
 */
export function listOf(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  const shown = items.map((n) => n || "(no name)");
  return shown.length <= 1
    ? shown.join("")
    : `${shown.slice(0, -1).join(", ")} ${conjunction} ${shown[shown.length - 1]}`;
}

/**
 * A share (0–1) as people read it, to one decimal: "37.5 %".
 *
 * @example percent(0.375) // "37.5 %"
 */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

/** The severities from the most severe down: the order findings are listed and grouped in. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Rank of a severity in `SEVERITIES` (0 is the most severe). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** How a severity is named to people (the `Checks` sheet's Severity column). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "Error", warning: "Warning", info: "Note" };

/** A severity as a counted noun: ["error", "errors"], ["note", "notes"]. */
export const SEVERITY_NOUN: Readonly<Record<Severity, readonly [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

/** Fluent UI's status colours (hex RGB): fills light enough to read through, text dark enough to read. */
export const RAG = {
  red: { fill: "FDE7E9", font: "A4262C" },
  amber: { fill: "FFF4CE", font: "8A5100" },
  green: { fill: "DFF6DD", font: "107C10" },
  blue: { fill: "EFF6FC", font: "005A9E" },
} as const;

/** Each severity's colours, wherever a finding is coloured (highlights, the `Checks` sheet, the pane). */
export const SEVERITY_COLOUR: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: RAG.red,
  warning: RAG.amber,
  info: RAG.blue,
};

/**
 * A summary in one line.
 *
 * @example countLine({ errors: 2, warnings: 1, info: 0 }) // "2 errors · 1 warning · 0 notes"
 */
export function countLine(summary: Summary): string {
  const counts: Record<Severity, number> = { error: summary.errors, warning: summary.warnings, info: summary.info };
  return SEVERITIES.map((s) => plural(counts[s], ...SEVERITY_NOUN[s])).join(" · ");
}
