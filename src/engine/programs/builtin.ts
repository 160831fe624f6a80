// Registers every built-in program. Each tool module exports its Program; add
// one line per tool here.
import { registerProgram } from './index';
import { dig } from '../network/dig';
import { nslookup } from '../network/nslookup';
import { curl } from '../network/curl';
import { wget } from '../network/wget';
import { echo, FILTERS } from './filters';
import { seq } from './seq';

export function registerBuiltinPrograms(): void {
  // e.g. registerProgram('curl', curl);
  void registerProgram;
  registerProgram('nslookup', nslookup);
  registerProgram('dig', dig);
  registerProgram('curl', curl);
  registerProgram('wget', wget);
  // bash's echo builtin, and the filters a pipeline streams through.
  registerProgram('echo', echo);
  registerProgram('seq', seq);
  for (const [name, filter] of Object.entries(FILTERS)) registerProgram(name, filter);
}
