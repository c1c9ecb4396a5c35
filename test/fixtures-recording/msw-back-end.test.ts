import { backEndScenarios } from './back-end-scenarios';

// msw answers a miss with a network error: it turns any other failure into a 500 response.
backEndScenarios('msw', () => 'Failed to fetch');
