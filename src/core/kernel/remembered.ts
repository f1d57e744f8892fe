/**
 * `compute` with what it made for up to `most` inputs kept: a call's tokens and header names are
 * mostly the last call's. Emptied when full rather than evicted one by one: the inputs that repeat
 * come back at once. `compute` must be pure and never give undefined.
 */
export function remembered<T>(most: number, compute: (input: string) => T): (input: string) => T {
  const known = new Map<string, T>();
  return (input) => {
    let value = known.get(input);
    if (value === undefined) {
      if (known.size >= most) known.clear();
      known.set(input, (value = compute(input)));
    }
    return value;
  };
}
