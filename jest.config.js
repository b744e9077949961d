/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.cjs" },
  testTimeout: 120000,
  // Every workbook a test writes lands under one root, and the teardown checks each one's package.
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  // Test inputs written with ExcelJS go through what the product does to every copy it writes.
  setupFilesAfterEnv: ["<rootDir>/test/setup-exceljs.ts"],
  // LibreOffice and Chromium suites start real programs: give them room and run them apart.
  maxWorkers: 2,
};
