/**
 * The one kind of timing test the suite allows: the same code at two input sizes, compared as a
 * ratio (never an absolute time). Each size is timed best of 3, each timing repeating the call until
 * it has run for at least 20 ms, so that a fast linear function is still measured, not the clock's
 * noise. Calls that return a promise are awaited (the probes of `findAdrFolder` are asynchronous).
 */

/** Milliseconds per call of `f`, best of 3. */
async function msPerCall(f: () => unknown): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    do {
      await f();
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    } while (elapsed < 20);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/**
 * How much longer `run(make(large))` takes than `run(make(small))` (inputs built before timing).
 * With `large = 4 × small`, linear code gives about 4 and quadratic code about 16.
 */
export async function growth<T>(make: (size: number) => T, run: (input: T) => unknown, small: number, large: number): Promise<number> {
  const a = make(small);
  const b = make(large);
  await run(a); // warm up
  return (await msPerCall(() => run(b))) / (await msPerCall(() => run(a)));
}
