import { describe, expect, it } from 'vitest';
import { etagFor, isNotModified } from './etag.http.js';

describe('etagFor', () => {
  it('is a strong quoted tag that is equal for equal bytes', () => {
    const tag = etagFor('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(etagFor(Buffer.from('{"a":1}'))).toBe(tag);
  });

  it('changes when one byte changes', () => {
    expect(etagFor('{"a":1}')).not.toBe(etagFor('{"a":2}'));
  });
});

describe('isNotModified', () => {
  const etag = etagFor('body');

  it('is false without If-None-Match', () => {
    expect(isNotModified(undefined, etag)).toBe(false);
  });

  it('matches the exact tag', () => {
    expect(isNotModified(etag, etag)).toBe(true);
  });

  it('matches a weak form of the tag (weak comparison)', () => {
    expect(isNotModified(`W/${etag}`, etag)).toBe(true);
    expect(isNotModified(etag, `W/${etag}`)).toBe(true);
  });

  it('matches a tag anywhere in a list', () => {
    expect(isNotModified(`"other", W/"x" ,${etag}`, etag)).toBe(true);
  });

  it('matches across repeated header lines', () => {
    expect(isNotModified(['"other"', etag], etag)).toBe(true);
  });

  it('matches *', () => {
    expect(isNotModified(' * ', etag)).toBe(true);
  });

  it('does not match other tags', () => {
    expect(isNotModified('"other", W/"x"', etag)).toBe(false);
  });

  it('does not split a tag on a comma inside its quotes', () => {
    expect(isNotModified('"a,b"', '"a,b"')).toBe(true);
    expect(isNotModified('"a,b"', '"a"')).toBe(false);
  });

  it('treats a malformed header as no match', () => {
    expect(isNotModified(etag.slice(1, -1), etag)).toBe(false);
    expect(isNotModified(`"x" garbage ${etag}`, etag)).toBe(false);
  });
});
