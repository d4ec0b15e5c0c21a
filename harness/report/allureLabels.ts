import { test } from '@playwright/test';
import * as allure from 'allure-js-commons';
import type { Cell } from '../matrix/cell';
import { OS_TITLES } from './osTitles';
import type { DimensionVerdict } from './dimension';

/** Allure's behaviours tree: OS (epic) > browser (feature) > provider (story), sync state as a parameter. */
export async function labelForAllure(cell: Cell): Promise<void> {
  await allure.epic(OS_TITLES[cell.environment.os]);
  await allure.feature(cell.environment.label);
  await allure.story(cell.provider.name);
  await allure.parameter('sync', cell.sync);
  await allure.parameter('environment', cell.environment.id);
}

/**
 * Each dimension's verdict as an Allure label (`works: fail`) and a JUnit property (an annotation
 * `passkey-matrix:works`), so a team can filter either by "does it work" apart from "does it tell the truth".
 */
export async function labelDimensions(verdicts: readonly DimensionVerdict[]): Promise<void> {
  for (const { dimension, status } of verdicts) {
    await allure.label(dimension, status);
    test.info().annotations.push({ type: `passkey-matrix:${dimension}`, description: status });
  }
}
