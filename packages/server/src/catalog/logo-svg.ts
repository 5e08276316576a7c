// A generated logo per app: a rounded square in the brand colour with the app's initials.
// The demo ships no third-party artwork, and the text is escaped, so the SVG is inert.

const BRAND_COLOURS: Record<string, string> = {
  pipedrive: '#1A1A1A',
  hubspot: '#FF7A59',
  salesforce: '#00A1E0',
  slack: '#4A154B',
  'google-sheets': '#0F9D58',
  'google-drive': '#1FA463',
  'google-calendar': '#4285F4',
  gmail: '#EA4335',
  notion: '#000000',
  airtable: '#18BFFF',
  trello: '#0079BF',
  asana: '#F06A6A',
  jira: '#0052CC',
  confluence: '#172B4D',
  github: '#24292F',
  gitlab: '#FC6D26',
  stripe: '#635BFF',
  shopify: '#5E8E3E',
  mailchimp: '#FFE01B',
  zendesk: '#03363D',
  intercom: '#1F8DED',
  dropbox: '#0061FF',
  box: '#0061D5',
  zoom: '#0B5CFF',
  twilio: '#F22F46',
  discord: '#5865F2',
  'microsoft-teams': '#6264A7',
  figma: '#A259FF',
};

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function initialsOf(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length >= 2) return (words[0]![0]! + words[1]![0]!).toUpperCase();
  const word = words[0] ?? '?';
  const capitals = word.match(/\p{Lu}/gu);
  if (capitals && capitals.length >= 2) return capitals.slice(0, 2).join('');
  return word.slice(0, 2).replace(/^./, (first) => first.toUpperCase());
}

function hashHue(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function colourFor(key: string): string {
  return BRAND_COLOURS[key] ?? `hsl(${hashHue(key)} 55% 40%)`;
}

/** Relative luminance test on #rrggbb colours: light brand colours get dark text. */
function textColourOn(background: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(background)?.[1];
  if (!hex) return '#FFFFFF';
  const [r, g, b] = [0, 2, 4].map((offset) => parseInt(hex.slice(offset, offset + 2), 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 170 ? '#1A1A1A' : '#FFFFFF';
}

export function renderLogoSvg(app: { key: string; name: string }): string {
  const background = colourFor(app.key);
  const initials = escapeXml(initialsOf(app.name));
  const title = escapeXml(app.name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${title}"><title>${title}</title><rect width="64" height="64" rx="14" fill="${background}"/><text x="32" y="32" dy=".35em" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="26" font-weight="600" fill="${textColourOn(background)}">${initials}</text></svg>`;
}
