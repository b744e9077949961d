import { type CheckName, dayOfLocalDate, longDate } from "../../core";
import { applyIn, proposeIn, undoIn } from "../excel/arbitrate";
import { buildIn } from "../excel/build";
import { checkIn, goToCell } from "../excel/check";
import { recordForecastsIn } from "../excel/record-forecasts";
import { runExcel } from "../excel/run-excel";
import { explain } from "./explain";
import { type PaneFinding, renderApplied, renderBuilt, renderFindings, renderProposal, renderRecorded } from "./view";

type Step = "reading" | "checking" | "writing" | "done";
type Kind = Exclude<CheckName, "tasks" | "invitees"> | "record" | "arbitrate" | "build";
const STEPS: Record<Kind, Record<Step, string>> = {
  build: {
    reading: "Reading the Workshop, Rates and Tasks tables…",
    checking: "Costing the workshop…",
    writing: "Writing the Budget, Resources and Agenda sheets…",
    done: "Done",
  },
  arbitrate: {
    reading: "Reading the roster…",
    checking: "Finding the most balanced choice…",
    writing: "Writing the statuses…",
    done: "Done",
  },
  roster: {
    reading: "Reading the workbook…",
    checking: "Checking the roster…",
    writing: "Writing the Checks sheet…",
    done: "Done",
  },
  timeline: {
    reading: "Reading the workbook…",
    checking: "Checking the timeline…",
    writing: "Writing the status columns and the Timeline view…",
    done: "Done",
  },
  program: {
    reading: "Reading the workbook…",
    checking: "Checking the programme and the invitations…",
    writing: "Writing the Checks sheet…",
    done: "Done",
  },
  record: {
    reading: "Reading the timeline…",
    checking: "Recording today's forecasts…",
    writing: "Drawing the milestone trend…",
    done: "Done",
  },
};
const BUTTONS = ["check-roster", "arbitrate", "check-timeline", "check-program", "build", "record-forecasts"] as const;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function busy(on: boolean, text?: string): void {
  $("progress").hidden = !on;
  if (text) $("progress-text").textContent = text;
  for (const id of BUTTONS) $<HTMLButtonElement>(id).disabled = on;
}

function say(message: string | undefined): void {
  const box = $("message");
  box.hidden = !message;
  box.textContent = message ?? "";
}

async function select(f: PaneFinding): Promise<void> {
  if (!f.cell) return;
  try {
    await runExcel((context) => goToCell(context, f.cell!));
  } catch (e) {
    say(explain(e));
  }
}

/** Runs one action with the progress bar up and every button disabled; a failure is one sentence. */
async function act(kind: Kind, work: (step: (s: Step) => void) => Promise<void>): Promise<void> {
  say(undefined);
  busy(true, STEPS[kind].reading);
  try {
    await work((s) => busy(true, STEPS[kind][s]));
  } catch (e) {
    say(explain(e));
  } finally {
    busy(false);
  }
}

function check(focus: Exclude<CheckName, "tasks" | "invitees">): Promise<void> {
  return act(focus, async (step) => {
    const outcome = await runExcel((context) =>
      checkIn(context, { focus, today: dayOfLocalDate(new Date()), onProgress: step }),
    );
    $("results").hidden = false;
    renderFindings(document, outcome.result.summary, outcome.findings, (f) => void select(f), focus);
  });
}

function build(): Promise<void> {
  return act("build", async (step) => {
    step("writing");
    const outcome = await runExcel((context) => buildIn(context, { today: dayOfLocalDate(new Date()) }));
    $("results").hidden = false;
    renderBuilt(document, outcome.plan);
  });
}

function record(): Promise<void> {
  return act("record", async (step) => {
    step("checking");
    const today = dayOfLocalDate(new Date());
    const outcome = await runExcel((context) => recordForecastsIn(context, { today }));
    $("results").hidden = false;
    renderRecorded(document, outcome.recorded.length, outcome.reports, longDate(outcome.recorded[0]?.asOf ?? today));
  });
}

function proposeArbitration(): Promise<void> {
  return act("arbitrate", async (step) => {
    const proposal = await runExcel((context) => proposeIn(context, { today: dayOfLocalDate(new Date()) }));
    step("done");
    $("results").hidden = false;
    renderProposal(document, proposal.arbitration, proposal.changes, {
      apply: () =>
        void act("arbitrate", async (s) => {
          s("writing");
          const applied = await runExcel((context) => applyIn(context, proposal.changes));
          renderApplied(
            document,
            applied,
            () =>
              void act("arbitrate", async (u) => {
                u("writing");
                const kept = await runExcel((context) => undoIn(context, applied));
                document
                  .getElementById("applied")!
                  .replaceChildren(
                    document.createTextNode(
                      kept.length
                        ? `Undone, except ${kept.map((c) => c.name).join(", ")}: edited since, so left as they are now.`
                        : "Undone: the statuses are as they were.",
                    ),
                  );
              }),
          );
        }),
    });
  });
}

Office.onReady((info) => {
  if (String(info.host) !== "Excel") {
    $("not-in-excel").hidden = false;
    return;
  }
  const actions: Record<(typeof BUTTONS)[number], () => Promise<void>> = {
    "check-roster": () => check("roster"),
    arbitrate: proposeArbitration,
    "check-timeline": () => check("timeline"),
    "check-program": () => check("program"),
    build,
    "record-forecasts": record,
  };
  for (const id of BUTTONS) {
    const button = $<HTMLButtonElement>(id);
    button.disabled = false;
    button.addEventListener("click", () => void actions[id]());
  }
});
