import { sumVnd } from '../../shared/vnd';
import { ARTICLE, CANCELLED_LINES, PROGRAMME, PROJECTS } from './dong-nai-data';

/**
 * The demo's illustrative split must add up to the article's totals before anything is
 * sent; a mistake in the data stops the demo here instead of showing wrong figures later.
 * (The figures the demo prints are computed from the events, not taken from here.)
 */
export function checkDemoData(): void {
  const budget = sumVnd(PROGRAMME.budgets.filter((b) => b.year <= 2023).map((b) => b.amountVnd));
  if (budget !== ARTICLE.budget2021to2023Vnd)
    throw new Error(`the 2021–2023 budgets sum to ${budget}, not ${ARTICLE.budget2021to2023Vnd}`);
  const disbursed = sumVnd(PROJECTS.map((p) => p.disbursedVnd));
  if (disbursed !== ARTICLE.disbursed2021to2023Vnd) {
    throw new Error(
      `the projects' disbursements sum to ${disbursed}, not ${ARTICLE.disbursed2021to2023Vnd}`,
    );
  }
  const achieved = new Map<string, number>();
  for (const p of PROJECTS)
    for (const [k, v] of Object.entries(p.achieved)) achieved.set(k, (achieved.get(k) ?? 0) + v);
  for (const [indicator, value] of Object.entries(ARTICLE.achieved)) {
    if (achieved.get(indicator) !== value)
      throw new Error(`${indicator} sums to ${achieved.get(indicator) ?? 0}, not ${value}`);
  }
  if (achieved.size !== Object.keys(ARTICLE.achieved).length)
    throw new Error('an indicator is achieved that the article does not report');
  if (CANCELLED_LINES.length !== ARTICLE.cancelledLines)
    throw new Error(`${CANCELLED_LINES.length} cancelled lines, not ${ARTICLE.cancelledLines}`);
  for (const p of PROJECTS) {
    if (p.disbursedVnd > p.approvedVnd) throw new Error(`${p.title}: more disbursed than approved`);
  }
}
