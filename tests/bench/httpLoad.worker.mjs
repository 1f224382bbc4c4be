// Load generator for serve.bench.ts, in its own thread so that it does not share an event loop
// with the server it measures. Keeps `connections` keep-alive requests in flight for
// `durationMs` and reports how many completed (every one checked for the expected status).
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

const { origin, path, headers, connections, durationMs, expectStatus } = workerData;
const pool = new Pool(origin, { connections, pipelining: 1 });
let completed = 0;
let wrong = 0;
const deadline = performance.now() + durationMs;

async function client() {
  while (performance.now() < deadline) {
    const { statusCode, body } = await pool.request({ path, method: 'GET', headers });
    await body.dump({ limit: Infinity });
    if (statusCode === expectStatus) completed++;
    else wrong++;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, client));
const elapsed = performance.now() - started;
await pool.close();
parentPort.postMessage({ completed, wrong, elapsedMs: elapsed });
