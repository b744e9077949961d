/**
 * The sample committee: the Terms of Reference filled in with a fictional but plausible committee
 * (every name, organization and address is invented; e-mail addresses use the reserved example
 * domains), the TL01–TL08 timeline as the ToR plan it, with what is known to have happened, the
 * TSAG and WTSA meetings, and the workshop's parameters. Rates are editable defaults, not ITU figures.
 */
import type { PlanValue } from "./plans/sheet-plan";

const d = (iso: string): PlanValue => ({ date: iso });

/** Name, Role, Region, Gender, Status, Organization, Country, Email, Justification, Priority */
export const SAMPLE_ROSTER: PlanValue[][] = [
  ["Helena Varga", "RG-IEM Leadership", null, "Female", "Confirmed", "RG-IEM", "Hungary", "helena.varga@example.org", "Leads the TSAG Rapporteur Group on Industry Engagement", null],
  ["Kenji Morita", "TSB Director", null, "Male", "Confirmed", "ITU/TSB", "Japan", "kenji.morita@example.org", null, null],
  ["Rosa Almeida", "Deputy Secretary-General", null, "Female", "Confirmed", "ITU", "Brazil", "rosa.almeida@example.org", null, null],
  ["Pierre Dubois", "ITU Counsellor", null, "Male", "Confirmed", "ITU/TSB", "France", "pierre.dubois@example.org", "TSB staff member serving TSAG", null],
  ["Amara Nwosu", "Regional Volunteer", "Africa", "Female", "Confirmed", "Lagos Digital Exchange", "Nigeria", "amara.nwosu@example.com", "Network of C-level contacts among West African operators", 1],
  ["Kwame Mensah", "Regional Volunteer", "Africa", "Male", "Confirmed", "Accra Institute of Technology", "Ghana", "kwame.mensah@example.edu", "Leads an ICT leadership programme; links to education leaders", 2],
  ["Thabo Molefe", "Regional Volunteer", "Africa", "Male", "Withdrawn", "Highveld Telecom", "South Africa", "thabo.molefe@example.com", "Organised two regional standardization workshops", 3],
  ["Lucía Fernández", "Regional Volunteer", "Americas", "Female", "Confirmed", "Andes Connect", "Argentina", "lucia.fernandez@example.com", "Has run industry workshops for CITEL members", 1],
  ["Michael Brennan", "Regional Volunteer", "Americas", "Male", "Confirmed", "Northern Networks", "Canada", "michael.brennan@example.com", null, 2],
  ["Layla Haddad", "Regional Volunteer", "Arab States", "Female", "Confirmed", "Levant Telecom Regulatory Forum", "Jordan", "layla.haddad@example.org", "Key expert in digital financial services; C-level network in the Gulf", 1],
  ["Omar Al-Farsi", "Regional Volunteer", "Arab States", "Male", "Confirmed", "Muscat Broadband", "Oman", "omar.alfarsi@example.com", "Experience organising ASMG workshops", 2],
  ["Mei Tanaka", "Regional Volunteer", "Asia-Pacific", "Female", "Confirmed", "Pacific Rim Labs", "Japan", "mei.tanaka@example.com", "Key experts in AI and networks; APT workshop speaker", 1],
  ["Arjun Raman", "Regional Volunteer", "Asia-Pacific", "Male", "Confirmed", "Deccan Systems", "India", "arjun.raman@example.com", "C-level network among Indian manufacturers", 2],
  ["Elena Petrova", "Regional Volunteer", "CIS", "Female", "Confirmed", "Steppe Telecom", "Kazakhstan", "elena.petrova@example.com", "Runs the RCC standardization school", 1],
  ["Timur Abdullaev", "Regional Volunteer", "CIS", "Male", "Confirmed", "Silk Road Networks", "Uzbekistan", "timur.abdullaev@example.com", "Experience in regional industry round tables", 2],
  ["Sophie Laurent", "Regional Volunteer", "Europe", "Female", "Confirmed", "Rhône Digital", "France", "sophie.laurent@example.com", "Chaired CEPT industry workshops", 1],
  ["Jonas Weber", "Regional Volunteer", "Europe", "Male", "Confirmed", "Rheinland Netz AG", "Germany", "jonas.weber@example.com", "Network of C-level contacts in European vendors", 2],
  ["Ana Kovač", "Regional Volunteer", "Europe", "Female", "Candidate", "Adriatic Telecom", "Croatia", "ana.kovac@example.com", "Leads a mentoring network for women engineers", 3],
];

/** ID, Calendar, Milestone, Opportunity, Kind, Forecast, Actual, Depends On, Fixed */
export const SAMPLE_TIMELINE: PlanValue[][] = [
  ["TL01", "30th of May 2023", "TSAG approves the formation of the committee", "TSAG meeting", "Meeting", null, d("2023-05-30"), null, "Yes"],
  ["TL02", "June 2023", "The committee's first meetings", "IEWSC call", "Meeting", null, null, "TL01", "No"],
  ["TL03", "October 2023", "WP2 meeting: progress report, final review before the workshop is organised", "WP2 meeting", "Review", null, null, "TL02", "No"],
  ["TL04", "January 2024 TBC", "TSAG reviews progress", "TSAG meeting", "Review", null, d("2024-01-22"), "TL03", "Yes"],
  ["TL05", "Spring 2024 TBD", "The first ITU-T Industry Engagement Workshop", "Workshop, Geneva", "Workshop", null, d("2024-04-19"), "TL04", "No"],
  ["TL06", "Summer 2024 TBD", "The committee issues its report and is dismantled", "IEWSC report", "Report", null, null, "TL05", "No"],
  ["TL07", "Summer 2024 TBD", "WP2 or TSAG reviews the report: lessons for WTSA-24", "WP2 or TSAG meeting", "Review", null, null, "TL06", "No"],
  ["TL08", "Fall 2024", "WTSA-24", "WTSA-24, New Delhi", "Meeting", null, d("2024-10-15"), "TL07", "Yes"],
];

