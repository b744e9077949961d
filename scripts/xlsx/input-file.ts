import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { UnreadableWorkbookError } from "../../core";

/** The largest workbook file read (Excel's own limit on a sheet keeps real workbooks well below). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;
/** The most that a workbook's parts may hold once inflated, all together. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/** A part larger than this must not inflate more than RATIO_LIMIT times its compressed size. */
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;
const RATIO_LIMIT = 200;

/**
 * Reads a workbook file for the command line, refusing what is not one before anything is inflated:
 * only a regular file (a FIFO would hang, `/dev/zero` would never end), at most MAX_INPUT_BYTES, and a
 * zip whose parts declare and truly inflate to a bounded size (a zip bomb is refused without using
 * its memory: `checkWorkbookBytes`, which the loader runs). Every refusal is an `UnreadableWorkbookError`
 * with one plain line.
 */
export async function readInputFile(file: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait; a regular file ignores the flag.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableWorkbookError(why((e as NodeJS.ErrnoException).code, e), { file });
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UnreadableWorkbookError("is a folder, not a workbook", { file });
    if (!info.isFile()) throw new UnreadableWorkbookError("is not a regular file (a device, pipe or socket)", { file });
    if (info.size > MAX_INPUT_BYTES)
      throw new UnreadableWorkbookError(
        `is ${megabytes(info.size)}, more than the ${megabytes(MAX_INPUT_BYTES)} a workbook may be`,
        { file },
      );
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    throw new UnreadableWorkbookError(why((e as NodeJS.ErrnoException).code, e), { file });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function why(code: string | undefined, e: unknown): string {
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a folder, not a workbook";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENAMETOOLONG") return "the file name is too long";
  if (code === "ELOOP") return "is a link that points back at itself";
  return `cannot be read (${code ?? (e instanceof Error ? e.name : "unknown")})`;
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString("en-GB")} MB`;

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Says what a file that is no .xlsx workbook is (encrypted, binary .xlsb, OpenDocument, old .xls, a
 * zip of something else), and refuses a zip whose parts inflate beyond bounds, before ExcelJS inflates them.
 * Each part is inflated once here, no further than it declares; the parts that `keep` names are
 * returned inflated (named as ExcelJS names them, without a leading "/"), so that a reader need not
 * inflate them again. A package that names a wanted part twice, or stores one other than plain or
 * deflated, returns none: only ExcelJS's own reading can say what such a part holds.
 */
export function checkWorkbookBytes(
  bytes: Buffer,
  file: string,
  keep: (name: string) => boolean = () => false,
): Map<string, Buffer> {
  if (bytes.subarray(0, 8).equals(CFB)) {
    // Excel saves a password-protected workbook as an OLE container holding an "EncryptedPackage" stream.
    if (bytes.includes(ENCRYPTED))
      throw new UnreadableWorkbookError(
        "is password-protected: open it in Excel and save it without a password (File ▸ Info ▸ Protect Workbook)",
        { file },
      );
    throw new UnreadableWorkbookError("is an old .xls file: open it in Excel and save it as .xlsx", { file });
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new UnreadableWorkbookError("is not an .xlsx workbook", { file });
  const entries = centralDirectory(bytes, file);
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has("xl/workbook.bin"))
    throw new UnreadableWorkbookError("is a binary workbook (.xlsb): open it in Excel and save it as .xlsx", {
      file,
    });
  if (names.has("content.xml") && names.has("mimetype"))
    throw new UnreadableWorkbookError("is an OpenDocument spreadsheet (.ods): save it as .xlsx", { file });
  if (!names.has("[content_types].xml") || ![...names].some((n) => /^xl\/workbook\d*\.xml$/.test(n)))
    throw new UnreadableWorkbookError("is a zip archive but not an Excel workbook", { file });
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const tooDense = e.size > RATIO_FLOOR_BYTES && e.size > e.compressed * RATIO_LIMIT;
    if (total > MAX_INFLATED_BYTES || tooDense)
      throw new UnreadableWorkbookError(
        `inflates to more than a workbook can hold (${tooDense ? "one part" : "its parts"} ${megabytes(tooDense ? e.size : total)} from ${megabytes(bytes.length)}): refused as a possible zip bomb`,
        { file },
      );
  }
  // A part may declare less than it inflates to: inflate each (one at a time) no further than declared.
  const kept = new Map<string, Buffer>();
  let unsure = false;
  for (const e of entries) {
    const name = e.name.replace(/^\//, "");
    const wanted = keep(name);
    // Named twice, or stored in a way only a zip library might read: the reader must not guess.
    if (wanted && (kept.has(name) || (e.method !== 0 && e.method !== 8))) unsure = true;
    if (wanted && e.method === 0) kept.set(name, localData(bytes, e, file));
    if (e.method !== 8 || e.compressed === 0) continue;
    const data = localData(bytes, e, file);
    try {
      // One output chunk as large as the part declares (up to 32 MB): no copying chunks together.
      const chunkSize = Math.min(Math.max(e.size, 16 * 1024), 32 * 1024 * 1024);
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1), chunkSize });
      if (wanted) kept.set(name, inflated);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UnreadableWorkbookError(
        code === "ERR_BUFFER_TOO_LARGE"
          ? "has a part that inflates to more than it declares: refused as a possible zip bomb"
          : "could not be read as an .xlsx workbook: its contents are damaged",
        { file },
      );
    }
  }
  return unsure ? new Map() : kept;
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The zip's central directory: every entry with its declared sizes (zip64 sizes are refused as too big). */
function centralDirectory(bytes: Buffer, file: string): Entry[] {
  const damaged = () =>
    new UnreadableWorkbookError("could not be read as an .xlsx workbook: its contents are damaged", { file });
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    // 0xFFFFFFFF means "see the zip64 extra field": 4 GB or more, far beyond any workbook we read.
    if (compressed === 0xffffffff || size === 0xffffffff)
      throw new UnreadableWorkbookError("has a part of 4 GB or more: refused as a possible zip bomb", { file });
    entries.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
      method: bytes.readUInt16LE(at + 10),
      compressed,
      size,
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function localData(bytes: Buffer, e: Entry, file: string): Buffer {
  const at = e.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50)
    throw new UnreadableWorkbookError("could not be read as an .xlsx workbook: its contents are damaged", { file });
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return bytes.subarray(start, start + e.compressed);
}
