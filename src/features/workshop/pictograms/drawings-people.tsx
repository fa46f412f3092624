import type { Drawing } from './types';

/** People and society: family, women, youth, elders, weapons, justice, dialogue… */
const faint = { fill: 'currentColor', fillOpacity: 0.18 } as const;
const dot = { fill: 'currentColor' } as const;

export const PEOPLE_DRAWINGS: Record<string, Drawing> = {
  family: {
    color: '#6a1b9a',
    body: (
      <>
        <circle cx="13" cy="11" r="4.5" {...dot} />
        <circle cx="35" cy="11" r="4.5" {...dot} />
        <circle cx="24" cy="24" r="3.5" {...dot} />
        <path d="M7 42V24a6 6 0 0 1 12 0v18M29 42V24a6 6 0 0 1 12 0v18M20 42v-8a4 4 0 0 1 8 0v8" />
      </>
    ),
  },
  women: {
    color: '#ad1457',
    body: (
      <>
        <circle cx="24" cy="9" r="5" {...dot} />
        <path d="M24 16 13 38h22Z" {...faint} />
        <path d="M19 20l-7 9M29 20l7 9M20 38v6M28 38v6" />
      </>
    ),
  },
  youth: {
    color: '#00838f',
    body: (
      <>
        <circle cx="19" cy="9" r="4.5" {...dot} />
        <path d="M19 16v14M19 30l-6 12M19 30l6 12M19 20l-8 6M19 20l10-5" />
        <circle cx="36" cy="37" r="5" {...faint} />
      </>
    ),
  },
  elders: {
    color: '#4e342e',
    body: (
      <>
        <circle cx="18" cy="9" r="4.5" {...dot} />
        <path d="M18 15q4 8 1 16M19 31l-5 11M19 31l5 11M19 20l11 4" />
        <path d="M31 42V16q0-4 4-4" strokeWidth={3.5} />
      </>
    ),
  },
  religion: {
    color: '#37474f',
    body: (
      <>
        <path d="M9 42V27h30v15Z" {...faint} />
        <path d="M13 27a11 11 0 0 1 22 0M24 16V9M20 42v-7a4 4 0 0 1 8 0v7" />
        <circle cx="24" cy="6" r="2.5" {...dot} />
      </>
    ),
  },
  displacement: {
    color: '#6d4c41',
    body: (
      <>
        <circle cx="15" cy="12" r="4.5" {...dot} />
        <path d="M15 18l2 11M17 29l-6 13M17 29l6 13M16 21l-6 7M16 21l5 4" />
        <path d="M9 5h12v3H9Z" {...faint} />
        <path d="M28 26h16M38 20l6 6-6 6" />
      </>
    ),
  },
  migration: {
    color: '#00695c',
    body: (
      <>
        <path d="M4 42v-9l6-5 6 5v9ZM32 42v-9l6-5 6 5v9Z" {...faint} />
        <path d="M10 22Q24 4 38 20M38 20l-6-1M38 20l-1-6" />
      </>
    ),
  },
  weapon: {
    color: '#37474f',
    body: (
      <>
        <path d="M3 29 15 22h16v5H19l-9 7Z" {...dot} />
        <path d="M31 23h14" strokeWidth={3.5} />
        <path d="M22 27l-2 9h4l2-9M16 27q0 4 4 4" />
      </>
    ),
  },
  'armed-group': {
    color: '#424242',
    body: (
      <>
        <path d="M9 12a6 6 0 0 1 12 0ZM27 12a6 6 0 0 1 12 0Z" {...dot} />
        <circle cx="15" cy="15" r="3.5" />
        <circle cx="33" cy="15" r="3.5" />
        <path d="M9 42V26a6 6 0 0 1 12 0v16M27 42V26a6 6 0 0 1 12 0v16" {...faint} />
        <path d="M20 40 44 6" strokeWidth={3.5} />
      </>
    ),
  },
  security: {
    color: '#1a237e',
    body: (
      <>
        <path d="M24 4l16 6v12c0 10-7 17-16 22C15 39 8 32 8 22V10Z" {...faint} />
        <path d="M24 14l2.6 5.6 6 .6-4.5 4 1.3 6-5.4-3.1-5.4 3.1 1.3-6-4.5-4 6-.6Z" {...dot} />
      </>
    ),
  },
  justice: {
    color: '#4527a0',
    body: (
      <>
        <path d="M24 7v33M15 41h18M9 13h30M9 13l-5 13M9 13l5 13M39 13l-5 13M39 13l5 13" />
        <path d="M3 26h12a6 4 0 0 1-12 0ZM33 26h12a6 4 0 0 1-12 0Z" {...faint} />
        <circle cx="24" cy="7" r="2.5" {...dot} />
      </>
    ),
  },
  government: {
    color: '#283593',
    body: (
      <>
        <path d="M5 18 24 7l19 11Z" {...faint} />
        <path d="M11 21v14M19 21v14M29 21v14M37 21v14M7 38h34M5 42h38" />
      </>
    ),
  },
  dialogue: {
    color: '#00897b',
    body: (
      <>
        <path d="M5 7h24v15H15l-6 6v-6H5Z" {...faint} />
        <path d="M19 25h24v14h-4v6l-6-6H19Z" />
      </>
    ),
  },
  conflict: {
    color: '#b71c1c',
    body: (
      <path
        d="M24 3l4 12 12-6-7 12 12 7-14 2 2 14-9-10-8 10 1-14-13-2 12-7-8-12 12 6Z"
        fill="currentColor" fillOpacity={0.25}
      />
    ),
  },
  communication: {
    color: '#0277bd',
    body: (
      <>
        <path d="M5 18h38v22H5Z" {...faint} />
        <path d="M12 18 30 6M30 25h8M30 31h8" />
        <circle cx="17" cy="29" r="6" />
      </>
    ),
  },
  trust: {
    color: '#2e7d32',
    body: (
      <>
        <path d="M3 19h8v14H3M45 19h-8v14h8" />
        <path d="M11 22l8-3 7 3 4-2 7 2v9l-9 5q-4 2-8-1l-9-6Z" {...faint} />
        <path d="M19 26l5 5M23 23l6 6" />
      </>
    ),
  },
};
