// Moving units between inventory states at one location (available ↔ reserved): how a TikTok sale keeps
// the webstore from selling the same units during TikTok's hold. Shopify requires @idempotent here (2026-04+).
export const INVENTORY_MOVE_MUTATION = /* GraphQL */ `
  mutation TikTokInventoryMove($input: InventoryMoveQuantitiesInput!, $key: String!) {
    inventoryMoveQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup {
        id
        changes {
          name
          delta
          quantityAfterChange
          item {
            id
          }
          location {
            id
          }
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export interface InventoryMoveTerminal {
  locationId: string;
  name: "available" | "reserved";
  changeFromQuantity?: number | null;
  ledgerDocumentUri?: string;
}

export interface InventoryMoveChange {
  inventoryItemId: string;
  quantity: number;
  from: InventoryMoveTerminal;
  to: InventoryMoveTerminal;
}

export interface InventoryMoveResult {
  inventoryMoveQuantities: {
    inventoryAdjustmentGroup: {
      id: string;
      changes: Array<{
        name: string;
        delta: number;
        quantityAfterChange: number | null;
        item: { id: string };
        location: { id: string };
      }>;
    } | null;
    userErrors: Array<{ code: string | null; field: string[] | null; message: string }>;
  };
}
