// Retrying a Durable Object call the runtime marked retryable (the object was reset or moved, e.g.
// after a deploy). Each attempt must build a fresh stub: a stub that threw may be broken. Only for
// calls that are safe to repeat.
export async function retrying<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (err) {
      const e = err as { retryable?: boolean; overloaded?: boolean; message?: string };
      // workerd says "Please retry" when it reset an object whose code changed (dev reloads) before the call ran.
      const retryable = e.retryable === true || /please retry/i.test(e.message ?? '');
      if (i >= attempts || !retryable || e.overloaded) throw err;
    }
  }
}
