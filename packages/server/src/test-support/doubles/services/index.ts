// Every service double, each written from its service's documentation.
import type { DoubledService } from '../scenario.js';
import { airtableService } from './airtable.js';
import { asanaService } from './asana.js';
import { atlassianService } from './atlassian.js';
import { clickupService } from './clickup.js';
import { discordService } from './discord.js';
import { freshdeskService } from './freshdesk.js';
import { githubService } from './github.js';
import { gitlabService } from './gitlab.js';
import { googleService } from './google.js';
import { hubspotService } from './hubspot.js';
import { intercomService } from './intercom.js';
import { linearService } from './linear.js';
import { microsoftService } from './microsoft.js';
import { mondayService } from './monday.js';
import { notionService } from './notion.js';
import { pipedriveService } from './pipedrive.js';
import { salesforceService } from './salesforce.js';
import { shopifyService } from './shopify.js';
import { slackService } from './slack.js';
import { stripeService } from './stripe.js';
import { trelloService } from './trello.js';
import { woocommerceService } from './woocommerce.js';
import { zendeskService } from './zendesk.js';
import { zohoService } from './zoho.js';

export function allServices(): DoubledService[] {
  return [
    airtableService(),
    asanaService(),
    atlassianService(),
    clickupService(),
    discordService(),
    freshdeskService(),
    githubService(),
    gitlabService(),
    googleService(),
    hubspotService(),
    intercomService(),
    linearService(),
    microsoftService(),
    mondayService(),
    notionService(),
    pipedriveService(),
    salesforceService(),
    shopifyService(),
    slackService(),
    stripeService(),
    trelloService(),
    woocommerceService(),
    zendeskService(),
    zohoService(),
  ];
}
