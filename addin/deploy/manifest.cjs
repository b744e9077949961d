/*
 * The production manifest: the development manifest.xml with every URL moved under the address the
 * add-in is hosted at. `IEWSC_ADDIN_URL=https://… npm run build:addin` calls it (webpack.config.js);
 * test/manifest.test.ts validates what it writes against Microsoft's schemas.
 */
const DEV_BASE = "https://localhost:3000/";

/**
 * The hosting address, checked: https (Office refuses plain http), no query or fragment, ending in "/".
 *
 * @example hostingBase("https://intranet.example.org/iewsc") // "https://intranet.example.org/iewsc/"
 */
function hostingBase(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    throw new Error(`IEWSC_ADDIN_URL is not an address: ${address}`);
  }
  if (url.protocol !== "https:")
    throw new Error(`IEWSC_ADDIN_URL must start with https:// (Office loads add-ins only over https): ${address}`);
  if (url.search || url.hash) throw new Error(`IEWSC_ADDIN_URL must have no ?query or #fragment: ${address}`);
  if (/^(localhost|127\.|\[::1\])/.test(url.hostname))
    throw new Error(`IEWSC_ADDIN_URL must be the server your team reaches, not this machine: ${address}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest with its development origin replaced by `address` (its pages, icons, help and domain). */
function productionManifest(xml, address) {
  const base = hostingBase(address);
  const origin = new URL(base).origin;
  const out = xml
    .split(DEV_BASE)
    .join(base)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/, `<AppDomain>${origin}</AppDomain>`)
    .replace(/<!--[\s\S]*?-->\s*/, `<!-- IEWSC Workbench, hosted at ${base} (built with IEWSC_ADDIN_URL). -->\n`);
  if (out.includes("localhost")) throw new Error("the production manifest still names localhost");
  return out;
}

module.exports = { hostingBase, productionManifest, DEV_BASE };
