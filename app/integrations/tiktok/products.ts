import { randomUUID } from "node:crypto";
import type { TikTokResult } from "./tiktok-envelope";
import { assertBatchSize, type ShopCall } from "./tiktok-shop-call";
import {
  createProductResultSchema, editProductResultSchema, listingCheckResultSchema, productDetailSchema, searchProductsResultSchema,
  uploadedImageSchema,
  type TikTokCreateProductResult, type TikTokEditProductResult, type TikTokImageUseCase, type TikTokListingCheckResult,
  type TikTokProductBody, type TikTokProductDetail, type TikTokProductPartialBody, type TikTokProductSearchFilter,
  type TikTokProductSummary, type TikTokSearchProductsResult, type TikTokUploadedImage,
} from "./types/product";
import { batchResultSchema, type TikTokBatchResult } from "./types/tiktok-primitives";

export interface ProductSearchPaging {
  /** 1–100 (required by TikTok). */
  pageSize: number;
  pageToken?: string;
  categoryVersion?: "v1" | "v2";
}

export interface ImageUpload {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  useCase: TikTokImageUseCase;
}

/** Products API (contract §4.1). */
export function createProductsApi(call: ShopCall) {
  const batch = (path: string, productIds: string[], extra: Record<string, unknown> = {}) => {
    assertBatchSize(path, productIds, 20);
    return call({ method: "POST", path, body: { product_ids: productIds, ...extra }, schema: batchResultSchema, shopScoped: true, idempotent: true });
  };

  const search = (filter: TikTokProductSearchFilter, paging: ProductSearchPaging): Promise<TikTokResult<TikTokSearchProductsResult>> => {
    if (filter.seller_skus) assertBatchSize("seller_skus filter", filter.seller_skus, 10);
    return call({
      method: "POST", path: "/product/202309/products/search",
      query: { page_size: paging.pageSize, page_token: paging.pageToken, category_version: paging.categoryVersion },
      body: filter, schema: searchProductsResultSchema, shopScoped: true, idempotent: true,
    });
  };

  return {
    /** Creates a product; an `idempotency_key` is added when absent, so a retried create cannot list twice. */
    create(body: TikTokProductBody): Promise<TikTokResult<TikTokCreateProductResult>> {
      const withKey = body.idempotency_key ? body : { ...body, idempotency_key: randomUUID() };
      return call({ method: "POST", path: "/product/202309/products", body: withKey, schema: createProductResultSchema,
        shopScoped: true, idempotent: true });
    },

    /** Full replace: SKUs whose `id` is not listed are deleted; price/inventory kept when omitted. */
    edit(productId: string, body: TikTokProductBody): Promise<TikTokResult<TikTokEditProductResult>> {
      return call({ method: "PUT", path: "/product/202309/products/{product_id}", pathParams: { product_id: productId }, body,
        schema: editProductResultSchema, shopScoped: true, idempotent: true });
    },

    partialEdit(productId: string, body: TikTokProductPartialBody): Promise<TikTokResult<TikTokEditProductResult>> {
      return call({ method: "POST", path: "/product/202309/products/{product_id}/partial_edit", pathParams: { product_id: productId },
        body, schema: editProductResultSchema, shopScoped: true, idempotent: true });
    },

    get(productId: string, options: { returnUnderReviewVersion?: boolean; returnDraftVersion?: boolean; locale?: string } = {}):
      Promise<TikTokResult<TikTokProductDetail>> {
      if (options.returnUnderReviewVersion && options.returnDraftVersion) {
        throw new TypeError("get product: returnUnderReviewVersion and returnDraftVersion are mutually exclusive");
      }
      return call({ method: "GET", path: "/product/202309/products/{product_id}", pathParams: { product_id: productId },
        query: { return_under_review_version: options.returnUnderReviewVersion, return_draft_version: options.returnDraftVersion,
          locale: options.locale },
        schema: productDetailSchema, shopScoped: true, idempotent: true });
    },

    search,

    /** Every product matching `filter`, page after page, until TikTok returns no `next_page_token`. */
    async *searchAll(filter: TikTokProductSearchFilter, pageSize = 100): AsyncGenerator<TikTokProductSummary, void, undefined> {
      let pageToken: string | undefined;
      const seen = new Set<string>();
      do {
        const { data } = await search(filter, { pageSize, pageToken });
        yield* data.products;
        pageToken = data.next_page_token || undefined;
        // A token seen twice would loop forever; stop instead.
        if (pageToken !== undefined) {
          if (seen.has(pageToken)) throw new Error("TikTok product search returned the same page token twice");
          seen.add(pageToken);
        }
      } while (pageToken !== undefined);
    },

    delete(productIds: string[]): Promise<TikTokResult<TikTokBatchResult>> {
      assertBatchSize("delete products", productIds, 20);
      return call({ method: "DELETE", path: "/product/202309/products", body: { product_ids: productIds }, schema: batchResultSchema,
        shopScoped: true, idempotent: true });
    },
    activate: (productIds: string[]) => batch("/product/202309/products/activate", productIds),
    deactivate: (productIds: string[], listingPlatforms?: string[]) =>
      batch("/product/202309/products/deactivate", productIds, listingPlatforms ? { listing_platforms: listingPlatforms } : {}),
    recover: (productIds: string[]) => batch("/product/202309/products/recover", productIds),

    /** Dry-run of a create: `check_result` PASS/FAILED with `fail_reasons`. */
    listingCheck(body: TikTokProductBody): Promise<TikTokResult<TikTokListingCheckResult>> {
      return call({ method: "POST", path: "/product/202309/products/listing_check", body, schema: listingCheckResultSchema,
        shopScoped: true, idempotent: true });
    },

    /** Multipart upload; not shop-scoped (contract §1.1). Use `uri` in product bodies, `url` in description HTML. */
    uploadImage(image: ImageUpload): Promise<TikTokResult<TikTokUploadedImage>> {
      return call({
        method: "POST", path: "/product/202309/images/upload", shopScoped: false, idempotent: true, schema: uploadedImageSchema,
        multipart: () => {
          const form = new FormData();
          form.set("data", new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
          form.set("use_case", image.useCase);
          return form;
        },
      });
    },
  };
}

export type TikTokProductsApi = ReturnType<typeof createProductsApi>;
