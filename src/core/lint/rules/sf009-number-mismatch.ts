import { basename } from '../../paths';
import { parseRecordFileName } from '../../record';
import { range } from '../../text';
import type { Rule } from '../types';

/** SF009: the number in the file name differs from the number in the title (adr-tools' `# N. Title`). */
export const numberMismatch: Rule = {
  code: 'SF009', name: 'number-mismatch', severity: 'warning', kinds: ['nygard'],
  description: 'adr-tools writes the record\'s number twice: in the file name (`0007-…md`) and the title (`# 7. …`). Links and `adr link` use the file; readers use the title. When they differ, one of them points at the wrong decision.',
  *check(c) {
    const heading = c.record.titleHeading;
    const m = heading && /^(\d+)\.\s/.exec(heading.text);
    const fileNumber = parseRecordFileName(basename(c.record.path))?.number;
    if (!heading || !m || fileNumber === undefined || parseInt(m[1], 10) === fileNumber) return;
    const start = heading.range.start.character;
    yield {
      range: range(heading.line, start, heading.line, start + m[1].length),
      message: `The title says ${parseInt(m[1], 10)} but the file is number ${fileNumber}.`,
      fix: { title: `Number the title ${fileNumber}, as the file`, edits: [{ range: range(heading.line, start, heading.line, start + m[1].length), newText: String(fileNumber) }] },
    };
  },
};
