/**
 * The one shape of a rule, for the roster, the timeline and the tasks alike (as HyperFormula's
 * plugins are a table of metadata plus a function): the code it produces, its default severity, the
 * columns it reads, one sentence saying when it fires (the `docs/checks.md` table is generated from
 * it), and one pure function. One rule per file, named after its code; `core/rules.ts` lists them all.
 */
import type { Finding, FindingCode, Severity } from "./findings";

export interface Rule<Context, C extends FindingCode = FindingCode> {
  /** The one finding code the rule produces. */
  readonly code: C;
  /** Its default severity. */
  readonly severity: Severity;
  /** When the severity depends on the finding ("warning, or error from `RedSlipDays` on"). */
  readonly severityNote?: string;
  /** The contract columns it reads (of its own table). */
  readonly reads: readonly string[];
  /** One sentence: when the rule fires (the documentation's "When" column). */
  readonly when: string;
  /** The findings, from the context read once for every rule of its table. */
  check(ctx: Context): Finding[];
}
