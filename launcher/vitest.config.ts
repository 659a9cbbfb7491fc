import { packageVitestConfig } from '../vitest.shared.js';

// Each file starts a whole platform on a port range of its own: one at a time on 2 cores.
export default packageVitestConfig({ fileParallelism: false });
