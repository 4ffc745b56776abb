export interface Finding {
  code: number;
  field: string;
  message: string;
}

const ALLOWED = new Set(["p", "img", "ul", "ol", "li", "br", "strong", "b", "i", "em", "u"]);
const VOID = new Set(["img", "br"]);
const BLOCK = new Set(["p", "ul", "ol", "li"]);
export const MAX_DESCRIPTION_CHARS = 10_000;
export const MAX_DESCRIPTION_IMAGES = 30;

/**
 * Strict-mode description check (§10, older TikTok whitelist): only p img ul ol li br strong b i em u; block tags
 * are not nested except li directly inside ul/ol; img needs src/width/height (≤4000 px) and a TikTok image URL.
 */
export function checkDescriptionHtml(html: string, isTikTokImage: (src: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  const add = (code: number, message: string) => findings.push({ code, field: "description", message });
  if ([...html].length > MAX_DESCRIPTION_CHARS) add(12052013, `The product description cannot exceed ${MAX_DESCRIPTION_CHARS} characters.`);
  if (/[\u4e00-\u9fff]/.test(html)) add(12052346, "The product description has Chinese characters.");
  const stack: string[] = [];
  let images = 0;
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    if (/[<>]/.test(html.slice(last, m.index))) add(12052344, "The product description html syntax with error (stray '<' or '>').");
    last = tagRe.lastIndex;
    const closing = m[1] === "/";
    const tag = m[2]!.toLowerCase();
    if (!ALLOWED.has(tag)) {
      add(12052345, `The product description html tag <${tag}> is not supported.`);
      continue;
    }
    if (closing) {
      if (VOID.has(tag)) continue;
      if (stack[stack.length - 1] !== tag) {
        add(12052344, `The product description html syntax with error: unexpected </${tag}>.`);
        const at = stack.lastIndexOf(tag);
        if (at >= 0) stack.length = at;
        continue;
      }
      stack.pop();
      continue;
    }
    const attrs = parseAttributes(m[3] ?? "");
    const parent = stack[stack.length - 1];
    if (BLOCK.has(tag) && parent !== undefined) {
      const listItem = tag === "li" && (parent === "ul" || parent === "ol");
      if (!listItem) add(12052349, `The product description html tag <${tag}> cannot be nested inside <${parent}>.`);
    }
    if (tag === "li" && parent !== "ul" && parent !== "ol") add(12052349, "The product description html tag <li> must be inside <ul> or <ol>.");
    if ((parent === "ul" || parent === "ol") && tag !== "li") add(12052349, `<${parent}> may only contain <li>.`);
    if (tag === "img") {
      images++;
      for (const name of attrs.keys()) if (!["src", "width", "height", "alt"].includes(name)) add(12052350, `The img tag contains an illegal attribute '${name}'.`);
      const src = attrs.get("src");
      const width = attrs.get("width");
      const height = attrs.get("height");
      if (!src || !width || !height) {
        add(12052348, "The product description html tag required attribute is missing: img needs src, width and height.");
      } else {
        if (!isTikTokImage(src)) add(12052340, `Product description image uri illegal: ${src} is not an image uploaded to TikTok Shop.`);
        if (!/^\d+$/.test(width) || !/^\d+$/.test(height) || Number(width) > 4000 || Number(height) > 4000 || Number(width) < 1 || Number(height) < 1) {
          add(12052341, "The description image size must be 1-4000 px wide and high.");
        }
      }
    } else if (attrs.size > 0) {
      add(12052350, `The product description html tag <${tag}> contains illegal attributes (${[...attrs.keys()].join(", ")}).`);
    }
    if (!VOID.has(tag) && m[4] !== "/") stack.push(tag);
  }
  if (/[<>]/.test(html.slice(last))) add(12052344, "The product description html syntax with error (stray '<' or '>').");
  if (stack.length > 0) add(12052344, `The product description html syntax with error: <${stack[stack.length - 1]}> is not closed.`);
  if (images > MAX_DESCRIPTION_IMAGES) add(12052056, `The number of images in the description cannot exceed ${MAX_DESCRIPTION_IMAGES}.`);
  return findings;
}

function parseAttributes(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  return attrs;
}

/** Plain text of a description (for claim screening). */
export function descriptionText(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
}
