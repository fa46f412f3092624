import { useTranslation } from 'react-i18next';
import { useSession, useSnapshot } from '../../session';
import { FactorDetails } from './FactorDetails';
import './i18n';
import { LinkDetails } from './LinkDetails';
import './inspector.css';

/** Details of the one selected factor or link: notes, polarity, strength, delay. */
export default function InspectorPanel() {
  const { t } = useTranslation();
  const snap = useSnapshot();
  const factors = useSession((s) => s.selectedFactorIds);
  const links = useSession((s) => s.selectedLinkIds);
  const count = factors.length + links.length;
  if (count === 0) return <p className="muted">{t('inspector.nothing')}</p>;
  if (count > 1) return <p className="muted">{t('inspector.many', { count })}</p>;
  const factor = factors[0] ? snap.factorById.get(factors[0]) : undefined;
  if (factor) return <FactorDetails key={factor.id} factor={factor} />;
  const link = links[0] ? snap.links.find((l) => l.id === links[0]) : undefined;
  if (link) return <LinkDetails key={link.id} link={link} />;
  return <p className="muted">{t('inspector.nothing')}</p>;
}
