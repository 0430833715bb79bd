/**
 * `spec-first refs RECORD [paths…]`: every place under the given paths that references a record (a
 * plain identifier such as `ADR-0005`, or a link to its file): in Markdown files, in the comments and
 * docstrings of source files (the languages of `core/codeComments.ts`), and in the files a project's
 * `"references"."files"` names, bounded by `.gitignore`; found and resolved by the core against each
 * file's project, as the editor's Find All References does.
 */
import { CollectedRecord, collectRecords } from '../core/collect';
import type { WorkspaceSnapshot } from '../core/lint/workspace';
import { ADR_SCHEME, IdScheme, Reference, findReferences, referenceSchemes, resolveReference } from '../core/references';
import { ReferenceProjects, referencesUnder } from './referenceScan';
import type { RefsArgs } from './args';
import { NodeWorkspace, displayPath, givenPaths, toWorkspacePath } from './nodeWorkspace';

/** One place that references the record: the file (as printed), the reference, its line's text. */
interface Place {
  readonly file: string;
  readonly reference: Reference;
}

/** Runs `spec-first refs`; resolves with the exit code. Writes the places to stdout, problems to stderr. */
export async function refs(args: RefsArgs, cwd: string): Promise<number> {
  const workspace = new NodeWorkspace(cwd);
  const say = (line: string) => process.stderr.write(`spec-first: ${line}\n`);
  const targets = await givenPaths(workspace, args.paths, cwd, say);
  if (!targets) return 2;
  const collection = await collectRecords(workspace, targets);
  // Each project's snapshot and identifier schemes, from any of its records.
  const byRoot = new Map<string, CollectedRecord>();
  for (const r of collection.records) if (!byRoot.has(r.project.root)) byRoot.set(r.project.root, r);
  const projects = new Map<string, { snapshot: WorkspaceSnapshot; schemes: IdScheme[] }>();
  const snapshotOf = (root: string) => {
    const any = byRoot.get(root);
    if (!any) return undefined;
    let p = projects.get(root);
    if (!p) {
      const snapshot = collection.snapshot(any);
      const schemes = referenceSchemes(snapshot.records, any.project.kinds);
      projects.set(root, p = { snapshot, schemes: schemes.length > 0 ? schemes : [ADR_SCHEME] });
    }
    return p;
  };
  const wanted = await recordsNamed(args.record, cwd, workspace, collection.records, snapshotOf);
  if (wanted.length === 0) {
    say(`${args.record} names no record under ${args.paths.join(', ')}`);
    return 2;
  }
  const places: Place[] = [];
  const referenceProjects = new ReferenceProjects(workspace, collection);
  for (const target of targets) {
    for (const file of await referencesUnder(workspace, referenceProjects, target, undefined, line => workspace.notices.add(line))) {
      const root = file.project.project.root;
      for (const reference of file.references) {
        const named = resolveReference(reference, file.project.snapshot, file.project.schemes);
        if (named.some(r => wanted.some(w => w.project.root === root && w.record.path === r.path))) places.push({ file: displayPath(file.file, cwd), reference });
      }
    }
  }
  for (const line of workspace.notices) say(line);
  for (const line of workspace.problems) say(line);
  process.stdout.write(args.format === 'json'
    ? `${JSON.stringify(places.map(p => ({ file: p.file, line: p.reference.range.start.line + 1, column: p.reference.range.start.character + 1, text: p.reference.text })), null, 2)}\n`
    : places.map(p => `${p.file}:${p.reference.range.start.line + 1}:${p.reference.range.start.character + 1} ${p.reference.text}\n`).join(''));
  return workspace.problems.size > 0 ? 2 : 0;
}

/**
 * The records `written` names: the record at that path (relative to `cwd`), else the records the
 * identifier names in each project (`ADR-0005` in any ADR folder; `payments/ADR-0005` in a folder
 * ending so), resolved as the editor resolves a reference.
 */
async function recordsNamed(written: string, cwd: string, workspace: NodeWorkspace, records: readonly CollectedRecord[], snapshotOf: (root: string) => { snapshot: WorkspaceSnapshot; schemes: IdScheme[] } | undefined): Promise<CollectedRecord[]> {
  const file = toWorkspacePath(written, cwd);
  if (await workspace.stat(file) === 'file') return records.filter(r => r.file === file);
  const roots = [...new Set(records.map(r => r.project.root))];
  return roots.flatMap(root => {
    const project = snapshotOf(root);
    const found = project ? findReferences(written.trim(), project.schemes, '') : [];
    if (!project || found.length !== 1 || found[0].text !== written.trim() || found[0].target.type !== 'id') return [];
    const named = new Set(resolveReference(found[0], project.snapshot, project.schemes).map(r => r.path));
    return records.filter(r => r.project.root === root && named.has(r.record.path));
  });
}
