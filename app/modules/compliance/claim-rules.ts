// Restricted and prohibited claims, kept as data: each rule says what it matches, in what context, why
// (source) and shows examples that must and must not match (the tests run every example). To extend the
// screening, add a rule here with its examples; the engine (claim-screening.ts) needs no change.
//
// Matching is per sentence, case-insensitive. A rule fires when one of `patterns` matches, is not negated
// ("not FDA approved", "nicotine-free"), the sentence has none of `unlessInSentence`, and — when
// `requiresNearby` is set — one of its patterns occurs within `withinWords` words. Required legal text
// (the supplement disclaimer, California Proposition 65 warnings) is removed before any rule runs.
import type { FindingSeverity } from "../listing/finding";

export interface ClaimRule {
  code: string;
  severity: FindingSeverity;
  /** Short plain-language name of what is wrong. */
  label: string;
  message: string;
  fix: string;
  source: string;
  patterns: string[];
  requiresNearby?: { patterns: string[]; withinWords: number };
  unlessInSentence?: string[];
  examples: { positive: string[]; negative: string[] };
}

/** Required or harmless legal text that contains claim words but is not a claim. */
export const REQUIRED_TEXT_PATTERNS: string[] = [
  // 21 U.S.C. 343(r)(6)(C) / 21 CFR 101.93(c): the mandatory supplement disclaimer and its variants.
  String.raw`(this|these) (product|products|statements?)( (is|are|has|have))? not (been )?intended to (diagnose|treat|cure|prevent|mitigate)(,? (or )?(diagnose|treat|cure|prevent|mitigate))*( any)? (disease|illness|condition)s?`,
  String.raw`not intended to (diagnose|treat|cure|prevent|mitigate)(,? (or )?(diagnose|treat|cure|prevent|mitigate))*( any)? (disease|illness|condition)s?`,
  String.raw`(this|these) statements? (has|have) not been evaluated by the (food (and|&) drug administration|fda)`,
  // California Proposition 65 warning (Cal. Code Regs. tit. 27 §25603).
  String.raw`known to the state of california to cause cancer(,? (and|or) )?(birth defects)?( or other reproductive harm)?`,
];

const DISEASES = [
  String.raw`cancers?`, String.raw`tumou?rs?`, String.raw`diabetes`, String.raw`arthritis`, String.raw`alzheimer'?s`, String.raw`dementia`,
  String.raw`covid(-19)?`, String.raw`coronavirus`, String.raw`influenza`, String.raw`flu`, String.raw`infections?`, String.raw`diseases?`,
  String.raw`illness(es)?`, String.raw`depression`, String.raw`anxiety`, String.raw`hypertension`, String.raw`high blood pressure`,
  String.raw`asthma`, String.raw`eczema`, String.raw`psoriasis`, String.raw`insomnia`, String.raw`migraines?`, String.raw`herpes`, String.raw`hiv`,
  String.raw`obesity`, String.raw`adhd`, String.raw`autism`, String.raw`acne`, String.raw`parkinson'?s`, String.raw`strokes?`,
  String.raw`ulcers?`, String.raw`erectile dysfunction`, String.raw`stds?`, String.raw`lyme`, String.raw`candida`, String.raw`parasites?`,
  String.raw`viruse?s?`, String.raw`osteoporosis`, String.raw`gout`, String.raw`fibromyalgia`, String.raw`kidney stones?`, String.raw`heart attacks?`,
];

const FDA_SOURCE = "FDA 21 CFR 101.93 (structure/function vs disease claims); TikTok Shop Prohibited and Restricted Products Policy — health claims";

