import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { usePresence } from '../session';

/** Other people's pointers, in map coordinates so they stay on the factor they point at. */
function PresenceCursorsView() {
  const peers = usePresence((s) => s.peers);
  return (
    <ViewportPortal>
      {peers.map((p) =>
        p.cursor ? (
          <div
            key={p.clientId}
            className="peer-cursor"
            style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px)`, color: p.color }}
            data-testid="peer-cursor"
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d="M1 1 L1 15 L5 11 L9 17 L11 16 L7 10 L13 10 Z" fill="currentColor" stroke="#fff" strokeWidth="1.2" />
            </svg>
            {p.name && <span className="peer-name" style={{ background: p.color }}>{p.name}</span>}
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}

export const PresenceCursors = memo(PresenceCursorsView);
