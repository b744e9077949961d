import { mkdirSync, mkdtempSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { run, SOFFICE } from "./programs";

const RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens workbooks in LibreOffice headless and saves them again as `format`: an independent program
 * reads what we wrote and, with the profile below, recalculates every formula on load. One call with
 * all the files, and one profile of its own (two soffice processes sharing a profile lose files).
 * Returns the converted files; throws when LibreOffice could not load one (it exits 0 even then).
 */
export function libreConvert(
  files: string[],
  format: "xlsx" | "csv" | "pdf",
  options: { infilter?: string } = {},
): string[] {
  const profile = mkdtempSync(join(tmpdir(), "iewsc-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC);
  const out = mkdtempSync(join(tmpdir(), "iewsc-lo-out-"));
  run(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=file://${profile}`,
      ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
      "--convert-to",
      format,
      "--outdir",
      out,
      ...files,
    ],
    { timeout: 180_000 },
  );
  return files.map((f) => {
    const converted = join(out, basename(f).replace(/\.[^.]+$/, `.${format}`));
    if (!existsSync(converted)) throw new Error(`LibreOffice could not open ${f}: no ${converted} was written`);
    return converted;
  });
}
