// Page furniture: the advertising markers, share counters, newsletter forms, "Related" lists and
// news-feed tails that come along when an article is copied from a web page. Every rule looks at
// the shape of a whole paragraph (a short line that is exactly a known widget label, a list after
// a "Related:" heading, a feed heading followed by timestamps and forms), so story paragraphs,
// which are long and sentence-shaped, are never touched.
import type { RemovedBlock } from '../../../../shared/domain'
import type { CleanResult } from '../types'
import { isHeadlineShaped, isListItem, wordCount } from './shapes'

/** Paragraphs longer than this are prose, never a widget label. */
const SHORT = 160

const EMAIL = 'e-?mail(?: address)?'

// [pattern, reason]. Each pattern must match the whole (trimmed) paragraph.
const LINE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^(?:advertisement|advertising|advert|ads?|sponsored(?: content| post| links?| stories)?|promoted(?: content| stories)?|paid (?:content|post|partnership)|partner content|(?:story|article|content) continues below(?: (?:this )?(?:advertisement|ad))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|ad feedback|report (?:this )?ad)[.:]?$/i,
    'advertising marker'
  ],
  [/^(?:estimated )?(?:reading|read|listening) time\s*:?\s*(?:\d+|less than|under|about|approx\.?)\b.{0,24}$/i, 'reading time'],
  [/^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*min(?:ute)?s?\.?(?:\s+(?:read|listen))$/i, 'reading time'],
  [/^why you can trust\b.{0,40}$/i, 'trust notice'],
  [/^\d{1,6}$/, 'lone number (share counter or page number)'],
  [/^\d+(?:[.,]\d+)?\s*[kKmM]?\s+(?:shares?|comments?|views?|reactions?|likes?)$/i, 'share counter'],
  [
    /^(?:share|shares|share (?:this|the) (?:article|story|page|post)|share (?:on|via) \w+|tweet|email|e-mail|print|copy link|copy url|link copied|comment|comments|(?:view|show|add|leave a|post a) comments?|listen|listen to (?:this|the) (?:article|story)|save|save (?:article|story)|saved|bookmark|gift (?:this )?article|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|flipboard|threads|bluesky|follow|follow us|font size|text size)$/i,
    'sharing tools'
  ],
  [/^skip to (?:the )?(?:main )?(?:content|navigation|main|article|search|footer)$/i, 'site navigation'],
  [
    /^(?:edit|edit post|edit (?:this )?(?:post|page|article)|menu|main menu|open menu|close menu|toggle navigation|search|close|log ?in|sign ?in|log ?out|sign ?out|my account|home|back to top|go to top|next article|previous article|load more|show more|see more|view all)$/i,
    'site navigation'
  ],
  [/^(?:this|the) (?:audio|article audio|narration|voice(?:-?over)?|recording) (?:is|was) (?:created|generated|produced|made)\b.{0,80}$/i, 'audio player notice'],
  [/^(?:listen to (?:this|the) (?:article|story)|audio is (?:ai[- ])?generated)\b.{0,60}$/i, 'audio player notice'],
  [new RegExp(`^(?:enter|type|add|provide|your) (?:your )?${EMAIL}\\b.{0,60}$`, 'i'), 'newsletter form'],
  [new RegExp(`^${EMAIL}\\s*\\*?:?$`, 'i'), 'newsletter form'],
  [/^\*?\s*(?:indicates|denotes|marks) (?:a )?required(?: fields?)?\.?$/i, 'newsletter form'],
  [/^(?:subscribe|sign up|join)(?: now| today| for free| here)?[.!]?$/i, 'newsletter form'],
  [/^(?:sign up|subscribe|register)(?: now| today| for free)? (?:to|for) (?:our|the|my)\b.{0,60}\b(?:newsletters?|updates|briefings?|digest|bulletin|emails?)\b.{0,30}$/i, 'newsletter form'],
  [/^(?:get|receive) (?:our|the) .{0,60}(?:newsletters?|briefing|in your inbox).{0,30}$/i, 'newsletter form'],
  [/^thank you for (?:signing up|subscribing|registering)\b.{0,200}$/i, 'newsletter form'],
  [new RegExp(`^please,? (?:enter|provide|type|use) (?:a |an |your )?(?:correct |valid )?${EMAIL}[.!]?$`, 'i'), 'newsletter form'],
  [/^(?:success(?:ful+y)?|you(?:['’]ve| have) (?:been )?(?:successfully )?|you are now |you['’]re (?:now )?)?(?:subscribed|signed up)[.!]?$/i, 'newsletter form'],
  [/^(?:by (?:signing up|subscribing|clicking|registering)\b).{0,250}\b(?:privacy|terms)\b.{0,120}$/i, 'newsletter form'],
  [/^(?:we use cookies|this (?:web)?site uses cookies)\b.{0,300}$/i, 'cookie notice'],
  [/^(?:accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences|consent)|cookie (?:settings|preferences|policy))$/i, 'cookie notice'],
  [/^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4})).{0,150}$/i, 'copyright notice'],
  [/^all rights reserved\.?$/i, 'copyright notice'],
  [/^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:\(\s*updated:?[^)]{0,30}\)|updated:?.{0,20}))?$/i, 'timestamp'],
  [/^(?:[*•·~=_#-]\s*){3,}$/, 'separator'],
  [/^(?:follow us on|download (?:our|the) app|get the app|click here to|tap here to|open in app)\b.{0,100}$/i, 'promotion'],
  [/^(?:photo|photograph|image|picture|video|illustration|graphic)s?\s*(?:credit)?\s*(?::|by)\s*[^.]{1,60}$/i, 'photo credit'],
  [/^(?:\p{L}[\p{L}&' ]{0,24})(?:\s*[>»›/|]\s*\p{L}[\p{L}&' ]{0,24}){2,6}$/u, 'breadcrumb']
]

const RELATED_HEADING =
  /^(?:related(?: articles?| stories| content| news| coverage| reading| posts?| links?| topics)?|read more|more reading|read also|also read|see also|more on (?:this|that)(?: story| topic)?|further reading|recommended(?: reading| articles| stories)?|you (?:may|might) also (?:like|be interested in|want to read)|more from [\p{L} ]{1,30}|other stories|more stories like this)\s*:?$/iu

// "Read more: Headline of another article" on one line. The rest must be a single title-like run.
const INLINE_RELATED = /^(?:related|read more|read also|also read|see also|read next|read|watch|more)\s*:\s*(\S.{0,200})$/iu

const TAIL_MARKER =
  /^(?:news ?feed|more news|latest news|latest|editors?['’]? picks?|editor['’]s choice|most read|most popular|most viewed|most shared|trending(?: now| stories)?|top stories|popular(?: now| stories)?|in other news|more stories|latest stories|what to read next|read next|up next|recommended for you|you may have missed|don['’]t miss)\s*:?$/iu

const CRUMB = /^[-–—»>|/•]\s*\p{L}[\p{L}&' ]{0,30}$/u

function lineRule(text: string): string | null {
  if (text.length > 300) return null
  for (const [pattern, reason] of LINE_RULES) {
    if ((text.length <= SHORT || reason === 'newsletter form' || reason === 'cookie notice') && pattern.test(text)) return reason
  }
  return null
}

function groupRemoved(paragraphs: string[], reasons: (string | null)[]): CleanResult {
  const kept: string[] = []
  const removed: RemovedBlock[] = []
  let last: RemovedBlock | null = null
  paragraphs.forEach((text, i) => {
    const reason = reasons[i]
    if (!reason) {
      kept.push(text)
      last = null
    } else if (last && last.reason === reason) {
      // Consecutive pieces removed for one reason are one block to the editor.
      last.text += `\n${text}`
    } else {
      last = { text, reason }
      removed.push(last)
    }
  })
  return { paragraphs: kept, removed }
}

export function removeFurniture(paragraphs: string[]): CleanResult {
  const n = paragraphs.length
  const reasons: (string | null)[] = paragraphs.map(lineRule)
  const isStory = (i: number): boolean => reasons[i] === null

  // "Related:" heading and the list of linked headlines under it.
  for (let i = 0; i < n; i++) {
    const text = paragraphs[i] ?? ''
    if (isStory(i) && text.length <= 60 && RELATED_HEADING.test(text)) {
      reasons[i] = 'related links'
      // The list keeps the style of its first item, so a story subheading after a bulleted
      // list is not mistaken for one more link.
      let bulleted: boolean | null = null
      for (let j = i + 1; j < n; j++) {
        const item = paragraphs[j] ?? ''
        if (!isStory(j)) continue
        const isBullet = isListItem(item) && item.length <= 300
        bulleted ??= isBullet
        if (bulleted ? isBullet : isHeadlineShaped(item)) reasons[j] = 'related links'
        else break
      }
    } else if (isStory(i)) {
      const inline = INLINE_RELATED.exec(text)
      // A sentence break inside means prose that happens to start with "Read:", not a link.
      if (inline && !/[.!?]\s+\p{Lu}/u.test(inline[1] ?? '')) reasons[i] = 'related links'
    }
  }

  // A news feed, "Most read" box or the like that runs to the end of the page. Cut only when
  // story text precedes it and what follows carries widget evidence (timestamps, forms, more
  // markers) or consists only of headlines.
  const totalChars = paragraphs.reduce((sum, p) => sum + p.length, 0)
  let charsBefore = 0
  for (let i = 0; i < n; i++) {
    const text = paragraphs[i] ?? ''
    if (isStory(i) && text.length <= 40 && TAIL_MARKER.test(text) && charsBefore >= totalChars * 0.3) {
      let evidence = false
      let prose = 0
      for (let j = i + 1; j < n; j++) {
        const next = paragraphs[j] ?? ''
        if (!isStory(j) || TAIL_MARKER.test(next) || RELATED_HEADING.test(next)) evidence = true
        else if (!isHeadlineShaped(next) && !isListItem(next)) prose++
      }
      const tail = n - i - 1
      // Feeds pair headlines with teasers, so some prose is expected; mostly prose means the
      // marker was a box inside the article and the story goes on after it.
      if (tail > 0 && (evidence ? prose <= tail * 0.5 : prose === 0)) {
        for (let j = i; j < n; j++) reasons[j] = 'news feed and page tail'
        break
      }
    }
    if (isStory(i)) charsBefore += text.length
  }

  // The end of the page: breadcrumbs ("- News"), and a headline-shaped line left stranded
  // before trailing furniture (a link to another article), with story text above them.
  let end = n - 1
  while (end >= 0) {
    while (end >= 0 && !isStory(end)) end--
    if (end <= 0) break
    const text = paragraphs[end] ?? ''
    if (CRUMB.test(text) && wordCount(text) <= 3) reasons[end] = 'breadcrumb'
    else if (end < n - 1 && isHeadlineShaped(text, 120) && wordCount(text) >= 3 && !isListItem(text)) reasons[end] = 'link to another article'
    else break
  }

  // A short title inside a newsletter box (the newsletter's name) sits between form lines.
  for (let i = 1; i + 1 < n; i++) {
    if (isStory(i) && reasons[i - 1] === 'newsletter form' && reasons[i + 1] === 'newsletter form' && isHeadlineShaped(paragraphs[i] ?? '', 80)) {
      reasons[i] = 'newsletter form'
    }
  }

  return groupRemoved(paragraphs, reasons)
}
