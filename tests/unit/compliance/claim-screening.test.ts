import { describe, expect, it } from "vitest";
import { CLAIM_RULES } from "../../../app/modules/compliance/claim-rules";
import { findClaims, screenClaims } from "../../../app/modules/compliance/claim-screening";
import { checkShippingAndReturns } from "../../../app/modules/compliance/consumer-protection";
import { checkSupplementDisclaimer } from "../../../app/modules/compliance/supplement-disclaimer";

const codesOf = (text: string) => findClaims(text).map((m) => m.rule.code);

describe("claim rules are data with a source and examples", () => {
  it.each(CLAIM_RULES.map((r) => [r.code, r] as const))("%s has a source, a fix and examples both ways", (_code, rule) => {
    expect(rule.source.length).toBeGreaterThan(10);
    expect(rule.fix.length).toBeGreaterThan(10);
    expect(rule.examples.positive.length).toBeGreaterThan(0);
    expect(rule.examples.negative.length).toBeGreaterThan(0);
  });

  const positives = CLAIM_RULES.flatMap((r) => r.examples.positive.map((text) => [r.code, text] as const));
  it.each(positives)("%s fires on: %s", (code, text) => {
    expect(codesOf(text)).toContain(code);
  });

  const negatives = CLAIM_RULES.flatMap((r) => r.examples.negative.map((text) => [r.code, text] as const));
  it.each(negatives)("%s example stays silent: %s", (_code, text) => {
    expect(codesOf(text)).toEqual([]);
  });
});

describe("context decides, not single words", () => {
  it.each([
    "Genuine cured leather wallet, hand-stitched.",
    "*These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.",
    "Warning: This product is not intended to diagnose, treat, cure or prevent any disease. Keep out of reach of children.",
    "WARNING: This product contains a chemical known to the State of California to cause cancer, birth defects, or other reproductive harm.",
    "Reward your pup with treats while or right after cleaning his/her eyes.",
    "Remove any visible dirt or debris from the area to be treated.",
    "Children under the age of 18, and individuals with a known medical condition should consult a physician before using any dietary supplement.",
    "Water, Cetearyl Alcohol, Glycerin, Polyvinyl Alcohol.",
    "Promoting a healthy inflammatory response.*",
    "Supports normal serotonin levels in the brain.",
    "UV-cured gel polish that lasts two weeks.",
  ])("no finding: %s", (text) => {
    expect(codesOf(text)).toEqual([]);
  });

  it.each([
    ["Cures anxiety and depression in days.", "CLAIM_DISEASE_CURE"],
    ["Our tea treats diabetes naturally.", "CLAIM_DISEASE_CURE"],
    ["FDA-approved for daily use.", "CLAIM_FDA_APPROVED"],
    ["Lose 20 pounds in 2 weeks, guaranteed!", "CLAIM_GUARANTEED_WEIGHT_LOSS"],
    ["Medical-grade TENS unit.", "CLAIM_MEDICAL_DEVICE"],
    ["1:1 replica of the designer bag.", "CLAIM_COUNTERFEIT"],
    ["Strawberry vape juice, 50 ml.", "RESTRICTED_TOBACCO_NICOTINE"],
  ])("finding: %s → %s", (text, code) => {
    expect(codesOf(text)).toContain(code);
  });

  it("the disclaimer inside a sentence that also makes a claim does not hide the claim", () => {
    expect(codesOf("This product is not intended to diagnose, treat, cure, or prevent any disease. But it cures cancer.")).toEqual(["CLAIM_DISEASE_CURE"]);
  });

  it("screens HTML per field and reports once per rule and field with the sentence", () => {
    const findings = screenClaims([
      { field: "title", text: "Fat Burner Pro" },
      { field: "description", html: true, text: "<p>Burns fat.</p><p>A fat burner for <strong>weight loss</strong>.</p>" },
      { field: "main_images[0].alt", text: "FDA approved bottle" },
    ]);
    expect(findings.map((f) => [f.field, f.code, f.severity])).toEqual([
      ["title", "CLAIM_WEIGHT_LOSS", "warning"],
      ["description", "CLAIM_WEIGHT_LOSS", "warning"],
      ["main_images[0].alt", "CLAIM_FDA_APPROVED", "blocking"],
    ]);
    expect(findings[1]!.message).toContain('Found: "Burns fat."');
    expect(findings[2]!.source).toMatch(/FDA/);
  });
});

describe("supplement disclaimer and shipping/returns", () => {
  it("a supplement without the disclaimer gets a warning; with it, none", () => {
    expect(checkSupplementDisclaimer("<p>Supports immunity.*</p>").map((f) => f.code)).toEqual(["SUPPLEMENT_DISCLAIMER_MISSING"]);
    expect(checkSupplementDisclaimer("<p>*These statements have not been evaluated by the Food and Drug Administration.</p>")).toEqual([]);
  });

  it.each([
    [true, true, []],
    [false, true, ["SHIPPING_INFO_MISSING"]],
    [true, false, ["RETURN_INFO_MISSING"]],
    [null, null, ["SHIPPING_INFO_UNVERIFIED", "RETURN_INFO_UNVERIFIED"]],
  ])("shipping %s, returns %s", (shipping, returns, expected) => {
    expect(checkShippingAndReturns({ shippingTemplateConfigured: shipping, returnPolicyConfigured: returns }).map((f) => f.code)).toEqual(expected);
  });
});
