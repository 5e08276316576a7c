// Every service double, each written from its service's documentation.
import type { DoubledService } from '../scenario.js';
import { atlassianService } from './atlassian.js';
import { googleService } from './google.js';
import { hubspotService } from './hubspot.js';
import { microsoftService } from './microsoft.js';
import { pipedriveService } from './pipedrive.js';
import { salesforceService } from './salesforce.js';
import { slackService } from './slack.js';
import { zohoService } from './zoho.js';

export function allServices(): DoubledService[] {
  return [
    atlassianService(),
    googleService(),
    hubspotService(),
    microsoftService(),
    pipedriveService(),
    salesforceService(),
    slackService(),
    zohoService(),
  ];
}
