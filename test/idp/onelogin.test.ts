import { describe } from 'vitest';
import { replayIdpFixtures } from './replay/replay-runner.js';

describe('OneLogin replay (test/idp/onelogin)', () => replayIdpFixtures('onelogin'));
