// Slack signs each request with the app's signing secret: `X-Slack-Signature: v0=<hex
// HMAC-SHA256 of "v0:<X-Slack-Request-Timestamp>:<raw body>">`, and a request more than five
// minutes from now is refused as a possible replay
// (https://api.slack.com/authentication/verifying-requests-from-slack).
import { hmacSha256, sameText } from './equal-secrets.js';

const SLACK_TOLERANCE_MS = 5 * 60 * 1000;

export function verifySlack(headers: Headers, body: Buffer, secret: string, now: number): boolean {
  const timestamp = headers.get('x-slack-request-timestamp') ?? '';
  const received = headers.get('x-slack-signature');
  if (!received || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp) * 1000) > SLACK_TOLERANCE_MS) return false;
  const basestring = Buffer.concat([Buffer.from(`v0:${timestamp}:`), body]);
  return sameText(received, `v0=${hmacSha256(secret, basestring).toString('hex')}`);
}
