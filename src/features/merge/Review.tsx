import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerOf, decideConflicts, withAnswer, withFactor, withPolarity, withWithdrawn, type FactorDecision, type FactorProposal,
  type MergeDecisions, type MergePlan, type MergePreview,
} from '../../model/merge';

/**
 * The review step: every factor of the mini-map with what it will become, near matches to
 * confirm or refuse (never merged without a yes; a yes or no given at an earlier merge of this
 * mini-map comes back answered), the label the map keeps, a new factor's name, the polarity
 * conflicts, and what a previous merge of this mini-map brought that it no longer has.
 * Nothing here writes to the map.
 */
const SHOWN = 200;

interface Props {
  plan: MergePlan;
  preview: MergePreview;
  decisions: MergeDecisions;
  onDecisions: (d: MergeDecisions) => void;
}

/** A new factor's name: the group's, or another the facilitator types. */
function NewLabel({ p, decision, onChange }: { p: FactorProposal; decision: FactorDecision; onChange: (label: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const commit = (value: string) => {
    const clean = value.trim();
    if (clean) onChange(clean);
    setEditing(false);
  };
  if (editing) {
    return (
      <input type="text" className="merge-rename-new" aria-label={t('merge.renameLabel', { label: p.label })} defaultValue={decision.label}
        data-testid="merge-rename" autoFocus
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(e.currentTarget.value);
          }
        }} />
    );
  }
  return (
    <>
      {decision.label !== p.label && <span className="muted small" data-testid="merge-new-label"> {t('merge.renamed', { label: decision.label })}</span>}{' '}
      <button type="button" className="link-like small" onClick={() => setEditing(true)} data-testid="merge-rename-new"
        aria-label={t('merge.renameLabel', { label: p.label })}>{t('merge.renameNew')}</button>
    </>
  );
}

