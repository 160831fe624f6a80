// The Share dialog: the workspace files (in tab order) and the open tab as a
// link whose fragment carries them (embed/shareLink.ts), and the same as an
// <iframe> snippet for a blog post. Links over the length limit are refused
// with the reason. Loaded lazily by ShareButton.tsx.

import { useEffect, useRef, useState } from 'react';
import { encodeWorkspace, formatLength, linkLengthProblem, shareUrls, workspaceProblem } from '../../embed/shareLink';
import { useStore } from '../store/state';
import './share.css';

type Encoded = { state: 'working' } | { state: 'failed'; message: string } | { state: 'ready'; payload: string; files: number };

/** The workspace as the tabs show it, encoded once when the dialog opens. */
function useEncodedWorkspace(): Encoded {
  const [encoded, setEncoded] = useState<Encoded>({ state: 'working' });
  useEffect(() => {
    let live = true;
    const { files, fileOrder, activeFile } = useStore.getState();
    const list = fileOrder.filter((name) => Object.hasOwn(files, name)).map((name): [string, string] => [name, files[name]]);
    const open = list.some(([name]) => name === activeFile) ? activeFile : (list[0]?.[0] ?? '');
    const problem = workspaceProblem(list, open);
    const done = (e: Encoded) => {
      if (live) setEncoded(e);
    };
    if (problem) done({ state: 'failed', message: `These files cannot be shared: ${problem}.` });
    else
      encodeWorkspace({ files: list, open }).then(
        (payload) => done({ state: 'ready', payload, files: list.length }),
        (e: unknown) => done({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, []);
  return encoded;
}

/** A read-only field with a Copy button and a status line saying what happened. */
function CopyField({ id, label, text, rows }: { id: string; label: string; text: string; rows?: number }) {
  const [status, setStatus] = useState('');
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => setStatus(''), [text]);
  const copy = async () => {
    fieldRef.current?.select();
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      fieldRef.current?.focus();
      fieldRef.current?.select();
      setStatus('The clipboard is not available here: the text is selected in the field, copy it from there (Ctrl+C or ⌘C).');
    }
  };
  const common = { id, ref: fieldRef, readOnly: true, value: text, spellCheck: false, onFocus: () => fieldRef.current?.select() };
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <div className="share-field-row">
        {rows ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
        <button type="button" onClick={() => void copy()} aria-describedby={`${id}-status`}>
          Copy
        </button>
      </div>
      <p id={`${id}-status`} className="share-status" role="status">
        {status}
      </p>
    </div>
  );
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const encoded = useEncodedWorkspace();
  const [readOnly, setReadOnly] = useState(false);

  useEffect(() => {
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
  }, []);

  const ready = encoded.state === 'ready' ? encoded : undefined;
  const urls = ready && shareUrls(location.href, ready.payload, { readOnly });
  const linkProblem = urls && linkLengthProblem(urls.link.length);
  const embedProblem = urls && linkLengthProblem(urls.embedUrl.length);

  return (
    <dialog ref={dialogRef} className="packet-dialog share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">Share these files</h2>
      {encoded.state === 'working' && <p role="status">Making the link…</p>}
      {encoded.state === 'failed' && (
        <p className="share-problem" role="alert">
          {encoded.message}
        </p>
      )}
      {ready && urls && (
        <>
          <p className="share-intro">
            The link carries {ready.files === 1 ? 'the file' : `the ${ready.files} files`} in tab order and which tab is open. Opening it
            applies each file in a fresh cluster; commands typed in the terminal are not included. Nothing is uploaded: the files travel inside the link.
          </p>
          {linkProblem ? (
            <p className="share-problem" role="alert">
              {linkProblem}
            </p>
          ) : (
            <>
              <CopyField id="share-link" label="Link" text={urls.link} />
              <p className="share-length">This link is {formatLength(urls.link.length)} long.</p>
            </>
          )}
          <h3>Embed in a page</h3>
          {embedProblem ? (
            <p className="share-problem" role="alert">
              {embedProblem}
            </p>
          ) : (
            <CopyField id="share-embed" label="HTML for an <iframe> (700×450)" text={urls.iframe} rows={3} />
          )}
          <label className="share-check">
            <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
            Read-only (readers cannot edit the files or break the cluster)
          </label>
        </>
      )}
      <div className="packet-dialog-buttons">
        <button type="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
