import { expect } from '@open-wc/testing';
import { rowsPerPage, scrollTopToReveal, visibleRange } from './virtual-window.js';

const base = { count: 10_000, columns: 1, rowHeight: 50, scrollTop: 0, viewportHeight: 400 };

describe('virtual window', () => {
  it('renders only the rows in view plus a small overscan', () => {
    const range = visibleRange({ ...base, scrollTop: 5_000 });
    expect(range.start).to.equal(97);
    expect(range.end).to.equal(111);
    expect(range.offset).to.equal(97 * 50);
    expect(range.total).to.equal(500_000);
  });

  it('works in rows of several columns and clamps at the end', () => {
    const range = visibleRange({ ...base, count: 10, columns: 4, scrollTop: 0 });
    expect(range).to.deep.equal({ start: 0, end: 10, offset: 0, total: 150 });
  });

  it('scrolls the least distance to reveal an option', () => {
    expect(scrollTopToReveal(3, { ...base, scrollTop: 0 })).to.equal(0);
    expect(scrollTopToReveal(20, { ...base, scrollTop: 0 })).to.equal(21 * 50 - 400);
    expect(scrollTopToReveal(2, { ...base, scrollTop: 500 })).to.equal(100);
    expect(rowsPerPage(base)).to.equal(8);
  });
});
