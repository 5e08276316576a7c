import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, p95 } from './stats.js';

test('median takes the middle value, or the mean of the two middle ones', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('p95 is the nearest-rank value: the slowest of 10 runs, not an interpolation', () => {
  const runs = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  assert.equal(p95(runs), 10);
  assert.equal(p95(Array.from({ length: 100 }, (_, i) => i + 1)), 95);
});
