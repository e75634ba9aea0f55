import type { QuorumOverview } from '../../../../shared/cluster-overview';
import type { Fetched } from '../../../../shared/fetched';
import { UnknownValue } from '../../components/unknown-value';
import { formatCount } from '../../format/units';

export function QuorumPanel({ quorum }: { readonly quorum: Fetched<QuorumOverview> }) {
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
      <table className="simple-table" data-testid="quorum-voters">
        <thead>
          <tr>
            <th>voter</th>
            <th>role</th>
            <th>log end offset</th>
            <th>lag</th>
          </tr>
        </thead>
        <tbody>
          {voters.map((voter) => (
            <tr key={voter.id} data-testid="quorum-voter" data-voter-id={voter.id} data-lag={voter.lag}>
              <td>
                {voter.id}
                {!voter.registered && <span className="muted"> (not a registered broker)</span>}
              </td>
              <td>{voter.isLeader ? 'leader' : 'follower'}</td>
              <td>{formatCount(voter.logEndOffset)}</td>
              <td data-testid="voter-lag" className={voter.lag > 0 ? 'severity-warning' : undefined}>
                {formatCount(voter.lag)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
