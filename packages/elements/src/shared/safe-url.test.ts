import { expect } from '@open-wc/testing';
import { safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('accepts https anywhere and http only on loopback hosts', () => {
    expect(safeUrl('https://cdn.example.com/logo.png')).to.equal(
      'https://cdn.example.com/logo.png',
    );
    expect(safeUrl('http://localhost:8080/a.png')).to.equal('http://localhost:8080/a.png');
    expect(safeUrl('http://127.0.0.1/a.png')).to.equal('http://127.0.0.1/a.png');
    expect(safeUrl('http://example.com/a.png')).to.equal(null);
  });

  it('refuses script, data and relative URLs, including case and whitespace tricks', () => {
    for (const raw of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:msgbox(1)',
      '/relative/logo.png',
      'https://cdn.example.com@evil.example/pixel.png',
      'https://user:pass@cdn.example.com/logo.png',
      '//evil.example/logo.png',
      '',
      '   ',
    ]) {
      expect(safeUrl(raw), raw).to.equal(null);
    }
  });

  it('refuses values that are not strings', () => {
    for (const raw of [undefined, null, 42, {}, ['https://a.example']]) {
      expect(safeUrl(raw)).to.equal(null);
    }
  });
});
