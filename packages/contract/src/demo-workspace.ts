// What each demo account holds in the demo "service": channels (a Slack-like workspace), pipelines
// and their stages (a Pipedrive-like CRM). Enough channels to need search and paging; some the
// account is not a member of, so a check can fail. The same for every run. The reference server's
// demo API and the mocks list the same data, by the demo account ids `demo-user` and `demo-user-2`.

export interface DemoChannel {
  id: string;
  name: string;
  topic: string;
  isMember: boolean;
}

export interface DemoPipeline {
  id: number;
  name: string;
}

export interface DemoStage {
  id: number;
  name: string;
  pipelineId: number;
  pipelineName: string;
}

export interface DemoWorkspace {
  channels: readonly DemoChannel[];
  pipelines: readonly DemoPipeline[];
  stages: readonly DemoStage[];
}

function channel(id: string, name: string, isMember: boolean, topic = ''): DemoChannel {
  return { id, name, topic, isMember };
}

function numbered(prefix: string, idPrefix: string, count: number, member: (n: number) => boolean) {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return channel(`${idPrefix}${n}`, `${prefix}-${n}`, member(index + 1));
  });
}

function stagesOf(pipelines: readonly DemoPipeline[], names: readonly string[]): DemoStage[] {
  return pipelines.flatMap((pipeline) =>
    names.map((name, s) => ({
      id: pipeline.id * 10 + s + 1,
      name,
      pipelineId: pipeline.id,
      pipelineName: pipeline.name,
    })),
  );
}

const STAGES = ['Qualified', 'Contact made', 'Proposal sent', 'Negotiation', 'Won'];

const DEMO_USER_PIPELINES: DemoPipeline[] = [
  { id: 1, name: 'Sales pipeline' },
  { id: 2, name: 'Partnerships' },
  { id: 3, name: 'Renewals' },
];

const ALEX_PIPELINES: DemoPipeline[] = [
  { id: 11, name: 'Hiring' },
  { id: 12, name: 'Fundraising' },
];

const WORKSPACES: Record<string, DemoWorkspace> = {
  'demo-user': {
    channels: [
      channel('C0GENERAL', 'general', true, 'Company-wide announcements'),
      channel('C0SALES', 'sales', true, 'Deals, leads and wins'),
      channel('C0SUPPORT', 'support', true, 'Customer questions'),
      channel('C0RANDOM', 'random', false, 'Everything else'),
      channel('C0MARKETING', 'marketing', true, 'Campaigns and launches'),
      channel('C0ENGINEERING', 'engineering', false, 'Builds and releases'),
      ...numbered('project', 'C1', 120, (n) => n % 2 === 0),
    ],
    pipelines: DEMO_USER_PIPELINES,
    stages: stagesOf(DEMO_USER_PIPELINES, STAGES),
  },
  'demo-user-2': {
    channels: [
      channel('C2GENERAL', 'general', true, 'Everyone at Rivera & Co'),
      channel('C2DESIGN', 'design', false, 'Mockups and reviews'),
      channel('C2PARTNERS', 'partnerships', true),
      ...numbered('ops', 'C3', 30, () => true),
    ],
    pipelines: ALEX_PIPELINES,
    stages: stagesOf(ALEX_PIPELINES, STAGES.slice(0, 3)),
  },
};

const EMPTY: DemoWorkspace = { channels: [], pipelines: [], stages: [] };

export function workspaceOf(userId: string): DemoWorkspace {
  return WORKSPACES[userId] ?? EMPTY;
}
