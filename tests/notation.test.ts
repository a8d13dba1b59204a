import { describe, expect, it } from 'vitest';
import { amountText, intervalText } from '../src/notation.js';

describe('notation: amounts and intervals as messages and reports write them', () => {
  it('folds base units back into the magnitude words of rules/core', () => {
    expect(amountText(340900000000, '元')).toBe('3409亿');
    expect(amountText(204900, '人')).toBe('20.49万');
    expect(amountText(2.3e12, '元')).toBe('2.3万亿');
    expect(amountText(9999, '个')).toBe('9999');
  });

  it('never folds rates, points, multiples or ranks, and names % only when asked', () => {
    expect(amountText(4.15, '%')).toBe('4.15');
    expect(amountText(4.15, '%', { percentSign: true })).toBe('4.15%');
    expect(amountText(120000, '个百分点')).toBe('120000');
    expect(amountText(21, '名次')).toBe('21');
  });

  it('keeps float noise out of the text', () => {
    expect(amountText(0.1 + 0.2, '%')).toBe('0.3');
    expect(amountText(3408.5e8, '元')).toBe('3408.5亿');
  });

  it('shows which ends an interval includes', () => {
    expect(intervalText({ lo: 330000000000, hi: 340000000000, loClosed: false, hiClosed: false }, '元')).toBe('(3300亿, 3400亿)');
    expect(intervalText({ lo: 4, hi: null, loClosed: true, hiClosed: false }, '%', { percentSign: true })).toBe('[4%, ∞)');
    expect(intervalText({ lo: 4.15, hi: 4.25, loClosed: true, hiClosed: true }, '%')).toBe('[4.15, 4.25]');
  });

  it('names the unit when asked, for a figure written in another unit than it is compared in', () => {
    // `282亿斤左右` is compared in 吨: `[1407.5万, 1412.5万]` alone would read as 斤 to the editor.
    expect(intervalText({ lo: 14075000, hi: 14125000, loClosed: true, hiClosed: true }, '吨', { percentSign: true, unitName: true })).toBe('[1407.5万吨, 1412.5万吨]');
    expect(intervalText({ lo: 5.5, hi: 6.5, loClosed: true, hiClosed: true }, '%', { percentSign: true, unitName: true })).toBe('[5.5%, 6.5%]');
  });
});
