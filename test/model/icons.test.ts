import { describe, expect, it } from 'vitest';
import { ICON_NAMES, ICONS, iconLabel, isIconName } from '../../src/model/icons';

describe('bundled icons', () => {
  it('have unique names, each with a French and an English label', () => {
    expect(new Set(ICON_NAMES).size).toBe(ICONS.length);
    for (const i of ICONS) {
      expect(i.name).toMatch(/^[a-z][a-z-]*$/);
      expect(i.fr.trim()).not.toBe('');
      expect(i.en.trim()).not.toBe('');
    }
  });

  it('gives the label in the map language and nothing for an unknown name', () => {
    expect(iconLabel('water', 'fr')).toBe('Eau');
    expect(iconLabel('water', 'en-GB')).toBe('Water');
    expect(iconLabel('unicorn', 'fr')).toBeNull();
    expect(isIconName('cattle')).toBe(true);
    expect(isIconName('Cattle')).toBe(false);
  });
});
