// The bookkeeper's CSV of the payouts page's date range (a resource route: the page downloads it with the
// embedded session's fetch).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "../db.server";
import { settlementCsvExport } from "../modules/money/settlement-export";
import { statementDateRange } from "../modules/money/statement-date-range";
import { authenticate } from "../shopify.server";

const querySchema = z.object({ from: z.string().optional(), to: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const range = statementDateRange(
    querySchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
    new Date()
  );
  const csv = await settlementCsvExport(db, session.shop, range);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tiktok-settlements-${range.fromDay}-to-${range.toDay}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
