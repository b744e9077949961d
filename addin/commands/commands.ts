import { CHECKS_SHEET, dayOfLocalDate } from "../../core";
import type { CheckName } from "../../core";
import { checkIn } from "../excel/check";
import { oneAtATime } from "../excel/one-at-a-time";
import { assertVisible } from "../excel/read-phase";
import { runExcel } from "../excel/run-excel";
import { explain } from "../taskpane/explain";

/** Shows one sentence in a small dialog: a ribbon command has no pane of its own to say it in. */
function tell(text: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${location.origin}${location.pathname.replace(/[^/]*$/, "")}message.html?text=${encodeURIComponent(text)}`;
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

const WHAT: Record<CheckName, string> = {
  roster: "Check roster",
  timeline: "Check timeline",
  tasks: "Check",
  program: "Check programme",
  invitees: "Check programme",
};

/**
 * The ribbon's Check roster and Check timeline buttons: the same check as the task pane, then the
 * Checks sheet is shown, since there is no pane to list the findings in. A workbook that cannot be
 * checked, a hidden Checks sheet or an action already running gets one sentence.
 */
async function checkCommand(focus: CheckName, event: Office.AddinCommands.Event): Promise<void> {
  try {
    await oneAtATime(WHAT[focus], () =>
      runExcel(async (context) => {
        await checkIn(context, { focus, today: dayOfLocalDate(new Date()) });
        // Excel refuses to activate a hidden sheet: the user hid it, so say where the findings are.
        const checks = context.workbook.worksheets.getItem(CHECKS_SHEET).load("name,visibility");
        await context.sync();
        assertVisible(checks, "the findings");
        checks.activate();
        await context.sync();
      }),
    );
  } catch (e) {
    await tell(explain(e));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("checkRoster", (event: Office.AddinCommands.Event) => checkCommand("roster", event));
  Office.actions.associate("checkTimeline", (event: Office.AddinCommands.Event) => checkCommand("timeline", event));
});
