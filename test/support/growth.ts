/**
 * The one kind of timing test the suite allows: the same code at two input sizes, compared as a
 * ratio (never an absolute time). Each size is timed best of 3, the two sizes in turn (so that a
 * busy machine slows both alike), each timing repeating the call until it has run for at least
 * 30 ms, so that a fast linear function is still measured, not the clock's noise. Calls that return
 * a promise are awaited (the probes of `findAdrFolder` are asynchronous).
 */

/** Milliseconds per call of `f`, over at least 30 ms of calls. */
async function msPerCall(f: () => unknown): Promise<number> {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    await f();
    calls++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < 30);
  return elapsed / calls;
}

/**
 * How much longer `run(make(large))` takes than `run(make(small))` (inputs built before timing),
 * each the best of 3. With `large = 4 × small`, linear code gives about 4 and quadratic code about 16.
 */
export async function growth<T>(make: (size: number) => T, run: (input: T) => unknown, small: number, large: number): Promise<number> {
  const a = make(small);
  const b = make(large);
  await run(a); // warm up
  let bestA = Infinity, bestB = Infinity;
  for (let round = 0; round < 3; round++) {
    bestA = Math.min(bestA, await msPerCall(() => run(a)));
    bestB = Math.min(bestB, await msPerCall(() => run(b)));
  }
  return bestB / bestA;
}
