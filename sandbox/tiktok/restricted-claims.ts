/**
 * The simulator's OWN small list of claims that fail TikTok review (health/disease claims, regulatory endorsements,
 * guaranteed weight loss, counterfeits). Deliberately independent from the app's compliance linter.
 */
export interface ClaimRule {
  id: string;
  pattern: RegExp;
  reason: string;
  suggestion: string;
}

export const CLAIM_RULES: ClaimRule[] = [
  {
    id: "disease_claim",
    pattern: /\b(cures?|cured|treats?|heals?|prevents?|reverses?)\b[^.!?]{0,60}\b(disease|cancer|diabetes|covid|arthritis|depression|anxiety|infection|alzheimer'?s|hypertension|illness)\b/i,
    reason: "The listing claims to cure, treat or prevent a disease. Supplements and cosmetics may not make medical claims.",
    suggestion: "Remove disease or treatment claims from the title and description.",
  },
  {
    id: "fda_approved",
    pattern: /\bFDA[\s-]*(approved|certified|cleared)\b/i,
    reason: "The listing claims FDA approval or certification, which is not allowed for this product.",
    suggestion: "Remove 'FDA approved' or similar endorsement claims.",
  },
  {
    id: "weight_loss_guarantee",
    pattern: /\b(guaranteed?|guarantees)\b[^.!?]{0,30}\b(weight|fat)[\s-]*loss\b|\blose\s+\d+\s*(lbs?|pounds|kg|kilos)\b[^.!?]{0,20}\b(in|within)\s+\d+\s*(days?|weeks?)\b/i,
    reason: "The listing promises guaranteed or rapid weight loss.",
    suggestion: "Remove guaranteed weight-loss promises.",
  },
  {
    id: "counterfeit",
    pattern: /\b(replica|counterfeit|knock[\s-]?off|fake\s+(designer|brand)|1:1\s+copy)\b/i,
    reason: "The listing describes a replica or counterfeit item, which violates the intellectual property policy.",
    suggestion: "Counterfeit and replica items cannot be sold.",
  },
];

export interface ClaimHit {
  rule: ClaimRule;
  field: "title" | "description" | "product_attributes";
}

export function findRestrictedClaims(fields: { title: string; description: string; attributes: string }): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const rule of CLAIM_RULES) {
    for (const field of ["title", "description", "product_attributes"] as const) {
      const text = field === "product_attributes" ? fields.attributes : fields[field];
      if (rule.pattern.test(text)) {
        hits.push({ rule, field });
        break;
      }
    }
  }
  return hits;
}
