// `npm run audit:params [-- --seeds N] [-- --json]`: which policy parameters move an outcome in
// which bundled scenario (src/analysis/param-audit.ts computes it).
import {paramAudit, paramAuditText} from '../../analysis/param-audit.js';
import {countScript} from './count-script.js';

countScript('npm run audit:params', 'seeds', 20, paramAudit, paramAuditText);
