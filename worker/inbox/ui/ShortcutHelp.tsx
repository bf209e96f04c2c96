// The "?" overlay: every keyboard shortcut. A modal dialog (the native <dialog>, so focus stays in it
// and Escape closes it).
import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from './shortcuts';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      class="shortcut-help"
      aria-labelledby="shortcut-title"
      onClose={onClose}
      data-testid="shortcut-help"
    >
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
