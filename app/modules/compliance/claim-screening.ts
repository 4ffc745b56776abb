// Screens merchant text (title, description, image alt text) against the claim rules. Context decides:
// required legal text is removed first, matches are checked for negation and for the context words a
// rule requires, so "cured leather" or "not intended to … cure … any disease" never fire.
import type { Finding } from "../listing/finding";
import { CLAIM_RULES, REQUIRED_TEXT_PATTERNS, type ClaimRule } from "./claim-rules";
import { htmlToText, splitSentences } from "./plain-text";

export interface ScreenedText {
  field: string;
  /** Plain text or HTML (set `html`). */
  text: string;
  html?: boolean;
}

interface CompiledRule {
  rule: ClaimRule;
  patterns: RegExp[];
  nearby: RegExp[];
  unless: RegExp[];
}

// Word boundaries that also work next to apostrophes and hyphens.
const wrap = (source: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, "giu");

const REQUIRED_TEXT = REQUIRED_TEXT_PATTERNS.map((p) => new RegExp(p, "giu"));
const NEGATIONS = new Set(["not", "no", "never", "non", "without", "don't", "doesn't", "isn't", "won't", "cannot", "can't", "nor", "zero", "free"]);

export function compileRules(rules: readonly ClaimRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    patterns: rule.patterns.map(wrap),
    nearby: (rule.requiresNearby?.patterns ?? []).map(wrap),
    unless: (rule.unlessInSentence ?? []).map((p) => new RegExp(p, "iu")),
  }));
}

const COMPILED_DEFAULT = compileRules(CLAIM_RULES);

function wordIndexAt(sentence: string, offset: number): number {
  const before = sentence.slice(0, offset).match(/\S+/g);
  return before ? before.length : 0;
}

function isNegated(sentence: string, start: number, end: number): boolean {
  const previous = (sentence.slice(0, start).toLowerCase().replace(/[’]/g, "'").match(/[\p{L}']+/gu) ?? []).slice(-3);
  if (previous.some((w) => NEGATIONS.has(w))) return true;
  return /^[-\s]?(free|less)\b/i.test(sentence.slice(end));
}

/** Removes required legal text (supplement disclaimer, Prop 65) so its words are not read as claims. */
export function removeRequiredText(text: string): string {
  return REQUIRED_TEXT.reduce((t, re) => t.replace(re, " "), text);
}

export interface ClaimMatch {
  rule: ClaimRule;
  excerpt: string;
}

export function findClaims(text: string, rules: readonly CompiledRule[] = COMPILED_DEFAULT): ClaimMatch[] {
  const sentences = splitSentences(removeRequiredText(text));
  const matches: ClaimMatch[] = [];
  for (const compiled of rules) {
    let found: string | null = null;
    for (const sentence of sentences) {
      if (compiled.unless.some((re) => re.test(sentence))) continue;
      for (const re of compiled.patterns) {
        re.lastIndex = 0;
        for (const m of sentence.matchAll(re)) {
          const start = m.index ?? 0;
          const end = start + m[0].length;
          if (isNegated(sentence, start, end)) continue;
          if (compiled.nearby.length > 0) {
            const at = wordIndexAt(sentence, start);
            const within = compiled.rule.requiresNearby!.withinWords;
            const near = compiled.nearby.some((nre) => [...sentence.matchAll(nre)].some((n) => Math.abs(wordIndexAt(sentence, n.index ?? 0) - at) <= within));
            if (!near) continue;
          }
          found = sentence;
          break;
        }
        if (found) break;
      }
      if (found) break;
    }
    if (found) matches.push({ rule: compiled.rule, excerpt: found.length > 160 ? `${found.slice(0, 157)}…` : found });
  }
  return matches;
}

/** One finding per rule and field, quoting the first sentence that triggered it. */
export function screenClaims(texts: readonly ScreenedText[], rules: readonly CompiledRule[] = COMPILED_DEFAULT): Finding[] {
  const findings: Finding[] = [];
  for (const { field, text, html } of texts) {
    const plain = html ? htmlToText(text) : text;
    for (const { rule, excerpt } of findClaims(plain, rules)) {
      findings.push({ code: rule.code, severity: rule.severity, field, message: `${rule.label}: ${rule.message} Found: "${excerpt}"`, fix: rule.fix, source: rule.source });
    }
  }
  return findings;
}
