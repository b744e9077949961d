import {
  type Arbitration,
  type Balance,
  BALANCE_SHEET,
  arbitrate,
  balanceSheet,
  dayOfLocalDate,
  generatedClash,
  lessRepresented,
  listOf,
  messageOf,
  percent,
  plural,
  readRoster,
  roundShare,
  statedOf,
} from "../../core";
import { EXIT } from "../exit-codes";
import { describeFailure, reportFailure } from "../failure";
import { painter, useColour } from "../terminal";
import { writeOutput } from "../atomic-write";
import { copyWithSheets } from "../xlsx/copy-with-sheets";
import { readInputFile } from "../xlsx/input-file";
import { readInputTables } from "../xlsx/read-input";
import { packageShape } from "../xlsx/splice";
import { refuseOutput } from "../output-path";
import { jsonText, printable, writeErrLine, writeOut } from "../printable";

/** A balance as `arbitrate --json` gives it: the counts, and the share rounded as findings round it. */
const balanceJson = (b: Balance): Balance => ({
  female: b.female,
  male: b.male,
  other: b.other,
  share: roundShare(b.share),
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

/** "6 women, 9 men and 1 of another gender: women are 37.5 %" (the less-represented of women and men). */
function inWords(b: Balance, verb: string): string {
  const counts = [
    plural(b.female, "woman", "women"),
    plural(b.male, "man", "men"),
    ...(b.other ? [`${b.other} of another gender`] : []),
  ];
  if (statedOf(b) === 0) return "no member's gender is stated";
  if (b.female === b.male) return `${listOf(counts)}: women and men ${verb} ${percent(b.share)} each`;
  return `${listOf(counts)}: ${lessRepresented(b)}, the less represented, ${verb} ${percent(b.share)}`;
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
      `  ${paint("bold", printable(r.region))}: ${plural(r.seats, "free seat")}, ${plural(r.candidates.length, "candidate")}.`,
    );
    lines.push(`    propose      ${listOf(r.selected.map((m) => (m.name ? printable(m.name) : "(no name)")))}`);
    lines.push(`    passed over  ${listOf(r.passedOver.map((m) => (m.name ? printable(m.name) : "(no name)")))}`);
  }
  lines.push(`  Balance now:       ${inWords(a.before, "are")}.`);
  lines.push(`  With the proposal: ${inWords(a.after, "would be")}.`);
  return lines.join("\n");
}

/**
 * `iewsc arbitrate <workbook> [--json] [--balance-out F]`: the exact arbitration of over-subscribed
 * regions with the balance before and after; with --balance-out, a copy of the workbook with the
 * generated `Balance` sheet. Exit 0, or 2 (one line on standard error) for a workbook that cannot be used.
 */
export async function runArbitrate(
  file: string,
  opts: { json?: boolean; balanceOut?: string; debug?: boolean },
): Promise<number> {
  let doc: ReturnType<typeof arbitrationJson>;
  let a: Arbitration;
  if (opts.balanceOut !== undefined) {
    const refused = await refuseOutput(opts.balanceOut, [file]);
    if (refused) {
      reportFailure({ internal: false, message: refused });
      return EXIT.unusable;
    }
  }
  try {
    // Read once: the same bytes are checked, read and (with --balance-out) copied part by part.
    const input = await readInputFile(file);
    const { input: tables, parts } = await readInputTables(input, file);
    const today = dayOfLocalDate(new Date());
    const roster = readRoster(tables, { today });
    for (const f of roster.settingsFindings.filter((f) => f.severity === "error")) {
      writeErrLine(`${file}: ${f.sheet}${f.row === null ? "" : ` row ${f.row}`}: ${messageOf(f)}`);
    }
    a = arbitrate(roster.members, roster.settings);
    if (opts.balanceOut !== undefined) {
      // A Balance sheet of the user's (any case), or the roster's own sheet, is never touched.
      const clash = generatedClash(await packageShape(input, [BALANCE_SHEET], parts), ["balance"]);
      if (clash) throw clash.inFile(file);
      const balance = balanceSheet(roster.view, roster.settings, a, { generatedOn: today });
      const plan = { sheets: [balance], names: [] };
      const copy = await copyWithSheets({ file, input, inflated: parts, plan, remove: [BALANCE_SHEET] });
      await writeOutput(opts.balanceOut, copy);
    }
    doc = arbitrationJson(file, a, opts.balanceOut);
  } catch (e) {
    const failure = describeFailure(e, file);
    reportFailure(failure, opts.debug);
    return failure.internal ? EXIT.internal : EXIT.unusable;
  }
  if (opts.json) writeOut(jsonText(doc));
  else {
    const written =
      opts.balanceOut === undefined
        ? ""
        : `Wrote ${opts.balanceOut}: a copy of the workbook with its ${BALANCE_SHEET} sheet.`;
    writeOut(`${formatArbitration(file, a, useColour(process.stdout))}${written && `\n${printable(written)}`}\n`);
  }
  return EXIT.ok;
}
