import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/relay/rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, refuses past it, and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 2, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 500;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('never holds more than the burst, however long a key was idle', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 10, () => now);
    limiter.take('a');
    now = 60_000;
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([true, true, false]);
  });
});
