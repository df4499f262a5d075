// `npm run history [-- --runs N] [-- --json]`: the afghanistan-2020 scenario over many seeds
// against the dated 2020 timeline (src/analysis/history-check.ts computes it).
import {historyCheck, historyCheckText} from '../../analysis/history-check.js';
import {countScript} from './count-script.js';

countScript('npm run history', 'runs', 200, historyCheck, historyCheckText);
