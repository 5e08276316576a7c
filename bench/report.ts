// Renders one benchmark run as markdown: machine and load, bundle sizes, search per keystroke,
// browser main-thread times, the targets from the issues, and what could not be measured.
import type { BuiltBundle, ShippedBundle } from './bundles.js';
import type { BrowserResults, MainThreadSample } from './browser/timings.js';
import { PICKER_APPS, TYPED } from './browser/timings.js';
import type { SearchResults, SearchRow } from './search.js';
import { median, p95 } from './stats.js';

export interface LoadReading {
  /** What had just finished when the load was read. */
  at: string;
  /** 1, 5 and 15 minute load averages. */
  average: number[];
}

export interface BenchRun {
  date: string;
  durationSeconds: number;
  machine: {
    node: string;
    cores: number;
    cpu: string;
    memoryGb: number;
    os: string;
    esbuild: string;
    vite: string;
    chromium?: string;
  };
  load: LoadReading[];
  bundles: Omit<BuiltBundle, 'file'>[];
  shipped?: ShippedBundle[];
  /** Lines the elements package's Vite build printed (warnings), which the report counts. */
  shippedBuildOutputLines?: number;
  search?: SearchResults;
  browser?: BrowserResults;
  /** Rows that could not be measured, with the reason. A run with any exits non-zero. */
  problems: string[];
}

