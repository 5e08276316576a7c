import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, PlugboardError, toPlugboardError } from './errors.js';
import { en } from './messages/en.js';

describe('toPlugboardError', () => {
  it('labels a throw that is not ours "unexpected", not "network", and keeps it as the cause', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'key')");
    const error = toPlugboardError(bug);
    assert.equal(error.code, 'unexpected');
    assert.equal(error.message, bug.message);
    assert.equal(error.cause, bug);
    assert.equal(toPlugboardError('a string').code, 'unexpected');
  });

  it('passes our own errors through and turns an AbortError into "aborted"', () => {
    const offline = new PlugboardError('network', 'The backend could not be reached.');
    assert.equal(toPlugboardError(offline), offline);
    const http = new HttpError({
      type: 'about:blank',
      title: 'x',
      status: 500,
      code: 'internal_error',
      requestId: 'req_1',
    });
    assert.equal(toPlugboardError(http), http);
    assert.equal(toPlugboardError(new DOMException('stop', 'AbortError')).code, 'aborted');
  });

  it('has words of its own for the unexpected error', () => {
    assert.ok(en['error.unexpected.title'] && en['error.unexpected.cause']);
    assert.notEqual(en['error.unexpected.title'], en['error.network.title']);
    assert.notEqual(en['error.unexpected.title'], en['error.unknown.title']);
  });
});
