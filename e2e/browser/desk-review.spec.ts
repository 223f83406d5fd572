// A desk's review of a check, with a checker and a reviewer each signed in in a browser context of
// their own: the checker marks the check ready for review, the reviewer returns it with a comment,
// which reaches the checker's screen without a reload; the checker decides again and resubmits,
// the reviewer sees which claim changed since the return, approves, and the exported report names
// the approver. The server, not the page, refuses the checker an approval; a reviewer who checked
// the story is not offered its approval.
import { readFileSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { claimRow, memberOnFirstCheck } from '../support/desk-member'
import { startServe, type ServeProcess } from '../support/serve'

const ANA = { name: 'Ana Checker', role: 'checker' as const, password: 'checker passphrase 1' }
const RUI = { name: 'Rui Reviewer', role: 'reviewer' as const, password: 'reviewer passphrase 2' }
const COMMENT = 'The minister’s title needs a second source.'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe({ members: [ANA, RUI] })
})
test.afterAll(async () => {
  await serve?.stop()
})

/** A member signed in in a context of their own, on the desk's first check, all claims shown. */
const member = (browser: Browser, who: { name: string; password: string }): Promise<Page> =>
  memberOnFirstCheck(browser, serve.url, who)

test('a checker submits, a reviewer returns with a comment, the checker resubmits, the reviewer approves', async ({
  browser
}) => {
  const ana = await member(browser, ANA)
  const rui = await member(browser, RUI)
  for (const page of [ana, rui]) await expect(page.getByTestId('review-state')).toHaveText('In progress')

  // Ana takes the check (she may not hand a free one to Rui) and decides a claim, then marks it
  // ready; Rui sees it without a reload.
  const anasChoice = (name: string) => ana.getByTestId('check-assignee').locator('option', { hasText: name })
  await expect(anasChoice(RUI.name)).toBeDisabled()
  await ana.getByTestId('check-assignee').selectOption(ANA.name)
  await expect(rui.getByTestId('check-assignee')).toHaveValue(ANA.name, { timeout: 5000 })
  const first = (await ana.getByTestId('claim-row').nth(0).getAttribute('data-claim-id'))!
  await claimRow(ana, first).click()
  await ana.getByTestId('decide-verified').click()
  await expect(claimRow(ana, first)).toHaveAttribute('data-status', 'verified')
  // A checker is offered no approval.
  await expect(ana.getByTestId('review-approve')).toHaveCount(0)
  await ana.getByTestId('review-submit').click()
  await expect(ana.getByTestId('review-state')).toHaveText('Ready for review')
  await expect(rui.getByTestId('review-state')).toHaveText('Ready for review', { timeout: 5000 })

  // Nor does the server take one from her, whatever a page sends.
  const refused = await ana.evaluate(async () => {
    const session = ((await (await fetch('/auth/session')).json()) as { result: { csrfToken: string } })
      .result
    const call = async (method: string, input: unknown) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Factdesk-CSRF': session.csrfToken ?? '' },
        body: JSON.stringify(input)
      })
      return (await response.json()) as {
        result?: { checks: Array<{ id: number }> }
        error?: { code: string }
      }
    }
    const checkId = (await call('checks.list', {})).result!.checks[0]!.id
    return await call('checks.review', { checkId, action: 'approve' })
  })
  expect(refused.error?.code).toBe('FORBIDDEN')

  // Rui returns it with a comment; Ana sees the comment at once.
  await rui.getByTestId('review-return').click()
  await rui.getByTestId('review-comment').fill(COMMENT)
  await rui.getByTestId('review-return-send').click()
  await expect(rui.getByTestId('review-state')).toHaveText('Returned with comments')
  await expect(ana.getByTestId('review-returned')).toBeVisible({ timeout: 5000 })
  await expect(ana.getByTestId('review-returned-comment')).toHaveText(COMMENT)
  await expect(ana.getByTestId('review-returned')).toContainText(RUI.name)

  // Ana decides another claim and resubmits: the comment gives way, and Rui sees what changed.
  const second = (await ana.getByTestId('claim-row').nth(1).getAttribute('data-claim-id'))!
  await claimRow(ana, second).click()
  await ana.getByTestId('decide-disputed').click()
  await expect(claimRow(ana, second)).toHaveAttribute('data-status', 'disputed')
  await ana.getByTestId('review-submit').click()
  await expect(ana.getByTestId('review-returned')).toHaveCount(0)
  await expect(rui.getByTestId('review-state')).toHaveText('Ready for review', { timeout: 5000 })
  await expect(rui.getByTestId('review-changed-filter')).toHaveText(/1 changed since the last review/)
  await expect(claimRow(rui, second).getByTestId('claim-changed')).toBeVisible()
  await rui.getByTestId('review-changed-filter').click()
  await expect(rui.getByTestId('claim-row')).toHaveCount(1)
  await expect(rui.getByTestId('claim-row')).toHaveAttribute('data-claim-id', second)

  await rui.getByTestId('review-approve').click()
  await expect(rui.getByTestId('review-state')).toHaveText('Approved')
  await expect(ana.getByTestId('review-approved')).toContainText(`Approved by ${RUI.name}`, { timeout: 5000 })
  // Every step is kept, with who took it and the return's comment.
  await rui.getByTestId('review-history').locator('summary').click()
  await expect(rui.getByTestId('review-history-step')).toHaveText([
    new RegExp(`^Ready for review — ${ANA.name}`),
    new RegExp(`^Returned with comments — ${RUI.name}, .*: “${COMMENT}”$`),
    new RegExp(`^Ready for review — ${ANA.name}`),
    new RegExp(`^Approved — ${RUI.name}`)
  ])
  // The checks list gives each check's review and checker.
  await rui.getByRole('button', { name: 'Back to all checks' }).click()
  await expect(rui.getByTestId('check-review').first()).toHaveText(`Approved · ${ANA.name}`)

  // The report, exported by the checker, names who checked and who approved.
  await ana.getByRole('button', { name: 'Export report' }).click()
  const downloaded = ana.waitForEvent('download')
  await ana.getByRole('menuitem', { name: 'Markdown', exact: true }).click()
  const markdown = readFileSync((await (await downloaded).path())!, 'utf8')
  expect(markdown).toContain(`Assigned to ${ANA.name}`)
  expect(markdown).toContain(`Decisions by ${ANA.name}`)
  expect(markdown).toMatch(new RegExp(`Approved by ${RUI.name}, \\d{1,2} \\w+ \\d{4}`))

  // After a reload (the tab reopens the check it had open), the state and the approval are what
  // the desk holds.
  await ana.reload()
  await expect(ana.getByTestId('signed-in-as')).toContainText(ANA.name)
  await expect(ana.getByTestId('review-state')).toHaveText('Approved')
  await expect(ana.getByTestId('review-approved')).toContainText(`Approved by ${RUI.name}`)
  await ana.context().close()
  await rui.context().close()
})

test('a reviewer who checked the story is not offered its approval: a second person signs it off', async ({
  browser
}) => {
  const rui = await member(browser, RUI)
  if ((await rui.getByTestId('review-state').textContent()) !== 'In progress') {
    await rui.getByTestId('review-reopen').click()
    await expect(rui.getByTestId('review-state')).toHaveText('In progress')
  }
  await rui.getByTestId('check-assignee').selectOption(RUI.name)
  await rui.getByTestId('review-submit').click()
  await expect(rui.getByTestId('review-state')).toHaveText('Ready for review')
  await expect(rui.getByTestId('review-approve')).toHaveCount(0)
  await expect(rui.getByTestId('review-return')).toBeVisible()
  await expect(rui.getByTestId('review-approval-withheld')).toHaveText(
    'A second person approves a check: you checked this one or marked it ready.'
  )
  await rui.context().close()
})
