import './i18n';
import './analysis.css';
import { useAnalysisRunner } from './useAnalysisRunner';
import { useLoopMarkers } from './useLoopMarkers';
import { PolarityNotice } from './PolarityNotice';

/**
 * Always mounted with the map: runs the analysis when it is needed and keeps the named loops'
 * markers on the canvas, and tells what a changed polarity did to the loops. Light on purpose:
 * the analysis code itself lives in the worker.
 */
export default function AnalysisMount() {
  useAnalysisRunner();
  useLoopMarkers();
  return <PolarityNotice />;
}
