// Renders an ApiError as RFC 9457 problem details, with the request id and Retry-After.
import type { Problem } from '@plugboard/contract';
import type { ApiError } from './api-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemBody(error: ApiError, requestId: string, instance: string): Problem {
  const problem: Problem = {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    code: error.code,
    requestId,
    instance,
  };
  if (error.detail) problem.detail = error.detail;
  if (error.extras.errors) problem.errors = error.extras.errors;
  if (error.extras.existingConnection) problem.existingConnection = error.extras.existingConnection;
  if (error.extras.retryAfter !== undefined) problem.retryAfter = error.extras.retryAfter;
  return problem;
}

export function problemResponse(error: ApiError, requestId: string, instance: string): Response {
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE });
  if (error.extras.retryAfter !== undefined) {
    headers.set('Retry-After', String(error.extras.retryAfter));
  }
  return new Response(JSON.stringify(problemBody(error, requestId, instance)), {
    status: error.status,
    headers,
  });
}
