import { createContext, useContext } from 'react';

/**
 * A factor's accessible name, made once for the whole canvas: useTranslation in each of a
 * thousand boxes was a tenth of a large map's first render (its wrapper and subscription).
 */
export const FactorNameContext = createContext<(label: string) => string>((label) => label);

export const useFactorName = () => useContext(FactorNameContext);
