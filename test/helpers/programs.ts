import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

/**
 * Tests that need a program from apt (Chromium, LibreOffice, xmllint) use this to decide whether to
 * run. Locally a missing program skips the suite with a loud notice; under CI=true it is a failure,
 * because .ci/run installs them and a skip there would hide a broken install step.
 */
export function requireProgram(name: string, path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === "true")
    throw new Error(`${name} is required under CI=true but ${path} is missing: .ci/run must install it.`);
  console.warn(
    `\n*** SKIPPING: ${name} is not installed (${path}). Install it to run these tests (see .ci/run). ***\n`,
  );
  return false;
}

export const CHROMIUM = "/usr/bin/chromium";
export const SOFFICE = "/usr/bin/soffice";
export const XMLLINT = "/usr/bin/xmllint";
export const SSCONVERT = "/usr/bin/ssconvert";
export const PDFTOTEXT = "/usr/bin/pdftotext";
export const PDFTOPPM = "/usr/bin/pdftoppm";
/** The system Python, which has openpyxl (python3 on PATH may be another interpreter). */
export const PYTHON = "/usr/bin/python3";

/** `describe` when the program is there, `describe.skip` (with the notice above) when not. */
export function describeWith(name: string, path: string): jest.Describe {
  return requireProgram(name, path) ? describe : describe.skip;
}

/** Runs a command and returns its standard output. */
export function run(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): string {
  return execFileSync(file, args, {
    encoding: "utf8",
    cwd: options.cwd,
    env: options.env,
    timeout: options.timeout ?? 120_000,
  });
}
