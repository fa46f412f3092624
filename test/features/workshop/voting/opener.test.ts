import { describe, expect, it } from 'vitest';
import { openerName } from '../../../../src/features/workshop/voting/opener';

const peers = [
  { userId: '3f9a0c1d2e4b5a67', name: 'Aminata' },
  { userId: 'aa11bb22cc33dd44', name: '  ' },
  { name: 'Moussa' },
];

describe('who opened a vote, as the notice names them', () => {
  it('the opener connected and named: their presence name', () => {
    expect(openerName('3f9a0c1d2e4b5a67', peers)).toBe('Aminata');
  });

  it('falls back to no name when the opener left, has no name yet, or publishes no id', () => {
    expect(openerName('0123456789abcdef', peers)).toBeNull();
    expect(openerName('aa11bb22cc33dd44', peers)).toBeNull();
    expect(openerName('', peers)).toBeNull();
    // A peer without an id is never matched, even by an empty id.
    expect(openerName('', [{ name: 'Moussa' }])).toBeNull();
  });

  it('a round written by another tool with a name in openedBy keeps that name', () => {
    expect(openerName('Fatou Diarra', [])).toBe('Fatou Diarra');
    expect(openerName(' Awa ', [])).toBe('Awa');
    // Ids, even the test harness's `u…` ones, are not names.
    expect(openerName('u4be8f2a1', [])).toBeNull();
  });
});
