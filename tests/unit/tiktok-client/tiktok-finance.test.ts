// The finance group of the TikTok client with a stand-in for the signed call: what it asks for, how it pages,
// and what its schemas accept from TikTok (the contract test runs it against the simulator).
import { describe, expect, it } from "vitest";
import { createFinanceApi } from "../../../app/integrations/tiktok/finance";
import type { ShopCall } from "../../../app/integrations/tiktok/tiktok-shop-call";
import type { TikTokRequest } from "../../../app/integrations/tiktok/tiktok-transport";

function fakeCall(answer: (request: TikTokRequest<unknown>) => unknown) {
  const requests: Array<TikTokRequest<unknown>> = [];
  const call = (async <T>(request: TikTokRequest<T>) => {
    requests.push(request as TikTokRequest<unknown>);
    return { data: request.schema.parse(answer(request as TikTokRequest<unknown>)), code: 0, message: "Success", requestId: "r", httpStatus: 200 };
  }) as ShopCall;
  return { call, requests };
}

const txn = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: "ORDER", settlement_amount: "1.00", ...extra });

describe("TikTok finance client", () => {
  it("sends each endpoint's fixed sort field with the caller's direction and page", async () => {
    const { call, requests } = fakeCall(() => ({ statements: [] }));
    await createFinanceApi(call).statements({ statement_time_ge: 1_700_000_000, payment_status: "PAID" }, { pageSize: 50, sortOrder: "DESC" });
    expect(requests[0]).toMatchObject({
      method: "GET", path: "/finance/202309/statements", shopScoped: true, idempotent: true,
      query: { sort_field: "statement_time", sort_order: "DESC", page_size: 50, statement_time_ge: 1_700_000_000, payment_status: "PAID" },
    });
  });

  it("pages statement transactions until the token runs out", async () => {
    const pages: Record<string, unknown> = {
      first: { id: "7", transactions: [txn("1"), txn("2")], next_page_token: "p2" },
      p2: { id: "7", transactions: [txn("3")], next_page_token: "" },
    };
    const { call, requests } = fakeCall((r) => pages[String(r.query?.page_token ?? "first")]);
    const ids: string[] = [];
    for await (const t of createFinanceApi(call).statementTransactionsAll("7", { pageSize: 2 })) ids.push(t.id);
    expect(ids).toEqual(["1", "2", "3"]);
    expect(requests.map((r) => [r.pathParams?.statement_id, r.query?.sort_field, r.query?.page_token])).toEqual([["7", "order_create_time", undefined], ["7", "order_create_time", "p2"]]);
  });

  it("stops with an error when TikTok hands out the same page token twice", async () => {
    const { call } = fakeCall(() => ({ payments: [], next_page_token: "again" }));
    const walk = async () => { for await (const _ of createFinanceApi(call).paymentsAll()) void _; };
    await expect(walk()).rejects.toThrow(/same page token twice/);
  });

  it("keeps money as signed decimal strings, any transaction type, and upper-cases reserve_status", async () => {
    const { call } = fakeCall(() => ({
      id: "7", total_settlement_amount: -12.5, payable_amount: "",
      transactions: [txn("1", { type: "Violation fee （settlement fee）", settlement_amount: "-3.20" }),
        txn("2", { type: "RESERVE", reserve_status: "Collected", reserve_amount: "-4.70", settlement_amount: "0" })],
    }));
    const { data } = await createFinanceApi(call).statementTransactions("7");
    expect(data.total_settlement_amount).toBe("-12.5");
    expect(data.payable_amount).toBe("");
    expect(data.transactions.map((t) => [t.type, t.settlement_amount, t.reserve_status])).toEqual([
      ["Violation fee （settlement fee）", "-3.20", undefined], ["RESERVE", "0", "COLLECTED"],
    ]);
  });

  it("refuses an amount that is not a decimal, and withdrawals without a type", async () => {
    const { call } = fakeCall(() => ({ statements: [{ id: "1", statement_time: 1, currency: "USD", settlement_amount: "12,50" }] }));
    await expect(createFinanceApi(call).statements()).rejects.toThrow();
    expect(() => createFinanceApi(call).withdrawals([])).toThrow(RangeError);
  });
});
