/** Every sentence kam prints, in Chinese and English, keyed by code. `{name}` takes a parameter. */
import { own } from '../util/own.js';
import type { Params } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import { guardCommandLines, safeParams } from '../util/safe-text.js';
import { fill } from '../util/template.js';
import { columnTitle } from './columns.js';


type Dict = Record<string, string>;

const en: Dict = {
  // Unusable input (exit 2).
  'input.missing': 'file not found: check the path',
  'input.unreadable': 'cannot read the file ({reason}): check its permissions',
  'input.truncated': 'the file is truncated or is not a valid .xlsx (zip) file: export it again from Excel or restore it from a backup',
  'input.corruptPart': 'the workbook is corrupt (part {part} cannot be read): open it in Excel, save it again as .xlsx and retry',
  'input.tooLarge': 'part {part} inflates to more than {limit} MiB (a zip bomb?): kam will not read it',
  'input.encrypted': 'the workbook is password-protected: remove the password in Excel (File › Info › Protect Workbook) and retry',
  'input.notWorkbook': 'not an Excel workbook: save it as .xlsx (or export it as CSV) and retry',
  'input.unsupported.xls': 'legacy .xls workbooks are not supported: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)',
  'input.unsupported.xlsb': 'binary .xlsb workbooks are not supported: save it as .xlsx (Excel Workbook) and retry',
  'input.unsupported.ods': 'OpenDocument .ods is not supported: in LibreOffice choose File › Save As › Excel 2007-365 (.xlsx)',
  'input.unsupported.numbers': 'Numbers files are not supported: in Numbers choose File › Export To › Excel (.xlsx)',
  'input.unsupported.et': 'WPS .et files are not supported: in WPS choose 另存为 › Excel 文件 (.xlsx)',
  'input.unsupported': 'unsupported file type {format}: use an .xlsx workbook, a .csv file or a folder of CSV files',
  'input.textAsXlsx': 'this is a text (CSV) file with an .xlsx name: rename it to .csv, or open it in Excel and save it as .xlsx',
  'input.empty': 'the file is empty: export the workbook again',
  'input.binary': 'not a text CSV file (binary content): give an .xlsx workbook or a CSV file',
  'input.emptyFolder': 'the folder holds no .csv files: put accounts.csv (and staff.csv, assignments.csv) in it',
  'input.ambiguousDelimiter': 'cannot tell whether the delimiter is "{a}" or "{b}": pass --delimiter',
  'input.csvSyntax': 'CSV syntax error near line {line} (an unclosed quote?): fix the file or export it again',
  'input.doctype': 'part {part} contains a DOCTYPE/ENTITY declaration, which spreadsheets never need: kam will not read it',
  'input.badRef': 'cell reference {ref} is outside the sheet (beyond XFD1048576): the file is corrupt or hostile',
  'input.missingSheet': 'no {role} sheet found (sheets: {sheets}): name a sheet "{example}" or add an alias under "sheets" in kam.config.json',
  'input.applyMatrix': 'this sheet is a RACI matrix: --apply writes the moves into long division-of-labour rows (one person per row); run `kam load --suggest` and move the letters in the matrix, or apply to the long book',
  'input.missingColumn': 'no "{column}" column found in the header row: add it, or map your header under "columns" in kam.config.json',
  'input.unreadableColumn': 'no value in column "{column}" can be read, so nothing is left to score by (the first is {cell}; a formula has a result only once the file is opened and saved in Excel): fix the cells — kam check lists each',
  // xlsx limits (issue 8)
  'input.duplicatePart': 'the workbook is corrupt (the zip holds part {part} twice): open it in Excel, save it again as .xlsx and retry',
  'input.badChecksum': 'the workbook is corrupt (part {part} fails its CRC-32 check): restore it from a backup or export it again',
  'input.rowOrder': 'row {row} comes after row {previous} in the sheet XML (rows must be in order, each once): the file is corrupt or hostile',
  'input.cellOrder': 'cell {ref} comes after {previous} in its row (cells must be in column order, each once): the file is corrupt or hostile',
  'input.cellTooLong': 'the cell holds more than {limit} characters of XML (Excel allows 32,767 characters): kam will not read it',
  'input.stringTooLong': 'shared string #{index} in {part} holds more than {limit} characters of XML (Excel allows 32,767 characters): kam will not read it',
  'input.rowTooLong': 'row {row} is more than {limit} MiB of XML: the file is corrupt or hostile',
  'input.mergeOverlap': 'merged ranges {a} and {b} overlap: the file is corrupt or hostile (Excel would repair it)',
  'input.tooManyMerges': 'the sheet has more than {limit} merged ranges: the file is corrupt or hostile',
  'input.cellRow': 'cell {ref} is inside row {row} of the sheet XML: the file is corrupt or hostile',
  // csv and input files (issue 8)
  'input.notRegular': 'not a regular file ({kind}): kam reads only plain files',
  'input.outsideFolder': 'is a link to {target}, outside the folder given: kam reads only files inside it',
  'input.danglingLink': 'is a link to {target}, which does not exist',
  'input.linkLoop': 'is a symbolic link loop: fix or remove the link',
  'input.changed': 'the file changed while kam was reading it: retry',
  'input.fileTooLarge': 'the file is {size} MB, above the input limit of {limit} MB: if it is meant, raise "limits": { "inputMB": … } in kam.config.json',
  'input.fieldTooLong': 'row {row}, column {column}: a field longer than {limit} characters (Excel\'s cell limit; an unclosed quote?): fix the file or export it again',
  'input.tooManyFields': 'row {row} has more than {limit} fields (Excel\'s column limit): check the delimiter, or pass --delimiter',
  'input.recordTooLong': 'row {row} (line {line}) is longer than {limit} characters (an unclosed quote, or a wrong delimiter?): fix the file or export it again',
  'input.badUtf8': 'invalid UTF-8 at byte {offset} (line {line}) of a file that is otherwise UTF-8: kam will not guess; fix the bytes, or pass --encoding utf-8 (bad bytes become �) or --encoding gb18030',
  'input.unknownEncoding': 'neither UTF-8 (invalid byte at {offset}, line {line}) nor plausible GB18030 or Big5 text: kam will not guess; pass --encoding (e.g. utf-8, gb18030, big5, latin1)',
  'input.ambiguousEncoding': 'not UTF-8, and it reads as Chinese both as GB18030 (Simplified) and as Big5 (Traditional): kam will not guess; pass --encoding gb18030 or --encoding big5',
  // Usage (exit 2).
  'usage.delimiter': 'invalid --delimiter "{value}": use one of , ; | or tab',
  'usage.encoding': 'unknown --encoding "{value}": use e.g. utf-8, gb18030, gbk, utf-16le, big5',
  'usage.asOf': 'invalid --as-of "{value}": use a date such as 2025-11-15',
  'usage.unknownAccount': 'no account "{name}" in the book: give its id or name as written in the Accounts sheet',
  'usage.outputExt': 'cannot tell the format of -o {file}: this command writes {extensions} files',
  'usage.outputIsInput': 'refusing to write over the input book: -o must name a new file (use --write to update the book)',
  'usage.wholeNumber': 'invalid {option} "{value}": use a whole number ≥ 0',
  'usage.applyOutput': '--apply needs -o new.xlsx for a changed copy, or --write to change the book itself (a .bak copy is kept)',
  'usage.applyWriteOutput': '--apply takes -o new.xlsx (a changed copy) or --write (the book itself), not both',
  'usage.writeNeedsApply': 'kam load --write writes the moves of --apply: add --suggest --apply',
  'usage.applyXlsx': '--apply writes an .xlsx book: give an .xlsx input and -o new.xlsx',
  'write.notXlsx': '--write writes into an .xlsx or .xlsm workbook, or a CSV file: this book is neither; use -o to write the result to a new file',
  'write.strict': 'the workbook is saved as Strict Open XML, which kam does not change in place: save it as "Excel Workbook (.xlsx)" and run again; nothing was written',
  'write.protected': 'the sheet is protected: unprotect it (Excel: Review → Unprotect Sheet) and run again; nothing was written',
  'write.formula': 'the cell holds a formula, which kam does not overwrite: clear that column or rename its header, and run again; nothing was written',
  'write.merged': 'the cell lies inside the merged range {range}: unmerge it and run again; nothing was written',
  'write.table': 'the cell is inside the Excel table {table} ({range}), which kam does not change: convert the table to a range (Table Design → Convert to Range) or move kam\'s columns out of it, and run again; nothing was written',
  'write.verify': 'the written copy did not check out ({what} differs): the workbook was not replaced',
  'note.wroteMoves': 'wrote {n} moves ({cells} cells) into {sheet} of {file}; {untouched} other parts byte-identical; backup: {backup}',
  'note.wroteMovesNoBackup': 'wrote {n} moves ({cells} cells) into {sheet} of {file}; {untouched} other parts byte-identical; no backup kept',
  'note.nothingMoved': 'nothing to move: {file} is unchanged',
  'note.wroteInPlace': 'wrote {cells} cells into {sheet} of {file} (columns {columns}); {untouched} other parts byte-identical; backup: {backup}',
  'note.wroteInPlaceNoBackup': 'wrote {cells} cells into {sheet} of {file} (columns {columns}); {untouched} other parts byte-identical; no backup kept',
  'output.locked': 'the workbook is open in Excel ({lock} exists): close it first, or pass --force',
  'output.symlink': 'refusing to write through a symbolic link that leaves its folder: {target}',
  'output.failed': 'could not write the file ({reason}): nothing was changed',
  // writing safely (issue 8)
  'output.readOnly': 'the file is read-only: make it writable, or write to another file with -o',
  'output.notFile': 'not a regular file: -o must name a file',
  'usage.outputEmpty': '-o needs a file name',
  'usage.outputIsInputFile': 'refusing to write over {input}, which this command reads: -o must name a new file',
  'usage.applyExt': '--apply keeps the type of the book: a {ext} book is written to a new {ext} file',
  // Config (exit 2).
  'config.syntax': 'invalid JSON at line {line}, column {column}: fix the file',
  'config.notObject': 'the config must be a JSON object ({ … })',
  'config.invalid': '{detail}',
  // Internal (exit 3).
  internal: 'internal error: {message}. This is a bug in kam; please report it at https://github.com/kam-cli/kam/issues with the command you ran (add --debug for details)',
  // Warnings on stderr.
  'warn.droppedCriterion': 'criterion "{column}" has no column in {sheet}: dropped, the other weights re-normalised',
  'warn.revenueFromPeriod': '{sheet} has no annual-revenue column: the latest period, "{header}", is taken as the annual revenue',
  'warn.emptyCriterion': 'criterion "{column}" has no values in {sheet}: dropped, the other weights re-normalised',
  'warn.staffMissing': 'no staff sheet: people are taken from the assignments',
  'note.wrote': 'wrote {file} ({count} accounts)',
  'note.wrote.load': 'wrote {file} ({n} assignment rows handed over)',
  'note.encoding': '{file}: read as {encoding}, delimiter "{delimiter}"',
  'note.config': 'config: {file}',
  'note.hiddenSkipped': 'sheet "{hidden}" is hidden: the visible "{visible}" is read as the {role} sheet',
  'note.twoRowHeader': '{sheet}: header rows {top}–{bottom} read as one: {columns}',
  'warn.looseNotRead': '{sheet}: column {column} is not read as {key}: its values ({examples}) are not {key} values; name the right column or fix the values',
  'note.raciByValues': '{sheet}: column {column} holds RACI letters: read as raci',
  'note.accountsFromAssignments': 'no accounts sheet: the {n} accounts {sheet} names by id, name and tier are taken as the accounts',
  'note.notBeside.noLetters': '{matrix} holds no letters under its columns, so it is no matrix: {read} is read as the division of labour',
  'note.notBeside.nobodyKnown': "{matrix}'s columns name nobody of the staff or of {long}, so it is no matrix: {read} is read as the division of labour",
  'note.notBeside.noCommonWork': '{matrix} and {long} share no activity (account and task), so they are not read together: {read} is read as the division of labour',
  'note.matrixBeside': '{matrix} is read with {long} beside it: who holds which letters from the matrix; due dates, frequency, hours and status from {long} (cells from the holder\'s own row: {own}; handed over, from a row of the same letters: {moved}; the task\'s dates only: {taskOnly}). Activities that differ between the two, read from the matrix: {differ}; rows of {long} for activities the matrix does not show, read as they are: {kept}; activities only the matrix shows: {notInLong}',
  'note.matrixRead': '{sheet} is read as a RACI matrix ({columns} columns of letters: {names}); what a matrix cannot hold — frequency, hours, due dates — comes from the sheet\'s own columns where it has them, else from a long division-of-labour sheet beside it, else from the norms (weekly, load.effort)',
  'note.columnByValues': '{sheet}: column {chosen} is read as {key}; {other} is left as an unknown column (its values do not read as {key})',
  'note.columnByName': '{sheet}: column {chosen} is read as {key}; {other} is left as an unknown column (a looser name for it)',
  'warn.hiddenOnly': 'the {role} sheet "{sheet}" is hidden in the workbook: it is read, but check that it is not a stale copy',
  'note.noConfig': 'config: defaults (no kam.config.json found)',
  'note.reading': 'reading {sheet}',
};

