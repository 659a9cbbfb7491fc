import { describe, expect, it } from 'vitest';
import { nameSimilarity, namesMatch, nameTokens } from './name-match.js';

const T = 0.85;

describe('name matching across documents', () => {
  it('normalizes titles, punctuation, case, accents and common Bangladeshi spellings', () => {
    expect(nameTokens('Mr. MOHAMMAD Rahim-Uddin')).toEqual(['md', 'rahim', 'uddin']);
    expect(nameTokens('M/S Karim & Sons Enterprises Limited')).toEqual([
      'karim',
      'and',
      'sons',
      'enterprise',
      'ltd',
    ]);
    expect(nameTokens('Mosammat Ayesha Khatun')).toEqual(['mst', 'ayesha', 'khatun']);
    expect(nameTokens('José Núñez')).toEqual(['jose', 'nunez']);
  });

  it('matches the same name spelled or ordered differently', () => {
    expect(namesMatch('Md. Rahim Uddin', 'Mohammad Rahim Uddin', T)).toBe(true);
    expect(namesMatch('Rahim Uddin', 'UDDIN, RAHIM', T)).toBe(true);
    expect(namesMatch('Abdur Rahman', 'Abdur Rahaman', T)).toBe(true);
    expect(namesMatch('Karim Traders Ltd.', 'KARIM TRADERS LIMITED', T)).toBe(true);
  });

  it('matches a name with an extra word when at least two words are shared', () => {
    expect(namesMatch('Md Rahim Uddin', 'Rahim Uddin', T)).toBe(true);
    expect(namesMatch('Rahim Uddin Ahmed', 'Rahim Uddin', T)).toBe(true);
  });

  it('does not match different people, or a single shared first name', () => {
    expect(namesMatch('Rahim Uddin', 'Karim Hossain', T)).toBe(false);
    expect(namesMatch('Rahim', 'Rahim Uddin Chowdhury', T)).toBe(false);
    expect(namesMatch('Ayesha Khatun', 'Ayesha Siddiqua', T)).toBe(false);
    expect(nameSimilarity('', 'Rahim')).toBe(0);
  });
});
