// Every service double, each written from its service's documentation.
import type { DoubledService } from '../scenario.js';
import { activecampaignService } from './activecampaign.js';
import { airtableService } from './airtable.js';
import { asanaService } from './asana.js';
import { atlassianService } from './atlassian.js';
import { boxService } from './box.js';
import { calendlyService } from './calendly.js';
import { clickupService } from './clickup.js';
import { discordService } from './discord.js';
import { dropboxService } from './dropbox.js';
import { freshdeskService } from './freshdesk.js';
import { githubService } from './github.js';
import { gitlabService } from './gitlab.js';
import { googleService } from './google.js';
import { hubspotService } from './hubspot.js';
import { intercomService } from './intercom.js';
import { intuitService } from './intuit.js';
import { klaviyoService } from './klaviyo.js';
import { linearService } from './linear.js';
import { mailchimpService } from './mailchimp.js';
import { microsoftService } from './microsoft.js';
import { mondayService } from './monday.js';
import { notionService } from './notion.js';
import { pipedriveService } from './pipedrive.js';
import { salesforceService } from './salesforce.js';
import { sendgridService } from './sendgrid.js';
import { shopifyService } from './shopify.js';
import { slackService } from './slack.js';
import { stripeService } from './stripe.js';
import { telegramService } from './telegram.js';
import { trelloService } from './trello.js';
import { twilioService } from './twilio.js';
import { typeformService } from './typeform.js';
import { webflowService } from './webflow.js';
import { woocommerceService } from './woocommerce.js';
import { xeroService } from './xero.js';
import { zendeskService } from './zendesk.js';
import { zohoService } from './zoho.js';
import { zoomService } from './zoom.js';

export function allServices(): DoubledService[] {
  return [
    activecampaignService(),
    airtableService(),
    asanaService(),
    atlassianService(),
    boxService(),
    calendlyService(),
    clickupService(),
    discordService(),
    dropboxService(),
    freshdeskService(),
    githubService(),
    gitlabService(),
    googleService(),
    hubspotService(),
    intercomService(),
    intuitService(),
    klaviyoService(),
    linearService(),
    mailchimpService(),
    microsoftService(),
    mondayService(),
    notionService(),
    pipedriveService(),
    salesforceService(),
    sendgridService(),
    shopifyService(),
    slackService(),
    stripeService(),
    telegramService(),
    trelloService(),
    twilioService(),
    typeformService(),
    webflowService(),
    woocommerceService(),
    xeroService(),
    zendeskService(),
    zohoService(),
    zoomService(),
  ];
}
