/**
 * `npm run demo`: the first thing a newcomer runs. Writes the sample IEWSC workbook to out/, checks it
 * exactly as `iewsc check` would and prints what it found. No Excel needed. Exits 0 when the demo ran
 * (the sample deliberately holds a finding to show), 2 when something stopped it.
 */
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { runCheck } from "./commands/check";
import { runTemplate } from "./commands/template";
import { EXIT } from "./exit-codes";

export async function demo(outDir = join(process.cwd(), "out")): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const file = relative(process.cwd(), join(outDir, "iewsc-sample.xlsx")) || "iewsc-sample.xlsx";
  const wrote = await runTemplate({ out: file, sample: true });
  if (wrote !== EXIT.ok) return wrote;
  process.stdout.write(`\nChecking it as \`iewsc check ${file}\` would:\n\n`);
  const checked = await runCheck([file], { jobs: 1 });
  if (checked !== EXIT.ok && checked !== EXIT.findings) return checked;
  process.stdout.write(
    [
      "",
      `Open ${file} in Excel (or LibreOffice) to see the tables; each finding above points to a real cell.`,
      "Next: `node dist/scripts/iewsc.js --help` for the command line, README.md for the Excel add-in.",
      "",
    ].join("\n"),
  );
  return EXIT.ok;
}

if (require.main === module) {
  void demo().then((code) => {
    process.exitCode = code;
  });
}
