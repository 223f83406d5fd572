// The interface's words for statuses, relations and kinds: the reports use the same (shared/labels.ts).
export * from '../../../shared/labels'
