import { type Arbitration, type Day, WorkbookError, a1, arbitrate, balanceSheet, readRoster } from "../../core";
import { RequestBudget } from "./payload";
import { queueDiscovery, queueLoad, toWorkbookInput } from "./read-tables";
import { assertOurs, queueOwnership, queueSheetLookup, renderSheet } from "./render-sheet";

/** One Status cell that Apply changes: where it is, what it held (exactly, formula or text), what it gets. */
export interface StatusChange {
  sheet: string;
  address: string;
  /** The member's Name cell, checked again at Apply: a sorted roster must not confirm the wrong person. */
  nameAddress: string;
  name: string;
  before: string;
  after: "Confirmed" | "Candidate";
}

export interface Proposal {
  arbitration: Arbitration;
  /** The Status cells Apply would change (cells that already hold the new status are left out). */
  changes: StatusChange[];
  syncs: number;
}

/**
 * Reads the roster and proposes the exact arbitration, with the Status cells it would set, and writes
 * the generated `Balance` sheet (live formulas over the Roster): three round trips. A `Balance` sheet
 * that is not ours (no generated note in A2) is left alone and reported.
 */
export async function proposeIn(context: Excel.RequestContext, options: { today: Day }): Promise<Proposal> {
  const found = queueDiscovery(context, ["Roster", "Settings"]);
  const balance = queueSheetLookup(context, "balance");
  await context.sync();
  const load = queueLoad(context, found);
  const roster = load.items.find((i) => i.name === "Roster");
  // The formulas too, so that Undo can put back exactly what was there.
  const formulas = roster ? roster.body.load("formulas") : undefined;
  queueOwnership(balance);
  await context.sync();
  // Before anything is written: a Balance sheet of the user's (any case) is left alone and reported.
  assertOurs([balance]);
  const input = toWorkbookInput(load);
  const { view, settings, members } = readRoster(input, { today: options.today });
  const arbitration = arbitrate(members, settings);
  const statusColumn = view.columns["Status"];
  const changes: StatusChange[] = [];
  // Candidates exist only where there is a Status column, so an arbitration always has one to write in.
  const raw = input.tables.Roster!;
  const bodyTop = raw.source === "table" ? raw.origin.row + 1 : formulasTop(roster!);
  for (const region of arbitration.regions) {
    for (const [members, after] of [
      [region.selected, "Confirmed"],
      [region.passedOver, "Candidate"],
    ] as const) {
      for (const m of members) {
        if (m.status === after && m.statusText === after) continue;
        const before = String(formulas!.formulas[m.row - bodyTop]?.[statusColumn! - raw.origin.column] ?? "");
        changes.push({
          sheet: view.sheet,
          address: a1(m.row, statusColumn!),
          nameAddress: a1(m.row, view.columns["Name"]!),
          name: m.name,
          before,
          after,
        });
      }
    }
  }
  await renderSheet(context, balanceSheet(view, settings, arbitration, { generatedOn: options.today }), balance, {
    date1904: input.date1904,
    budget: new RequestBudget(context),
  });
  await context.sync();
  return { arbitration, changes, syncs: 3 };
}

/** The worksheet row of the first row a sheet-fallback body range holds. */
function formulasTop(item: { body: Excel.Range }): number {
  return item.body.rowIndex + 1;
}

/**
 * Apply: writes the proposed statuses, the only user cells the tool ever changes, on the user's
 * explicit request. Refuses, changing nothing, when a Status cell no longer holds what it held at the
 * proposal (the roster was edited since). One load and one write: two round trips.
 *
 * @returns the changes, to give to `undoIn`
 */
export async function applyIn(
  context: Excel.RequestContext,
  changes: readonly StatusChange[],
): Promise<StatusChange[]> {
  const cells = changes.map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(c.address).load("formulas"));
  const names = changes.map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(c.nameAddress).load("values"));
  await context.sync();
  const moved = changes.filter(
    (c, i) =>
      String(cells[i]!.formulas[0]![0] ?? "") !== c.before ||
      String(names[i]!.values[0]![0] ?? "")
        .replace(/\s+/g, " ")
        .trim() !== c.name,
  );
  if (moved.length) {
    throw new WorkbookError(
      `the roster changed since the proposal (${moved.map((c) => `${c.name} at ${c.address}`).join(", ")}); arbitrate again before applying`,
      { table: "Roster", column: "Status" },
    );
  }
  cells.forEach((range, i) => {
    range.formulas = [[changes[i]!.after]];
  });
  await context.sync();
  return [...changes];
}

/**
 * Undo: puts back exactly what each Status cell held before Apply. A cell edited since Apply (it no
 * longer holds what Apply wrote) is the user's newer choice and is left as it is. Two round trips.
 *
 * @returns the cells left alone
 */
export async function undoIn(context: Excel.RequestContext, applied: readonly StatusChange[]): Promise<StatusChange[]> {
  const cells = applied.map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(c.address).load("formulas"));
  await context.sync();
  const kept: StatusChange[] = [];
  applied.forEach((c, i) => {
    if (String(cells[i]!.formulas[0]![0] ?? "") === c.after) cells[i]!.formulas = [[c.before]];
    else kept.push(c);
  });
  await context.sync();
  return kept;
}
