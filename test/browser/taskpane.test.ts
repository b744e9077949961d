import { createServer, type Server } from "node:http";
import { readFileSync, existsSync, mkdirSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import type { CellValue } from "../../core";
import { dayOfIso, serialOf } from "../../core";
import { SAMPLE_ROSTER, SAMPLE_TIMELINE } from "../../core/sample";
import { TIMELINE_HEADER } from "../helpers/timeline";
import { CHROMIUM, describeWith } from "../helpers/programs";
import { ROSTER_HEADER } from "../helpers/tables";

const ROOT = resolve(__dirname, "../..");
const BUILD = join(ROOT, "dist/addin");
const ARTIFACTS = join(ROOT, "test-artifacts");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "text/xml",
  ".map": "application/json",
};

/** Serves the production build of the task pane, as a web server would. */
function serve(folder: string): Promise<Server> {
  const server = createServer((req, res) => {
    const file = join(folder, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(folder) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** The office.js the page asks the CDN for: our fake Excel host, as a script. */
function fakeHostScript(): string {
  const fake = readFileSync(join(ROOT, "test/fakes/fake-excel.js"), "utf8");
  const bootstrap = `
    (function () {
      var fake = FakeExcel.createFakeExcel(window.__IEWSC_FIXTURE__);
      window.__fake = fake;
      var info = { host: "Excel", platform: "OfficeOnline" };
      window.Office = {
        HostType: { Excel: "Excel" },
        onReady: function (cb) { if (cb) setTimeout(function () { cb(info); }, 0); return Promise.resolve(info); },
        actions: { associate: function () {} }
      };
      window.Excel = { run: function (batch) { return new Promise(function (r) { setTimeout(r, 150); }).then(function () { return fake.run(batch); }); } };
    })();`;
  return `${fake}\n${bootstrap}`;
}

const roster: CellValue[][] = [
  ROSTER_HEADER,
  ...(SAMPLE_ROSTER as CellValue[][]),
  [
    "Sophie  Laurent",
    "Regional Volunteer",
    "Europe",
    "Female",
    "Candidate",
    null,
    null,
    "sophie@example",
    "Duplicate entry",
    null,
  ],
];

describeWith("Chromium", CHROMIUM)("the task pane in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(BUILD, "taskpane.html")))
      throw new Error("dist/addin/taskpane.html is missing: run `npm run build:addin` first (npm test does).");
    server = await serve(BUILD);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  const rosterOnly = {
    sheets: [{ name: "Roster", cells: roster, at: "A1", tables: [{ name: "Roster", ref: `A1:J${roster.length}` }] }],
  };

  async function openPane(
    officeJs: (path: string) => { body: string | Buffer; status?: number },
    fixture: object = rosterOnly,
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(`${OFFICE_CDN}**`, async (route) => {
      const reply = officeJs(route.request().url().slice(OFFICE_CDN.length));
      await route.fulfill({ status: reply.status ?? 200, contentType: "text/javascript", body: reply.body });
    });
    await page.addInitScript((fixture) => {
      (window as unknown as { __IEWSC_FIXTURE__: unknown }).__IEWSC_FIXTURE__ = fixture;
    }, fixture);
    await page.goto(`${base}/taskpane.html`);
    return { page, errors };
  }

  test("pressing Check roster shows the findings, grouped by severity, and a click goes to the cell", async () => {
    const { page, errors } = await openPane(() => ({ body: fakeHostScript() }));
    const button = page.getByRole("button", { name: "Check roster" });
    await button.click();
    await page.getByRole("progressbar").waitFor({ state: "visible" });
    await page.locator(".finding").first().waitFor();
    await page.getByRole("progressbar").waitFor({ state: "hidden" });

    const groups = await page.locator(".group h2").allTextContents();
    expect(groups).toEqual(["2 errors", "1 warning"]);
    expect(await page.locator(".badge").allTextContents()).toEqual(["2 errors", "1 warning"]);
    const items = await page
      .locator(".finding")
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-code"), n.querySelector(".where")!.textContent]));
    expect(items).toEqual([
      ["ROSTER_JUSTIFICATION_MISSING", "Roster · row 10 · Justification"],
      ["ROSTER_DUPLICATE_PERSON", "Roster · row 20 · Name"],
      ["ROSTER_EMAIL_INVALID", "Roster · row 20 · Email"],
    ]);
    await expect(page.locator(".finding").first().textContent()).resolves.toContain(
      "Michael Brennan has no justification",
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-findings.png"), fullPage: true });

    await page.locator(".finding").nth(1).click();
    await page.waitForFunction(
      () => (window as unknown as { __fake: { world: { selected: unknown } } }).__fake.world.selected !== null,
    );
    const selected = await page.evaluate(
      () => (window as unknown as { __fake: { world: { selected: unknown } } }).__fake.world.selected,
    );
    expect(selected).toEqual({ sheet: "Roster", address: "A20" });
    // The Checks sheet was written in the (fake) workbook.
    const checks = await page.evaluate(() =>
      (window as unknown as { __fake: { values(s: string, a: string): unknown[][] } }).__fake.values("Checks", "A6:B8"),
    );
    expect(checks).toEqual([
      ["Error", "ROSTER_JUSTIFICATION_MISSING"],
      ["Error", "ROSTER_DUPLICATE_PERSON"],
      ["Warning", "ROSTER_EMAIL_INVALID"],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Check timeline lists the timeline's findings and writes the status columns; Record forecasts draws the trend", async () => {
    const timeline = [
      [...TIMELINE_HEADER],
      ...(SAMPLE_TIMELINE as CellValue[][]).map((r) =>
        r.map((v) => (v !== null && typeof v === "object" && "date" in v ? serialOf(dayOfIso(v.date)!) : v)),
      ),
    ];
    timeline[3]![5] = serialOf(dayOfIso("2023-12-15")!); // TL03 forecast: 45 days late
    const fixture = {
      sheets: [
        { name: "Timeline", cells: timeline, at: "A1", tables: [{ name: "Timeline", ref: `A1:I${timeline.length}` }] },
        {
          name: "Settings",
          cells: [
            ["Key", "Value"],
            ["AsOf", "2024-02-01"],
          ],
          at: "A1",
          tables: [{ name: "Settings", ref: "A1:B2" }],
        },
      ],
    };
    const { page, errors } = await openPane(() => ({ body: fakeHostScript() }), fixture);
    await page.getByRole("button", { name: "Check timeline" }).click();
    await page.locator(".finding").first().waitFor();
    await page.getByRole("progressbar").waitFor({ state: "hidden" });
    const items = await page
      .locator(".finding")
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-code"), n.querySelector(".where")!.textContent]));
    expect(items).toEqual([
      ["TIMELINE_OVERDUE", "Timeline · row 3 · Actual"],
      ["TIMELINE_OVERDUE", "Timeline · row 4 · Actual"],
      ["TIMELINE_SLIPPED", "Timeline · row 4 · Forecast"],
    ]);
    await expect(page.locator(".finding").nth(2).textContent()).resolves.toContain("TL03 has slipped 45 days");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-timeline.png"), fullPage: true });
    const header = await page.evaluate(() =>
      (window as unknown as { __fake: { values(s: string, a: string): unknown[][] } }).__fake.values(
        "Timeline",
        "K1:P1",
      ),
    );
    expect(header).toEqual([
      [
        "IEWSC planned from",
        "IEWSC planned to",
        "IEWSC certainty",
        "IEWSC date now",
        "IEWSC slip days",
        "IEWSC status",
      ],
    ]);

    await page.getByRole("button", { name: "Record forecasts" }).click();
    await page.locator(".recorded").waitFor();
    expect(await page.locator(".recorded").textContent()).toBe(
      "Recorded the forecast of 8 milestones as of 1 February 2024. The milestone trend on the Forecast history sheet now has 1 reporting date.",
    );
    const charts = await page.evaluate(() =>
      (window as unknown as { __fake: { charts(s: string): { name: string }[] } }).__fake.charts("Forecast history"),
    );
    expect(charts.map((c) => c.name)).toEqual(["IEWSC milestone trend"]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-recorded.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Arbitrate proposes the most balanced choice; Apply asks first, sets only Status cells; Undo puts them back", async () => {
    // Europe: Jonas Weber confirmed; Sophie Laurent (now a candidate), Ana Kovač and a second Sophie compete for one seat.
    const rows = roster.map((r) => [...r]);
    rows[16]![4] = "Candidate";
    const fixture = {
      sheets: [{ name: "Roster", cells: rows, at: "A1", tables: [{ name: "Roster", ref: `A1:J${rows.length}` }] }],
    };
    const { page, errors } = await openPane(() => ({ body: fakeHostScript() }), fixture);
    const status = () =>
      page.evaluate(() =>
        (window as unknown as { __fake: { values(s: string, a: string): unknown[][] } }).__fake
          .values("Roster", "E17:E20")
          .flat(),
      );
    const before = await status();
    await page.getByRole("button", { name: "Arbitrate" }).click();
    await page.locator(".proposal").first().waitFor();
    expect(await page.locator(".proposal").allTextContents()).toEqual([
      "Europe3 candidates for 1 seat: propose Sophie Laurent.Passed over: Ana Kovač and Sophie Laurent.",
    ]);
    expect(await page.locator(".balance").textContent()).toBe(
      "Confirmed committee now: women 7 of 15 (46.7 %), men 8 (53.3 %).With this choice: women 8 of 16 (50 %), men 8 (50 %).",
    );
    await page.getByRole("button", { name: "Apply…" }).click();
    await page.getByRole("dialog").waitFor();
    expect(await page.locator(".changes li").allTextContents()).toEqual([
      "Sophie Laurent: Candidate → Confirmed (Roster!E17)",
    ]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-arbitrate.png"), fullPage: true });
    await page.getByRole("button", { name: "Yes, set these statuses" }).click();
    await page.locator("#applied").waitFor();
    expect(await status()).toEqual(["Confirmed", ...before.slice(1)]);
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Undone: the statuses are as they were.").waitFor();
    expect(await status()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Build budget & resources on a workbook with only a roster: the tables are added and the totals shown", async () => {
    const { page, errors } = await openPane(() => ({ body: fakeHostScript() }));
    await page.getByRole("button", { name: "Build budget & resources" }).click();
    await page.locator(".recorded").waitFor();
    const text = await page.locator(".recorded").textContent();
    // Two days (the template's Workshop): 2 languages × 2 × 2,500 + 2 × 1,200 + 2 × 800 + 2 × 1,500 + 120 × 2 × 35
    // + 4 × 3,500 + 8 × 1,500 + 120 × 12 = 52,840, plus 10 %.
    expect(text).toContain("Budget: 58,124 CHF in all (BudgetTotal), with 9 lines.");
    expect(text).toContain("Added with defaults, to fill in: Workshop, Rates, Tasks.");
    const names = await page.evaluate(() =>
      (window as unknown as { __fake: { names(): { name: string }[] } }).__fake.names().map((n) => n.name),
    );
    expect(names).toEqual(["BudgetTotal", "ResourceTotalDays"]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-build.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a workbook without a roster gets one plain sentence", async () => {
    const { page } = await openPane(() => ({ body: fakeHostScript() }));
    await page.evaluate(() => {
      const w = window as unknown as { __fake: { world: { tables: unknown[]; sheets: { name: string }[] } } };
      w.__fake.world.tables.length = 0;
      w.__fake.world.sheets[0]!.name = "Members";
    });
    await page.getByRole("button", { name: "Check roster" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "This workbook cannot be checked: no Roster table was found (neither an Excel table nor a sheet of that name).",
    );
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-no-roster.png"), fullPage: true });
    await page.close();
  });

  test("outside Excel, with Microsoft's real office.js, the pane says where to open it", async () => {
    const dist = join(ROOT, "node_modules/@microsoft/office-js/dist");
    const { page, errors } = await openPane((path) => {
      const file = join(dist, path);
      return existsSync(file) ? { body: readFileSync(file) } : { body: "", status: 404 };
    });
    await page.locator("#not-in-excel").waitFor({ state: "visible" });
    expect(await page.locator("#not-in-excel").textContent()).toContain("Open this add-in in Excel.");
    expect(await page.getByRole("button", { name: "Check roster" }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
