// Reads a JSON request body. Size is capped earlier by the body-limit middleware (413).
import type { Context } from 'hono';
import { ApiError } from './api-error.js';

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(400, 'bad_request', 'Send the body as application/json.');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_request', 'The body is not valid JSON.');
  }
}
