/**
 * `npm run demo`: the first thing a newcomer runs. Writes the sample IEWSC workbook to out/, checks it
 * exactly as `iewsc check` would and prints what it found, and writes its report as of 1 March 2024 to out/reports/. No Excel needed. Exits 0 when the demo ran
 * (the sample deliberately holds a finding to show), 2 when something stopped it.
 */
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { dayOfIso } from "../core/dates/calendar";
import { runCheck } from "./commands/check";
import { runReport } from "./commands/report";
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
  // As of a day in the committee's life, so that the report tells a story rather than "1,250 days overdue".
  const reports = relative(process.cwd(), join(outDir, "reports")) || "reports";
  process.stdout.write(`\nIts report, as \`iewsc report ${file} --out ${reports} --as-of 2024-03-01\` writes it:\n\n`);
  const reported = await runReport([file], { out: reports, asOf: dayOfIso("2024-03-01")!, jobs: 1 });
  if (reported !== EXIT.ok && reported !== EXIT.findings) return reported;
  process.stdout.write(
    [
      "",
      `Open ${file} in Excel (or LibreOffice) to see the tables; each finding above points to a real cell.`,
      `Open ${join(reports, "iewsc-sample-report.xlsx")} for the report a WP2 or TSAG reader gets (add --pdf for a PDF, --share to leave out contact data).`,
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
