import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  CHECKS_SHEET,
  type Day,
  WouldLoseDataError,
  buildPlan,
  checksSheetOf,
  countLine,
  dayOfLocalDate,
  listOf,
  runChecks,
} from "../../core";
import { EXIT } from "../exit-codes";
import { describeFailure, reportFailure } from "../failure";
import { refuseOutput, writeOutput } from "../output";
import { findTables, loadWorkbook, loadWorkbookBytes } from "../xlsx/read-workbook";
import { prepareForWrite, renderSheet, renderWorkbook } from "../xlsx/render";
import { assertNothingLost } from "../xlsx/rewrite-guard";

export interface BuildOutcome {
  file: string;
  out: string;
  budgetTotal: number;
  currency: string;
  resourceTotalDays: number;
  /** The contract tables the build added with defaults. */
  added: string[];
  summary: { errors: number; warnings: number; info: number };
}

/**
 * Builds the budget and resources of one workbook into a new file. The input is never written; the
 * output is written atomically, and only when the rewrite through ExcelJS loses nothing of the input.
 */
export async function buildFile(file: string, out: string, options: { asOf?: Day } = {}): Promise<BuildOutcome> {
  const today = options.asOf ?? dayOfLocalDate(new Date());
  // Read once: the same bytes are loaded and compared with the copy by the guard. A file that cannot
  // be read goes to loadWorkbook, which says why in plain words. Validations are kept: they are the user's.
  const input = await readFile(file).catch(() => undefined);
  const wb = input
    ? await loadWorkbookBytes(input, file, { keepValidations: true })
    : await loadWorkbook(file, { keepValidations: true });
  const tables = findTables(wb);
  const plan = buildPlan(tables, today);
  // A workbook where no check can run (no roster, timeline or tasks) still gets its budget.
  const outcome = runChecks(tables, { today, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) });
  // Where every table a check needs cannot be used, the Checks sheet says so (TABLE_UNUSABLE).
  const check = outcome.usable ? outcome : outcome.result;
  renderWorkbook(wb, { sheets: [...plan.added, ...plan.generated], names: plan.names });
  if (check) renderSheet(wb, checksSheetOf(check, today));
  prepareForWrite(wb);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new WouldLoseDataError(
      `holds something the copy cannot be written with (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); nothing was written`,
      { file },
    );
  }
  await assertNothingLost(file, new Uint8Array(input!), bytes, {
    regenerated: [...plan.generated.map((g) => g.name), ...(check ? [CHECKS_SHEET] : [])],
  });
  await writeOutput(out, bytes);
  return {
    file,
    out,
    budgetTotal: round(plan.budget.total),
    currency: plan.budget.currency,
    resourceTotalDays: round(plan.resources.totalDays),
    added: plan.added.map((s) => s.name),
    summary: check?.summary ?? { errors: 0, warnings: 0, info: 0 },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** `iewsc build <workbook> --out <file> [--json]`. */
export async function runBuild(
  file: string,
  opts: { out: string; json?: boolean; asOf?: Day; debug?: boolean },
): Promise<number> {
  const refused = await refuseOutput(opts.out, [file]);
  if (refused) {
    reportFailure({ internal: false, message: refused });
    return EXIT.unusable;
  }
  let outcome: BuildOutcome;
  try {
    outcome = await buildFile(file, resolve(opts.out), opts.asOf === undefined ? {} : { asOf: opts.asOf });
  } catch (e) {
    const failure = describeFailure(e, file);
    reportFailure(failure, opts.debug);
    return failure.internal ? EXIT.internal : EXIT.unusable;
  }
  if (opts.json) {
    const { file: f, out: o, budgetTotal, currency, resourceTotalDays, added } = outcome;
    process.stdout.write(
      `${JSON.stringify({ file: f, out: o, budgetTotal, currency, resourceTotalDays, added }, null, 2)}\n`,
    );
  } else {
    const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(outcome.budgetTotal);
    const lines = [
      `Wrote ${opts.out}: the budget (${money} ${outcome.currency}, named BudgetTotal) and the resources (${outcome.resourceTotalDays} person-days, named ResourceTotalDays).`,
      ...(outcome.added.length
        ? [`Added with defaults, to fill in: the ${listOf(outcome.added)} table${outcome.added.length > 1 ? "s" : ""}.`]
        : []),
      ...(outcome.summary.errors || outcome.summary.warnings
        ? [`The checks found ${countLine(outcome.summary)}: see the Checks sheet, or run iewsc check.`]
        : []),
      `${file} was not changed.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return outcome.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
