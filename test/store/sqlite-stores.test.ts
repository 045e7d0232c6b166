import { sqliteFactory } from '../support/store-fixtures';
import { caseQueriesContract } from './case-queries.contract';
import { caseStoreContract } from './case-store.contract';
import { reminderClaimsContract } from './reminder-claims.contract';
import { reportReadsContract } from './report-reads.contract';
import { smallStoresContract } from './small-stores.contract';

describe('SQLite stores (contract)', () => {
  caseStoreContract(sqliteFactory);
  caseQueriesContract(sqliteFactory);
  reminderClaimsContract(sqliteFactory);
  reportReadsContract(sqliteFactory);
  describe('small stores', () => smallStoresContract(sqliteFactory));
});
