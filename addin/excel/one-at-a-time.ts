/**
 * One action at a time. Two batches at once (the ribbon's Check roster while the pane builds the
 * budget, or a double click) would interleave their reads and writes: the second would read a
 * half-written workbook, or delete what the first just added. The pane and the ribbon's commands run
 * in separate pages of the same origin, so besides a flag in this page the running action is noted in
 * `localStorage`, which they share; a note older than `STALE_MS` is from a page that closed mid-run.
 */
const KEY = "iewsc-workbench:running";
const STALE_MS = 5 * 60_000;

/** The error a second action gets while one runs: one sentence, nothing done. */
export class BusyError extends Error {
  override readonly name = "BusyError";
  constructor(readonly running: string) {
    super(`IEWSC Workbench is still busy with ${running}: wait for it to finish, then try again (nothing was done).`);
  }
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

let current: string | undefined;

function sharedStore(): Store | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked by the browser's privacy settings: this page's flag still holds
  }
}

function heldElsewhere(store: Store | undefined, now: number): string | undefined {
  const note = store?.getItem(KEY);
  if (!note) return undefined;
  try {
    const { what, at } = JSON.parse(note) as { what: string; at: number };
    return now - at < STALE_MS ? what : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` unless another action is running, in this page or another page of the add-in; then it
 * throws `BusyError` at once rather than queueing, so that a double click does not run twice.
 *
 * @example await oneAtATime("Check roster", () => runExcel((c) => checkRosterIn(c, options)))
 */
export async function oneAtATime<T>(what: string, work: () => Promise<T>, store = sharedStore()): Promise<T> {
  const now = Date.now();
  const busy = current ?? heldElsewhere(store, now);
  if (busy) throw new BusyError(busy);
  current = what;
  store?.setItem(KEY, JSON.stringify({ what, at: now }));
  try {
    return await work();
  } finally {
    current = undefined;
    store?.removeItem(KEY);
  }
}
