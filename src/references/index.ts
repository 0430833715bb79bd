/**
 * Decision references as a language: in Markdown, completion, hover, Go to Definition, Find All
 * References, document links, workspace symbols and a CodeLens on each record's title; in source
 * files' comments (and plain text a project configures), hover, Go to Definition, Find All
 * References, document links and a diagnostic for a reference that names no record.
 */
import * as vscode from 'vscode';
import { COMMENT_SYNTAX } from '../core/codeComments';
import type { ProjectConfigService } from '../workspace/projectConfig';
import type { RecordIndex } from '../workspace/recordIndex';
import { CodeReferenceDiagnostics } from './codeDiagnostics';
import { ReferenceCodeLensProvider } from './codeLens';
import { RecordDropProvider } from './dragAndDrop';
import { ReferenceCompletionProvider } from './completion';
import { ReferenceHoverProvider } from './hover';
import { RecordSymbolProvider, ReferenceDefinitionProvider, ReferenceLinkProvider, ReferenceReferenceProvider } from './navigation';
import { RecordRenameFollower } from './recordRenames';
import { ReferenceIndex } from './referenceIndex';

/** Markdown documents, in files and in any other scheme (untitled, virtual workspaces). */
const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };
/** Markdown, the source languages whose comments are read, and plain text (read where a project's `"references"."files"` names it). */
const REFERENCING: vscode.DocumentSelector = ['markdown', ...Object.keys(COMMENT_SYNTAX), 'plaintext'].map(language => ({ language }));
/** The documents whose references {@link CodeReferenceDiagnostics} checks: all of {@link REFERENCING} but Markdown. */
const CODE: vscode.DocumentSelector = [...Object.keys(COMMENT_SYNTAX), 'plaintext'].map(language => ({ language }));

/**
 * Registers every reference feature over `references` (made here when not given); disposing the result
 * unregisters them and disposes `references`.
 */
export function registerReferences(index: RecordIndex, config: ProjectConfigService, extensionUri: vscode.Uri, references = new ReferenceIndex(index, config)): vscode.Disposable {
  const hover = new ReferenceHoverProvider(index, references);
  const lenses = new ReferenceCodeLensProvider(index, references);
  const codeDiagnostics = new CodeReferenceDiagnostics(index, references, config, extensionUri);
  return vscode.Disposable.from(
    references, hover, lenses, codeDiagnostics, new RecordRenameFollower(index, references),
    vscode.languages.registerCodeActionsProvider(CODE, codeDiagnostics, CodeReferenceDiagnostics.metadata),
    vscode.languages.registerDocumentDropEditProvider(MARKDOWN, new RecordDropProvider(index, references)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new ReferenceCompletionProvider(index, references), '-', ' ', '('),
    vscode.languages.registerHoverProvider(REFERENCING, hover),
    vscode.languages.registerDefinitionProvider(REFERENCING, new ReferenceDefinitionProvider(references)),
    vscode.languages.registerReferenceProvider(REFERENCING, new ReferenceReferenceProvider(index, references)),
    vscode.languages.registerDocumentLinkProvider(REFERENCING, new ReferenceLinkProvider(references)),
    vscode.languages.registerWorkspaceSymbolProvider(new RecordSymbolProvider(index, references)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
  );
}
