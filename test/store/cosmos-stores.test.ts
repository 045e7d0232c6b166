import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { cosmosFactory } from '../support/store-fixtures';
import { caseQueriesContract } from './case-queries.contract';
import { caseStoreContract } from './case-store.contract';
import { reminderClaimsContract } from './reminder-claims.contract';
import { reportReadsContract } from './report-reads.contract';
import { smallStoresContract } from './small-stores.contract';

describe('Cosmos DB stores (contract, local server through @azure/cosmos)', () => {
  let server: LocalCosmos | undefined;
  before(async () => {
    server = await startLocalCosmos();
  });
  after(async () => server?.stop());

  const factory = cosmosFactory(() => {
    if (!server) throw new Error('local Cosmos DB server not started');
    return server;
  });
  caseStoreContract(factory);
  caseQueriesContract(factory);
  reminderClaimsContract(factory);
  reportReadsContract(factory);
  describe('small stores', () => smallStoresContract(factory));
});
