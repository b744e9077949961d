import type { Summary } from "../../core";

export type Rag = "red" | "amber" | "green";
export interface GlanceState {
  rag: Rag;
  text: string;
}
/** The state of the workbook at a glance: what this session has checked or built so far. */
export interface Glance {
  committee?: GlanceState;
  timeline?: GlanceState;
  budget?: GlanceState;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Red with any error, amber with any warning, else green — the colours of the findings themselves. */
export function stateOf(summary: Summary): GlanceState {
  if (summary.errors) return { rag: "red", text: plural(summary.errors, "error") };
  if (summary.warnings) return { rag: "amber", text: plural(summary.warnings, "warning") };
  return { rag: "green", text: summary.info ? plural(summary.info, "note") : "all clear" };
}

const WORDS: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green" };

/**
 * The line at the top of the pane, once anything has been checked: committee, timeline and budget,
 * each red, amber, green or "not checked yet". The colour is never the only sign: each says its
 * state in words too (read by screen readers and kept in Windows high contrast).
 */
export function renderGlance(doc: Document, glance: Glance): void {
  const box = doc.getElementById("glance")!;
  const items: [keyof Glance, string][] = [
    ["committee", "Committee"],
    ["timeline", "Timeline"],
    ["budget", "Budget"],
  ];
  box.replaceChildren(
    ...items.map(([key, label]) => {
      const state = glance[key];
      const item = doc.createElement("div");
      item.className = `glance-item ${state ? state.rag : "unknown"}`;
      item.setAttribute("data-glance", key);
      const mark = doc.createElement("span");
      mark.className = "mark";
      mark.setAttribute("aria-hidden", "true");
      const name = doc.createElement("span");
      name.className = "name";
      name.textContent = label;
      const text = doc.createElement("span");
      text.className = "state";
      text.textContent = state ? `${WORDS[state.rag]}: ${state.text}` : "not checked yet";
      item.append(mark, name, text);
      return item;
    }),
  );
  box.hidden = !Object.keys(glance).length;
}
