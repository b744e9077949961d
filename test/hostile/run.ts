import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
export const CLI = join(ROOT, "dist/scripts/iewsc.js");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident memory of the command, in MB (from /usr/bin/time). */
  peakMb: number;
}

/**
 * Runs the compiled command line as a user would, measuring its peak memory with GNU time (written to
 * a file, so the command's own standard error stays exactly what the user sees).
 */
export function iewsc(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Run {
  const measure = join(options.cwd, `.time-${process.pid}-${Math.random().toString(16).slice(2)}`);
  const started = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", measure, process.execPath, CLI, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMb = Number.NaN;
  try {
    peakMb = Number(readFileSync(measure, "utf8").trim().split("\n").pop()) / 1024;
  } catch {
    // killed by the time-out: no figure
  }
  // GNU time reports a killed child's status itself; r.status is then time's own.
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds, peakMb };
}

export const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** True when a text holds a character no terminal should receive raw (ESC, BEL, C1, bidi overrides …). */
export const hasControl = (text: string, keepNewlines = true) =>
  (keepNewlines ? /(?![\n])[\p{Cc}\u202a-\u202e\u2066-\u2069]/u : /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u).test(text);

/** Each line on standard error is one `iewsc: …` line, with no stack trace. */
export function cleanLines(stderr: string): string[] {
  const lines = stderr.split("\n").filter(Boolean);
  for (const l of lines) {
    expect(l).toMatch(/^iewsc: /);
    expect(l).not.toMatch(/^\s+at |Error:|TypeError|Cannot read properties/);
    expect(hasControl(l)).toBe(false);
  }
  return lines;
}
