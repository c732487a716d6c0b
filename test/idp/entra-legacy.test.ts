import { describe } from 'vitest';
import { replayIdpFixtures } from './replay/replay-runner.js';

describe('Microsoft Entra ID, legacy PATCH (test/idp/entra-legacy)', () => replayIdpFixtures('entra-legacy'));
