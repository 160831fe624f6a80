import { describe, expect, it } from 'vitest';
import { applySummary, problemSummary, toMarkers } from './markers';

describe('markers', () => {
  const d = { line: 9, col: 7, endLine: 9, endCol: 19, message: 'The Service "web" is invalid: …', severity: 'error' as const, source: 'kubectl' as const, field: 'spec.ports[0].nodePort' };

  it('become Monaco marker data on the same range', () => {
    expect(toMarkers([d])).toEqual([
      { severity: 8, message: d.message, source: 'kubectl (API server dry run)', startLineNumber: 9, startColumn: 7, endLineNumber: 9, endColumn: 19, code: 'spec.ports[0].nodePort' },
    ]);
  });

  it('summarise problems and apply results', () => {
    expect(problemSummary([])).toBe('No problems');
    expect(problemSummary([d, { ...d, severity: 'warning' }])).toBe('1 error, 1 warning');
    expect(applySummary({ stdout: 'deployment.apps/web unchanged\nservice/web configured\n', stderr: '', exitCode: 0 })).toBe('deployment.apps/web unchanged, service/web configured');
    expect(applySummary({ stdout: '', stderr: 'Warning: x\nThe Service "web" is invalid: y\n', exitCode: 1 })).toBe('The Service "web" is invalid: y');
  });
});
