import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { cosmosFactory, sqliteFactory } from '../support/store-fixtures';
import { dissatisfactionLogContract } from './dissatisfaction-log.contract';

describe('dissatisfaction log (contract)', () => {
  describe('SQLite', () => dissatisfactionLogContract(sqliteFactory));

  describe('Cosmos DB (local server through @azure/cosmos)', () => {
    let server: LocalCosmos | undefined;
    before(async () => { server = await startLocalCosmos(); });
    after(async () => server?.stop());
    dissatisfactionLogContract(cosmosFactory(() => {
      if (!server) throw new Error('local Cosmos DB server not started');
      return server;
    }));
  });
});
