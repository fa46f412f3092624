import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_PALETTE, type ThemeLook } from '../../model';
import { swatchStyle } from './pattern';

interface Props {
  name: string;
  colour: string;
  /** The pattern the theme is drawn with when another theme shares its colour. */
  look?: ThemeLook;
  onChange: (colour: string) => void;
  disabled?: boolean;
}

/**
 * A swatch that opens the palette (colours told apart with the common colour-vision
 * deficiencies), with any other colour through the browser's picker.
 */
export function ColourChoice({ name, colour, look, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="colour-choice">
      <button type="button" className="swatch-button" style={look ? swatchStyle(look) : { background: colour }} aria-expanded={open}
        aria-label={t('themes.colour', { name })} title={t('themes.colour', { name })} disabled={disabled}
        onClick={() => setOpen((o) => !o)} />
      {open && (
        <div className="palette" role="group" aria-label={t('themes.colour', { name })}>
          {THEME_PALETTE.map((c) => (
            <button key={c} type="button" className="swatch-button" style={{ background: c }} aria-label={c}
              aria-pressed={c.toLowerCase() === colour.toLowerCase()}
              onClick={() => {
                onChange(c);
                setOpen(false);
              }} />
          ))}
          <input type="color" value={colour.toLowerCase()} aria-label={t('themes.otherColour')} title={t('themes.otherColour')}
            onChange={(e) => onChange(e.target.value)} />
        </div>
      )}
    </div>
  );
}
