// office-addin-mock needs only this enum from office-addin-manifest, whose ESM-only dependencies
// jest 30 cannot load on Node 20 (see docs/toolchain.md).
exports.OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
