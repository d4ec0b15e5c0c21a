import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { Cell } from '../matrix/cell';
import {
  CELL_ANNOTATION,
  ENGINE_ANNOTATION,
  ENVIRONMENT_ANNOTATION,
  NOT_APPLICABLE_ANNOTATION,
  RP_ANNOTATION,
  PLAN_ANNOTATION,
  TIMING_ANNOTATION,
  DIMENSIONS_ANNOTATION,
  troubleOf,
} from './annotations';
import { dimensionsOfTags, inReportOrder } from './dimension';
import type { DimensionJudgement } from './dimensionVerdicts';
import { isCellTag } from '../plan/cellTag';
import { checkedOnce, type CheckedOnce } from '../matrix/checkedOnce';
import { matrixData, type MatrixData } from '../matrix/load';
import { snapshotDiff } from '../matrix/snapshotDiff';
import type { SupportSnapshot } from '../matrix/schema';
import { MatrixPlan, PlanSelection, wholeMatrix } from '../plan/matrixPlan';
import { runOptions } from '../plan/runOptions';
import { classifyFailure } from './classifyFailure';
import { failedChecks } from './failedChecks';
import { EXPECTED_VS_OBSERVED, SCREENSHOT_ATTACHMENT } from './annotations';
import { cellDimensions, cellStatus, compatReportJsonSchema, countTotals, CompatReport, SCHEMA_VERSION, type CellResult, type ScenarioResult } from './compatReport';
import { diffWithBaseline, readBaseline } from './baselineDiff';
import { renderCompatHtml } from './renderCompatHtml';
import { EmulatedEnvironment } from './emulatedEnvironment';
import { measureTest, runStages, type MeasuredTest } from './runTimings';
import { describeRp, type RpDescription } from '../plan/rpDescription';

interface Options {
  /** Folder the reports are written to; default `reports`. */
  outputDir?: string;
  /** A previous compat-matrix.json to compare with (`--baseline`). */
  baseline?: string;
  /** The run's plan, from the config; none for a merge of shards, which reports by the plan its shards recorded. */
  plan?: PlanSelection | null;
}

interface Observed {
  cellId: string;
  /** A check run once per environment (or sync state): other cells take its verdict. */
  checkedOnce: CheckedOnce | null;
  plan?: string;
  scenario: ScenarioResult;
  engine?: string;
  rp?: string;
  environment?: string;
}

/** Collects each cell's scenario results and writes compat-matrix.json and .html at the end of the run. */
export default class CompatReporter implements Reporter {
  private readonly outputDir: string;
  /** The previous release's compat-matrix.json to compare with (`--baseline` or BASELINE). */
  private readonly baselineFile: string | undefined;
  private readonly observed = new Map<string, Observed>();
  private readonly measured = new Map<string, MeasuredTest>();
  /** Each scenario test the run declares, once: what a cell left out as not applicable lists. */
  private scenarioTests: { scenario: string; name: string; tags: readonly string[] }[] = [];
  /** The projects (environments) the run selected. */
  private projects: string[] = [];
  private listsLeftOut = true;
  /** The run's plan as the config made it; null in a merge. */
  private readonly givenPlan: PlanSelection | null;

  constructor(options: Options = {}) {
    this.outputDir = options.outputDir ?? 'reports';
    this.baselineFile = options.baseline;
    this.givenPlan = options.plan ? PlanSelection.parse(options.plan) : null;
  }

  /** The plan the report follows: the run's, or in a merge the one its shards recorded (the whole matrix when none ran a test). */
  private plan(): MatrixPlan {
    const data = matrixData();
    const recorded = [...this.observed.values()].find((o) => o.plan)?.plan;
    const selection = this.givenPlan ?? (recorded ? PlanSelection.parse(JSON.parse(recorded)) : wholeMatrix(data));
    return new MatrixPlan(data, selection);
  }

  printsToStdio(): boolean {
    return false;
  }

