// A throwaway certificate authority for tests: `openssl` makes a CA and one leaf certificate for
// the real host names of the services the doubles play (wildcards included). Servers under test
// trust the CA through NODE_EXTRA_CA_CERTS or an explicit `ca`; nothing else ever does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsAuthority {
  /** PEM of the CA certificate. */
  ca: string;
  caPath: string;
  key: string;
  cert: string;
  dispose(): void;
}

export function createTlsAuthority(hosts: readonly string[]): TlsAuthority {
  const dir = mkdtempSync(join(tmpdir(), 'pb-doubles-ca-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Plugboard test doubles CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=service doubles',
    '-keyout',
    file('leaf.key'),
    '-out',
    file('leaf.csr'),
  );
  writeFileSync(
    file('leaf.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`,
    ].join('\n'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    file('leaf.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('leaf.ext'),
    '-out',
    file('leaf.pem'),
  );
  return {
    ca: readFileSync(file('ca.pem'), 'utf8'),
    caPath: file('ca.pem'),
    key: readFileSync(file('leaf.key'), 'utf8'),
    cert: readFileSync(file('leaf.pem'), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
