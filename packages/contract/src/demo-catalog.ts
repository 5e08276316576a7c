// The demo catalog: apps modelled on real services, used by the reference server, the mocks and
// Storybook. Every credential app accepts the demo keys `demo-key-123` and `demo-key-456` (two
// accounts) and every OAuth app signs in through the local demo provider, so the whole catalog
// works offline. Slack and Pipedrive ask for setup after sign-in (a channel, a pipeline…) from
// the demo service's live lists; Google Sheets (a key file) and Snowflake (a PEM key, fields
// shown by the choice of another, a multi-select) show the richer form fields.
import type { App, AuthField, AuthMethod, Scope, SetupStep, WebhookUrlSetupStep } from './index.js';

/**
 * Accepts a real key format or a demo key (`demo-key-…`), so the catalog keeps real-world
 * validation while the demo provider's key still passes it.
 */
function keyPattern(realFormat: string): string {
  return `^(?:${realFormat}|demo-key-[0-9]+)$`;
}

const SUBDOMAIN_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$';
const SUBDOMAIN_HINT = 'Lowercase letters, digits and dashes, as in your account address.';

function scope(name: string, description: string, required = false): Scope {
  return { name, description, required };
}

function secretField(
  name: string,
  label: string,
  options: Partial<AuthField> & { helpUrl?: string | null } = {},
): AuthField {
  return { name, label, type: 'password', required: true, secret: true, ...options };
}

function textField(name: string, label: string, options: Partial<AuthField> = {}): AuthField {
  return { name, label, type: 'text', required: true, secret: false, ...options };
}

function subdomainField(suffix: string, label = 'Subdomain'): AuthField {
  return textField('subdomain', label, {
    pattern: SUBDOMAIN_PATTERN,
    patternHint: SUBDOMAIN_HINT,
    placeholder: 'acme',
    helpText: `The first part of your address: acme${suffix}`,
    maxLength: 63,
  });
}

function oauth2(service: string, scopes: Scope[]): AuthMethod {
  return {
    type: 'oauth2',
    label: `Sign in with ${service}`,
    helpText: `You sign in to ${service} in a secure window and choose what to share. We never see your password.`,
    helpUrl: null,
    fields: [],
    scopes,
  };
}

interface CredentialMethodInput {
  label: string;
  helpUrl: string;
  helpText?: string;
  fields: AuthField[];
}

