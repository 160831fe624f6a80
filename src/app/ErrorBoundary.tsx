import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** The pane's name, when this boundary guards one pane: the error then stays inside it. */
  pane?: string;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload pane" so the pane mounts afresh. */
  generation: number;
}

/** Shows the error text instead of a blank page (or pane) when anything below it throws while rendering. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  private reload = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  override render(): ReactNode {
    const { error, generation } = this.state;
    const { pane, children } = this.props;
    if (!error) return <ErrorBoundaryChild key={generation}>{children}</ErrorBoundaryChild>;
    const text = error.stack ?? `${error.name}: ${error.message}`;
    if (pane) {
      return (
        <div className="pane-error" role="alert">
          <p>
            <strong>The {pane} stopped working.</strong> Your files and the cluster are safe.
          </p>
          <pre>{text}</pre>
          <button type="button" className="btn" onClick={this.reload}>
            Reload {pane}
          </button>
        </div>
      );
    }
    return (
      <main className="page-error" role="alert">
        <h1>Something went wrong</h1>
        <p>The playground hit an error it could not recover from. Your work is saved; reload the page to continue.</p>
        <pre>{text}</pre>
        <button type="button" className="btn" onClick={() => location.reload()}>
          Reload the page
        </button>
      </main>
    );
  }
}

/** A keyed wrapper so "Reload pane" remounts the children with fresh state. */
function ErrorBoundaryChild({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
