// What the mock "service" lists for a select setup step: the demo workspace's channels, pipelines
// and stages (the data the reference server's demo API lists) for the steps of those keys, and a
// generated list for any other step, so a catalog of one's own works too.
import type { SetupOption, SetupStep } from '@plugboard/contract';
import { workspaceOf } from '@plugboard/contract/demo-workspace';

export type SelectStep = Extract<SetupStep, { type: 'select' | 'multi_select' }>;

/** An option, and whether a check of it passes (channels: the account is a member). */
export interface ServiceOption extends SetupOption {
  passes: boolean;
}

const GENERATED_COUNT = 40;

export function serviceOptions(step: SelectStep, accountId: string): ServiceOption[] {
  const workspace = workspaceOf(accountId);
  switch (step.key) {
    case 'channel':
      return workspace.channels.map((channel) => ({
        value: channel.id,
        label: `#${channel.name}`,
        ...(channel.topic ? { description: channel.topic } : {}),
        passes: channel.isMember,
      }));
    case 'pipeline':
      return workspace.pipelines.map((pipeline) => ({
        value: String(pipeline.id),
        label: pipeline.name,
        passes: true,
      }));
    case 'stages':
      return workspace.stages.map((stage) => ({
        value: String(stage.id),
        label: `${stage.pipelineName} › ${stage.name}`,
        passes: true,
      }));
    default:
      return Array.from({ length: GENERATED_COUNT }, (_, index) => ({
        value: `${step.key}-${index + 1}`,
        label: `${step.title} ${index + 1}`,
        passes: true,
      }));
  }
}
