import { resolve } from "node:path";
import {
  AGENDA_SHEET,
  CHECKS_SHEET,
  type Day,
  WouldLoseDataError,
  addedTableClash,
  buildPlan,
  checksSheetOf,
  countLine,
  dayOfLocalDate,
  generatedClash,
  isGeneratedNote,
  listOf,
  runChecks,
  sameName,
} from "../../core";
import { writeOutput } from "../atomic-write";
import { EXIT } from "../exit-codes";
import { describeFailure, reportFailure } from "../failure";
import { refuseOutput } from "../output-path";
import { jsonText, printable, writeErrLine, writeOut } from "../printable";
import { copyWithSheets } from "../xlsx/copy-with-sheets";
import { readInputFile } from "../xlsx/input-file";
import { readInputTables } from "../xlsx/read-input";
import { packageShape } from "../xlsx/splice";

export interface BuildOutcome {
  file: string;
  out: string;
  budgetTotal: number;
  currency: string;
  resourceTotalDays: number;
  /** The contract tables the build added with defaults. */
  added: string[];
  /** Workshop parameters not given, which the budget counts as 0. */
  missing: string[];
  /** True when the workbook has a Program, so the Agenda sheet was written. */
  agenda: boolean;
  summary: { errors: number; warnings: number; info: number };
  /** Why the checks could not run, when they could not (the copy then has no Checks sheet of ours). */
  checksFailed?: string;
  /** True when the input's own, now stale, generated Checks sheet was left out of the copy. */
  staleChecksRemoved?: boolean;
}

/**
 * Builds the budget and resources of one workbook into a new file. The input is never written; the
 * output is written atomically: a copy of the input's package, every part of the user's as it was
 * stored, with our sheets spliced in (`splice.ts`).
 */
export async function buildFile(file: string, out: string, options: { asOf?: Day } = {}): Promise<BuildOutcome> {
  const today = options.asOf ?? dayOfLocalDate(new Date());
  // Read once: the same bytes are checked, read and copied; the parts inflated to read them are reused.
  const bytes = await readInputFile(file);
  const { input: tables, parts } = await readInputTables(bytes, file);
  const plan = buildPlan(tables, today);
  const ours = [...plan.added, ...plan.generated].map((s) => s.name);
  // Every sheet we may have written is read (its A2), not only those this build writes: last build's
  // Agenda, where the Program table is gone, is still ours, not a sheet of the user's.
  const shape = await packageShape(bytes, [...ours, AGENDA_SHEET, CHECKS_SHEET], parts);
  // A sheet, table or name of the user's spelled as one we generate (any case) stops the build here.
  const clash =
    generatedClash(shape, ["budget", "resources", "agenda", "checks"]) ??
    addedTableClash(
      shape,
      plan.added.flatMap((s) => s.tables.map((t) => t.name)),
    );
  if (clash) throw clash.inFile(file);
  // A table the build adds with defaults goes on a sheet of its own name: never over a sheet of the user's.
  for (const added of plan.added) {
    const theirs = shape.sheets.find((s) => sameName(s.name, added.name));
    if (theirs)
      throw new WouldLoseDataError(
        `the sheet "${theirs.name}" holds no ${added.name} table IEWSC Workbench can read, and the build would add one there; rename the sheet, or make it a ${added.name} table (nothing was written)`,
        { file, table: added.name },
      );
  }
  // A workbook where no check can run (no roster, timeline or tasks) still gets its budget, but never
  // last run's findings as current.
  const outcome = runChecks(tables, { today, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) });
  // Where every table a check needs cannot be used, the Checks sheet says so (TABLE_UNUSABLE); where no
  // check can run at all, last run's Checks sheet is left out of the copy, never shown as current.
  const check = outcome.usable ? outcome : outcome.result;
  const checksFailed = outcome.usable ? undefined : outcome.error.problem;
  const oldChecks = shape.sheets.find((s) => sameName(s.name, CHECKS_SHEET) && isGeneratedNote(s.a2));
  const staleChecks = !check && oldChecks !== undefined;
  // Our sheets are rendered into a workbook of their own, then spliced into a copy of the user's package.
  const sheets = [...plan.added, ...plan.generated, ...(check ? [checksSheetOf(check, today)] : [])];
  const remove = [...ours, ...(check || staleChecks ? [CHECKS_SHEET] : [])];
  const copy = await copyWithSheets({
    file,
    input: bytes,
    inflated: parts,
    plan: { sheets, names: plan.names },
    remove,
  });
  await writeOutput(out, copy);
  return {
    file,
    out,
    budgetTotal: round(plan.budget.total),
    currency: plan.budget.currency,
    resourceTotalDays: round(plan.resources.totalDays),
    added: plan.added.map((s) => s.name),
    missing: plan.missing,
    agenda: plan.generated.some((g) => g.name === AGENDA_SHEET),
    summary: check?.summary ?? { errors: 0, warnings: 0, info: 0 },
    ...(checksFailed === undefined ? {} : { checksFailed, staleChecksRemoved: staleChecks }),
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
    const { file: f, out: o, budgetTotal, currency, resourceTotalDays, added, missing } = outcome;
    const failed = outcome.checksFailed === undefined ? {} : { checksFailed: outcome.checksFailed };
    writeOut(jsonText({ file: f, out: o, budgetTotal, currency, resourceTotalDays, added, missing, ...failed }));
    if (outcome.checksFailed !== undefined) writeErrLine(`${file}: the checks could not run (${outcome.checksFailed})`);
  } else {
    const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(outcome.budgetTotal);
    const lines = [
      `Wrote ${opts.out}: the budget (${money} ${outcome.currency}, named BudgetTotal) and the resources (${outcome.resourceTotalDays} person-days, named ResourceTotalDays)${outcome.agenda ? ", and the printable Agenda" : ""}.`,
      ...(outcome.added.length
        ? [`Added with defaults, to fill in: the ${listOf(outcome.added)} table${outcome.added.length > 1 ? "s" : ""}.`]
        : []),
      ...(outcome.checksFailed !== undefined
        ? [
            `The checks could not run (${outcome.checksFailed})${outcome.staleChecksRemoved ? "; the old Checks sheet was left out of the copy" : ""}.`,
          ]
        : []),
      ...(outcome.missing.length
        ? [
            `Not given in the Workshop table, so counted as 0 in the budget: ${outcome.missing.join(", ")}. Fill them in and build again.`,
          ]
        : []),
      ...(outcome.summary.errors || outcome.summary.warnings
        ? [`The checks found ${countLine(outcome.summary)}: see the Checks sheet, or run iewsc check.`]
        : []),
      `${file} was not changed.`,
    ];
    writeOut(`${lines.map(printable).join("\n")}\n`);
  }
  return outcome.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
