import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every file a test writes goes under one temporary root (TMPDIR, which `os.tmpdir()` reads and the
 * test workers inherit), so that the teardown can check every workbook written during the run.
 */
export default function globalSetup(): void {
  const root = mkdtempSync(join(tmpdir(), "iewsc-tests-"));
  process.env.IEWSC_TEST_ROOT = root;
  process.env.TMPDIR = root;
}
