import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centredPopupFeatures } from './oauth/browser-environment.js';
import { safeUrl } from './url-policy.js';

describe('URL policy', () => {
  it('allows https anywhere and http only on loopback hosts', () => {
    assert.equal(safeUrl('https://cdn.example.com/logo.svg')?.hostname, 'cdn.example.com');
    assert.equal(safeUrl('http://localhost:8787/x')?.port, '8787');
    assert.equal(safeUrl('http://127.0.0.1/x')?.hostname, '127.0.0.1');
    for (const value of [
      'http://cdn.example.com/logo.svg',
      'javascript:alert(1)',
      'data:image/svg+xml,<svg/>',
      'ftp://example.com',
      'https://cdn.example.com@evil.example/pixel.png',
      'https://user:secret@cdn.example.com/logo.svg',
      '//evil.example/x',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      assert.equal(safeUrl(value), null, String(value));
    }
  });

  it('resolves relative URLs against a base before checking them', () => {
    assert.equal(
      safeUrl('/logo.svg', 'https://api.example.com/v1/')?.href,
      'https://api.example.com/logo.svg',
    );
  });
});

describe('popup geometry', () => {
  it('centres the popup over the opener window', () => {
    const features = centredPopupFeatures(500, 600, {
      screenX: 100,
      screenY: 50,
      outerWidth: 1500,
      outerHeight: 1000,
    });
    assert.equal(features, 'popup=yes,width=500,height=600,left=600,top=250');
  });

  it('never places it off screen', () => {
    const features = centredPopupFeatures(500, 600, {
      screenX: 0,
      screenY: 0,
      outerWidth: 300,
      outerHeight: 300,
    });
    assert.match(features, /left=0,top=0$/);
  });
});
