// scratch: autocannon against a running server; prints req/s and the server's cores.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { LATEST_REPORT, OFFICER_DIRECTORY, STATION_PAGE } from './queries.ts';
const [port, pid, op = 'station', secs = '10', conns = '16'] = process.argv.slice(2);
const cpuMs = (p: number) => { const f = readFileSync(`/proc/${p}/stat`, 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) * 10; };
const q = op === 'directory' ? OFFICER_DIRECTORY : op === 'report' ? LATEST_REPORT : STATION_PAGE;
const slugs = Array.from({ length: 200 }, (_, i) => `synthetic-${String(i + 1).padStart(4, '0')}`);
let i = 0;
const run = (s: number) => autocannon({ url: `http://127.0.0.1:${port}/graphql`, connections: Number(conns), duration: s, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: JSON.stringify({ query: q, variables: { slug: slugs[++i % 200], stationSlug: slugs[i % 200] } }) }) }] });
await run(5);
const c = cpuMs(Number(pid)); const t = performance.now();
const r = await run(Number(secs));
console.log(`${op} port ${port}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, server cores ${((cpuMs(Number(pid)) - c) / (performance.now() - t)).toFixed(2)}`);
