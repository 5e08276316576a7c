// Every service double, each written from its service's documentation.
import type { DoubledService } from '../scenario.js';
import { airtableService } from './airtable.js';
import { asanaService } from './asana.js';
import { atlassianService } from './atlassian.js';
import { clickupService } from './clickup.js';
import { discordService } from './discord.js';
import { githubService } from './github.js';
import { gitlabService } from './gitlab.js';
import { googleService } from './google.js';
import { hubspotService } from './hubspot.js';
import { linearService } from './linear.js';
import { microsoftService } from './microsoft.js';
import { mondayService } from './monday.js';
import { notionService } from './notion.js';
import { pipedriveService } from './pipedrive.js';
import { salesforceService } from './salesforce.js';
import { slackService } from './slack.js';
import { trelloService } from './trello.js';
import { zohoService } from './zoho.js';

export function allServices(): DoubledService[] {
  return [
    airtableService(),
    asanaService(),
    atlassianService(),
    clickupService(),
    discordService(),
    githubService(),
    gitlabService(),
    googleService(),
    hubspotService(),
    linearService(),
    microsoftService(),
    mondayService(),
    notionService(),
    pipedriveService(),
    salesforceService(),
    slackService(),
    trelloService(),
    zohoService(),
  ];
}
