import { backEndScenarios } from './back-end-scenarios';

// nock fails the request with the miss error itself.
backEndScenarios('nock', (url) => `Failed to replay GET ${url}: there is no fixture`);
