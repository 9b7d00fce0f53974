import { text } from "../values/json-value.js";
import { asObject } from "./json-field.js";
import { parseFaceValueWei } from "./face-value-wei.js";
import type { ParseContext } from "./parse-context.js";
import type { RawPaymentEventRow, TypedRows } from "./raw-rows.js";

/**
 * `create_new_payment` → one `raw_payment_events` row (events.md §8.7): the payment fields as
 * received (`text`, `""` default; addresses not normalized) plus `face_value_wei` parsed from
 * `faceValue` (null when not an integer wei amount; the row is still written).
 */
export function parseCreateNewPayment(ctx: ParseContext): TypedRows {
  const d = asObject(ctx.data);
  const faceValue = d?.["faceValue"];
  const row: RawPaymentEventRow = {
    event_timestamp: ctx.base.event_timestamp,
    raw_event_uid: ctx.base.raw_event_uid,
    org: ctx.base.org,
    gateway: ctx.base.gateway,
    raw_json: ctx.base.raw_json,
    request_id: text(d?.["requestID"]),
    session_id: text(d?.["sessionID"]),
    manifest_id: text(d?.["manifestID"]),
    sender: text(d?.["sender"]),
    recipient: text(d?.["recipient"]),
    orchestrator: text(d?.["orchestrator"]),
    face_value: text(faceValue),
    face_value_wei: parseFaceValueWei(faceValue),
    price: text(d?.["price"]),
    num_tickets: text(d?.["numTickets"]),
    win_prob: text(d?.["winProb"]),
    client_ip: text(d?.["clientIP"]),
    capability: text(d?.["capability"]),
  };
  return { raw_payment_events: [row] };
}