  /** A run's evidence folder holds that run's failures only. */
  onBegin(config: FullConfig, suite: Suite): void {
    rmSync(path.join(this.outputDir, 'evidence'), { recursive: true, force: true });
    const seen = new Map<string, { scenario: string; name: string; tags: readonly string[] }>();
    for (const test of suite.allTests()) {
      if (!test.tags.some(isCellTag)) continue;
      const scenario = path.basename(test.location.file, '.spec.ts');
      seen.set(`${scenario}\n${test.title}`, { scenario, name: test.title, tags: test.tags });
    }
    this.scenarioTests = [...seen.values()];
    const environments = new Set(matrixData().environments.map((e) => e.id));
    this.projects = suite.suites.map((project) => project.title).filter((title) => environments.has(title));
    // Every shard would list the same left-out cells: the first one does, and the merge.
    this.listsLeftOut = (config.shard?.current ?? 1) === 1;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotations = [...test.annotations, ...(result.annotations ?? [])];
    const find = (type: string) => annotations.find((a) => a.type === type)?.description;
    const cellId = find(CELL_ANNOTATION);
    if (!cellId) return; // unit and self tests are not cells
    const timing = find(TIMING_ANNOTATION);
    const measured = measureTest(result, timing ? (JSON.parse(timing) as { rpMs: number }).rpMs : null);
    this.measured.set(test.id, measured);
    const scenario = toScenario(test, result, find(NOT_APPLICABLE_ANNOTATION), annotations);
    scenario.timing = measured.timing;
    if (scenario.status === 'fail' || scenario.status === 'error') scenario.evidence = this.keepEvidence(test, result, cellId, scenario.scenario);
    this.observed.set(test.id, {
      cellId,
      checkedOnce: checkedOnce(test.tags),
      scenario,
      plan: find(PLAN_ANNOTATION),
      engine: find(ENGINE_ANNOTATION),
      rp: find(RP_ANNOTATION),
      environment: find(ENVIRONMENT_ANNOTATION),
    });
  }

