export { ChildWorker, JobFailure, type JobFailureCode } from "./child-worker";
export { JOB_LIMITS, remoteErrorOf, runJob, stopJobWorker } from "./run-job";
