import type { DescribedFinding, Severity } from "../core";
import { countLine } from "../core";
import type { FileOutcome } from "./check-file";
import { printable } from "./printable";

/** Colours only where a person is looking at a terminal that wants them (NO_COLOR is respected). */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
}

const PAINT: Record<Severity | "ok" | "dim" | "bold", [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  ok: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export type Painter = (style: keyof typeof PAINT, text: string) => string;

export function painter(colour: boolean): Painter {
  return (style, text) => (colour ? `\x1b[${PAINT[style][0]}m${text}\x1b[${PAINT[style][1]}m` : text);
}

const LABEL: Record<Severity, string> = { error: "error  ", warning: "warning", info: "note   " };

/** Where a finding points, as a person would say it: `Roster row 10, Justification`. */
export function place(f: DescribedFinding): string {
  const parts = [printable(f.sheet)];
  if (f.row !== null) parts.push(`row ${f.row}`);
  let out = parts.join(" ");
  if (f.column) out += `, ${printable(f.column)}`;
  return out;
}

/** The human report of one file's check. */
export function formatOutcome(outcome: Extract<FileOutcome, { ok: true }>, paint: Painter): string {
  const { summary } = outcome;
  const state = summary.errors ? paint("error", "✖") : summary.warnings ? paint("warning", "▲") : paint("ok", "✔");
  const lines = [
    `${state} ${paint("bold", printable(outcome.file))} — ${listed(outcome.checked)} checked: ${countLine(summary)}`,
  ];
  for (const f of outcome.findings) {
    lines.push(
      `  ${paint(f.severity, LABEL[f.severity])}  ${paint("dim", place(f).padEnd(30))} ${printable(f.message)} ${paint("dim", `[${f.code}]`)}`,
    );
  }
  return lines.join("\n");
}

/** "roster", "roster and timeline", "roster, timeline and tasks". */
function listed(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
