import type { CellLocation, DescribedFinding, Severity, Summary } from "../../core";

/** The findings the pane lists: each with the cell it points to, when it points to one. */
export type PaneFinding = DescribedFinding & { cell?: CellLocation };

const HEADINGS: Record<Severity, [string, string]> = { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["note", "notes"] };

const el = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** Where a finding points, as people say it: "Roster · row 10 · Justification". */
export function where(f: PaneFinding): string {
  return [f.sheet, f.row === null ? "whole table" : `row ${f.row}`, f.column].filter(Boolean).join(" · ");
}

/**
 * Renders the summary badges and the findings grouped by severity (errors, then warnings, then notes).
 * All text goes in through `textContent`, so nothing a user typed can become markup.
 */
export function renderFindings(doc: Document, summary: Summary, findings: readonly PaneFinding[], onSelect: (f: PaneFinding) => void, checked: "roster" | "timeline" = "roster"): void {
  const summaryBox = doc.getElementById("summary")!;
  const groups = doc.getElementById("groups")!;
  summaryBox.replaceChildren();
  groups.replaceChildren();
  if (findings.length === 0) {
    summaryBox.append(el(doc, "span", { class: "badge ok" }, "All clear"));
    groups.append(el(doc, "p", { class: "all-clear" }, `No findings: the ${checked} meets every rule checked.`));
    return;
  }
  const totals: Record<Severity, number> = { error: summary.errors, warning: summary.warnings, info: summary.info };
  for (const severity of ["error", "warning", "info"] as const) {
    if (totals[severity]) summaryBox.append(el(doc, "span", { class: `badge ${severity}` }, count(totals[severity], HEADINGS[severity])));
  }
  for (const severity of ["error", "warning", "info"] as const) {
    const mine = findings.filter((f) => f.severity === severity);
    if (!mine.length) continue;
    const section = el(doc, "section", { class: "group", "data-severity": severity });
    const heading = el(doc, "h2");
    heading.append(el(doc, "span", { class: `dot ${severity}`, "aria-hidden": "true" }), doc.createTextNode(capitalise(count(mine.length, HEADINGS[severity]))));
    const list = el(doc, "ul", { class: "findings" });
    for (const f of mine) {
      const item = el(doc, "li");
      const button = el(doc, "button", { class: `finding ${severity}`, type: "button", title: f.cell ? `Go to ${f.cell.sheet}!${f.cell.address}` : f.code, "data-code": f.code });
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
  doc.getElementById("summary")!.replaceChildren(el(doc, "span", { class: "badge info" }, `${count(milestones, ["forecast", "forecasts"])} recorded`));
  doc.getElementById("groups")!.replaceChildren(
    el(doc, "p", { class: "recorded" }, `Recorded the forecast of ${count(milestones, ["milestone", "milestones"])} as of ${on}. The milestone trend on the Forecast history sheet now has ${count(reports, ["reporting date", "reporting dates"])}.`),
  );
}
