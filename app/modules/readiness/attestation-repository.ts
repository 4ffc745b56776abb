// The merchant's eligibility confirmations, kept with who confirmed, when and which wording.
import type { Database } from "../../db.server";
import { ATTESTATION_TEXT, type Attestation, type AttestationKind } from "./eligibility-rules";

export function createAttestationRepository(db: Database) {
  return {
    async record(shop: string, kind: AttestationKind, attestedBy: string, at = new Date()): Promise<Attestation> {
      const { version, text } = ATTESTATION_TEXT[kind];
      const row = await db.readinessAttestation.create({ data: { shop, kind, attestedBy, attestedAt: at, textVersion: version, text } });
      return { kind, attestedBy: row.attestedBy, attestedAt: row.attestedAt, textVersion: row.textVersion };
    },

    /** The newest confirmation of each kind. */
    async latest(shop: string): Promise<Partial<Record<AttestationKind, Attestation>>> {
      const rows = await db.readinessAttestation.findMany({ where: { shop }, orderBy: { attestedAt: "desc" } });
      const latest: Partial<Record<AttestationKind, Attestation>> = {};
      for (const row of rows) {
        const kind = row.kind as AttestationKind;
        latest[kind] ??= { kind, attestedBy: row.attestedBy, attestedAt: row.attestedAt, textVersion: row.textVersion };
      }
      return latest;
    },
  };
}

export type AttestationRepository = ReturnType<typeof createAttestationRepository>;
