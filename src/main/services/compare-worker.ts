// The worker thread's side of the document diff: aligns two texts' paragraphs, so two 50 MB texts
// never hold the thread that answers API calls. The rows go back handed over, not copied.
import { alignPacked } from '../core/diff/packed-rows'
import { serveJobs } from './worker-jobs'

serveJobs(alignPacked, (packed) => [packed.buffer as ArrayBuffer])
