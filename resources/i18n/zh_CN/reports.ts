<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="60"/>
        <source>No lessons yet.</source>
        <translation>还没有微党课。</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="61"/>
        <source>Coverage by lesson</source>
        <translation>各微党课覆盖率</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="71"/>
        <source>Every current lesson, counted over the members expected to study (active and mobile), whatever the period; the chart puts the least studied first. Red: fewer than {0} have studied it.</source>
        <translation>统计全部未归档的微党课，按在册应学党员（正常、流动）计算，不受统计期间影响；图中覆盖率低的排在前面。红色：学习人数不到 {0}。</translation>
    </message>
</context>
<context>
    <name>IdleTab</name>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="147"/>
        <source>{0} members expected to study have no study in the last {1} months (none since {2}).</source>
        <translation>近 {1} 个月（{2} 起）没有学习记录的应学党员共 {0} 人。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="91"/>
        <source>Filter by name or party group</source>
        <translation>按姓名或党小组筛选</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="93"/>
        <source>Only members who have not studied in the period</source>
        <translation>只看本期未学习的党员</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="117"/>
        <source>Red rows: no study in the period. Month columns: minutes of study.</source>
        <translation>红色：本期没有学习记录。各月列为当月学习时长（分钟）。</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="119"/>
        <source>Red rows: no study in the period.</source>
        <translation>红色：本期没有学习记录。</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="128"/>
        <source>{0} members, {1} shown</source>
        <translation>共 {0} 人，显示 {1} 人</translation>
    </message>
</context>
<context>
    <name>MonthlyTab</name>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="158"/>
        <source>Times studied by month</source>
        <translation>各月学习人次</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="166"/>
        <source>Times studied in each month of {0}, {1} in all.</source>
        <translation>{0}各月学习人次，共 {1} 人次。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="24"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="24"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="24"/>
        <location filename="../../../ui/reports/period_picker.py" line="29"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="26"/>
        <source>Period kind</source>
        <translation>统计期间类型</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="30"/>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="32"/>
        <source>Month or quarter</source>
        <translation>月份或季度</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="49"/>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="49"/>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="49"/>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="49"/>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="49"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="50"/>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="50"/>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="50"/>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="50"/>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="50"/>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="51"/>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="51"/>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="54"/>
        <source>First quarter</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="54"/>
        <source>Second quarter</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="54"/>
        <source>Third quarter</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/period_picker.py" line="55"/>
        <source>Fourth quarter</source>
        <translation>第四季度</translation>
    </message>
</context>
<context>
    <name>ReportModels</name>
    <message>
        <location filename="../../../ui/reports/models.py" line="119"/>
        <source>studied/expected</source>
        <translation>已学/应学</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="120"/>
        <source>Party group {0}: studied / expected</source>
        <translation>{0}：已学人数/应学人数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="122"/>
        <location filename="../../../ui/reports/models.py" line="311"/>
        <source>Lesson</source>
        <translation>微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="123"/>
        <location filename="../../../ui/reports/models.py" line="312"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="124"/>
        <source>Studied/expected</source>
        <translation>已学/应学</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="125"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="127"/>
        <source>Members who studied the lesson / members expected to study (active and mobile)</source>
        <translation>学过这节课的党员人数/应学党员人数（正常、流动）</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="171"/>
        <source>Month {0}</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="188"/>
        <source>Minutes of study in {0}</source>
        <translation>{0} 学习时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="190"/>
        <location filename="../../../ui/reports/models.py" line="279"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="191"/>
        <location filename="../../../ui/reports/models.py" line="280"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="192"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="193"/>
        <source>Times studied</source>
        <translation>学习次数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="194"/>
        <location filename="../../../ui/reports/models.py" line="315"/>
        <source>Self-reported</source>
        <translation>扫码自报</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="195"/>
        <source>Lessons</source>
        <translation>课程数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="196"/>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="197"/>
        <source>Credit hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="201"/>
        <source>Study records in the period</source>
        <translation>本期学习记录条数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="202"/>
        <location filename="../../../ui/reports/models.py" line="321"/>
        <source>Of those, the records the member reported on the phone after scanning a live code</source>
        <translation>其中党员扫描活码后在手机上自己登记的学习记录</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="204"/>
        <source>Different lessons studied in the period</source>
        <translation>本期学过的不同微党课节数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="205"/>
        <source>Minutes of study in the period</source>
        <translation>本期学习时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="206"/>
        <source>Credit hours: each lesson counted once</source>
        <translation>学时：同一节课只计一次</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="277"/>
        <source>Never studied</source>
        <translation>从未学习</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="281"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="282"/>
        <source>Last study</source>
        <translation>最近学习日期</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="313"/>
        <source>Times scanned</source>
        <translation>扫码次数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="314"/>
        <source>Study records</source>
        <translation>学习人次</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="319"/>
        <source>Scans of the lesson&apos;s live codes on days of the period</source>
        <translation>本统计期间内这节课的活码被扫描的次数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/models.py" line="320"/>
        <source>Study records of the lesson in the period</source>
        <translation>本统计期间内这节课的学习记录</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../../ui/reports/page.py" line="91"/>
        <source>Lesson coverage</source>
        <translation>课程覆盖</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="92"/>
        <source>Study ledger</source>
        <translation>学习台账</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="93"/>
        <source>No recent study</source>
        <translation>未学习名单</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="94"/>
        <source>By month</source>
        <translation>按月统计</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="95"/>
        <source>Scans and study</source>
        <translation>扫码与学习</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="107"/>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="120"/>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="126"/>
        <source>Months with no study:</source>
        <translation>无学习记录的月数：</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="133"/>
        <source>Members with no study in this many months make the list of no recent study</source>
        <translation>这么多个月没有学习记录的党员列入未学习名单</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="138"/>
        <location filename="../../../ui/reports/page.py" line="234"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="142"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="144"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="161"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="164"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="173"/>
        <source>Times studied</source>
        <translation>学习人次</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="174"/>
        <source>Members who studied</source>
        <translation>学习人数</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="175"/>
        <source>Total time (hours)</source>
        <translation>总时长（小时）</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="176"/>
        <source>Total credit hours</source>
        <translation>总学时</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="265"/>
        <source>{0}: study report</source>
        <translation>{0}学习统计</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="266"/>
        <source>From {0} to {1}</source>
        <translation>统计范围：{0} 至 {1}</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="272"/>
        <source>No recent study ({0})</source>
        <translation>未学习名单（{0}）</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="284"/>
        <source>{0} have not studied</source>
        <translation>{0} 人本期未学习</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="286"/>
        <source>{0} minutes</source>
        <translation>共 {0} 分钟</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="292"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="292"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="295"/>
        <source>Export to PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="295"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="322"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/page.py" line="328"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>ScansTab</name>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="177"/>
        <source>Scans: how often the lesson&apos;s live codes were scanned in the period (counted by the district server, brought here by sync). Times studied: the study records of the period; self-reported: those a member recorded on the phone after scanning. Lessons with neither are not listed.</source>
        <translation>扫码次数：本统计期间内这节课的活码被扫描的次数（区服务器统计，同步后取得）。学习人次：本期登记的学习记录；扫码自报：其中党员扫码后在手机上自己登记的。本期既没有扫码也没有学习记录的微党课不列出。</translation>
    </message>
    <message>
        <location filename="../../../ui/reports/tabs.py" line="193"/>
        <source>{0} scans, {1} times studied, {2} of them self-reported</source>
        <translation>扫码 {0} 次，学习 {1} 人次，其中扫码自报 {2} 人次</translation>
    </message>
</context>
</TS>
