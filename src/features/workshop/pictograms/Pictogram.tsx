import { memo } from 'react';
import { LAND_DRAWINGS } from './drawings-land';
import { PEOPLE_DRAWINGS } from './drawings-people';
import type { Drawing } from './types';

const DRAWINGS: Readonly<Record<string, Drawing>> = { ...LAND_DRAWINGS, ...PEOPLE_DRAWINGS };

export function hasDrawing(name: string): boolean {
  return Object.hasOwn(DRAWINGS, name);
}

interface Props {
  name: string;
  /** Spoken name; without it the drawing is decorative (the factor label says it all). */
  label?: string;
  className?: string;
}

/**
 * A bundled pictogram as inline SVG: no font or network needed, and it survives image export.
 * Unknown names draw nothing: a newer peer may know more pictograms.
 */
function PictogramView({ name, label, className }: Props) {
  const d = Object.hasOwn(DRAWINGS, name) ? DRAWINGS[name] : undefined;
  if (!d) return null;
  return (
    <svg className={className ?? 'pictogram'} viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth={2.5}
      strokeLinecap="round" strokeLinejoin="round" style={{ color: d.color }} data-icon={name}
      role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} focusable="false">
      {d.body}
    </svg>
  );
}

export const Pictogram = memo(PictogramView);
