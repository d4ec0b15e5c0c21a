import { z } from 'zod';
import type { TestResult, TestStep } from '@playwright/test/reporter';

/** Where one test's time went, in milliseconds. */
export const ScenarioTiming = z.strictObject({
  /** Fixtures before the body, without starting the browser and the worker's devices. */
  setupMs: z.number().nonnegative(),
  /** The scenario itself. */
  bodyMs: z.number().nonnegative(),
  /** Fixtures after the body. */
  teardownMs: z.number().nonnegative(),
  /** Of the whole test, the time the RP's own page loads, requests and passkey ceremonies took; null when not measured (not applicable). */
  rpMs: z.number().nonnegative().nullable(),
});
export type ScenarioTiming = z.infer<typeof ScenarioTiming>;

/** Playwright's actions by what they wait for: page loads, a person's input, waits for a state, reading the page, the rest. */
export const ACTION_KINDS = ['navigation', 'input', 'wait', 'read', 'other'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
const ActionTime = z.strictObject({ count: z.number().int().nonnegative(), ms: z.number().nonnegative() });
/** Each kind's count and time, summed over tests (setup and teardown included). */
export const ActionTimes = z.strictObject(Object.fromEntries(ACTION_KINDS.map((kind) => [kind, ActionTime])) as Record<ActionKind, typeof ActionTime>);
export type ActionTimes = z.infer<typeof ActionTimes>;

/**
 * Each stage of the run, so a slow one is visible. Sums over every test (over workers when there
 * are several); null where a stage was not seen by this report (a merge of shards has no RP start).
 */
export const RunStages = z.strictObject({
  rpStartMs: z.number().nonnegative().nullable(),
  /** Launching the browser, once per worker (a worker restarts after a failure). */
  browserStartMs: z.number().nonnegative(),
  /** Opening each environment's kept device (context, page, identity) once per worker. */
  deviceSetupMs: z.number().nonnegative(),
  /** Per test: resetting the device, adding the authenticator, the other fixtures. */
  cellSetupMs: z.number().nonnegative(),
  scenariosMs: z.number().nonnegative(),
  cellTeardownMs: z.number().nonnegative(),
  /** The runner between tests: starting workers, loading files, reporting. */
  betweenTestsMs: z.number().nonnegative(),
  /** From the end of the last test to this report: the other reports, the workers' and RP's shutdown. */
  reportWritingMs: z.number().nonnegative().nullable(),
  /** The RP's own page loads, requests and ceremonies, summed over tests. */
  rpMs: z.number().nonnegative(),
  /** Everything the harness spent in and between tests besides the RP's own work, divided by that work (the goal: at most 0.5). */
  overheadShare: z.number().nonnegative().nullable(),
  /** Where the tests' time went by Playwright action (absent in reports written before it was measured). */
  actions: ActionTimes.optional(),
});
export type RunStages = z.infer<typeof RunStages>;

/** A test's time, from its Before/After Hooks steps and the RP time its `timing` fixture measured. */
export interface MeasuredTest {
  startTime: Date;
  durationMs: number;
  workerIndex: number;
  /** Worker-level work that happened to start in this test: the browser, the kept devices. */
  browserStartMs: number;
  deviceSetupMs: number;
  timing: ScenarioTiming;
  actions: ActionTimes;
}

/** The worker's own fixtures, by their steps' titles (harness/fixtures/deviceFixtures.ts). */
export const WORKER_FIXTURES = { browser: 'Fixture "browser"', devices: ['Fixture "_keptDevice"', 'Fixture "_device"', 'Fixture "_devicePool"'] };

export function measureTest(result: TestResult, rpMs: number | null): MeasuredTest {
  const hook = (title: string) => result.steps.find((s) => s.category === 'hook' && s.title === title);
  const before = hook('Before Hooks');
  const after = hook('After Hooks');
  const fixtureMs = (titles: string[]) => sum((before?.steps ?? []).filter((s: TestStep) => s.category === 'fixture' && titles.includes(s.title)).map((s) => s.duration));
  const browserStartMs = fixtureMs([WORKER_FIXTURES.browser]);
  const deviceSetupMs = fixtureMs(WORKER_FIXTURES.devices);
  const beforeMs = before?.duration ?? 0;
  const afterMs = after?.duration ?? 0;
  return {
    startTime: result.startTime,
    durationMs: result.duration,
    workerIndex: result.workerIndex,
    browserStartMs,
    deviceSetupMs,
    actions: actionTimes(result.steps),
    timing: {
      setupMs: Math.max(0, beforeMs - browserStartMs - deviceSetupMs),
      bodyMs: Math.max(0, result.duration - beforeMs - afterMs),
      teardownMs: afterMs,
      rpMs,
    },
  };
}

/** The run's stages from its tests; the RP start and report writing come from the run itself when known. */
export function runStages(tests: MeasuredTest[], known: { rpStartMs: number | null; reportWritingMs: number | null }): RunStages {
  const byWorker = new Map<number, MeasuredTest[]>();
  for (const test of tests) byWorker.set(test.workerIndex, [...(byWorker.get(test.workerIndex) ?? []), test]);
  // Workers are numbered per process started: a worker's span runs from its first test to its last.
  let betweenTestsMs = 0;
  for (const own of byWorker.values()) {
    const start = Math.min(...own.map((t) => t.startTime.getTime()));
    const end = Math.max(...own.map((t) => t.startTime.getTime() + t.durationMs));
    betweenTestsMs += Math.max(0, end - start - sum(own.map((t) => t.durationMs)));
  }
  const rpMs = sum(tests.map((t) => t.timing.rpMs ?? 0));
  const spentMs = sum(tests.map((t) => t.durationMs)) + betweenTestsMs;
  return {
    rpStartMs: known.rpStartMs,
    browserStartMs: sum(tests.map((t) => t.browserStartMs)),
    deviceSetupMs: sum(tests.map((t) => t.deviceSetupMs)),
    cellSetupMs: sum(tests.map((t) => t.timing.setupMs)),
    scenariosMs: sum(tests.map((t) => t.timing.bodyMs)),
    cellTeardownMs: sum(tests.map((t) => t.timing.teardownMs)),
    betweenTestsMs,
    reportWritingMs: known.reportWritingMs,
    rpMs,
    overheadShare: rpMs > 0 ? round2((spentMs - rpMs) / rpMs) : null,
    actions: addActionTimes(tests.map((t) => t.actions)),
  };
}

/** Playwright's own step titles ("Navigate to ...", "Click locator(...)", "Wait for selector ..."), by the kind of wait. */
const ACTION_PATTERNS: [ActionKind, RegExp][] = [
  ['navigation', /^(Navigate|Wait for (navigation|URL|load state|event "(load|domcontentloaded)")|Go back|Go forward|Reload)/],
  ['input', /^(Click|Double click|Fill|Check|Uncheck|Press|Type|Focus|Tap|Hover|Select option|Set input files|Blur)/],
  ['wait', /^(Wait for|Expect|Poll)/i],
  ['read', /^(Get|Query|Is |Evaluate|Count)/],
];

export function actionKind(title: string): ActionKind {
  return ACTION_PATTERNS.find(([, pattern]) => pattern.test(title))?.[0] ?? 'other';
}

/** Every Playwright action and assertion of a test, counted once each (an assertion's own polling is part of it). */
export function actionTimes(steps: readonly TestStep[]): ActionTimes {
  const times = emptyActionTimes();
  const visit = (step: TestStep) => {
    if (step.category === 'pw:api' || step.category === 'expect') {
      const kind = step.category === 'expect' ? 'wait' : actionKind(step.title);
      times[kind].count++;
      // A step that never ended (its test was stopped inside it) reports -1: it adds no time.
      times[kind].ms += Math.max(0, step.duration);
      return;
    }
    step.steps.forEach(visit);
  };
  steps.forEach(visit);
  return times;
}

function emptyActionTimes(): ActionTimes {
  return Object.fromEntries(ACTION_KINDS.map((kind) => [kind, { count: 0, ms: 0 }])) as ActionTimes;
}

function addActionTimes(all: ActionTimes[]): ActionTimes {
  const total = emptyActionTimes();
  for (const times of all) for (const kind of ACTION_KINDS) {
    total[kind].count += times[kind].count;
    total[kind].ms += times[kind].ms;
  }
  return total;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
