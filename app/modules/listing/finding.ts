// A finding of the pre-flight linter: what TikTok would refuse (blocking) or what the merchant should know
// (warning), in words a merchant understands, with the fix. Codes are stable strings other code may match on.

export type FindingSeverity = "blocking" | "warning";

export interface Finding {
  code: string;
  severity: FindingSeverity;
  /** Path in the TikTok body (e.g. "title", "skus[2].seller_sku") or in the Shopify product. */
  field: string;
  message: string;
  fix: string;
  /** Where the rule comes from (policy page, contract section). */
  source?: string;
  /** The TikTok API error code this finding prevents, when one corresponds. */
  tiktokErrorCode?: string;
}

export function blocking(code: string, field: string, message: string, fix: string, extra: Pick<Finding, "source" | "tiktokErrorCode"> = {}): Finding {
  return { code, severity: "blocking", field, message, fix, ...extra };
}

export function warning(code: string, field: string, message: string, fix: string, extra: Pick<Finding, "source" | "tiktokErrorCode"> = {}): Finding {
  return { code, severity: "warning", field, message, fix, ...extra };
}

export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "blocking");
}