export const CLAIM_RULES: ClaimRule[] = [
  {
    code: "CLAIM_DISEASE_CURE",
    severity: "blocking",
    label: "Disease cure or treatment claim",
    message: "The text claims the product cures or treats a disease. Only approved drugs may say that; TikTok removes such listings.",
    fix: "Remove the cure/treatment claim; describe what the product is and how to use it (supplements may say they support normal body functions, with the FDA disclaimer).",
    source: FDA_SOURCE,
    patterns: [String.raw`cur(e|es|ed|ing)`, String.raw`treat(s|ed|ing)?`, String.raw`heal(s|ed|ing)?`, String.raw`revers(e|es|ed|ing)`, String.raw`eliminat(e|es|ed|ing)`, String.raw`eradicat(e|es|ed|ing)`, String.raw`fights?`, String.raw`remed(y|ies)`],
    requiresNearby: { patterns: DISEASES, withinWords: 6 },
    unlessInSentence: [String.raw`\b(consult|ask)\b.*\b(doctor|physician|health ?care|practitioner|professional|veterinarian|vet)\b`],
    examples: {
      positive: ["This tea cures cancer naturally.", "Clinically shown to treat arthritis pain.", "Reverses diabetes in 30 days!", "Our balm heals eczema overnight", "Fights infections and flu"],
      negative: [
        "Hand-stitched from cured leather.",
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
        "Treat your dog to a tasty snack.",
        "Apply to the area to be treated.",
        "Consult your physician if you are being treated for any disease.",
        "Fights frizz all day.",
      ],
    },
  },
  {
    code: "CLAIM_DISEASE_PREVENTION",
    severity: "warning",
    label: "Disease prevention claim",
    message: "The text says the product prevents a disease or infection. That is a drug claim TikTok reviewers reject for supplements, cosmetics and pet care.",
    fix: "Say what the product does (e.g. \"cleans the ear area\") without promising to prevent a disease or infection.",
    source: FDA_SOURCE,
    patterns: [String.raw`prevent(s|ed|ing)?`, String.raw`protects? against`, String.raw`wards? off`, String.raw`reduces? the risk of`],
    requiresNearby: { patterns: DISEASES, withinWords: 15 },
    unlessInSentence: [String.raw`\b(consult|ask)\b.*\b(doctor|physician|health ?care|practitioner|professional|veterinarian|vet)\b`],
    examples: {
      positive: ["Helps prevent colds and flu.", "Ear infections are common - and most can be prevented by routinely cleaning your dog's ears.", "Protects against heart disease."],
      negative: ["Prevents tangles and frizz.", "This product is not intended to diagnose, treat, cure or prevent any disease.", "Increases the fluid around joints to prevent their breakdown."],
    },
  },
  {
    code: "CLAIM_MIRACLE_CURE",
    severity: "blocking",
    label: "Miracle or cure-all claim",
    message: "The text presents the product as a miracle or cure-all, which TikTok treats as a misleading health claim.",
    fix: "Remove \"miracle\"/\"cure-all\" wording and describe the product factually.",
    source: "TikTok Shop Prohibited and Restricted Products Policy — misleading claims; FTC Health Products Compliance Guidance (2022)",
    patterns: [String.raw`miracle (cure|pill|remedy|supplement)`, String.raw`cure[- ]all`, String.raw`cures? (everything|all)`, String.raw`magic pill`],
    examples: { positive: ["The miracle cure doctors hate.", "A true cure-all tonic."], negative: ["A miracle of design.", "Cured meats and cheese board."] },
  },
  {
    code: "CLAIM_FDA_APPROVED",
    severity: "blocking",
    label: "\"FDA approved\" claim",
    message: "The text says the product is approved, certified or cleared by the FDA. The FDA does not approve supplements or cosmetics, and TikTok removes listings that claim it.",
    fix: "Remove the FDA approval wording (you may keep the standard \"These statements have not been evaluated by the FDA\" disclaimer).",
    source: "FDA: \"FDA does not approve dietary supplements or cosmetics\" (21 U.S.C. 321(ff), 361); TikTok Shop misleading claims policy",
    patterns: [String.raw`fda[- ]?(approved|certified|cleared|registered)`, String.raw`approved by (the )?(fda|food (and|&) drug administration)`, String.raw`fda approval`],
    examples: {
      positive: ["FDA approved formula.", "Made in an FDA-registered facility and approved by the FDA."],
      negative: ["These statements have not been evaluated by the Food and Drug Administration.", "This product is not FDA approved."],
    },
  },
  {
    code: "CLAIM_GUARANTEED_WEIGHT_LOSS",
    severity: "blocking",
    label: "Guaranteed or effortless weight loss",
    message: "The text promises weight loss (a guaranteed amount, speed, or without diet and exercise). TikTok prohibits these claims.",
    fix: "Remove the promise; weight-management products may describe ingredients and use, not guaranteed results.",
    source: "TikTok Shop Prohibited and Restricted Products Policy — weight management; FTC Gut Check: A Reference Guide for Media on Spotting False Weight Loss Claims",
    patterns: [
      String.raw`guarantee(d|s)? (to )?(weight loss|lose weight|fat loss|burn fat|results)`,
      String.raw`lose (up to )?\d+\s*(lbs?|pounds|kg|kilos?)`,
      String.raw`(lose|drop|shed) (the )?(weight|pounds|fat) (fast|quickly|overnight|in \d+ days)`,
      String.raw`without (diet|dieting|exercise|changing your diet)`,
      String.raw`melts? (away )?(belly )?fat`,
      String.raw`burns? fat while you sleep`,
    ],
    examples: { positive: ["Guaranteed weight loss or your money back!", "Lose 10 lbs in a week.", "Shed pounds fast", "Results without diet or exercise."], negative: ["Supports a healthy metabolism as part of a balanced diet.", "We cannot guarantee results."] },
  },
  {
    code: "CLAIM_WEIGHT_LOSS",
    severity: "warning",
    label: "Weight-loss claim",
    message: "The text presents the product as a weight-loss or fat-burning product. TikTok restricts weight-management products: expect a manual review, and results must not be promised.",
    fix: "Make sure the category allows weight-management products and that no result is promised; consider \"supports metabolism\" wording.",
    source: "TikTok Shop Prohibited and Restricted Products Policy — weight management products (restricted)",
    patterns: [String.raw`weight[- ]loss`, String.raw`lose weight`, String.raw`fat[- ]burn(er|ers|ing)?`, String.raw`burns? fat`, String.raw`appetite suppress(ant|ants|ing|ion)`, String.raw`slimming`, String.raw`diet pills?`],
    examples: { positive: ["Fat Burner with MCT", "Aids dieters in fat burning and weight loss."], negative: ["Weight management as part of a balanced diet.", "Great for weightlifting sessions."] },
  },
  {
    code: "CLAIM_MEDICAL_DEVICE",
    severity: "blocking",
    label: "Medical device claim",
    message: "The text presents the product as a medical device or medical-grade. Medical devices need TikTok's approval and proof of registration.",
    fix: "Remove \"medical device\"/\"medical-grade\" wording, or apply for the medical devices category in TikTok Seller Center.",
    source: "TikTok Shop Prohibited and Restricted Products Policy — medical devices (restricted); FDA 21 CFR Part 807",
    patterns: [String.raw`medical[- ]grade`, String.raw`medical devices?`, String.raw`hospital[- ]grade`, String.raw`class (i|ii|iii|1|2|3) (medical )?device`],
    examples: { positive: ["Medical-grade silicone massager.", "A Class II medical device for pain."], negative: ["Individuals with a known medical condition should consult a physician.", "This is not a medical device."] },
  },
  {
    code: "CLAIM_CLINICALLY_PROVEN",
    severity: "warning",
    label: "Unsupported proof claim",
    message: "The text says the product is clinically or scientifically proven. TikTok may ask for the studies; without them the listing is rejected.",
    fix: "Keep the claim only if you can send the study to TikTok when asked; otherwise remove it.",
    source: "FTC Health Products Compliance Guidance (2022) — competent and reliable scientific evidence; TikTok Shop misleading claims policy",
    patterns: [String.raw`clinically (proven|tested|shown)`, String.raw`scientifically proven`, String.raw`doctor[- ]recommended`, String.raw`proven to (work|cure|heal|treat)`],
    examples: { positive: ["Clinically proven formula.", "Doctor-recommended for joint comfort."], negative: ["Scientifically formulated blend.", "Research has shown that mushrooms support immunity."] },
  },
  {
    code: "CLAIM_SEXUAL_ENHANCEMENT",
    severity: "blocking",
    label: "Sexual enhancement product",
    message: "The text presents the product as a sexual enhancement product. TikTok Shop prohibits sexual enhancement supplements.",
    fix: "Do not list this product on TikTok, or remove every sexual-enhancement reference if that is not what the product is.",
    source: "TikTok Shop Prohibited Products Policy — adult products and sexual enhancement supplements",
    patterns: [String.raw`(male|female|sexual|penis|penile|men'?s|women'?s) enhancement`, String.raw`viagra`, String.raw`cialis`, String.raw`erection`],
    examples: { positive: ["Male Enhancement tablets with Tongkat Ali.", "Female Enhancement"], negative: ["Photo enhancement software.", "To enhance the value of this formula, BioPerine is added."] },
  },
  {
    code: "CLAIM_SEXUAL_HEALTH",
    severity: "warning",
    label: "Sexual health claim",
    message: "The text makes libido or sexual-function claims. TikTok reviews these closely and rejects listings that read as sexual enhancement.",
    fix: "Remove libido and sexual-performance wording, or be ready for a manual review.",
    source: "TikTok Shop Prohibited Products Policy — sexual enhancement supplements; TikTok Community Guidelines — sexually suggestive content",
    patterns: [String.raw`libido`, String.raw`sexual (health|function|performance|stamina|desire|vitality)`, String.raw`aphrodisiacs?`],
    examples: { positive: ["Promote a healthy libido and sexual function.", "Supports sexual health and stamina."], negative: ["Supports reproductive health.", "Normal hormonal balance."] },
  },
  {
    code: "CLAIM_COUNTERFEIT",
    severity: "blocking",
    label: "Counterfeit or replica wording",
    message: "The text describes the product as a replica, knockoff or counterfeit of a brand. TikTok prohibits counterfeit goods and bans the shop for repeated listings.",
    fix: "Remove the replica/knockoff wording; list only genuine products under their real brand.",
    source: "TikTok Shop Intellectual Property Policy — counterfeit goods",
    patterns: [String.raw`counterfeits?`, String.raw`knock[- ]?offs?`, String.raw`1:1 (copy|replica)`, String.raw`mirror quality`, String.raw`aaa (quality|replica)`, String.raw`super ?fake`, String.raw`replicas?`],
    unlessInSentence: [String.raw`\b(beware|avoid|protect|authentic|genuine|guard against)\b`, String.raw`replicas? of (an? |the )?(antique|vintage|historic|ancient|\d{4}s?|classic|museum|famous painting)`],
    examples: { positive: ["Designer replica handbag, 1:1 copy.", "High quality knockoff sneakers.", "AAA replica watch."], negative: ["Beware of counterfeits: buy only from us.", "A replica of an antique ship wheel.", "Original artwork."] },
  },
  {
    code: "CLAIM_BRAND_DUPE",
    severity: "warning",
    label: "Brand \"dupe\" wording",
    message: "The text calls the product a \"dupe\" or \"inspired by\" another brand, which TikTok may treat as an intellectual-property infringement.",
    fix: "Describe the product on its own merits without naming or imitating another brand.",
    source: "TikTok Shop Intellectual Property Policy",
    patterns: [String.raw`dupes?`, String.raw`(designer|luxury)[- ]inspired`],
    examples: { positive: ["The perfect dupe for your favourite serum.", "Designer-inspired tote."], negative: ["A duplex apartment planter.", "Inspired by nature."] },
  },
  {
    code: "RESTRICTED_TOBACCO_NICOTINE",
    severity: "blocking",
    label: "Tobacco or nicotine product",
    message: "The product looks like tobacco, nicotine or vaping goods, which TikTok Shop prohibits (age-restricted).",
    fix: "Do not list this product on TikTok Shop.",
    source: "TikTok Shop Prohibited Products Policy — tobacco, e-cigarettes and related products",
    patterns: [String.raw`tobacco`, String.raw`nicotine`, String.raw`e-?cig(arette)?s?`, String.raw`vapes?`, String.raw`vape (pen|juice|liquid)s?`, String.raw`cigar(ette)?s?`, String.raw`hookahs?`, String.raw`shisha`, String.raw`e-?liquids?`],
    examples: { positive: ["Disposable vape pen, mint flavour.", "Premium cigars gift box.", "Nicotine pouches"], negative: ["Nicotine-free herbal tea.", "Contains no nicotine.", "Vapor rub for chest (menthol)."] },
  },
  {
    code: "RESTRICTED_CANNABIS_CBD",
    severity: "blocking",
    label: "Cannabis or CBD product",
    message: "The product looks like a cannabis, CBD, THC or kratom product, which TikTok Shop prohibits.",
    fix: "Do not list this product on TikTok Shop.",
    source: "TikTok Shop Prohibited Products Policy — drugs, CBD and controlled substances",
    patterns: [String.raw`cbd`, String.raw`thc`, String.raw`cannabis`, String.raw`marijuana`, String.raw`delta[- ]?[89]`, String.raw`kratom`, String.raw`cannabidiol`],
    examples: { positive: ["Full-spectrum CBD oil 1000mg.", "Delta-8 gummies."], negative: ["Hemp seed oil soap.", "THC-free formula.", "Organic hemp hearts."] },
  },
  {
    code: "RESTRICTED_ALCOHOL",
    severity: "blocking",
    label: "Alcoholic beverage",
    message: "The product looks like an alcoholic drink, which TikTok Shop prohibits (age-restricted).",
    fix: "Do not list alcoholic drinks on TikTok Shop.",
    source: "TikTok Shop Prohibited Products Policy — alcohol",
    patterns: [
      String.raw`alcoholic (beverages?|drinks?)`,
      String.raw`wines?(?! (glass|glasses|rack|racks|opener|openers|stopper|stoppers|red|colou?r|cooler|tote|charm|charms|aerator|decanter|bottle opener))`,
      String.raw`vodka`, String.raw`whiske?y`, String.raw`tequila`, String.raw`liquors?`, String.raw`bourbon`, String.raw`champagne(?! (colou?r|gold|flute|flutes|glass|glasses))`,
      String.raw`(?<!(root|ginger) )beers?(?! (mug|mugs|glass|glasses|opener|openers|koozie|can cooler))`,
    ],
    unlessInSentence: [String.raw`\b(non-?alcoholic|alcohol-?free|0\.0%)\b`],
    examples: { positive: ["A bottle of Napa red wine.", "Craft beer six-pack.", "Small-batch bourbon."], negative: ["Crystal wine glasses, set of 4.", "Ginger beer syrup.", "Cetearyl Alcohol, Polyvinyl Alcohol.", "No alcohol, unlike most cleaners."] },
  },
  {
    code: "CLAIM_SKIN_WHITENING",
    severity: "warning",
    label: "Skin whitening claim",
    message: "The text claims skin whitening or bleaching. TikTok restricts these claims and prohibits bleaching agents such as hydroquinone.",
    fix: "Use neutral wording such as \"even-looking tone\" and make sure no prohibited ingredient is used.",
    source: "TikTok Shop Prohibited and Restricted Products Policy — cosmetics (skin whitening); FDA import alert 66-38 (skin products with mercury)",
    patterns: [String.raw`skin (whitening|bleaching|lightening)`, String.raw`whiten(s|ing)? (your )?skin`, String.raw`bleach(es|ing)? (your )?skin`, String.raw`hydroquinone`],
    examples: { positive: ["Skin whitening cream.", "Whitens skin in 7 days."], negative: ["Promotes a radiant, even-looking tone.", "Teeth whitening strips."] },
  },
];
