import { expect } from '@open-wc/testing';
import { nextActiveIndex } from './listbox-navigation.js';

const list = { count: 10, columns: 1, rowsPerPage: 4, rtl: false };
const grid = { count: 10, columns: 4, rowsPerPage: 2, rtl: false };

describe('listbox navigation', () => {
  it('starts at the first or last option', () => {
    expect(nextActiveIndex('ArrowDown', -1, list)).to.equal(0);
    expect(nextActiveIndex('ArrowUp', -1, list)).to.equal(9);
  });

  it('stops at the ends instead of wrapping', () => {
    expect(nextActiveIndex('ArrowDown', 9, list)).to.equal(9);
    expect(nextActiveIndex('ArrowUp', 0, list)).to.equal(0);
    expect(nextActiveIndex('PageDown', 8, list)).to.equal(9);
    expect(nextActiveIndex('PageUp', 2, list)).to.equal(0);
  });

  it('leaves left and right to the text caret in a list', () => {
    expect(nextActiveIndex('ArrowLeft', 3, list)).to.equal(undefined);
    expect(nextActiveIndex('ArrowRight', 3, list)).to.equal(undefined);
  });

  it('moves by row and column in a grid, mirrored right-to-left', () => {
    expect(nextActiveIndex('ArrowDown', 1, grid)).to.equal(5);
    expect(nextActiveIndex('ArrowDown', 7, grid)).to.equal(9);
    expect(nextActiveIndex('ArrowDown', 9, grid)).to.equal(9);
    expect(nextActiveIndex('ArrowRight', 1, grid)).to.equal(2);
    expect(nextActiveIndex('ArrowRight', 1, { ...grid, rtl: true })).to.equal(0);
    expect(nextActiveIndex('PageDown', 0, grid)).to.equal(8);
  });

  it('does nothing in an empty list', () => {
    expect(nextActiveIndex('Home', -1, { ...list, count: 0 })).to.equal(undefined);
  });
});
