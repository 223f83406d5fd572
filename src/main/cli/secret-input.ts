// Reading a password for the CLI without it ever being an argument (which shells keep in their
// history and `ps` shows every user): typed at a prompt that does not echo, or piped on stdin.
import { createInterface } from 'node:readline'

/** The first line of stdin when it is piped; at a terminal, a prompt on stderr with no echo. */
export async function readSecretFromStdin(prompt: string): Promise<string> {
  const stdin = process.stdin
  if (!stdin.isTTY) {
    const lines = createInterface({ input: stdin, crlfDelay: Infinity })
    for await (const line of lines) {
      lines.close()
      return line
    }
    return ''
  }
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.resume()
  let typed = ''
  try {
    return await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            stdin.off('data', onData)
            return resolve(typed)
          }
          if (char === '\u0003') {
            stdin.off('data', onData)
            return reject(new Error('Cancelled.'))
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
          else typed += char
        }
      }
      stdin.on('data', onData)
    })
  } finally {
    stdin.setRawMode(false)
    stdin.pause()
    process.stderr.write('\n')
  }
}
