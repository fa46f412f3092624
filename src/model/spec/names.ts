/**
 * The name of every root map of a Trame document. Every reader, writer and list of roots
 * (undo, snapshots, the relay) names a root through this object, never as a string.
 */
export const ROOT = {
  factors: 'factors',
  links: 'links',
  meta: 'meta',
  themes: 'themes',
  loops: 'loops',
  stories: 'stories',
  citations: 'citations',
  views: 'views',
  votes: 'votes',
  groups: 'groups',
  editors: 'editors',
  matches: 'matches',
} as const;

export type RootName = (typeof ROOT)[keyof typeof ROOT];
