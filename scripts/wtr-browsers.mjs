// One @web/test-runner launcher per engine, all driving the Debian-installed browsers.
// WebKit needs a running WebKitWebDriver and an X display: scripts/wtr-run.mjs provides both and
// passes the driver's port in PB_WEBDRIVER_PORT.
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, freshProfileDir } from '../test/harness/chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const BROWSER_BINARIES = {
  chromium: CHROMIUM_PATH,
  firefox: '/usr/bin/firefox-esr',
  webkit: '/usr/bin/WebKitWebDriver',
};

const MINIBROWSER_PATH = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** @param {string} engine one of ENGINES */
export function browserFor(engine) {
  switch (engine) {
    case 'chromium':
      return chromeLauncher({
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: ['--headless=new', ...CHROMIUM_FLAGS, `--user-data-dir=${freshProfileDir()}`],
        },
      });
    case 'firefox':
      return puppeteerLauncher({
        launchOptions: {
          browser: 'firefox',
          executablePath: BROWSER_BINARIES.firefox,
          headless: true,
        },
      });
    case 'webkit':
      return webdriverLauncher({
        hostname: '127.0.0.1',
        port: webdriverPort(),
        logLevel: 'warn',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
        },
      });
    default:
      throw new Error(`Unknown browser engine "${engine}": expected one of ${ENGINES.join(', ')}.`);
  }
}

function webdriverPort() {
  const port = Number(process.env.PB_WEBDRIVER_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(
      'WebKit needs a WebKitWebDriver: run it through `node scripts/wtr-run.mjs webkit`.',
    );
  }
  return port;
}
