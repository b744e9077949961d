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
/** Excel's default task pane. */
const PANE = { width: 320, height: 640 };
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
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
      window.Excel = {
        run: function (batch) { return new Promise(function (r) { setTimeout(r, window.__IEWSC_DELAY__ || 150); }).then(function () { return fake.run(batch); }); },
        createWorkbook: function (base64) { return fake.createWorkbook(base64); }
      };
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
    options: { forcedColors?: "active"; colorScheme?: "dark" | "light"; initScript?: string } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const { initScript, ...pageOptions } = options;
    const page = await browser.newPage({ viewport: PANE, ...pageOptions });
    // Runs before any script of the page, office.js included.
    if (initScript) await page.addInitScript(initScript);
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

  /** The element is focused and its top is within the 320 × 640 pane, without scrolling by hand. */
  async function expectInViewAndFocused(page: Page, selector: string): Promise<void> {
    const state = await page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      const box = el.getBoundingClientRect();
      return { focused: document.activeElement === el, top: box.top, height: window.innerHeight };
    }, selector);
    expect({ selector, focused: state.focused }).toEqual({ selector, focused: true });
    expect(state.top).toBeGreaterThanOrEqual(0);
    expect(state.top).toBeLessThan(state.height - 40);
  }

  /** axe-core over the pane as it is: no serious or critical violation. */
  async function expectAccessible(page: Page, state: string): Promise<void> {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect({ state, serious: violations.filter((v) => v.impact === "serious" || v.impact === "critical") }).toEqual({
      state,
      serious: [],
    });
  }

  test("pressing Check roster shows the findings, grouped by severity, and a click goes to the cell", async () => {
    const { page, errors } = await openPane(() => ({ body: fakeHostScript() }));
    const button = page.getByRole("button", { name: "Check roster" });
    await button.click();
    await page.locator(".finding").first().waitFor();
    await page.getByRole("progressbar").waitFor({ state: "hidden" });

    await expectInViewAndFocused(page, "#results");
    // Progress is announced to screen readers in a polite live region.
    const announced = page.getByRole("status");
    expect(await announced.getAttribute("aria-live")).toBe("polite");
    expect(await announced.textContent()).toBe("Check roster: done.");
    await expectAccessible(page, "after Check roster");
    expect(await page.locator("[data-glance]").allTextContents()).toEqual([
      "CommitteeRed: 2 errors",
      "Timelinenot checked yet",
      "Budgetnot checked yet",
    ]);
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
    await expectInViewAndFocused(page, "#results");
    await expectAccessible(page, "after Check timeline");
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

    // Typing one forecast is followed live; a sort of the Timeline makes the columns beside it stale.
    const fire = (address: string) =>
      page.evaluate(
        (a) =>
          (window as unknown as { __fake: { fireChanged(s: string, a: string): Promise<unknown> } }).__fake.fireChanged(
            "Timeline",
            a,
          ),
        address,
      );
    await fire("F4");
    expect(await page.locator("#stale").isHidden()).toBe(true);
    await fire("A2:I9");
    await page.locator("#stale").waitFor({ state: "visible" });
    expect(await page.locator("[data-glance=timeline]").textContent()).toContain("run Check timeline again");
    await page.getByRole("button", { name: "Record forecasts" }).click();
    await page.locator(".recorded").waitFor();
    await page.getByRole("progressbar").waitFor({ state: "hidden" });
    await expectInViewAndFocused(page, "#results");
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
    await page.getByRole("progressbar").waitFor({ state: "hidden" });
    await expectInViewAndFocused(page, "#results");
    // The dialog takes focus; Escape closes it and gives focus back to Apply.
    await page.getByRole("button", { name: "Apply…" }).click();
    await page.getByRole("dialog").waitFor();
    await expectInViewAndFocused(page, "[role=dialog]");
    await expectAccessible(page, "the Apply dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("apply");
    await page.keyboard.press("Enter");
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
    await page.getByRole("progressbar").waitFor({ state: "hidden" });
    await expectInViewAndFocused(page, "#results");
    await expectAccessible(page, "after Build");
    const text = await page.locator(".recorded").textContent();
    // The Workshop table is added with blank values: no figure the user did not give, so the budget is 0.
    expect(text).toContain("Budget: 0 CHF in all (BudgetTotal), with 9 lines.");
    expect(text).toContain("Not given in the Workshop table, so counted as 0: Title, Start, Days");
    expect(text).toContain("Added with defaults, to fill in: Workshop, Rates and Tasks.");
    const names = await page.evaluate(() =>
      (window as unknown as { __fake: { names(): { name: string }[] } }).__fake.names().map((n) => n.name),
    );
    expect(names).toEqual(["BudgetTotal", "ResourceTotalDays"]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-build.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Export report builds the report in the browser (ExcelJS loaded on demand) and opens it as a new workbook", async () => {
    const { page, errors } = await openPane(() => ({ body: fakeHostScript() }));
    await page.getByLabel("Shared version (no personal contact data)").check();
    await page.getByRole("button", { name: "Export report" }).click();
    await page.locator(".recorded").waitFor({ timeout: 60_000 });
    expect(await page.locator(".recorded").textContent()).toContain(
      "Opened the shared report in a new workbook: Summary, Findings and Balance.",
    );
    const created = await page.evaluate(() =>
      (window as unknown as { __fake: { created(): string[] } }).__fake.created(),
    );
    expect(created).toHaveLength(1);
    const bytes = Buffer.from(created[0]!, "base64");
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    // The roster's addresses are in the open workbook, not in the shared report.
    expect(bytes.toString("latin1")).not.toContain("sophie@example");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-report.png"), fullPage: true });
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
    const alert = page.locator("#message");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "This workbook cannot be checked: no Roster table was found (neither an Excel table nor a sheet of that name).",
    );
    await expectInViewAndFocused(page, "#message");
    await expectAccessible(page, "after an error");
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
    await expectAccessible(page, "outside Excel");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("when office.js cannot be loaded, the pane says so instead of showing disabled buttons", async () => {
    const { page } = await openPane(() => ({ body: "", status: 404 }));
    const failed = page.locator("#load-failed");
    await failed.waitFor({ state: "visible" });
    expect(await failed.textContent()).toContain("Office.js could not be loaded from Microsoft");
    await page.close();
  });

  test("when the add-in's script cannot run in the web view, the pane says so", async () => {
    const page = await browser.newPage({ viewport: PANE });
    await page.route(`${OFFICE_CDN}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: fakeHostScript() }),
    );
    // A web view too old for the bundle fails to parse it: play that with a syntax error.
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "let x = {;" }),
    );
    await page.addInitScript((fixture) => {
      (window as unknown as { __IEWSC_FIXTURE__: unknown }).__IEWSC_FIXTURE__ = fixture;
    }, rosterOnly);
    await page.goto(`${base}/taskpane.html`);
    const failed = page.locator("#load-failed");
    await failed.waitFor({ state: "visible" });
    expect(await failed.textContent()).toContain("IEWSC Workbench could not start in this version of Excel");
    await page.close();
  });

  test("keyboard only: Tab reaches every action, and a second action while one runs is not started", async () => {
    const { page } = await openPane(() => ({ body: fakeHostScript() }));
    await page.getByRole("button", { name: "Check roster" }).waitFor();
    await page.waitForFunction(() => !(document.getElementById("check-roster") as HTMLButtonElement).disabled);
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.textContent ?? ""));
    }
    expect(reached.slice(0, 7)).toEqual([
      "Check roster",
      "Check timeline",
      "Check programme",
      "Arbitrate",
      "Build budget & resources",
      "Record forecasts",
      "Export report",
    ]);
    await page.getByRole("button", { name: "Check roster" }).focus();
    // Excel takes its time: the second click comes while the first action runs.
    await page.evaluate(() => {
      (window as unknown as { __IEWSC_DELAY__: number }).__IEWSC_DELAY__ = 2000;
    });
    await page.keyboard.press("Enter");
    // The pressed button keeps focus while it runs (aria-disabled, not disabled).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("check-roster");
    // (force: Playwright itself waits while a button is aria-disabled; a person's click does not.)
    await page.getByRole("button", { name: "Build budget & resources" }).click({ force: true });
    expect(await page.locator("#progress-text").textContent()).toBe("Reading the workbook…");
    await page.locator(".finding").first().waitFor();
    await page.getByRole("progressbar").waitFor({ state: "hidden" });
    expect(
      await page.evaluate(() =>
        (window as unknown as { __fake: { sheet(s: string): unknown } }).__fake.sheet("Budget"),
      ),
    ).toBeNull();
    // Escape in the result goes back to the button that produced it.
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("check-roster");
    await page.close();
  });

  test("Windows high contrast: the progress bar and the severity marks stay visible (screenshot in test-artifacts)", async () => {
    const { page } = await openPane(() => ({ body: fakeHostScript() }), rosterOnly, { forcedColors: "active" });
    expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    // Excel takes its time, so the bar is there to be looked at even on a busy machine.
    await page.evaluate(() => {
      (window as unknown as { __IEWSC_DELAY__: number }).__IEWSC_DELAY__ = 1000;
    });
    await page.getByRole("button", { name: "Check roster" }).click();
    await page.getByRole("progressbar").waitFor({ state: "visible" });
    const bar = await page.evaluate(() => getComputedStyle(document.querySelector(".progress .bar")!).backgroundColor);
    expect(bar).not.toBe("rgba(0, 0, 0, 0)");
    await page.locator(".finding").first().waitFor();
    await page.getByRole("progressbar").waitFor({ state: "hidden" });
    const marks = await page.evaluate(() =>
      [...document.querySelectorAll(".dot, .glance-item .mark")].map((m) => {
        const style = getComputedStyle(m);
        return style.borderTopWidth !== "0px" && style.borderTopColor !== "rgba(0, 0, 0, 0)";
      }),
    );
    expect(marks.length).toBeGreaterThan(2);
    expect(marks.every(Boolean)).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-forced-colors.png") });
    await expectAccessible(page, "high contrast");
    await page.close();
  });

  test("dark mode is followed (the system's, when Office does not say)", async () => {
    const { page } = await openPane(() => ({ body: fakeHostScript() }), rosterOnly, { colorScheme: "dark" });
    await page.getByRole("button", { name: "Check roster" }).click();
    await page.locator(".finding").first().waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(41, 41, 41)");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-dark.png") });
    await expectAccessible(page, "dark mode");
    await page.close();
  });

  /**
   * EdgeHTML 18, the oldest web view Excel still runs the add-in in (README.md, "Where the add-in runs"), as far as a page
   * can make Chromium into it: the built-ins it lacks are deleted before any script runs. Newer syntax
   * is es2017.test.ts's part.
   */
  const OLD_WEBVIEW = `(() => {
    const gone = (owner, names) => names.forEach((name) => { delete owner[name]; });
    gone(Array.prototype, ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"]);
    gone(String.prototype, ["at", "replaceAll", "matchAll", "trimStart", "trimEnd", "isWellFormed", "toWellFormed"]);
    gone(Object, ["fromEntries", "hasOwn", "groupBy"]);
    gone(Promise, ["allSettled", "any", "withResolvers", "try"]);
    gone(Set.prototype, ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"]);
    gone(Map, ["groupBy"]);
    delete Symbol.prototype.description;
    // BigInt64Array stays: Playwright's page.evaluate needs it.
    gone(window, ["BigInt", "structuredClone", "queueMicrotask", "Iterator", "globalThis"]);
    // DOM methods newer than EdgeHTML 18, which core-js does not add (addin/taskpane/dom-polyfills.ts does).
    [Element, Document, DocumentFragment].forEach((type) => { delete type.prototype.replaceChildren; });
    window.__oldWebView =
      typeof BigInt === "undefined" && typeof [].flatMap === "undefined" && !("replaceChildren" in Element.prototype);
  })();`;

  test("in a web view without ES2018+ built-ins, BigInt or replaceChildren, Check roster, Arbitrate and Export report give what they give in Chromium", async () => {
    const rows = roster.map((r) => [...r]);
    rows[16]![4] = "Candidate";
    const fixture = {
      sheets: [{ name: "Roster", cells: rows, at: "A1", tables: [{ name: "Roster", ref: `A1:J${rows.length}` }] }],
    };
    const runBoth = async (initScript?: string) => {
      const { page, errors } = await openPane(() => ({ body: fakeHostScript() }), fixture, { initScript });
      await page.getByRole("button", { name: "Check roster" }).click();
      await page.locator(".finding").first().waitFor();
      await page.getByRole("progressbar").waitFor({ state: "hidden" });
      const findings = await page
        .locator(".finding")
        .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-code"), n.textContent]));
      await page.getByRole("button", { name: "Arbitrate" }).click();
      await page.locator(".proposal").first().waitFor();
      await page.getByRole("progressbar").waitFor({ state: "hidden" });
      const proposal = await page.locator(".proposal").allTextContents();
      const balance = await page.locator(".balance").textContent();
      // ExcelJS and JSZip, loaded on demand, in the same web view.
      await page.getByLabel("Shared version (no personal contact data)").check();
      await page.getByRole("button", { name: "Export report" }).click();
      await page.locator(".recorded").waitFor({ timeout: 60_000 });
      const report = await page.locator(".recorded").textContent();
      const state = await page.evaluate(() => {
        const w = window as unknown as { __oldWebView?: boolean; BigInt?: unknown };
        return {
          oldWebView: w.__oldWebView === true,
          // Put back by core-js, because the add-in uses them.
          restored: [typeof [].flatMap, typeof [].at, typeof Object.fromEntries, typeof window.globalThis],
          // Nothing can add it, and nothing needs it.
          bigInt: typeof w.BigInt,
          // Newer than ES2022: neither there nor needed.
          findLast: typeof (Array.prototype as { findLast?: unknown }).findLast,
          loadFailed: !document.getElementById("load-failed")!.hidden,
        };
      });
      await page.close();
      return { findings, proposal, balance, report, state, errors };
    };

    const modern = await runBoth();
    const old = await runBoth(OLD_WEBVIEW);
    expect(old.state).toEqual({
      oldWebView: true,
      restored: ["function", "function", "function", "object"],
      bigInt: "undefined",
      findLast: "undefined",
      loadFailed: false,
    });
    expect(old.errors).toEqual([]);
    expect(modern.errors).toEqual([]);
    expect(modern.state.oldWebView).toBe(false);
    expect(modern.proposal).toEqual([
      "Europe3 candidates for 1 seat: propose Sophie Laurent.Passed over: Ana Kovač and Sophie Laurent.",
    ]);
    expect(modern.findings.length).toBeGreaterThan(0);
    expect(modern.report).toContain("Opened the shared report in a new workbook");
    expect({ findings: old.findings, proposal: old.proposal, balance: old.balance, report: old.report }).toEqual({
      findings: modern.findings,
      proposal: modern.proposal,
      balance: modern.balance,
      report: modern.report,
    });
  });
});
