import type { Drawing } from './types';

/** Land, water, living: water drop, cow, field, fish, drought, flood, fire, food… */
const faint = { fill: 'currentColor', fillOpacity: 0.18 } as const;

export const LAND_DRAWINGS: Record<string, Drawing> = {
  water: {
    color: '#0277bd',
    body: (
      <>
        <path d="M24 5C24 5 11 21 11 30a13 13 0 0 0 26 0C37 21 24 5 24 5Z" {...faint} />
        <path d="M18 30a6 6 0 0 0 6 6" />
      </>
    ),
  },
  cattle: {
    color: '#6d4c41',
    body: (
      <>
        <path d="M16 14C10 13 7 9 7 5M32 14C38 13 41 9 41 5" />
        <path d="M16 17 8 19l8 4M32 17l8 2-8 4" />
        <path d="M16 13h16l-2 20q-6 4-12 0Z" {...faint} />
        <ellipse cx="24" cy="36" rx="8" ry="5" fill="#fff" />
        <circle cx="21" cy="36" r="1.3" fill="currentColor" />
        <circle cx="27" cy="36" r="1.3" fill="currentColor" />
        <circle cx="20" cy="22" r="1.5" fill="currentColor" />
        <circle cx="28" cy="22" r="1.5" fill="currentColor" />
      </>
    ),
  },
  farming: {
    color: '#558b2f',
    body: (
      <>
        <path d="M8 40h32M24 40V20" />
        <path d="M24 29c-8 0-12-6-12-12 7 0 12 5 12 12ZM24 24c8 0 12-6 12-12-7 0-12 5-12 12Z" {...faint} />
      </>
    ),
  },
  land: {
    color: '#8d6e63',
    body: (
      <>
        <path d="M6 40 16 14h16l10 26Z" {...faint} />
        <path d="M20 14l-6 26M28 14l6 26M24 14v26M11 27h26" />
      </>
    ),
  },
  fish: {
    color: '#0288d1',
    body: (
      <>
        <path d="M6 24c8-12 24-12 30 0-6 12-22 12-30 0Z" {...faint} />
        <path d="M36 24l8-8v16Z" {...faint} />
        <circle cx="14" cy="22" r="1.8" fill="currentColor" />
      </>
    ),
  },
  drought: {
    color: '#e65100',
    body: (
      <>
        <circle cx="24" cy="15" r="6" {...faint} />
        <path d="M24 3v3M24 24v3M12 15h3M33 15h3M15.5 6.5l2 2M30.5 6.5l-2 2" />
        <path d="M5 33h38M12 33l3 4-2 5M24 33l-2 5 4 5M35 33l-2 4 4 5" />
      </>
    ),
  },
  flood: {
    color: '#1565c0',
    body: (
      <>
        <path d="M14 26V16l10-8 10 8v10" />
        <path d="M4 30q5-4 10 0t10 0 10 0 10 0M4 38q5-4 10 0t10 0 10 0 10 0" />
      </>
    ),
  },
  fire: {
    color: '#e64a19',
    body: (
      <>
        <path d="M24 4c6 10 14 14 14 26a14 14 0 0 1-28 0c0-8 6-12 8-18 2 6 4 8 6 8 2-6 0-12 0-16Z" {...faint} />
        <path d="M24 42a6 6 0 0 1-6-6c0-4 4-6 6-10 2 4 6 6 6 10a6 6 0 0 1-6 6Z" />
      </>
    ),
  },
  food: {
    color: '#ef6c00',
    body: (
      <>
        <path d="M7 24h34a17 14 0 0 1-34 0Z" {...faint} />
        <path d="M18 40h12M17 18q-3-4 0-8M24 18q-3-4 0-8M31 18q-3-4 0-8" />
      </>
    ),
  },
  market: {
    color: '#6a1b9a',
    body: (
      <>
        <path d="M10 8h28l4 8H6Z" {...faint} />
        <path d="M6 16q3 5 6 0 3 5 6 0 3 5 6 0 3 5 6 0 3 5 6 0 3 5 6 0" />
        <path d="M10 20v20M38 20v20M8 32h32" />
        <circle cx="17" cy="28.5" r="2.5" fill="currentColor" />
        <circle cx="23" cy="28.5" r="2.5" fill="currentColor" />
        <circle cx="29" cy="28.5" r="2.5" fill="currentColor" />
      </>
    ),
  },
  money: {
    color: '#2e7d32',
    body: (
      <>
        <path d="M6 36v4c0 2 5 4 12 4s12-2 12-4v-4M6 30v6c0 2 5 4 12 4s12-2 12-4v-6M6 24v6c0 2 5 4 12 4s12-2 12-4v-6" />
        <ellipse cx="18" cy="24" rx="12" ry="4" {...faint} />
        <circle cx="35" cy="14" r="8" {...faint} />
        <path d="M35 9v10" />
      </>
    ),
  },
  work: {
    color: '#455a64',
    body: (
      <>
        <path d="M12 40l18-20" strokeWidth={4} />
        <path d="M24 14l8-6 10 10-6 8Z" {...faint} />
      </>
    ),
  },
  road: {
    color: '#546e7a',
    body: (
      <>
        <path d="M14 44 21 4h6l7 40Z" {...faint} />
        <path d="M24 40v-5M24 28v-5M24 17v-4M24 9V7" />
      </>
    ),
  },
  house: {
    color: '#795548',
    body: (
      <>
        <path d="M8 24 24 7l16 17Z" {...faint} />
        <path d="M12 24v16h24V24M21 40v-8a3 3 0 0 1 6 0v8" />
      </>
    ),
  },
  health: {
    color: '#c62828',
    body: <path d="M19 7h10v12h12v10H29v12H19V29H7V19h12Z" fill="currentColor" fillOpacity={0.85} />,
  },
  school: {
    color: '#5d4037',
    body: (
      <>
        <path d="M8 40V20l16-10 16 10v20Z" {...faint} />
        <path d="M20 40v-9h8v9M24 10V3h7v4h-7" />
        <circle cx="24" cy="21" r="3" />
      </>
    ),
  },
};
