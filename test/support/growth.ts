/**
 * The one kind of timing test the suite allows: the same code at two input sizes, compared as a
 * ratio (never an absolute time). Each size is timed best of 3, the two sizes in turn (so that a
 * busy machine slows both alike), each timing repeating the call until it has used at least 30 ms of
 * the process's CPU, and counting the smaller of that CPU time and the wall clock (see `msPerCall`),
 * so that a fast linear function is still measured, not the clock's noise. A ratio over 6 gets 3 more turns.
 * Before each timing the garbage of the tests before is collected (the unit suite runs with
 * `--expose-gc`), so that a collection of their garbage is not counted in one size's time: in a full run
 * that alone once made linear code (64,000 empty path segments) take 9.6× the time at 4× the input.
 * Calls that return a promise are awaited (the probes of `findAdrFolder` are asynchronous).
 */

/**
 * Milliseconds per call of `f`, over at least 30 ms of CPU: the smaller of the CPU time and the wall
 * clock. The process's CPU time leaves out other processes busy on the machine but counts the garbage
 * collector's helper threads, which run beside the test on a large input; the wall clock is the other
 * way round. Each overstates only, so the smaller is the nearer.
 */
async function msPerCall(f: () => unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  let calls = 0;
  const start = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  let used = 0;
  do {
    await f();
    calls++;
    const spent = process.cpuUsage(start);
    used = (spent.user + spent.system) / 1000;
  } while (used < 30);
  const wall = Number(process.hrtime.bigint() - wallStart) / 1e6;
  return Math.min(used, wall) / calls;
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
  for (let round = 0; round < 6 && (round < 3 || bestB / bestA > 6); round++) {
    bestA = Math.min(bestA, await msPerCall(() => run(a)));
    bestB = Math.min(bestB, await msPerCall(() => run(b)));
  }
  return bestB / bestA;
}
