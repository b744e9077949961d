/**
 * A bug in our code is said as one ("internal error: please report it", exit 70, the stack only on
 * --debug), never as a damaged workbook. The faults are injected from the test, through a dependency
 * that throws, so no production path carries a test-only branch.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkFile } from "../../scripts/check-file";
import * as templateModule from "../../scripts/commands/template";
import { EXIT } from "../../scripts/exit-codes";
import { describeFailure } from "../../scripts/failure";
import { runCheck } from "../../scripts/commands/check";
import { main } from "../../scripts/iewsc";
import { refuseOutput } from "../../scripts/output-path";
import * as render from "../../scripts/xlsx/render";
import * as reader from "../../scripts/xlsx/read-input";
import { goodRoster } from "../helpers/tables";

const dir = mkdtempSync(join(tmpdir(), "iewsc-failure-"));

async function workbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Roster").addRows(goodRoster());
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Runs the command line in this process, capturing what it writes. */
async function run(...args: string[]) {
  return capture(() => main(["node", "iewsc", ...args]));
}

/** Runs a command function in this process, capturing what it writes. */
async function capture(command: () => Promise<number>) {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await command();
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = 0;
  }
}

afterEach(() => jest.restoreAllMocks());

describe("internal errors", () => {
  const bug = () => new TypeError("Cannot read properties of undefined (reading 'rows')");

  test("a bug while checking: one line that says so, exit 70, no stack, and not 'could not be read'", async () => {
    const file = await workbook("ok.xlsx");
    jest.spyOn(reader, "readCheckInput").mockRejectedValue(bug());
    const r = await run("check", file);
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toBe(
      `iewsc: ${file}: internal error: please report it (run again with --debug for the details)\n`,
    );
    expect(r.stderr).not.toMatch(/could not be read|TypeError|\bat /);
  });

  test("--debug adds the stack trace", async () => {
    const file = await workbook("ok-debug.xlsx");
    jest.spyOn(reader, "readCheckInput").mockRejectedValue(bug());
    const r = await run("check", "--debug", file);
    expect(r.code).toBe(EXIT.internal);
    const [line, ...stack] = r.stderr.trimEnd().split("\n");
    expect(line).toBe(`iewsc: ${file}: internal error: please report it (run again with --debug for the details)`);
    expect(stack[0]).toBe("TypeError: Cannot read properties of undefined (reading 'rows')");
    expect(stack.some((l) => /^\s+at /.test(l))).toBe(true);
  });

  test("--json: the file is listed under failed, and the bug outranks an unusable workbook in the exit code", async () => {
    const file = await workbook("ok-json.xlsx");
    const real = reader.readCheckInput;
    jest.spyOn(reader, "readCheckInput").mockImplementation((f) => (f === file ? Promise.reject(bug()) : real(f)));
    // A batch runs on worker threads, which this test's spy cannot reach: the pool's in-thread path
    // (jobs 0) runs the same checkFile, so the exit code and the failed list are what a batch gives.
    const r = await capture(() => runCheck([file, join(dir, "missing.xlsx")], { json: true, jobs: 0 }));
    expect(r.code).toBe(EXIT.internal);
    expect(JSON.parse(r.stdout).failed).toEqual([
      { file, error: `${file}: internal error: please report it (run again with --debug for the details)` },
      { file: join(dir, "missing.xlsx"), error: `${join(dir, "missing.xlsx")}: no such file` },
    ]);
  });

  test("checkFile with a reader that throws: an internal failure, with its stack kept for --debug", async () => {
    const outcome = await checkFile("x.xlsx", {}, () => Promise.reject(new RangeError("Invalid time value")));
    expect(outcome).toMatchObject({
      ok: false,
      internal: true,
      error: expect.stringMatching(/^x\.xlsx: internal error/),
    });
    expect(outcome.ok === false && outcome.internal && outcome.stack).toMatch(/^RangeError: Invalid time value/);
  });

  test("a bug while building: exit 70, nothing written", async () => {
    const file = await workbook("build.xlsx");
    jest.spyOn(render, "renderWorkbook").mockImplementation(() => {
      throw bug();
    });
    const out = join(dir, "built.xlsx");
    const r = await run("build", file, "--out", out);
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toMatch(/^iewsc: .*build\.xlsx: internal error: please report it/);
    expect(existsSync(out)).toBe(false);
  });

  test("a bug outside any workbook (here in template) is an internal error too", async () => {
    jest.spyOn(templateModule, "runTemplate").mockRejectedValue(bug());
    const r = await run("template", "--out", join(dir, "t.xlsx"));
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toBe("iewsc: internal error: please report it (run again with --debug for the details)\n");
  });

  test("a workbook that genuinely cannot be read still says so, exit 2", async () => {
    const file = join(dir, "text.xlsx");
    writeFileSync(file, "just some text");
    const r = await run("check", file);
    expect(r.code).toBe(EXIT.unusable);
    expect(r.stderr).toBe(`iewsc: ${file}: is not an .xlsx workbook\n`);
    expect(describeFailure(new Error("x")).internal).toBe(true);
  });
});

describe("one output-path check for every command that writes", () => {
  test.each<[string, (input: string) => string, RegExp | undefined]>([
    ["a new file", () => join(dir, "new.xlsx"), undefined],
    ["the input itself", (input) => input, /: is the input workbook; write the copy to another file/],
    ["the input spelt another way", (input) => `${dir}/./sub/../${input.split("/").pop()}`, /is the input workbook/],
    ["a hard link to the input", (input) => hardLink(input), /is the input workbook/],
    ["a symbolic link to the input", (input) => softLink(input), /is the input workbook/],
    ["a folder", () => folder("folder.xlsx"), /: is a folder; give a file name for the output/],
    ["a folder that does not exist", () => join(dir, "nowhere", "x.xlsx"), /the folder .* does not exist/],
    ["not an .xlsx file", () => join(dir, "x.csv"), /the output must be an \.xlsx file/],
  ])("%s", async (_, outOf, refusal) => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    const input = await workbook(`in-${Math.random().toString(36).slice(2)}.xlsx`);
    const said = await refuseOutput(outOf(input), [input]);
    if (refusal) expect(said).toMatch(refusal);
    else expect(said).toBeUndefined();
  });

  test.each([
    ["build", (input: string, out: string) => ["build", input, "--out", out]],
    ["arbitrate --balance-out", (input: string, out: string) => ["arbitrate", input, "--balance-out", out]],
  ])("%s refuses a hard link to its input, exit 2, nothing written", async (_, args) => {
    const input = await workbook(`cmd-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await run(...args(input, hardLink(input)));
    expect(r.code).toBe(EXIT.unusable);
    expect(r.stderr).toMatch(
      /^iewsc: .*: is the input workbook \(a link to it\); write the copy to another file \(nothing was written\)\n$/,
    );
  });

  test("template refuses a folder", async () => {
    const r = await run("template", "--out", folder("t-folder.xlsx"));
    expect(r.code).toBe(EXIT.unusable);
    expect(r.stderr).toMatch(/is a folder/);
  });
});

function hardLink(input: string): string {
  const link = join(dir, `hard-${Math.random().toString(36).slice(2)}.xlsx`);
  linkSync(input, link);
  return link;
}
function softLink(input: string): string {
  const link = join(dir, `soft-${Math.random().toString(36).slice(2)}.xlsx`);
  symlinkSync(input, link);
  return link;
}
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}
