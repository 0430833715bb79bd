/**
 * Disposal as VS Code's own Markdown extension does it: a base class whose subclasses `_register`
 * what they create (emitters, watchers, subscriptions) and dispose it all once, in reverse order.
 * No `vscode` import: anything with a `dispose()` qualifies.
 */

/** Anything that can be disposed. */
export interface IDisposable {
  dispose(): void;
}

/** Disposes each of `disposables` (last first), going on past one that throws; throws the first error after. */
export function disposeAll(disposables: IDisposable[]): void {
  let first: unknown;
  while (disposables.length > 0) {
    try {
      disposables.pop()!.dispose();
    } catch (err) {
      first ??= err;
    }
  }
  if (first !== undefined) throw first;
}

/** A base for classes that own disposables. `dispose()` is idempotent. */
export abstract class Disposable implements IDisposable {
  private disposed = false;
  private readonly disposables: IDisposable[] = [];

  /** Disposes everything registered, last first. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.disposables);
  }

  /** Takes ownership of `value` and returns it; disposes it at once when this object already is. */
  protected _register<T extends IDisposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.disposables.push(value);
    return value;
  }

  /** Whether {@link dispose} has run. */
  protected get isDisposed(): boolean {
    return this.disposed;
  }
}
