// The few errors civsam raises on purpose. Each carries a message key (translated where it is
// shown, in cli/main.ts) and the exit code it ends the process with; nothing else reaches a user
// as an exception.
import type { Message, MessageKey, MessageParams } from './i18n/index.js';

export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

/** Invalid usage, invalid data or a refused action: the user can put it right. */
export class UserError extends Error {
  readonly userMessage: Message;
  readonly exitCode: number;
  constructor(key: MessageKey, params?: MessageParams, exitCode: number = EXIT.invalid) {
    super(key);
    this.name = 'UserError';
    this.userMessage = { key, params };
    this.exitCode = exitCode;
  }
}
