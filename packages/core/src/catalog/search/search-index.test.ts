import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppSummary } from '@plugboard/contract';
import { judgedCatalog, judgedQueries } from '../../../bench/judged-queries.js';
import { createSearchIndex, HEAD, SCORE, type SearchIndex } from './index.js';

let nextKey = 0;
function app(name: string, popularity: number, extra: Partial<AppSummary> = {}): AppSummary {
  return {
    key: `app-${nextKey++}`,
    name,
    popularity,
    categories: ['Other'],
    aliases: [],
    description: '',
    health: { status: 'operational' },
    authTypes: ['oauth2'],
    ...extra,
  };
}

function names(query: string, apps: AppSummary[], category?: string): string[] {
  return createSearchIndex(apps)
    .search(query, { category })
    .map((hit) => hit.app.name);
}

describe('ranking', () => {
  it('puts the exact name before a more popular name prefix', () => {
    const hits = createSearchIndex([app('Notion Calendar', 900), app('Notion', 1)]).search(
      'notion',
    );
    assert.deepEqual(
      hits.map((hit) => [hit.app.name, hit.score]),
      [
        ['Notion', SCORE.exactName],
        ['Notion Calendar', SCORE.namePrefix],
      ],
    );
  });

  it('puts a name prefix before a more popular word prefix', () => {
    assert.deepEqual(names('sheets', [app('Google Sheets', 900), app('Sheetsy', 1)]), [
      'Sheetsy',
      'Google Sheets',
    ]);
  });

  it('puts a word of the name before a more popular alias', () => {
    const hits = createSearchIndex([
      app('Chat Hub', 900, { aliases: ['teams chat'] }),
      app('Microsoft Teams', 1),
    ]).search('teams');
    assert.deepEqual(
      hits.map((hit) => [hit.app.name, hit.score, hit.matchedAlias]),
      [
        ['Microsoft Teams', SCORE.nameWords, undefined],
        ['Chat Hub', SCORE.alias, 'teams chat'],
      ],
    );
  });

  it('puts an alias before a more popular typo match', () => {
    const hits = createSearchIndex([
      app('Slack', 900),
      app('Chatter', 1, { aliases: ['slakker'] }),
    ]).search('slak');
    assert.deepEqual(
      hits.map((hit) => [hit.app.name, hit.score]),
      [
        ['Chatter', SCORE.alias],
        ['Slack', SCORE.typo],
      ],
    );
  });

  it('finds an unpopular exact name behind more than `limit` popular name prefixes', () => {
    const apps = [
      ...Array.from({ length: 60 }, (_, i) => app(`Mail ${i}`, 100 + i)),
      app('Mail', 0),
    ];
    const hits = createSearchIndex(apps).search('mail', { limit: 10 });
    assert.equal(hits[0]?.app.name, 'Mail');
    assert.deepEqual(
      hits.slice(1, 3).map((hit) => hit.app.name),
      ['Mail 59', 'Mail 58'],
    );
  });

  it('breaks ties by popularity, then by name', () => {
    const apps = [app('Zeta Mail', 5), app('Alpha Mail', 5), app('Beta Mail', 9)];
    assert.deepEqual(names('mail', apps), ['Beta Mail', 'Alpha Mail', 'Zeta Mail']);
  });

  it('orders any popularity numbers, fractional or negative', () => {
    const apps = [app('Mail C', 0.25), app('Mail A', -2), app('Mail B', 0.75)];
    assert.deepEqual(names('mail', apps), ['Mail B', 'Mail C', 'Mail A']);
  });

  it('reports the alias that matched, and none when the name matched', () => {
    const hits = createSearchIndex([
      app('Google Sheets', 9, { aliases: ['spreadsheet', 'gsheets'] }),
    ]).search('gsh');
    assert.equal(hits[0]?.matchedAlias, 'gsheets');
    const byName = createSearchIndex([app('Google Sheets', 9, { aliases: ['gsheets'] })]).search(
      'goo',
    );
    assert.equal(byName[0]?.matchedAlias, undefined);
  });
});

