import { describeLocation, type InputIssue } from '../../model/errors';

/** Issues as text: what is wrong, where, and how to fix it. Never rendered as HTML. */
export function IssueList({ issues, limit = 50 }: { issues: InputIssue[]; limit?: number }) {
  const shown = issues.slice(0, limit);
  return (
    <ul className="issues">
      {shown.map((issue, i) => (
        <li key={i} className={`issue issue-${issue.severity}`} data-code={issue.code}>
          <span className="issue-where">{describeLocation(issue.where)}</span>
          <span className="issue-message">{issue.message}</span>
          <span className="issue-fix">Fix: {issue.fix}</span>
        </li>
      ))}
      {issues.length > shown.length && <li className="issue-more">…and {issues.length - shown.length} more of the same kinds.</li>}
    </ul>
  );
}
