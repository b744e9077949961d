import {
  type Arbitration,
  type Balance,
  type BuildPlan,
  type CellLocation,
  type DescribedFinding,
  type ReportPlan,
  SEVERITIES,
  SEVERITY_NOUN,
  type Severity,
  type Summary,
  countLine,
  listOf,
  percent,
  plural,
  sharesOf,
  statedOf,
} from "../../core";
import type { StatusChange } from "../excel/arbitrate";

/** The findings the pane lists: each with the cell it points to, when it points to one. */
export type PaneFinding = DescribedFinding & { cell?: CellLocation };

const el = <K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

const count = (n: number, [one, many]: readonly [string, string]) => plural(n, one, many);

/** Where a finding points, as people say it: "Roster · row 10 · Justification". */
export function where(f: PaneFinding): string {
  return [f.sheet, f.row === null ? "whole table" : `row ${f.row}`, f.column].filter(Boolean).join(" · ");
}

/**
 * Renders the summary badges and the findings grouped by severity (errors, then warnings, then notes).
 * All text goes in through `textContent`, so nothing a user typed can become markup.
 */
export function renderFindings(
  doc: Document,
  summary: Summary,
  findings: readonly PaneFinding[],
  onSelect: (f: PaneFinding) => void,
  checked: "roster" | "timeline" | "program" = "roster",
): void {
  const summaryBox = doc.getElementById("summary")!;
  const groups = doc.getElementById("groups")!;
  summaryBox.replaceChildren();
  groups.replaceChildren();
  if (findings.length === 0) {
    summaryBox.append(el(doc, "span", { class: "badge ok" }, "All clear"));
    groups.append(
      el(
        doc,
        "p",
        { class: "all-clear" },
        `No findings: the ${checked === "program" ? "programme" : checked} meets every rule checked.`,
      ),
    );
    return;
  }
  const totals: Record<Severity, number> = { error: summary.errors, warning: summary.warnings, info: summary.info };
  for (const severity of SEVERITIES) {
    if (totals[severity])
      summaryBox.append(
        el(doc, "span", { class: `badge ${severity}` }, count(totals[severity], SEVERITY_NOUN[severity])),
      );
  }
  for (const severity of SEVERITIES) {
    const mine = findings.filter((f) => f.severity === severity);
    if (!mine.length) continue;
    const section = el(doc, "section", { class: "group", "data-severity": severity });
    const heading = el(doc, "h2");
    heading.append(
      el(doc, "span", { class: `dot ${severity}`, "aria-hidden": "true" }),
      doc.createTextNode(capitalise(count(mine.length, SEVERITY_NOUN[severity]))),
    );
    const list = el(doc, "ul", { class: "findings" });
    for (const f of mine) {
      const item = el(doc, "li");
      const button = el(doc, "button", {
        class: `finding ${severity}`,
        type: "button",
        title: f.cell ? `Go to ${f.cell.sheet}!${f.cell.address}` : f.code,
        "data-code": f.code,
      });
      button.append(doc.createTextNode(f.message), el(doc, "span", { class: "where" }, where(f)));
      button.addEventListener("click", () => onSelect(f));
      item.append(button);
      list.append(item);
    }
    section.append(heading, list);
    groups.append(section);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What Record forecasts did, in one sentence. */
export function renderRecorded(doc: Document, milestones: number, reports: number, on: string): void {
  doc
    .getElementById("summary")!
    .replaceChildren(
      el(doc, "span", { class: "badge info" }, `${count(milestones, ["forecast", "forecasts"])} recorded`),
    );
  doc
    .getElementById("groups")!
    .replaceChildren(
      el(
        doc,
        "p",
        { class: "recorded" },
        `Recorded the forecast of ${count(milestones, ["milestone", "milestones"])} as of ${on}. The milestone trend on the Forecast history sheet now has ${count(reports, ["reporting date", "reporting dates"])}.`,
      ),
    );
}

/** A balance as people read it: "women 7 of 15 (46.7 %)". */
export function balanceText(b: Balance): string {
  const { women, men } = sharesOf(b);
  return `women ${b.female} of ${statedOf(b)} (${percent(women ?? 0)}), men ${b.male} (${percent(men ?? 0)})${b.other ? `, other ${b.other}` : ""}`;
}

export interface ProposalActions {
  apply(): void;
}

/**
 * The arbitration proposal: per region, who is proposed and who is passed over, the balance before and
 * after, and the Apply button behind a confirmation that says exactly which cells change.
 */
export function renderProposal(
  doc: Document,
  arbitration: Arbitration,
  changes: readonly StatusChange[],
  actions: ProposalActions,
): void {
  const summaryBox = doc.getElementById("summary")!;
  const groups = doc.getElementById("groups")!;
  summaryBox.replaceChildren();
  groups.replaceChildren();
  if (!arbitration.regions.length) {
    summaryBox.append(el(doc, "span", { class: "badge ok" }, "No arbitration needed"));
    groups.append(
      el(doc, "p", { class: "all-clear" }, "No region has more volunteers than seats: there is nothing to arbitrate."),
    );
    return;
  }
  summaryBox.append(
    el(
      doc,
      "span",
      { class: "badge info" },
      count(arbitration.regions.length, ["region to arbitrate", "regions to arbitrate"]),
    ),
  );
  for (const r of arbitration.regions) {
    const card = el(doc, "section", { class: "proposal", "data-region": r.region });
    card.append(
      el(doc, "h2", {}, r.region),
      el(
        doc,
        "p",
        {},
        `${count(r.candidates.length, ["candidate", "candidates"])} for ${count(r.seats, ["seat", "seats"])}: propose ${names(r.selected.map((m) => m.name))}.`,
      ),
      el(doc, "p", { class: "where" }, `Passed over: ${names(r.passedOver.map((m) => m.name))}.`),
    );
    groups.append(card);
  }
  const balance = el(doc, "section", { class: "balance" });
  balance.append(
    el(doc, "p", {}, `Confirmed committee now: ${balanceText(arbitration.before)}.`),
    el(doc, "p", {}, `With this choice: ${balanceText(arbitration.after)}.`),
  );
  groups.append(balance);
  if (!changes.length) {
    groups.append(el(doc, "p", { class: "where" }, "The Status cells already say this: nothing to apply."));
    return;
  }
  const apply = el(doc, "button", { class: "button primary", type: "button", id: "apply" }, "Apply…");
  // A non-modal dialog in the pane: it takes focus when shown, Escape or Cancel close it and give
  // focus back to Apply.
  const confirm = el(doc, "div", {
    class: "confirm",
    role: "dialog",
    "aria-labelledby": "confirm-title",
    "aria-describedby": "confirm-changes",
    tabindex: "-1",
    hidden: "",
  });
  const what = el(doc, "ul", { class: "changes", id: "confirm-changes" });
  for (const c of changes)
    what.append(el(doc, "li", {}, `${c.name}: ${c.before || "(blank)"} → ${c.after} (${c.sheet}!${c.address})`));
  const yes = el(doc, "button", { class: "button primary", type: "button" }, "Yes, set these statuses");
  const no = el(doc, "button", { class: "button", type: "button" }, "Cancel");
  confirm.append(
    el(
      doc,
      "p",
      { id: "confirm-title" },
      `This changes ${count(changes.length, ["Status cell", "Status cells"])} on your roster, and nothing else:`,
    ),
    what,
    yes,
    no,
  );
  const close = () => {
    confirm.hidden = true;
    apply.hidden = false;
    apply.focus();
  };
  apply.addEventListener("click", () => {
    confirm.hidden = false;
    apply.hidden = true;
    confirm.focus();
  });
  no.addEventListener("click", close);
  confirm.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      close();
    }
  });
  yes.addEventListener("click", () => {
    confirm.hidden = true;
    actions.apply();
  });
  groups.append(apply, confirm);
}

