import { type Day, dayFromYMD } from "../core";

/** Today as the calendar day on this computer's clock: what "today" means to the person running it. */
export function today(now = new Date()): Day {
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
