import { DEFAULT_DEPLOYMENT_THRESHOLDS, DEPLOYMENT_RULE_LABELS, type DeploymentRuleId, type DeploymentThresholds, type RuleResult, type Verdict } from '../../../../shared/deployment-rules';
import { navigate, navigateToTable } from '../../navigation/route-store';
import { resetDeploymentThresholds, setDeploymentThresholds, useThresholdsStore } from '../../state/thresholds-store';

const VERDICT_PILLS: Record<Verdict, string> = {
  pass: 'pill pill-ok',
  warn: 'pill pill-warning',
  fail: 'pill pill-critical',
  'not-judged': 'pill',
};

const VERDICT_GLYPHS: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', 'not-judged': '–' };

const toBrokersBy = (column: string) => () =>
  navigateToTable({ tab: 'brokers', selected: null, brokers: null }, 'brokers', { sort: { id: column, desc: true }, filter: '' });

/** Where the rows behind each rule are; exhaustive so a new rule cannot ship without a destination. */
const RULE_LINKS: Record<DeploymentRuleId, () => void> = {
  'broker-count': () => navigate({ tab: 'brokers', selected: null, brokers: null }),
  'partition-count': () => navigateToTable({ tab: 'topics', selected: null, partitions: null }, 'topics', { sort: { id: 'partitions', desc: true } }),
  'replica-distribution': toBrokersBy('replicaSkew'),
  'leader-distribution': toBrokersBy('leaderSkew'),
  'rack-aware': () => navigate({ tab: 'topics', selected: null, partitions: 'rack-violations' }),
  'preferred-leaders': () => navigate({ tab: 'topics', selected: null, partitions: 'non-preferred-leader' }),
};

const THRESHOLD_FIELDS: readonly { key: keyof DeploymentThresholds; label: string; step: number }[] = [
  { key: 'maxBrokers', label: 'broker budget', step: 1 },
  { key: 'maxPartitions', label: 'partition budget', step: 100 },
  { key: 'budgetWarnShare', label: 'warn at share of budget', step: 0.05 },
  { key: 'skewWarnPct', label: 'skew warn %', step: 1 },
  { key: 'skewFailPct', label: 'skew fail %', step: 1 },
  { key: 'nonPreferredWarnPct', label: 'non-preferred leaders warn %', step: 1 },
  { key: 'nonPreferredFailPct', label: 'non-preferred leaders fail %', step: 1 },
];

function ThresholdsForm({ thresholds }: { readonly thresholds: DeploymentThresholds }) {
  return (
    <details className="thresholds" data-testid="deployment-thresholds">
      <summary>Thresholds</summary>
      <div className="thresholds-grid">
        {THRESHOLD_FIELDS.map((field) => (
          <label key={field.key}>
            <span className="muted">{field.label}</span>
            <input
              type="number"
              step={field.step}
              min={0}
              data-testid={`threshold-${field.key}`}
              value={thresholds[field.key]}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (e.target.value !== '' && Number.isFinite(value)) setDeploymentThresholds({ [field.key]: value });
              }}
            />
          </label>
        ))}
      </div>
      <button type="button" onClick={resetDeploymentThresholds} disabled={thresholds === DEFAULT_DEPLOYMENT_THRESHOLDS}>
        Reset to defaults
      </button>
    </details>
  );
}

/** The rules checked against the user's thresholds (ClusterTab checks them: failing ones are health reasons too). */
export function DeploymentRulesPanel({ results }: { readonly results: readonly RuleResult[] }) {
  const thresholds = useThresholdsStore((s) => s.thresholds);
  return (
    <>
      <ul className="plain-list" data-testid="deployment-rules">
        {results.map((result) => (
            <li key={result.id} data-testid="deployment-rule" data-rule={result.id} data-verdict={result.verdict} data-value={result.value ?? ''}>
              <span className={VERDICT_PILLS[result.verdict]}>
                <span aria-hidden="true">{VERDICT_GLYPHS[result.verdict]} </span>
                {result.verdict}
              </span>{' '}
              <strong>{DEPLOYMENT_RULE_LABELS[result.id]}</strong> <span className="muted">{result.detail}</span>
              {result.brokers.length > 0 && <span className="muted"> (brokers {result.brokers.slice(0, 10).join(', ')}{result.brokers.length > 10 ? ' …' : ''})</span>}
              {result.verdict !== 'pass' && result.verdict !== 'not-judged' && (
                <>
                  {' '}
                  <button type="button" className="link" data-testid="deployment-rule-link" onClick={RULE_LINKS[result.id]}>
                    show
                  </button>
                </>
              )}
            </li>
        ))}
      </ul>
      <ThresholdsForm thresholds={thresholds} />
    </>
  );
}
