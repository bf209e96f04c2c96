// The rotation rule, as a pure function: after the member at `pointer` comes the first Online member
// further along the fixed order, wrapping to the start. Between two tickets to the same member every
// other continuously Online member gets exactly one, so their counts never differ by more than one.
export function pickNext<T extends { order_key: string }>(online: readonly T[], pointer: string | null): T | null {
  if (online.length === 0) return null;
  if (pointer === null) return online[0]!;
  return online.find((m) => m.order_key > pointer) ?? online[0]!;
}
