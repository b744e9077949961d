import type { CellValue } from "../../core";
import { ROSTER_HEADER, member } from "./tables";

const volunteer = (
  Name: string,
  Region: string,
  Gender: string,
  Status: string | null,
  Priority: number | null = null,
) =>
  member({ Name, Role: "Regional Volunteer", Region, Gender, Status, Priority, Justification: "Workshop experience" });

/**
 * A roster with three over-subscribed regions (rows as Excel numbers them: header at 1, data from 2).
 * Confirmed now: 5 women, 6 men. Four free seats: Americas 1, Asia-Pacific 2, Europe 1. The best share
 * is 7 of 15 (add two women and two men); of those choices the lowest priority sum is Diego (1), Mei and
 * Arjun (1 + 1) and Ana Kovač (2) = 5: Europe takes Ana Kovač over Jonas Weber (priority 1), whom a
 * choice by priority alone would have taken.
 */
export const OVERSUBSCRIBED: CellValue[][] = [
  ROSTER_HEADER,
  member({ Name: "Helena Varga", Role: "RG-IEM Leadership", Gender: "Female", Status: "Confirmed" }), // 2
  member({ Name: "Kenji Morita", Role: "TSB Director", Gender: "Male", Status: "Confirmed" }), // 3
  member({ Name: "Pierre Dubois", Role: "ITU Counsellor", Gender: "Male" }), // 4: blank Status is Confirmed
  volunteer("Amara Nwosu", "Africa", "Female", "Confirmed"), // 5
  volunteer("Kwame Mensah", "Africa", "Male", null), // 6
  volunteer("Carlos Ruiz", "Americas", "Male", "Confirmed"), // 7
  volunteer("Lucía Fernández", "Americas", "Female", "Candidate", 3), // 8
  volunteer("Diego Souza", "Americas", "Male", "Candidate", 1), // 9
  volunteer("Ana Torres", "Americas", "Female", "Candidate", 4), // 10
  volunteer("Layla Haddad", "Arab States", "Female", "Confirmed"), // 11
  volunteer("Omar Al-Farsi", "Arab States", "Male", "Confirmed"), // 12
  volunteer("Mei Tanaka", "Asia-Pacific", "Female", "Candidate", 1), // 13
  volunteer("Arjun Raman", "Asia-Pacific", "Male", "Candidate", 1), // 14
  volunteer("Ravi Iyer", "Asia-Pacific", "Male", "Candidate", 2), // 15
  volunteer("Hana Kim", "Asia-Pacific", "Female", "Candidate"), // 16: blank priority
  volunteer("Elena Petrova", "CIS", "Female", "Confirmed"), // 17
  volunteer("Timur Abdullaev", "CIS", "Male", "Confirmed"), // 18
  volunteer("Sophie Laurent", "Europe", "Female", "Confirmed"), // 19
  volunteer("Jonas Weber", "Europe", "Male", "Candidate", 1), // 20
  volunteer("Ana Kovač", "Europe", "Female", "Candidate", 2), // 21
  volunteer("Jan Novak", "Europe", "Male", "Candidate", 3), // 22
  volunteer("Thabo Molefe", "Africa", "Male", "Withdrawn", 1), // 23
];
