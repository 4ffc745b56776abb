import type { Order } from "./model";
import { recipientAddressView } from "./recipient-address";
import type { Simulator } from "./simulator";

/** An order as Get Order Detail / Search Orders answer it (§7 + orders-and-money §A); internal fields left out. */
export function orderView(sim: Simulator, o: Order) {
  const {
    shopId: _shop, stockReleased: _released, shipped_time: _shipped, onHoldSeconds: _hold, completedAt: _completed, externalOrders: _refs,
    recipient_address: _address, ...wire
  } = o;
  return {
    ...wire,
    recipient_address: recipientAddressView(o, sim.nowSeconds()),
    delivery_type: "HOME_DELIVERY", is_cod: false, order_type: "NORMAL", is_exchange_order: false, has_updated_recipient_address: false,
    payment_method_name: o.is_sample_order || o.is_replacement_order ? "" : "Credit/Debit card",
    rts_sla_time: o.create_time + 3 * 86_400, tts_sla_time: o.create_time + 5 * 86_400,
    line_items: o.line_items.map(({ warehouse_id: _w, shipped_time: _s, shipping_provider_id: _p, ...li }) => li),
  };
}
