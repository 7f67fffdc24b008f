// The cross-engine specs in Chromium through playwright-core: the same specs as Firefox and
// WebKit run (the full Chromium suite is the other files of test/e2e/), and the one engine that
// reports long tasks.
import { engineSpecs } from './engine-specs.ts';
import { launchPlaywrightChromium } from './playwright-engine.ts';

engineSpecs(launchPlaywrightChromium);
