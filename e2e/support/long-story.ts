// A long generated story of short sentences, each holding a date, a person, a number and a
// place: about three claims a sentence, for the checklist's large-list test and benchmark.
const PLACES = ['Oslo', 'Lima', 'Quito', 'Hanoi', 'Accra', 'Dakar', 'Tunis', 'Riga']
const PEOPLE = ['Ana Ruiz', 'Bo Lindqvist', 'Chen Wei', 'Dara Okafor', 'Eva Novak', 'Femi Adeyemi']

export function longStory(sentences: number): string {
  const paragraphs: string[] = []
  for (let i = 0; i < sentences; i += 5) {
    const lines: string[] = []
    for (let j = i; j < Math.min(sentences, i + 5); j++)
      lines.push(`On March ${1 + (j % 28)}, 2021, ${PEOPLE[j % 6]} said ${10 + j} boats left ${PLACES[j % 8]}.`)
    paragraphs.push(lines.join(' '))
  }
  return ['Harbour report', ...paragraphs].join('\n\n')
}
