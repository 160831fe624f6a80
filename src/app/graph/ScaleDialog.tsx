// Scale a Deployment, ReplicaSet or StatefulSet: runs `kubectl scale …`.
import { useState, type FormEvent } from 'react';
import { scaleCommand } from '../../graph/faultCommands';
import type { WorkloadRef } from '../../graph/types';
import { Dialog } from './Dialog';

const MAX = 500;

export function ScaleDialog({ namespace, workload, run, onClose }: { namespace: string; workload: WorkloadRef; run: (line: string) => void; onClose: () => void }) {
  const [replicas, setReplicas] = useState(String(workload.replicas ?? 1));
  const n = Number(replicas);
  const valid = Number.isInteger(n) && n >= 0 && n <= MAX;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    run(scaleCommand(workload.kind, workload.name, n, namespace));
    onClose();
  };
  return (
    <Dialog title={`Scale ${workload.kind.toLowerCase()} ${workload.name}`} onClose={onClose}>
      <form className="label-form" onSubmit={submit}>
        <label>
          Replicas <input type="number" min={0} max={MAX} value={replicas} onChange={(e) => setReplicas(e.target.value)} />
        </label>
        <button type="submit" disabled={!valid}>
          Scale
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </form>
      {!valid && <p className="form-error">A whole number from 0 to {MAX}.</p>}
      <p className="muted small mono">{valid ? scaleCommand(workload.kind, workload.name, n, namespace) : ''}</p>
    </Dialog>
  );
}
