// The "Send request" dialog: pick who sends and where to, see the command line,
// and run it through runCommand, so the terminal shows it too and the packet
// layer animates the trace it makes. One <dialog>, opened by openSendRequest.

import { useEffect, useMemo, useRef, useState } from 'react';
import { runCommand } from '../store/actions';
import { useStore } from '../store/state';
import { commandFor, destinations, sources, suggestFor } from './sendRequest';
import { registerSendRequestOpener } from './sendRequestOpener';

export function SendRequestDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [sourceKey, setSourceKey] = useState('workstation');
  const [url, setUrl] = useState('');
  const [host, setHost] = useState<string | undefined>();
  // Read the cluster only while the dialog is open: closed, it costs nothing per change.
  const snapshot = useStore((s) => (open ? s.snapshot : null));

  useEffect(
    () =>
      registerSendRequestOpener((target) => {
        const s = useStore.getState().snapshot;
        const suggestion = suggestFor(s, target);
        setSourceKey(suggestion.sourceKey);
        setUrl(suggestion.url);
        setHost(suggestion.host);
        setOpen(true);
      }),
    [],
  );

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const srcList = useMemo(() => (snapshot ? sources(snapshot) : []), [snapshot]);
  const source = srcList.find((x) => x.key === sourceKey)?.source ?? srcList[0]?.source;
  const dests = useMemo(() => (snapshot && source ? destinations(snapshot, source) : []), [snapshot, source]);
  const chosen = dests.findIndex((d) => d.url === url && d.host === host);
  const command = source && url ? commandFor(source, url.trim(), host) : '';

  const pickSource = (key: string) => {
    setSourceKey(key);
    const src = srcList.find((x) => x.key === key)?.source;
    if (!snapshot || !src) return;
    const list = destinations(snapshot, src);
    // Keep the same Service when the new source can reach it.
    const current = dests[chosen]?.service;
    const same = current && list.find((d) => d.service?.namespace === current.namespace && d.service.name === current.name);
    const d = same ?? list[0];
    setUrl(d?.url ?? '');
    setHost(d?.host);
  };

  const send = (e: React.FormEvent) => {
    e.preventDefault();
    if (!command) return;
    setOpen(false);
    runCommand(command, 'toolbar');
  };

  return (
    <dialog ref={dialogRef} className="packet-dialog nokey nowheel" aria-labelledby="send-request-title" onClose={() => setOpen(false)}>
      {open && (
        <form onSubmit={send}>
          <h2 id="send-request-title">Send a request</h2>
          <label className="packet-field">
            <span>From</span>
            <select value={sourceKey} onChange={(e) => pickSource(e.target.value)}>
              {srcList.map((x) => (
                <option key={x.key} value={x.key}>{x.label}</option>
              ))}
            </select>
          </label>
          <label className="packet-field">
            <span>To</span>
            <select
              value={chosen >= 0 ? String(chosen) : ''}
              onChange={(e) => {
                const d = dests[Number(e.target.value)];
                if (d) {
                  setUrl(d.url);
                  setHost(d.host);
                }
              }}
            >
              {chosen < 0 && <option value="">Custom URL</option>}
              {dests.map((d, i) => (
                <option key={`${d.url} ${d.host ?? ''}`} value={i}>{d.label}</option>
              ))}
            </select>
          </label>
          <label className="packet-field">
            <span>URL</span>
            <input type="text" value={url} spellCheck={false} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <p className="packet-command" aria-label="Command line">
            <code>$ {command}</code>
          </p>
          <div className="packet-dialog-buttons">
            <button type="button" onClick={() => setOpen(false)}>Cancel</button>
            <button type="submit" className="primary" disabled={!command}>Send</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
