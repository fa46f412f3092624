import { isStoryId } from './checks';
import { f } from './fields';
import {
  MAX_CODE_CHARS, MAX_DATE_CHARS, MAX_LANGUAGE_CHARS, MAX_STORY_FIELD_CHARS, MAX_SUMMARY_CHARS, MAX_TAG_CHARS,
  MAX_TAGS,
} from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const STORIES_SPEC: RootSpec = {
  name: ROOT.stories,
  scope: 'document',
  shape: 'records',
  entry: 'story',
  key: { describe: 'story id (`[A-Za-z0-9_-]{1,64}`: ids end citation keys, so never contain `:`)', check: isStoryId },
  about: 'Evidence collected in the field, known by a code, never by a person\'s name: there is deliberately no field for one.',
  fields: {
    code: f.text(MAX_CODE_CHARS, 'refused',
      'e.g. `R-012`; writers refuse a code already used (trimmed, any case); two peers apart may still pick the same one, readers show both and `duplicateCodes` flags them',
      { required: true }),
    summary: f.text(MAX_SUMMARY_CHARS, 'allowed', 'a short excerpt', { default: '' }),
    place: f.text(MAX_STORY_FIELD_CHARS, 'allowed', '', { default: '' }),
    date: f.text(MAX_DATE_CHARS, 'allowed', '`yyyy-mm-dd` when known; free text (`saison des pluies 2023`) is allowed', { default: '' }),
    group: f.text(MAX_STORY_FIELD_CHARS, 'allowed', 'who collected it (team or person code)', { default: '' }),
    language: f.text(MAX_LANGUAGE_CHARS, 'allowed', 'of the story', { default: '' }),
    tags: f.set('tag',
      'created with the story: two people tagging at once both keep theirs',
      { required: true, maxItems: MAX_TAGS, maxItemChars: MAX_TAG_CHARS }),
  },
  undoable: true,
  json: 'section',
  malformed: 'An entry with a bad id, that is not a map, or whose code is bad, is skipped with a warning; a bad text field reads as empty and a bad tag is left out. Empty text fields are absent.',
  migrations: [],
};
