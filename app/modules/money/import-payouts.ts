// Payouts (Finance payments): what TikTok sent to the bank, each checked (settlement + reserve = amount
// before exchange = amount at the exchange rate) and stored by payment id.
import type { TikTokFinanceApi, TikTokPayment } from "../../integrations/tiktok";
import { payoutFlag } from "./settlement-checks";
import type { PayoutToStore, SettlementRepository } from "./settlement-repository";
import { amountOf, decimalString } from "./signed-amount";

const str = (v: unknown) => decimalString(amountOf(v));

export function payoutOf(p: TikTokPayment): PayoutToStore {
  const figures = {
    amount: str(p.amount?.value),
    settlementAmount: str(p.settlement_amount?.value),
    reserveAmount: str(p.reserve_amount?.value),
    amountBeforeExchange: str(p.payment_amount_before_exchange?.value),
    exchangeRate: p.exchange_rate || null,
  };
  return {
    paymentId: p.id,
    initiatedAt: new Date(p.create_time * 1000),
    paidAt: p.paid_time ? new Date(p.paid_time * 1000) : null,
    status: p.status,
    currency: p.amount?.currency || p.settlement_amount?.currency || "",
    bankAccount: p.bank_account || null,
    ...figures,
    residue: payoutFlag(figures)?.residue ?? null,
  };
}

export async function importPayouts(
  finance: TikTokFinanceApi,
  repo: SettlementRepository,
  shop: string,
  tiktokShopId: string,
  from: number
): Promise<number> {
  let count = 0;
  for await (const payment of finance.paymentsAll({ create_time_ge: from })) {
    await repo.savePayout(shop, tiktokShopId, payoutOf(payment));
    count++;
  }
  return count;
}
