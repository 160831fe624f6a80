// The traffic generator and the "Send request" dialog, loaded apart from the
// first picture: the generator when it is first opened, the dialog right after
// the graph's first render (both live in the graph's packet layer; a request to
// open the dialog made before then is delivered when it mounts, see
// registerSendRequestOpener).

import { lazy, Suspense } from 'react';
import { useStore } from '../store/state';

const TrafficGenerator = lazy(() => import('./TrafficGenerator').then((m) => ({ default: m.TrafficGenerator })));
const SendRequestDialog = lazy(() => import('./SendRequestDialog').then((m) => ({ default: m.SendRequestDialog })));

/** Opens or closes the traffic generator's panel (the toolbar's toggle). */
export function toggleTrafficGenerator(open?: boolean): void {
  useStore.setState((s) => ({ trafficOpen: open ?? !s.trafficOpen }));
}

export function LazyTrafficGenerator() {
  const open = useStore((s) => !!s.trafficOpen);
  return open ? (
    <Suspense fallback={null}>
      <TrafficGenerator />
    </Suspense>
  ) : null;
}

export function LazySendRequestDialog() {
  return (
    <Suspense fallback={null}>
      <SendRequestDialog />
    </Suspense>
  );
}
