import type { RunSheet as RunSheetModel } from './routes-view';
import { duration } from './routes-view';

const km = (x: number) => `${x.toFixed(1)} km`;

/** One team's day on paper: stops in order, times, drives and whom each stop serves. Prints alone (routes.css). */
export function RunSheet({ sheet }: { sheet: RunSheetModel }) {
  return (
    <section className="run-sheet" aria-label="Run-sheet" data-testid="run-sheet">
      <header className="run-sheet-head">
        <h2>
          Run-sheet · {sheet.team} · {sheet.longDate}
        </h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print
        </button>
      </header>
      <p className="meta">
        {sheet.tripNote ? `${sheet.tripNote}. ` : ''}
        {sheet.stops.length} stop{sheet.stops.length === 1 ? '' : 's'}, {km(sheet.totalKm)} and {duration(sheet.totalDriveMinutes)} of driving. Each drive is from the
        place before{sheet.travel === 'network' ? ' (time over the road network, km estimated)' : ' (estimated from straight-line distance)'}.
      </p>
      <table className="data run-sheet-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Stop</th>
            <th scope="col" className="num">Arrive</th>
            <th scope="col" className="num">Leave</th>
            <th scope="col" className="num" title="from the place before">
              Drive
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="endpoint">
            <td />
            <td>Leave {sheet.startPlace}{sheet.startsAtBase ? '' : ', where the team spent the night'}</td>
            <td />
            <td className="time">{sheet.startTime}</td>
            <td />
          </tr>
          {sheet.stops.map((s) => (
            <tr key={`${s.order}-${s.stopId}`} data-stop={s.stopId}>
              <td>{s.order}</td>
              <td className="stop-cell">
                <strong>{s.name}</strong> <span className="meta">({s.stopId})</span>
                <div className="meta">
                  Service {s.serviceStart}–{s.departure}, about {s.expectedVisitors} visitors
                  {s.visitsPerYear > 1 ? `, visit ${s.visit} of ${s.visitsPerYear}` : ''}
                </div>
                <div className="meta served">Serves {s.settlements.length ? s.settlements.join(', ') : 'its own settlement'}</div>
              </td>
              <td className="time">{s.arrival}</td>
              <td className="time">{s.departure}</td>
              <td className="drive">
                {km(s.driveKm)}
                <br />
                {duration(s.driveMinutes)}
              </td>
            </tr>
          ))}
          <tr className="endpoint">
            <td />
            <td>{sheet.endsAtBase ? `Back at ${sheet.endPlace}` : `Stay the night at ${sheet.endPlace}`}</td>
            <td className="time">{sheet.endTime}</td>
            <td />
            <td className="drive">
              {sheet.endDriveMinutes > 0 ? (
                <>
                  {km(sheet.endDriveKm)}
                  <br />
                  {duration(sheet.endDriveMinutes)}
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
