// What the scale test's client does with each request: retry on a network error or a balancer's
// 502/503/504 with the same headers (so a create keeps its Idempotency-Key), like core's client.
export interface Answer<T = unknown> {
  status: number;
  body: T;
  attempts: number;
}

export interface RequestSpec {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const RETRYABLE = new Set([502, 503, 504]);

export async function request<T = unknown>(
  url: string,
  spec: RequestSpec = {},
  maxAttempts = 12,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { Origin: 'http://localhost:5173', ...spec.headers };
  if (spec.token) headers.Authorization = `Bearer ${spec.token}`;
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url, {
        method: spec.method ?? 'GET',
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        redirect: 'manual',
      });
      const text = await response.text();
      if (!RETRYABLE.has(response.status) || attempt >= maxAttempts) {
        const type = response.headers.get('Content-Type') ?? '';
        return {
          status: response.status,
          body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
          attempts: attempt,
        };
      }
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt)));
  }
}

export async function mint(baseUrl: string, secretKey: string, userId: string): Promise<string> {
  const answer = await request<{ token: string }>(`${baseUrl}/v1/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}` },
    body: { userId, allowedOrigins: ['http://localhost:5173'] },
  });
  if (answer.status !== 201)
    throw new Error(`mint ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}
