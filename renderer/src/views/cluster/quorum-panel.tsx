import type { QuorumOverview, VoterRow } from '../../../../shared/cluster-overview';
import type { Fetched } from '../../../../shared/fetched';
import { UnknownValue } from '../../components/unknown-value';
import { formatCount } from '../../format/units';
import type { ColumnSpec } from '../../table/column-spec';
import { DataTable } from '../../table/data-table';

const roleOf = (voter: VoterRow): string => (voter.isLeader ? 'leader' : 'follower');

const VOTER_COLUMNS: readonly ColumnSpec<VoterRow>[] = [
  {
    id: 'voter',
    header: 'voter',
    sortValue: (voter) => voter.id,
    csvValue: (voter) => String(voter.id),
    cell: (voter) => (
      <>
        {voter.id}
        {!voter.registered && <span className="muted"> (not a registered broker)</span>}
      </>
    ),
    searchable: true,
    width: 90,
    grow: 1,
  },
  {
    id: 'role',
    header: 'role',
    sortValue: roleOf,
    csvValue: roleOf,
    searchable: true,
    width: 80,
  },
  {
    id: 'logEndOffset',
    header: 'log end offset',
    description: 'The end of this voter’s copy of the metadata log, as the quorum leader last saw it',
    sortValue: (voter) => voter.logEndOffset,
    csvValue: (voter) => String(voter.logEndOffset),
    cell: (voter) => formatCount(voter.logEndOffset),
    width: 110,
    align: 'end',
  },
  {
    id: 'lag',
    header: 'lag',
    description: 'Metadata records this voter is behind the leader: the leader’s log end offset minus its own',
    sortValue: (voter) => voter.lag,
    csvValue: (voter) => String(voter.lag),
    cell: (voter) => (
      <span data-testid="voter-lag" className={voter.lag > 0 ? 'severity-warning' : undefined}>
        {formatCount(voter.lag)}
      </span>
    ),
    width: 80,
    align: 'end',
  },
];

const rowKey = (voter: VoterRow): string => String(voter.id);
const rowAttributes = (voter: VoterRow) => ({ 'data-voter-id': voter.id, 'data-lag': voter.lag, 'data-log-end-offset': voter.logEndOffset });

export function QuorumPanel({ quorum, clusterKey }: { readonly quorum: Fetched<QuorumOverview>; readonly clusterKey: string }) {
  if (quorum.status === 'missing') {
    return (
      <p data-testid="active-controller" data-broker-id="">
        Active controller: <UnknownValue error={quorum.error} />
      </p>
    );
  }
  const { leaderId, leaderEpoch, voters, observers } = quorum.value;
  return (
    <>
      <p>
        Active controller (quorum leader):{' '}
        {leaderId === null ? (
          <strong className="severity-critical" data-testid="active-controller" data-broker-id="">
            none elected
          </strong>
        ) : (
          <strong data-testid="active-controller" data-broker-id={leaderId}>
            {leaderId}
          </strong>
        )}{' '}
        <span className="muted">
          epoch {leaderEpoch}, {observers} observer{observers === 1 ? '' : 's'}
        </span>
      </p>
      <div data-testid="quorum-voters">
        <DataTable
          tableId="quorum-voters"
          rows={voters}
          columns={VOTER_COLUMNS}
          rowKey={rowKey}
          rowTestId="quorum-voter"
          rowAttributes={rowAttributes}
          csvFileName={`${clusterKey}-quorum-voters.csv`}
          fitRows={9}
          emptyText="The quorum reports no voters."
          filterPlaceholder="Filter voters (text or /regex/)"
        />
      </div>
    </>
  );
}
