import { describe } from 'vitest';
import { replayIdpFixtures } from './replay/replay-runner.js';

describe('Microsoft Entra ID, compliant PATCH with ?aadOptscim062020 (test/idp/entra-compliant)', () =>
  replayIdpFixtures('entra-compliant'));
