// What every mutation resolver shares: the userError shape and the refusal of input the sandbox does not model.
import { GraphQLError } from "graphql";

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export function unsupported(field: string, keys: string[]): never {
  throw new GraphQLError(`Input field(s) ${keys.map((k) => `'${k}'`).join(", ")} of '${field}' are not supported by the sandbox`, {
    extensions: { code: "NOT_SUPPORTED_BY_SANDBOX" },
  });
}

export function rejectUnsupported(field: string, input: Record<string, unknown>, supported: string[]): void {
  // Input fields with schema defaults (e.g. deleteConflictingConstrainedMetafields: false) arrive even when not sent.
  const extra = Object.keys(input).filter((k) => !supported.includes(k) && input[k] !== undefined && input[k] !== null && input[k] !== false);
  if (extra.length) unsupported(field, extra);
}
