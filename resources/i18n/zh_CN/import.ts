<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportApplyPage</name>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="117"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="118"/>
        <source>All rows are written in one go: either every one of them, or none.</source>
        <translation>所有行一次性写入：要么全部写入，要么一行也不写。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="123"/>
        <source>&amp;Stop the import</source>
        <translation>停止导入(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="125"/>
        <source>&amp;Try again</source>
        <translation>重新导入(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="132"/>
        <source>If you stop, nothing is written: the roster stays exactly as it was.</source>
        <translation>如果中途停止，什么都不会写入，花名册保持原样。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="154"/>
        <source>Writing the rows to the roster…</source>
        <translation>正在把数据写入花名册……</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="162"/>
        <source>Stopping…</source>
        <translation>正在停止……</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="175"/>
        <source>The import was stopped. Nothing was written to the roster.</source>
        <translation>导入已停止，花名册中没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="179"/>
        <source>The import did not finish. Nothing was written to the roster.</source>
        <translation>导入没有完成，花名册中没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="120"/>
        <location filename="../../../ui/roster/import_pages.py" line="176"/>
        <source>Choose the roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="121"/>
        <source>Choose the Excel or CSV file that holds your roster. Nothing is written to the roster until the last step.</source>
        <translation>请选择保存花名册的 Excel 或 CSV 文件。在最后一步之前，不会往花名册里写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="124"/>
        <source>What the file should look like:
• An Excel or WPS workbook (.xlsx, .xls, .xlsm, .et), a LibreOffice sheet (.ods) or a CSV file; old .xls files are read as they are.
• One row of column names, for example 姓名, 性别, 出生日期, 公民身份号码, 手机, 党小组. Common names such as 身份证号, 出生年月 or 联系电话 are understood too; title rows above it are fine.
• Below it, one member per row. Only the name is required.
• Type ID numbers as text so that Excel keeps all 18 digits.</source>
        <translation>文件要求：
• Excel 或 WPS 工作簿（.xlsx、.xls、.xlsm、.et）、LibreOffice 表格（.ods）或 CSV 文件；老式的 .xls 文件可以直接导入。
• 有一行列名，例如：姓名、性别、出生日期、公民身份号码、手机、党小组。“身份证号”“出生年月”“联系电话”等常见叫法也能识别；列名上方有标题行也没关系。
• 列名下面每行一名党员，只有姓名必填。
• 身份证号请按文本格式填写，这样 Excel 才能完整保留 18 位。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="135"/>
        <source>Path of the spreadsheet (.xlsx, .xls, .ods …) or .csv file</source>
        <translation>表格文件（.xlsx、.xls、.ods 等）或 .csv 文件的位置</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="137"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="139"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="146"/>
        <source>Save a blank &amp;template…</source>
        <translation>保存空白模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="148"/>
        <source>No file yet? Save the blank template, fill it in with Excel or WPS, then choose it here.</source>
        <translation>还没有文件？先保存空白模板，用 Excel 或 WPS 填好后，再在这里选择它。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="177"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.et *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.xls *.ods *.et *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="187"/>
        <source>Save a blank template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="188"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="211"/>
        <source>Match the columns</source>
        <translation>核对列的对应关系</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="212"/>
        <source>Check which roster field each column of your file fills. Choose “(ignore)” for a column that should not be imported.</source>
        <translation>请核对文件中每一列对应花名册的哪一项。不需要导入的列，请选择“（不导入）”。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="222"/>
        <source>Tip: press Tab to go from one choice to the next, and the arrow keys to change a choice.</source>
        <translation>提示：按 Tab 键可从一列的选择跳到下一列，按上下方向键可更改选择。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="238"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="238"/>
        <source>Heading in the file</source>
        <translation>文件中的列名</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="239"/>
        <source>Row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="240"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="248"/>
        <source>(no heading)</source>
        <translation>（无列名）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="254"/>
        <source>Import column {0} as</source>
        <translation>第 {0} 列导入为</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="265"/>
        <source>(ignore)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="301"/>
        <source>{0} (columns {1})</source>
        <translation>{0}（{1} 列）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="304"/>
        <source>More than one column is set to the same field: {0}. Each field can come from one column only; set the others to “(ignore)”.</source>
        <translation>有几列对应了同一项：{0}。每一项只能来自一列，请把其余的列改为“（不导入）”。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_pages.py" line="307"/>
        <source>No column is set to “{0}”. Choose the column that holds the members&apos; names.</source>
        <translation>没有哪一列对应“{0}”。请为写有党员姓名的那一列选择“{0}”。</translation>
    </message>
</context>
<context>
    <name>ImportPolicyPage</name>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="43"/>
        <source>People already in the roster</source>
        <translation>花名册中已有的人</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="44"/>
        <source>A row is taken as someone already in the roster when the ID number matches, or the name and birth date match.</source>
        <translation>身份证号相同，或者姓名和出生日期都相同，就认为这一行是花名册中已有的人。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="52"/>
        <source>&amp;Skip them (recommended)</source>
        <translation>跳过这些行（推荐）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="53"/>
        <source>Their rows are left out; the roster stays as it is.</source>
        <translation>不导入这些行，花名册中的信息保持不变。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="54"/>
        <source>&amp;Fill in blanks only</source>
        <translation>只补充空白项(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="55"/>
        <source>Values the roster is missing are taken from the file; nothing already filled in is changed.</source>
        <translation>花名册中空着的项用文件中的内容补上，已经填写的内容一律不改。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="57"/>
        <source>&amp;Overwrite with the file&apos;s values</source>
        <translation>用文件中的内容覆盖(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="58"/>
        <source>Every value the file has replaces the roster&apos;s value; empty cells in the file change nothing.</source>
        <translation>文件中填写了的内容都会替换花名册中的内容；文件中空着的单元格不做更改。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="95"/>
        <source>{0} rows of the file are people who are already in the roster. What should happen to them?</source>
        <translation>文件中有 {0} 行是花名册中已有的人。这些行怎么处理？</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="99"/>
        <source>No row of this file is someone already in the roster, so this choice changes nothing this time.</source>
        <translation>文件中没有花名册里已有的人，所以这次选哪一项都一样。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="101"/>
        <source>Press “Import” to add {0} new members to the roster. Rows with errors are never imported.</source>
        <translation>点击“导入”，把 {0} 名新党员加入花名册。有错误的行不会导入。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="107"/>
        <source>With this choice: {0} added, {1} updated, {2} left as they are.</source>
        <translation>选这一项：新增 {0} 人，更新 {1} 人，{2} 人保持不变。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="63"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="67"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="72"/>
        <source>Error, not imported</source>
        <translation>有错误，不导入</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="74"/>
        <source>Already in the roster</source>
        <translation>花名册中已有</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="75"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="80"/>
        <source>Please check: {0}</source>
        <translation>请核对：{0}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="144"/>
        <source>Check the rows</source>
        <translation>检查每一行</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="145"/>
        <source>Rows in red have errors and will not be imported; rows in amber will be imported but should be checked. Row numbers are those shown in Excel.</source>
        <translation>红色的行有错误，不会导入；黄色的行会导入，但请核对。行号与 Excel 中显示的行号一致。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="158"/>
        <source>&amp;Only show rows with problems</source>
        <translation>只显示有问题的行(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="188"/>
        <source>New members: {0}    Already in the roster: {1}    With errors (not imported): {2}    To check: {3}</source>
        <translation>新增党员：{0}    花名册中已有：{1}    有错误（不导入）：{2}    需核对：{3}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="194"/>
        <source>Columns that will not be imported: {0}</source>
        <translation>不导入的列：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="196"/>
        <source>Every column of the file is imported.</source>
        <translation>文件中的每一列都会导入。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="198"/>
        <source>Select a row to read all of its problems here.</source>
        <translation>选中一行，可以在这里看到它的全部问题。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="216"/>
        <source>No problems found in this row.</source>
        <translation>这一行没有发现问题。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_preview.py" line="217"/>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
</context>
<context>
    <name>ImportSummaryPage</name>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="195"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="196"/>
        <source>This is what the import did. Press “Finish” to close.</source>
        <translation>以下是这次导入的结果。点击“完成”关闭。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="202"/>
        <source>Added to the roster:</source>
        <translation>新加入花名册：</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="203"/>
        <source>Updated:</source>
        <translation>已更新：</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="204"/>
        <source>Already in the roster, left as they were:</source>
        <translation>花名册中已有，保持不变：</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="205"/>
        <source>Rows with errors, not imported:</source>
        <translation>有错误未导入的行：</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="212"/>
        <source>&amp;Save error rows…</source>
        <translation>保存错误行(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="237"/>
        <source>Save the rows that were not imported, each with its reason, to a workbook. Correct them there, then import that workbook.</source>
        <translation>把没有导入的行连同原因保存到一个工作簿中。在那里改正后，再导入这个工作簿。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="241"/>
        <source>Every row of the file could be read; there are no error rows to save.</source>
        <translation>文件中每一行都没有错误，没有需要保存的错误行。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="247"/>
        <source>Save error rows</source>
        <translation>保存错误行</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_apply.py" line="248"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="58"/>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="63"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="131"/>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="131"/>
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="145"/>
        <source>Checking the roster</source>
        <translation>正在核对花名册</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="145"/>
        <source>The check was cancelled.</source>
        <translation>已取消核对。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="163"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="171"/>
        <source>The blank template was saved to {0}</source>
        <translation>空白模板已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="173"/>
        <source>Saving the template</source>
        <translation>正在保存模板</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="180"/>
        <source>{0} rows were saved to {1}</source>
        <translation>已把 {0} 行保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/import_wizard.py" line="182"/>
        <source>Saving the error rows</source>
        <translation>正在保存错误行</translation>
    </message>
</context>
</TS>
