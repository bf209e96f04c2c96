// Fans the live frames out to whichever screens are mounted (list, ticket page, toasts).
import { useEffect, useRef } from 'preact/hooks';
import type { InboxServerFrame } from './types';

type Listener = (frame: InboxServerFrame | { type: 'reconnected' }) => void;

export class FrameBus {
  private listeners = new Set<Listener>();

  emit(frame: InboxServerFrame | { type: 'reconnected' }): void {
    for (const l of this.listeners) l(frame);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function useFrames(bus: FrameBus, listener: Listener): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => bus.subscribe((f) => ref.current(f)), [bus]);
}
