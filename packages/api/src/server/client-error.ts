import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { PROBLEM_CONTENT_TYPE } from "../http/problem.js";

/**
 * Answers requests Node's HTTP parser rejects before any route runs (a URL or headers over the
 * size limit → 431, a timeout → 408, unparsable → 400) with a problem document too, then closes
 * the connection. `instance` is empty: the request line was never read in full.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const status =
    err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const id = randomUUID();
  const body = JSON.stringify({
    type: "about:blank",
    title: STATUS_CODES[status],
    status,
    detail: status === 431 ? "request line or headers too large" : "malformed request",
    instance: "",
    request_id: id,
  });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
