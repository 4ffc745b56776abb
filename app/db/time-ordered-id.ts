// Time-ordered ids (UUID version 7 layout: 48-bit milliseconds, then random bits) for rows inserted at a high
// rate: each new id sorts after the last, so the primary-key index grows at its right edge and a batch of
// inserts touches one or two index pages instead of one random page per row (random UUIDs). Within one
// millisecond a counter keeps them increasing.
import { randomBytes } from "node:crypto";

let lastMs = 0;
let sequence = 0;

export function timeOrderedId(now = Date.now()): string {
  if (now <= lastMs) {
    sequence++;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE() & 0x7ff; // a random start leaves room to count up
  }
  if (sequence > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one.
    lastMs = now = now + 1;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8); // version 7
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
