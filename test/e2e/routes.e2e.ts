import { describe, expect, it } from 'vitest';
import { screenshot, waitForMap, seriousViolations, openSampleApp, downloadText } from './harness';

describe('routes in a real browser', () => {
  const opened = openSampleApp();
  const year = new Date().getFullYear() + 1;


  it('starts with one team per Thusong centre and plans nothing until asked', async () => {
    const { page } = opened.app;
    await page.click('#tab-routes');
    await page.waitForSelector('[data-testid=routes-panel]');
    expect(await page.$$eval('.teams-editor tbody[data-team]', (rows) => rows.length)).toBe(5);
    expect(await page.getAttribute('[data-testid=routes-panel]', 'data-status')).toBe('idle');
    expect(await page.$('[data-testid=routes-results]')).toBeNull();
    await screenshot(page, '19-routes-teams');
  });

  it('refuses to plan with a broken team and says which team and field', async () => {
    const { page } = opened.app;
    await page.fill('[aria-label="Team 1 name"]', '');
    await page.click('text=Plan the year');
    const alert = await page.textContent('[data-testid=routes-panel] [role=alert]');
    expect(alert).toContain('Team 1 needs a name');
    await page.fill('[aria-label="Team 1 name"]', 'Klippoort');
  });

  it('plans the year for the sample in the background, and the verifier’s verdict is shown', async () => {
    const { page } = opened.app;
    await page.click('text=Plan the year');
    await page.waitForSelector('[data-testid=routes-panel][data-status=running]', { timeout: 10_000 });
    // the main thread answers while the worker plans
    const t = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t).toBeLessThan(1000);
    await page.waitForSelector('[data-testid=routes-results]', { timeout: 110_000 });
    const verdict = await page.textContent('[data-testid=verifier]');
    // the sample has a few farms with no road at all: the verifier names them, with the reason
    expect(verdict).toMatch(new RegExp(`(Every target settlement is reached at least once in ${year}|target settlements? (is|are) not reached in ${year})`));
    if ((await page.getAttribute('[data-testid=verifier]', 'data-ok')) === 'false') {
      const reasons = await page.$$eval('[data-testid=unreached] li', (li) => li.map((l) => l.textContent ?? ''));
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.every((r) => /no stop within|never visited|no road/.test(r))).toBe(true);
    }
    expect(await page.$$eval('[data-testid=team-table] tbody tr', (r) => r.length)).toBe(5);
    expect(await page.getAttribute('[data-testid=routes-panel]', 'data-stale')).toBe('false');
    await page.$eval('[data-testid=verifier]', (el) => el.scrollIntoView());
    await waitForMap(page);
    await screenshot(page, '20-routes-plan');
  });

  it('draws a timeline with the days each team works, and a click picks a day', async () => {
    const { page } = opened.app;
    const ticks = await page.$$eval('.year-timeline rect.used-day', (r) => r.length);
    expect(ticks).toBeGreaterThan(50);
    // weekends and public holidays are shaded, never worked
    expect(await page.$$eval('.year-timeline g[data-row="0"] rect title', (t) => t.filter((x) => x.textContent === 'public holiday').length)).toBeGreaterThanOrEqual(10);
    const before = await page.inputValue('[data-testid=day-select]');
    const row = await page.$('.year-timeline g[data-row="1"] rect[fill=transparent]');
    const box = (await row!.boundingBox())!;
    await row!.click({ position: { x: box.width * 0.6, y: box.height / 2 } });
    await page.waitForFunction((b) => (document.querySelector('[data-testid=day-select]') as HTMLSelectElement).value !== b, before);
    expect(await page.$$eval('.year-timeline rect.selected-day', (r) => r.length)).toBe(1);
  });

  it('shows a run-sheet for the selected day: stops in order, arrival and departure times, drives', async () => {
    const { page } = opened.app;
    // the busiest day of the selected team
    const options = await page.$$eval('[data-testid=day-select] option', (o) => o.map((x) => ({ value: (x as HTMLOptionElement).value, stops: Number(/(\d+) stops?/.exec(x.textContent ?? '')?.[1] ?? 0) })));
    const busiest = options.reduce((a, b) => (b.stops > a.stops ? b : a));
    await page.selectOption('[data-testid=day-select]', busiest.value);
    const sheet = await page.waitForSelector('[data-testid=run-sheet]');
    const heading = await sheet.$eval('h2', (h) => h.textContent ?? '');
    expect(heading).toContain('Run-sheet');
    const rows = await sheet.$$eval('tbody tr[data-stop]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(0);
    let last = '';
    rows.forEach((cells, i) => {
      expect(cells[0]).toBe(String(i + 1));
      expect(cells[2]).toMatch(/^\d\d:\d\d$/);
      expect(cells[3]).toMatch(/^\d\d:\d\d$/);
      expect(cells[3] >= cells[2]).toBe(true);
      expect(cells[2] >= last).toBe(true);
      last = cells[3];
      expect(cells[4]).toMatch(/km/);
      expect(cells[1]).toMatch(/Serves /);
    });
    await page.$eval('.year-timeline', (el) => el.scrollIntoView());
    await waitForMap(page);
    await screenshot(page, '21-routes-run-sheet');
    // printing shows the run-sheet alone
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-testid=run-sheet] table')).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.teams-editor')!).visibility)).toBe('hidden');
    await screenshot(page, '22-routes-run-sheet-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads a team’s calendar as iCalendar, one event per stop visit', async () => {
    const { page } = opened.app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Calendar (.ics)')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await downloadText(download);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = ics.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBeGreaterThan(0);
    // the first team's visits: as many events as its row in the team table says
    const visits = Number(await page.textContent('[data-testid=team-table] tbody tr:first-child td:nth-child(3)'));
    expect(events).toBe(visits);
    expect(ics).toContain(`DTSTART;TZID=Africa/Johannesburg:${year}`);
  });

  it('downloads visits as CSV in the command line format, and the selected day as GPX', async () => {
    const { page } = opened.app;
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Visits (CSV)')]);
    const lines = (await downloadText(csv)).trim().split('\n');
    expect(lines[0]).toBe('team,date,stop,stop_name,arrival,departure,settlements_served,trip,trip_day,trip_days,overnight_at,round');
    expect(lines.length).toBeGreaterThan(100);
    const [gpx] = await Promise.all([page.waitForEvent('download'), page.click('text=This day’s route (GPX)')]);
    const xml = await downloadText(gpx);
    expect(xml.match(/<rte>/g)?.length).toBe(1);
  });

  it('has no serious or critical accessibility violations, with a plan shown and the teams open', async () => {
    const { page } = opened.app;
    await page.click('[data-testid=teams-editor] > summary');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks the plan out of date when a setting changes, without planning again by itself', async () => {
    const { page } = opened.app;
    await page.uncheck('text=Overnight trips for stops too far for a day');
    await page.waitForSelector('[data-testid=routes-stale]');
    expect(await page.getAttribute('[data-testid=routes-panel]', 'data-status')).toBe('done');
    // undo takes the edit back, and the plan is current again
    await page.click('header button:has-text("Undo")');
    expect(await page.isChecked('text=Overnight trips for stops too far for a day')).toBe(true);
    await page.waitForSelector('[data-testid=routes-stale]', { state: 'detached' });
  });

  it('cancels a running plan and keeps the last one', async () => {
    const { page } = opened.app;
    await page.click('text=Plan the year');
    await page.waitForSelector('[data-testid=routes-panel][data-status=running]', { timeout: 10_000 });
    await page.click('[data-testid=routes-panel] >> text=Cancel');
    await page.waitForSelector('[data-testid=routes-panel]:not([data-status=running])');
    expect(await page.textContent('[data-testid=routes-panel]')).toContain('Cancelled');
    expect(await page.$('[data-testid=routes-results]')).not.toBeNull();
  });

  it('sent no request outside its own origin', () => {
    expect(opened.app.foreignRequests).toEqual([]);
    expect(opened.app.pageErrors.filter((e) => !/WebGL|GPU/i.test(e))).toEqual([]);
  });
});
