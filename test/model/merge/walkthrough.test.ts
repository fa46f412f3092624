import { describe, expect, it } from 'vitest';
import { runWalkthrough, type WalkthroughRecord } from './walkthrough';

/**
 * The "Done when" of issue 18, as a test: three mini-maps of our own, in French with the
 * spellings groups use, merged into the Mali fixture through the model's own path; the first
 * merged again; the result compared with the fixture.
 */
let record: WalkthroughRecord;
const get = () => (record ??= runWalkthrough());

describe('three mini-maps merged into the Mali fixture', () => {
  it('adds exactly what each merge says it adds, each in one undo step', () => {
    const r = get();
    expect(r.original).toEqual({ factors: 30, links: 55 });
    let at = r.original;
    for (const s of r.steps) {
      expect(s.before).toEqual(at);
      expect(s.after).toEqual({ factors: s.before.factors + s.counts.added, links: s.before.links + s.counts.linksAdded });
      expect(s.counts.matched + s.counts.added).toBe(s.same.length + s.near.length + s.added.length - s.near.filter((n) => n.answer !== 'yes').length);
      expect(s.undoSteps).toBe(1);
      at = s.after;
    }
  });

  it('recognises accents missing, plurals, elision and articles as the same factor', () => {
    const [kangaba, mopti, djenne] = get().steps;
    expect(kangaba!.same).toEqual(expect.arrayContaining([
      { label: 'secheresses et pluies irregulieres', as: 'Sécheresses et pluies irrégulières' },
      { label: 'La pression sur les terres agricoles', as: 'Pression sur les terres agricoles' },
      { label: 'Conflit entre agriculteur et éleveur', as: 'Conflits entre agriculteurs et éleveurs' },
      { label: 'Insecurite', as: 'Insécurité' },
    ]));
    expect(mopti!.same).toEqual(expect.arrayContaining([
      { label: "L'insécurité", as: 'Insécurité' },
      { label: 'Vols de bétails', as: 'Vols de bétail' },
      { label: 'Trafic illicite', as: 'Trafics illicites' },
      { label: "Circulation d'armes", as: 'Circulation des armes' },
    ]));
    expect(djenne!.same).toEqual(expect.arrayContaining([
      { label: "Milices d'auto-défense", as: "Milices d'autodéfense" },
      { label: 'La stigmatisation des Peuls', as: 'Stigmatisation des Peuls' },
    ]));
  });

  it('proposes "Pauvreté des ménages ruraux" as a near match with its score, and merges it only on a yes', () => {
    const [kangaba] = get().steps;
    const poverty = kangaba!.near.find((n) => n.label === 'Pauvreté des ménages ruraux')!;
    expect(poverty).toMatchObject({ candidate: 'Pauvreté des ménages', answer: 'yes' });
    expect(poverty.score).toBeGreaterThan(55);
    expect(poverty.score).toBeLessThan(100);
    expect(kangaba!.added).toContain('Accès des femmes à la terre');
    // Refused, then renamed: added as a factor of its own under the new name.
    expect(kangaba!.near).toContainEqual(expect.objectContaining({ label: 'Exode des jeunes', answer: 'no' }));
    expect(kangaba!.added).toContain('Exode des jeunes → Exode des jeunes vers les villes');
    expect(kangaba!.added).not.toContain('Pauvreté des ménages ruraux');
  });

  it('shows the polarity conflicts and keeps what the facilitator decided', () => {
    const [, mopti, djenne] = get().steps;
    expect(mopti!.conflicts).toContainEqual({ cause: 'Deploiement militaire', effect: "L'insécurité", map: '-', mini: '+', kept: '?' });
    expect(djenne!.conflicts).toContainEqual({
      cause: 'Acces aux paturages et couloirs de transhumance', effect: 'Conflits agriculteurs-éleveurs', map: '-', mini: '+', kept: '-',
    });
  });

  it('asks nothing again when the first mini-map is merged again, and adds nothing', () => {
    const { again } = get();
    expect(again.asked).toBe(0);
    expect(again.kinds).toEqual({ again: 8 });
    expect(again.after).toEqual(again.before);
    // Every yes and no of the three reviews is kept in the map, for the next merges.
    const answered = get().steps.flatMap((s) => s.near.filter((n) => n.answer !== 'none'));
    expect(get().remembered.same).toBe(answered.filter((n) => n.answer === 'yes').length);
    expect(get().remembered.different).toBeGreaterThanOrEqual(answered.filter((n) => n.answer === 'no').length);
  });

  it('finds every factor of the fixture in the meta-map once the renamed one is confirmed, and remembers it', () => {
    const { comparison: c, steps } = get();
    const last = steps[steps.length - 1]!.after;
    expect(c.counts.both.factors + c.counts.there.factors).toBe(30);
    expect(c.counts.both.factors + c.counts.here.factors).toBe(last.factors);
    expect(c.near).toContainEqual(expect.objectContaining({ there: 'Corruption', here: 'Corruption des agents publics' }));
    expect(c.afterConfirm.there).toEqual({ factors: 0, links: 0 });
    expect(c.rememberedLater).toEqual(c.afterConfirm);
    expect(c.loopsOnlyThere).toEqual([]);
    expect(c.loopsOnlyHere.length).toBeGreaterThan(0);
  });
});
