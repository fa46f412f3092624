import './i18n';
import './analysis.css';
import { useAnalysisRunner } from './useAnalysisRunner';
import { useLoopMarkers } from './useLoopMarkers';

/**
 * Always mounted with the map: runs the analysis when it is needed and keeps the named loops'
 * markers on the canvas. Light on purpose: the analysis code itself lives in the worker.
 */
export default function AnalysisMount() {
  useAnalysisRunner();
  useLoopMarkers();
  return null;
}