const ENGINE_ORDER = ['ours', 'Fuse.js', 'naive includes', 'uFuzzy', 'MiniSearch'];
const TARGET_APPS = 10_000;

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function times(value: number, ours: number | undefined): string {
  if (!ours || !Number.isFinite(value)) return '—';
  const ratio = value / ours;
  return `${ratio.toFixed(ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2)}×`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function machineSection(run: BenchRun): string {
  const m = run.machine;
  const load = run.load.map(({ at, average }) => `${average[0]!.toFixed(1)} ${at}`).join(' · ');
  return [
    `Run ${run.date.slice(0, 16).replace('T', ' ')} UTC in ${Math.round(run.durationSeconds)} s on ` +
      `${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.os}; Node ${m.node}, ` +
      `Chromium ${m.chromium ?? '(not started)'}, esbuild ${m.esbuild}, Vite ${m.vite}.`,
    '',
    `Load average (1 min): ${load}. Above ${m.cores} (the core count), processes wait for a ` +
      'CPU and wall times stretch; CPU and main-thread task times stretch less.',
  ].join('\n');
}

function bundleSection(run: BenchRun): string {
  const ours = run.bundles.find((bundle) => bundle.target.name === 'ours');
  const rows = run.bundles.map((bundle) => [
    bundle.target.label,
    kB(bundle.min),
    kB(bundle.gzip),
    kB(bundle.brotli),
    times(bundle.gzip, ours?.gzip),
    bundle.lazyMin ? kB(bundle.lazyMin) : '—',
  ]);
  for (const shipped of run.shipped ?? []) {
    rows.push([
      `ours as shipped: \`${shipped.file}\` (the elements package's Vite build)`,
      kB(shipped.min),
      kB(shipped.gzip),
      kB(shipped.brotli),
      times(shipped.gzip, ours?.gzip),
      '',
    ]);
  }
  const parts = ours?.parts.map(({ name, min }) => `${name} ${kB(min)}`).join(' · ');
  return [
    '### Bundle size',
    '',
    'Built with the same settings (esbuild: everything bundled, minified, ESM, ES2022, code ' +
      'splitting). Sizes are the initial download: the entry chunk and the chunks it imports ' +
      'statically, each compressed on its own (gzip level 9, brotli quality 11). kB = 1000 bytes.',
    '',
    table(
      ['bundle', 'min kB', 'min+gzip kB', 'brotli kB', 'gzip vs ours', 'lazy chunks, min kB'],
      rows,
    ),
    ...(parts ? ['', `Largest parts of ours (min kB, before compression): ${parts}.`] : []),
    ...(run.shippedBuildOutputLines
      ? [
          '',
          `The elements package's Vite build printed ${run.shippedBuildOutputLines} lines of ` +
            'warnings: run `pnpm --filter @plugboard/elements build` to read them.',
        ]
      : []),
  ].join('\n');
}

function searchSection(search: SearchResults): string {
  const sorted = [...search.rows].sort(
    (a, b) => a.apps - b.apps || ENGINE_ORDER.indexOf(a.engine) - ENGINE_ORDER.indexOf(b.engine),
  );
  const rows = sorted.map((row) => {
    const ours = search.rows.find((r) => r.engine === 'ours' && r.apps === row.apps);
    const partial =
      row.keystrokesTimed < search.keystrokes ? ` (${row.keystrokesTimed} timed)` : '';
    return [
      row.apps.toLocaleString('en'),
      row.engine,
      `${ms(row.keystrokeMedianMs, 3)}${partial}`,
      ms(row.keystrokeP95Ms, 3),
      times(row.keystrokeMedianMs, ours?.keystrokeMedianMs),
      `${ms(row.buildMs)} (${ms(row.buildCpuMs)})`,
      ms(row.extraMemoryKb, 0),
      row.top1Percent === null ? 'over budget' : ms(row.top1Percent),
    ];
  });
  return [
    '### Search per keystroke (Node)',
    '',
    `From \`packages/core/bench/search.bench.ts\`: every prefix of the judged queries typed one ` +
      `character at a time (${search.keystrokes} keystrokes), 50 results each. Slow engines stop ` +
      'after 1 s of search time per size ("N timed") and give up relevance after 3 s ("over budget").',
    '',
    table(
      [
        'apps',
        'engine',
        'keystroke median ms',
        'p95 ms',
        'median vs ours',
        'index build ms (CPU ms)',
        'extra memory kB',
        'top-1 %',
      ],
      rows,
    ),
  ].join('\n');
}

function browserRow(label: string, samples: MainThreadSample[], oursTask?: number): string[] {
  const task = median(samples.map((sample) => sample.taskMs));
  return [
    label,
    ms(task),
    ms(p95(samples.map((sample) => sample.taskMs))),
    ms(median(samples.map((sample) => sample.wallMs))),
    oursTask === undefined ? '' : times(task, oursTask),
  ];
}

function browserSection(browser: BrowserResults, bundles: BenchRun['bundles']): string {
  const oursDefine = browser.define['ours'];
  const oursTask = oursDefine?.length ? median(oursDefine.map((s) => s.taskMs)) : undefined;
  const rows = bundles
    .filter((bundle) => browser.define[bundle.target.name]?.length)
    .map((bundle) =>
      browserRow(`define: ${bundle.target.label}`, browser.define[bundle.target.name]!, oursTask),
    );
  const firstResults = browser.pickerMount.map((mount, run) => ({
    taskMs: mount.taskMs + browser.pickerKeystroke[run]!.taskMs,
    wallMs: mount.wallMs + browser.pickerKeystroke[run]!.wallMs,
  }));
  const apps = PICKER_APPS.toLocaleString('en');
  if (browser.pickerMount.length) {
    rows.push(
      browserRow(
        `picker, ${apps} apps: mount until the popular apps are listed`,
        browser.pickerMount,
      ),
      browserRow(
        `picker, ${apps} apps: type "${TYPED}" until its results are listed`,
        browser.pickerKeystroke,
      ),
      browserRow(`picker, ${apps} apps: time to first results (both)`, firstResults),
    );
  }
  return [
    '### Main thread in the browser',
    '',
    `Headless Chromium ${browser.chromium}, a fresh browser context per run (nothing cached), ` +
      `${browser.runs} runs. Task ms is the DevTools task duration (Performance.getMetrics ` +
      'TaskDuration delta) over the step, including the frame that shows it; wall ms is the ' +
      'in-page time (for define: download, parse, evaluate and customElements.define; for the ' +
      'picker: until the options are in the DOM).',
    '',
    table(['step', 'task ms median', 'task ms p95', 'wall ms median', 'task vs ours'], rows),
  ].join('\n');
}

interface Target {
  label: string;
  measured?: string;
  met?: boolean;
}

function targets(run: BenchRun): Target[] {
  const ours = run.search?.rows.find((r) => r.engine === 'ours' && r.apps === TARGET_APPS);
  const row = <T>(pick: (r: SearchRow) => T) => (ours ? pick(ours) : undefined);
  const scriptTag =
    run.shipped?.find((bundle) => bundle.file === 'plugboard.js') ??
    run.bundles.find((bundle) => bundle.target.name === 'ours');
  return [
    {
      label: 'search per keystroke, median at 10,000 apps (Node) ≤ 0.2 ms',
      measured: row((r) => `${ms(r.keystrokeMedianMs, 3)} ms`),
      met: row((r) => r.keystrokeMedianMs <= 0.2),
    },
    {
      label: 'index build at 10,000 apps ≤ 15 ms (judged on CPU time: wall time is the load)',
      measured: row((r) => `${ms(r.buildCpuMs)} ms CPU, ${ms(r.buildMs)} ms wall`),
      met: row((r) => r.buildCpuMs <= 15),
    },
    {
      label:
        'the same, first build in a fresh process (what a page pays once, the JIT cold) ≤ 15 ms',
      measured: run.search
        ? `${ms(run.search.firstBuild.cpuMs)} ms CPU, ${ms(run.search.firstBuild.wallMs)} ms wall (median of ${run.search.firstBuild.processes} processes)`
        : undefined,
      met: run.search ? run.search.firstBuild.cpuMs <= 15 : undefined,
    },
    {
      label: 'extra memory of the index at 10,000 apps ≤ 1 MB',
      measured: row((r) => `${ms(r.extraMemoryKb, 0)} kB`),
      met: row((r) => r.extraMemoryKb <= 1024),
    },
    {
      label: 'relevance: top-1 on the judged queries ≥ 95 %',
      measured: row((r) => (r.top1Percent === null ? undefined : `${ms(r.top1Percent)} %`)),
      met: row((r) => r.top1Percent !== null && r.top1Percent >= 95),
    },
    {
      label: 'script-tag bundle ≤ 25 kB min+gzip (aiming at 20 kB)',
      measured: scriptTag ? `${kB(scriptTag.gzip)} kB` : undefined,
      met: scriptTag ? scriptTag.gzip <= 25_000 : undefined,
    },
  ];
}

function targetsSection(run: BenchRun): string {
  const rows = targets(run).map(({ label, measured, met }) => [
    label,
    measured ?? 'not measured',
    met === undefined ? '—' : met ? 'met' : '**missed**',
  ]);
  return ['### Targets', '', table(['target', 'measured', ''], rows)].join('\n');
}

export function renderReport(run: BenchRun): string {
  const sections = [machineSection(run), bundleSection(run)];
  if (run.search) sections.push(searchSection(run.search));
  if (run.browser) sections.push(browserSection(run.browser, run.bundles));
  sections.push(targetsSection(run));
  if (run.problems.length) {
    sections.push(
      ['### Not measured', '', ...run.problems.map((problem) => `- ${problem}`)].join('\n'),
    );
  }
  return sections.join('\n\n') + '\n';
}
