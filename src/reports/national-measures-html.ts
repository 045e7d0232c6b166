import { NO_WELSH_STATUTORY_MEASURE, type NationalMeasures } from './national-measures';
import type { StageReturnFigures } from './shr-return';
import { escapeHtml as h } from './svg-charts';

/**
 * The HTML report's section for the regulator's measures of the policy's nation: nothing under
 * England's Code (the TSMs have `report --tsm` and the annual report), the Scottish Housing
 * Regulator's annual return figures under the SPSO's model, and under the PSOW's the stage
 * counts, said plainly to be the policy's own and no statutory measure.
 */
const num = (n: number): string => n.toLocaleString('en-GB');

/** `withinHeading` is HTML written here, not data. */
function stageReturnTable(f: StageReturnFigures, withinHeading: string): string {
  const rows = f.stages.map((s) => `<tr><th scope="row">${h(s.name)}</th><td class="num">${num(s.carriedForward)}</td><td class="num">${num(s.received)}</td>`
    + `<td class="num">${num(s.respondedInFull)}</td><td class="num">${num(s.withinTimescale)} <span class="muted small">(${s.withinTimescalePercent === null ? '–' : `${s.withinTimescalePercent}%`})</span></td>`
    + `<td class="num">${num(s.timescaleWorkingDays)}</td><td class="num">${s.averageWorkingDays ?? '–'}</td></tr>`).join('');
  // Headings broken by hand: the report's number columns do not wrap, and seven columns must fit a laptop screen.
  return '<div class="scroll"><table><thead><tr><th>Stage</th><th class="num">Carried<br>forward</th><th class="num">Received</th><th class="num">Responded<br>to in full</th>'
    + `<th class="num">${withinHeading}</th><th class="num">Timescale<br>(working days)</th><th class="num">Average working<br>days to a full<br>response</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

const notes = (f: StageReturnFigures): string => `<ul class="small muted">${f.counting.map((c) => `<li>${h(c)}</li>`).join('')}</ul>`;

export function nationalSection(national: NationalMeasures): string {
  if (national.kind === 'england-tsm') return '';
  if (national.kind === 'scotland-arc') {
    return '<section id="regulator" class="page"><h2>Scottish Housing Regulator: annual return on the Charter</h2>'
      + '<p class="lead">The complaints figures of the Annual Return on the Charter, counted over this report\'s period (the return itself covers 1 April to 31 March). '
      + 'A stage 1 complaint escalated to stage 2 counts at both stages.</p>'
      + `${stageReturnTable(national.figures, 'Responded to within<br>the SPSO timescales')}${notes(national.figures)}<p class="small">${h(national.tsmNote)}</p></section>\n`;
  }
  return '<section id="regulator" class="page"><h2>Complaints by stage, within the policy\'s timescales</h2>'
    + `<p class="lead">${h(NO_WELSH_STATUTORY_MEASURE)}</p>`
    + `${stageReturnTable(national.figures, 'Responded to within<br>the policy\'s timescale')}${notes(national.figures)}<p class="small">${h(national.tsmNote)}</p></section>\n`;
}
