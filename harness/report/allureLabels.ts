import * as allure from 'allure-js-commons';
import type { Cell } from '../matrix/cell';
import { OS_TITLES } from './osTitles';


/** Allure's behaviours tree: OS (epic) > browser (feature) > provider (story), sync state as a parameter. */
export async function labelForAllure(cell: Cell): Promise<void> {
  await allure.epic(OS_TITLES[cell.environment.os]);
  await allure.feature(cell.environment.label);
  await allure.story(cell.provider.name);
  await allure.parameter('sync', cell.sync);
  await allure.parameter('environment', cell.environment.id);
}
