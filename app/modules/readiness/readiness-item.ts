// One line of the home page's readiness checklist. Every rule that judges whether a merchant can sell on
// TikTok returns these, computed from live data; the checklist only orders and renders them.

export type ReadinessStatus = "done" | "blocked" | "action_needed" | "pending" | "unknown";

export type ReadinessSection = "eligibility" | "linking" | "shop_setup" | "business_verification" | "policies" | "payments";

export interface ReadinessAction {
  label: string;
  /** An in-app path ("/app/settings") or an absolute deep link (Seller Center, Shopify admin). */
  url: string;
  external: boolean;
  /** When set, the step is an in-app form post with this intent (e.g. "connect-tiktok") rather than a link. */
  formIntent?: string;
}

export interface ReadinessItem {
  /** Stable key (tests and anchors), e.g. "eligibility.region". */
  id: string;
  section: ReadinessSection;
  title: string;
  status: ReadinessStatus;
  /** Plain language: what we found, e.g. "Your TikTok account has 640 followers; affiliate creators in the US need 1,000." */
  detail: string;
  /** Why this matters to selling on TikTok. */
  why: string;
  /** The exact next step when status is not "done". */
  nextStep: string | null;
  action: ReadinessAction | null;
  /** Where the rule comes from, when it is a policy (rules as data). */
  source?: { title: string; url: string; checkedOn: string };
}
