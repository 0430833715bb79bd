/** The health report's commands: show it, export it as Markdown. */
import type * as vscode from 'vscode';
import type { HealthReportPanel } from '../preview/healthReport';
import type { Command } from './commandManager';

/** `specFirst.showHealth`: the decision log's health report in a webview panel. */
export class ShowHealthCommand implements Command {
  readonly id = 'specFirst.showHealth';
  readonly title = 'Show Decision Health';
  constructor(private readonly panel: HealthReportPanel) {}
  execute(): Promise<void> {
    return this.panel.show();
  }
}

/** `specFirst.exportHealth`: the health report as a new untitled Markdown document; returns that document. */
export class ExportHealthCommand implements Command {
  readonly id = 'specFirst.exportHealth';
  readonly title = 'Export Decision Health as Markdown';
  constructor(private readonly panel: HealthReportPanel) {}
  execute(): Promise<vscode.TextDocument> {
    return this.panel.export();
  }
}
