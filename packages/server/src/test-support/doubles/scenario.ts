// How the conformance suite drives one app against its double: the host configuration the double
// accepts, the account label each method must end up with, and the double's test controls.
import type { AuthType, FieldValues } from '@plugboard/contract';
import type { OAuthGrants } from './oauth-grants.js';
import type { ServiceDouble } from './service-double.js';

export interface CredentialScenario {
  method: Exclude<AuthType, 'oauth2'>;
  /** What a user types that the double accepts. */
  fields: FieldValues;
  /** A well-formed value the double refuses. */
  wrongFields: FieldValues;
  label: string;
}

export interface ConformanceScenario {
  app: string;
  /** The app's entry in the providers file. */
  host: Record<string, unknown>;
  oauth?: { label: string; grants: OAuthGrants };
  credentials?: CredentialScenario[];
  /** Test control: keys accepted so far stop working (the user deleted them at the service). */
  revokeKeys?: () => void;
  /** The definition's select setup steps, by step key. */
  setup?: Record<string, SetupScenario>;
}

export interface DoubledService {
  double: ServiceDouble;
  scenarios: ConformanceScenario[];
}

/** A key store for key-based doubles: the valid keys, which the test can revoke. */
export class KeyStore {
  private readonly revoked = new Set<string>();
  constructor(private readonly valid: readonly string[]) {}
  accepts(key: string | null | undefined): boolean {
    return key !== null && key !== undefined && this.valid.includes(key) && !this.revoked.has(key);
  }
  revoke(...keys: string[]): void {
    for (const key of keys) this.revoked.add(key);
  }
  revokeAll = (): void => this.revoke(...this.valid);
}

/**
 * What the conformance suite expects of a select setup step against the double: every option over
 * all pages, and whether the check of the first one passes (when the step has a check).
 */
export interface SetupScenario {
  /** Labels of every option, in the service's order. */
  labels: string[];
  /** A search the suite runs, and the labels it must find. */
  search?: { q: string; labels: string[] };
  firstPasses?: boolean;
}
