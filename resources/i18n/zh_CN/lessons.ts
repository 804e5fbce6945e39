<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BulkEntryDialog</name>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="52"/>
        <source>Record study</source>
        <translation>批量登记学习</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="58"/>
        <source>Tick the members on the sheet:</source>
        <translation>勾选登记表上的党员：</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="86"/>
        <source>Type words of the title to find the lesson</source>
        <translation>输入标题中的字查找课程</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="88"/>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="91"/>
        <source>The date on the sheet; it cannot be in the future</source>
        <translation>登记表上的学习日期，不能晚于今天</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="93"/>
        <source>Study &amp;date</source>
        <translation>学习日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="101"/>
        <source>&amp;Method</source>
        <translation>学习方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="105"/>
        <source>Not given</source>
        <translation>不填</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="106"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="107"/>
        <source>Filled in from the lesson; change it if the members studied longer or shorter</source>
        <translation>按课程时长自动填写；实际学习时长不同时可修改</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="108"/>
        <source>M&amp;inutes</source>
        <translation>时长(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="111"/>
        <source>Name or pinyin initials</source>
        <translation>姓名或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="112"/>
        <source>&amp;Helper</source>
        <translation>帮学人(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="115"/>
        <source>&amp;Entered by</source>
        <translation>录入人(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="119"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="285"/>
        <location filename="../../../ui/lessons/bulk_entry.py" line="286"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="133"/>
        <location filename="../../../ui/lessons/bulk_entry.py" line="174"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="149"/>
        <source>There are no lessons yet: add one on the Lessons tab first.</source>
        <translation>还没有微党课，请先在“课程”页新增。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="179"/>
        <source>Only for home visits and paired study</source>
        <translation>仅“送学上门”和“结对帮学”需要填写帮学人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="229"/>
        <source>Recorded {0} members: “{1}”, {2}. Ready for the next sheet.</source>
        <translation>已登记 {0} 人：「{1}」，{2}。可以录入下一张登记表。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="248"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="250"/>
        <source>{0} and {1} more</source>
        <translation>{0} 等，另有 {1} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="253"/>
        <source>Already recorded</source>
        <translation>已经登记过</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="255"/>
        <source>All ticked members already have this lesson recorded on this date: {0}. Nothing to save.</source>
        <translation>勾选的党员这一天都已登记过本课：{0}。无需重复登记。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="257"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="260"/>
        <source>{0} already have this lesson recorded on this date.</source>
        <translation>{0} 这一天已登记过本课。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="261"/>
        <source>Skip them and save the other {0} members?</source>
        <translation>跳过他们，只保存其余 {0} 人吗？</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="262"/>
        <source>Skip them, save {0}</source>
        <translation>跳过他们，保存其余 {0} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="263"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/bulk_entry.py" line="286"/>
        <source>{0} ticked members have not been saved. Close anyway?</source>
        <translation>已勾选的 {0} 人还没有保存，确定关闭吗？</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="78"/>
        <source>Search: title, speaker or topic (Ctrl+F)</source>
        <translation>搜索：标题、主讲人或专题（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="82"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="86"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="86"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="87"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="87"/>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="183"/>
        <source>Enter or double-click</source>
        <translation>回车或双击</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="88"/>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="185"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="90"/>
        <source>Record study…</source>
        <translation>批量登记学习…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="91"/>
        <source>Record that members studied the selected lesson</source>
        <translation>登记党员学习了选中的课程</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="130"/>
        <source>Loading the lessons…</source>
        <translation>正在读取微党课…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="181"/>
        <source>Published by the district: the branch cannot change or archive it</source>
        <translation>区县发布的课程，本支部不能修改或归档</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="185"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="186"/>
        <source>Archived lessons leave the lists; their study records stay</source>
        <translation>归档后课程不再出现在列表中，学习记录保留</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="189"/>
        <source>{0} lessons shown</source>
        <translation>显示 {0} 节课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="190"/>
        <source>{0} lessons</source>
        <translation>共 {0} 节课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="192"/>
        <source>No lessons yet: click Add (Ctrl+N) to add one.</source>
        <translation>还没有微党课，请点“新增”（Ctrl+N）添加。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="196"/>
        <source>This lesson was published by the district: double-click to view it.</source>
        <translation>这节课由区县发布，只能查看（双击打开）。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="231"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="95"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="96"/>
        <source>Add lessons from an Excel or CSV list</source>
        <translation>从 Excel 或 CSV 清单添加微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="193"/>
        <source>“Studied” counts the members who should study (active and mobile); “Scans”: scans of the lesson&apos;s live codes.</source>
        <translation>“已学人数”按应学党员（正常和流动）统计；“扫码”：这节课的活码被扫描的次数。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="234"/>
        <source>Import lessons</source>
        <translation>导入微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/catalogue_tab.py" line="234"/>
        <source>{0} lessons imported.</source>
        <translation>已导入 {0} 节微党课。</translation>
    </message>
</context>
<context>
    <name>LessonDialog</name>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="47"/>
        <source>Lesson published by the district (read-only)</source>
        <translation>区县发布的微党课（只读）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="49"/>
        <source>Edit lesson</source>
        <translation>编辑微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="49"/>
        <source>Add lesson</source>
        <translation>新增微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="56"/>
        <source>The district published this lesson; the branch cannot change it.</source>
        <translation>这节微党课由区县发布，本支部不能修改。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="63"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="68"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="70"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="86"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="87"/>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="88"/>
        <source>Topic</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="89"/>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="90"/>
        <source>Video link</source>
        <translation>视频链接</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="91"/>
        <source>Credit hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="92"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="93"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="94"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="99"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="121"/>
        <source>Also accepted: 2026/11/1, 2026.11.1, 20261101, 2026年11月1日</source>
        <translation>也可以写成：2026/11/1、2026.11.1、20261101、2026年11月1日</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_dialog.py" line="190"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>LessonImport</name>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="34"/>
        <source>Import a lesson list</source>
        <translation>导入微党课清单</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="35"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.et *.csv *.txt);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.xls *.ods *.et *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="46"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="50"/>
        <source>{0}: {1} new lessons, {2} already in the catalogue, {3} rows with errors.</source>
        <translation>{0}：新课程 {1} 节，已在目录中 {2} 节，有错误的行 {3} 行。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="56"/>
        <source>… and {0} more rows with errors.</source>
        <translation>……另有 {0} 行有错误。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="58"/>
        <source>Columns ignored: {0}</source>
        <translation>未识别而忽略的列：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="60"/>
        <source>There is nothing new to import.</source>
        <translation>没有需要导入的新课程。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="61"/>
        <location filename="../../../ui/lessons/lesson_import.py" line="66"/>
        <source>Import lessons</source>
        <translation>导入微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="64"/>
        <source>Rows with errors are left out; correct them and import the file again.</source>
        <translation>有错误的行不会导入；改正后可再次导入该文件。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="65"/>
        <source>Import {0} lessons</source>
        <translation>导入 {0} 节</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_import.py" line="73"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>LessonModel</name>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="36"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="37"/>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="38"/>
        <source>Topic</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="39"/>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="40"/>
        <source>Credit hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="41"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="42"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="43"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="44"/>
        <source>Studied</source>
        <translation>已学人数</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="45"/>
        <source>Scans</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="51"/>
        <source>District</source>
        <translation>区县发布</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="52"/>
        <source>This branch</source>
        <translation>本支部</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="94"/>
        <source>Members who studied the lesson / members who should study (active and mobile)</source>
        <translation>已学本课的党员 / 应学党员（正常和流动）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="98"/>
        <source>How often the lesson&apos;s live codes were scanned (counted by the district server, brought here by sync)</source>
        <translation>这节课的活码被扫描的次数（区服务器统计，同步后取得）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/lesson_model.py" line="115"/>
        <source>{0} (archived)</source>
        <translation>{0}（已归档）</translation>
    </message>
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../../../ui/lessons/page.py" line="23"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/page.py" line="24"/>
        <source>Study records</source>
        <translation>学习记录</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/page.py" line="25"/>
        <source>Study sessions</source>
        <translation>集中学习</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/page.py" line="30"/>
        <source>Micro-lessons</source>
        <translation>微党课</translation>
    </message>
</context>
<context>
    <name>MemberPickModel</name>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="108"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="109"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="110"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="111"/>
        <source>Born</source>
        <translation>出生年月</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="112"/>
        <source>This lesson</source>
        <translation>本课</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="130"/>
        <source>No party group</source>
        <translation>未分党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_model.py" line="136"/>
        <source>Studied</source>
        <translation>已学</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="86"/>
        <source>Find: name, pinyin or initials, e.g. zs (Ctrl+F)</source>
        <translation>查找：姓名、拼音或首字母，如 zs（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="88"/>
        <source>Enter ticks the only match and clears the filter for the next name; with several matches it moves into the list. Ctrl+A ticks all shown.</source>
        <translation>只找到一人时按回车即勾选，并清空查找框以便输入下一个名字；找到多人时回车进入列表。Ctrl+A 勾选列表中的全部党员。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="97"/>
        <source>All party groups</source>
        <translation>全部党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="101"/>
        <source>Only members who have not studied this lesson</source>
        <translation>只显示未学本课的</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="136"/>
        <source>Tick all shown</source>
        <translation>全选当前列表（Ctrl+A）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="137"/>
        <source>Ctrl+A: ticks every member in the list as filtered</source>
        <translation>Ctrl+A：勾选当前列表中显示的全部党员</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="139"/>
        <source>Tick whole party group</source>
        <translation>选中本组</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="140"/>
        <source>Ticks the party group chosen above (or the group of the current row); with “only not studied” on, those who studied are left out</source>
        <translation>勾选上面选中的党小组（未选时为当前行所在的党小组）；勾选“只显示未学本课的”时，已学过的不选</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="142"/>
        <source>Untick all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="177"/>
        <source>No party group</source>
        <translation>未分党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="264"/>
        <source>{0} selected</source>
        <translation>已选 {0} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/member_picker.py" line="268"/>
        <source>{0} in the list</source>
        <translation>列表中 {0} 人</translation>
    </message>
</context>
<context>
    <name>RecordModel</name>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="36"/>
        <source>self-reported</source>
        <translation>扫码自报</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="41"/>
        <source>Date</source>
        <translation>学习日期</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="42"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="43"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="44"/>
        <source>Method</source>
        <translation>学习方式</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="45"/>
        <source>Minutes</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="46"/>
        <source>Helper</source>
        <translation>帮学人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="47"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="48"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="49"/>
        <source>Void reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="104"/>
        <source>Voided: {0}</source>
        <translation>已作废：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/record_model.py" line="106"/>
        <source>The member recorded this on the phone after scanning a live code; it came with sync</source>
        <translation>党员扫描活码后在手机上自己登记的，通过同步取得</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="70"/>
        <source>A wrong record cannot be changed: void it, then record it again.</source>
        <translation>记录有误时请作废后重新登记。</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="83"/>
        <source>All lessons</source>
        <translation>全部课程</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="88"/>
        <source>Member: name, pinyin or initials</source>
        <translation>党员：姓名、拼音或首字母</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="92"/>
        <source>Only self-reported</source>
        <translation>只看扫码自报</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="94"/>
        <source>Only the records members made on the phone after scanning a live code</source>
        <translation>只看党员扫描活码后在手机上自己登记的学习记录</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="97"/>
        <source>Show voided</source>
        <translation>显示已作废</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="101"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="103"/>
        <source>Void the selected records (a reason is required)</source>
        <translation>作废选中的记录（须写明原因）</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="106"/>
        <source>Record study…</source>
        <translation>批量登记学习…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="145"/>
        <source>Loading the study records…</source>
        <translation>正在读取学习记录…</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="176"/>
        <source>{0} self-reported records</source>
        <translation>扫码自报 {0} 条</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="177"/>
        <source>{0} of {1} self-reported records</source>
        <translation>扫码自报 {1} 条，显示 {0} 条</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="179"/>
        <source>{0} records</source>
        <translation>共 {0} 条记录</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="180"/>
        <source>{0} of {1} records</source>
        <translation>显示 {0} 条，共 {1} 条记录</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="182"/>
        <source>Newest {0} records only; choose a lesson to see older ones</source>
        <translation>只显示最新的 {0} 条记录；按课程筛选可查看更早的记录</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="214"/>
        <source>Voiding…</source>
        <translation>正在作废…</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="38"/>
        <source>Void study records</source>
        <translation>作废学习记录</translation>
    </message>
    <message>
        <location filename="../../../ui/lessons/records_tab.py" line="39"/>
        <source>Void {0} record(s)? They stay in the list as voided, with the reason.</source>
        <translation>作废 {0} 条学习记录？作废后记录仍保留，标明“已作废”和原因。</translation>
    </message>
</context>
</TS>
