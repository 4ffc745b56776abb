// Barcodes → TikTok identifier codes (contract §4.2: GTIN 14 | EAN 8/13/14 | UPC 12 | ISBN 13 | JAN 8/13),
// accepted only with a valid GS1 check digit so a typo never reaches TikTok.

export type IdentifierType = "GTIN" | "EAN" | "UPC" | "ISBN" | "JAN";

export function hasValidGs1CheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 8) return false;
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

export function identifierCodeFor(barcode: string | null, region: string): { code: string; type: IdentifierType } | null {
  if (!barcode) return null;
  const code = barcode.replace(/[\s-]/g, "");
  if (![8, 12, 13, 14].includes(code.length) || !hasValidGs1CheckDigit(code)) return null;
  if (code.length === 12) return { code, type: "UPC" };
  if (code.length === 14) return { code, type: "GTIN" };
  if (code.length === 13 && (code.startsWith("978") || code.startsWith("979"))) return { code, type: "ISBN" };
  if (region === "JP" && (code.startsWith("45") || code.startsWith("49"))) return { code, type: "JAN" };
  return { code, type: "EAN" };
}
