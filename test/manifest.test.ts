import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describeWith, run, XMLLINT } from "./helpers/programs";
import { MANIFEST_SCHEMAS } from "./helpers/fixtures";

const ROOT = resolve(__dirname, "..");
const MANIFEST = join(ROOT, "manifest.xml");
const SCHEMAS = MANIFEST_SCHEMAS;
const xml = readFileSync(MANIFEST, "utf8");

const all = (re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]!);

describeWith("xmllint", XMLLINT)("manifest.xml against Microsoft's schemas", () => {
  test("validates against OfficeAppManifestV1_1.xsd", () => {
    const out = run(XMLLINT, ["--noout", "--schema", join(SCHEMAS, "OfficeAppManifestV1_1.xsd"), MANIFEST], {
      cwd: SCHEMAS,
    });
    expect(out).toBe("");
  });

  test("a manifest with its elements out of order is refused (the check can fail)", () => {
    const broken = xml.replace(/(<Version>.*?<\/Version>)\s*(<ProviderName>.*?<\/ProviderName>)/, "$2$1");
    expect(broken).not.toBe(xml);
    expect(() =>
      run(
        "sh",
        [
          "-c",
          `printf '%s' "$0" | ${XMLLINT} --noout --schema ${join(SCHEMAS, "OfficeAppManifestV1_1.xsd")} -`,
          broken,
        ],
        { cwd: SCHEMAS },
      ),
    ).toThrow();
  });
});

describe("manifest.xml resources", () => {
  const defined = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/g));

  test("every resid resolves to a resource, and every resource is used", () => {
    const used = all(/resid="([^"]+)"/g);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.includes(id))).toEqual([]);
  });

  test("resource ids are unique", () => {
    const ids = all(/<bt:(?:Image|Url|String) id="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every URL is https, and every page and icon it names is built", () => {
    const urls = all(/DefaultValue="(https?:\/\/[^"]+)"/g);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    for (const u of urls.filter((u) => u.startsWith("https://localhost:3000/"))) {
      const path = u.slice("https://localhost:3000/".length);
      // The production build (npm test builds it first) is what the dev server and a deployment serve.
      expect({ url: u, built: existsSync(join(ROOT, "dist/addin", path)) }).toEqual({ url: u, built: true });
    }
  });

  test("the ribbon's function is the one the commands page associates", () => {
    const functions = all(/<FunctionName>([^<]+)<\/FunctionName>/g);
    const commands = readFileSync(join(ROOT, "addin/commands/commands.ts"), "utf8");
    for (const f of functions) expect(commands).toContain(`Office.actions.associate("${f}"`);
  });

  test("the Check roster button is on the Home tab", () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Control xsi:type="Button" id="IEWSC.CheckRoster">/);
  });
});

describe("the production manifest (IEWSC_ADDIN_URL=https://… npm run build:addin)", () => {
  // The very function webpack.config.js applies to manifest.xml when it copies it into dist/addin.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { productionManifest, hostingBase } = require("../addin/deploy/manifest.cjs") as {
    productionManifest: (xml: string, address: string) => string;
    hostingBase: (address: string) => string;
  };
  const address = "https://addins.example.org/iewsc";
  const built = productionManifest(xml, address);
  const urls = [...built.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);

  test("every URL is under the hosting address, and nothing names localhost", () => {
    expect(urls.length).toBeGreaterThan(6);
    expect(urls.filter((u) => !u.startsWith(`${address}/`))).toEqual([]);
    expect(built).not.toMatch(/localhost/);
    expect(built).toContain("<AppDomain>https://addins.example.org</AppDomain>");
    expect(built).toContain(`<SourceLocation DefaultValue="${address}/taskpane.html"/>`);
  });

  test("the support and learn-more links are the help page served with the add-in", () => {
    expect(built).toContain(`<SupportUrl DefaultValue="${address}/help.html"/>`);
    expect(built).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${address}/help.html"/>`);
    expect(existsSync(join(ROOT, "dist/addin/help.html"))).toBe(true);
  });

  test.each([
    ["http://addins.example.org/", "must start with https://"],
    ["https://localhost:3000/", "not this machine"],
    ["https://example.org/?x=1", "no ?query"],
    ["addins", "not an address"],
  ])("refuses %s", (bad, words) => {
    expect(() => hostingBase(bad)).toThrow(words);
  });

  (XMLLINT && existsSync(XMLLINT) ? test : test.skip)("validates against OfficeAppManifestV1_1.xsd", () => {
    const out = run(
      "sh",
      ["-c", `printf '%s' "$0" | ${XMLLINT} --noout --schema ${join(SCHEMAS, "OfficeAppManifestV1_1.xsd")} -`, built],
      { cwd: SCHEMAS },
    );
    expect(out).toBe("");
  });
});

describe("npm run dev-server", () => {
  test("refuses plain http: without the development certificate it says how to get one", () => {
    const home = mkdtempSync(join(tmpdir(), "iewsc-no-certs-"));
    const out = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/.bin/webpack"), "serve", "--mode", "development"],
      {
        cwd: ROOT,
        env: { ...process.env, HOME: home },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("run `npx office-addin-dev-certs install` once");
  });
});
