import type { TikTokResult } from "./tiktok-envelope";
import type { TikTokRequest } from "./tiktok-transport";

/** Sends one request on behalf of a shop (auth and cipher already bound). Endpoint modules receive this. */
export type ShopCall = <T>(request: TikTokRequest<T>) => Promise<TikTokResult<T>>;

export function assertBatchSize(what: string, items: readonly unknown[], max: number, min = 1): void {
  if (items.length < min || items.length > max) {
    throw new RangeError(`${what}: TikTok accepts ${min}–${max} per call, got ${items.length}`);
  }
}
