import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar } from './ar.js';
import { enBase } from './en-base.js';
import { enFlow } from './en-flow.js';
import { en } from './en.js';
import { es } from './es.js';
import {
  addEnglishText,
  createTranslator,
  createTranslatorSync,
  loadMessages,
  resolveLocaleChain,
  supportedLocales,
  type Message,
  type MessageKey,
  type Messages,
} from './index.js';
import { ptBR } from './pt-BR.js';

const catalogs: Record<string, Messages> = { en, es, 'pt-BR': ptBR, ar };
const keys = Object.keys(en) as MessageKey[];

function placeholders(message: Message): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(
    texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)),
  );
}

describe('catalogs', () => {
  it("keeps a button's visible text inside its accessible name (WCAG 2.5.3 label in name)", () => {
    // A key `x` shown on a button and `xLabel` as its aria-label: the label must contain the text,
    // or speech users who say what they see cannot press it.
    const pairs = keys.filter((key) => keys.includes(`${key}Label` as MessageKey));
    assert.ok(pairs.length > 3, 'the pairs are found');
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const key of pairs) {
        const visible = catalog[key];
        const label = catalog[`${key}Label` as MessageKey];
        if (typeof visible !== 'string' || typeof label !== 'string') continue;
        assert.ok(
          label.toLocaleLowerCase(locale).includes(visible.toLocaleLowerCase(locale)),
          `${locale} ${key}Label "${label}" does not contain "${visible}"`,
        );
      }
    }
  });

  it('ships a catalog for every supported locale', () => {
    assert.deepEqual([...supportedLocales].sort(), Object.keys(catalogs).sort());
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale} has exactly the keys of en, plural where en is plural`, () => {
      assert.deepEqual(Object.keys(catalog).sort(), [...keys].sort());
      for (const key of keys) {
        assert.equal(typeof catalog[key], typeof en[key], key);
        if (typeof catalog[key] === 'string') assert.ok((catalog[key] as string).trim(), key);
      }
    });

    it(`${locale} keeps the placeholders of en`, () => {
      for (const key of keys) {
        assert.deepEqual(placeholders(catalog[key]), placeholders(en[key]), key);
      }
    });

    it(`${locale} has every plural form its language uses`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const message = catalog[key];
        if (typeof message === 'string') continue;
        for (const category of categories) assert.ok(message[category], `${key} ${category}`);
      }
    });
  }

  it('has real translations, not copies of English', () => {
    for (const catalog of [es, ptBR, ar]) {
      const same = keys.filter((key) => JSON.stringify(catalog[key]) === JSON.stringify(en[key]));
      // A few words are the same in several languages ("Error", "Apps").
      assert.ok(same.length <= 3, same.join(', '));
    }
  });

  it('refuses, at typecheck time, a catalog missing a key', () => {
    // @ts-expect-error: a catalog must have every key of en
    const incomplete: Messages = { 'picker.searchLabel': 'Buscar apps' };
    assert.equal(Object.keys(incomplete).length, 1);
  });
});

describe('plurals', () => {
  it('picks the English forms', () => {
    const t = createTranslatorSync('en', en);
    assert.equal(t.t('picker.resultCount', { count: 1 }), '1 app');
    assert.equal(t.t('picker.resultCount', { count: 0 }), '0 apps');
    assert.equal(t.t('picker.resultCount', { count: 1200 }), '1,200 apps');
  });

  it('picks the Arabic zero, one, two, few, many and other forms', () => {
    const t = createTranslatorSync('ar', ar);
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t.t('picker.resultCount', { count }));
    const expected = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
    const message = ar['picker.resultCount'];
    expected.forEach((category, i) => {
      const count = new Intl.NumberFormat('ar').format([0, 1, 2, 3, 11, 100][i]!);
      assert.equal(forms[i], message[category]!.replace('{count}', count));
    });
    assert.equal(new Set(forms).size, 6);
  });

  it('picks Spanish and Portuguese forms, including for millions', () => {
    const spanish = createTranslatorSync('es', es);
    assert.equal(spanish.t('connections.count', { count: 1 }), '1 conexión');
    assert.equal(spanish.t('connections.count', { count: 4 }), '4 conexiones');
    assert.equal(spanish.t('picker.resultCount', { count: 1_000_000 }), '1.000.000 de apps');
    const portuguese = createTranslatorSync('pt-BR', ptBR);
    assert.equal(portuguese.t('picker.connectedBadge', { count: 2 }), '2 conectados');
  });

  it('uses the other form when no count is given', () => {
    assert.equal(createTranslatorSync('en', en).t('picker.resultCount'), '{count} apps');
  });
});

describe('placeholders', () => {
  const t = createTranslatorSync('en', en);

  it('fills params as plain text', () => {
    assert.equal(t.t('dialog.title', { app: 'Slack' }), 'Connect Slack');
    assert.equal(
      t.t('dialog.title', { app: '<img src=x onerror=alert(1)>' }),
      'Connect <img src=x onerror=alert(1)>',
    );
    assert.equal(t.t('dialog.title', { app: "$& $' $1" }), "Connect $& $' $1");
  });

  it('leaves a missing param in place instead of throwing', () => {
    assert.equal(t.t('dialog.title'), 'Connect {app}');
    assert.equal(t.t('dialog.title', { name: 'Slack' }), 'Connect {app}');
    assert.equal(t.t('dialog.title', { toString: 'x' } as never), 'Connect {app}');
  });

  it('returns the key of a message that does not exist', () => {
    assert.equal(t.t('no.such.key' as MessageKey), 'no.such.key');
  });
});

describe('locale chain', () => {
  it('falls back from region to language to English', () => {
    assert.deepEqual(resolveLocaleChain('pt-BR'), ['pt-BR', 'pt', 'en']);
    assert.deepEqual(resolveLocaleChain('pt'), ['pt', 'en']);
    assert.deepEqual(resolveLocaleChain('es-MX'), ['es', 'en']);
    assert.deepEqual(resolveLocaleChain('ar-EG'), ['ar', 'en']);
    assert.deepEqual(resolveLocaleChain('en-GB'), ['en']);
    assert.deepEqual(resolveLocaleChain('fr'), ['en']);
    assert.deepEqual(resolveLocaleChain('not a locale!'), ['en']);
    assert.deepEqual(resolveLocaleChain('PT-br'), ['pt-BR', 'pt', 'en']);
  });

  it('serves Portuguese with the Brazilian catalog and Mexican Spanish with Spanish', async () => {
    assert.equal(await loadMessages('pt'), ptBR);
    assert.equal(await loadMessages('pt-PT'), ptBR);
    assert.equal(await loadMessages('es-MX'), es);
    assert.equal(await loadMessages('fr'), en);
  });

  it('loads the catalog of a locale on demand', async () => {
    const t = await createTranslator('pt');
    assert.equal(t.t('dialog.submit'), 'Conectar');
    assert.equal(t.locale, 'pt');
    const mexican = await createTranslator('es-MX');
    assert.equal(mexican.t('picker.searchLabel'), 'Buscar apps');
    assert.equal(mexican.locale, 'es-MX');
  });

  it('speaks English, and says so, for a locale it does not ship', async () => {
    const t = await createTranslator('fr-FR');
    assert.equal(t.t('dialog.submit'), 'Connect');
    assert.equal(t.locale, 'en');
    assert.equal((await createTranslator('')).locale, 'en');
  });

  it('fills a gap in a preloaded catalog from English', () => {
    const partial = { 'dialog.submit': 'Conectar' } as unknown as Messages;
    const t = createTranslatorSync('es', partial);
    assert.equal(t.t('dialog.submit'), 'Conectar');
    assert.equal(t.t('dialog.cancel'), 'Cancel');
  });
});

describe('overrides', () => {
  it('win over the catalog in any locale', async () => {
    const overrides: Partial<Messages> = {
      'dialog.submit': 'Link account',
      'picker.resultCount': { one: 'One tool', other: '{count} tools' },
    };
    for (const locale of ['en', 'es', 'ar']) {
      const t = await createTranslator(locale, overrides);
      assert.equal(t.t('dialog.submit'), 'Link account');
      assert.equal(t.t('picker.resultCount', { count: 1 }), 'One tool');
    }
    const spanish = await createTranslator('es', overrides);
    assert.equal(spanish.t('dialog.cancel'), 'Cancelar');
  });

  it('apply to preloaded catalogs too', () => {
    const t = createTranslatorSync('es', es, { 'dialog.title': 'Vincular {app}' });
    assert.equal(t.t('dialog.title', { app: 'Slack' }), 'Vincular Slack');
  });
});

describe('formatting', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('says how long ago, in words', () => {
    const t = createTranslatorSync('en', en);
    assert.equal(t.relativeTime(minutesAgo(5), now), '5 minutes ago');
    assert.equal(t.relativeTime(minutesAgo(0.05), now), 'now');
    assert.equal(t.relativeTime(minutesAgo(3 * 60), now), '3 hours ago');
    assert.equal(t.relativeTime(minutesAgo(24 * 60), now), 'yesterday');
    assert.equal(t.relativeTime('2026-03-10T14:00:00Z', now), 'in 2 hours');
    assert.equal(t.relativeTime('not a date', now), '');
  });

  it('says how long ago in the locale', () => {
    assert.equal(createTranslatorSync('es', es).relativeTime(minutesAgo(5), now), 'hace 5 minutos');
    assert.equal(
      createTranslatorSync('pt-BR', ptBR).relativeTime(minutesAgo(24 * 60), now),
      'ontem',
    );
    assert.match(createTranslatorSync('ar', ar).relativeTime(minutesAgo(5), now), /دقائق/);
  });

  it('formats numbers and lists for the locale', () => {
    assert.equal(createTranslatorSync('en', en).number(12345.5), '12,345.5');
    assert.equal(createTranslatorSync('pt-BR', ptBR).number(12345.5), '12.345,5');
    assert.equal(
      createTranslatorSync('en', en).list(['Slack', 'Gmail', 'Notion']),
      'Slack, Gmail, and Notion',
    );
    assert.equal(
      createTranslatorSync('es', es).list(['Slack', 'Gmail', 'Notion']),
      'Slack, Gmail y Notion',
    );
  });

  it('runs Arabic right to left and the others left to right', async () => {
    assert.equal((await createTranslator('ar')).dir, 'rtl');
    assert.equal((await createTranslator('ar-EG')).dir, 'rtl');
    assert.equal((await createTranslator('ar-EG')).locale, 'ar-EG');
    for (const locale of ['en', 'es', 'pt-BR', 'fr']) {
      assert.equal((await createTranslator(locale)).dir, 'ltr', locale);
    }
  });
});

// Last: it adds the flow's English to the fallback every translator of this process shares.
describe('English in two parts', () => {
  it("splits the source catalog into the first view's text and the flow's, sharing no key", () => {
    assert.deepEqual(
      Object.keys(en).sort(),
      [...Object.keys(enBase), ...Object.keys(enFlow)].sort(),
    );
    assert.deepEqual(
      Object.keys(enBase).filter((key) => key in enFlow),
      [],
    );
  });

  it("fills gaps with the flow's English once an element adds it, in translators made before", () => {
    const t = createTranslatorSync('en', enBase);
    assert.equal(t.t('status.test'), 'Test');
    assert.equal(t.t('dialog.submit'), 'dialog.submit');
    addEnglishText(enFlow);
    assert.equal(t.t('dialog.submit'), 'Connect');
  });
});
