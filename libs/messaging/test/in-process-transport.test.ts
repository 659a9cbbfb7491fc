import { describeTransportContract } from './transport-contract.suite.js';
import { inProcessHarness } from './support/transport-harness.js';

describeTransportContract(inProcessHarness);
