// The newsroom's house list of names, as an editor keeps it: add a name, import a list file,
// export it again; the demo check uses the list to flag a misspelt name.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

test('add a house name, import a list, export it', async ({ page }) => {
  await page.goto(serve.url)
  await page.getByTestId('nav-names').click()
  const list = page.getByTestId('names-list')
  // The demo newsroom's list holds the spelling the demo story gets wrong.
  await expect(list).toContainText('Yoko Kamikawa')

  await page.getByTestId('names-name').fill('Andrii Sybiha')
  await page.getByTestId('names-note').fill('Ukrainian foreign minister')
  await page.getByTestId('names-add').click()
  await expect(list).toContainText('Andrii Sybiha')
  await expect(list).toContainText('Ukrainian foreign minister')

  await page.getByTestId('names-name').fill('andrii sybiha')
  await page.getByTestId('names-add').click()
  await expect(page.getByRole('alert')).toContainText('already in the house names')

  await page.getByTestId('names-input').setInputFiles({
    name: 'names.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('# desk list\nTakeshi Iwaya\nAndrii Sybiha\nVolodymyr Zelensky\tAP style\n')
  })
  await expect(page.getByRole('status').filter({ hasText: 'names added' })).toContainText(
    '2 names added, 1 already listed'
  )
  await expect(list.locator('li')).toHaveCount(4)

  const download = page.waitForEvent('download')
  await page.getByTestId('names-export').click()
  const file = await (await download).path()
  const text = readFileSync(file!, 'utf8')
  expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(
    expect.arrayContaining([
      'Yoko Kamikawa\tdemo',
      'Andrii Sybiha\tUkrainian foreign minister',
      'Takeshi Iwaya',
      'Volodymyr Zelensky\tAP style'
    ])
  )
})
