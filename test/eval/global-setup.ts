// Runs in Node before the evaluation: starts the OpenAI-compatible LLM stand-in, so the harness can
// run every question a second time with grounded phrasing switched on.
import type { TestProject } from 'vitest/node';
import { startLlmStandin } from '../support/llm-standin';

declare module 'vitest' {
  export interface ProvidedContext {
    llmStandinUrl: string;
    llmStandinKey: string;
  }
}

export default async function setup(project: TestProject) {
  const llm = await startLlmStandin();
  project.provide('llmStandinUrl', llm.url);
  project.provide('llmStandinKey', llm.apiKey);
  return () => llm.stop();
}
