// The login, consent and error pages. Every dynamic value passes through escapeHtml.
import { DEMO_SCOPES, DEMO_USERS, REQUIRED_SCOPES } from './demo-account.js';
import {
  DECISIONS,
  FORM_FIELDS,
  consentActionFor,
  loginActionFor,
  switchAccountFor,
} from './interaction-paths.js';
import { escapeHtml, renderPage } from './page-layout.js';

export interface LoginPageInput {
  uid: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function renderLoginPage({ uid, clientName, email = '', error }: LoginPageInput): string {
  const errorId = 'login-error';
  const invalid = error ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  return renderPage(
    'Sign in',
    `<h1>Sign in</h1>
<p>Sign in to continue to <strong>${escapeHtml(clientName)}</strong>.</p>
<p class="hint">Demo accounts: ${DEMO_USERS.map((user) => `${escapeHtml(user.email)} / ${escapeHtml(user.password)}`).join(', ')}</p>
${error ? `<p class="error" id="${errorId}" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(loginActionFor(uid))}">
<label for="email">Email</label>
<input id="email" name="${FORM_FIELDS.email}" type="email" autocomplete="username" required value="${escapeHtml(email)}"${invalid}>
<label for="password">Password</label>
<input id="password" name="${FORM_FIELDS.password}" type="password" autocomplete="current-password" required${invalid}>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

export interface ConsentPageInput {
  uid: string;
  clientName: string;
  accountEmail: string;
  scopes: readonly string[];
}

function renderScopeChoice(scope: string, index: number): string {
  const id = `scope-${index}`;
  const description = escapeHtml(DEMO_SCOPES[scope] ?? scope);
  // A required scope is shown ticked but is not a form field: the handler always grants it.
  const field = REQUIRED_SCOPES.has(scope)
    ? `<input type="checkbox" id="${id}" checked disabled>`
    : `<input type="checkbox" id="${id}" name="${FORM_FIELDS.scope}" value="${escapeHtml(scope)}" checked>`;
  const suffix = REQUIRED_SCOPES.has(scope) ? ' (required)' : '';
  return `<div class="scope">${field}<label for="${id}">${description}${suffix}</label></div>`;
}

export function renderConsentPage({
  uid,
  clientName,
  accountEmail,
  scopes,
}: ConsentPageInput): string {
  const client = escapeHtml(clientName);
  return renderPage(
    'Allow access',
    `<h1>Allow ${client} to access your account?</h1>
<p>You are signed in as <strong>${escapeHtml(accountEmail)}</strong>.
<a href="${escapeHtml(switchAccountFor(uid))}">Use another account</a></p>
<form method="post" action="${escapeHtml(consentActionFor(uid))}">
<fieldset>
<legend>${client} will be able to:</legend>
${scopes.map(renderScopeChoice).join('\n')}
</fieldset>
<p>Untick anything you do not want to share.</p>
<div class="actions">
<button type="submit" name="${FORM_FIELDS.decision}" value="${DECISIONS.allow}">Allow</button>
<button type="submit" name="${FORM_FIELDS.decision}" value="${DECISIONS.deny}">Deny</button>
</div>
</form>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return renderPage(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p>Close this window and start again from the app.</p>`,
  );
}
