import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoCatalog } from './demo-catalog.js';
import { findUnsafePatterns, withoutUnsafePatterns } from './catalog-patterns.js';
import { codePointLength, matchesSafePattern, patternProblem } from './safe-pattern.js';

describe('patternProblem', () => {
  it('refuses the shapes that backtrack without end', () => {
    const refused: Array<[string, RegExp]> = [
      ['(a+)+$', /a repeated group holds a quantifier or an alternation: \(a\+\)$/],
      ['(a*)*', /a repeated group holds/],
      ['(\\w+\\s?)+', /a repeated group holds/],
      ['(a?b?)+', /a repeated group holds/],
      ['(a{1,3}){2,}', /a repeated group holds/],
      ['(a|a)*', /a repeated group holds/],
      ['(?:x|xx)+y', /a repeated group holds/],
      ['(a)\\1', /backreference/],
      ['(?<n>a)\\k<n>', /backreference/],
      ['\\d*\\d*\\d*x', /more than 2 open-ended quantifiers/],
      ['a?a?a?a?aaaa', /more than 3 optional parts/],
      ['(', /not a valid regular expression/],
      ['a{2', /not a valid regular expression/],
    ];
    for (const [pattern, reason] of refused)
      assert.match(patternProblem(pattern) ?? '', reason, pattern);
  });

  it('accepts the key, id and address formats catalogs use', () => {
    for (const pattern of [
      '[a-z]+',
      '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$',
      '^(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,}|demo-key-[0-9]+)$',
      '(?:[a-f0-9]{4}-)+[a-f0-9]{4}',
      '^https://\\S+$',
      '[\\p{L}\\p{N}]+',
      '[(]+\\)+',
      '[\\]+]+',
    ]) {
      assert.equal(patternProblem(pattern), null, pattern);
    }
  });

  it('finds none in the demo catalog', () => {
    assert.deepEqual(findUnsafePatterns(demoCatalog), []);
  });
});

describe('matchesSafePattern', () => {
  it('matches the whole value with the u flag, and refuses to run what it may not', () => {
    assert.equal(matchesSafePattern('[a-z]+', 'abc'), true);
    assert.equal(matchesSafePattern('[a-z]+', 'abc1'), false);
    assert.equal(matchesSafePattern('\\p{L}+', 'Zoë'), true);
    assert.equal(matchesSafePattern('(a+)+$', 'aaa'), undefined);
    assert.equal(matchesSafePattern('[a-z]+', 'a'.repeat(1025)), undefined);
  });
});

describe('codePointLength', () => {
  it('counts a surrogate pair once and a lone surrogate as one', () => {
    assert.equal(codePointLength('a🔑b'), 3);
    assert.equal(codePointLength('\ud83d'), 1);
  });
});

describe('withoutUnsafePatterns', () => {
  it('drops only the unsafe patterns and keeps the same object when there is none', () => {
    const [app] = demoCatalog;
    assert.equal(withoutUnsafePatterns(app!), app);
    const field = { name: 'k', label: 'K', type: 'text' as const, required: true, secret: false };
    const risky = {
      ...app!,
      authMethods: [
        {
          type: 'api_key' as const,
          label: 'Key',
          scopes: [],
          fields: [
            { ...field, pattern: '(a+)+$' },
            { ...field, name: 'j', pattern: '[a-z]+' },
          ],
        },
      ],
    };
    const [dropped, kept] = withoutUnsafePatterns(risky).authMethods[0]!.fields;
    assert.equal(dropped!.pattern, undefined);
    assert.equal(kept!.pattern, '[a-z]+');
  });

  it('covers the patterns of text setup steps too', () => {
    const [app] = demoCatalog;
    const step = { key: 'prefix', type: 'text' as const, title: 'Prefix', required: false };
    const risky = { ...app!, setupSteps: [{ ...step, pattern: '(a|aa)*' }] };
    assert.deepEqual(
      findUnsafePatterns([risky]).map((found) => [found.method, found.field]),
      [['setup', 'prefix']],
    );
    const [cleaned] = withoutUnsafePatterns(risky).setupSteps;
    assert.deepEqual(cleaned, step);
  });
});
