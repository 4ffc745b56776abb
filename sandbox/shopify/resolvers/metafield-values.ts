// Whether a metafield value is valid for its type (the types the sandbox checks; others are refused).
const METAFIELD_TYPE_CHECKS: Record<string, (value: string) => boolean> = {
  single_line_text_field: (v) => !/[\r\n]/.test(v),
  multi_line_text_field: () => true,
  number_integer: (v) => /^-?\d+$/.test(v),
  number_decimal: (v) => /^-?\d+(\.\d+)?$/.test(v),
  boolean: (v) => v === "true" || v === "false",
  json: (v) => { try { JSON.parse(v); return true; } catch { return false; } },
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  date_time: (v) => !Number.isNaN(Date.parse(v)),
  url: (v) => /^(https?|mailto|sms|tel):/.test(v),
  color: (v) => /^#[0-9a-fA-F]{6}$/.test(v),
};

export function validMetafieldValue(type: string, value: string): boolean {
  if (type.startsWith("list.")) {
    try {
      const parsed: unknown = JSON.parse(value);
      const inner = METAFIELD_TYPE_CHECKS[type.slice(5)];
      return Array.isArray(parsed) && (!inner || parsed.every((x) => inner(String(x))));
    } catch {
      return false;
    }
  }
  const check = METAFIELD_TYPE_CHECKS[type];
  return check ? check(value) : false;
}
