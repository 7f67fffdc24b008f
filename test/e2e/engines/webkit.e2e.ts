// The cross-engine specs in WebKitGTK (Safari's engine), driven by selenium-webdriver through
// WebKitWebDriver on an X display (a private Xvfb when $DISPLAY is unset).
import { engineSpecs } from './engine-specs.ts';
import { launchSeleniumWebKit } from './selenium-engine.ts';

engineSpecs(launchSeleniumWebKit);
