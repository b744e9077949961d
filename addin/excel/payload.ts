/**
 * Excel on the web refuses a request (or a response) larger than 5 MB. We keep every batch of writes
 * under a budget well below it, estimated from the JSON the arrays become on the wire.
 */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;

/** The bytes a 2-D array takes in a request (its JSON, in UTF-8). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = json.length;
  // Characters beyond ASCII take 2–4 bytes in UTF-8; count them without encoding the whole string.
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += json.charCodeAt(i) > 0x7ff ? 2 : 1;
  return bytes;
}

/**
 * Splits rows into chunks whose estimated size stays under the budget (a chunk holds at least one row).
 *
 * @example chunkRows(rows, (r) => jsonBytes(r) * 2, 4_000_000) // [[row0 … row9999], [row10000 …]]
 */
export function chunkRows<T>(rows: readonly T[], sizeOf: (row: T) => number, budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    const s = sizeOf(row);
    if (current.length && size + s > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += s;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * The bytes queued in the current request, shared by everything one command writes, so that the
 * request as a whole stays under the budget: before a write that would overflow it, the queue is
 * flushed with one sync. A command that fits in one request never pays for this.
 */
export class RequestBudget {
  private used = 0;
  /** The syncs this budget added. */
  extraSyncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = DEFAULT_BUDGET_BYTES,
  ) {}

  /** Counts `bytes` about to be queued, flushing the queue first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      this.extraSyncs++;
      this.used = 0;
    }
    this.used += bytes;
  }
}
