import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSliceGetter } from '../../session';
import { citeStory, isStoryId, readStories } from '../../model';
import { elementAt } from './drop';
import { storiesSlice, STORY_DRAG_TYPE } from './store';

const TARGET_CLASS = 'story-drop-target';

/**
 * A story dragged from the list (HTML5 drag and drop, its id in STORY_DRAG_TYPE) and dropped
 * on a factor or a link cites it there. Listens on the document: the canvas belongs to React
 * Flow, and a drag of anything else (a file, a text) is left to whoever wants it.
 */
export function useStoryDrop(): void {
  const getStories = useSliceGetter(storiesSlice);
  const { t } = useTranslation();
  const { doc, reader, canEdit } = useMapSession();

  useEffect(() => {
    if (!canEdit) return undefined;
    let marked: Element | null = null;
    const mark = (el: Element | null) => {
      if (marked === el) return;
      marked?.classList.remove(TARGET_CLASS);
      el?.classList.add(TARGET_CLASS);
      marked = el;
    };
    const ours = (e: DragEvent) => !!e.dataTransfer?.types.includes(STORY_DRAG_TYPE);

    const onOver = (e: DragEvent) => {
      if (!ours(e)) return;
      const hit = elementAt(e.clientX, e.clientY);
      mark(hit?.el ?? null);
      if (!hit) return;
      // Accepting the drop: without this the browser refuses it.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'link';
    };
    const onDrop = (e: DragEvent) => {
      if (!ours(e)) return;
      mark(null);
      const hit = elementAt(e.clientX, e.clientY);
      if (!hit) return;
      e.preventDefault();
      const storyId = e.dataTransfer?.getData(STORY_DRAG_TYPE) ?? '';
      if (!isStoryId(storyId)) return;
      const snap = reader.current;
      const story = readStories(doc, () => undefined).find((s) => s.id === storyId);
      if (!story || !citeStory(doc, storyId, hit.ref)) return;
      const link = hit.ref.kind === 'link' ? snap.links.find((l) => l.id === hit.ref.id) : undefined;
      const label = hit.ref.kind === 'factor'
        ? snap.factorById.get(hit.ref.id)?.label ?? ''
        : `${snap.factorById.get(link?.source ?? '')?.label ?? ''} → ${snap.factorById.get(link?.target ?? '')?.label ?? ''}`;
      getStories().setNotice(t('stories.cite.dropped', { code: story.code, label }));
    };
    const onEnd = () => mark(null);

    document.addEventListener('dragover', onOver);
    document.addEventListener('drop', onDrop);
    document.addEventListener('dragend', onEnd);
    return () => {
      mark(null);
      document.removeEventListener('dragover', onOver);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('dragend', onEnd);
    };
  }, [doc, reader, canEdit, t, getStories]);
}
