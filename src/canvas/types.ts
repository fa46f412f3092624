import type { Edge, Node } from '@xyflow/react';
import type { Factor, Link } from '../model';

export type FactorNodeData = { factor: Factor };
export type FactorNodeType = Node<FactorNodeData, 'factor'>;

/** `bend` curves a link sideways when the opposite link exists too, so both stay visible. */
export type LinkEdgeData = { link: Link; bend: number };
export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;
