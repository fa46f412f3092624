import { useMemo } from 'react';
import { consensusOf, type Consensus } from '../../model/merge/consensus';
import { readMetaState } from '../../model/merge/meta-state';
import { useMapSession, useSnapshot } from '../../session';

/** Who drew each factor and link of the open map, read again when the map changes. */
export function useConsensus(): Consensus {
  const { doc } = useMapSession();
  // A new snapshot is the sign that the document changed; sources are read from the document.
  const snap = useSnapshot();
  return useMemo(() => consensusOf(readMetaState(doc)), [doc, snap]); // eslint-disable-line react-hooks/exhaustive-deps
}
