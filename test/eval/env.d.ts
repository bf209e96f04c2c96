declare module 'cloudflare:test' {
  interface ProvidedEnv {
    /** "1": print the figures, do not fail on them (`npm run bench`). */
    EVAL_REPORT_ONLY: string;
  }
}
export {};