const zh: Dict = {
  'input.missing': '找不到文件：请检查路径',
  'input.unreadable': '无法读取文件（{reason}）：请检查文件权限',
  'input.truncated': '文件不完整或不是有效的 .xlsx（zip）文件：请从 Excel 重新导出或从备份恢复',
  'input.corruptPart': '工作簿已损坏（无法读取 {part}）：请用 Excel 打开并另存为 .xlsx 后重试',
  'input.tooLarge': '{part} 解压后超过 {limit} MiB（疑似 zip 炸弹）：kam 拒绝读取',
  'input.encrypted': '工作簿设置了密码：请在 Excel 中取消密码（文件 › 信息 › 保护工作簿）后重试',
  'input.notWorkbook': '不是 Excel 工作簿：请另存为 .xlsx（或导出为 CSV）后重试',
  'input.unsupported.xls': '不支持旧版 .xls 工作簿：请用 Excel 或 WPS 打开并另存为 .xlsx（Excel 工作簿）',
  'input.unsupported.xlsb': '不支持二进制 .xlsb 工作簿：请另存为 .xlsx（Excel 工作簿）后重试',
  'input.unsupported.ods': '不支持 OpenDocument .ods：请在 LibreOffice 中选择 文件 › 另存为 › Excel 2007-365 (.xlsx)',
  'input.unsupported.numbers': '不支持 Numbers 文件：请在 Numbers 中选择 文件 › 导出为 › Excel (.xlsx)',
  'input.unsupported.et': '不支持 WPS .et 文件：请在 WPS 中选择 另存为 › Excel 文件 (.xlsx)',
  'input.unsupported': '不支持的文件类型 {format}：请使用 .xlsx 工作簿、.csv 文件或 CSV 文件夹',
  'input.textAsXlsx': '这是一个扩展名为 .xlsx 的文本（CSV）文件：请改名为 .csv，或用 Excel 打开后另存为 .xlsx',
  'input.empty': '文件为空：请重新导出工作簿',
  'input.binary': '不是文本 CSV 文件（含二进制内容）：请提供 .xlsx 工作簿或 CSV 文件',
  'input.emptyFolder': '文件夹中没有 .csv 文件：请放入 accounts.csv（以及 staff.csv、assignments.csv）',
  'input.ambiguousDelimiter': '无法判断分隔符是 "{a}" 还是 "{b}"：请用 --delimiter 指定',
  'input.csvSyntax': 'CSV 格式错误，约在第 {line} 行（引号未闭合？）：请修正文件或重新导出',
  'input.doctype': '{part} 含有 DOCTYPE/ENTITY 声明，正常表格不需要：kam 拒绝读取',
  'input.badRef': '单元格引用 {ref} 超出表格范围（超过 XFD1048576）：文件已损坏或不可信',
  'input.missingSheet': '找不到{role}工作表（现有：{sheets}）：请将工作表命名为「{example}」，或在 kam.config.json 的 "sheets" 中添加别名',
  'input.applyMatrix': '该表是 RACI 矩阵：--apply 只能把调整写入逐行的分工明细（每行一人）；请运行 `kam load --suggest` 后在矩阵中移动角色字母，或对逐行的分工表执行 --apply',
  'input.missingColumn': '表头中找不到「{column}」列：请添加该列，或在 kam.config.json 的 "columns" 中映射你的表头',
  'input.unreadableColumn': '「{column}」列没有一个可读的数值，无法评分（第一个是 {cell}；公式要在 Excel 中打开并保存后才有结果）：请修正这些单元格——kam check 会逐个列出',
  // xlsx limits (issue 8)
  'input.duplicatePart': '工作簿已损坏（zip 中 {part} 出现了两次）：请用 Excel 打开并另存为 .xlsx 后重试',
  'input.badChecksum': '工作簿已损坏（{part} 的 CRC-32 校验失败）：请从备份恢复或重新导出',
  'input.rowOrder': '工作表 XML 中第 {row} 行出现在第 {previous} 行之后（行必须按顺序且不重复）：文件已损坏或不可信',
  'input.cellOrder': '单元格 {ref} 出现在 {previous} 之后（同一行的单元格必须按列顺序且不重复）：文件已损坏或不可信',
  'input.cellTooLong': '该单元格的 XML 超过 {limit} 个字符（Excel 单元格最多 32,767 个字符）：kam 拒绝读取',
  'input.stringTooLong': '{part} 中第 {index} 个共享字符串的 XML 超过 {limit} 个字符（Excel 单元格最多 32,767 个字符）：kam 拒绝读取',
  'input.rowTooLong': '第 {row} 行的 XML 超过 {limit} MiB：文件已损坏或不可信',
  'input.mergeOverlap': '合并区域 {a} 与 {b} 重叠：文件已损坏或不可信（Excel 会提示修复）',
  'input.tooManyMerges': '工作表的合并区域超过 {limit} 个：文件已损坏或不可信',
  'input.cellRow': '单元格 {ref} 位于工作表 XML 的第 {row} 行中：文件已损坏或不可信',
  // csv and input files (issue 8)
  'input.notRegular': '不是普通文件（{kind}）：kam 只读取普通文件',
  'input.outsideFolder': '是指向 {target} 的链接，位于所给文件夹之外：kam 只读取文件夹内的文件',
  'input.danglingLink': '是指向 {target} 的链接，但目标不存在',
  'input.linkLoop': '是循环的符号链接：请修正或删除该链接',
  'input.changed': '读取过程中文件发生了变化：请重试',
  'input.fileTooLarge': '文件大小 {size} MB，超过输入上限 {limit} MB：如确需读取，请在 kam.config.json 中调高 "limits": { "inputMB": … }',
  'input.fieldTooLong': '第 {row} 行第 {column} 列：单元格超过 {limit} 个字符（Excel 的单元格上限；引号未闭合？）：请修正文件或重新导出',
  'input.tooManyFields': '第 {row} 行超过 {limit} 列（Excel 的列数上限）：请检查分隔符，或用 --delimiter 指定',
  'input.recordTooLong': '第 {row} 行（文件第 {line} 行）超过 {limit} 个字符（引号未闭合或分隔符不对？）：请修正文件或重新导出',
  'input.badUtf8': '第 {offset} 字节（第 {line} 行）不是有效的 UTF-8，而文件其余部分是 UTF-8：kam 不做猜测；请修正该字节，或用 --encoding utf-8（无效字节显示为 �）或 --encoding gb18030',
  'input.unknownEncoding': '既不是 UTF-8（第 {offset} 字节、第 {line} 行无效）也不像 GB18030 或 Big5 文本：kam 不做猜测；请用 --encoding 指定（如 utf-8、gb18030、big5、latin1）',
  'input.ambiguousEncoding': '不是 UTF-8，按 GB18030（简体）和 Big5（繁体）都能读成中文：kam 不做猜测；请用 --encoding gb18030 或 --encoding big5 指定',
  'usage.delimiter': '无效的 --delimiter "{value}"：请使用 , ; | 或 tab',
  'usage.encoding': '未知的 --encoding "{value}"：可用 utf-8、gb18030、gbk、utf-16le、big5 等',
  'usage.asOf': '无效的 --as-of "{value}"：请使用 2025-11-15 这样的日期',
  'usage.unknownAccount': '工作簿中没有客户「{name}」：请使用客户工作表中的客户编号或名称',
  'usage.outputExt': '无法判断 -o {file} 的格式：此命令可写 {extensions} 文件',
  'usage.outputIsInput': '拒绝覆盖输入工作簿：-o 必须是新文件（更新原工作簿请用 --write）',
  'usage.wholeNumber': '无效的 {option} "{value}"：请使用 ≥ 0 的整数',
  'usage.applyOutput': '--apply 需要 -o 新文件.xlsx 写入修改后的副本，或 --write 直接修改原工作簿（保留 .bak 备份）',
  'usage.applyWriteOutput': '--apply 只能用 -o 新文件.xlsx（副本）或 --write（原工作簿）之一，不能同时使用',
  'usage.writeNeedsApply': 'kam load --write 写入的是 --apply 的调整：请加上 --suggest --apply',
  'usage.applyXlsx': '--apply 只能写 .xlsx 工作簿：请输入 .xlsx 文件，并用 -o 新文件.xlsx',
  'write.notXlsx': '--write 只能写入 .xlsx / .xlsm 工作簿或 CSV 文件：当前文件都不是；请用 -o 把结果写入新文件',
  'write.strict': '该工作簿以 Strict Open XML 格式保存，kam 不就地修改：请另存为“Excel 工作簿 (.xlsx)”后重试；未写入任何内容',
  'write.protected': '该工作表受保护：请先撤销保护（Excel：审阅 → 撤销工作表保护）后重试；未写入任何内容',
  'write.formula': '该单元格含有公式，kam 不会覆盖公式：请清空该列或修改其表头后重试；未写入任何内容',
  'write.merged': '该单元格位于合并区域 {range} 内：请取消合并后重试；未写入任何内容',
  'write.table': '该单元格位于 Excel 表格 {table}（{range}）内，kam 不修改表格：请将表格转换为普通区域（表设计 → 转换为区域）或把 kam 的列移出表格后重试；未写入任何内容',
  'write.verify': '写入的副本校验未通过（{what} 不一致）：未替换原工作簿',
  'note.wroteMoves': '已向 {file} 的 {sheet} 写入 {n} 项调整（{cells} 个单元格）；其余 {untouched} 个部件逐字节未变；备份：{backup}',
  'note.wroteMovesNoBackup': '已向 {file} 的 {sheet} 写入 {n} 项调整（{cells} 个单元格）；其余 {untouched} 个部件逐字节未变；未保留备份',
  'note.nothingMoved': '无需调整：{file} 未改动',
  'note.wroteInPlace': '已向 {file} 的 {sheet} 写入 {cells} 个单元格（列：{columns}）；其余 {untouched} 个部件逐字节未变；备份：{backup}',
  'note.wroteInPlaceNoBackup': '已向 {file} 的 {sheet} 写入 {cells} 个单元格（列：{columns}）；其余 {untouched} 个部件逐字节未变；未保留备份',
  'output.locked': '工作簿正在 Excel 中打开（存在 {lock}）：请先关闭，或使用 --force',
  'output.symlink': '拒绝通过指向其他文件夹的符号链接写入：{target}',
  'output.failed': '无法写入文件（{reason}）：未做任何更改',
  // writing safely (issue 8)
  'output.readOnly': '文件为只读：请先改为可写，或用 -o 写到另一个文件',
  'output.notFile': '不是普通文件：-o 必须是一个文件',
  'usage.outputEmpty': '-o 需要文件名',
  'usage.outputIsInputFile': '拒绝覆盖本命令读取的文件 {input}：-o 必须是新文件',
  'usage.applyExt': '--apply 保持工作簿类型：{ext} 工作簿只能写到新的 {ext} 文件',
  'config.syntax': 'JSON 格式错误，位于第 {line} 行第 {column} 列：请修正文件',
  'config.notObject': '配置必须是 JSON 对象（{ … }）',
  'config.invalid': '{detail}',
  internal: '内部错误：{message}。这是 kam 的缺陷，请附上所运行的命令到 https://github.com/kam-cli/kam/issues 报告（加 --debug 可看详情）',
  'warn.droppedCriterion': '评分指标「{column}」在 {sheet} 中没有对应列：已忽略，其余权重重新归一',
  'warn.revenueFromPeriod': '{sheet} 没有年采购额列：以最近一期「{header}」作为年采购额',
  'warn.emptyCriterion': '评分指标「{column}」在 {sheet} 中没有任何数值：已忽略，其余权重重新归一',
  'warn.staffMissing': '没有人员工作表：人员取自分工表',
  'note.wrote': '已写入 {file}（{count} 个客户）',
  'note.wrote.load': '已写入 {file}（交接了 {n} 行分工）',
  'note.encoding': '{file}：按 {encoding} 读取，分隔符 "{delimiter}"',
  'note.config': '配置：{file}',
  'note.hiddenSkipped': '工作表「{hidden}」已隐藏：读取可见的「{visible}」作为 {role} 工作表',
  'note.twoRowHeader': '{sheet}：第 {top}–{bottom} 行的表头合并读取：{columns}',
  'warn.looseNotRead': '{sheet}：{column} 列未作为 {key} 读取：其中的值（{examples}）不是 {key}；请标明正确的列或修正取值',
  'note.raciByValues': '{sheet}：{column} 列的值是 RACI 字母：作为 raci 读取',
  'note.accountsFromAssignments': '没有客户工作表：以 {sheet} 中按编号、名称和等级列出的 {n} 个客户作为客户',
  'note.notBeside.noLetters': '{matrix} 的列中没有角色字母，不是矩阵：以 {read} 作为分工表读取',
  'note.notBeside.nobodyKnown': '{matrix} 的列名不是人员表或 {long} 中的任何人或部门，不是矩阵：以 {read} 作为分工表读取',
  'note.notBeside.noCommonWork': '{matrix} 与 {long} 没有共同的工作（客户和工作内容）：不合并读取，以 {read} 作为分工表读取',
  'note.matrixBeside': '{matrix} 与旁边的 {long} 一起读取：谁担任哪个角色以矩阵为准；时间节点、频率、工时和状态取自 {long}（{own} 格取自本人的行，{moved} 格取自同一角色的行（交接），{taskOnly} 格只取任务的日期）；{differ} 项工作两表不一致，以矩阵为准；矩阵未列出的工作按 {long} 的 {kept} 行读取；矩阵中有 {notInLong} 项工作在 {long} 中没有对应的行',
  'note.matrixRead': '{sheet} 按 RACI 矩阵读取（{columns} 列角色：{names}）；矩阵不含的频率、工时、时间节点取自本表已有的列，否则取自旁边逐行的分工表，再否则按默认规则（每周、load.effort）',
  'note.columnByValues': '{sheet}：读取 {chosen} 列作为 {key}；{other} 列的值不是 {key}，作为未知列保留',
  'note.columnByName': '{sheet}：读取 {chosen} 列作为 {key}；{other} 列的名称不如它贴切，作为未知列保留',
  'warn.hiddenOnly': '{role} 工作表「{sheet}」在工作簿中是隐藏的：已读取，请确认它不是过期的副本',
  'note.noConfig': '配置：默认值（未找到 kam.config.json）',
  'note.reading': '正在读取 {sheet}',
};

