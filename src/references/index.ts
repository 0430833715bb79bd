/**
 * Decision references in Markdown as a language: completion, hover, Go to Definition, Find All
 * References, document links, workspace symbols and a CodeLens on each record's title.
 */
import * as vscode from 'vscode';
import type { ProjectConfigService } from '../workspace/projectConfig';
import type { RecordIndex } from '../workspace/recordIndex';
import { ReferenceCodeLensProvider } from './codeLens';
import { ReferenceCompletionProvider } from './completion';
import { ReferenceHoverProvider } from './hover';
import { RecordSymbolProvider, ReferenceDefinitionProvider, ReferenceLinkProvider, ReferenceReferenceProvider } from './navigation';
import { ReferenceIndex } from './referenceIndex';

/** Markdown documents, in files and in any other scheme (untitled, virtual workspaces). */
const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Registers every reference feature; disposing the result unregisters them. */
export function registerReferences(index: RecordIndex, config: ProjectConfigService): vscode.Disposable {
  const references = new ReferenceIndex(index, config);
  const hover = new ReferenceHoverProvider(index, references);
  const lenses = new ReferenceCodeLensProvider(index, references);
  return vscode.Disposable.from(
    references, hover, lenses,
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new ReferenceCompletionProvider(index, references), '-', ' ', '('),
    vscode.languages.registerHoverProvider(MARKDOWN, hover),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new ReferenceDefinitionProvider(references)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new ReferenceReferenceProvider(index, references)),
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, new ReferenceLinkProvider(references)),
    vscode.languages.registerWorkspaceSymbolProvider(new RecordSymbolProvider(index, references)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
  );
}
