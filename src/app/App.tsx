// The playground page: one store around one simulated cluster, drawn by the shell.
import { useEffect } from 'react';
import { Shell } from './shell/Shell';
import { useStore } from './store/state';

export function App() {
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  const embed = useStore((s) => s.embed.enabled);
  const reducedMotion = useStore((s) => s.reducedMotion);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.presenter = String(presenter);
    root.dataset.embed = String(embed);
    root.dataset.reducedMotion = String(reducedMotion);
  }, [theme, presenter, embed, reducedMotion]);
  return <Shell />;
}
