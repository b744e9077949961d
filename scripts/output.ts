import { realpath, stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { WorkbookError } from "../core";
import { writeFileAtomic } from "./atomic-write";

/**
 * The one check of an output path, used by every command that writes: it must have the extension
 * asked for, be in a folder that exists, not be a folder, and not be one of the inputs, compared as
 * files rather than spellings (`./a.xlsx`, a symbolic link or a hard link to an input are that input).
 * Returns the one line to say, or `undefined` when the path may be written.
 *
 * @example await refuseOutput("a.xlsx", ["a.xlsx"]) // "a.xlsx: is the input workbook; write the copy to another file (nothing was written)"
 */
export async function refuseOutput(
  out: string,
  inputs: readonly string[] = [],
  extension = ".xlsx",
): Promise<string | undefined> {
  const target = resolve(out);
  if (extname(target).toLowerCase() !== extension)
    return `${out}: the output must be an ${extension} file; nothing was written`;
  const folder = await stat(dirname(target)).catch(() => undefined);
  if (!folder?.isDirectory()) return `${out}: the folder ${dirname(out)} does not exist; nothing was written`;
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) return `${out}: is a folder; give the name of a file to write (nothing was written)`;
  if (existing) {
    const real = await realpath(target).catch(() => target);
    for (const input of inputs) {
      const other = await stat(input).catch(() => undefined);
      if (!other) continue;
      const same =
        (other.dev === existing.dev && other.ino === existing.ino) ||
        (await realpath(input).catch(() => resolve(input))) === real;
      if (same) return `${out}: is the input workbook; write the copy to another file (nothing was written)`;
    }
  }
  return undefined;
}

/**
 * Writes an output atomically; a failure of the disk or of permissions is said in one line naming
 * the file (it is the user's machine, not a bug), never as an internal error.
 */
export async function writeOutput(out: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(resolve(out), bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== "string") throw e;
    const why =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "ENOSPC"
          ? "the disk is full"
          : code === "EROFS"
            ? "the disk is read-only"
            : code;
    throw new WorkbookError(`could not be written (${why}); nothing was written`, { file: out });
  }
}
