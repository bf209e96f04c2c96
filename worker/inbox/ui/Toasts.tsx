// In-app toasts: "Ticket #12 is yours" when a ticket is assigned to you. Announced politely to
// screen readers; each one can be opened or dismissed with the keyboard.
import { useState } from 'preact/hooks';
import { useFrames, type FrameBus } from './bus';

interface Toast {
  key: number;
  ticketId: string;
  title: string;
  detail: string;
}

let nextKey = 1;

export function Toasts({ bus, onOpen }: { bus: FrameBus; onOpen: (ticketId: string) => void }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = (key: number) => setToasts((all) => all.filter((t) => t.key !== key));
  useFrames(bus, (frame) => {
    if (frame.type !== 'ticket.assigned') return;
    const toast = {
      key: nextKey++,
      ticketId: frame.ticket.id,
      title: `Ticket #${frame.ticket.number} was assigned to you`,
      detail: frame.assignment.reason,
    };
    setToasts((all) => [...all.slice(-3), toast]);
    setTimeout(() => dismiss(toast.key), 8_000); // long enough to read, short enough not to sit on the reply box
  });
  return (
    <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div class="toast" key={t.key}>
          <strong>{t.title}</strong>
          <span>{t.detail}</span>
          <div class="toast-actions">
            <button
              type="button"
              onClick={() => {
                onOpen(t.ticketId);
                dismiss(t.key);
              }}
            >
              Open
            </button>
            <button type="button" class="ghost" onClick={() => dismiss(t.key)} aria-label="Dismiss">
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
