import { resolve } from "node:path";

/**
 * Third-party files the tests use, vendored so that a fresh clone is self-contained (each folder's
 * README names its source and licence): workbooks written by Excel, Google Sheets and LibreOffice,
 * and Microsoft's add-in manifest schemas for an offline check.
 */
export const REAL_WORKBOOKS = resolve(__dirname, "../fixtures/real-workbooks");
export const MANIFEST_SCHEMAS = resolve(__dirname, "../fixtures/addin-manifest-schemas");
