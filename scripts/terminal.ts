import type { DescribedFinding, Severity } from "../core";
import { SEVERITY_NOUN, countLine, listOf } from "../core";
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

/** The severity's noun, padded so that the findings line up. */
const label = (severity: Severity) => SEVERITY_NOUN[severity][0].padEnd(7);

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
    `${state} ${paint("bold", printable(outcome.file))} — ${listOf(outcome.checked)} checked: ${countLine(summary)}`,
  ];
  for (const f of outcome.findings) {
    lines.push(
      `  ${paint(f.severity, label(f.severity))}  ${paint("dim", place(f).padEnd(30))} ${printable(f.message)} ${paint("dim", `[${f.code}]`)}`,
    );
  }
  return lines.join("\n");
}
