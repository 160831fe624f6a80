// Registers every built-in program. Each tool module exports its Program; add
// one line per tool here.
import { registerProgram } from './index';

export function registerBuiltinPrograms(): void {
  // e.g. registerProgram('curl', curl);
  void registerProgram;
}