/** "Access token" → "access token", but "API key" stays "API key". */
function inSentence(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function credentialMethod(type: AuthMethod['type'], input: CredentialMethodInput): AuthMethod {
  return {
    type,
    label: input.label,
    helpText: input.helpText ?? `Paste the ${inSentence(input.label)} from your account settings.`,
    helpUrl: input.helpUrl,
    fields: input.fields,
    scopes: [],
  };
}

function apiKey(
  helpUrl: string,
  key: Partial<AuthField> = {},
  extraFields: AuthField[] = [],
): AuthMethod {
  return credentialMethod('api_key', {
    label: 'API key',
    helpUrl,
    fields: [...extraFields, secretField('apiKey', 'API key', { helpUrl, ...key })],
  });
}

function token(
  helpUrl: string,
  label: string,
  key: Partial<AuthField> = {},
  extraFields: AuthField[] = [],
): AuthMethod {
  return credentialMethod('token', {
    label,
    helpUrl,
    fields: [...extraFields, secretField('token', label, { helpUrl, ...key })],
  });
}

/** Basic auth: the account email as user name and an API token as password. */
function basic(helpUrl: string, extraFields: AuthField[] = []): AuthMethod {
  return credentialMethod('basic', {
    label: 'Email and API token',
    helpUrl,
    helpText: 'Use the email you sign in with and an API token, not your password.',
    fields: [
      ...extraFields,
      textField('username', 'Email', { type: 'email', placeholder: 'you@company.com' }),
      secretField('password', 'API token', { pattern: keyPattern('[A-Za-z0-9_-]{16,200}') }),
    ],
  });
}

function webhookStep(
  service: string,
  menu: string,
  helpUrl: string,
  extra: Partial<WebhookUrlSetupStep> = {},
): WebhookUrlSetupStep {
  return {
    key: 'webhook',
    type: 'webhook_url',
    required: false,
    title: `Send ${service} events to this connection`,
    instructions: [
      `Open ${service} › ${menu}`,
      'Create a webhook and paste this URL as its endpoint',
      'Choose the events to send, then save',
      `Change something in ${service}: the connection shows when the first event arrives`,
    ],
    helpUrl,
    ...extra,
  };
}

/**
 * A demo multi-line secret: the demo provider reads the demo key inside it (as a real backend
 * would read a service-account file or sign with a private key), so every such field is `keyFile`.
 */
const DEMO_KEY_FILE = 'keyFile';

interface AppInput {
  key: string;
  name: string;
  categories: string[];
  description: string;
  popularity: number;
  helpUrl: string;
  authMethods: AuthMethod[];
  aliases?: string[];
  setupSteps?: SetupStep[];
}

function app(input: AppInput): App {
  return {
    key: input.key,
    name: input.name,
    logoUrl: null,
    categories: input.categories,
    aliases: input.aliases ?? [],
    popularity: input.popularity,
    description: input.description,
    health: { status: 'operational' },
    authTypes: [...new Set(input.authMethods.map((method) => method.type))],
    helpUrl: input.helpUrl,
    authMethods: input.authMethods,
    setupSteps: input.setupSteps ?? [],
  };
}

const crmScopes = (service: string): Scope[] => [
  scope('contacts.read', `See the people and companies in your ${service} account`, true),
  scope('contacts.write', 'Add and update people and companies'),
  scope('deals.read', 'See your deals and their stages'),
];
const fileScopes = (service: string): Scope[] => [
  scope('files.read', `See and download the files you keep in ${service}`, true),
];
const workspaceScopes = (what: string): Scope[] => [
  scope('contacts.read', `See the people in your ${what}`, true),
  scope('files.read', 'See files shared with you'),
];

export const demoCatalog: App[] = [
  app({
    key: 'pipedrive',
    name: 'Pipedrive',
    categories: ['CRM', 'Sales'],
    aliases: ['pipe drive'],
    popularity: 9200,
    description: 'Sales CRM and pipeline management for small teams.',
    helpUrl: 'https://support.pipedrive.com/en/article/how-can-i-find-my-personal-api-key',
    authMethods: [
      token(
        'https://support.pipedrive.com/en/article/how-can-i-find-my-personal-api-key',
        'API token',
        {
          pattern: keyPattern('[a-f0-9]{40}'),
          patternHint: '40 characters: digits and the letters a to f.',
          placeholder: '0123456789abcdef0123456789abcdef01234567',
          helpText: 'Pipedrive › Personal preferences › API',
        },
        [subdomainField('.pipedrive.com', 'Company domain')],
      ),
    ],
    setupSteps: [
      {
        key: 'pipeline',
        type: 'select',
        title: 'Pipeline for new deals',
        helpText: 'Deals created from here go to this pipeline.',
        required: true,
        placeholder: 'Choose a pipeline',
      },
      {
        key: 'stages',
        type: 'multi_select',
        title: 'Stages that send you an update',
        helpText: 'Optional. You get a message when a deal enters one of these stages.',
        required: false,
        placeholder: 'Choose stages',
        maxItems: 10,
      },
      {
        key: 'dealPrefix',
        type: 'text',
        title: 'Prefix for deal titles',
        helpText: 'Optional. Added before the title of every deal created from here.',
        required: false,
        placeholder: 'Web:',
        maxLength: 20,
      },
      webhookStep(
        'Pipedrive',
        'Settings › Webhooks',
        'https://pipedrive.readme.io/docs/guide-for-webhooks',
        { verification: { label: 'Check that a test event arrived' } },
      ),
    ],
  }),
  app({
    key: 'hubspot',
    name: 'HubSpot',
    categories: ['CRM', 'Marketing'],
    popularity: 9800,
    description: 'CRM, marketing, sales and service hubs in one platform.',
    helpUrl: 'https://knowledge.hubspot.com/integrations/connect-apps-to-hubspot',
    authMethods: [
      oauth2('HubSpot', crmScopes('HubSpot')),
      token('https://developers.hubspot.com/docs/api/private-apps', 'Private app access token', {
        pattern: keyPattern('pat-(?:na|eu)[0-9]-[0-9a-f-]{36}'),
        patternHint: 'Starts with pat-na1- or pat-eu1- followed by 36 characters.',
        placeholder: 'pat-na1-…',
      }),
    ],
  }),
  app({
    key: 'salesforce',
    name: 'Salesforce',
    categories: ['CRM', 'Sales'],
    aliases: ['sfdc', 'sales cloud'],
    popularity: 9700,
    description: 'Enterprise CRM for sales, service and marketing.',
    helpUrl: 'https://help.salesforce.com/s/articleView?id=sf.connected_app_overview.htm',
    authMethods: [oauth2('Salesforce', crmScopes('Salesforce'))],
  }),
  app({
    key: 'slack',
    name: 'Slack',
    categories: ['Communication'],
    popularity: 9900,
    description: 'Channels and messages for teams.',
    helpUrl: 'https://slack.com/help/articles/215770388',
    authMethods: [oauth2('Slack', workspaceScopes('Slack workspace'))],
    setupSteps: [
      {
        key: 'channel',
        type: 'select',
        title: 'Channel to post in',
        helpText: 'New deals are posted here. Only channels you can see are listed.',
        required: true,
        placeholder: 'Choose a channel',
        verification: { label: 'Check that you are a member of the channel' },
      },
      {
        key: 'threadReplies',
        type: 'checkbox',
        title: 'Post follow-ups as thread replies',
        required: false,
        default: true,
      },
    ],
  }),
  app({
    key: 'google-sheets',
    name: 'Google Sheets',
    categories: ['Spreadsheets', 'Productivity'],
    aliases: ['gsheets', 'google spreadsheets', 'sheets'],
    popularity: 9950,
    description: 'Online spreadsheets from Google.',
    helpUrl: 'https://support.google.com/docs/answer/6000292',
    authMethods: [
      oauth2('Google', fileScopes('Google Drive')),
      credentialMethod('custom', {
        label: 'Service account key',
        helpUrl: 'https://cloud.google.com/iam/docs/keys-create-delete',
        helpText:
          'Google Cloud console › IAM › Service accounts › Keys › Add key (JSON). Share your spreadsheets with the service account.',
        fields: [
          secretField(DEMO_KEY_FILE, 'Key file (JSON)', {
            type: 'file',
            accept: '.json,application/json',
            maxBytes: 8192,
            helpText: 'Your browser reads the file; only its contents are sent, to us alone.',
          }),
        ],
      }),
    ],
  }),
  app({
    key: 'google-drive',
    name: 'Google Drive',
    categories: ['File storage'],
    aliases: ['gdrive'],
    popularity: 9400,
    description: 'Store, share and collaborate on files and folders.',
    helpUrl: 'https://support.google.com/drive',
    authMethods: [oauth2('Google', fileScopes('Google Drive'))],
  }),
  app({
    key: 'google-calendar',
    name: 'Google Calendar',
    categories: ['Scheduling', 'Productivity'],
    aliases: ['gcal'],
    popularity: 9100,
    description: 'Calendars and events from Google.',
    helpUrl: 'https://support.google.com/calendar',
    authMethods: [oauth2('Google', [scope('contacts.read', 'See the people you meet with', true)])],
  }),
  app({
    key: 'gmail',
    name: 'Gmail',
    categories: ['Email'],
    aliases: ['google mail'],
    popularity: 9600,
    description: 'Email from Google.',
    helpUrl: 'https://support.google.com/mail',
    authMethods: [
      oauth2('Google', [
        scope('contacts.read', 'See the people you write to', true),
        scope('files.read', 'See attachments in your mailbox'),
      ]),
    ],
  }),
  app({
    key: 'notion',
    name: 'Notion',
    categories: ['Productivity', 'Documents'],
    popularity: 9000,
    description: 'Docs, wikis and databases for teams.',
    helpUrl: 'https://www.notion.so/help/add-and-manage-connections-with-the-api',
    authMethods: [
      oauth2('Notion', [scope('files.read', 'See the pages you choose to share', true)]),
      token('https://developers.notion.com/docs/authorization', 'Internal integration secret', {
        pattern: keyPattern('(?:secret|ntn)_[A-Za-z0-9]{43,50}'),
        patternHint: 'Starts with ntn_ or secret_.',
        placeholder: 'ntn_…',
      }),
    ],
  }),
  app({
    key: 'airtable',
    name: 'Airtable',
    categories: ['Spreadsheets', 'Databases'],
    popularity: 8500,
    description: 'Spreadsheet-database hybrid for building workflows.',
    helpUrl: 'https://support.airtable.com/docs/creating-personal-access-tokens',
    authMethods: [
      token('https://airtable.com/create/tokens', 'Personal access token', {
        pattern: keyPattern('pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'),
        patternHint: 'Starts with pat, then 14 characters, a dot and 64 more.',
        placeholder: 'patXXXXXXXXXXXXXX.…',
      }),
      oauth2('Airtable', [scope('files.read', 'See the bases you choose', true)]),
    ],
  }),
  app({
    key: 'trello',
    name: 'Trello',
    categories: ['Project management'],
    popularity: 8300,
    description: 'Boards, lists and cards to organise work.',
    helpUrl: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/',
    authMethods: [
      credentialMethod('custom', {
        label: 'API key and token',
        helpUrl: 'https://trello.com/power-ups/admin',
        helpText: 'Create a Power-Up, copy its API key, then generate a token for your account.',
        fields: [
          textField('apiKey', 'API key', {
            pattern: '^[a-f0-9]{32}$',
            patternHint: '32 characters: digits and the letters a to f.',
          }),
          secretField('token', 'Token', {
            pattern: keyPattern('ATTA[A-Za-z0-9]{60,}'),
            patternHint: 'Starts with ATTA.',
          }),
        ],
      }),
    ],
  }),
  app({
    key: 'asana',
    name: 'Asana',
    categories: ['Project management'],
    popularity: 8200,
    description: 'Work management for teams: projects, tasks and goals.',
    helpUrl: 'https://developers.asana.com/docs/personal-access-token',
    authMethods: [
      oauth2('Asana', workspaceScopes('Asana workspace')),
      token('https://app.asana.com/0/my-apps', 'Personal access token'),
    ],
  }),
  app({
    key: 'jira',
    name: 'Jira',
    categories: ['Project management', 'Developer tools'],
    aliases: ['jira software', 'atlassian'],
    popularity: 9300,
    description: 'Issue and project tracking for software teams.',
    helpUrl:
      'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    authMethods: [
      basic('https://id.atlassian.com/manage-profile/security/api-tokens', [
        subdomainField('.atlassian.net', 'Site'),
      ]),
      oauth2('Atlassian', workspaceScopes('Jira site')),
    ],
  }),
  app({
    key: 'confluence',
    name: 'Confluence',
    categories: ['Documents'],
    aliases: ['atlassian wiki'],
    popularity: 7600,
    description: 'Team wiki and knowledge base by Atlassian.',
    helpUrl:
      'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    authMethods: [
      basic('https://id.atlassian.com/manage-profile/security/api-tokens', [
        subdomainField('.atlassian.net', 'Site'),
      ]),
    ],
  }),
  app({
    key: 'github',
    name: 'GitHub',
    categories: ['Developer tools'],
    aliases: ['gh'],
    popularity: 9500,
    description: 'Code hosting, pull requests and issues.',
    helpUrl:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
    authMethods: [
      oauth2('GitHub', [
        scope('contacts.read', 'See your profile and organisations', true),
        scope('files.read', 'Read your repositories'),
      ]),
      token('https://github.com/settings/tokens', 'Personal access token', {
        pattern: keyPattern('(?:ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})'),
        patternHint: 'Starts with ghp_ or github_pat_.',
        placeholder: 'github_pat_…',
      }),
    ],
  }),
  app({
    key: 'gitlab',
    name: 'GitLab',
    categories: ['Developer tools'],
    popularity: 7900,
    description: 'DevOps platform: repositories, CI/CD and issues.',
    helpUrl: 'https://docs.gitlab.com/ee/user/profile/personal_access_tokens.html',
    authMethods: [
      token(
        'https://gitlab.com/-/user_settings/personal_access_tokens',
        'Personal access token',
        {
          pattern: keyPattern('glpat-[A-Za-z0-9_-]{20,}'),
          patternHint: 'Starts with glpat-.',
          placeholder: 'glpat-…',
        },
        [
          textField('instanceUrl', 'GitLab address', {
            type: 'url',
            default: 'https://gitlab.com',
            helpText: 'Change it only for a self-managed GitLab.',
            pattern: '^https://\\S+$',
            patternHint: 'An https:// address.',
          }),
        ],
      ),
    ],
  }),
  app({
    key: 'linear',
    name: 'Linear',
    categories: ['Project management', 'Developer tools'],
    popularity: 7000,
    description: 'Issue tracking built for speed.',
    helpUrl: 'https://linear.app/docs/api-and-webhooks',
    authMethods: [
      oauth2('Linear', workspaceScopes('Linear workspace')),
      apiKey('https://linear.app/settings/account/security', {
        pattern: keyPattern('lin_api_[A-Za-z0-9]{40}'),
        patternHint: 'Starts with lin_api_.',
      }),
    ],
  }),
  app({
    key: 'stripe',
    name: 'Stripe',
    categories: ['Payments'],
    popularity: 9400,
    description: 'Online payments, subscriptions and invoicing.',
    helpUrl: 'https://docs.stripe.com/keys',
    authMethods: [
      apiKey('https://dashboard.stripe.com/apikeys', {
        label: 'Secret or restricted key',
        pattern: keyPattern('(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,}'),
        patternHint: 'Starts with sk_live_, sk_test_, rk_live_ or rk_test_.',
        placeholder: 'rk_live_…',
        helpText: 'A restricted key with read access is enough.',
      }),
    ],
  }),
  app({
    key: 'shopify',
    name: 'Shopify',
    categories: ['E-commerce'],
    popularity: 9000,
    description: 'Online stores and point of sale.',
    helpUrl: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
    authMethods: [
      credentialMethod('custom', {
        label: 'Custom app access token',
        helpUrl: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
        helpText: 'Shopify admin › Settings › Apps › Develop apps, then install the app.',
        fields: [
          textField('shopDomain', 'Store address', {
            pattern: '^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$',
            patternHint: 'Your store’s myshopify.com address, such as acme.myshopify.com.',
            placeholder: 'acme.myshopify.com',
          }),
          secretField('accessToken', 'Admin API access token', {
            pattern: keyPattern('shpat_[a-f0-9]{32}'),
            patternHint: 'Starts with shpat_.',
          }),
        ],
      }),
    ],
  }),
  app({
    key: 'woocommerce',
    name: 'WooCommerce',
    categories: ['E-commerce'],
    aliases: ['woo', 'wordpress shop'],
    popularity: 7700,
    description: 'E-commerce for WordPress sites.',
    helpUrl: 'https://woocommerce.com/document/woocommerce-rest-api/',
    authMethods: [
      credentialMethod('custom', {
        label: 'REST API keys',
        helpUrl: 'https://woocommerce.com/document/woocommerce-rest-api/',
        helpText: 'WooCommerce › Settings › Advanced › REST API › Add key.',
        fields: [
          textField('storeUrl', 'Store address', {
            type: 'url',
            placeholder: 'https://shop.example.com',
            pattern: '^https://\\S+$',
            patternHint: 'An https:// address.',
          }),
          secretField('consumerKey', 'Consumer key', {
            pattern: keyPattern('ck_[a-f0-9]{40}'),
            patternHint: 'Starts with ck_.',
          }),
          secretField('consumerSecret', 'Consumer secret', {
            pattern: keyPattern('cs_[a-f0-9]{40}'),
            patternHint: 'Starts with cs_.',
          }),
        ],
      }),
    ],
  }),
  app({
    key: 'mailchimp',
    name: 'Mailchimp',
    categories: ['Marketing', 'Email'],
    popularity: 8800,
    description: 'Email marketing and audiences.',
    helpUrl: 'https://mailchimp.com/help/about-api-keys/',
    authMethods: [
      oauth2('Mailchimp', [
        scope('contacts.read', 'See your audiences and subscribers', true),
        scope('contacts.write', 'Add and update subscribers'),
      ]),
      apiKey('https://us1.admin.mailchimp.com/account/api/', {
        pattern: keyPattern('[a-f0-9]{32}-us[0-9]{1,2}'),
        patternHint: '32 characters, a dash and your data center, such as -us21.',
      }),
    ],
  }),
  app({
    key: 'mailgun',
    name: 'Mailgun',
    categories: ['Email', 'Developer tools'],
    popularity: 6400,
    description: 'Email sending API for developers.',
    helpUrl: 'https://help.mailgun.com/hc/en-us/articles/203380100',
    authMethods: [
      apiKey(
        'https://app.mailgun.com/settings/api_security',
        { pattern: keyPattern('key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}') },
        [
          {
            name: 'region',
            label: 'Region',
            type: 'select',
            required: true,
            secret: false,
            default: 'us',
            options: [
              { value: 'us', label: 'United States' },
              { value: 'eu', label: 'European Union' },
            ],
            helpText: 'Where your Mailgun account stores its data.',
          },
          textField('domain', 'Sending domain', {
            placeholder: 'mg.example.com',
            // No repeated group (see safe-pattern.ts): labels, dots, then a top-level domain.
            pattern: '^[a-z0-9][a-z0-9.-]*\\.[a-z]{2,}$',
            patternHint: 'A domain name such as mg.example.com.',
          }),
        ],
      ),
    ],
  }),
  app({
    key: 'sendgrid',
    name: 'SendGrid',
    categories: ['Email'],
    aliases: ['twilio sendgrid'],
    popularity: 7800,
    description: 'Transactional and marketing email delivery.',
    helpUrl: 'https://docs.sendgrid.com/ui/account-and-settings/api-keys',
    authMethods: [
      apiKey('https://app.sendgrid.com/settings/api_keys', {
        pattern: keyPattern('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'),
        patternHint: 'Starts with SG. and has two dots.',
        placeholder: 'SG.…',
      }),
    ],
  }),
  app({
    key: 'brevo',
    name: 'Sendinblue / Brevo',
    categories: ['Marketing', 'Email'],
    aliases: ['sendinblue', 'brevo'],
    popularity: 6900,
    description: 'Email, SMS and marketing automation (formerly Sendinblue).',
    helpUrl: 'https://help.brevo.com/hc/en-us/articles/209467485',
    authMethods: [
      apiKey('https://app.brevo.com/settings/keys/api', {
        pattern: keyPattern('xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'),
        patternHint: 'Starts with xkeysib-.',
      }),
    ],
  }),
  app({
    key: 'zendesk',
    name: 'Zendesk',
    categories: ['Customer support'],
    popularity: 8400,
    description: 'Help desk tickets and customer service.',
    helpUrl: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
    authMethods: [
      credentialMethod('custom', {
        label: 'API token',
        helpUrl: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
        helpText: 'Admin Center › Apps and integrations › Zendesk API › Add API token.',
        fields: [
          subdomainField('.zendesk.com'),
          textField('email', 'Agent email', { type: 'email', placeholder: 'you@company.com' }),
          secretField('apiToken', 'API token'),
        ],
      }),
    ],
  }),
  app({
    key: 'freshdesk',
    name: 'Freshdesk',
    categories: ['Customer support'],
    popularity: 7100,
    description: 'Customer support software by Freshworks.',
    helpUrl: 'https://support.freshdesk.com/support/solutions/articles/215517',
    authMethods: [
      apiKey(
        'https://support.freshdesk.com/support/solutions/articles/215517',
        { pattern: keyPattern('[A-Za-z0-9]{20}'), patternHint: '20 letters and digits.' },
        [subdomainField('.freshdesk.com', 'Helpdesk domain')],
      ),
    ],
  }),
  app({
    key: 'intercom',
    name: 'Intercom',
    categories: ['Customer support', 'Communication'],
    popularity: 8000,
    description: 'Customer messaging, chat and help center.',
    helpUrl: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
    authMethods: [
      oauth2('Intercom', workspaceScopes('Intercom workspace')),
      token(
        'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
        'Access token',
        {},
        [
          {
            name: 'region',
            label: 'Data hosting region',
            type: 'select',
            required: true,
            secret: false,
            default: 'us',
            options: [
              { value: 'us', label: 'United States' },
              { value: 'eu', label: 'Europe' },
              { value: 'au', label: 'Australia' },
            ],
          },
        ],
      ),
    ],
  }),
  app({
    key: 'dropbox',
    name: 'Dropbox',
    categories: ['File storage'],
    popularity: 8600,
    description: 'Cloud file storage and sharing.',
    helpUrl: 'https://help.dropbox.com/integrations/connect-apps',
    authMethods: [oauth2('Dropbox', fileScopes('Dropbox'))],
  }),
  app({
    key: 'box',
    name: 'Box',
    categories: ['File storage'],
    popularity: 7400,
    description: 'Secure content management and file sharing.',
    helpUrl: 'https://support.box.com/hc/en-us/articles/360044196653',
    authMethods: [oauth2('Box', fileScopes('Box'))],
  }),
  app({
    key: 'onedrive',
    name: 'OneDrive',
    categories: ['File storage'],
    aliases: ['ms onedrive', 'microsoft onedrive'],
    popularity: 8100,
    description: 'File storage from Microsoft.',
    helpUrl: 'https://support.microsoft.com/onedrive',
    authMethods: [oauth2('Microsoft', fileScopes('OneDrive'))],
  }),
  app({
    key: 'microsoft-teams',
    name: 'Microsoft Teams',
    categories: ['Communication'],
    aliases: ['ms teams', 'teams'],
    popularity: 9000,
    description: 'Chat, meetings and calls from Microsoft.',
    helpUrl: 'https://support.microsoft.com/teams',
    authMethods: [oauth2('Microsoft', workspaceScopes('Teams'))],
  }),
  app({
    key: 'outlook',
    name: 'Outlook',
    categories: ['Email', 'Scheduling'],
    aliases: ['office 365 mail', 'hotmail', 'microsoft outlook'],
    popularity: 8900,
    description: 'Email and calendar from Microsoft.',
    helpUrl: 'https://support.microsoft.com/outlook',
    authMethods: [
      oauth2('Microsoft', [
        scope('contacts.read', 'See your contacts and the people you write to', true),
        scope('files.read', 'See attachments in your mailbox'),
      ]),
    ],
  }),
  app({
    key: 'discord',
    name: 'Discord',
    categories: ['Communication'],
    popularity: 7200,
    description: 'Voice, video and text chat for communities.',
    helpUrl: 'https://support.discord.com/hc/en-us/articles/212112068',
    authMethods: [oauth2('Discord', workspaceScopes('Discord servers'))],
  }),
  app({
    key: 'zoom',
    name: 'Zoom',
    categories: ['Video', 'Communication'],
    popularity: 8700,
    description: 'Video meetings and webinars.',
    helpUrl: 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0066016',
    authMethods: [
      oauth2('Zoom', [scope('contacts.read', 'See your meetings and participants', true)]),
    ],
  }),
  app({
    key: 'calendly',
    name: 'Calendly',
    categories: ['Scheduling'],
    popularity: 7500,
    description: 'Scheduling links and meeting booking.',
    helpUrl: 'https://help.calendly.com/hc/en-us/articles/223195488',
    authMethods: [
      oauth2('Calendly', [scope('contacts.read', 'See the people who book with you', true)]),
      token('https://calendly.com/integrations/api_webhooks', 'Personal access token'),
    ],
  }),
  app({
    key: 'typeform',
    name: 'Typeform',
    categories: ['Forms'],
    popularity: 7300,
    description: 'Conversational forms and surveys.',
    helpUrl: 'https://www.typeform.com/help/a/webhooks-360029573471/',
    authMethods: [
      oauth2('Typeform', [
        scope('files.read', 'See your forms and their responses', true),
        scope('contacts.read', 'See your workspace members'),
      ]),
      token('https://admin.typeform.com/account#/section/tokens', 'Personal access token', {
        pattern: keyPattern('tfp_[A-Za-z0-9_]{40,}'),
        patternHint: 'Starts with tfp_.',
      }),
    ],
    setupSteps: [
      webhookStep(
        'Typeform',
        'Connect › Webhooks',
        'https://www.typeform.com/help/a/webhooks-360029573471/',
      ),
    ],
  }),
  app({
    key: 'twilio',
    name: 'Twilio',
    categories: ['Communication', 'Developer tools'],
    aliases: ['sms'],
    popularity: 7700,
    description: 'SMS, voice and messaging APIs.',
    helpUrl: 'https://help.twilio.com/articles/223136027',
    authMethods: [
      credentialMethod('custom', {
        label: 'Account SID and auth token',
        helpUrl: 'https://console.twilio.com/',
        helpText: 'Both are on your Twilio Console home page.',
        fields: [
          textField('accountSid', 'Account SID', {
            pattern: '^AC[a-f0-9]{32}$',
            patternHint: 'AC followed by 32 characters: digits and the letters a to f.',
            placeholder: 'AC…',
          }),
          secretField('authToken', 'Auth token', {
            pattern: keyPattern('[a-f0-9]{32}'),
            patternHint: '32 characters: digits and the letters a to f.',
          }),
        ],
      }),
    ],
  }),
  app({
    key: 'quickbooks',
    name: 'QuickBooks Online',
    categories: ['Accounting'],
    aliases: ['qbo', 'intuit'],
    popularity: 8200,
    description: 'Accounting and invoicing for small businesses.',
    helpUrl: 'https://quickbooks.intuit.com/learn-support/en-us/help-article/connect-apps',
    authMethods: [
      oauth2('Intuit', [
        scope('contacts.read', 'See your customers and vendors', true),
        scope('deals.read', 'See your invoices and payments', true),
      ]),
    ],
  }),
  app({
    key: 'xero',
    name: 'Xero',
    categories: ['Accounting'],
    popularity: 7800,
    description: 'Online accounting software.',
    helpUrl: 'https://central.xero.com/s/article/Connect-an-app-to-Xero',
    authMethods: [
      oauth2('Xero', [
        scope('contacts.read', 'See your contacts', true),
        scope('deals.read', 'See your invoices'),
      ]),
    ],
  }),
  app({
    key: 'pennylane',
    name: 'Pennylane',
    categories: ['Accounting'],
    popularity: 4200,
    description: 'Accounting and financial management for French companies.',
    helpUrl: 'https://help.pennylane.com/fr/articles/18773-comment-generer-un-token-api',
    authMethods: [token('https://app.pennylane.com/settings/api', 'API token')],
  }),
  app({
    key: 'debitoor',
    name: 'Débitoor',
    categories: ['Accounting', 'Invoicing'],
    aliases: ['debitoor'],
    popularity: 1800,
    description: 'Invoicing and accounting for freelancers.',
    helpUrl: 'https://debitoor.com/api',
    authMethods: [apiKey('https://debitoor.com/api')],
  }),
  app({
    key: 'qonto',
    name: 'Qonto',
    categories: ['Banking', 'Accounting'],
    popularity: 4600,
    description: 'Business banking for SMEs and freelancers in Europe.',
    helpUrl: 'https://support-fr.qonto.com/hc/en-us/articles/23947656432017',
    authMethods: [
      credentialMethod('custom', {
        label: 'Login and secret key',
        helpUrl: 'https://app.qonto.com/settings/integrations',
        helpText: 'Settings › Integrations & partnerships › API key.',
        fields: [
          textField('login', 'Login', {
            pattern: '^[a-z0-9-]{3,100}$',
            patternHint: 'Your organisation’s slug, such as acme-1234.',
          }),
          secretField('secretKey', 'Secret key'),
        ],
      }),
    ],
  }),
  app({
    key: 'snowflake',
    name: 'Snowflake',
    categories: ['Databases', 'Developer tools'],
    aliases: ['data warehouse'],
    popularity: 5200,
    description: 'Cloud data warehouse for analytics.',
    helpUrl: 'https://docs.snowflake.com/en/user-guide/key-pair-auth',
    authMethods: [
      credentialMethod('custom', {
        label: 'Service user',
        helpUrl: 'https://docs.snowflake.com/en/user-guide/key-pair-auth',
        helpText: 'A service user that signs in with a key pair (or, for now, a password).',
        fields: [
          textField('account', 'Account identifier', {
            pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$',
            patternHint: 'Your organization and account name, such as acme-xy12345.',
            placeholder: 'acme-xy12345',
          }),
          textField('username', 'User name', { placeholder: 'PLUGBOARD_SERVICE' }),
          textField('authentication', 'Sign in with', {
            type: 'select',
            default: 'key_pair',
            options: [
              { value: 'key_pair', label: 'Key pair' },
              { value: 'password', label: 'Password' },
            ],
          }),
          secretField(DEMO_KEY_FILE, 'Private key (PEM)', {
            type: 'textarea',
            placeholder: '-----BEGIN PRIVATE KEY-----',
            helpText:
              'The private key of the public key you set on the user (ALTER USER … SET RSA_PUBLIC_KEY).',
            visibleWhen: { field: 'authentication', equals: 'key_pair' },
          }),
          secretField('password', 'Password', {
            visibleWhen: { field: 'authentication', equals: 'password' },
          }),
          textField('warehouses', 'Warehouses to use', {
            type: 'multi_select',
            required: false,
            options: [
              { value: 'COMPUTE_WH', label: 'COMPUTE_WH' },
              { value: 'ANALYTICS_WH', label: 'ANALYTICS_WH' },
              { value: 'REPORTING_WH', label: 'REPORTING_WH' },
            ],
          }),
        ],
      }),
    ],
  }),
  app({
    key: 'lemlist',
    name: 'Lemlist',
    categories: ['Sales', 'Email'],
    aliases: ['lemlist.com'],
    popularity: 3900,
    description: 'Cold email outreach and sales engagement.',
    helpUrl: 'https://help.lemlist.com/en/articles/4452694',
    authMethods: [apiKey('https://app.lemlist.com/settings/integrations')],
  }),
  app({
    key: 'monday',
    name: 'Monday.com',
    categories: ['Project management'],
    aliases: ['monday'],
    popularity: 8000,
    description: 'Work OS for projects and workflows.',
    helpUrl: 'https://support.monday.com/hc/en-us/articles/360005144659',
    authMethods: [
      oauth2('monday.com', workspaceScopes('monday.com account')),
      token('https://support.monday.com/hc/en-us/articles/360005144659', 'API token'),
    ],
  }),
  app({
    key: 'clickup',
    name: 'ClickUp',
    categories: ['Project management'],
    popularity: 7600,
    description: 'Tasks, docs and goals in one app.',
    helpUrl: 'https://help.clickup.com/hc/en-us/articles/6303426241687',
    authMethods: [
      token('https://app.clickup.com/settings/apps', 'Personal API token', {
        pattern: keyPattern('pk_[0-9]+_[A-Z0-9]{32}'),
        patternHint: 'Starts with pk_.',
      }),
      oauth2('ClickUp', workspaceScopes('ClickUp workspace')),
    ],
  }),
  app({
    key: 'webflow',
    name: 'Webflow',
    categories: ['Website builders'],
    popularity: 6800,
    description: 'Visual website builder and CMS.',
    helpUrl: 'https://help.webflow.com/hc/en-us/articles/33961356296723',
    authMethods: [
      oauth2('Webflow', [scope('files.read', 'See your sites and CMS collections', true)]),
      token('https://webflow.com/dashboard', 'Site API token'),
    ],
  }),
  app({
    key: 'zoho-crm',
    name: 'Zoho CRM',
    categories: ['CRM'],
    aliases: ['zoho'],
    popularity: 7400,
    description: 'CRM for businesses of every size.',
    helpUrl: 'https://www.zoho.com/crm/developer/docs/api/v7/oauth-overview.html',
    authMethods: [oauth2('Zoho', crmScopes('Zoho CRM'))],
  }),
  app({
    key: 'activecampaign',
    name: 'ActiveCampaign',
    categories: ['Marketing', 'CRM'],
    popularity: 6700,
    description: 'Email marketing, automation and CRM.',
    helpUrl: 'https://help.activecampaign.com/hc/en-us/articles/207317590',
    authMethods: [
      apiKey(
        'https://help.activecampaign.com/hc/en-us/articles/207317590',
        { pattern: keyPattern('[a-f0-9]{72}'), patternHint: '72 characters: digits and a to f.' },
        [
          textField('accountUrl', 'API URL', {
            type: 'url',
            placeholder: 'https://acme.api-us1.com',
            pattern: '^https://[a-z0-9-]+\\.api-us1\\.com$',
            patternHint: 'Like https://acme.api-us1.com (Settings › Developer).',
          }),
        ],
      ),
    ],
  }),
  app({
    key: 'klaviyo',
    name: 'Klaviyo',
    categories: ['Marketing', 'Email'],
    popularity: 7000,
    description: 'Email and SMS marketing for e-commerce.',
    helpUrl: 'https://help.klaviyo.com/hc/en-us/articles/115005062267',
    authMethods: [
      oauth2('Klaviyo', [scope('contacts.read', 'See your profiles and lists', true)]),
      apiKey('https://www.klaviyo.com/settings/account/api-keys', {
        label: 'Private API key',
        pattern: keyPattern('pk_[a-f0-9]{34}'),
        patternHint: 'Starts with pk_.',
      }),
    ],
  }),
  app({
    key: 'harvest',
    name: 'Harvest',
    categories: ['Time tracking'],
    popularity: 5200,
    description: 'Time tracking and invoicing.',
    helpUrl: 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
    authMethods: [
      token('https://id.getharvest.com/developers', 'Personal access token', {}, [
        textField('accountId', 'Account ID', {
          pattern: '^[0-9]{4,12}$',
          patternHint: 'Digits only.',
          placeholder: '1234567',
        }),
      ]),
      oauth2('Harvest', [scope('contacts.read', 'See your clients and projects', true)]),
    ],
  }),
  app({
    key: 'personio',
    name: 'Personio',
    categories: ['HR'],
    popularity: 4800,
    description: 'HR software for small and medium-sized companies.',
    helpUrl: 'https://developer.personio.de/docs/getting-started-with-the-personio-api',
    authMethods: [
      credentialMethod('custom', {
        label: 'API credentials',
        helpUrl: 'https://developer.personio.de/docs/getting-started-with-the-personio-api',
        helpText: 'Settings › Integrations › API credentials › Generate new credential.',
        fields: [
          textField('clientId', 'Client ID', {
            pattern: '^papi-[a-f0-9-]{36}$',
            patternHint: 'Starts with papi- followed by 36 characters.',
          }),
          secretField('clientSecret', 'Client secret'),
        ],
      }),
    ],
  }),
  app({
    key: 'miro',
    name: 'Miro',
    categories: ['Design', 'Productivity'],
    popularity: 6900,
    description: 'Online whiteboard for team collaboration.',
    helpUrl: 'https://help.miro.com/hc/en-us/articles/360017730813',
    authMethods: [oauth2('Miro', [scope('files.read', 'See your boards', true)])],
  }),
  app({
    key: 'figma',
    name: 'Figma',
    categories: ['Design'],
    popularity: 8300,
    description: 'Collaborative interface design.',
    helpUrl: 'https://help.figma.com/hc/en-us/articles/8085703771159',
    authMethods: [
      oauth2('Figma', [scope('files.read', 'See your files and comments', true)]),
      token('https://www.figma.com/settings', 'Personal access token', {
        pattern: keyPattern('figd_[A-Za-z0-9_-]{40,}'),
        patternHint: 'Starts with figd_.',
      }),
    ],
  }),
];
