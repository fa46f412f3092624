import type { ReactElement } from 'react';

/**
 * One pictogram: a colour (recognised before the shape from the back of a room) and a drawing
 * on a 48×48 grid. Strokes use currentColor, so a drawing follows its colour.
 */
export interface Drawing {
  readonly color: string;
  readonly body: ReactElement;
}
