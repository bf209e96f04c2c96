// A static preview of the widget's header and greeting with the unsaved values.
import type { Settings } from './types';

export function WidgetPreview({ general }: { general: Settings['general'] }) {
  return (
    <section class="card preview" aria-label="Preview" style={{ '--preview-brand': general.brandColor }}>
      <h2>Preview</h2>
      <div class="preview-panel">
        <div class="preview-head">
          {general.avatarUrl ? (
            <img src={general.avatarUrl} alt="" width={28} height={28} />
          ) : (
            <span class="preview-dot" aria-hidden="true" />
          )}
          <strong>{general.agentName}</strong>
        </div>
        <p class="preview-bubble">{general.greeting}</p>
      </div>
      <div class={`preview-launcher ${general.launcherPosition}`}>
        <span aria-hidden="true" />
      </div>
    </section>
  );
}
