// Renders one benchmark run as markdown: machine and load, bundle sizes, search per keystroke,
// browser main-thread times, the targets from the issues, and what could not be measured.
import type { BuiltBundle, ShippedBundle, Sizes } from './bundles.js';
import type { BrowserResults, MainThreadSample, PickerSamples } from './browser/timings.js';
import { DIALOG_LATENCY_MS, TYPED } from './browser/timings.js';
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

function wholeOf(entry: Sizes, chunks: Sizes): Sizes {
  return {
    min: entry.min + chunks.min,
    gzip: entry.gzip + chunks.gzip,
    brotli: entry.brotli + chunks.brotli,
  };
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
      shipped.chunks ? kB(shipped.chunks.min) : '',
    ]);
    if (shipped.chunks) {
      const whole = wholeOf(shipped, shipped.chunks);
      rows.push([
        `ours as shipped: \`${shipped.file}\` and every lazy chunk (the whole bundle)`,
        kB(whole.min),
        kB(whole.gzip),
        kB(whole.brotli),
        times(whole.gzip, ours?.gzip),
        '',
      ]);
    }
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

/** Mount plus first keystroke, run by run: the picker's open → first results. */
function firstResults(samples: PickerSamples): MainThreadSample[] {
  return samples.mount.map((mount, run) => ({
    taskMs: mount.taskMs + samples.keystroke[run]!.taskMs,
    wallMs: mount.wallMs + samples.keystroke[run]!.wallMs,
  }));
}

function browserSection(browser: BrowserResults, bundles: BenchRun['bundles']): string {
  const oursDefine = browser.define['ours'];
  const oursTask = oursDefine?.length ? median(oursDefine.map((s) => s.taskMs)) : undefined;
  const rows = bundles
    .filter((bundle) => browser.define[bundle.target.name]?.length)
    .map((bundle) =>
      browserRow(`define: ${bundle.target.label}`, browser.define[bundle.target.name]!, oursTask),
    );
  for (const samples of browser.picker.filter((picker) => picker.mount.length)) {
    const apps = samples.apps.toLocaleString('en');
    rows.push(
      browserRow(`picker, ${apps} apps: mount until the popular apps are listed`, samples.mount),
      browserRow(
        `picker, ${apps} apps: type "${TYPED}" until its results are listed`,
        samples.keystroke,
      ),
      browserRow(`picker, ${apps} apps: time to first results (both)`, firstResults(samples)),
    );
  }
  const longest = browser.picker
    .filter((picker) => picker.longestTaskMs.length)
    .map(
      (picker) =>
        `${picker.apps.toLocaleString('en')} apps ${ms(Math.max(...picker.longestTaskMs))} ms`,
    );
  return [
    '### Main thread in the browser',
    '',
    `Headless Chromium ${browser.chromium}, a fresh browser context per run (nothing cached), ` +
      `${browser.runs} runs. Task ms is main-thread task time: for define, the DevTools ` +
      'TaskDuration delta (Performance.getMetrics) over the step; for the picker, the tasks in a ' +
      "trace from the step's start to the frame that shows its result (the idle-time index " +
      'build after it is not counted here, but in the longest task below). Wall ms is the ' +
      'in-page time (for define: download, parse, evaluate and customElements.define; for the ' +
      'picker: until the options are in the DOM).',
    '',
    table(['step', 'task ms median', 'task ms p95', 'wall ms median', 'task vs ours'], rows),
    ...(longest.length
      ? [
          '',
          'Longest main-thread task from mounting the picker until its index is built (1 s after ' +
            'the keystroke), worst of the runs; 0 means none took over 50 ms (the Long Tasks ' +
            `API's threshold): ${longest.join(' · ')}.`,
        ]
      : []),
    ...(browser.dialogColdMs.length
      ? [
          '',
          `Click → connect dialog's code in, with a cold cache at ${DIALOG_LATENCY_MS} ms of ` +
            "latency, for the earliest click (the moment the page's elements are defined, before " +
            'the idle-time preload has the chunk; until <connect-dialog> is defined, its chunk and ' +
            "the chunks it imports fetched by the page's own loader, which asks for them all at " +
            `once): median ${ms(median(browser.dialogColdMs))} ms, ` +
            `p95 ${ms(p95(browser.dialogColdMs))} ms (wall). The page preloads the chunk at idle ` +
            'and on intent (pointer over or focus on the button), so a later click waits for none of it.',
        ]
      : []),
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
  const shippedModule = run.shipped?.find((bundle) => bundle.file === 'plugboard.js');
  const scriptTag = shippedModule ?? run.bundles.find((bundle) => bundle.target.name === 'ours');
  const whole = shippedModule?.chunks && wholeOf(shippedModule, shippedModule.chunks);
  const oursDefine = run.browser?.define['ours'];
  const defineTask = oursDefine?.length ? median(oursDefine.map((s) => s.taskMs)) : undefined;
  const longestTasks = run.browser?.picker.flatMap((picker) => picker.longestTaskMs) ?? [];
  const longestTask = longestTasks.length ? Math.max(...longestTasks) : undefined;
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
      label: 'script-tag bundle, first download ≤ 25 kB min+gzip (aiming at 20 kB)',
      measured: scriptTag ? `${kB(scriptTag.gzip)} kB` : undefined,
      met: scriptTag ? scriptTag.gzip <= 25_000 : undefined,
    },
    {
      label: 'script-tag bundle, whole (every chunk) ≤ 45 kB min+gzip',
      measured: whole ? `${kB(whole.gzip)} kB` : undefined,
      met: whole ? whole.gzip <= 45_000 : undefined,
    },
    {
      label: 'importing and defining every element ≤ 5 ms of main-thread work',
      measured: defineTask === undefined ? undefined : `${ms(defineTask)} ms task`,
      met: defineTask === undefined ? undefined : defineTask <= 5,
    },
    ...PICKER_TARGETS.map(({ apps, taskMs }) => {
      const samples = run.browser?.picker.find((picker) => picker.apps === apps);
      const task = samples?.mount.length ? median(firstResults(samples).map((s) => s.taskMs)) : NaN;
      return {
        label: `picker open → first results at ${apps.toLocaleString('en')} apps ≤ ${taskMs} ms task`,
        measured: Number.isNaN(task) ? undefined : `${ms(task)} ms`,
        met: Number.isNaN(task) ? undefined : task <= taskMs,
      };
    }),
    {
      label: `earliest click → dialog's code in, cold cache, ${DIALOG_LATENCY_MS} ms latency (no visible wait)`,
      measured: run.browser?.dialogColdMs.length
        ? `${ms(median(run.browser.dialogColdMs))} ms`
        : undefined,
    },
    {
      label: 'no long task (> 50 ms) in the picker at any catalog size up to 20,000',
      measured: longestTask === undefined ? undefined : `longest ${ms(longestTask)} ms`,
      met: longestTask === undefined ? undefined : longestTask <= 50,
    },
  ];
}

const PICKER_TARGETS = [
  { apps: 1_000, taskMs: 16 },
  { apps: 10_000, taskMs: 50 },
];

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
