// One index build at 10,000 apps in a fresh process, as a page pays it once: the JIT has not
// warmed up. Prints {"apps", "wallMs", "cpuMs"}; search.bench.ts runs it several times.
import { createSearchIndex } from '../src/catalog/search/index.js';
import { judgedCatalog } from './judged-queries.js';

const APPS = 10_000;

const apps = judgedCatalog(APPS);
const cpuStart = process.cpuUsage();
const start = performance.now();
createSearchIndex(apps).prepare();
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(JSON.stringify({ apps: APPS, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
