// The text filters a pipeline streams through (kubectl get pods | grep web | wc -l).
import type { FilterProgram } from '../types';
import { startAwk, startCut, startTr } from './cutTrAwk';
import { startGrep } from './grep';
import { startHead, startTail } from './headTail';
import { filterProgram } from './lineFilter';
import { startSort, startUniq } from './sortUniq';
import { startCat, startWc } from './wcCatEcho';

export { echo } from './wcCatEcho';

export const FILTERS: Record<string, FilterProgram> = {
  grep: filterProgram('grep', startGrep),
  head: filterProgram('head', startHead),
  tail: filterProgram('tail', startTail),
  wc: filterProgram('wc', startWc),
  sort: filterProgram('sort', startSort),
  uniq: filterProgram('uniq', startUniq),
  cut: filterProgram('cut', startCut),
  tr: filterProgram('tr', startTr),
  awk: filterProgram('awk', startAwk),
  cat: filterProgram('cat', startCat),
};
