// Edit a pod's labels: each change runs `kubectl label pod …` through the one
// command path, so the terminal shows exactly what a person could have typed.
import { useState, type FormEvent } from 'react';
import type { Pod } from '../../engine';
import { labelKeyError, labelValueError, podCommands } from '../../graph/faultCommands';
import { useStore } from '../store/state';
import { Dialog } from './Dialog';

export function LabelDialog({ namespace, name, run, onClose }: { namespace: string; name: string; run: (line: string) => void; onClose: () => void }) {
  const pod = useStore((s) => (s.snapshot.objects.Pod as readonly Pod[] | undefined)?.find((p) => p.metadata.name === name && (p.metadata.namespace ?? 'default') === namespace));
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const labels = Object.entries(pod?.metadata.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const err = labelKeyError(key.trim()) ?? labelValueError(value.trim());
    setError(err);
    if (err) return;
    run(podCommands.setLabel(name, key.trim(), value.trim(), namespace));
    setKey('');
    setValue('');
  };
  return (
    <Dialog title={`Labels of pod ${name}`} onClose={onClose}>
      {!pod && <p className="muted">This pod is gone.</p>}
      <ul className="label-list">
        {labels.map(([k, v]) => (
          <li key={k}>
            <span className="mono">
              {k}={v}
            </span>
            <button type="button" aria-label={`Remove label ${k}`} onClick={() => run(podCommands.removeLabel(name, k, namespace))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="label-form" onSubmit={submit}>
        <label>
          Key <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="app" autoComplete="off" spellCheck={false} />
        </label>
        <label>
          Value <input value={value} onChange={(e) => setValue(e.target.value)} placeholder="web" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" disabled={!pod}>
          Set label
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">A Service selects pods by label: change one and watch the Service's edges follow.</p>
      <div className="gdialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
