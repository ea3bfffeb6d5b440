import { useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  /** what the column sorts by; NaN sorts last either way */
  value: (row: T) => number | string;
  render?: (row: T) => ReactNode;
  /** first click sorts descending (numbers where bigger is the interesting end) */
  descFirst?: boolean;
  title?: string;
}

/** A table whose column headers sort it (aria-sort tells assistive technology which way). */
export function SortableTable<T>({ rows, columns, rowKey, caption, initial, testId }: { rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string | number; caption: string; initial: { key: string; desc: boolean }; testId?: string }) {
  const [sort, setSort] = useState(initial);
  const col = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sorted = [...rows].sort((a, b) => {
    const va = col.value(a);
    const vb = col.value(b);
    if (typeof va === 'number' && typeof vb === 'number') {
      if (Number.isNaN(va) || Number.isNaN(vb)) return Number.isNaN(va) ? (Number.isNaN(vb) ? 0 : 1) : -1;
      return sort.desc ? vb - va : va - vb;
    }
    const c = String(va).localeCompare(String(vb));
    return sort.desc ? -c : c;
  });
  return (
    <table className="data" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'} title={c.title}>
              <button type="button" className="sort" onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : !!c.descFirst }))}>
                {c.label}
                {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={rowKey(r)}>
            {columns.map((c) => (
              <td key={c.key}>{c.render ? c.render(r) : String(c.value(r))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
