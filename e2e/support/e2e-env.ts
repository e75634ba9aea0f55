/** What global-setup.ts hands the tests through the environment. */
function required(name: 'E2E_APP_URL' | 'E2E_BOOTSTRAP' | 'E2E_CLUSTER'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through e2e/playwright.config.ts`);
  return value;
}

/** The web-mode URL with its per-run token, e.g. http://127.0.0.1:41537/?token=… */
export const appUrl = (): string => required('E2E_APP_URL');
/** host:port,… of the sandbox cluster the app polls. */
export const bootstrap = (): string => required('E2E_BOOTSTRAP');
/** The sandbox's name, for killNode/restartNode/runKafkaTool. */
export const sandboxName = (): string => required('E2E_CLUSTER');
