import Decimal from "decimal.js";

/**
 * Knobs of the simulator's settlement model (README "Finance"). Rates are decimal strings ("0.06" = 6 %).
 * TikTok's own rates vary by region, category and date; these are the simulator's documented assumptions.
 */
export interface FinanceOptions {
  /** An order settles at the first 00:00 UTC at least this many days after delivery (contract §1.2: 3–15). Default 7. */
  settlementDelayDays?: number;
  /** A statement's payment turns PAID this many days after the statement (PROCESSING before). Default 1. */
  payoutDelayDays?: number;
  /** Referral fee on the items' customer payment + platform discount (tax and shipping excluded). Default "0.06". */
  referralFeeRate?: string;
  /** Share of a refunded referral fee TikTok keeps (refund administration fee). Default "0.20". */
  refundAdministrationRate?: string;
  /** Non-refundable transaction fee on the items' customer payment. Default "0" (off). */
  transactionFeeRate?: string;
  /** Share of a settled order's positive settlement withheld as a reserve. Default "0" (off). */
  reserveRate?: string;
  /** Days a reserve is held before it is released in a later statement. Default 30. */
  reserveHoldDays?: number;
}

export interface FinanceSettings {
  settlementDelayDays: number;
  payoutDelayDays: number;
  referralFeeRate: Decimal;
  refundAdministrationRate: Decimal;
  transactionFeeRate: Decimal;
  reserveRate: Decimal;
  reserveHoldDays: number;
}

function days(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 0) throw new TypeError(`finance.${name} must be a non-negative integer`);
  return v;
}

function rate(value: string | undefined, fallback: string, name: string): Decimal {
  const v = new Decimal(value ?? fallback);
  if (v.isNegative() || v.greaterThan(1)) throw new TypeError(`finance.${name} must be between 0 and 1`);
  return v;
}

export function financeSettings(options: FinanceOptions = {}): FinanceSettings {
  return {
    settlementDelayDays: days(options.settlementDelayDays, 7, "settlementDelayDays"),
    payoutDelayDays: days(options.payoutDelayDays, 1, "payoutDelayDays"),
    referralFeeRate: rate(options.referralFeeRate, "0.06", "referralFeeRate"),
    refundAdministrationRate: rate(options.refundAdministrationRate, "0.20", "refundAdministrationRate"),
    transactionFeeRate: rate(options.transactionFeeRate, "0", "transactionFeeRate"),
    reserveRate: rate(options.reserveRate, "0", "reserveRate"),
    reserveHoldDays: days(options.reserveHoldDays, 30, "reserveHoldDays"),
  };
}
