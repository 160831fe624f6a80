// Diagnostics (src/manifests/diagnostics.ts) as Monaco marker data. Pure, and
// typed structurally so it does not pull Monaco into the main bundle.

import type { Diagnostic } from '../../manifests/diagnostics';

/** Monaco's MarkerSeverity values (monaco.MarkerSeverity.Error / Warning). */
export const MARKER_SEVERITY = { error: 8, warning: 4 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  code?: string;
}

/** The owner name our markers are set under (monaco-yaml's own are under `yaml`). */
export const MARKER_OWNER = 'kubectl';

export function toMarkers(diagnostics: readonly Diagnostic[]): MarkerData[] {
  return diagnostics.map((d) => ({
    severity: MARKER_SEVERITY[d.severity],
    message: d.message,
    // Shown after the message in the hover: say who said it.
    source: d.source === 'yaml' ? 'kubectl (YAML)' : 'kubectl (API server dry run)',
    startLineNumber: d.line,
    startColumn: d.col,
    endLineNumber: d.endLine,
    endColumn: d.endCol,
    ...(d.field ? { code: d.field } : {}),
  }));
}

/** A short summary for the status line: `2 problems` / `No problems`. */
export function problemSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!diagnostics.length) return 'No problems';
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** kubectl's one-line outcome of an apply: `service/web configured, deployment.apps/web unchanged`. */
export function applySummary(result: { stdout: string; stderr: string; exitCode: number }): string {
  const out = result.stdout.trim().split('\n').filter(Boolean);
  const err = result.stderr.trim().split('\n').filter((l) => l && !l.startsWith('Warning: '));
  if (result.exitCode === 0) return out.join(', ') || 'applied';
  return [...out, ...err].join('\n');
}
