/**
 * The command line's exit codes, used by every command (never a literal):
 * `0` no error finding, `1` at least one error finding, `2` a workbook (or the command line itself)
 * could not be used, `70` an internal error, a bug of ours (EX_SOFTWARE in BSD's sysexits.h).
 */
export const EXIT = { ok: 0, findings: 1, unusable: 2, internal: 70 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
