// Job (what asynchronous mutations hand back, polled with job(id:)) and orderCancel's OrderCancelJobResult.
// They read the job when asked, so a later query sees done: true once the job ran.
import type { StoredJob } from "../store-orders";
import { orderView } from "./order-views";
import type { ResolverContext } from "./resolver-context";

export function jobView(job: StoredJob) {
  return { __typename: "Job", id: job.id, done: () => job.done };
}

export function cancelJobResultView(ctx: ResolverContext, job: StoredJob) {
  return {
    __typename: "OrderCancelJobResult",
    id: job.id,
    done: () => job.done,
    status: () => job.status,
    errors: () => job.errors.map((e) => ({ __typename: "OrderCancelUserError", ...e })),
    order: () => {
      const order = ctx.store.orders.orders.get(job.orderId);
      return order ? orderView(ctx, order) : null;
    },
  };
}
