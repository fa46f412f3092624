import { useTranslation } from 'react-i18next';
import type { Polarity } from '../../model';
import type { LoopRef, MapDiff } from '../../model/compare';
import { POLARITY_SIGN } from '../../ui/polarity';

/**
 * A comparison as a table: each factor and link added, removed or changed, and the loops.
 * `labels` names the factors no change lists (a link or a loop runs through unchanged ones).
 */
export function CompareTable({ diff, labels }: { diff: MapDiff; labels?: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const label = new Map<string, string>(labels);
  for (const f of [...diff.factors.removed, ...diff.factors.changed.map((c) => c.from)]) label.set(f.id, f.label);
  for (const f of [...diff.factors.added, ...diff.factors.changed.map((c) => c.to)]) label.set(f.id, f.label);
  const sign = (p: string) => POLARITY_SIGN[p as Polarity] ?? p;
  const linkName = (l: { source: string; target: string; polarity: string }) =>
    `${label.get(l.source) ?? '?'} → ${label.get(l.target) ?? '?'} (${sign(l.polarity)})`;
  const value = (v: unknown, field?: string) => (v === undefined || v === '' ? '—' : field === 'polarity' ? sign(String(v)) : String(v));
  const loopName = (l: LoopRef) => l.factors.map((id) => label.get(id) ?? '?').join(' → ');
  const kind = (k: string) => t(`cycles.loopKind.${k}`);
  const rows: { status: string; kind: string; name: string; change: string }[] = [
    ...diff.factors.added.map((f) => ({ status: 'added', kind: 'factors', name: f.label, change: '' })),
    ...diff.factors.removed.map((f) => ({ status: 'removed', kind: 'factors', name: f.label, change: '' })),
    ...diff.factors.changed.map((c) => ({
      status: 'changed', kind: 'factors', name: c.to.label,
      change: c.fields.map((field) => t('cycles.wasNow', { field: t(`cycles.field.${field}`), from: value(c.from[field]), to: value(c.to[field]) })).join(' · '),
    })),
    ...diff.links.added.map((l) => ({ status: 'added', kind: 'links', name: linkName(l), change: '' })),
    ...diff.links.removed.map((l) => ({ status: 'removed', kind: 'links', name: linkName(l), change: '' })),
    ...diff.links.changed.map((c) => ({
      status: 'changed', kind: 'links', name: linkName(c.to),
      change: c.fields.map((field) => t('cycles.wasNow', { field: t(`cycles.field.${field}`), from: value(c.from[field], field), to: value(c.to[field], field) })).join(' · '),
    })),
  ];
  const loops = diff.loops;
  return (
    <div className="cycles-table" data-testid="cycles-table">
      {rows.length === 0 ? <p>{t('cycles.nothing')}</p> : (
        <table>
          <thead>
            <tr><th scope="col">{t('cycles.legend')}</th><th scope="col">{t('cycles.element')}</th><th scope="col">{t('cycles.change')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={r.status} data-status={r.status}>
                <td><span className={`swatch ${r.status}`} aria-hidden="true" />{t(`cycles.status.${r.status}`)}</td>
                <td>{t(`cycles.${r.kind}`)} : {r.name}</td>
                <td>{r.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loops && loops.appeared.length + loops.disappeared.length + loops.changedKind.length > 0 && (
        <dl className="cycles-loops">
          {loops.appeared.length > 0 && <><dt>{t('cycles.loopsAppeared')}</dt>{loops.appeared.map((l) => <dd key={l.id}>{loopName(l)} ({kind(l.kind)})</dd>)}</>}
          {loops.disappeared.length > 0 && <><dt>{t('cycles.loopsDisappeared')}</dt>{loops.disappeared.map((l) => <dd key={l.id}>{loopName(l)} ({kind(l.kind)})</dd>)}</>}
          {loops.changedKind.length > 0 && <><dt>{t('cycles.loopsChanged')}</dt>{loops.changedKind.map((c) => <dd key={c.to.id}>{loopName(c.to)} ({kind(c.from.kind)} → {kind(c.to.kind)})</dd>)}</>}
        </dl>
      )}
    </div>
  );
}
