import type { TestProject } from 'vitest/node';
import { startWorker } from '../support/worker-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One real worker for the whole browser suite. */
export default async function setup(project: TestProject) {
  const worker = await startWorker();
  project.provide('baseUrl', worker.url);
  return () => worker.stop();
}
