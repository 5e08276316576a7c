// Every service double, each written from its service's documentation.
import type { DoubledService } from '../scenario.js';
import { airtableService } from './airtable.js';
import { atlassianService } from './atlassian.js';
import { discordService } from './discord.js';
import { githubService } from './github.js';
import { gitlabService } from './gitlab.js';
import { googleService } from './google.js';
import { hubspotService } from './hubspot.js';
import { microsoftService } from './microsoft.js';
import { notionService } from './notion.js';
import { pipedriveService } from './pipedrive.js';
import { salesforceService } from './salesforce.js';
import { slackService } from './slack.js';
import { zohoService } from './zoho.js';

export function allServices(): DoubledService[] {
  return [
    airtableService(),
    atlassianService(),
    discordService(),
    githubService(),
    gitlabService(),
    googleService(),
    hubspotService(),
    microsoftService(),
    notionService(),
    pipedriveService(),
    salesforceService(),
    slackService(),
    zohoService(),
  ];
}
