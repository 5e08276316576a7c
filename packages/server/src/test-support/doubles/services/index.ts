// Every service double, each written from its service's documentation.
import type { DoubledService } from '../scenario.js';
import { pipedriveService } from './pipedrive.js';
import { slackService } from './slack.js';

export function allServices(): DoubledService[] {
  return [pipedriveService(), slackService()];
}
