// The cross-engine specs in Firefox (firefox-esr), driven by puppeteer-core over WebDriver BiDi.
import { engineSpecs } from './engine-specs.ts';
import { launchPuppeteerFirefox } from './puppeteer-engine.ts';

engineSpecs(launchPuppeteerFirefox);
