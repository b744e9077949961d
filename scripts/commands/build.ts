import { readFile, realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  AGENDA_SHEET,
  type Day,
  CHECKS_SHEET,
  WouldLoseDataError,
  checkWorkbook,
  countLine,
  checksSheet,
  dayOfLocalDate,
  buildPlan,
} from "../../core";
import { writeFileAtomic } from "../atomic-write";
import { oneLine } from "../check-file";
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
  /** True when the workbook has a Program, so the Agenda sheet was written. */
  agenda: boolean;
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
  const check = (() => {
    try {
      return checkWorkbook(tables, { today, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) });
    } catch {
      return undefined; // a workbook with no roster or timeline still gets its budget
    }
  })();
  renderWorkbook(wb, { sheets: [...plan.added, ...plan.generated], names: plan.names });
  if (check)
    renderSheet(
      wb,
      checksSheet(
        check.findings,
        check.summary,
        check.views,
        check.asOf ?? today,
        check.checked.map((c) => `the ${c}`).join(" and "),
      ),
    );
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
  await writeFileAtomic(out, bytes);
  return {
    file,
    out,
    budgetTotal: round(plan.budget.total),
    currency: plan.budget.currency,
    resourceTotalDays: round(plan.resources.totalDays),
    added: plan.added.map((s) => s.name),
    agenda: plan.generated.some((g) => g.name === AGENDA_SHEET),
    summary: check?.summary ?? { errors: 0, warnings: 0, info: 0 },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** `iewsc build <workbook> --out <file> [--json]`. */
export async function runBuild(file: string, opts: { out: string; json?: boolean; asOf?: Day }): Promise<number> {
  const out = resolve(opts.out);
  const fail = (message: string) => {
    process.stderr.write(`iewsc: ${message}\n`);
    return 2;
  };
  if (!/\.xlsx$/i.test(out)) return fail(`${opts.out}: the output must be an .xlsx file; nothing was written`);
  if (!(await stat(dirname(out)).catch(() => undefined))?.isDirectory())
    return fail(`${opts.out}: the folder ${dirname(opts.out)} does not exist; nothing was written`);
  const same = await Promise.all([realpath(file).catch(() => resolve(file)), realpath(out).catch(() => out)]);
  if (same[0] === same[1])
    return fail(`${opts.out} is the input workbook; choose another output (the input is never written)`);
  let outcome: BuildOutcome;
  try {
    outcome = await buildFile(file, out, opts.asOf === undefined ? {} : { asOf: opts.asOf });
  } catch (e) {
    return fail(oneLine(e, file));
  }
  if (opts.json) {
    const { file: f, out: o, budgetTotal, currency, resourceTotalDays, added } = outcome;
    process.stdout.write(
      `${JSON.stringify({ file: f, out: o, budgetTotal, currency, resourceTotalDays, added }, null, 2)}\n`,
    );
  } else {
    const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(outcome.budgetTotal);
    const lines = [
      `Wrote ${opts.out}: the budget (${money} ${outcome.currency}, named BudgetTotal) and the resources (${outcome.resourceTotalDays} person-days, named ResourceTotalDays)${outcome.agenda ? ", and the printable Agenda" : ""}.`,
      ...(outcome.added.length
        ? [
            `Added with defaults, to fill in: the ${outcome.added.join(", ")} table${outcome.added.length > 1 ? "s" : ""}.`,
          ]
        : []),
      ...(outcome.summary.errors || outcome.summary.warnings
        ? [`The checks found ${countLine(outcome.summary)}: see the Checks sheet, or run iewsc check.`]
        : []),
      `${file} was not changed.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return outcome.summary.errors > 0 ? 1 : 0;
}
