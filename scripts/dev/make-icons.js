// Renders addin/assets/icon.svg into the PNG sizes the manifest names, in headless Chromium.
// Run once after changing the SVG: node scripts/dev/make-icons.js (the PNGs are committed).
const { chromium } = require("playwright-core");
const fs = require("node:fs");
const path = require("node:path");

(async () => {
  const svg = fs.readFileSync(path.join(__dirname, "../../addin/assets/icon.svg"), "utf8");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  for (const size of [16, 32, 64, 80, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: path.join(__dirname, `../../addin/assets/icon-${size}.png`), omitBackground: true });
    await page.close();
  }
  await browser.close();
})();
