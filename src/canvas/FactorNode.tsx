import type { NodeProps } from '@xyflow/react';
import { memo, useCallback, type CSSProperties } from 'react';
import { renameFactor, type Factor } from '../model';
import { useCanvasContributions, useMapSession, useOverlay, usePresence, useSession, type FactorDecoration } from '../session';
import { useLongPress } from '../ui/useLongPress';
import { Badges } from './Badges';
import { FactorHandle, useConnecting } from './FactorHandle';
import { FactorLabelEditor } from './FactorLabelEditor';
import { useFactorName } from './factorLabel';
import type { FactorNodeType } from './types';

/**
 * The styles the decorations wired by the app add to a box. The list is the app's constant
 * one, so the hooks are called in the same order on every render of every factor.
 */
function useDecorationStyle(decorations: readonly FactorDecoration[], factor: Factor): CSSProperties {
  const style: CSSProperties = {};
  for (const d of decorations) if (d.useStyle) Object.assign(style, d.useStyle(factor));
  return style;
}

/**
 * A factor box. The whole box is a link handle: pressing on its rim starts a link, pressing
 * on the label moves the factor, and while a link is being drawn the whole box accepts it.
 */
function FactorNodeView({ id, data, selected }: NodeProps<FactorNodeType>) {
  const nameOf = useFactorName();
  const { doc, canEdit } = useMapSession();
  const { factor } = data;
  const editing = useSession((s) => s.editingFactorId === id);
  const setEditing = useSession((s) => s.setEditing);
  const connecting = useConnecting();
  const scale = useOverlay((s) => s.scale.get(id) ?? 1);
  const badges = useOverlay((s) => s.factorBadges.get(id));
  const peerColour = usePresence((s) => s.remoteSelection.get(id));
  const { factorDecorations } = useCanvasContributions();
  const decorated = useDecorationStyle(factorDecorations, factor);

  const commit = useCallback(
    (label: string) => {
      // A blank label is refused by the model (spec/factors.ts): clearing it keeps the old one.
      if (label.trim() !== '') renameFactor(doc, id, label);
      setEditing(null);
    },
    [doc, id, setEditing],
  );
  const cancel = useCallback(() => setEditing(null), [setEditing]);
  // Phones have no double-click: a long press edits the label.
  const longPress = useLongPress(() => setEditing(id), canEdit && !editing);

  return (
    <div
      className={`factor${selected ? ' selected' : ''}${connecting ? ' connecting' : ''}`}
      data-testid="factor"
      data-label={factor.label}
      data-theme={factor.theme}
      aria-label={nameOf(factor.label)}
      style={{
        // --factor-font: projector mode enlarges labels; a scaled factor keeps its ratio to it.
        ...(scale === 1 ? {} : { fontSize: `calc(var(--factor-font, 15px) * ${scale})`, minWidth: 120 * scale }),
        ...(peerColour ? { outline: `3px solid ${peerColour}`, outlineOffset: 3 } : {}),
        ...decorated,
      }}
    >
      {/* Rendered for viewers too: React Flow draws links between handles, so without them a
          view link would show no links at all. Viewers' handles take no pointer events. */}
      {!connecting && <FactorHandle type="source" connectable={canEdit} connectableStart />}
      <FactorHandle type="target" connectable={canEdit} connectableStart={false} />
      <div
        className="factor-body"
        {...longPress}
        onDoubleClick={(e) => {
          if (!canEdit) return;
          e.stopPropagation();
          setEditing(id);
        }}
      >
        {factorDecorations.map(({ id: key, Icon }) => Icon && <Icon key={key} factor={factor} />)}
        {editing && canEdit ? (
          <FactorLabelEditor initial={factor.label} onCommit={commit} onCancel={cancel} />
        ) : (
          <span className="factor-label">{factor.label}</span>
        )}
      </div>
      <Badges badges={badges} />
    </div>
  );
}

export const FactorNode = memo(FactorNodeView);
