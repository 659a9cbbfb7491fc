import { describeTransportContract } from './transport-contract.suite.js';
import { natsHarness } from './support/transport-harness.js';

describeTransportContract(natsHarness);
