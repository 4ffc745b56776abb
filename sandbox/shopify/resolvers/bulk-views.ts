// BulkOperation as the Admin API reports it.
import type { StoredBulkOperation } from "../store";
import type { ResolverContext } from "./resolver-context";

export function bulkOperationView(ctx: ResolverContext, op: StoredBulkOperation) {
  return {
    __typename: "BulkOperation",
    id: op.id,
    status: op.status,
    type: "QUERY",
    query: op.query,
    errorCode: op.errorCode,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url: op.resultPath ? `${ctx.origin}${op.resultPath}` : null,
    partialDataUrl: null,
  };
}
