// The baseline of issue 14's bench: exceljs's streaming reader reading every row of a workbook
// (shared strings cached, as a reader of real books must), run as its own process so that its time
// and memory are measured like kam's. Prints the number of rows read.
import ExcelJS from 'exceljs';

const file = process.argv[2];
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
let rows = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    // Touch every value, as a reader that uses them would.
    for (const v of row.values) if (v === Symbol.iterator) rows--;
    rows++;
  }
}
console.log(rows);
