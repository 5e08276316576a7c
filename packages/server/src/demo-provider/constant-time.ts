// String comparison that takes the same time wherever the first difference is.
import { timingSafeEqual } from 'node:crypto';

export function equalsInConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