function LabelChoice({ p, decision, metaLabel, onChange }: {
  p: FactorProposal; decision: FactorDecision; metaLabel: string; onChange: (label: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const options = [...new Set([metaLabel, p.label])];
  const custom = !options.includes(decision.label);
  const [renaming, setRenaming] = useState(custom);
  if (options.length === 1 && !renaming) {
    return (
      <button type="button" className="link-like small" onClick={() => setRenaming(true)}>{t('merge.rename')}</button>
    );
  }
  return (
    <span className="merge-label-choice">
      <label htmlFor={id} className="sr-only">{t('merge.keep')}</label>
      <select id={id} value={renaming ? '' : decision.label} data-testid="merge-keep"
        onChange={(e) => {
          if (e.target.value === '') setRenaming(true);
          else {
            setRenaming(false);
            onChange(e.target.value);
          }
        }}>
        <option value={metaLabel}>{t('merge.keepMeta', { label: metaLabel })}</option>
        {p.label !== metaLabel && <option value={p.label}>{t('merge.keepMini', { label: p.label })}</option>}
        <option value="">{t('merge.rename')}</option>
      </select>
      {renaming && (
        <input type="text" aria-label={t('merge.renameLabel', { label: p.label })} defaultValue={decision.label}
          data-testid="merge-rename" autoFocus
          onBlur={(e) => e.target.value.trim() && onChange(e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (e.currentTarget.value.trim()) onChange(e.currentTarget.value.trim());
            }
          }} />
      )}
    </span>
  );
}

/** How many factors a person refused for this label at an earlier merge, left out of the proposals. */
function RefusedBefore({ p }: { p: FactorProposal }) {
  const { t } = useTranslation();
  const count = p.refusedBefore ?? 0;
  return count > 0 ? <span className="muted small" data-testid="merge-refused-before"> ({t('merge.rememberedNo', { count })})</span> : null;
}

function Variants({ p }: { p: FactorProposal }) {
  const { t } = useTranslation();
  return p.variants.length > 0 ? <span className="muted small"> ({t('merge.variants', { labels: p.variants.join(', ') })})</span> : null;
}

function More({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? <li className="muted">{t('merge.more', { count })}</li> : null;
}

export function Review({ plan, preview, decisions, onDecisions }: Props) {
  const { t } = useTranslation();
  const snap = preview.state.snap;
  const decisionOf = (p: FactorProposal) => preview.decisions.get(p.id)!;
  const setLabel = (p: FactorProposal, label: string) => onDecisions(withFactor(decisions, p.id, { ...decisionOf(p), label }));
  const miniLabel = new Map(plan.mini.factors.map((f) => [f.key, f.label]));
  const onAnswer = (id: string, answer: 'yes' | 'no', d: FactorDecision) => onDecisions(withAnswer(decisions, id, answer, d));
  const renameNew = (p: FactorProposal, label: string) => onDecisions(withFactor(decisions, p.id, { to: null, label }));

  const matched = plan.factors.filter((p) => p.kind === 'same' || p.kind === 'again');
  const near = plan.factors.filter((p) => p.kind === 'near');
  const added = plan.factors.filter((p) => p.kind === 'new');

  return (
    <div className="merge-review" data-testid="merge-review">
      <p role="status" data-testid="merge-counts">{t('merge.counts', { ...preview.counts })}</p>
      {preview.notices.length > 0 && (
        <ul className="merge-notices" data-testid="merge-notices">
          {preview.notices.map((n) => <li key={n.code}>{t(n.code, { ns: 'io', keySeparator: false, defaultValue: n.message, ...n.params })}</li>)}
        </ul>
      )}

      {near.length > 0 && (
        <section aria-labelledby="merge-near">
          <h3 id="merge-near">{t('merge.near')} ({near.length})</h3>
          <p className="muted small">{t('merge.nearHint')}</p>
          <ul className="merge-list">
            {near.slice(0, SHOWN).map((p) => {
              const answer = answerOf(p, decisions);
              const remembered = p.remembered === 'same' && !decisions.answers.has(p.id);
              const d = decisionOf(p);
              const chosen = p.candidates.find((c) => c.id === d.to) ?? p.candidates[0]!;
              return (
                <li key={p.id} data-testid="merge-near-row" data-answer={answer ?? 'undecided'}>
                  <strong>{p.label}</strong><Variants p={p} /> ≈{' '}
                  {p.candidates.length > 1 ? (
                    <select aria-label={t('merge.candidate')} value={chosen.id} data-testid="merge-candidate"
                      onChange={(e) => {
                        const c = p.candidates.find((x) => x.id === e.target.value)!;
                        onAnswer(p.id, 'yes', { to: c.id, label: c.label });
                      }}>
                      {p.candidates.map((c) => <option key={c.id} value={c.id}>{c.label} — {t('merge.score', { score: Math.round(c.score) })}</option>)}
                    </select>
                  ) : <span>{chosen.label}</span>}{' '}
                  <span className="merge-score" data-testid="merge-score">{t('merge.score', { score: Math.round(chosen.score) })}</span>
                  <span className="merge-answer" role="group" aria-label={p.label}>
                    <button type="button" aria-pressed={answer === 'yes'} data-testid="merge-yes"
                      onClick={() => onAnswer(p.id, 'yes', { to: chosen.id, label: chosen.label })}>{t('merge.yes')}</button>
                    <button type="button" aria-pressed={answer === 'no'} data-testid="merge-no"
                      onClick={() => onAnswer(p.id, 'no', { to: null, label: p.label })}>{t('merge.no')}</button>
                  </span>
                  <span className="muted small" data-testid="merge-near-state">
                    {' '}{remembered ? t('merge.rememberedYes') : t(answer === 'yes' ? 'merge.confirmed' : answer === 'no' ? 'merge.refused' : 'merge.undecided')}
                  </span>
                  {p.remembered === 'different' && <RefusedBefore p={p} />}
                  {answer === 'yes' && d.to !== null && (
                    <LabelChoice p={p} decision={d} metaLabel={snap.factorById.get(d.to)?.label ?? chosen.label} onChange={(l) => setLabel(p, l)} />
                  )}
                  {answer === 'no' && <NewLabel p={p} decision={d} onChange={(l) => renameNew(p, l)} />}
                </li>
              );
            })}
            <More count={near.length - SHOWN} />
          </ul>
        </section>
      )}

      {preview.conflicts.length > 0 && (
        <section aria-labelledby="merge-conflicts">
          <h3 id="merge-conflicts">{t('merge.conflicts')} ({preview.conflicts.length})</h3>
          <p>
            <button type="button" onClick={() => onDecisions(decideConflicts(decisions, preview.conflicts, 'map'))}>{t('merge.allMap')}</button>{' '}
            <button type="button" onClick={() => onDecisions(decideConflicts(decisions, preview.conflicts, 'mini'))}>{t('merge.allMini')}</button>
          </p>
          <ul className="merge-list">
            {preview.conflicts.slice(0, SHOWN).map((c) => {
              const name = `${miniLabel.get(c.link.source) ?? ''} → ${miniLabel.get(c.link.target) ?? ''}`;
              const chosen = decisions.polarities.get(c.metaId!);
              return (
                <li key={c.metaId} data-testid="merge-conflict">
                  <fieldset>
                    <legend>{name}</legend>
                    {([['map', c.metaPolarity!], ['mini', c.link.polarity]] as const).map(([side, p]) => (
                      <label key={side} className="choice">
                        <input type="radio" name={`conflict-${c.metaId}`} checked={chosen === p}
                          onChange={() => onDecisions(withPolarity(decisions, c.metaId!, p))} />
                        {t(side === 'map' ? 'merge.mapSays' : 'merge.miniSays', { p: t(`polarity.${p}`) })}
                      </label>
                    ))}
                  </fieldset>
                </li>
              );
            })}
            <More count={preview.conflicts.length - SHOWN} />
          </ul>
        </section>
      )}

      {preview.withdrawn.length > 0 && (
        <section aria-labelledby="merge-withdrawn">
          <h3 id="merge-withdrawn">{t('merge.withdrawn')} ({preview.withdrawn.length})</h3>
          <ul className="merge-list">
            {preview.withdrawn.slice(0, SHOWN).map((w) => (
              <li key={w.id} data-testid="merge-withdrawn">
                {w.label}{' '}
                <span role="group" aria-label={w.label}>
                  <button type="button" aria-pressed={w.action === 'remove'} onClick={() => onDecisions(withWithdrawn(decisions, w.id, 'remove'))}>{t('merge.remove')}</button>
                  <button type="button" aria-pressed={w.action === 'keep'} onClick={() => onDecisions(withWithdrawn(decisions, w.id, 'keep'))}>{t('merge.keepIt')}</button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <details open={matched.length <= 12}>
        <summary><h3>{t('merge.same')} ({matched.length})</h3></summary>
        <ul className="merge-list">
          {matched.slice(0, SHOWN).map((p) => {
            const d = decisionOf(p);
            const metaLabel = d.to !== null ? snap.factorById.get(d.to)?.label ?? p.label : p.label;
            return (
              <li key={p.id} data-testid="merge-same-row">
                <strong>{p.label}</strong><Variants p={p} /> = {metaLabel}{p.kind === 'again' ? <span className="muted small"> ({t('merge.again')})</span> : null}{' '}
                {d.to !== null && <LabelChoice p={p} decision={d} metaLabel={metaLabel} onChange={(l) => setLabel(p, l)} />}
              </li>
            );
          })}
          <More count={matched.length - SHOWN} />
        </ul>
      </details>

      <details open={added.length <= 12}>
        <summary><h3>{t('merge.added')} ({added.length})</h3></summary>
        <ul className="merge-list">
          {added.slice(0, SHOWN).map((p) => (
            <li key={p.id} data-testid="merge-new-row">
              <strong>{p.label}</strong><Variants p={p} />
              {p.remembered === 'different' && <RefusedBefore p={p} />}
              <NewLabel p={p} decision={decisionOf(p)} onChange={(l) => renameNew(p, l)} />
            </li>
          ))}
          <More count={added.length - SHOWN} />
        </ul>
      </details>
    </div>
  );
}
