// A placeholder page: one simulated cluster, its objects by kind, and a command box.
// The real UI (editor, graph, terminal) replaces it in a later issue.
import { type FormEvent, useMemo, useState } from 'react';
import { createCluster, type Cluster, type ExecResult } from '../engine';
import { WELCOME_MANIFEST } from './welcome';

interface Entry extends ExecResult {
  id: number;
  line: string;
}

function bootCluster(): { cluster: Cluster; welcome: Entry } {
  const cluster = createCluster({ seed: 1 });
  cluster.writeFile('welcome.yaml', WELCOME_MANIFEST);
  const line = 'kubectl apply -f welcome.yaml';
  const welcome = { id: 0, line, ...cluster.exec(line) };
  cluster.advance(10_000);
  return { cluster, welcome };
}

function run(cluster: Cluster, line: string): ExecResult {
  try {
    return cluster.exec(line);
  } catch (e) {
    // exec reports its own failures; this only guards the page against an engine bug.
    return { stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
  }
}

export function App() {
  const [{ cluster, welcome }] = useState(bootCluster);
  const [history, setHistory] = useState<Entry[]>([welcome]);
  const [input, setInput] = useState('');
  // Bumped after every command or time step so the object list is read again.
  const [version, setVersion] = useState(0);
  const snapshot = useMemo(() => cluster.snapshot(), [cluster, version]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const line = input.trim();
    if (!line) return;
    const entry = { id: version + 1, line, ...run(cluster, line) };
    setHistory((h) => [...h, entry].slice(-20));
    setInput('');
    setVersion((v) => v + 1);
  };

  const advance = () => {
    cluster.advance(10_000);
    setVersion((v) => v + 1);
  };

  const kinds = Object.keys(snapshot.objects).sort();
  return (
    <main className="page">
      <header>
        <h1>Services Playground</h1>
        <p>A simulated Kubernetes cluster running in this page. Simulated time: {snapshot.time}</p>
      </header>

      <section aria-labelledby="terminal-heading">
        <h2 id="terminal-heading">Command</h2>
        <form className="command" onSubmit={submit}>
          <span aria-hidden="true">$</span>
          <input aria-label="Command" value={input} onChange={(e) => setInput(e.target.value)} placeholder="kubectl get svc" spellCheck={false} autoComplete="off" />
          <button type="submit">Run</button>
          <button type="button" onClick={advance}>Advance 10 s</button>
        </form>
        <div className="history" aria-label="Command output" aria-live="polite">
          {history.map((entry) => (
            <div key={entry.id} className="entry">
              <div className="line">$ {entry.line}</div>
              {entry.stdout && <pre className="output">{entry.stdout}</pre>}
              {entry.stderr && <pre className="output stderr">{entry.stderr}</pre>}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="objects-heading">
        <h2 id="objects-heading">Objects</h2>
        {kinds.map((kind) => (
          <table key={kind} aria-label={kind}>
            <caption>{kind} ({snapshot.objects[kind].length})</caption>
            <thead>
              <tr><th>Namespace</th><th>Name</th></tr>
            </thead>
            <tbody>
              {snapshot.objects[kind].map((o) => (
                <tr key={o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`}>
                  <td>{o.metadata.namespace ?? ''}</td>
                  <td>{o.metadata.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
    </main>
  );
}
