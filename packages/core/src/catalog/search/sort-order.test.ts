import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderByKeyThenText, orderByText } from './sort-order.js';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('orderByText', () => {
  it('orders like `<`, including shared prefixes, long runs and non-ASCII text', () => {
    const texts = [
      'slack',
      'sla',
      'slab',
      'slackbot',
      'a',
      '',
      'éclair',
      'zeta',
      'مرحبا',
      'الدفع',
      '微信',
      '微',
      'ÿz',
      'þa',
      'fjörd',
      'fjord',
      ...Array.from({ length: 40 }, (_, i) => `mail${(i * 7) % 40}`),
    ];
    const order = orderByText(texts);
    assert.deepEqual(
      Array.from(order, (i) => texts[i]),
      [...texts].sort(byCodeUnits),
    );
  });
});

describe('orderByKeyThenText', () => {
  it('orders by key, then by text', () => {
    const keys = [2, 1, 2, 0, 1];
    const texts = ['b', 'z', 'a', 'q', 'c'];
    assert.deepEqual(
      Array.from(
        orderByKeyThenText(keys, (i) => texts[i]!),
        (i) => texts[i],
      ),
      ['q', 'c', 'z', 'a', 'b'],
    );
  });

  it('handles keys the packed sort cannot hold: fractions, negatives, huge numbers', () => {
    const keys = [0.5, -3, 2 ** 40, 0.5, -3];
    const texts = ['b', 'y', 'm', 'a', 'x'];
    assert.deepEqual(
      Array.from(
        orderByKeyThenText(keys, (i) => texts[i]!),
        (i) => texts[i],
      ),
      ['x', 'y', 'a', 'b', 'm'],
    );
  });

  it('reads the text only of items whose key another item shares', () => {
    const keys = [3, 1, 3, 2];
    const read: number[] = [];
    const order = orderByKeyThenText(keys, (i) => {
      read.push(i);
      return ['b', 'z', 'a', 'q'][i]!;
    });
    assert.deepEqual(Array.from(order), [1, 3, 2, 0]);
    assert.deepEqual(read.sort(), [0, 2]);
  });
});
