import type restify from 'restify';
import type { Logger } from 'pino';
import type { CaseContext } from '../cases/case-context';
import { londonDateOf } from '../domain/calendar-date';
import type { DirectoryPerson } from '../domain/directory';
import { canSeeReports } from '../domain/report-access';
import { dashboardFragment, dashboardPage } from '../reports/dashboard/dashboard-html';
import { dashboardFiguresOf, dashboardRun, readDashboardTally } from '../reports/dashboard/dashboard-tally';
import { escapeHtml as h } from '../reports/svg-charts';
import type { CaseStore } from '../store/case-store.port';
import type { SsoTokenVerifier } from './sso-token';

/**
 * The dashboard personal tab, served by the bot's own server:
 * - In Teams (an app id is set): GET /dashboard is a small page that signs in with Teams single
 *   sign-on (TeamsJS getAuthToken) and asks GET /dashboard/view for the dashboard with the token;
 *   the server checks the token and looks the person up in the directory by their Entra object
 *   id. Only the complaints team and managers (canSeeReports) see it; the figures are the whole
 *   landlord's, the overdue and Ombudsman tables list only the cases the person may see.
 * - In a local run (no app id): GET /dashboard lists the demo people who may see it, and
 *   /dashboard?as=<id> shows it as that person. There is no sign-in to check locally, so this
 *   mode exists only when the bot has no app id.
 */
export interface DashboardDeps {
  cases: Pick<CaseStore, 'reportCasesReceivedBetween'>;
  ctx: CaseContext;
  homes: { lcra: number; lcho: number } | null;
  /** Null in a local run: no app id, so no sign-in. */
  sso: SsoTokenVerifier | null;
  logger: Logger;
}

/** TeamsJS from Microsoft's CDN, as Microsoft's tab samples load it. */
const TEAMS_JS = 'https://res.cdn.office.net/teams-js/2.24.0/js/MicrosoftTeams.min.js';

function headers(res: restify.Response): void {
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  // Teams shows the tab in a frame; nothing else may.
  res.header('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline' https://res.cdn.office.net; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com");
}

function send(res: restify.Response, status: number, html: string): void {
  headers(res);
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}

const page = (title: string, body: string): string => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)}</title>
<style>body{font:15px/1.45 "Segoe UI",system-ui,sans-serif;color:#242424;margin:0;padding:16px;background:#f5f5f5}a{color:#5b5fc7}</style></head><body>${body}</body></html>`;

const notForYou = (name: string): string => `<h1>The dashboard is for the complaints team and managers</h1><p>${h(name)}, your cases are in the bot: type "my cases".</p>`;

export function registerDashboardRoutes(server: restify.Server, deps: DashboardDeps): void {
  const render = async (person: DirectoryPerson, whole: boolean): Promise<string> => {
    const { policy, calendar, directory } = deps.ctx;
    const run = dashboardRun({ policy, calendar, directory, today: londonDateOf(deps.ctx.now()), homes: deps.homes }, person);
    // Every case is counted a page at a time, never held all at once (dashboard-tally.ts). The
    // tables that name cases list only those this person may see, asked as those tables' cases
    // are read, and of them alone (working out who may see each of every case would derive every
    // case's view).
    const tally = await readDashboardTally(deps.cases, run);
    const figures = dashboardFiguresOf(tally, run);
    return whole ? dashboardPage(figures, person.name) : dashboardFragment(figures, person.name);
  };

  server.get('/dashboard', async (req, res) => {
    try {
      if (deps.sso) {
        send(res, 200, page('Complaints dashboard', `<div id="app"><p>Signing you in…</p></div><script src="${TEAMS_JS}"></script><script>
(function () {
  var app = document.getElementById('app');
  function say(text) { app.textContent = text; }
  microsoftTeams.app.initialize()
    .then(function () { return microsoftTeams.authentication.getAuthToken(); })
    .then(function (token) { return fetch('/dashboard/view', { headers: { Authorization: 'Bearer ' + token } }); })
    .then(function (r) { return r.text().then(function (html) { app.innerHTML = html; }); })
    .catch(function () { say('Teams could not sign you in to the dashboard. Close the tab and open it again; if it still fails, tell the complaints team.'); });
})();
</script>`));
        return;
      }
      // The server has no query parser; the one parameter is read from the URL itself.
      const as = new URL(req.url ?? '/', 'http://localhost').searchParams.get('as') ?? undefined;
      const person = as ? deps.ctx.directory.people.find((p) => p.id === as) : undefined;
      if (!person) {
        const who = deps.ctx.directory.people.filter(canSeeReports).map((p) => `<li><a href="/dashboard?as=${encodeURIComponent(p.id)}">${h(p.name)}</a> <span style="color:#616161">(${h(p.roles.join(', '))})</span></li>`).join('');
        send(res, 200, page('Complaints dashboard', `<h1>Complaints dashboard (local run)</h1><p>No app id is set, so there is no Teams sign-in: open the dashboard as one of the people who may see it.</p><ul>${who}</ul>`));
        return;
      }
      if (!canSeeReports(person)) { send(res, 403, page('Complaints dashboard', notForYou(person.name))); return; }
      send(res, 200, await render(person, true));
    } catch (err) {
      deps.logger.error({ err }, 'GET /dashboard failed');
      send(res, 500, page('Complaints dashboard', '<p>The dashboard could not be shown just now. Try again in a few minutes.</p>'));
    }
  });

  server.get('/dashboard/view', async (req, res) => {
    try {
      if (!deps.sso) { send(res, 404, page('Not found', '<p>Not found.</p>')); return; }
      const auth = req.header('authorization');
      const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      const checked = token ? await deps.sso.check(token) : { ok: false as const, reason: 'no token' };
      if (!checked.ok) {
        deps.logger.warn({ reason: checked.reason }, 'dashboard: sign-in token refused');
        send(res, 401, '<p>You could not be signed in to the dashboard. Close the tab and open it again.</p>');
        return;
      }
      const person = deps.ctx.directory.people.find((p) => p.aadObjectId === checked.objectId);
      if (!person) { send(res, 403, '<p>You are not in the complaints directory, so the dashboard cannot be shown.</p>'); return; }
      if (!canSeeReports(person)) { send(res, 403, notForYou(person.name)); return; }
      send(res, 200, await render(person, false));
    } catch (err) {
      deps.logger.error({ err }, 'GET /dashboard/view failed');
      send(res, 500, '<p>The dashboard could not be shown just now. Try again in a few minutes.</p>');
    }
  });
}
