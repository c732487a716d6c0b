import { describe } from 'vitest';
import { replayIdpFixtures } from './replay/replay-runner.js';

describe('Okta replay (test/idp/okta)', () => replayIdpFixtures('okta'));
