// The toolbar's Share button. The dialog (and the code that compresses the
// workspace) is a chunk of its own, fetched when the button is first pressed.

import { lazy, Suspense, useState } from 'react';
import { Icon } from './Icon';

const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" aria-label="Share" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)} title="Share these files as a link or an embed">
        <Icon name="share" />
        <span>Share</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
