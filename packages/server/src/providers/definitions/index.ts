// Every provider definition, validated against the schema when the server loads them. One JSON
// file per service in this folder; definitions.test.ts fails when a file is missing from this list.
import type { ProviderDefinition } from '@plugboard/contract/provider-definition';
import { parseProviderDefinition } from '@plugboard/contract/validate-provider-definition';
import airtable from './airtable.json' with { type: 'json' };
import asana from './asana.json' with { type: 'json' };
import clickup from './clickup.json' with { type: 'json' };
import confluence from './confluence.json' with { type: 'json' };
import discord from './discord.json' with { type: 'json' };
import freshdesk from './freshdesk.json' with { type: 'json' };
import github from './github.json' with { type: 'json' };
import gitlab from './gitlab.json' with { type: 'json' };
import gmail from './gmail.json' with { type: 'json' };
import googleCalendar from './google-calendar.json' with { type: 'json' };
import googleDrive from './google-drive.json' with { type: 'json' };
import googleSheets from './google-sheets.json' with { type: 'json' };
import hubspot from './hubspot.json' with { type: 'json' };
import intercom from './intercom.json' with { type: 'json' };
import jira from './jira.json' with { type: 'json' };
import linear from './linear.json' with { type: 'json' };
import microsoftOutlook from './microsoft-outlook.json' with { type: 'json' };
import microsoftTeams from './microsoft-teams.json' with { type: 'json' };
import monday from './monday.json' with { type: 'json' };
import notion from './notion.json' with { type: 'json' };
import pipedrive from './pipedrive.json' with { type: 'json' };
import salesforce from './salesforce.json' with { type: 'json' };
import shopify from './shopify.json' with { type: 'json' };
import slack from './slack.json' with { type: 'json' };
import stripe from './stripe.json' with { type: 'json' };
import trello from './trello.json' with { type: 'json' };
import woocommerce from './woocommerce.json' with { type: 'json' };
import zendesk from './zendesk.json' with { type: 'json' };
import zohoCrm from './zoho-crm.json' with { type: 'json' };

const files: Record<string, unknown> = {
  airtable,
  asana,
  clickup,
  confluence,
  discord,
  freshdesk,
  github,
  gitlab,
  gmail,
  'google-calendar': googleCalendar,
  'google-drive': googleDrive,
  'google-sheets': googleSheets,
  hubspot,
  intercom,
  jira,
  linear,
  'microsoft-outlook': microsoftOutlook,
  'microsoft-teams': microsoftTeams,
  monday,
  notion,
  pipedrive,
  salesforce,
  shopify,
  slack,
  stripe,
  trello,
  woocommerce,
  zendesk,
  'zoho-crm': zohoCrm,
};

export const providerDefinitions: ReadonlyMap<string, ProviderDefinition> = new Map(
  Object.entries(files).map(([file, data]) => {
    const definition = parseProviderDefinition(data, `${file}.json`);
    if (definition.key !== file) throw new Error(`${file}.json defines “${definition.key}”.`);
    return [file, definition];
  }),
);
