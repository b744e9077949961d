import { dayOfLocalDate } from "../../core";
import { checkRosterIn, goToCell } from "../excel/check-roster";
import { runExcel } from "../excel/run-excel";
import { explain } from "./explain";
import { type PaneFinding, renderFindings } from "./view";

const STEPS = { reading: "Reading the workbook…", checking: "Checking the roster…", writing: "Writing the Checks sheet…", done: "Done" } as const;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function busy(on: boolean, step?: keyof typeof STEPS): void {
  $("progress").hidden = !on;
  if (step) $("progress-text").textContent = STEPS[step];
  $<HTMLButtonElement>("check-roster").disabled = on;
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

async function checkRoster(): Promise<void> {
  say(undefined);
  busy(true, "reading");
  try {
    const outcome = await runExcel((context) => checkRosterIn(context, { today: dayOfLocalDate(new Date()), onProgress: (step) => busy(true, step) }));
    $("results").hidden = false;
    renderFindings(document, outcome.result.summary, outcome.findings, (f) => void select(f));
  } catch (e) {
    say(explain(e));
  } finally {
    busy(false);
  }
}

Office.onReady((info) => {
  if (String(info.host) !== "Excel") {
    $("not-in-excel").hidden = false;
    return;
  }
  const button = $<HTMLButtonElement>("check-roster");
  button.disabled = false;
  button.addEventListener("click", () => void checkRoster());
});
