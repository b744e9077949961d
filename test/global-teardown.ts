import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { packageProblems } from "./helpers/package-check";

/**
 * The package check on every .xlsx file any test wrote (see global-setup.ts): a relationship to a
 * part that is not there, overlapping validations or a conditional-format rule given twice fails the
 * run, naming the file. A test that writes a deliberately damaged package names it `*.broken.xlsx`;
 * files that are not zip packages at all (text saved as .xlsx) are inputs, not workbooks, and skipped.
 */
export default async function globalTeardown(): Promise<void> {
  const root = process.env.IEWSC_TEST_ROOT;
  if (!root) return;
  const problems: string[] = [];
  let checked = 0;
  for (const file of walk(root)) {
    if (!/\.xlsx$/i.test(file) || /\.broken\.xlsx$/i.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) continue;
    checked++;
    try {
      for (const p of await packageProblems(bytes)) problems.push(`${file}: ${p}`);
    } catch (e) {
      problems.push(`${file}: not a readable package (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (problems.length) {
    // The files stay for a look.
    throw new Error(`The package check failed on ${problems.length} of ${checked} workbooks:\n${problems.join("\n")}`);
  }
  rmSync(root, { recursive: true, force: true });
  if (process.env.IEWSC_PACKAGE_CHECK_VERBOSE) console.log(`package check: ${checked} workbooks sound`);
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
