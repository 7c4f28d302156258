// Writing a matrix workbook in tests the way `kam matrix -o raci.xlsx` writes it.
import { writeAtomicWith } from '../../src/io/write/atomic.js';
import { writeWorkbookTo } from '../../src/io/write/styled-xlsx.js';
import type { Matrix } from '../../src/matrix/build.js';
import type { Lang } from '../../src/model/lang.js';
import { reportContext } from '../../src/report/context.js';
import { renderSheets } from '../../src/report/index.js';

/** Writes the workbook of a matrix as `-o` does (atomically, through the file handle); returns the file. */
export async function writeMatrixXlsx(m: Matrix, lang: Lang, file: string): Promise<string> {
  await writeAtomicWith(file, (fh) => writeWorkbookTo(fh, renderSheets('matrix', m, reportContext(lang, false))));
  return file;
}