describe('matching', () => {
  const catalog = [
    app('Google Sheets', 90, { aliases: ['gsheets'] }),
    app('Google Drive', 80, { aliases: ['gdrive'] }),
    app('Microsoft Teams', 70, { aliases: ['ms teams'] }),
    app('Slack', 60),
    app('Débitoor', 50),
    app('Qonto', 40),
    app('monday.com', 30),
    app('AT&T Business', 20),
    app('WhatsApp Business', 10),
    app('Brevo (Sendinblue)', 5),
  ];

  it('matches word starts only, not the middle of words', () => {
    assert.deepEqual(names('drive', catalog), ['Google Drive']);
    assert.deepEqual(names('rive', catalog), []);
  });

  it('needs every query word to start some word, in any order', () => {
    assert.deepEqual(names('goog sh', catalog), ['Google Sheets']);
    assert.deepEqual(names('sh goog', catalog), ['Google Sheets']);
    assert.deepEqual(names('google xyz', catalog), []);
  });

  it('matches aliases, with several words', () => {
    assert.deepEqual(names('gsheets', catalog), ['Google Sheets']);
    assert.deepEqual(names('ms teams', catalog), ['Microsoft Teams']);
  });

  it('folds accents and case on both sides', () => {
    assert.deepEqual(names('debitoor', catalog), ['Débitoor']);
    assert.deepEqual(names('DÉBI', catalog), ['Débitoor']);
    assert.deepEqual(names('qónto', catalog), ['Qonto']);
  });

  it('matches names in other scripts', () => {
    const apps = [app('تطبيق الدفع', 3), app('微信 WeChat', 2), app('Office 365', 1)];
    assert.deepEqual(names('تطبيق', apps), ['تطبيق الدفع']);
    assert.deepEqual(names('الد', apps), ['تطبيق الدفع']);
    assert.deepEqual(names('微信', apps), ['微信 WeChat']);
    assert.deepEqual(names('wechat', apps), ['微信 WeChat']);
    assert.deepEqual(names('365', apps), ['Office 365']);
  });

  it('treats punctuation as a word break and also accepts the glued spelling', () => {
    assert.deepEqual(names('monday.com', catalog), ['monday.com']);
    assert.deepEqual(names('monday com', catalog), ['monday.com']);
    assert.deepEqual(names('mondaycom', catalog), ['monday.com']);
    assert.deepEqual(names('at&t', catalog), ['AT&T Business']);
    assert.deepEqual(names('att', catalog), ['AT&T Business']);
    assert.deepEqual(names('sendinblue', catalog), ['Brevo (Sendinblue)']);
  });

  it('accepts a brand typed as two words', () => {
    assert.deepEqual(names('whats app', catalog), ['WhatsApp Business']);
  });

  it('forgives one typo of any kind on words of four letters or more', () => {
    for (const typo of ['slak', 'slck', 'slavk', 'slcak', 'slaack', 'sllack']) {
      assert.deepEqual(names(typo, catalog), ['Slack'], typo);
    }
    assert.deepEqual(names('gogle sheets', catalog), ['Google Sheets']);
  });

  it('does not forgive two typos', () => {
    assert.deepEqual(names('slcka', catalog), []);
    assert.deepEqual(names('sclak', catalog), []);
  });

  it('forgives no typo on words shorter than four letters', () => {
    assert.deepEqual(names('sla', catalog), ['Slack']);
    assert.deepEqual(names('slc', catalog), []);
    assert.deepEqual(names('qnto', catalog), ['Qonto']);
    assert.deepEqual(names('qnt', catalog), []);
  });
});

describe('browsing and filters', () => {
  const catalog = [
    app('Stripe', 50, { categories: ['Finance'] }),
    app('Slack', 90, { categories: ['Communication'] }),
    app('Square', 70, { categories: ['Finance', 'E-commerce'] }),
    app('Zoom', 60, { categories: ['Communication'] }),
  ];
  const index = createSearchIndex(catalog);

  it('lists every app by popularity for an empty or blank query', () => {
    for (const blank of ['', '   ', '…!']) {
      assert.deepEqual(
        index.search(blank).map((hit) => hit.app.name),
        ['Slack', 'Square', 'Zoom', 'Stripe'],
      );
    }
  });

  it('filters by category, with and without a query', () => {
    assert.deepEqual(names('', catalog, 'Finance'), ['Square', 'Stripe']);
    assert.deepEqual(names('s', catalog, 'Finance'), ['Square', 'Stripe']);
    assert.deepEqual(names('s', catalog, 'Communication'), ['Slack']);
    assert.deepEqual(names('s', catalog, 'Nothing'), []);
  });

  it('returns at most `limit` hits, 50 by default', () => {
    assert.equal(index.search('s', { limit: 2 }).length, 2);
    const many = Array.from({ length: 120 }, (_, i) => app(`Mail ${i}`, i));
    const big = createSearchIndex(many);
    assert.equal(big.search('mail').length, 50);
    assert.equal(big.search('').length, 50);
    assert.equal(big.search('mail', { limit: 500 }).length, 120);
  });

  it('lists the categories sorted, and its size', () => {
    assert.deepEqual(index.categories(), ['Communication', 'E-commerce', 'Finance']);
    assert.equal(index.size, 4);
  });

  it('gives the same answer when the same query is asked again', () => {
    const first = index.search('sl').map((hit) => hit.app.key);
    index.search('zoom');
    assert.deepEqual(
      index.search('sl').map((hit) => hit.app.key),
      first,
    );
  });
});

describe('judged relevance in a 10,000-app catalog', () => {
  it('returns the head of the same ranking whatever the limit', () => {
    const index = createSearchIndex(judgedCatalog(10_000));
    for (const query of ['s', 'go', 'goog sh', 'mail', 'slak', 'whats app', 'tre', 'bo']) {
      const all = index.search(query, { limit: 10_000 }).map((hit) => hit.app.key);
      const head = index.search(query, { limit: 7 }).map((hit) => hit.app.key);
      assert.deepEqual(head, all.slice(0, 7), query);
    }
  });

  it('ranks the intended app first for at least 95 % of the judged queries', () => {
    const index = createSearchIndex(judgedCatalog(10_000));
    const misses = judgedQueries.filter(
      ({ query, expected }) => index.search(query, { limit: 1 })[0]?.app.key !== expected,
    );
    assert.ok(judgedQueries.length >= 30);
    const correct = (judgedQueries.length - misses.length) / judgedQueries.length;
    assert.ok(correct >= 0.95, `top-1 ${correct}; missed ${misses.map((m) => m.query).join(', ')}`);
  });
});

