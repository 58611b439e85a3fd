import { describe, expect, it } from 'vitest';
import { checkNumberFormat, formatDocumentNumber, nextNumbers, seriesAt, seriesKey, sequenceFaults } from '../../../functions/domain/notices/document-number.ts';

describe('document numbers', () => {
  it('are written from the configured format', () => {
    expect(formatDocumentNumber('{agency}{kind}〔{year}〕第 {n} 号', { agency: '某府办', kind: '投诉', year: 2026, n: 12 })).toBe('某府办投诉〔2026〕第 12 号');
    expect(formatDocumentNumber('{agency}〔{year}〕{n:4}号', { agency: 'X', kind: '', year: 2026, n: 7 })).toBe('X〔2026〕0007号');
  });

  it('refuse a format without the number or the year, or with an unknown token', () => {
    expect(() => checkNumberFormat('〔{year}〕')).toThrow(/\{n\}/);
    expect(() => checkNumberFormat('第 {n} 号')).toThrow(/\{year\}/);
    expect(() => checkNumberFormat('{agency}〔{year}〕第 {n} 号{unit}')).toThrow(/\{unit\}/);
  });

  it('belong to a series per agency, Shanghai year and kind', () => {
    expect(seriesAt('a', 'complaint', '2026-12-31T15:59:59Z')).toEqual({ agency: 'a', year: 2026, kind: 'complaint' });
    expect(seriesAt('a', 'complaint', '2026-12-31T16:00:00Z').year).toBe(2027);
    expect(seriesKey({ agency: 'a', year: 2027, kind: 'complaint' })).toBe('a#2027#complaint');
  });

  it('continue the counter without a gap', () => {
    expect(nextNumbers(0, 1)).toEqual([1]);
    expect(nextNumbers(41, 3)).toEqual([42, 43, 44]);
    expect(nextNumbers(5, 0)).toEqual([]);
  });

  it('are checked for gaps and duplicates', () => {
    expect(sequenceFaults([3, 1, 2])).toEqual({ gaps: [], duplicates: [] });
    expect(sequenceFaults([1, 2, 2, 5])).toEqual({ gaps: [3, 4], duplicates: [2] });
    expect(sequenceFaults([])).toEqual({ gaps: [], duplicates: [] });
  });
});
