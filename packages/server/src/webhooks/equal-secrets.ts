// Compares secrets and signatures in constant time (lengths differing is not a secret).
import { createHmac, timingSafeEqual } from 'node:crypto';

export function sameText(actual: string, expected: string): boolean {
  const left = Buffer.from(actual, 'utf8');
  const right = Buffer.from(expected, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function hmacSha256(secret: string, data: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}
