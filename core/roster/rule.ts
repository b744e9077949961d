import type { Rule } from "../rule";
import type { Settings } from "../settings";
import type { Region } from "../vocab";
import type { Member } from "./member";

/** What every roster rule is given. */
export interface RosterContext {
  members: readonly Member[];
  settings: Settings;
  /** The sheet the roster is on (findings point there). */
  sheet: string;
  /** The regions of the model in force. */
  regions: readonly Region[];
}

/** A roster rule: its metadata and one pure function (see `Rule`). */
export type RosterRule = Rule<RosterContext>;
