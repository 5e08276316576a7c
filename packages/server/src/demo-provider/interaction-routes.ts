// The end-user side of an authorization: oidc-provider redirects the browser to
// /interaction/{uid}; these handlers show the login or consent page and report the outcome back
// with provider.interactionFinished, which redirects the browser on to the authorization endpoint.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionResults, Provider } from 'oidc-provider';

import { constantTimeEqual } from '../crypto/random.js';
import { DEMO_USERS, demoUserById, REQUIRED_SCOPES, type DemoIdentity } from './demo-account.js';
import { RequestTooLargeError, readForm, sendHtml } from './http-io.js';
import { DECISIONS, FORM_FIELDS, INTERACTION_PREFIX } from './interaction-paths.js';
import { renderConsentPage, renderErrorPage, renderLoginPage } from './interaction-pages.js';
import { PAGE_CSP } from './page-layout.js';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const WRONG_CREDENTIALS = 'Wrong email or password. Use one of the demo accounts shown above.';
const STALE_REQUEST = 'This sign-in request has expired or was already completed.';

function sendPage(res: ServerResponse, status: number, html: string): void {
  sendHtml(res, status, html, PAGE_CSP);
}

function sendFailure(res: ServerResponse, status: number, message: string): void {
  sendPage(res, status, renderErrorPage('Sign-in could not continue', message));
}

/** The demo account these credentials sign in to; every account is compared, in constant time. */
function demoAccountFor(email: string, password: string): DemoIdentity | undefined {
  const typed = email.trim().toLowerCase();
  return DEMO_USERS.filter(
    (user) =>
      Number(constantTimeEqual(typed, user.email)) &
      Number(constantTimeEqual(password, user.password)),
  )[0];
}

function clientNameOf(interaction: Interaction): string {
  const clientId = interaction.params.client_id;
  return typeof clientId === 'string' ? clientId : 'the app';
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function showInteraction(res: ServerResponse, interaction: Interaction): void {
  const { uid, prompt } = interaction;
  const clientName = clientNameOf(interaction);
  if (prompt.name === 'login') {
    sendPage(res, 200, renderLoginPage({ uid, clientName }));
    return;
  }
  if (prompt.name === 'consent') {
    const scopes = stringList(prompt.details.missingOIDCScope);
    const accountEmail = demoUserById(interaction.session?.accountId)?.email ?? '';
    const page = renderConsentPage({ uid, clientName, accountEmail, scopes });
    sendPage(res, 200, page);
    return;
  }
  sendFailure(res, 400, 'The demo provider does not support this step.');
}

async function submitLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
): Promise<void> {
  const form = await readForm(req);
  const email = form.get(FORM_FIELDS.email) ?? '';
  const password = form.get(FORM_FIELDS.password) ?? '';
  const account = demoAccountFor(email, password);
  if (!account) {
    const page = renderLoginPage({
      uid: interaction.uid,
      clientName: clientNameOf(interaction),
      email,
      error: WRONG_CREDENTIALS,
    });
    // 200 like any re-shown form: the page itself carries the error (no browser console noise).
    sendPage(res, 200, page);
    return;
  }
  const result: InteractionResults = { login: { accountId: account.id } };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

async function submitConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
): Promise<void> {
  const form = await readForm(req);
  if (form.get(FORM_FIELDS.decision) !== DECISIONS.allow) {
    const denied: InteractionResults = {
      error: 'access_denied',
      error_description: 'The user denied access.',
    };
    await provider.interactionFinished(req, res, denied, { mergeWithLastSubmission: false });
    return;
  }

  const { prompt, params, session, grantId } = interaction;
  const grant =
    (grantId ? await provider.Grant.find(grantId) : undefined) ??
    new provider.Grant({ accountId: session?.accountId, clientId: String(params.client_id) });

  const ticked = new Set(form.getAll(FORM_FIELDS.scope));
  const requested = stringList(prompt.details.missingOIDCScope);
  const granted = requested.filter((scope) => REQUIRED_SCOPES.has(scope) || ticked.has(scope));
  const declined = requested.filter((scope) => !granted.includes(scope));
  if (granted.length > 0) grant.addOIDCScope(granted);
  // Recording declined scopes as rejected is what stops oidc-provider from asking again.
  if (declined.length > 0) grant.rejectOIDCScope(declined);
  const claims = stringList(prompt.details.missingOIDCClaims);
  if (claims.length > 0) grant.addOIDCClaims(claims);

  const result: InteractionResults = { consent: { grantId: await grant.save() } };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

/** oidc-provider errors carry an HTTP status; below 500 they are about the user's request. */
function describeFailure(error: unknown): { status: number; message: string } {
  if (error instanceof RequestTooLargeError) {
    return { status: 413, message: 'The form was too large.' };
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status < 500) return { status, message: STALE_REQUEST };
  return { status: 500, message: 'The demo provider could not complete this step.' };
}

/** Handles every request under /interaction/: GET {uid}, POST {uid}/login, POST {uid}/consent. */
export function createInteractionHandler(provider: Provider) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const [uid, step, ...rest] = pathname.slice(INTERACTION_PREFIX.length).split('/');
    try {
      // Reads the interaction named by this browser's interaction cookie (throws if none).
      const interaction = await provider.interactionDetails(req, res);
      const prompt = interaction.prompt.name;
      if (uid !== encodeURIComponent(interaction.uid) || rest.length > 0) {
        // A page from an older attempt in another tab, or a made-up URL.
        sendFailure(res, 400, STALE_REQUEST);
      } else if (req.method === 'GET' && step === undefined) {
        showInteraction(res, interaction);
      } else if (req.method === 'GET' && step === 'switch' && prompt === 'consent') {
        sendPage(res, 200, renderLoginPage({ uid, clientName: clientNameOf(interaction) }));
      } else if (req.method === 'POST' && step === 'login' && prompt !== undefined) {
        // At the login prompt, or from "Use another account" on the consent page.
        await submitLogin(provider, req, res, interaction);
      } else if (req.method === 'POST' && step === 'consent' && prompt === 'consent') {
        await submitConsent(provider, req, res, interaction);
      } else {
        sendFailure(res, 400, STALE_REQUEST);
      }
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const { status, message } = describeFailure(error);
      sendFailure(res, status, message);
    }
  };
}