/** After Apply: what was done, and the Undo button. */
export function renderApplied(doc: Document, changes: readonly StatusChange[], undo: () => void): void {
  const groups = doc.getElementById("groups")!;
  doc.getElementById("apply")?.remove();
  const done = el(doc, "div", { class: "recorded", id: "applied" });
  const button = el(doc, "button", { class: "button", type: "button" }, "Undo");
  button.addEventListener("click", undo);
  done.append(
    el(
      doc,
      "p",
      {},
      `Applied: ${count(changes.length, ["Status cell", "Status cells"])} set. Undo puts back what they held.`,
    ),
    button,
  );
  groups.append(done);
}

const names = (items: readonly string[]) => listOf(items);

/** What Build budget & resources wrote, in a few plain lines. */
export function renderBuilt(doc: Document, plan: BuildPlan): void {
  const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(plan.budget.total);
  doc
    .getElementById("summary")!
    .replaceChildren(el(doc, "span", { class: "badge ok" }, `${money} ${plan.budget.currency}`));
  const box = el(doc, "div", { class: "recorded" });
  box.append(
    el(
      doc,
      "p",
      {},
      `Budget: ${money} ${plan.budget.currency} in all (BudgetTotal), with ${plan.budget.lines.length} lines.${plan.budget.host ? ` The host is expected to cover ${new Intl.NumberFormat("en-GB").format(plan.budget.host)} ${plan.budget.currency}.` : ""}`,
    ),
    el(
      doc,
      "p",
      {},
      `Resources: ${Math.round(plan.resources.totalDays * 10) / 10} person-days (ResourceTotalDays) over ${count(plan.resources.roles.length, ["role", "roles"])} and ${count(plan.resources.months.length, ["month", "months"])}.`,
    ),
  );
  if (plan.generated.some((g) => g.name === "Agenda"))
    box.append(
      el(doc, "p", {}, "Agenda: the programme by day and time, with the speakers' balance, ready to print on A4."),
    );
  if (plan.added.length)
    box.append(el(doc, "p", {}, `Added with defaults, to fill in: ${names(plan.added.map((s) => s.name))}.`));
  // A budget is never made of numbers the user did not give: say which are missing and count as 0.
  if (plan.missing.length)
    box.append(
      el(
        doc,
        "p",
        { class: "missing" },
        `Not given in the Workshop table, so counted as 0: ${names(plan.missing)}. Fill them in and build again.`,
      ),
    );
  box.append(
    el(
      doc,
      "p",
      { class: "where" },
      "Every figure is a formula: edit a rate, a parameter or a task and the sheets follow.",
    ),
  );
  doc.getElementById("groups")!.replaceChildren(box);
}

/** What Export report opened: the report's sheets and the state at a glance. */
export function renderExported(doc: Document, plan: ReportPlan, shared: boolean): void {
  const s = plan.summary;
  doc
    .getElementById("summary")!
    .replaceChildren(
      el(doc, "span", { class: `badge ${s.errors ? "error" : s.warnings ? "warning" : "ok"}` }, countLine(s)),
    );
  const box = el(doc, "div", { class: "recorded" });
  box.append(
    el(
      doc,
      "p",
      {},
      `Opened the ${shared ? "shared " : ""}report in a new workbook: ${listOf(plan.workbook.sheets.map((x) => x.name))}.`,
    ),
    el(
      doc,
      "p",
      { class: "where" },
      shared
        ? "The shared version leaves out e-mail addresses and every column the contract does not name: it can go to TSAG."
        : "Save it where you keep your reports; this workbook is unchanged.",
    ),
  );
  doc.getElementById("groups")!.replaceChildren(box);
}
