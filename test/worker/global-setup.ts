// Runs in Node before the worker tests: starts the local LLM stand-in and hands its address to the
// tests inside workerd, which read it with `inject('llmStandinUrl')`.
import type { TestProject } from 'vitest/node';
import { startLlmStandin } from '../support/llm-standin';

declare module 'vitest' {
  export interface ProvidedContext {
    llmStandinUrl: string;
    llmStandinKey: string;
  }
}

export default async function setup(project: TestProject) {
  const standin = await startLlmStandin();
  project.provide('llmStandinUrl', standin.url);
  project.provide('llmStandinKey', standin.apiKey);
  return () => standin.stop();
}
