import type { Me } from '../types';
import type { Settings } from './types';

/** What every settings page gets: who is looking, whether they may edit, the current document. */
export interface PageProps {
  me: Me;
  canEdit: boolean;
  settings: Settings;
  /** The server's answer to a save: the whole, current document. */
  onSaved: (settings: Settings) => void;
}
