// What a CLI command may touch of the outside world, passed in so tests can capture it.
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** A password typed without echo, or piped on stdin; absent where there is no one to ask. */
  readSecret?(prompt: string): Promise<string>
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  readSecret: async (prompt) => (await import('./secret-input')).readSecretFromStdin(prompt)
}
