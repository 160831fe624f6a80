// The playground page: one store around one simulated cluster, drawn by the shell.
import { useEffect } from 'react';
import { Shell } from './shell/Shell';
import { useStore } from './store/state';

export function App() {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return <Shell />;
}
