import { deflateRawSync } from "node:zlib";

/**
 * Files that only pretend to be workbooks, made byte by byte: zips whose entries declare any size,
 * OLE containers as Excel writes for encrypted and old workbooks.
 */

export interface ZipEntry {
  name: string;
  /** The bytes stored (deflated when `method` is 8). */
  stored: Buffer;
  /** The size the zip declares once inflated: may lie. */
  declared: number;
  method?: 0 | 8;
}

/** A zip archive from entries as given, lies included (CRCs are 0: nothing here gets that far). */
export function rawZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += 30 + name.length + e.stored.length;
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

const deflated = (text: string | Buffer): ZipEntry["stored"] => deflateRawSync(text);
const entry = (name: string, text: string): ZipEntry => ({
  name,
  stored: deflated(text),
  declared: Buffer.byteLength(text),
});

/** The entries every workbook package has, around one sheet part supplied by the caller. */
export function workbookEntries(sheet: ZipEntry): ZipEntry[] {
  return [
    entry("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entry("xl/workbook.xml", "<workbook/>"),
    sheet,
  ];
}

/** A zip bomb that says so: a sheet declaring 3 GB. */
export function declaredBomb(): Buffer {
  const small = deflated("<worksheet/>");
  return rawZip(workbookEntries({ name: "xl/worksheets/sheet1.xml", stored: small, declared: 3_000_000_000 }));
}

/** A zip bomb that lies: a sheet declaring 12 bytes and inflating to `mb` megabytes. */
export function lyingBomb(mb: number): Buffer {
  const zeros = deflateRawSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9 });
  return rawZip(workbookEntries({ name: "xl/worksheets/sheet1.xml", stored: zeros, declared: 12 }));
}

/** A zip with no workbook in it, whose entry name carries a terminal escape and a new line. */
export function hostileZip(): Buffer {
  return rawZip([entry("\u001b[2J\u001b[31mpwned\nline.txt", "hello")]);
}

/** A binary workbook (.xlsb) renamed .xlsx. */
export function xlsb(): Buffer {
  return rawZip([entry("[Content_Types].xml", "<Types/>"), entry("xl/workbook.bin", "binary")]);
}

/** An OpenDocument spreadsheet renamed .xlsx. */
export function ods(): Buffer {
  return rawZip([
    {
      name: "mimetype",
      stored: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"),
      declared: 46,
      method: 0,
    },
    entry("content.xml", "<office:document-content/>"),
  ]);
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE container as Excel writes a password-protected workbook (its stream names in UTF-16). */
export function encrypted(): Buffer {
  return Buffer.concat([
    CFB,
    Buffer.alloc(504),
    Buffer.from("EncryptionInfo", "utf16le"),
    Buffer.alloc(50),
    Buffer.from("EncryptedPackage", "utf16le"),
    Buffer.alloc(1024),
  ]);
}

/** An OLE container as an old .xls. */
export function oldXls(): Buffer {
  return Buffer.concat([CFB, Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(1024)]);
}
