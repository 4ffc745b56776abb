import type { ShopifyProduct } from "../../modules/listing/shopify-product";

// The product shape the listing mapper consumes (app/modules/listing/shopify-product.ts mirrors it field by
// field). Connection sizes keep the query under Shopify's single-query cost limit of 1,000 (the sandbox
// computes it as Shopify does): at most 100 variants (TikTok's US SKU limit), one image per variant, 20
// product images (TikTok takes 9). Shopify charges the requested size, so callers pass `$variants` as the
// product's variant count (read-product.ts), and `variantsCount` tells when that was too few.
// Stock per location is not here: PRODUCT_STOCK_QUERY pages it separately and
// app/modules/catalog/read-product.ts merges it into `inventoryItem.inventoryLevels`.
// Package dimensions live in the `tiktok` namespace as Shopify `dimension` metafields.
// Product and variant images: the same fields wherever media is read.
export const MEDIA_FOR_LISTING_FRAGMENT = /* GraphQL */ `
  fragment MediaForListing on Media {
    __typename
    id
    ... on MediaImage {
      alt
      image {
        url
        width
        height
        altText
      }
    }
  }
`;

// The product's own fields and each variant's, shared by this query and the catalog's bulk export (the
// export must return exactly what a read returns: the catalog snapshot stands in for a read).
export const PRODUCT_LISTING_FIELDS_FRAGMENT = /* GraphQL */ `
  fragment ProductListingFields on Product {
    id
    handle
    title
    descriptionHtml
    vendor
    productType
    tags
    status
    isGiftCard
    updatedAt
    category {
      id
      fullName
    }
    options(first: 3) {
      name
      position
      linkedMetafield {
        namespace
        key
      }
      optionValues {
        name
      }
    }
    packageLength: metafield(namespace: "tiktok", key: "package_length") {
      type
      value
    }
    packageWidth: metafield(namespace: "tiktok", key: "package_width") {
      type
      value
    }
    packageHeight: metafield(namespace: "tiktok", key: "package_height") {
      type
      value
    }
    variantsCount {
      count
    }
  }
`;

export const VARIANT_LISTING_FIELDS_FRAGMENT = /* GraphQL */ `
  fragment VariantListingFields on ProductVariant {
    id
    title
    position
    sku
    price
    compareAtPrice
    barcode
    inventoryPolicy
    inventoryQuantity
    selectedOptions {
      name
      value
    }
    inventoryItem {
      id
      tracked
      requiresShipping
      measurement {
        weight {
          unit
          value
        }
      }
    }
  }
`;

/** Stock at one location, wherever levels are read (per product, or in the catalog's variants export). */
export const STOCK_LEVEL_FRAGMENT = /* GraphQL */ `
  fragment StockLevelFields on InventoryLevel {
    updatedAt
    location {
      id
      name
    }
    quantities(names: ["available"]) {
      name
      quantity
    }
  }
`;

export const PRODUCT_FOR_LISTING_FRAGMENT = /* GraphQL */ `
  fragment ProductForListing on Product {
    ...ProductListingFields
    collections(first: 5) {
      nodes {
        id
        handle
        title
      }
    }
    media(first: 20) {
      nodes {
        ...MediaForListing
      }
    }
    metafields(first: 20) {
      nodes {
        namespace
        key
        type
        value
      }
    }
    variants(first: $variants) {
      nodes {
        ...VariantListingFields
        media(first: 1) {
          nodes {
            ...MediaForListing
          }
        }
      }
    }
  }
`;

export const PRODUCT_FOR_LISTING_QUERY = /* GraphQL */ `
  query productForListing($id: ID!, $variants: Int = 100) {
    product(id: $id) {
      ...ProductForListing
    }
  }
  ${PRODUCT_FOR_LISTING_FRAGMENT}
  ${PRODUCT_LISTING_FIELDS_FRAGMENT}
  ${VARIANT_LISTING_FIELDS_FRAGMENT}
  ${MEDIA_FOR_LISTING_FRAGMENT}
`;


/** The result of PRODUCT_FOR_LISTING_QUERY. */
export interface ProductForListingResult {
  product: ShopifyProduct | null;
}

export type { ShopifyProduct };
