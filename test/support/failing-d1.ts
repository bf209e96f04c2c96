// Test-only: the real D1 binding, except that the first `failures` statements (a prepared
// statement's run/all/first/raw, a batch, an exec) throw as if D1 were unreachable. Used by the
// fault tests to prove an outage delays effects and never loses or doubles them.
export class FailingD1 {
  private remaining: number;
  /** Single statements sent (run/all/first/raw: the reads and lone writes), failed or not; batches are not counted. */
  statements = 0;

  constructor(
    private readonly inner: D1Database,
    failures: number,
  ) {
    this.remaining = failures;
  }

  /** How many of the failures are still to come. */
  get pending(): number {
    return this.remaining;
  }

  /** Counts one statement; throws while failures remain. */
  hit(): void {
    if (this.remaining <= 0) return;
    this.remaining -= 1;
    throw new Error('D1_ERROR: simulated outage (test/support/failing-d1.ts)');
  }

  binding(): D1Database {
    const inner = this.inner;
    const guard = (statement: D1PreparedStatement): D1PreparedStatement =>
      new Proxy(statement, {
        get: (target, key) => {
          if (key === UNWRAP) return target;
          const value: unknown = Reflect.get(target, key, target);
          if (typeof value !== 'function') return value;
          if (key === 'bind') return (...args: unknown[]) => guard(target.bind(...args));
          if (key === 'run' || key === 'all' || key === 'first' || key === 'raw') {
            return async (...args: unknown[]) => {
              this.statements += 1;
              this.hit();
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
    return new Proxy(inner, {
      get: (target, key) => {
        if (key === 'prepare') return (query: string) => guard(target.prepare(query));
        if (key === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            this.hit();
            // Statements were wrapped by prepare(); the real batch needs the real ones.
            return target.batch(statements.map(unwrap));
          };
        }
        if (key === 'exec') {
          return async (query: string) => {
            this.hit();
            return target.exec(query);
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

const UNWRAP = Symbol('unwrap');

function unwrap(statement: D1PreparedStatement): D1PreparedStatement {
  const real: unknown = Reflect.get(statement, UNWRAP);
  return (real as D1PreparedStatement | undefined) ?? statement;
}