/** Body, Start, End, Place */
export const SAMPLE_MEETINGS: PlanValue[][] = [
  ["TSAG", d("2023-05-30"), d("2023-06-02"), "Geneva and online"],
  ["TSAG", d("2024-01-22"), d("2024-01-26"), "Geneva"],
  ["WTSA", d("2024-10-15"), d("2024-10-24"), "New Delhi"],
];

/** Name, From, To */
export const SAMPLE_BLACKOUTS: PlanValue[][] = [["End of calendar year", "12-15", "01-10"]];

/** Key, Value, Meaning */
export const SAMPLE_WORKSHOP: PlanValue[][] = [
  ["Title", "First ITU-T Industry Engagement Workshop", "Shown on the budget"],
  ["Start", d("2024-04-19"), "First day of the workshop"],
  ["Days", 1, "Number of workshop days"],
  ["Venue", "Geneva", "Geneva, or the host city (the host covers the additional costs)"],
  ["InPersonParticipants", 120, "Expected participants in the room"],
  ["RemoteParticipants", 250, "Expected remote participants"],
  ["InterpretationLanguages", "English, French", "Comma-separated: Arabic, Chinese, English, French, Russian, Spanish"],
  ["Captioning", "Yes", "Real-time captioning (yes/no)"],
  ["Webcast", "Yes", "Webcast (yes/no)"],
  ["FullFellowships", 4, "Full fellowships (air ticket and DSA)"],
  ["PartialFellowships", 8, "Partial fellowships"],
  ["StaffMissions", 0, "ITU staff missions"],
  ["ContingencyPercent", 10, "Contingency added to the total, in per cent"],
  ["Currency", "CHF", "Currency of the rates"],
];

/** Item, Unit, Rate — editable defaults, not ITU figures. */
export const DEFAULT_RATES: PlanValue[][] = [
  ["Interpretation", "per language per day (default)", 2500],
  ["Captioning", "per day (default)", 1200],
  ["Webcast", "per day (default)", 800],
  ["Venue", "per day (default)", 1500],
  ["Catering", "per in-person participant per day (default)", 35],
  ["Full fellowship", "each (default)", 3500],
  ["Partial fellowship", "each (default)", 1500],
  ["Staff mission", "each (default)", 4000],
  ["Printing and badges", "per in-person participant (default)", 12],
];

/** Key, Value, Meaning: the settings with their defaults. */
export const SAMPLE_SETTINGS: PlanValue[][] = [
  ["RegionModel", "ITU6", "ITU6 (the six regional groups) or ITU5 (regions A–E)"],
  ["VolunteersPerRegion", 2, "TSAG volunteers wanted per region"],
  ["MinGenderShare", 0.4, "Below this share a gender is under-represented (ITU's own reference: 35 %)"],
  ["MaxCommitteeSize", 20, "Most confirmed members for a limited group"],
  ["AsOf", null, "The date 'today' means for overdue checks (blank: the day of the check)"],
  ["RedSlipDays", 30, "A slip of this many days or more is red"],
  ["ReportLeadDays", 30, "Days before the target WP2/TSAG meeting by which the report is due"],
];

/** ID, Phase, Task, Owner, Role, Start, Due, Effort, Status */
export const SAMPLE_TASKS: PlanValue[][] = [
  ["T01", "Design", "Agree date, duration, place, participation, audience and agenda", "Helena Varga", "RG-IEM Leadership", d("2023-06-01"), d("2023-10-31"), 6, "Done"],
  ["T02", "Resources", "Budget and ITU staff needed", "Pierre Dubois", "ITU Counsellor", d("2023-09-01"), d("2023-10-31"), 4, "Done"],
  ["T03", "Communication", "Convening letter and announcement (TSB practice: about 5½ months before)", "Pierre Dubois", "ITU Counsellor", d("2023-10-16"), d("2023-11-03"), 3, "Done"],
  ["T04", "Communication", "Programme, logistics, web page and social networks", "Sophie Laurent", "Regional Volunteer", d("2023-11-06"), d("2024-03-29"), 10, "Done"],
  ["T05", "Invitations", "Identify and contact C-level speakers and participants", "Amara Nwosu", "Regional Volunteer", d("2023-11-06"), d("2024-03-08"), 12, "Done"],
  ["T06", "Resources", "Captioning and interpretation requests (TSB practice: 2 months and 6 weeks before)", "Pierre Dubois", "ITU Counsellor", d("2024-02-05"), d("2024-03-08"), 2, "Done"],
  ["T07", "Invitations", "Fellowship requests (TSB practice: 6 weeks before)", "Mei Tanaka", "Regional Volunteer", d("2024-02-19"), d("2024-03-08"), 3, "Done"],
  ["T08", "Workshop", "Run the workshop", "Helena Varga", "RG-IEM Leadership", d("2024-04-19"), d("2024-04-19"), 8, "Done"],
  ["T09", "Post-workshop", "Communications, pictures and report to WP2/TSAG", "Kwame Mensah", "Regional Volunteer", d("2024-04-22"), d("2024-06-28"), 6, "Done"],
];
