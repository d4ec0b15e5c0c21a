import type { Project } from '@playwright/test';
import { cellTag } from './cellTag';
import { ONCE_PER, type CheckedOnce } from '../matrix/checkedOnce';
import type { Cell } from '../matrix/cell';
import type { Environment } from '../matrix/schema';
import type { MatrixPlan, PlanSelection } from './matrixPlan';

/** What each environment's project hands its workers: the environment, and the run's plan. */
export interface PlanOptions {
  environmentId: string;
  plan: PlanSelection | null;
}

/**
 * One Playwright project per environment (`--project=windows-edge` runs one), each leaving out the
 * tests the plan does not run there; its workers get the plan as the project's option.
 */
export function environmentProjects(plan: MatrixPlan): Project<PlanOptions>[] {
  return plan.data.environments.map((environment) => ({
    name: environment.id,
    testDir: 'scenarios',
    testMatch: '**/*.spec.ts',
    grepInvert: leftOutGrep(plan, environment),
    use: { environmentId: environment.id, plan: plan.selection },
  }));
}

/**
 * The tests an environment's project leaves out: those of cells outside the selection or ruled out
 * by the support data, and in every other cell the checks that run once per environment (or sync
 * state) in another cell.
 */
function leftOutGrep(plan: MatrixPlan, environment: Environment): RegExp[] | undefined {
  const tagsOf = (cells: Cell[]) => cells.map((cell) => cellTag(cell.provider.id, cell.sync));
  const grep: RegExp[] = [];
  const absent = tagsOf([...plan.notSelected(environment), ...plan.ruledOut(environment)]);
  if (absent.length) grep.push(new RegExp(anyTag(absent)));
  for (const scope of Object.keys(ONCE_PER) as CheckedOnce[]) {
    const elsewhere = tagsOf(plan.checkedElsewhere(environment, scope));
    if (elsewhere.length) grep.push(new RegExp(`^(?=.*${anyTag(elsewhere)})(?=.*${anyTag([ONCE_PER[scope]])})`));
  }
  return grep.length ? grep : undefined;
}

/** A tag ends at a space or the end: @1password/synced must not match a longer tag that starts with it. */
function anyTag(tags: string[]): string {
  return `(?:${tags.map(escapeRegExp).join('|')})(?:\\s|$)`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
