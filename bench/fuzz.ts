/**
 * `npm run fuzz`: the fuzzer of test/support/fuzz.ts on 100,000 inputs (the unit suite runs a few
 * thousand), split over worker threads. Prints the seed first, then progress, every kind of problem
 * found (with the run that replays it), the slowest inputs, and the inputs much slower than the median
 * of their size (best of 3, by stage). Writes each problem's input to out/fuzz/. Exits 1 when it found
 * a problem or a slow input. Times are printed, never compared with a constant.
 *
 *   npm run fuzz                              100,000 inputs from a new seed
 *   npm run fuzz -- --seed 42 --runs 5000     options, also as FUZZ_SEED, FUZZ_RUNS, FUZZ_WORKERS
 *   npm run fuzz -- --seed 42 --path 1234     replays run 1234 of seed 42 (one input)
 *   npm run fuzz -- --scale unit              the unit suite's smaller inputs
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FULL_SCALE, FoundProblem, FuzzInput, FuzzReport, Timing, UNIT_SCALE, inputText, loadCorpus, runFuzz, slowInputs } from '../test/support/fuzz';
import { REPO } from './support';

/** An input is reported slow when even its best of 3 takes this many times the median of its size. */
const SLOW_FACTOR = 20;

interface Job { seed: number; start: number; runs: number; scale: 'unit' | 'full' }
type FromWorker = { type: 'progress'; done: number } | { type: 'done'; report: FuzzReport };

function option(name: string, env: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.env[env];
}

const scaleOf = (name: string) => (name === 'unit' ? UNIT_SCALE : FULL_SCALE);

if (!isMainThread) {
  const job = workerData as Job;
  const report = runFuzz({
    seed: job.seed, runs: job.runs, scale: scaleOf(job.scale), path: String(job.start),
    onRun: done => { if (done % 500 === 0) parentPort!.postMessage({ type: 'progress', done: 500 } satisfies FromWorker); },
  });
  parentPort!.postMessage({ type: 'done', report } satisfies FromWorker);
} else {
  void main();
}

async function main(): Promise<void> {
  const seed = Number(option('seed', 'FUZZ_SEED') ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0);
  const replay = option('path', 'FUZZ_PATH');
  const runs = replay !== undefined ? Number(option('runs', 'FUZZ_RUNS') ?? 1) : Number(option('runs', 'FUZZ_RUNS') ?? 100_000);
  const scale = option('scale', 'FUZZ_SCALE') === 'unit' ? 'unit' : 'full';
  const workers = Math.max(1, Math.min(runs, Number(option('workers', 'FUZZ_WORKERS') ?? 2)));
  const first = replay !== undefined ? Number(replay) : 0;
  console.log(`fuzz: seed ${seed}, ${runs} runs from run ${first}, ${scale} scale, ${workers} worker${workers > 1 ? 's' : ''} (replay one run: npm run fuzz -- --seed ${seed} --path <run>)`);

  const started = Date.now();
  let done = 0;
  const share = Math.ceil(runs / workers);
  const reports = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<FuzzReport>((resolve, reject) => {
    const job: Job = { seed, start: first + w * share, runs: Math.min(share, runs - w * share), scale };
    const worker = new Worker(__filename, { workerData: job });
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'done') resolve(m.report);
      else if ((done += m.done) % 5_000 === 0) console.log(`  ${done} runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    });
    worker.on('error', reject);
    worker.on('exit', code => reject(new Error(`worker ${w} stopped (exit code ${code}) before its report`)));
  })));
  const seconds = (Date.now() - started) / 1000;

  const corpus = loadCorpus(scaleOf(scale).maxChars);
  const problems = new Map<string, FoundProblem>();
  for (const p of reports.flatMap(r => r.problems)) {
    const known = problems.get(p.kind);
    problems.set(p.kind, known ? { ...(Number(known.path) <= Number(p.path) ? known : p), count: known.count + p.count } : p);
  }
  const timings: Timing[] = reports.flatMap(r => r.timings);
  console.log(`\n${runs} runs in ${seconds.toFixed(0)} s (${((seconds * 1000) / runs).toFixed(1)} ms a run): ${problems.size} kind${problems.size === 1 ? '' : 's'} of problem, ${runs - timings.length} runs with one`);

  const out = path.join(REPO, 'out', 'fuzz');
  fs.mkdirSync(out, { recursive: true });
  for (const p of [...problems.values()].sort((a, b) => Number(a.path) - Number(b.path))) {
    const { path: file, text } = inputText(p.input, corpus);
    const saved = path.join(out, `${seed}-${p.path}.md`);
    fs.writeFileSync(saved, text);
    console.log(`\n- ${p.message}\n  ${p.count} run${p.count === 1 ? '' : 's'}; first: --seed ${seed} --path ${p.path} (${file}, ${text.length} characters, saved as ${path.relative(REPO, saved)})`);
    console.log(`  mutations: ${describeInput(p.input)}`);
  }

  console.log('\nslowest inputs:');
  for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    console.log(`  ${t.ms.toFixed(1).padStart(8)} ms  ${String(t.size).padStart(7)} chars  --path ${t.path}  ${inputText(t.input, corpus).path}`);
  }
  console.log(`\nmeasuring again (best of 3) the inputs that took over ${SLOW_FACTOR}× the median of their size…`);
  const slow = slowInputs(timings, SLOW_FACTOR, corpus);
  console.log(`inputs slower than ${SLOW_FACTOR}× the median of their size, best of 3: ${slow.length}`);
  for (const s of slow) {
    const stages = Object.entries(s.stages).map(([k, v]) => `${k} ${v!.toFixed(0)}`).join(', ');
    console.log(`  ${s.best.toFixed(1)} ms (median ${s.median.toFixed(2)} ms, ${s.size} chars; ${stages})  --seed ${seed} --path ${s.path}  ${inputText(s.input, corpus).path}`);
    console.log(`    mutations: ${describeInput(s.input)}`);
  }
  process.exitCode = problems.size > 0 || slow.length > 0 ? 1 : 0;
}

/** An input's mutations, briefly (tokens quoted, long repetitions counted). */
function describeInput(input: FuzzInput): string {
  return input.mutations.map(m => {
    if (m.op === 'insert') return `insert ${JSON.stringify(m.token)}×${m.times}`;
    if (m.op === 'repeat') return `repeat ${m.length} chars ×${m.times}`;
    if (m.op === 'line-ends') return `line ends ${JSON.stringify(m.eol)}`;
    return m.op;
  }).join(', ');
}
