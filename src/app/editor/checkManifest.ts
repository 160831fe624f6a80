// Checks one workspace file the way kubectl would: parse it (syntax errors with
// their positions), then send each document through
// `kubectl apply --dry-run=server -f -`, which validates against the simulated API
// server without storing anything. The random generator is put back afterwards, so
// the checks the editor runs while someone types never change the names or IPs the
// cluster hands out later (a replay without them must give the same cluster).
// A document's verdict is cached while neither its text nor the live object of the
// same name changed, so typing in one document of a long file re-checks only that one.

import type { Cluster } from '../../engine';
import { parseManifests } from '../../manifests';
import { documentsToCheck, manifestDiagnostics, type Diagnostic, type DryRunResult } from '../../manifests/diagnostics';

// Re-exported so the editor's hook takes it from this lazily loaded chunk: a value import of
// diagnostics.ts from the first chunk would pull the whole module into it.
export { hasErrors } from '../../manifests/diagnostics';

type Verdict = Omit<DryRunResult, 'docIndex'>;

const CACHE_SIZE = 256;
const cache = new Map<string, Verdict>();
let cachedCluster: Cluster | undefined;

/** What the verdict depends on besides the text: the live object (and its namespace) as stored now. */
function liveKey(cluster: Cluster, value: unknown): string {
  const v = value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof v?.kind !== 'string' || typeof v.metadata?.name !== 'string') return '-';
  const ns = typeof v.metadata.namespace === 'string' ? v.metadata.namespace : 'default';
  const api = cluster.context.api;
  const live = api.tryGet(v.kind, ns, v.metadata.name);
  const nsObj = api.tryGet('Namespace', undefined, ns);
  return `${live?.metadata.resourceVersion ?? 'none'}/${nsObj?.metadata.resourceVersion ?? 'none'}`;
}

function dryRun(cluster: Cluster, json: string): Verdict {
  const rng = cluster.context.rng;
  const seedState = rng.save();
  const version = cluster.context.store.currentResourceVersion;
  // A subshell: the check must not change the terminal's `$?` (nor is it replayed).
  const result = cluster.exec('kubectl apply --dry-run=server -f -', json, { subshell: true });
  // A dry run stores nothing; if something else did run (settled controllers), keep its draws.
  if (cluster.context.store.currentResourceVersion === version) rng.restore(seedState);
  return result;
}

export function checkManifest(cluster: Cluster, fileName: string, text: string): Diagnostic[] {
  if (cachedCluster !== cluster) {
    cache.clear();
    cachedCluster = cluster;
  }
  const parsed = parseManifests(text);
  const results: DryRunResult[] = [];
  for (const doc of documentsToCheck(parsed)) {
    // JSON is YAML: the document exactly as parsed, whatever the file around it holds.
    const json = JSON.stringify(doc.value);
    const key = `${liveKey(cluster, doc.value)}|${json}`;
    let verdict = cache.get(key);
    if (!verdict) {
      verdict = dryRun(cluster, json);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, verdict);
    }
    results.push({ docIndex: doc.index, ...verdict });
  }
  return manifestDiagnostics(text, parsed, results, fileName);
}
