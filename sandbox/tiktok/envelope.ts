import type { ServerResponse } from "node:http";

export interface Envelope {
  code: number;
  message: string;
  request_id: string;
  data?: unknown;
}

export function successEnvelope(requestId: string, data: unknown): Envelope {
  return { code: 0, message: "Success", request_id: requestId, data: data ?? {} };
}

export function errorEnvelope(requestId: string, code: number, message: string): Envelope {
  return { code, message, request_id: requestId, data: {} };
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
  res.end(html);
}
