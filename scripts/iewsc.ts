#!/usr/bin/env node
/**
 * `iewsc`: the IEWSC Workbench command line. Every command takes --help; nothing it does changes an
 * input workbook. Exit codes (`EXIT`): 0 no error findings, 1 at least one error finding, 2 a workbook
 * (or the command line itself) could not be used, with one line on standard error, 70 an internal error
 * (a bug of ours: "internal error: please report it", with the stack trace on --debug).
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { type Day, dayOfIso } from "../core/dates/calendar";
import { EXIT } from "./exit-codes";
import { describeFailure, reportFailure } from "./failure";
import { OutputStreamError, guardStreams, printable, writeErrLine } from "./printable";
import { packageVersion } from "./version";

export { EXIT };

function asOfOption(text: string): Day {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayOfIso(text) : undefined;
  if (day === undefined) throw new InvalidArgumentError(`"${text}" is not a date written YYYY-MM-DD.`);
  return day;
}

function jobsOption(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError(`"${text}" is not a number of jobs from 1 to 64.`);
  return n;
}

export function program(): Command {
  const cli = new Command("iewsc")
    .description(
      "IEWSC Workbench: check and build the workbooks of the ITU-T Industry Engagement Workshop Steering Committee.",
    )
    .version(packageVersion())
    .option("--debug", "on an internal error, print its stack trace (for a bug report)")
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // A usage mistake is one line: what is wrong, and where the help is.
      outputError: (s, write) =>
        write(`iewsc: ${printable(s.replace(/^error: /, "").trim())} (run iewsc --help for the commands)\n`),
    });
  const debug = () => Boolean(cli.opts().debug);

  cli
    .command("check")
    .description(
      "run every check the workbook's tables allow (roster, timeline, tasks, programme, invitations) and report the findings",
    )
    .argument("<workbook...>", "one or more .xlsx workbooks")
    .option("--json", "print one JSON document on standard output")
    .option("--as-of <YYYY-MM-DD>", "the day that counts as today (overrides the Settings table's AsOf)", asOfOption)
    .option(
      "--jobs <N>",
      "check several workbooks on N threads (default: one thread below 16 workbooks, every core from 16 on)",
      jobsOption,
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 no errors found, 1 errors found, 2 a workbook could not be used. 70 an internal error (a bug: please report it).\n\nExamples:\n  iewsc check iewsc.xlsx\n  iewsc check --json --as-of 2024-03-01 a.xlsx b.xlsx",
    )
    .action(async (files: string[], opts: { json?: boolean; asOf?: Day; jobs?: number }) => {
      // Commands load their modules (and ExcelJS) only when they run: --help stays instant.
      const { runCheck } = await import("./commands/check");
      process.exitCode = await runCheck(files, { ...opts, debug: debug() });
    });

  cli
    .command("build")
    .description(
      "write a copy of the workbook with the generated Budget, Resources, Agenda (with a Program) and Checks sheets (and any missing Workshop, Rates or Tasks table)",
    )
    .argument("<workbook>", "an .xlsx workbook (it is never changed)")
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--json", "print one JSON document on standard output")
    .option(
      "--as-of <YYYY-MM-DD>",
      "the day that counts as today (the plan's default start, the Checks sheet)",
      asOfOption,
    )
    .addHelpText(
      "after",
      "\nEvery figure is a live formula over the Workshop, Rates and Tasks tables: BudgetTotal and ResourceTotalDays are names.\n" +
        "A workbook holding what a rewrite would lose (charts, pivot tables, macros, custom properties …) is refused; nothing is written.\n\n" +
        "Exit codes: 0 built, 1 built and the checks found errors, 2 the workbook could not be used (nothing written).\n\n" +
        "Examples:\n  iewsc build iewsc.xlsx --out iewsc-built.xlsx\n  iewsc build --json iewsc.xlsx --out built.xlsx",
    )
    .action(async (file: string, opts: { out: string; json?: boolean; asOf?: Day }) => {
      const { runBuild } = await import("./commands/build");
      process.exitCode = await runBuild(file, { ...opts, debug: debug() });
    });

  cli
    .command("arbitrate")
    .description(
      "choose, for every region with more candidates than free seats, the candidates that best balance the committee's genders",
    )
    .argument("<workbook>", "an .xlsx workbook with a Roster table")
    .option("--json", "print one JSON document on standard output")
    .option(
      "--balance-out <file>",
      "also write a copy of the workbook with the generated Balance sheet (live counts by region and gender, and the proposal)",
    )
    .addHelpText(
      "after",
      "\nThe choice is exact: the largest share of the less-represented gender (women or men) in the whole confirmed\n" +
        "committee, then the lowest sum of Priority, then the earliest rows. Nothing in the workbook is changed.\n\n" +
        "Exit codes: 0 done (whether or not anything needed arbitration), 2 the workbook could not be used.\n\n" +
        "Examples:\n  iewsc arbitrate iewsc.xlsx\n  iewsc arbitrate --json iewsc.xlsx\n  iewsc arbitrate iewsc.xlsx --balance-out iewsc-balance.xlsx",
    )
    .action(async (file: string, opts: { json?: boolean; balanceOut?: string }) => {
      const { runArbitrate } = await import("./commands/arbitrate");
      process.exitCode = await runArbitrate(file, { ...opts, debug: debug() });
    });

  cli
    .command("report")
    .description(
      "write one report workbook per input (Summary, Findings, Balance, Timeline, Trend, Budget, Resources), ready to print",
    )
    .argument("<workbook-or-folder...>", ".xlsx workbooks, or folders standing for every .xlsx in them (never changed)")
    .requiredOption("--out <folder>", "the folder the reports go to, as <name>-report.xlsx (made when missing)")
    .option(
      "--share",
      "leave out personal contact data (e-mail addresses, columns the contract does not name): for TSAG",
    )
    .option("--pdf", "also print each report to <name>-report.pdf through LibreOffice")
    .option(
      "--jobs <N>",
      "write several reports at once on up to N threads (default: every core, each further thread started only when the reports left are worth it)",
      jobsOption,
    )
    .option("--as-of <YYYY-MM-DD>", "the day the reports are as of (overrides the Settings table's AsOf)", asOfOption)
    .option("--json", "print one JSON document on standard output")
    .addHelpText(
      "after",
      "\nA workbook that cannot be used is listed under failed and does not stop the others.\n" +
        "Exit codes: 0 no errors found, 1 errors found, 2 a workbook could not be used (or --pdf without LibreOffice).\n\n" +
        "Examples:\n  iewsc report drafts/ --out reports/\n  iewsc report iewsc.xlsx --out for-tsag/ --share --pdf --as-of 2024-03-01",
    )
    .action(
      async (
        inputs: string[],
        opts: { out: string; share?: boolean; pdf?: boolean; jobs?: number; asOf?: Day; json?: boolean },
      ) => {
        const { runReport } = await import("./commands/report");
        process.exitCode = await runReport(inputs, opts);
      },
    );

  cli
    .command("invitations")
    .description("write the invitees as a mail-merge list (CSV) that Word and Outlook read")
    .argument("<workbook>", "an .xlsx workbook with an Invitees table (it is never changed)")
    .requiredOption("--out <file.csv>", "the .csv file to write")
    .option("--status <S>", 'keep only the invitees of one Status ("To invite", "Invited", "Accepted", "Declined")')
    .addHelpText(
      "after",
      "\nColumns: Name, Organization, Email, Invited As, Sessions (each with its day and time, from the Program table).\n" +
        "UTF-8 with a byte order mark, comma-separated, one header row. Invitees without an e-mail address are left\n" +
        "out and counted on standard error. A cell beginning with =, +, - or @ gets a leading ' so that no spreadsheet\n" +
        "runs it as a formula.\n\n" +
        "Exit codes: 0 written, 2 the workbook (or the command line) could not be used (nothing written).\n\n" +
        'Examples:\n  iewsc invitations iewsc.xlsx --out invitations.csv\n  iewsc invitations iewsc.xlsx --out to-invite.csv --status "To invite"',
    )
    .action(async (file: string, opts: { out: string; status?: string }) => {
      const { runInvitations } = await import("./commands/invitations");
      process.exitCode = await runInvitations(file, { ...opts, debug: debug() });
    });

  cli
    .command("template")
    .description("write the empty IEWSC workbook template, or with --sample the Terms of Reference's sample committee")
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--sample", "fill it with the sample committee, timeline, meetings and workshop")
    .addHelpText("after", "\nExamples:\n  iewsc template --out iewsc.xlsx\n  iewsc template --sample --out sample.xlsx")
    .action(async (opts: { out: string; sample?: boolean }) => {
      const { runTemplate } = await import("./commands/template");
      process.exitCode = await runTemplate(opts);
    });
  return cli;
}

export async function main(argv: string[]): Promise<number> {
  process.exitCode = EXIT.ok;
  guardStreams();
  try {
    await program().parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; a usage mistake is "could not be used".
      return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    if (e instanceof OutputStreamError) {
      // `iewsc check --json | head`: the reader has gone, which is no error of the user's.
      if (e.code === "EPIPE") return Number(process.exitCode ?? 0);
      writeErrLine(e.message);
      return EXIT.unusable;
    }
    // A workbook or an output that cannot be used says so in one line; anything else is a bug of ours.
    const failure = describeFailure(e);
    reportFailure(failure, argv.includes("--debug"));
    return failure.internal ? EXIT.internal : EXIT.unusable;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
