// The worker thread's side of an export: builds and renders the report, so a long check's report
// never holds the thread that answers API calls. The bytes go back handed over, not copied.
import { renderReportFile } from '../core/report/report-file'
import { serveJobs } from './worker-jobs'

serveJobs(renderReportFile, (file) => (file.ok ? [file.bytes.buffer as ArrayBuffer] : []))
