import * as Y from 'yjs';
import { ModelError } from '../ops';
import { readSnapshot } from '../reader';
import { silent } from '../log';

/**
 * A snapshot keeps a map as it stood: the whole document state (Y.encodeStateAsUpdate), so it
 * can be opened as a map again with every part (themes, loops, stories, views…) and compared
 * or restored. It is a copy taken at one moment, not a way of keeping history inside the live
 * document: turning Yjs garbage collection off would make every client carry every past state.
 */
export const MAX_SNAPSHOT_NAME_CHARS = 200;

/** Why an automatic snapshot was taken; named ones are taken by a person. */
export type AutoReason = 'import' | 'merge' | 'restore' | 'daily';
export const AUTO_REASONS: readonly AutoReason[] = ['import', 'merge', 'restore', 'daily'];

export interface SnapshotInfo {
  readonly id: string;
  readonly name: string;
  /** Milliseconds since 1970, the relay's clock. */
  readonly createdAt: number;
  /** The name the person gave in presence, '' when unknown (a script, an automatic one). */
  readonly author: string;
  /** null for a snapshot someone named; the reason for an automatic one. */
  readonly auto: AutoReason | null;
  /** Factors and links the map showed then (what readSnapshot shows, not hidden entries). */
  readonly factors: number;
  readonly links: number;
  /** Size of the stored state. */
  readonly bytes: number;
}

export interface CapturedState {
  readonly state: Uint8Array;
  readonly factors: number;
  readonly links: number;
}

/** The document's full state and what it shows, ready to be stored. */
export function captureState(doc: Y.Doc): CapturedState {
  const snap = readSnapshot(doc, silent);
  return { state: Y.encodeStateAsUpdate(doc), factors: snap.factors.length, links: snap.links.length };
}

/**
 * A snapshot's name as it is kept: one line, trimmed. Throws ModelError 'empty-name' or
 * 'name-too-long' (over MAX_SNAPSHOT_NAME_CHARS, counted after trimming) rather than cutting
 * a name the person chose.
 */
export function cleanSnapshotName(name: unknown): string {
  if (typeof name !== 'string') throw new ModelError('empty-name', 'A snapshot needs a name');
  // Line breaks and other control characters would break the list and the CSV of snapshots.
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (clean === '') throw new ModelError('empty-name', 'A snapshot needs a name');
  if ([...clean].length > MAX_SNAPSHOT_NAME_CHARS) {
    throw new ModelError('name-too-long', `A snapshot name has at most ${MAX_SNAPSHOT_NAME_CHARS} characters`);
  }
  return clean;
}

/** The name an automatic snapshot gets, in the map's language, e.g. "Avant la restauration". */
export function autoSnapshotName(reason: AutoReason, language: string): string {
  const fr: Record<AutoReason, string> = {
    import: 'Avant l’import', merge: 'Avant la fusion', restore: 'Avant la restauration', daily: 'Sauvegarde du jour',
  };
  const en: Record<AutoReason, string> = {
    import: 'Before the import', merge: 'Before the merge', restore: 'Before the restore', daily: 'Daily backup',
  };
  return (language.startsWith('fr') ? fr : en)[reason];
}
