/**
 * `npm run report:schema`: writes the compat report's JSON Schema into the repository
 * (harness/report/compat-matrix.schema.json), after a change to `harness/report/compatReport.ts`.
 * Every run also writes it beside its report, as reports/compat-matrix.schema.json.
 */
import { writeFileSync } from 'node:fs';
import { compatReportJsonSchema, COMPAT_SCHEMA_FILE } from '../report/compatReport';

writeFileSync(COMPAT_SCHEMA_FILE, `${JSON.stringify(compatReportJsonSchema(), null, 2)}\n`);
console.log(`Written: ${COMPAT_SCHEMA_FILE}`);