describe('building in slices', () => {
  const apps = judgedCatalog(3_000);
  const keys = (hits: { app: AppSummary; score: number; matchedAlias?: string }[]) =>
    hits.map((hit) => `${hit.app.key}:${hit.score}:${hit.matchedAlias ?? ''}`);

  it('answers the same after a build in slices as after one build', () => {
    const whole = createSearchIndex(apps);
    whole.prepare();
    const sliced = createSearchIndex(apps);
    let slices = 0;
    while (!sliced.prepareFor(0)) slices++;
    assert.ok(slices > 1, 'a zero budget still builds one slice per call');
    assert.equal(sliced.prepared, true);
    for (const { query } of judgedQueries) {
      assert.deepEqual(keys(sliced.search(query)), keys(whole.search(query)), query);
    }
  });

  it('builds the complete tables in a call of their own, not after a budget of slices', () => {
    const index = createSearchIndex(apps);
    assert.equal(index.prepareFor(Number.POSITIVE_INFINITY), false, 'every slice, then stop');
    assert.equal(index.prepared, false);
    assert.equal(index.prepareFor(0), true, 'the complete tables alone');
  });

  it('answers a search during the build from the head of the browse order, at once', () => {
    const full = createSearchIndex(apps).search('mail', { limit: 3_000 });
    const head = new Set(createSearchIndex(apps).ranked.slice(0, HEAD));
    const fromHead = keys(full.filter((hit) => head.has(hit.app)));
    assert.ok(fromHead.length > 0 && fromHead.length < full.length, 'the head has some, not all');
    const answersFromHead = (index: SearchIndex, when: string) => {
      const early = index.searchSoFar('mail', { limit: 3_000 });
      assert.equal(early.complete, false, when);
      assert.deepEqual(keys(early.hits), fromHead, when);
    };
    const searchedFirst = createSearchIndex(apps);
    answersFromHead(searchedFirst, 'before any slice (the search splits the head itself)');
    searchedFirst.prepareFor(0);
    searchedFirst.prepareFor(0);
    answersFromHead(searchedFirst, 'with every app split, before the complete tables are built');
    const builtFirst = createSearchIndex(apps);
    for (let slice = 0; slice < HEAD / 512 + 1; slice++) builtFirst.prepareFor(0);
    answersFromHead(builtFirst, 'first searched once the build is past the head');
    assert.equal(builtFirst.prepared, false);
    builtFirst.prepare();
    assert.deepEqual(keys(builtFirst.searchSoFar('mail', { limit: 3_000 }).hits), keys(full));
    assert.equal(builtFirst.searchSoFar('mail').complete, true);
  });

  it('indexes a catalog no bigger than the head whole for the first search', () => {
    const small = judgedCatalog(HEAD);
    const index = createSearchIndex(small);
    const answer = index.searchSoFar('mail', { limit: 3_000 });
    assert.equal(answer.complete, true);
    assert.equal(index.prepared, true);
    assert.deepEqual(
      keys(answer.hits),
      keys(createSearchIndex(small).search('mail', { limit: 3_000 })),
    );
  });

  it('finds the first screen of the browse order without sorting the catalog', () => {
    for (const catalog of [
      apps,
      [app('Beta', 2), app('alpha', 2), app('Zed', 0.5), app('Minus', -3), app('Top', 99)],
      [app('Odd', Number.NaN), app('Even', 1), app('Other', 2)],
    ]) {
      for (const count of [1, 3, 64]) {
        const index = createSearchIndex(catalog);
        const top = index.top(count);
        assert.deepEqual(top, createSearchIndex(catalog).ranked.slice(0, count), `top ${count}`);
      }
    }
  });

  it('browses the whole catalog before the word tables exist', () => {
    const index = createSearchIndex(apps);
    assert.equal(index.searchSoFar('').complete, true);
    assert.equal(index.search('', { limit: 5 }).length, 5);
    assert.equal(index.prepared, false);
    assert.equal(index.ranked.length, apps.length);
    assert.equal(index.ranked[0]?.key, 'google-sheets');
  });
});

describe('building in two steps', () => {
  it('answers the same whether the word tables were prepared ahead or by the first search', () => {
    const apps = judgedCatalog(2_000);
    const lazy = createSearchIndex(apps);
    const prepared = createSearchIndex(apps);
    prepared.prepare();
    const keys = (index: typeof lazy, query: string) =>
      index.search(query).map((hit) => `${hit.app.key}:${hit.score}`);
    assert.deepEqual(keys(lazy, ''), keys(prepared, ''));
    for (const { query } of judgedQueries)
      assert.deepEqual(keys(lazy, query), keys(prepared, query));
  });
});
