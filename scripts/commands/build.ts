import type ExcelJS from "exceljs";
import { resolve } from "node:path";
import {
  type Day,
  CHECKS_SHEET,
  GENERATED_NOTE,
  WorkbookError,
  WouldLoseDataError,
  checkWorkbook,
  countLine,
  checksSheet,
  dayOfLocalDate,
  buildPlan,
} from "../../core";
import { writeFileAtomic } from "../atomic-write";
import { oneLine } from "../check-file";
import { refuseOutput } from "../output-path";
import { jsonText, printable, writeErrLine, writeOut } from "../printable";
import { readInputFile } from "../xlsx/input-file";
import { findTables, loadWorkbookBytes } from "../xlsx/read-workbook";
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
  /** Why the checks could not run, when they could not (the copy then has no Checks sheet of ours). */
  checksFailed?: string;
  /** True when the input's own, now stale, generated Checks sheet was left out of the copy. */
  staleChecksRemoved?: boolean;
}

/**
 * Builds the budget and resources of one workbook into a new file. The input is never written; the
 * output is written atomically, and only when the rewrite through ExcelJS loses nothing of the input.
 */
export async function buildFile(file: string, out: string, options: { asOf?: Day } = {}): Promise<BuildOutcome> {
  const today = options.asOf ?? dayOfLocalDate(new Date());
  // Read once: the same bytes are loaded and compared with the copy by the guard. Validations are kept:
  // they are the user's.
  const input = await readInputFile(file);
  const wb = await loadWorkbookBytes(input, file, { keepValidations: true });
  const tables = findTables(wb);
  const plan = buildPlan(tables, today);
  let checksFailed: string | undefined;
  const check = (() => {
    try {
      return checkWorkbook(tables, { today, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) });
    } catch (e) {
      // A workbook with no roster or timeline still gets its budget, but never last run's findings as current.
      checksFailed = e instanceof WorkbookError ? e.problem : "the checks could not run";
      return undefined;
    }
  })();
  const staleChecks = check ? false : removeGeneratedSheet(wb, CHECKS_SHEET);
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
  await assertNothingLost(file, new Uint8Array(input), bytes, {
    regenerated: [...plan.generated.map((g) => g.name), ...(check || staleChecks ? [CHECKS_SHEET] : [])],
  });
  await writeFileAtomic(out, bytes);
  return {
    file,
    out,
    budgetTotal: round(plan.budget.total),
    currency: plan.budget.currency,
    resourceTotalDays: round(plan.resources.totalDays),
    added: plan.added.map((s) => s.name),
    summary: check?.summary ?? { errors: 0, warnings: 0, info: 0 },
    ...(checksFailed === undefined ? {} : { checksFailed, staleChecksRemoved: staleChecks }),
  };
}

/** Removes a sheet of that name when IEWSC Workbench generated it (its A2 says so); true when it did. */
function removeGeneratedSheet(wb: ExcelJS.Workbook, name: string): boolean {
  const ws = wb.getWorksheet(name);
  const note = ws?.getCell("A2").value;
  if (!ws || !(typeof note === "string" && note.startsWith(GENERATED_NOTE))) return false;
  wb.removeWorksheet(ws.id);
  return true;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** `iewsc build <workbook> --out <file> [--json]`. */
export async function runBuild(file: string, opts: { out: string; json?: boolean; asOf?: Day }): Promise<number> {
  const out = resolve(opts.out);
  const fail = (message: string) => {
    writeErrLine(message);
    return 2;
  };
  const refused = await refuseOutput(opts.out, [file]);
  if (refused) return fail(refused);
  let outcome: BuildOutcome;
  try {
    outcome = await buildFile(file, out, opts.asOf === undefined ? {} : { asOf: opts.asOf });
  } catch (e) {
    return fail(oneLine(e, file));
  }
  if (opts.json) {
    const { file: f, out: o, budgetTotal, currency, resourceTotalDays, added } = outcome;
    const failed = outcome.checksFailed === undefined ? {} : { checksFailed: outcome.checksFailed };
    writeOut(jsonText({ file: f, out: o, budgetTotal, currency, resourceTotalDays, added, ...failed }));
    if (outcome.checksFailed !== undefined) writeErrLine(`${file}: the checks could not run (${outcome.checksFailed})`);
  } else {
    const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(outcome.budgetTotal);
    const lines = [
      `Wrote ${opts.out}: the budget (${money} ${outcome.currency}, named BudgetTotal) and the resources (${outcome.resourceTotalDays} person-days, named ResourceTotalDays).`,
      ...(outcome.added.length
        ? [
            `Added with defaults, to fill in: the ${outcome.added.join(", ")} table${outcome.added.length > 1 ? "s" : ""}.`,
          ]
        : []),
      ...(outcome.checksFailed !== undefined
        ? [
            `The checks could not run (${outcome.checksFailed})${outcome.staleChecksRemoved ? "; the old Checks sheet was left out of the copy" : ""}.`,
          ]
        : []),
      ...(outcome.summary.errors || outcome.summary.warnings
        ? [`The checks found ${countLine(outcome.summary)}: see the Checks sheet, or run iewsc check.`]
        : []),
      `${file} was not changed.`,
    ];
    writeOut(`${lines.map(printable).join("\n")}\n`);
  }
  return outcome.summary.errors > 0 ? 1 : 0;
}