/** Every message, by language. */
export const MESSAGES: Record<Lang, Dict> = { zh, en };

/** Parameters that name a canonical column, by message: shown as the language names the column. */
const COLUMN_PARAMS: Record<string, { param: string; role?: string }> = {
  'input.missingColumn': { param: 'column' },
  'warn.droppedCriterion': { param: 'column', role: 'accounts' },
  'warn.emptyCriterion': { param: 'column', role: 'accounts' },
  'note.columnByValues': { param: 'key' },
  'note.columnByName': { param: 'key' },
};

/**
 * The message for `code` in `lang`, with `{param}`s filled in; the code itself if none exists.
 * Parameters are user text (sheet, file and config names): control characters, escape sequences
 * and bidi overrides in them are shown as escapes, so that a message stays one safe line; and a
 * message that would start with a workflow command (`{file}: …` with a file named `::error::x`)
 * gets a backslash before it.
 */
export function t(lang: Lang, code: string, params: Params = {}): string {
  const template = own(MESSAGES[lang], code) ?? own(MESSAGES.en, code);
  const named = own(COLUMN_PARAMS, code);
  const value = named ? params[named.param] : undefined;
  if (named && typeof value === 'string') {
    const role = named.role ?? (typeof params.role === 'string' ? params.role : undefined);
    params = { ...params, [named.param]: columnTitle(lang, role, value) };
  }
  return guardCommandLines(fill(template ?? code, safeParams(params)));
}

