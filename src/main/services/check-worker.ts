// The worker thread's side of a check: computes it from the data it is sent, telling the main
// thread how far it got, so the process that answers API calls never waits for it.
import { computeCheck } from './compute-check'
import { serveJobs } from './worker-jobs'

serveJobs(computeCheck)
