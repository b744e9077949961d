import { gzipSync, inflateRawSync } from "node:zlib";
import JSZip from "jszip";

/*
 * Zip packages read and written with Node's own zlib. JSZip inflates, deflates and checksums in
 * JavaScript: on a 2,000-task workbook that was a third of `iewsc build`. Copies are spliced from the
 * entries as stored (`storedEntries`: the user's parts are never inflated and deflated again).
 * Node-only: the add-in's bundle keeps JSZip.
 */

/** The parts of a zip package, each inflated once, when first asked for. */
export interface Archive {
  /** Entry names as stored (folders left out), in the package's order. */
  readonly names: readonly string[];
  /** The part's bytes; undefined when there is no such part. */
  bytes(name: string): Buffer | undefined;
  /** The part as UTF-8 text (decoded once); "" when there is no such part. */
  text(name: string): string;
}

const opened = new WeakMap<Uint8Array, Promise<Archive>>();

/**
 * Opens a zip package; the same bytes (the same array) are opened once, however many readers ask.
 * A package Node's reader cannot take (zip64, an unusual method) is read through JSZip instead; one
 * neither can read rejects.
 *
 * @example
 * const zip = await openArchive(bytes);
 * zip.text("xl/workbook.xml"); // '<?xml version="1.0" …'
 */
export function openArchive(bytes: Uint8Array): Promise<Archive> {
  let archive = opened.get(bytes);
  if (!archive) {
    archive = Promise.resolve().then(() => nativeArchive(bytes) ?? jszipArchive(bytes));
    opened.set(bytes, archive);
  }
  return archive;
}

/** One record of a zip's central directory, as stored. */
interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * The records of a zip's central directory, folders left out; undefined where there is no directory,
 * it is damaged, or it is zip64 (neither reader here reads that: the caller falls back or refuses).
 */
function centralRecords(buf: Buffer): Entry[] | undefined {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return undefined; // zip64
  const records: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = buf.readUInt16LE(at + 28);
    const record = {
      name: buf.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    };
    if (record.compressed === 0xffffffff || record.size === 0xffffffff || record.offset === 0xffffffff)
      return undefined;
    if (!record.name.endsWith("/")) records.push(record);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return records;
}

function nativeArchive(data: Uint8Array): Archive | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const records = centralRecords(buf);
  if (!records || records.some((r) => r.method !== 0 && r.method !== 8)) return undefined;
  const entries = new Map(records.map((r) => [r.name, r]));
  const byLower = new Map([...entries.keys()].map((n) => [n.toLowerCase(), n]));
  const inflated = new Map<string, Buffer>();
  const texts = new Map<string, string>();
  const find = (name: string) => entries.get(name) ?? entries.get(byLower.get(name.toLowerCase()) ?? "");
  const bytes = (name: string): Buffer | undefined => {
    const e = find(name);
    if (!e) return undefined;
    let out = inflated.get(e.name);
    if (!out) {
      if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50)
        throw new Error(`the zip entry ${e.name} is damaged`);
      const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
      const raw = buf.subarray(start, start + e.compressed);
      out = e.method === 8 ? inflateRawSync(raw) : raw;
      inflated.set(e.name, out);
    }
    return out;
  };
  return {
    names: [...entries.keys()],
    bytes,
    text: (name) => {
      const e = find(name);
      if (!e) return "";
      let s = texts.get(e.name);
      if (s === undefined) {
        s = bytes(e.name)!.toString("utf8");
        texts.set(e.name, s);
      }
      return s;
    },
  };
}

async function jszipArchive(bytes: Uint8Array): Promise<Archive> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const parts = new Map(
    await Promise.all(names.map(async (n) => [n, Buffer.from(await zip.files[n]!.async("uint8array"))] as const)),
  );
  const find = (name: string) => parts.get(name) ?? parts.get(byLower.get(name.toLowerCase()) ?? "");
  return { names, bytes: find, text: (name) => find(name)?.toString("utf8") ?? "" };
}

const ZIP_TOO_BIG = (what: string) =>
  `the workbook would hold ${what}, more than a zip package without ZIP64 (all this tool writes) can: make it smaller and retry`;

/** One part to write: its name in the package and its content (text is written as UTF-8). */
export interface ZipEntry {
  name: string;
  data: Buffer | string;
}

/** A part copied as it is stored in another zip: its compressed bytes, never inflated or deflated again. */
export interface StoredEntry {
  name: string;
  stored: { method: 0 | 8; crc: number; size: number; body: Buffer };
}

/**
 * Every entry of a zip package as it is stored (compressed bytes, CRC-32 and sizes from the central
 * directory), for copying parts untouched; undefined for a package this cannot promise to copy exactly
 * (zip64, a method other than stored or deflated, an encrypted or damaged entry, a name given twice).
 *
 * @example
 * storedEntries(bytes)?.map((e) => e.name); // ["[Content_Types].xml", "_rels/.rels", …]
 */
export function storedEntries(data: Uint8Array): StoredEntry[] | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const records = centralRecords(buf);
  if (!records) return undefined;
  const out: StoredEntry[] = [];
  const seen = new Set<string>();
  for (const { name, flags, method, crc, compressed, size, offset } of records) {
    // Encrypted (bit 0), or stored in a way only a zip library might read: not copied blind.
    if ((method !== 0 && method !== 8) || flags & 1) return undefined;
    if (seen.has(name.toLowerCase())) return undefined;
    seen.add(name.toLowerCase());
    if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== 0x04034b50) return undefined;
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (start + compressed > buf.length) return undefined;
    out.push({ name, stored: { method, crc, size, body: buf.subarray(start, start + compressed) } });
  }
  return out;
}

/**
 * A zip package of the entries, in their order, deflated by Node's zlib at `level` (0 stores them).
 * Each entry's CRC-32 comes from zlib too: a gzip member ends with the CRC of what it holds.
 *
 * @example
 * zipPackage([{ name: "[Content_Types].xml", data: xml }], 6); // a Buffer starting "PK\x03\x04"
 */
export function zipPackage(entries: readonly (ZipEntry | StoredEntry)[], level = 6, date = new Date()): Buffer {
  // No ZIP64 here: past 65,535 parts or 4 GB the fields below would overflow (Node throws a bare
  // RangeError, or a size would wrap): say so plainly instead.
  if (entries.length > 0xffff) throw new Error(ZIP_TOO_BIG(`${entries.length} parts`));
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const { method, crc, size, body } = "stored" in entry ? entry.stored : deflated(entry.data, level);
    if (size > 0xffffffff || offset + 30 + name.length + body.length > 0xffffffff)
      throw new Error(ZIP_TOO_BIG("more than 4 GB"));
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(day, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    header.copy(central, 6, 4, 30); // version needed … name length
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, body);
    centrals.push(central, name);
    offset += header.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A part's content deflated by zlib at `level` (0 stores it), with its CRC-32 and size. */
function deflated(content: Buffer | string, level: number): StoredEntry["stored"] {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  // A gzip member is a 10-byte header (Node writes no name or extra field), the raw deflate stream,
  // then the CRC-32 and the length: the stream is the zip entry's body, the CRC its checksum.
  const gz = gzipSync(data, { level });
  const crc = gz.readUInt32LE(gz.length - 8);
  return level === 0
    ? { method: 0, crc, size: data.length, body: data }
    : { method: 8, crc, size: data.length, body: gz.subarray(10, gz.length - 8) };
}
