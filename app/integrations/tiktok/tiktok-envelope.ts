import { z } from "zod";

/** Every TikTok answer (business and token endpoints) is this envelope (contract §2). */
export const tiktokEnvelopeSchema = z.looseObject({
  code: z.number().int(),
  message: z.string().default(""),
  request_id: z.string().optional(),
  data: z.unknown().optional(),
});

/** A successful call: the validated `data` plus what the envelope said, kept for logs and the sync timeline. */
export interface TikTokResult<T> {
  data: T;
  code: number;
  message: string;
  requestId: string;
  httpStatus: number;
}

/** Describes a Zod failure as "field.path: problem; …" so logs and errors say exactly what TikTok sent wrong. */
export function describeZodIssues(error: z.ZodError, limit = 5): string {
  const parts = error.issues.slice(0, limit).map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
  if (error.issues.length > limit) parts.push(`… ${error.issues.length - limit} more`);
  return parts.join("; ");
}
