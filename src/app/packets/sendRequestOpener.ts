// Opening the "Send request" dialog from anywhere (the toolbar, a node's menu, a lesson),
// apart from the dialog's own code (sendRequest.ts and the dialog are chunks loaded on
// first use, so the first picture does not carry them).

type Opener = (target?: { namespace: string; name: string }) => void;
let opener: Opener | null = null;
let pending: { target?: { namespace: string; name: string } } | null = null;

/** Opens the "Send request" dialog, prefilled for `target` (a Service) when given. */
export function openSendRequest(target?: { namespace: string; name: string }): void {
  if (opener) opener(target);
  else pending = { target };
}

/** The dialog registers itself; a request to open made before it mounted is delivered then. */
export function registerSendRequestOpener(fn: Opener): () => void {
  opener = fn;
  if (pending) {
    const p = pending;
    pending = null;
    fn(p.target);
  }
  return () => {
    if (opener === fn) opener = null;
  };
}
