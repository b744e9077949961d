// First: what the oldest web views lack must be there before anything renders.
import "./dom-polyfills";
import { type CheckName, type Summary, type TableView, dayOfLocalDate, longDate, statusStaleAfter } from "../../core";
import { applyIn, proposeIn, undoIn } from "../excel/arbitrate";
import { buildIn } from "../excel/build";
import { checkIn, goToCell } from "../excel/check";
import { oneAtATime } from "../excel/one-at-a-time";
import { recordForecastsIn } from "../excel/record-forecasts";
import { exportReportIn } from "../excel/report";
import { runExcel } from "../excel/run-excel";
import { watchSheet } from "../excel/watch-timeline";
import { explain } from "./explain";
import { type Glance, renderGlance, stateOf } from "./glance";
import { followOfficeTheme } from "./theme";
import {
  type PaneFinding,
  renderApplied,
  renderBuilt,
  renderExported,
  renderFindings,
  renderProposal,
  renderRecorded,
} from "./view";

// The inline script of taskpane.html waits for this: the bundle loaded and runs.
(window as { __iewscStarted?: boolean }).__iewscStarted = true;

type Step = "reading" | "checking" | "writing" | "done";

/** One button of the pane: what it is called, what it does, and what it runs. */
interface Action {
  id: string;
  label: string;
  hint: string;
  primary?: boolean;
  /** A check box that goes with the action (shown under the buttons), read when it runs. */
  option?: { id: string; label: string };
  steps: Record<Step, string>;
  run: (step: (s: Step) => void) => Promise<void>;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const today = () => dayOfLocalDate(new Date());
const glance: Glance = {};

/** The actions, in the order the pane shows them. Adding one is adding an entry here. */
const ACTIONS: Action[] = [
  {
    id: "check-roster",
    label: "Check roster",
    primary: true,
    hint: "Roles, regions, justifications, duplicates and gender balance. Highlights what needs attention and lists it on a generated Checks sheet.",
    steps: {
      reading: "Reading the workbook…",
      checking: "Checking the roster…",
      writing: "Writing the Checks sheet…",
      done: "Done",
    },
    run: (step) => check("roster", step),
  },
  {
    id: "check-timeline",
    label: "Check timeline",
    primary: true,
    hint: "Slippage against TL01–TL08, overdue and at-risk milestones, the report deadline and blackouts. Adds live status columns beside the Timeline table and a Timeline view sheet.",
    steps: {
      reading: "Reading the workbook…",
      checking: "Checking the timeline…",
      writing: "Writing the status columns and the Timeline view…",
      done: "Done",
    },
    run: (step) => check("timeline", step),
  },
  {
    id: "check-program",
    label: "Check programme",
    primary: true,
    hint: "Overlapping sessions, speakers in two places, unconfirmed or declined speakers, single-gender panels, the speakers' gender balance and industry share, and the invitations' contacts and deadlines.",
    steps: {
      reading: "Reading the workbook…",
      checking: "Checking the programme and the invitations…",
      writing: "Writing the Checks sheet…",
      done: "Done",
    },
    run: (step) => check("program", step),
  },
  {
    id: "arbitrate",
    label: "Arbitrate",
    hint: "Where a region has more volunteers than seats: the choice that gives the most balanced committee, to apply (and undo) in one click.",
    steps: {
      reading: "Reading the roster…",
      checking: "Finding the most balanced choice…",
      writing: "Writing the Balance sheet…",
      done: "Done",
    },
    run: proposeArbitration,
  },
  {
    id: "build",
    label: "Build budget & resources",
    hint: "A Budget and a Resources sheet of live formulas over the Workshop, Rates and Tasks tables (added with defaults where missing), and the printable Agenda when there is a Program.",
    steps: {
      reading: "Reading the Workshop, Rates and Tasks tables…",
      checking: "Costing the workshop…",
      writing: "Writing the Budget, Resources and Agenda sheets…",
      done: "Done",
    },
    run: build,
  },
  {
    id: "record-forecasts",
    label: "Record forecasts",
    hint: "Keeps today's forecast of every milestone in Forecast history and redraws the milestone trend chart.",
    steps: {
      reading: "Reading the timeline…",
      checking: "Recording today's forecasts…",
      writing: "Drawing the milestone trend…",
      done: "Done",
    },
    run: record,
  },
  {
    id: "export-report",
    label: "Export report",
    hint: "A new workbook to print or send to WP2 and TSAG: a one-page Summary, every finding, the balance, the timeline, the milestone trend, the budget and the resources.",
    option: { id: "share", label: "Shared version (no personal contact data)" },
    steps: {
      reading: "Reading the workbook…",
      checking: "Building the report…",
      writing: "Opening the report…",
      done: "Done",
    },
    run: exportReport,
  },
];

let running = false;
/** The action button last pressed: Escape in the result takes focus back to it. */
let lastButton: HTMLButtonElement | undefined;

/**
 * While an action runs the buttons say so with aria-disabled rather than `disabled`: a disabled
 * button loses keyboard focus to the page body, and the pressed one should keep it until the result
 * takes it.
 */
function busy(on: boolean, text?: string): void {
  $("progress").hidden = !on;
  if (text !== undefined) $("progress-text").textContent = text;
  for (const a of ACTIONS) $(a.id).setAttribute("aria-disabled", String(on));
}

function say(message: string | undefined): void {
  const box = $("message");
  box.hidden = !message;
  box.textContent = message ?? "";
}

/** Moves focus (and the view) to what just happened: the error, or the result. */
function show(target: HTMLElement): void {
  target.hidden = false;
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

async function select(f: PaneFinding): Promise<void> {
  if (!f.cell) return;
  try {
    await runExcel((context) => goToCell(context, f.cell!));
  } catch (e) {
    say(explain(e));
    show($("message"));
  }
}

/** Runs one action: progress up and announced, one at a time, and focus on its result or its error. */
async function act(action: Pick<Action, "label" | "steps">, work: (step: (s: Step) => void) => Promise<void>) {
  if (running) return; // a double click: the first run is on its way
  running = true;
  say(undefined);
  busy(true, action.steps.reading);
  try {
    await oneAtATime(action.label, () => work((s) => busy(true, action.steps[s])));
    busy(false, `${action.label}: done.`);
    show($("results"));
  } catch (e) {
    busy(false, `${action.label}: stopped.`);
    say(explain(e));
    show($("message"));
  } finally {
    running = false;
  }
}

function setResultTitle(text: string): void {
  $("results-title").textContent = text;
}

/** The Timeline as the last Check timeline read it: a change that moves its rows makes the status columns stale. */
let checkedTimeline: TableView | undefined;

function onSheetChanged(sheet: string, address: string): void {
  // Our own writes (while an action runs) are not the user's moves.
  if (running || !checkedTimeline || checkedTimeline.sheet !== sheet) return;
  if (!statusStaleAfter(checkedTimeline, address)) return;
  $("stale").hidden = false;
  glance.timeline = { rag: "amber", text: "changed since the check: run Check timeline again" };
  renderGlance(document, glance);
}

async function check(focus: Exclude<CheckName, "tasks" | "invitees">, step: (s: Step) => void): Promise<void> {
  const outcome = await runExcel((context) => checkIn(context, { focus, today: today(), onProgress: step }));
  if (focus === "timeline" && outcome.result.views.Timeline) {
    checkedTimeline = outcome.result.views.Timeline;
    $("stale").hidden = true;
    const sheet = checkedTimeline.sheet;
    // Watching is a help, not the check: a host without change events just never says "stale".
    await runExcel((context) => watchSheet(context, sheet, onSheetChanged)).catch(() => undefined);
  }
  setResultTitle(focus === "roster" ? "Roster" : focus === "program" ? "Programme" : "Timeline");
  renderFindings(document, outcome.summary, outcome.findings, (f) => void select(f), focus);
  // The glance shows the committee and the timeline; the programme's findings are in the result.
  if (focus !== "program") updateGlance(focus === "roster" ? "committee" : "timeline", outcome.summary);
}

function updateGlance(what: "committee" | "timeline", summary: Summary): void {
  glance[what] = stateOf(summary);
  renderGlance(document, glance);
}

async function build(step: (s: Step) => void): Promise<void> {
  step("writing");
  const outcome = await runExcel((context) => buildIn(context, { today: today() }));
  setResultTitle("Budget and resources");
  renderBuilt(document, outcome.plan);
  glance.budget = outcome.plan.missing.length
    ? { rag: "amber", text: `${outcome.plan.missing.length} Workshop parameters still to fill in` }
    : outcome.plan.added.length
      ? { rag: "amber", text: `added ${outcome.plan.added.map((s) => s.name).join(", ")} with defaults` }
      : { rag: "green", text: "built" };
  renderGlance(document, glance);
}

/** The open workbook's file name, for the report's title (Office gives its URL; a new workbook has none). */
function workbookTitle(): string {
  const url = Office.context?.document?.url ?? "";
  const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? "").trim();
  return name || "this workbook";
}

async function exportReport(step: (s: Step) => void): Promise<void> {
  step("checking");
  const share = $<HTMLInputElement>("share").checked;
  const outcome = await runExcel((context) =>
    exportReportIn(context, {
      today: today(),
      title: workbookTitle(),
      share,
      createWorkbook: (base64) => Excel.createWorkbook(base64),
    }),
  );
  setResultTitle("Report");
  renderExported(document, outcome.plan, share);
}

async function record(step: (s: Step) => void): Promise<void> {
  step("checking");
  const day = today();
  const outcome = await runExcel((context) => recordForecastsIn(context, { today: day }));
  setResultTitle("Forecasts recorded");
  renderRecorded(document, outcome.recorded.length, outcome.reports, longDate(outcome.recorded[0]?.asOf ?? day));
}

const ARBITRATE = ACTIONS.find((a) => a.id === "arbitrate")!;

async function proposeArbitration(step: (s: Step) => void): Promise<void> {
  const proposal = await runExcel((context) => proposeIn(context, { today: today() }));
  step("done");
  setResultTitle("Arbitration");
  renderProposal(document, proposal.arbitration, proposal.changes, {
    apply: () =>
      void act({ label: "Apply", steps: { ...ARBITRATE.steps, writing: "Writing the statuses…" } }, async (s) => {
        s("writing");
        const applied = await runExcel((context) => applyIn(context, proposal.changes));
        renderApplied(
          document,
          applied,
          () =>
            void act(
              { label: "Undo", steps: { ...ARBITRATE.steps, writing: "Putting the statuses back…" } },
              async (u) => {
                u("writing");
                const kept = await runExcel((context) => undoIn(context, applied));
                $("applied").replaceChildren(
                  document.createTextNode(
                    kept.length
                      ? `Undone, except ${kept.map((c) => c.name).join(", ")}: edited since, so left as they are now.`
                      : "Undone: the statuses are as they were.",
                  ),
                );
              },
            ),
        );
      }),
  });
}

/** The buttons and their descriptions, from `ACTIONS`; disabled until Office says it is Excel. */
function renderActions(): void {
  const nav = $("actions");
  const hints = $("hints");
  const options: NonNullable<Action["option"]>[] = [];
  for (const a of ACTIONS) {
    const button = document.createElement("button");
    button.id = a.id;
    button.type = "button";
    button.className = a.primary ? "button primary" : "button";
    button.textContent = a.label;
    button.disabled = true;
    button.setAttribute("aria-describedby", `${a.id}-hint`);
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-disabled") === "true") return;
      lastButton = button;
      void act(a, a.run);
    });
    nav.append(button);
    if (a.option) options.push(a.option);
    const term = document.createElement("dt");
    term.textContent = a.label;
    const detail = document.createElement("dd");
    detail.id = `${a.id}-hint`;
    detail.textContent = a.hint;
    hints.append(term, detail);
  }
  // The actions' check boxes, in one row under the buttons (the buttons keep their two-column grid).
  for (const option of options) {
    const label = document.createElement("label");
    label.className = "option";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = option.id;
    label.append(box, ` ${option.label}`);
    nav.after(label);
  }
  // Escape in the result goes back to the button that produced it.
  $("results").addEventListener("keydown", (e) => {
    if (e.key === "Escape" && lastButton) lastButton.focus();
  });
}

renderActions();
// The system's light or dark mode until Office says its theme (also when office.js fails to load).
followOfficeTheme(undefined);
if (typeof Office === "undefined") {
  // office.js did not load: the inline script of taskpane.html has said so.
} else {
  Office.onReady((info) => {
    followOfficeTheme(Office.context?.officeTheme);
    if (String(info.host) !== "Excel") {
      $("not-in-excel").hidden = false;
      return;
    }
    for (const a of ACTIONS) $<HTMLButtonElement>(a.id).disabled = false;
  });
}
