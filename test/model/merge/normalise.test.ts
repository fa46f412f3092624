import { describe, expect, it } from 'vitest';
import { contentTokens, labelSimilarity, LabelIndex, NEAR_MIN_SCORE, normaliseLabel } from '../../../src/model/merge';

const same = (a: string, b: string) => normaliseLabel(a) === normaliseLabel(b);
const score = (a: string, b: string) => labelSimilarity(normaliseLabel(a), normaliseLabel(b));

describe('normalising labels', () => {
  it('folds case, accents, ligatures and spaces', () => {
    expect(same('Insécurité', 'insecurite')).toBe(true);
    expect(same('INSÉCURITÉ', '  insécurité  ')).toBe(true);
    expect(same('Œuvres sociales', 'oeuvres sociales')).toBe(true);
    expect(same('Chômage   des\tjeunes', 'chomage des jeunes')).toBe(true);
  });

  it('drops French elision and articles, whatever the apostrophe', () => {
    expect(same("L'insécurité", 'Insécurité')).toBe(true);
    expect(same('Milices d’autodéfense', "Milices d'autodéfense")).toBe(true);
    expect(same('Milices d autodéfense', "Milices d'autodéfense")).toBe(true);
    expect(same("Fermeture d'écoles", 'Fermeture des écoles')).toBe(true);
    expect(same('Vol du bétail', 'Vols de bétail')).toBe(true);
    expect(same('Pression sur la terre agricole', 'Pression sur les terres agricoles')).toBe(true);
    expect(same("Accès aux pâturages", 'Accès au pâturage')).toBe(true);
  });

  it('folds a simple plural, not the final s of a short word', () => {
    expect(same('Sécheresses', 'Sécheresse')).toBe(true);
    expect(same('Groupes armés', 'groupe armé')).toBe(true);
    expect(same('Bureaux', 'bureau')).toBe(true);
    expect(same('Prix du bétail', 'Prix des bétails')).toBe(true);
    expect(normaliseLabel('Les bus')).toBe('bus');
  });

  it('treats punctuation as a space, and a hyphen after a prefix as nothing', () => {
    expect(same('Activités économiques (foires et marchés)', 'activites economiques : foires et marches')).toBe(true);
    expect(same('Auto-défense', 'autodéfense')).toBe(true);
    expect(normaliseLabel('éleveurs-agriculteurs')).toBe('eleveur agriculteur');
    expect(same('Santé & éducation', 'santé et éducation')).toBe(true);
  });

  it('never makes "Accès à la terre" and "Accès à l\'eau" the same', () => {
    expect(normaliseLabel('Accès à la terre')).not.toBe(normaliseLabel("Accès à l'eau"));
    expect(score('Accès à la terre', "Accès à l'eau")).toBeLessThan(100);
  });

  it('leaves nothing of a label without letters or digits', () => {
    expect(normaliseLabel('?')).toBe('');
    expect(normaliseLabel(' — ')).toBe('');
    expect(normaliseLabel('La')).toBe('');
  });

  it('keeps content words for the score, little words only when there is nothing else', () => {
    expect(contentTokens(normaliseLabel('Conflits entre agriculteurs et éleveurs'))).toEqual(['conflit', 'agriculteur', 'eleveur']);
    expect(contentTokens('et')).toEqual(['et']);
  });
});

describe('scoring near labels', () => {
  it('gives 100 only to labels equal after normalisation', () => {
    expect(score('Insécurité', "l'insecurite")).toBe(100);
    expect(score('Chômage des jeunes', 'Chômage de la jeunesse')).toBeLessThan(100);
  });

  it('scores rewordings, extensions, typos and reordered words as near', () => {
    for (const [a, b] of [
      ['Pauvreté des ménages', 'pauvreté des ménages ruraux'],
      ['Chômage des jeunes', 'Chômage de la jeunesse'],
      ['Conflits entre agriculteurs et éleveurs', 'Conflits éleveurs-agriculteurs'],
      ['Milices d\'autodéfense', 'Milices auto défense'],
      ['Sécheresses et pluies irrégulières', 'Sécheresse'],
      ['Fermeture des écoles', 'Écoles fermées'],
      ['Circulation des armes', 'Circulatoin des armes'],
    ]) expect(score(a!, b!), `${a} / ${b}`).toBeGreaterThanOrEqual(NEAR_MIN_SCORE);
  });

  it('ranks a closer rewording above a looser one', () => {
    expect(score('Pauvreté des ménages', 'Pauvreté des ménages ruraux'))
      .toBeGreaterThan(score('Pauvreté des ménages', 'Pauvreté'));
  });

  it('does not take a word for its opposite or for an unrelated one', () => {
    expect(score('Insécurité', 'Sécurité alimentaire')).toBeLessThan(NEAR_MIN_SCORE);
    expect(score('Corruption', 'Déplacement des populations')).toBeLessThan(NEAR_MIN_SCORE);
    expect(score('Trafics illicites', 'Aide humanitaire')).toBeLessThan(NEAR_MIN_SCORE);
  });
});

describe('looking labels up in a map', () => {
  const index = new LabelIndex([
    { id: 'a', label: 'Pauvreté des ménages' },
    { id: 'b', label: 'Chômage des jeunes' },
    { id: 'c', label: 'Insécurité' },
    { id: 'd', label: "L'insécurité" },
  ]);

  it('finds every factor equal after normalisation', () => {
    expect(index.same(normaliseLabel('INSECURITE')).map((f) => f.id)).toEqual(['c', 'd']);
    expect(index.same('')).toEqual([]);
  });

  it('lists near labels best first, never those equal after normalisation', () => {
    const near = index.near(normaliseLabel('Pauvreté des ménages ruraux'), 3);
    expect(near.map((c) => c.id)).toEqual(['a']);
    expect(near[0]!.score).toBeGreaterThanOrEqual(NEAR_MIN_SCORE);
    expect(index.near(normaliseLabel('Insécurité'), 3).map((c) => c.id)).toEqual([]);
  });

  it('still finds a near label among 5,000 others', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ id: `f${i}`, label: `Facteur numéro ${i} de la commune` }));
    const big = new LabelIndex([...many, { id: 'x', label: 'Recrutement des jeunes par les groupes armés' }]);
    expect(big.near(normaliseLabel('Recrutement de jeunes par des groupes armés non étatiques'), 3)[0]?.id).toBe('x');
  });
});
