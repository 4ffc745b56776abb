import { businessError } from "./api-error";

/** Small readers for JSON bodies and query values; wrong shapes answer 12052910 (invalid input parameters). */
export function asObject(value: unknown, what = "request body"): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw businessError(12052910, `Invalid input parameters: ${what} must be an object.`);
  return value as Record<string, unknown>;
}

export function optionalString(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw businessError(12052910, `Invalid input parameters: ${key} must be a string.`);
  return v;
}

export function stringArray(obj: Record<string, unknown>, key: string): string[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw businessError(12052910, `Invalid input parameters: ${key} must be an array of strings.`);
  return v as string[];
}

export function optionalInt(obj: Record<string, unknown>, key: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw businessError(12052910, `Invalid input parameters: ${key} must be an integer.`);
  return v;
}

/** page_size: required, 1–100 (search endpoints). */
export function pageSize(query: Map<string, string>, code = 12019109): number {
  const raw = query.get("page_size");
  if (raw === undefined || !/^\d+$/.test(raw)) throw businessError(code, "page size is invalid: page_size is required (1-100).");
  const n = Number(raw);
  if (n < 1 || n > 100) throw businessError(code, "page size is invalid: page_size must be between 1 and 100.");
  return n;
}

/** Opaque page tokens: base64url of the next offset. */
export function encodePageToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  const decoded = Buffer.from(token, "base64url").toString("utf8");
  const m = /^o:(\d+)$/.exec(decoded);
  if (!m) throw businessError(12019108, "page token is invalid.");
  return Number(m[1]);
}
