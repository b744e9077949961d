/**
 * `build --out` writes through a hidden temporary file beside the target (scripts/atomic-write.ts).
 * Interrupted while that file is being written (Ctrl-C, a kill), the command removes it and exits
 * 130 or 143; on a full disk it says so of the output in one line and leaves nothing behind. Both are
 * tried on the real command line: the interruption with a real signal sent while the temporary file is
 * on disk, the full disk on a 8 KB tmpfs mounted for the one command.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEMP_PATTERN } from "../../scripts/atomic-write";
import { writeFailure } from "../../scripts/output-path";
import { ROSTER_ROWS, grid, writeRawBook } from "./ooxml";
import { CLI, sha } from "./run";

const dir = mkdtempSync(join(tmpdir(), "iewsc-interrupt-"));
const at = (name: string) => join(dir, name);
const temps = (folder: string) => readdirSync(folder).filter((f) => TEMP_PATTERN.test(f));

/**
 * Loaded into the command (`node --require`): the flush of our temporary file waits 3 s, so that the
 * test's signal surely arrives while the file is on disk. Nothing else of the command changes.
 */
const SLOW_FLUSH = `
const fsp = require("node:fs/promises");
const open = fsp.open;
fsp.open = async function (path, ...rest) {
  const handle = await open.call(this, path, ...rest);
  if (/\\.iewsc-\\d+-[0-9a-f]{8}\\.tmp$/.test(String(path))) {
    const sync = handle.sync.bind(handle);
    handle.sync = () => new Promise((resolve) => setTimeout(resolve, 3000)).then(sync);
  }
  return handle;
};`;

let input: string;
beforeAll(async () => {
  input = at("roster.xlsx");
  writeFileSync(input, await writeRawBook({ sheets: [{ name: "Roster", cells: grid(ROSTER_ROWS) }] }));
  writeFileSync(at("slow-flush.js"), SLOW_FLUSH);
});

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
}

test.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)(
  "%s while the output is written: exit %i, no temporary file, the target untouched",
  async (signal, code) => {
    const out = at(`out-${signal}.broken.xlsx`); // not a workbook: the package check passes it by
    writeFileSync(out, "the user's earlier file");
    const before = sha(out);
    const child = spawn(process.execPath, ["--require", at("slow-flush.js"), CLI, "build", input, "--out", out], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d) => {
      stderr += d;
    });
    const done = exited(child);
    const started = Date.now();
    while (!temps(dir).length) {
      if (Date.now() - started > 60_000) throw new Error(`no temporary file appeared: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill(signal);
    const result = await done;
    expect(result).toEqual({ code, signal: null });
    expect(temps(dir)).toEqual([]);
    expect(sha(out)).toBe(before);
    expect(stderr).toBe("");
  },
);

/** Runs the build inside its own mount namespace, its output folder a 8 KB tmpfs; lists what is left there. */
function buildOnFullDisk(): { mounted: boolean; code: number; stderr: string; left: string[] } {
  const mnt = at("full");
  spawnSync("mkdir", ["-p", mnt]);
  const script = `mount -t tmpfs -o size=8k tmpfs "$1" || exit 99
"$2" "$3" build "$4" --out "$1/out.xlsx" 2>"$1/../full-stderr"; code=$?
ls -A "$1" > "$1/../full-left"; exit $code`;
  const args = ["sh", "-c", script, "sh", mnt, process.execPath, CLI, input];
  // As root a private mount namespace suffices; otherwise a user namespace maps us to root in it.
  const how = [["-m"], ["-rm"]].find((flags) => spawnSync("unshare", [...flags, "true"]).status === 0);
  const r = how && spawnSync("unshare", [...how, ...args], { encoding: "utf8" });
  if (!r || r.status === 99 || r.error || !existsSync(at("full-left")))
    return { mounted: false, code: -1, stderr: "", left: [] };
  return {
    mounted: true,
    code: r.status ?? -1,
    stderr: readFileSync(at("full-stderr"), "utf8"),
    left: readFileSync(at("full-left"), "utf8").split("\n").filter(Boolean),
  };
}

test("a full disk on --out: one line about the output (exit 2), no temporary file left", () => {
  const r = buildOnFullDisk();
  if (r.mounted) {
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `iewsc: ${join(dir, "full", "out.xlsx")}: could not be written: the disk is full (nothing was written)\n`,
    );
    expect(r.left).toEqual([]);
  } else {
    // No mount is allowed here (an unprivileged CI runner without user namespaces): the message the
    // command prints for ENOSPC is still the one line about the output.
    expect(writeFailure("out.xlsx", Object.assign(new Error("no space"), { code: "ENOSPC" })).message).toBe(
      "out.xlsx: could not be written: the disk is full (nothing was written)",
    );
  }
});
