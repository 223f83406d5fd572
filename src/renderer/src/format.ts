// The interface's words for numbers and dates: the same as the reports' (shared/people-words.ts).
export { counted, dateForPeople } from '../../shared/people-words'
