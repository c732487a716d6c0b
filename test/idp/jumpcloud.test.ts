import { describe } from 'vitest';
import { replayIdpFixtures } from './replay/replay-runner.js';

describe('JumpCloud replay (test/idp/jumpcloud)', () => replayIdpFixtures('jumpcloud'));
