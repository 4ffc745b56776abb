import type { ShopifyProduct } from "../../modules/listing/shopify-product";

// The product shape the listing mapper consumes (app/modules/listing/shopify-product.ts mirrors it field by
// field). Connection sizes are explicit: TikTok accepts at most 300 SKUs and 9 main images, Shopify allows
// 2,048 variants, so a product above 250 variants is reported by the mapper as over TikTok's limit anyway.
// Package dimensions live in the `tiktok` namespace as Shopify `dimension` metafields.
export const PRODUCT_FOR_LISTING_FRAGMENT = /* GraphQL */ `
  fragment ProductForListing on Product {
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
    collections(first: 50) {
      nodes {
        id
        handle
        title
      }
    }
    media(first: 50) {
      nodes {
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
    metafields(first: 100) {
      nodes {
        namespace
        key
        type
        value
      }
    }
    variants(first: 250) {
      nodes {
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
        media(first: 10) {
          nodes {
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
          inventoryLevels(first: 50) {
            nodes {
              location {
                id
                name
              }
              quantities(names: ["available"]) {
                name
                quantity
              }
            }
          }
        }
      }
    }
  }
`;

export const PRODUCT_FOR_LISTING_QUERY = /* GraphQL */ `
  query productForListing($id: ID!) {
    product(id: $id) {
      ...ProductForListing
    }
  }
  ${PRODUCT_FOR_LISTING_FRAGMENT}
`;


/** The result of PRODUCT_FOR_LISTING_QUERY. */
export interface ProductForListingResult {
  product: ShopifyProduct | null;
}

export type { ShopifyProduct };
