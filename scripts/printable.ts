/**
 * What the command line prints never carries a workbook's raw bytes: a cell or a zip entry name may
 * hold terminal escape sequences (ESC [2J clears the screen), new lines that forge a second message,
 * or bidirectional overrides that reorder what a person reads. Each such character is shown as
 * `\u001B`, the way JSON writes it, so the text stays one line and means what it says.
 */

/** C0 controls and DEL, C1 controls, line/paragraph separators and bidirectional controls. */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** The same, but keeping the line breaks and tabs of text we laid out ourselves. */
const UNSAFE_IN_LAYOUT = /(?![\n\t])[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * One line of text safe to print: every control character escaped, new lines included.
 *
 * @example printable("Ada\u001b[2J\nBob") // "Ada\\u001B[2J\\u000ABob"
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** Text we laid out over several lines: controls escaped, our own line breaks and tabs kept. */
export function printableLayout(text: string): string {
  return text.replace(UNSAFE_IN_LAYOUT, escaped);
}

/**
 * A JSON document safe for a terminal: `JSON.stringify` escapes C0 controls itself; this also
 * escapes the C1, separator and bidirectional ones, which JSON allows raw. The document parses the same.
 */
export function jsonText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2).replace(UNSAFE_IN_LAYOUT, escaped)}\n`;
}

/** A standard stream could not be written (a full disk, a closed pipe): not a finding, not the input's fault. */
export class OutputStreamError extends Error {
  override readonly name = "OutputStreamError";
  constructor(
    readonly stream: "stdout" | "stderr",
    readonly code: string | undefined,
  ) {
    super(`could not write to standard ${stream === "stdout" ? "output" : "error"}${reason(code)}`);
  }
}

const reason = (code: string | undefined) =>
  code === "ENOSPC"
    ? " (the disk is full)"
    : code === "EPIPE"
      ? " (the reader closed it)"
      : code === "EIO"
        ? " (input/output error)"
        : code
          ? ` (${code})`
          : "";

/**
 * Writes text we laid out (user text in it already `printable`, colours ours) to standard output. A
 * write that fails at once (a file on a full disk) throws `OutputStreamError`; one that fails later (a
 * pipe closed by `head`) is handled by `guardStreams`.
 */
export function writeOut(text: string): void {
  try {
    process.stdout.write(text);
  } catch (e) {
    throw new OutputStreamError("stdout", (e as NodeJS.ErrnoException).code);
  }
}

/** One line on standard error, prefixed `iewsc: `, with every control character escaped. */
export function writeErrLine(message: string): void {
  try {
    process.stderr.write(`iewsc: ${printable(message)}\n`);
  } catch {
    // Nowhere left to say it.
  }
}

/**
 * Ends the process cleanly when standard output fails after the write was queued: a reader that
 * closed the pipe (`iewsc check --json | head`) ends it quietly, as other command-line tools do; any
 * other failure (`> /dev/full`) says so in one line and exits 2, never 1 ("errors found").
 */
export function guardStreams(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(Number(process.exitCode ?? 0));
    writeErrLine(new OutputStreamError("stdout", e.code).message);
    process.exit(2);
  });
  process.stderr.on("error", () => process.exit(Number(process.exitCode ?? 2)));
}
