// Time-ordered ids (UUID version 7 layout: 48-bit milliseconds, then random bits) for rows inserted at a high
// rate: each new id sorts after the last, so the primary-key index grows at its right edge and a batch of
// inserts touches one or two index pages instead of one random page per row (random UUIDs). Within one
// millisecond a counter keeps them increasing.
//
// The random bits come from randomUUID, which draws from a cached pool: randomBytes per id went to OpenSSL
// every time (~9 % of the webhook intake's CPU).
import { randomUUID } from "node:crypto";

let lastMs = 0;
let sequence = 0;

export function timeOrderedId(now = Date.now()): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V the RFC 4122 variant
  if (now <= lastMs) {
    sequence++;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = parseInt(random.slice(0, 3), 16) & 0x7ff; // a random start leaves room to count up
  }
  if (sequence > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one.
    lastMs = now = now + 1;
    sequence = 0;
  }
  return `${timeOrderedIdFloor(now)}-7${sequence.toString(16).padStart(3, "0")}-${random.slice(19)}`;
}

/**
 * The ids' leading 48-bit millisecond part: sorts before every time-ordered id made at or after `ms`, and after
 * every one made before it.
 */
export function timeOrderedIdFloor(ms: number): string {
  const time = ms.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}`;
}
