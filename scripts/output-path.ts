import { realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/**
 * Where an output goes, checked once for every command that writes one, and what a failed write says.
 */

/** Writing an output failed: the message names the output and what happened to it, never the input. */
export class OutputWriteError extends Error {
  override readonly name = "OutputWriteError";
  constructor(
    readonly out: string,
    readonly problem: string,
  ) {
    super(`${out}: ${problem}`);
  }
}

/**
 * Refuses an output path before anything is read or written: a missing folder, a folder, a file that is
 * not .xlsx, or the input itself under another name (the same path, a symbolic link or a hard link to it).
 * Returns the one line to print, or undefined when the path is fine.
 *
 * @example await refuseOutput("in.xlsx", "in.xlsx") // "in.xlsx: is the input workbook; …"
 */
export async function refuseOutput(
  out: string,
  inputs: readonly string[] = [],
  options: { extension?: RegExp; kind?: string } = {},
): Promise<string | undefined> {
  const target = resolve(out);
  const folder = await stat(dirname(target)).catch(() => undefined);
  if (!folder?.isDirectory()) return `${out}: the folder ${dirname(out)} does not exist; nothing was written`;
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) return `${out}: is a folder; give a file name for the output (nothing was written)`;
  if (!(options.extension ?? /\.xlsx$/i).test(target))
    return `${out}: the output must be ${options.kind ?? "an .xlsx file"}; nothing was written`;
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    const sameFile = existing && info && existing.dev === info.dev && existing.ino === info.ino;
    if (sameFile || (await real(target)) === (await real(input)))
      return `${out}: is the input workbook${sameFile && (await real(target)) !== (await real(input)) ? " (a link to it)" : ""}; write the copy to another file (nothing was written)`;
  }
  return undefined;
}

/**
 * The words for a write that failed, by the system's error code: what happened to the output.
 *
 * @example writeFailure("out.xlsx", Object.assign(new Error(), { code: "ENOSPC" })).message
 * // "out.xlsx: could not be written: the disk is full (nothing was written)"
 */
export function writeFailure(out: string, e: unknown): OutputWriteError {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the place is read-only",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    ENOENT: "its folder does not exist",
    ENOTDIR: "part of its path is not a folder",
    ENAMETOOLONG: "the file name is too long",
    EXDEV: "it is on another disk than its temporary file",
    EIO: "input/output error",
  };
  return new OutputWriteError(
    out,
    `could not be written: ${(code && why[code]) ?? `the system said ${code ?? "no more"}`} (nothing was written)`,
  );
}