  onEnd(_result: FullResult): void {
    // Unit and self tests run no environment: no report. A matrix run (or shard) with no cell left to run still gets one.
    if (this.observed.size === 0 && this.environmentsInScope().size === 0) return;
    const report = this.buildReport(Date.now());
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(path.join(this.outputDir, 'compat-matrix.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(this.outputDir, 'compat-matrix.html'), renderCompatHtml(report));
    writeFileSync(path.join(this.outputDir, 'compat-matrix.schema.json'), `${JSON.stringify(compatReportJsonSchema(), null, 2)}\n`);
  }

  /**
   * Copies a failure's screenshots and trace beside the report, so the report folder alone (as CI
   * publishes it) holds everything its links point to.
   */
  private keepEvidence(test: TestCase, result: TestResult, cellId: string, scenario: string): ScenarioResult['evidence'] {
    const folder = path.join('evidence', safeName(cellId), `${safeName(scenario)}-${safeName(test.title).slice(0, 40)}`);
    mkdirSync(path.join(this.outputDir, folder), { recursive: true });
    const keep = (attachment: TestResult['attachments'][number], file: string): string | null => {
      const target = path.join(folder, file);
      if (attachment.body) writeFileSync(path.join(this.outputDir, target), attachment.body);
      else if (attachment.path && existsSync(attachment.path)) copyFileSync(attachment.path, path.join(this.outputDir, target));
      else return null;
      return target.split(path.sep).join('/');
    };
    const screenshots = result.attachments
      .filter((a) => a.name.startsWith(SCREENSHOT_ATTACHMENT) && a.contentType === 'image/png')
      .flatMap((a, i) => {
        const kept = keep(a, `screen-${i + 1}.png`);
        return kept ? [{ label: a.name, path: kept }] : [];
      });
    const traceAttachment = result.attachments.find((a) => a.name === 'trace');
    return {
      screenshots,
      trace: traceAttachment ? keep(traceAttachment, 'trace.zip') : null,
      playwrightReport: `playwright-report/index.html#?testId=${test.id}`,
      checks: result.attachments.flatMap((a) => {
        if (!a.name.startsWith(`${EXPECTED_VS_OBSERVED}: `)) return [];
        const text = a.body?.toString('utf8') ?? (a.path && existsSync(a.path) ? readFileSync(a.path, 'utf8') : null);
        if (text === null) return [];
        const { expected, observed } = JSON.parse(text) as { expected: unknown; observed: unknown };
        return [{ what: a.name.slice(EXPECTED_VS_OBSERVED.length + 2), expected, observed }];
      }),
    };
  }

  /** Each environment once, in the matrix's order. */
  private environments(): EmulatedEnvironment[] {
    const seen = new Map<string, EmulatedEnvironment>();
    for (const { environment } of this.observed.values()) {
      if (!environment) continue;
      const parsed = EmulatedEnvironment.parse(JSON.parse(environment));
      seen.set(parsed.id, parsed);
    }
    const order = matrixData().environments.map((e) => e.id);
    return [...seen.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }

  private buildReport(now: number): CompatReport {
    const plan = this.plan();
    const { data, snapshot } = plan;
    const byCell = new Map<string, ScenarioResult[]>();
    const add = (cellId: string, scenario: ScenarioResult) => byCell.set(cellId, [...(byCell.get(cellId) ?? []), scenario]);
    for (const { cellId, scenario } of this.observed.values()) add(cellId, scenario);
    for (const { cellId, scenario } of this.verdictsTaken(plan)) {
      const own = byCell.get(cellId)?.some((s) => s.scenario === scenario.scenario && s.name === scenario.name);
      if (!own) add(cellId, scenario);
    }
    const inScope = this.scope(plan);
    const cells = plan.allCells()
      .filter((cell) => byCell.has(cell.id) || (cell.notApplicableReason !== null && inScope(cell)))
      .map((cell) => toCellResult(cell, byCell.get(cell.id) ?? this.leftOut(cell, plan)));
    const first = [...this.observed.values()];
    // A shard that ran no test still knows its RP: the global setup ran in this process.
    const recorded = first.find((o) => o.rp)?.rp;
    const rp = recorded ? (JSON.parse(recorded) as RpDescription) : describeRp(runOptions());
    return CompatReport.parse({
      schemaVersion: SCHEMA_VERSION,
      generatedAt: new Date().toISOString(),
      snapshot: { id: snapshot.id, date: snapshot.date, source: snapshot.source.url },
      engine: first.find((o) => o.engine)?.engine ?? 'unknown',
      rp: { url: rp.url ?? 'unknown', kind: rp.kind ?? 'unknown', version: rp.version ?? null, faults: rp.faults ? rp.faults.split(',') : [] },
      totals: countTotals(cells),
      environments: this.environments(),
      cells,
      snapshotChanges: changesSincePrevious(data, snapshot),
      baseline: this.baselineFile ? diffWithBaseline(this.baselineFile, readBaseline(this.baselineFile), cells) : null,
      stages: this.stages(now),
    });
  }

  /**
   * The verdicts of the checks run once per environment (or sync state), for every other cell of the
   * run's selection they stand for: each names the cell that ran it and keeps its evidence.
   */
  private verdictsTaken(plan: MatrixPlan): { cellId: string; scenario: ScenarioResult }[] {
    const cells = new Map(plan.allCells().map((cell) => [cell.id, cell]));
    return [...this.observed.values()].flatMap((o) => {
      const checking = cells.get(o.cellId);
      if (!o.checkedOnce || !checking) return [];
      // A test run by its title in another cell was skipped there: it stands for no other cell.
      if (plan.checkingCell(checking.environment, checking.sync, o.checkedOnce)?.id !== checking.id) return [];
      return plan.takingVerdict(checking, o.checkedOnce).map((cell) => ({
        cellId: cell.id,
        scenario: { ...o.scenario, durationMs: 0, timing: null, checkedIn: o.cellId },
      }));
    });
  }

  /** Which cells the run covers: the environments that ran (and, for a run rather than a merge of shards, those it named), times its providers and sync states. */
  private scope(plan: MatrixPlan): (cell: Cell) => boolean {
    if (!this.listsLeftOut) return () => false;
    const environments = this.environmentsInScope();
    return (cell) => environments.has(cell.environment.id) && plan.coversProviderAndSync(cell);
  }

  /** The environments that ran, those the run selected, and (for a run, not a merge) those named with `--env`, even where every cell is ruled out. */
  private environmentsInScope(): Set<string> {
    const environments = new Set([...[...this.observed.values()].map((o) => o.cellId.split('/')[0]!), ...this.projects]);
    if (this.givenPlan?.environmentsNamed) for (const id of this.givenPlan.environments) environments.add(id);
    return environments;
  }

  /**
   * A cell the run left out (the support data rules it out): each scenario not applicable, with the
   * cell's reason. With no test left in the whole run, the scenarios asked for stand in, by their ids.
   */
  private leftOut(cell: Cell, plan: MatrixPlan): ScenarioResult[] {
    const scenarios = this.scenarioTests.length ? this.scenarioTests : plan.scenarios().map((id) => ({ scenario: id, name: id, tags: [] }));
    return scenarios.map(({ scenario, name, tags }) => {
      const reason = cell.notApplicableReason;
      const dimensions = inReportOrder(dimensionsOfTags(tags)).map((dimension) => ({ dimension, status: 'not-applicable' as const, reason }));
      return { scenario, name, status: 'not-applicable', reason, dimensions, failedChecks: [], durationMs: 0, timing: null, checkedIn: null, evidence: null };
    });
  }

  /** A merge of shards replays their tests: it knows their stages, not the shards' RP starts nor their endings. */
  private stages(now: number): CompatReport['stages'] {
    const tests = [...this.measured.values()];
    const rpStartMs = runOptions().startedRp?.startMs ?? null;
    const lastEnd = Math.max(...tests.map((t) => t.startTime.getTime() + t.durationMs));
    if (!tests.length) return runStages([], { rpStartMs, reportWritingMs: null });
    return runStages(tests, { rpStartMs, reportWritingMs: rpStartMs === null ? null : Math.max(0, now - lastEnd) });
  }
}

function toScenario(
  test: TestCase,
  result: TestResult,
  notApplicable: string | undefined,
  annotations: { type: string; description?: string }[],
): ScenarioResult {
  const judged = annotations.find((a) => a.type === DIMENSIONS_ANNOTATION)?.description;
  const judgement = judged ? (JSON.parse(judged) as DimensionJudgement) : null;
  const base = { scenario: path.basename(test.location.file, '.spec.ts'), name: test.title, failedChecks: [], durationMs: result.duration, timing: null, checkedIn: null, evidence: null };
  const verdict = scenarioVerdict(result, notApplicable, annotations, judgement);
  // A test that ended before its checks were judged (its cell not applicable, a fixture failing) has one verdict for every dimension it declares.
  const dimensions = judgement?.verdicts ?? inReportOrder(dimensionsOfTags(test.tags)).map((dimension) => ({ dimension, status: verdict.status, reason: verdict.reason }));
  return { ...base, ...verdict, dimensions };
}

function scenarioVerdict(
  result: TestResult,
  notApplicable: string | undefined,
  annotations: { type: string; description?: string }[],
  judgement: DimensionJudgement | null,
): Pick<ScenarioResult, 'status' | 'reason' | 'failedChecks'> {
  if (result.status === 'passed') return { status: 'pass', reason: null, failedChecks: [] };
  if (result.status === 'skipped') {
    if (notApplicable) return { status: 'not-applicable', reason: notApplicable, failedChecks: [] };
    const why = annotations.find((a) => a.type === 'skip')?.description;
    return { status: 'skipped', reason: why ?? 'skipped without a reason given', failedChecks: [] };
  }
  const checks = failedChecks(result, judgement?.errorDimensions);
  const judged = classifyFailure(result.errors, checks);
  // A failure after the browser died, the RP broke (a 5xx, no answer) or an authenticator made to
  // refuse did so says nothing about what the RP tells users. The browser's death explains the rest.
  const trouble = troubleOf(annotations);
  if (trouble) return { failedChecks: checks, status: 'error', reason: `No verdict: ${trouble}.\nThen: ${judged.reason}` };
  return { failedChecks: checks, ...judged };
}

/** What the run's snapshot changed from the one before it, cell by cell. */
function changesSincePrevious(data: MatrixData, snapshot: SupportSnapshot): CompatReport['snapshotChanges'] {
  const previous = data.snapshots[data.snapshots.findIndex((s) => s.id === snapshot.id) - 1];
  if (!previous) return null;
  const changes = snapshotDiff(data, previous, snapshot).map(({ cellKey, field, from, to }) => ({ cellKey, field, from, to }));
  return { since: previous.id, changes };
}

function safeName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '_');
}

function toCellResult(cell: Cell, scenarios: ScenarioResult[]): CellResult {
  const sorted = [...scenarios].sort((a, b) => a.scenario.localeCompare(b.scenario) || a.name.localeCompare(b.name));
  const status = cellStatus(sorted);
  const dimensions = cellDimensions(sorted);
  const reason =
    status === 'pass' ? null : (sorted.find((s) => s.status === status)?.reason ?? cell.notApplicableReason);
  return {
    id: cell.id,
    environment: cell.environment.id,
    os: cell.environment.os,
    browser: cell.environment.browser,
    environmentLabel: cell.environment.label,
    provider: cell.provider.id,
    providerName: cell.provider.name,
    sync: cell.sync,
    support: cell.support,
    status,
    reason,
    dimensions,
    scenarios: sorted,
  };
}
