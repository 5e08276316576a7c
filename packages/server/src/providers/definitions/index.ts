// Every provider definition, validated against the schema when the server loads them. One JSON
// file per service in this folder; definitions.test.ts fails when a file is missing from this list.
import type { ProviderDefinition } from '@plugboard/contract/provider-definition';
import { parseProviderDefinition } from '@plugboard/contract/validate-provider-definition';
import activecampaign from './activecampaign.json' with { type: 'json' };
import airtable from './airtable.json' with { type: 'json' };
import asana from './asana.json' with { type: 'json' };
import box from './box.json' with { type: 'json' };
import calendly from './calendly.json' with { type: 'json' };
import clickup from './clickup.json' with { type: 'json' };
import confluence from './confluence.json' with { type: 'json' };
import discord from './discord.json' with { type: 'json' };
import dropbox from './dropbox.json' with { type: 'json' };
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
import klaviyo from './klaviyo.json' with { type: 'json' };
import linear from './linear.json' with { type: 'json' };
import mailchimp from './mailchimp.json' with { type: 'json' };
import microsoftOutlook from './microsoft-outlook.json' with { type: 'json' };
import microsoftTeams from './microsoft-teams.json' with { type: 'json' };
import monday from './monday.json' with { type: 'json' };
import notion from './notion.json' with { type: 'json' };
import pipedrive from './pipedrive.json' with { type: 'json' };
import quickbooks from './quickbooks.json' with { type: 'json' };
import salesforce from './salesforce.json' with { type: 'json' };
import sendgrid from './sendgrid.json' with { type: 'json' };
import shopify from './shopify.json' with { type: 'json' };
import slack from './slack.json' with { type: 'json' };
import stripe from './stripe.json' with { type: 'json' };
import telegramBot from './telegram-bot.json' with { type: 'json' };
import trello from './trello.json' with { type: 'json' };
import twilio from './twilio.json' with { type: 'json' };
import typeform from './typeform.json' with { type: 'json' };
import webflow from './webflow.json' with { type: 'json' };
import woocommerce from './woocommerce.json' with { type: 'json' };
import xero from './xero.json' with { type: 'json' };
import zendesk from './zendesk.json' with { type: 'json' };
import zohoCrm from './zoho-crm.json' with { type: 'json' };
import zoom from './zoom.json' with { type: 'json' };

const files: Record<string, unknown> = {
  activecampaign,
  airtable,
  asana,
  box,
  calendly,
  clickup,
  confluence,
  discord,
  dropbox,
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
  klaviyo,
  linear,
  mailchimp,
  'microsoft-outlook': microsoftOutlook,
  'microsoft-teams': microsoftTeams,
  monday,
  notion,
  pipedrive,
  quickbooks,
  salesforce,
  sendgrid,
  shopify,
  slack,
  stripe,
  'telegram-bot': telegramBot,
  trello,
  twilio,
  typeform,
  webflow,
  woocommerce,
  xero,
  zendesk,
  'zoho-crm': zohoCrm,
  zoom,
};

export const providerDefinitions: ReadonlyMap<string, ProviderDefinition> = new Map(
  Object.entries(files).map(([file, data]) => {
    const definition = parseProviderDefinition(data, `${file}.json`);
    if (definition.key !== file) throw new Error(`${file}.json defines “${definition.key}”.`);
    return [file, definition];
  }),
);
