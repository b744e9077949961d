import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { OutputWriteError, writeFailure } from "./output-path";

/** Temporary files being written now: removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

/** On Ctrl-C or a kill, no hidden temporary file is left behind (the target is never half-written). */
function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.once(signal, () => {
      for (const temp of pending) {
        try {
          unlinkSync(temp);
        } catch {
          // already gone
        }
      }
      process.exit(code);
    });
  }
}

/**
 * Writes a file atomically: the bytes go to a temporary file beside the target, are flushed to disk,
 * and the temporary file is renamed into place. A crash or a full disk never leaves half a workbook,
 * and a reader never sees one. A failure throws `OutputWriteError`, naming the target and what happened.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  // Short and fixed in length, so that a target name near the system's limit still has room for it.
  const temp = join(dirname(target), `.iewsc-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  installSignalHandlers();
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(temp, "wx");
  } catch (e) {
    throw writeFailure(target, e);
  }
  pending.add(temp);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw writeFailure(target, e);
  } finally {
    pending.delete(temp);
  }
}

/** The temporary file name writeFileAtomic uses for a target: for tests that look for leftovers. */
export const TEMP_PATTERN = /^\.iewsc-\d+-[0-9a-f]{8}\.tmp$/;

/** Writes an output atomically; a failed write names the output as the user gave it (one line, exit 2). */
export async function writeOutput(out: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(resolve(out), bytes);
  } catch (e) {
    throw e instanceof OutputWriteError ? new OutputWriteError(out, e.problem) : e;
  }
}
