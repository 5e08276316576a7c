// URL and form-field names shared by the interaction pages, their handlers and the test driver.

export const INTERACTION_PREFIX = '/interaction/';

export const loginActionFor = (uid: string) =>
  `${INTERACTION_PREFIX}${encodeURIComponent(uid)}/login`;
export const consentActionFor = (uid: string) =>
  `${INTERACTION_PREFIX}${encodeURIComponent(uid)}/consent`;
/** "Use another account" from the consent page: the login page for the same sign-in. */
export const switchAccountFor = (uid: string) =>
  `${INTERACTION_PREFIX}${encodeURIComponent(uid)}/switch`;

export const FORM_FIELDS = {
  email: 'email',
  password: 'password',
  scope: 'scope',
  decision: 'decision',
} as const;

export const DECISIONS = { allow: 'allow', deny: 'deny' } as const;
