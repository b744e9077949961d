import { resolve } from "node:path";
import type ExcelJS from "exceljs";
import {
  type Arbitration,
  type Balance,
  BALANCE_SHEET,
  GENERATED_NOTE,
  WouldLoseDataError,
  arbitrate,
  balanceSheet,
  checkWorkbook,
  dayOfLocalDate,
  matchKey,
  messageOf,
  readMembers,
} from "../../core";
import { writeFileAtomic } from "../atomic-write";
import { assertNothingLost } from "../xlsx/rewrite-guard";
import { oneLine } from "../check-file";
import { painter, useColour } from "../terminal";
import { readInputFile } from "../xlsx/input-file";
import { findTables, loadWorkbookBytes } from "../xlsx/read-workbook";
import { refuseOutput } from "../output-path";
import { jsonText, printable, writeErrLine, writeOut } from "../printable";
import { renderSheet, prepareForWrite } from "../xlsx/render";

/** A balance as `arbitrate --json` gives it: the counts, and the share rounded as findings round it. */
const balanceJson = (b: Balance): Balance => ({
  female: b.female,
  male: b.male,
  other: b.other,
  share: Math.round(b.share * 10_000) / 10_000,
});

/** The `arbitrate --json` document: the contract's four fields first, then the detail per region. */
export function arbitrationJson(file: string, a: Arbitration, out?: string) {
  const names = (ms: readonly { name: string }[]) => ms.map((m) => m.name);
  return {
    file,
    selection: Object.fromEntries(a.regions.map((r) => [r.region, names(r.selected)])),
    before: balanceJson(a.before),
    after: balanceJson(a.after),
    regions: a.regions.map((r) => ({
      region: r.region,
      wanted: r.wanted,
      seats: r.seats,
      confirmed: names(r.confirmed),
      candidates: names(r.candidates),
      selected: names(r.selected),
      passedOver: names(r.passedOver),
    })),
    ...(out === undefined ? {} : { out }),
  };
}

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const and = (names: readonly string[]) => {
  const shown = names.map((n) => (n ? printable(n) : "(no name)"));
  return shown.length <= 1 ? shown.join("") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
};
const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "6 women, 9 men and 1 of another gender: women are 37.5 %" (the less-represented of women and men). */
function inWords(b: Balance, verb: string): string {
  const stated = b.female + b.male + b.other;
  const counts = [
    people(b.female, "woman", "women"),
    people(b.male, "man", "men"),
    ...(b.other ? [`${b.other} of another gender`] : []),
  ];
  if (stated === 0) return "no member's gender is stated";
  if (b.female === b.male) return `${and(counts)}: women and men ${verb} ${pct(b.share)} each`;
  return `${and(counts)}: ${b.female < b.male ? "women" : "men"}, the less represented, ${verb} ${pct(b.share)}`;
}

/** The human report: per region the proposal and who is passed over, then the balance before → after. */
export function formatArbitration(file: string, a: Arbitration, colour: boolean): string {
  const paint = painter(colour);
  if (a.regions.length === 0) {
    return [
      `${paint("ok", "✔")} ${paint("bold", printable(file))} — nothing needs arbitration: no region has more candidates than free seats.`,
      `  The confirmed committee: ${inWords(a.before, "are")}.`,
    ].join("\n");
  }
  const lines = [
    `${paint("info", "●")} ${paint("bold", printable(file))} — ${a.regions.length === 1 ? "1 region needs" : `${a.regions.length} regions need`} arbitration:`,
  ];
  for (const r of a.regions) {
    lines.push(
      `  ${paint("bold", printable(r.region))}: ${people(r.seats, "free seat", "free seats")}, ${people(r.candidates.length, "candidate", "candidates")}.`,
    );
    lines.push(`    propose      ${and(r.selected.map((m) => m.name))}`);
    lines.push(`    passed over  ${and(r.passedOver.map((m) => m.name))}`);
  }
  lines.push(`  Balance now:       ${inWords(a.before, "are")}.`);
  lines.push(`  With the proposal: ${inWords(a.after, "would be")}.`);
  return lines.join("\n");
}

/**
 * A `Balance` sheet already in the workbook is replaced only when we generated it (its A2 says so);
 * one of the user's own, or the roster's own sheet, is never touched.
 */
function refuseUserBalance(wb: ExcelJS.Workbook): void {
  const ws = wb.worksheets.find((w) => matchKey(w.name) === matchKey(BALANCE_SHEET));
  if (!ws) return;
  const a2 = ws.getCell("A2").value;
  if (typeof a2 === "string" && a2.startsWith(GENERATED_NOTE)) return;
  throw new WouldLoseDataError(
    `already has a sheet named ${ws.name} that IEWSC Workbench did not generate; rename it and run again (nothing was written)`,
  );
}

/**
 * `iewsc arbitrate <workbook> [--json] [--balance-out F]`: the exact arbitration of over-subscribed
 * regions with the balance before and after; with --balance-out, a copy of the workbook with the
 * generated `Balance` sheet. Exit 0, or 2 (one line on standard error) for a workbook that cannot be used.
 */
export async function runArbitrate(file: string, opts: { json?: boolean; balanceOut?: string }): Promise<number> {
  let doc: ReturnType<typeof arbitrationJson>;
  let a: Arbitration;
  try {
    if (opts.balanceOut !== undefined) {
      const refused = await refuseOutput(opts.balanceOut, [file]);
      if (refused) {
        writeErrLine(refused);
        return 2;
      }
    }
    // Validations are kept only when the workbook is copied: the copy must keep the user's dropdowns.
    const input = await readInputFile(file);
    const wb = await loadWorkbookBytes(input, file, { keepValidations: opts.balanceOut !== undefined });
    const today = dayOfLocalDate(new Date());
    const result = checkWorkbook(findTables(wb), { only: ["roster"], today });
    for (const f of result.findings.filter((f) => f.code.startsWith("SETTINGS_") && f.severity === "error")) {
      writeErrLine(`${file}: ${f.sheet} row ${f.row}: ${messageOf(f)}`);
    }
    const view = result.views.Roster!;
    a = arbitrate(readMembers(view, result.settings), result.settings);
    if (opts.balanceOut !== undefined) {
      refuseUserBalance(wb);
      renderSheet(wb, balanceSheet(view, result.settings, a, { generatedOn: today }));
      prepareForWrite(wb);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      // Nothing the rewrite would drop (charts, macros, custom properties …) may be lost silently.
      await assertNothingLost(file, new Uint8Array(input), bytes, { regenerated: [BALANCE_SHEET] });
      await writeFileAtomic(resolve(opts.balanceOut), bytes);
    }
    doc = arbitrationJson(file, a, opts.balanceOut);
  } catch (e) {
    writeErrLine(oneLine(e, file));
    return 2;
  }
  if (opts.json) writeOut(jsonText(doc));
  else {
    const written =
      opts.balanceOut === undefined
        ? ""
        : `Wrote ${opts.balanceOut}: a copy of the workbook with its ${BALANCE_SHEET} sheet.`;
    writeOut(`${formatArbitration(file, a, useColour(process.stdout))}${written && `\n${printable(written)}`}\n`);
  }
  return 0;
}
