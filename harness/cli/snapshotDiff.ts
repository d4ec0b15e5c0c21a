/**
 * `npm run snapshot:diff -- [<from> <to>]`: the matrix cells whose expectations change between two
 * support snapshots (default: the two newest). Bad input gets one line and exit code 2.
 */
import { parseArgs } from 'node:util';
import { DataError } from '../matrix/dataError';
import { loadMatrixData, selectSnapshot } from '../matrix/load';
import { renderSnapshotDiff, snapshotDiff } from '../matrix/snapshotDiff';

const USAGE = `Usage: npm run snapshot:diff -- [<from> <to>]
  Lists the cells (environment x provider) whose support status, sync, or default provider
  differ between two support snapshots (ids like 2024-12). Default: the two newest.`;

function main(): number {
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { help: { type: 'boolean' } } });
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    positionals = parsed.positionals;
  } catch (error) {
    return fail(`${(error as Error).message}. Run with --help for usage.`);
  }
  if (positionals.length === 1 || positionals.length > 2) {
    return fail(`give two snapshot ids (from, to) or none for the two newest; got ${positionals.length}: ${positionals.join(' ')}.`);
  }
  try {
    const data = loadMatrixData();
    const ids = data.snapshots.map((s) => s.id);
    const [fromId, toId] = positionals.length === 2 ? positionals : ids.slice(-2);
    if (!fromId || !toId) return fail(`only one support snapshot (${ids.join(', ')}): nothing to compare; name two ids once there are two.`);
    const from = selectSnapshot(data, fromId);
    const to = selectSnapshot(data, toId);
    console.log(renderSnapshotDiff(from, to, snapshotDiff(data, from, to)));
    return 0;
  } catch (error) {
    if (error instanceof DataError) return fail(error.message);
    throw error;
  }
}

// Piped into `head`, the reader may leave early: that is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

function fail(message: string): number {
  console.error(`snapshot:diff: ${message}`);
  return 2;
}

process.exitCode = main();
