// Dietary supplements that describe what they support must carry the FDA disclaimer (21 CFR 101.93(c)).
// Its presence is checked here; its words are never read as a claim (claim-screening.ts removes it).
import { warning, type Finding } from "../listing/finding";
import { htmlToText } from "./plain-text";

const DISCLAIMER = /not (been )?evaluated by the (food (and|&) drug administration|fda)|not intended to (diagnose|treat|cure|prevent)/i;

export function hasSupplementDisclaimer(descriptionHtml: string): boolean {
  return DISCLAIMER.test(htmlToText(descriptionHtml).replace(/\s+/g, " "));
}

export function checkSupplementDisclaimer(descriptionHtml: string): Finding[] {
  if (hasSupplementDisclaimer(descriptionHtml)) return [];
  return [
    warning(
      "SUPPLEMENT_DISCLAIMER_MISSING",
      "description",
      "This is a dietary supplement, but the description lacks the FDA disclaimer. TikTok reviewers expect it next to any statement about what the supplement supports.",
      'Add to the description: "These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease."',
      { source: "21 CFR 101.93(c) (structure/function claim disclaimer)" },
    ),
  ];
}
