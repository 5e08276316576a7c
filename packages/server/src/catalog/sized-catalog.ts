// A catalog of a chosen size for tests: the demo apps (so their flows still work) padded with a few
// apps named in other scripts and deterministic generated ones. Big sizes exercise what only big
// catalogs do, such as searching on the server instead of in the page.
import type { App, AppSummary } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { generateCatalog } from '@plugboard/contract/generate-catalog';

/** Apps named in Cyrillic, Arabic and CJK scripts, so searches in those scripts find something. */
const otherScripts: ReadonlyArray<Pick<AppSummary, 'key' | 'name' | 'aliases' | 'categories'>> = [
  { key: 'bitrix24', name: 'Битрикс24', aliases: ['Bitrix24'], categories: ['CRM'] },
  { key: 'moysklad', name: 'МойСклад', aliases: ['MoySklad'], categories: ['E-commerce'] },
  {
    key: 'yandex-metrica',
    name: 'Яндекс Метрика',
    aliases: ['Yandex Metrica'],
    categories: ['Analytics'],
  },
  { key: 'salla', name: 'سلة', aliases: ['Salla'], categories: ['E-commerce'] },
  { key: 'zid', name: 'زد', aliases: ['Zid'], categories: ['E-commerce'] },
  { key: 'qoyod', name: 'قيود', aliases: ['Qoyod'], categories: ['Accounting'] },
  { key: 'feishu', name: '飞书', aliases: ['Feishu', 'Lark'], categories: ['Communication'] },
  { key: 'dingtalk', name: '钉钉', aliases: ['DingTalk'], categories: ['Communication'] },
  { key: 'kaonavi', name: 'カオナビ', aliases: ['kaonavi'], categories: ['HR'] },
  { key: 'freee', name: 'freee会計', aliases: ['freee'], categories: ['Accounting'] },
];

/** The demo catalog plus padding apps, `size` apps in all (never fewer than the demo apps). */
export function sizedCatalog(size: number): App[] {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`catalogSize must be a whole number of apps: ${size}`);
  }
  const demoKeys = new Set(demoCatalog.map((app) => app.key));
  const missing = Math.max(0, size - demoCatalog.length);
  // Generated keys are unique among themselves; the few that match a demo app's key are dropped,
  // so generate a margin of spares.
  const generated = generateCatalog(missing + demoCatalog.length).filter(
    (app) => !demoKeys.has(app.key),
  );
  const filler = [...otherScripts.map(otherScriptApp), ...generated]
    .slice(0, missing)
    .map(withApiKeyMethod);
  return [...demoCatalog, ...filler];
}

function otherScriptApp(app: (typeof otherScripts)[number], rank: number): AppSummary {
  return {
    ...app,
    logoUrl: null,
    popularity: 5000 - rank * 100,
    description: `${app.aliases[0]}: software for growing teams.`,
    health: { status: 'operational' },
    authTypes: ['api_key'],
  };
}

/** A summary made a full app: one API-key method, which the demo key passes. */
function withApiKeyMethod(summary: AppSummary): App {
  return {
    ...summary,
    authTypes: ['api_key'],
    helpUrl: null,
    authMethods: [
      {
        type: 'api_key',
        label: 'API key',
        helpUrl: null,
        fields: [
          { name: 'apiKey', label: 'API key', type: 'password', required: true, secret: true },
        ],
        scopes: [],
      },
    ],
    setupSteps: [],
  };
}
