// Guidance: how the agent talks (tone of voice, used by the optional LLM phrasing; how sure it must be)
// and when it escalates (the escalation rules). Two sections of the settings document, saved together.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Card, FieldError, PageHeader, SaveActions } from './form';
import { useSave } from './useSave';
import { EscalationRules } from './EscalationRules';
import type { PageProps } from './page-props';
import type { Settings } from './types';

export function GuidancePage({ settings, onSaved, canEdit }: PageProps) {
  const [agent, setAgent] = useState<Settings['agent']>(settings.agent);
  const [rules, setRules] = useState(settings.escalation.rules);
  const save = useSave();
  async function submit(e: Event) {
    e.preventDefault();
    const res = await save.run(async () => {
      await api('PUT', '/api/settings/agent', agent);
      return api<{ settings: Settings }>('PUT', '/api/settings/escalation', { rules });
    }, 'Guidance saved');
    if (res) {
      onSaved(res.settings);
      setRules(res.settings.escalation.rules);
    }
  }
  return (
    <div class="page">
      <PageHeader title="Guidance">
        How your Customer Agent talks, and when it hands a conversation to a person.
      </PageHeader>
      <form onSubmit={submit} aria-label="Guidance">
        <fieldset disabled={!canEdit}>
          <Card title="Tone of voice">
            <label>
              Tone of voice
              <textarea
                rows={3}
                maxLength={500}
                value={agent.toneOfVoice}
                onInput={(e) => setAgent({ ...agent, toneOfVoice: e.currentTarget.value })}
              />
            </label>
            <small class="hint">
              A short instruction for the optional LLM phrasing, e.g. “Warm, concise, no exclamation marks.”
            </small>
            <FieldError fields={save.fields} name="toneOfVoice" />
            <label>
              Confidence needed to answer ({Math.round(agent.confidenceThreshold * 100)}%)
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={agent.confidenceThreshold}
                onInput={(e) => setAgent({ ...agent, confidenceThreshold: Number(e.currentTarget.value) })}
              />
            </label>
            <small class="hint">Below this the agent says it isn’t sure and offers a person (a “miss”).</small>
          </Card>
          <EscalationRules
            rules={rules}
            missesBeforeEscalation={agent.missesBeforeEscalation}
            fields={save.fields}
            onChange={setRules}
            onMisses={(n) => setAgent({ ...agent, missesBeforeEscalation: n })}
          />
          <SaveActions save={save} label="Save guidance" testId="guidance-result" />
        </fieldset>
      </form>
    </div>
  );
}
