/** Deterministic TikTok-looking ids: digit strings of 18–19 characters with the prefixes seen in TikTok samples. */
const PREFIXES = {
  product: "1729", // 19 digits, "17…"
  sku: "1730",
  order: "5764", // 18 digits, "57…"
  lineItem: "5770",
  package: "1153",
  cancellation: "4035",
  return: "4036",
  notification: "7327",
  brand: "7082",
  file: "7401",
} as const;

const LENGTHS: Record<IdKind, number> = {
  product: 19,
  sku: 19,
  order: 18,
  lineItem: 18,
  package: 19,
  cancellation: 18,
  return: 18,
  notification: 19,
  brand: 19,
  file: 19,
};

export type IdKind = keyof typeof PREFIXES;

export class IdFactory {
  private readonly counters = new Map<IdKind, number>();
  constructor(private readonly base: number) {}

  next(kind: IdKind): string {
    const n = (this.counters.get(kind) ?? this.base) + 1;
    this.counters.set(kind, n);
    const prefix = PREFIXES[kind];
    return prefix + String(n).padStart(LENGTHS[kind] - prefix.length, "0");
  }
}
