/**
 * One place where commands are registered: each command is an object with its `id` and `execute`,
 * and the manager owns what every command needs alike — registration into one disposable, and error
 * reporting (a command that throws is logged and shown once, never thrown into the workbench).
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';

/** A command: its id (`specFirst.verbNoun`, or `_specFirst.…` for internal ones) and what it does. */
export interface Command {
  readonly id: string;
  /** What the user calls it in messages ("Supersede"); the id when absent. */
  readonly title?: string;
  execute(...args: any[]): unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- command arguments are untyped by nature
}

/** Registers {@link Command}s and reports their failures. Dispose it to unregister them all. */
export class CommandManager extends Disposable {
  private readonly ids = new Set<string>();

  /** Registers `command`; throws when its id is already registered here (a programming error). Returns the command. */
  register<T extends Command>(command: T): T {
    if (this.ids.has(command.id)) throw new Error(`Command ${command.id} is registered twice.`);
    this.ids.add(command.id);
    this._register(vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.execute(...args);
      } catch (err) {
        const name = command.title ?? command.id;
        log().error(`${name} failed: ${errorMessage(err)}`);
        void vscode.window.showErrorMessage(`Spec-First: ${name} failed: ${errorMessage(err)}`);
        return undefined;
      }
    }));
    return command;
  }
}
