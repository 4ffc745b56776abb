// Description: Shopify HTML → the HTML TikTok accepts (contract §10). In strict mode only the old whitelist
// (p img ul ol li br strong b i em u) is emitted; headings and divs become paragraphs; styles, spans and
// links are unwrapped; scripts, iframes and embeds are dropped (and reported). Images are rewritten to
// TikTok-hosted URLs (or placeholders until uploaded).
import sanitizeHtml from "sanitize-html";
import { blocking, warning, type Finding } from "./finding";
import { LIMITS_SOURCE, LISTING_LIMITS } from "./listing-limits";
import { resolveImage, type ImageRef, type UploadedImages } from "./image-refs";

const STRICT_TAGS = ["p", "img", "ul", "ol", "li", "br", "strong", "b", "i", "em", "u"];
const LENIENT_EXTRA = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th", "blockquote"];
/** Tags whose text survives unwrapped: no content is lost, only formatting. */
const FORMATTING_ONLY = new Set(["span", "div", "a", "font", "section", "article", "header", "footer", "small", "sup", "sub", "s", "strike", "del", "mark", "code", "pre", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "main", "center", "abbr", "cite", "q", "time", "label", "figure", "figcaption", "html", "body", "meta", "tbody", "thead"]);

export interface DescriptionResult {
  html: string;
  images: ImageRef[];
  /** Alt texts of description images (screened for claims). */
  altTexts: string[];
  findings: Finding[];
}

export function sanitizeDescription(rawHtml: string, options: { strict: boolean; uploads?: UploadedImages; knownSizes?: ReadonlyMap<string, { width: number; height: number }> }): DescriptionResult {
  const findings: Finding[] = [];
  const droppedTags = new Set<string>();
  const images: ImageRef[] = [];
  const altTexts: string[] = [];
  const allowedTags = options.strict ? STRICT_TAGS : [...STRICT_TAGS, ...LENIENT_EXTRA];
  const toParagraph = (tag: string) => (options.strict ? "p" : tag);

  let html = sanitizeHtml(rawHtml, {
    allowedTags,
    allowedAttributes: { img: ["src", "width", "height"] },
    allowedSchemes: ["https", "http", PENDING_SCHEME],
    transformTags: {
      h1: toParagraph("h1"), h2: toParagraph("h2"), h3: toParagraph("h3"), h4: toParagraph("h4"), h5: toParagraph("h5"), h6: toParagraph("h6"),
      img: (tagName, attribs) => {
        const src = attribs.src ?? "";
        if (attribs.alt) altTexts.push(attribs.alt);
        if (!/^https?:\/\//i.test(src) || images.length >= LISTING_LIMITS.descriptionMaxImages) {
          if (src) droppedTags.add(images.length >= LISTING_LIMITS.descriptionMaxImages ? "img (over 30)" : "img (not a web image)");
          return { tagName: "drop-image", attribs: {} };
        }
        const ref = resolveImage(options.uploads, "DESCRIPTION_IMAGE", src);
        images.push(ref);
        const upload = options.uploads?.[`DESCRIPTION_IMAGE ${src}`] ?? options.uploads?.[src];
        const size = upload ? { width: upload.width, height: upload.height } : options.knownSizes?.get(src);
        const out: Record<string, string> = { src: ref.reference };
        if (size) {
          out.width = String(size.width);
          out.height = String(size.height);
        }
        return { tagName, attribs: out };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "drop-image" || ((frame.tag === "p" || frame.tag === "li") && frame.text.trim().length === 0 && !frame.mediaChildren.length),
    onOpenTag: (name) => {
      if (!allowedTags.includes(name) && !FORMATTING_ONLY.has(name) && name !== "img") droppedTags.add(name);
    },
  } as sanitizeHtml.IOptions & { onOpenTag: (name: string) => void });

  // Old TikTok rule: no block inside a list item; Shopify's editor often wraps li text in p.
  html = html.replace(/<li>\s*<p>/g, "<li>").replace(/<\/p>\s*<\/li>/g, "</li>").replace(/<br \/>/g, "<br>").trim();
  // A plain-text body (older Shopify exports) becomes one paragraph, with its line breaks kept.
  if (html.length > 0 && !/<(p|ul|ol)\b/.test(html)) html = `<p>${html.replace(/\r?\n/g, "<br>")}</p>`;

  if (droppedTags.size > 0) {
    findings.push(warning("DESCRIPTION_CONTENT_REMOVED", "description", `Parts of the description TikTok does not accept were removed: ${[...droppedTags].sort().join(", ")}.`, "Check the description on TikTok after sync; move videos, tables or embeds into images if they matter.", { tiktokErrorCode: "12052345", source: LIMITS_SOURCE }));
  }
  const text = html.replace(/<[^>]*>/g, "").trim();
  if (text.length === 0 && images.length === 0) {
    findings.push(blocking("DESCRIPTION_MISSING", "description", "The product has no description; TikTok requires one.", "Write a description for the product in Shopify (what it is, materials, size, how to use it)."));
  }
  if (html.length > LISTING_LIMITS.descriptionMaxChars) {
    findings.push(blocking("DESCRIPTION_TOO_LONG", "description", `The description is ${html.length} characters after cleanup; TikTok allows ${LISTING_LIMITS.descriptionMaxChars}.`, `Shorten the description to ${LISTING_LIMITS.descriptionMaxChars} characters (including formatting).`, { source: LIMITS_SOURCE }));
  }
  return { html, images, altTexts, findings };
}

const PENDING_SCHEME = "pending-upload";
