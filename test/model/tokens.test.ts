import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { viewTokenFor } from '../../src/model';

describe('view tokens', () => {
  it('are the base64url SHA-256 of the edit token, so an editor can always make a view link', () => {
    const edit = 'k3J9x_Qw-2bN8mZp0aVtYc4sLr7uEhGf1dOiWjXyKq';
    const expected = createHash('sha256').update(`trame-view:${edit}`).digest('base64url');
    expect(viewTokenFor(edit)).toBe(expected);
  });

  it('differ for different edit tokens and never contain the edit token', () => {
    const a = viewTokenFor('aaaaaaaaaaaaaaaaaaaaaa');
    const b = viewTokenFor('aaaaaaaaaaaaaaaaaaaaab');
    expect(a).not.toBe(b);
    expect(a).not.toContain('aaaaaaaa');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
