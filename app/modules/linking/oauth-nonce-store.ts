import type { Database } from "../../db.server";
import type { NonceStore } from "../../integrations/tiktok";

/** Each OAuth state nonce is accepted once (insert wins); expired nonces are swept as new ones arrive. */
export function createOAuthNonceStore(db: Database, now: () => Date = () => new Date()): NonceStore {
  return {
    async consumeOnce(nonce, expiresAt) {
      await db.oAuthNonce.deleteMany({ where: { expiresAt: { lt: now() } } });
      try {
        await db.oAuthNonce.create({ data: { nonce, expiresAt } });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") return false;
        throw error;
      }
    },
  };
}
