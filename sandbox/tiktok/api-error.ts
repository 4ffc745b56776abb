/** A refusal answered with TikTok's envelope: `code` is TikTok's error code, `httpStatus` the transport status. */
export class TikTokApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = "TikTokApiError";
  }
}

export const HTTP_UNAUTHORIZED = 401;
export const HTTP_BAD_REQUEST = 400;

/** Shorthand used by validators: a business-rule violation answered with HTTP 200 and a non-zero code. */
export function businessError(code: number, message: string): TikTokApiError {
  return new TikTokApiError(code, message, 200);
}
