// The "policies" and "payments" sections of the readiness checklist: shipping mapped, return warehouse,
// shipping template, delivery, return policy compared, payout readiness. Facts are read once
// (load-policies-facts.ts); every item is a pure judgement over them (app/modules/policies/*-check(s).ts).
import { loadPoliciesFacts, type PoliciesFactsDeps } from "../policies/load-policies-facts";
import { checkPayout } from "../policies/payout-check";
import type { PoliciesFacts } from "../policies/policies-facts";
import { checkReturnPolicy } from "../policies/return-policy-check";
import { checkDeliveryOptions, checkLocationMapping, checkReturnWarehouse, checkShippingTemplate } from "../policies/shipping-checks";
import type { ReadinessItem } from "./readiness-item";

export type PoliciesReadinessDeps = PoliciesFactsDeps;

export function judgePolicies(facts: PoliciesFacts): ReadinessItem[] {
  return [
    checkLocationMapping(facts),
    checkReturnWarehouse(facts),
    checkShippingTemplate(facts),
    checkDeliveryOptions(facts),
    checkReturnPolicy(facts),
    checkPayout(facts),
  ];
}

export async function loadPoliciesReadiness(deps: PoliciesReadinessDeps): Promise<ReadinessItem[]> {
  return judgePolicies(await loadPoliciesFacts(deps));
}
