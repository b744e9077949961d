import { compressCells, parseRange } from "../a1";
import { WouldLoseDataError } from "../errors";
import type { BesideTablePlan } from "./timeline-status";

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The cells a beside-table plan covers: its header row and its data rows. */
function besideBox(plan: BesideTablePlan): Box {
  const { top, left } = parseRange(plan.table.ref);
  return { top, left, bottom: top + Math.max(plan.table.rows.length, 1), right: left + plan.table.columns.length - 1 };
}

const inside = (b: Box | undefined, row: number, column: number) =>
  Boolean(b && row >= b.top && row <= b.bottom && column >= b.left && column <= b.right);

/**
 * The user's cells that a beside table would cover: every non-empty cell in its box that is not in the
 * previous run's table (ours, replaced). `isEmpty(row, column)` asks the adapter.
 */
export function takenCells(
  plan: BesideTablePlan,
  isEmpty: (row: number, column: number) => boolean,
  previous: Box | undefined,
): { row: number; column: number }[] {
  const box = besideBox(plan);
  const taken: { row: number; column: number }[] = [];
  for (let row = box.top; row <= box.bottom; row++) {
    for (let column = box.left; column <= box.right; column++) {
      if (!inside(previous, row, column) && !isEmpty(row, column)) taken.push({ row, column });
    }
  }
  return taken;
}

/** The error both adapters raise, before writing anything, when the generated columns would cover user data. */
export function besideConflict(
  plan: BesideTablePlan,
  taken: readonly { row: number; column: number }[],
): WouldLoseDataError {
  const cells = compressCells(taken);
  const shown = cells.slice(0, 3).join(", ") + (cells.length > 3 ? " …" : "");
  return new WouldLoseDataError(
    `cells ${shown} of the ${plan.sheet} sheet hold data of yours where IEWSC Workbench writes its generated columns; move them and run again (nothing was changed)`,
    { table: plan.table.name },
  );
}
