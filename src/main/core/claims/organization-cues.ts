// What marks an unfamiliar name as an organization rather than a person: the words a company,
// an institution or a group is called by in its own name ("Norvita Foods", "Banco Meridional",
// "Kaya İnşaat A.Ş."), and the common nouns news puts beside one ("the Italian firm X", "pollster
// X", "X, a Turkish contractor", "a group calling itself X", "X said it had").

/** Words inside a name that make it an organization's, in the languages news names them in. */
export const ORGANIZATION_NAME_WORDS = new Set(
  `Ministry Office Council Commission Embassy Agency Bank Fund Group Union Party University Institute Times Post News Press Independent
  Church Summit Forces Army Navy Parliament Administration Department Committee Assembly Corporation Company Association Organization
  Organisation Court Service Nations Alliance Federation Foundation Network Television Radio Journal Herald Tribune Guardian Review
  Reuters Cabinet Senate Congress Government Command Corps Police Guard Board Authority Centre Center Club League Treaty
  Manufacturing Semiconductor Semiconductors Industries Inc Corp Co Ltd LLC PLC GmbH Technologies Systems Airlines Airways
  Motors Holdings Partners Enterprises Labs Laboratories Pharmaceuticals Insurance Bancorp Capital Media Studios
  Foods Food Rail Railways Research Pictures Films Energy Energi Energie Power Oil Gas Petroleum Steel Watch Rights Aid Relief
  Pharma Solutions Logistics Shipping Lines Aerospace Electric Telecom Mobile Brewery Dairy Farms Mining Resources Construction
  Builders Engineering Consulting Associates Trust Society Academy College School Hospital Clinic Museum Theatre Theater Orchestra
  Records Publishing Books Games Software Robotics Ventures Investments Securities Finance Credit Mutual Bancorp Banco Banque Banca
  Caixa Sparkasse Versicherung İnşaat Holding Holdings AG SA SpA NV BV AB ASA Oy KK Pty Sdn Bhd Inc. Ltd. Co. Corp. S.A. A.Ş.
  Compagnie Société Gesellschaft Werke Stiftung Fondation Fundación Fundação Empresa Grupo Gruppo Groupe Konzern Yapı`.split(
    /\s+/
  )
)

/** Common nouns that name a kind of organization. */
const ORGANIZATION_NOUNS = String.raw`firm|company|contractor|lender|bank|insurer|pollster|utility|start-?up|group|manufacturer|maker|carrier|airline|broadcaster|distributor|retailer|supplier|agency|charity|watchdog|regulator|union|club|studio|conglomerate|consultancy|accountants|brand|chain|newspaper|broadcaster|outlet|channel|network|exporter|importer|shipbuilder|shipyard|automaker|carmaker|chipmaker|drugmaker|miner|refiner|bottler|brewer|dairy|giant|subsidiary|consortium|organi[sz]ation|institute|foundation|NGO|non-profit|nonprofit`

/**
 * Nouns for a firm that are a person's job as well: "the oil producer Tamsa", but "producer Dana
 * Levi". Before a name they mark an organization only when the name is not a person's (one word,
 * or several with a word of a firm's name among them).
 */
const ALSO_PEOPLE = String.raw`producer|publisher|developer|operator|builder`

/**
 * Words that may follow an organization noun without making it a modifier of another noun: "a
 * contractor that…", "a lender based in…", "a firm building…".
 */
const NOT_A_NOUN = String.raw`(?:that|which|who|whose|in|of|for|with|from|to|at|on|and|or|but|by|since|until|after|before|based|owned|run|\p{Ll}+ing|\p{Ll}+ed)\b`

/** "the Italian firm X", "pollster X", "Ankara-based builder X", "a group calling itself X". */
const NOUN_BEFORE = new RegExp(
  String.raw`(?:\b(?:${ORGANIZATION_NOUNS}|${ALSO_PEOPLE})(?:\s+(?:called|named|calling\s+itself|known\s+as))?\s*,?\s*)$`,
  'i'
)
/** "producer Dana Levi": a job title right before a name. */
const JOB_BEFORE = new RegExp(String.raw`\b(?:${ALSO_PEOPLE})\s+$`, 'i')

/**
 * "X, a Turkish contractor", "X, the Lisbon-based lender" (up to three words between). The noun
 * must be the phrase's head: in "X, a former bank clerk" the bank only qualifies the person.
 */
const NOUN_AFTER = new RegExp(
  String.raw`^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:${ORGANIZATION_NOUNS}|${ALSO_PEOPLE})\b(?!\s+(?!${NOT_A_NOUN})\p{Ll}+\b)`,
  'iu'
)
/** "X said it had", "X announced its results": an organization speaks as "it". */
const SPEAKS_AS_IT =
  /^\s+(?:said|says|announced|confirmed|denied|added|reported|stated)\s+(?:that\s+)?(?:it|its)\b/i

/** Whether the context around text[start, end) marks the name there as an organization's. */
export function organizationByContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start)
  const after = text.slice(end, end + 60)
  const job =
    JOB_BEFORE.test(before) &&
    /^\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){1,3}$/u.test(text.slice(start, end))
  return (!job && NOUN_BEFORE.test(before)) || NOUN_AFTER.test(after) || SPEAKS_AS_IT.test(after)
}
