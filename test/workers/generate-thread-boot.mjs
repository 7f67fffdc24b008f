// Worker threads cannot take --import: register tsx's loader here, then load the TS entry.
import { register } from 'tsx/esm/api';

register();
await import('./generate-thread-entry.ts');
