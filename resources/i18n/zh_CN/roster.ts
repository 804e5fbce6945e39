<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GroupsDialog</name>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="36"/>
        <source>Party groups</source>
        <translation>党小组管理</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="40"/>
        <source>Party groups of the branch and their members:</source>
        <translation>本支部的党小组及人数：</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="49"/>
        <source>Name of the party group</source>
        <translation>党小组名称</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="51"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="55"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="56"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="57"/>
        <location filename="../../../ui/roster/groups_dialog.py" line="152"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="86"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="93"/>
        <source>{0} ({1} members)</source>
        <translation>{0}（{1} 人）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="128"/>
        <source>Type the name of the new party group first.</source>
        <translation>请先在“名称”里填写新党小组的名称。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="131"/>
        <source>There is already a party group called {0}.</source>
        <translation>已经有名为「{0}」的党小组。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="151"/>
        <source>Delete the party group {0}?</source>
        <translation>确定删除党小组「{0}」吗？</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="152"/>
        <source>Delete party group</source>
        <translation>删除党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/groups_dialog.py" line="175"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="68"/>
        <source>Edit member — {0}</source>
        <translation>修改党员信息 — {0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="68"/>
        <source>Add member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="84"/>
        <source>Status history</source>
        <translation>状态变动记录</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="89"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="95"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="97"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="111"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="112"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="113"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="114"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="115"/>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="116"/>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="117"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="118"/>
        <source>WeChat</source>
        <translation>微信情况</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="119"/>
        <source>Village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="120"/>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="121"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="122"/>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="123"/>
        <source>Joined</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="124"/>
        <source>Confirmed</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="125"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="126"/>
        <source>Status date</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="127"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="148"/>
        <source>Change the status with the Status button of the roster</source>
        <translation>状态变动请在花名册中点“状态”按钮办理，会留下记录</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="182"/>
        <source>Choose, or type a new group name</source>
        <translation>可选择，也可直接输入新的党小组名称</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="189"/>
        <source>Also accepted: 1985/3/2, 1985.3.2, 19850302, 1985年3月2日, 1985年3月</source>
        <translation>也可写成：1985/3/2、1985.3.2、19850302、1985年3月2日、1985年3月</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="310"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="346"/>
        <source>Age: {0}</source>
        <translation>年龄：{0} 岁</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="347"/>
        <source>Party years: {0}</source>
        <translation>党龄：{0} 年</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="348"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="363"/>
        <source>No status changes recorded</source>
        <translation>暂无状态变动记录</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="370"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="371"/>
        <source>{0}  {1} ({2})</source>
        <translation>{0}　{1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/member_dialog.py" line="373"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../../ui/roster/model.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="74"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="75"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="76"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="77"/>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="78"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="79"/>
        <source>WeChat</source>
        <translation>微信情况</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="80"/>
        <source>Village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="81"/>
        <source>Village group</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="82"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="83"/>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="84"/>
        <source>Joined</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="85"/>
        <source>Confirmed</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="86"/>
        <source>Party years</source>
        <translation>党龄</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="88"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="94"/>
        <source>Under 35</source>
        <translation>35 岁以下</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="95"/>
        <source>35 to 59</source>
        <translation>35–59 岁</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="96"/>
        <source>60 to 79</source>
        <translation>60–79 岁</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/model.py" line="97"/>
        <source>80 and over</source>
        <translation>80 岁及以上</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../../ui/roster/page.py" line="93"/>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="100"/>
        <source>Current members</source>
        <translation>在册（正常、流动、失联）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="140"/>
        <source>Search: name, pinyin, initials or phone (Ctrl+F)</source>
        <translation>查找：姓名、拼音、首字母或手机号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="101"/>
        <source>All party groups</source>
        <translation>全部党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="102"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="103"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="104"/>
        <source>All ages</source>
        <translation>全部年龄</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="105"/>
        <source>All WeChat levels</source>
        <translation>全部微信情况</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="108"/>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="148"/>
        <source>Add member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="148"/>
        <source>Ctrl+N</source>
        <translation>快捷键 Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="149"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="149"/>
        <source>Enter or double-click</source>
        <translation>也可按回车键或双击该行</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="150"/>
        <location filename="../../../ui/roster/page.py" line="327"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="150"/>
        <source>Del</source>
        <translation>快捷键 Del</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="151"/>
        <source>Change status</source>
        <translation>状态变动</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="154"/>
        <source>Party groups…</source>
        <translation>党小组…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="155"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="156"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="157"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="178"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="179"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="221"/>
        <source>Loading the roster…</source>
        <translation>正在读取花名册…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="245"/>
        <source>No party group</source>
        <translation>未分党小组</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="292"/>
        <source>{0} members, {1} shown</source>
        <translation>共 {0} 人，显示 {1} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="323"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="325"/>
        <source>{0} and {1} more</source>
        <translation>{0} 等 {1} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="326"/>
        <source>Delete {0} from the roster? You can undo this right afterwards.</source>
        <translation>确定从花名册中删除 {0} 吗？删除后可以马上撤销。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="327"/>
        <source>Delete members</source>
        <translation>删除党员</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="332"/>
        <source>Deleted {0}</source>
        <translation>已删除 {0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="335"/>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="349"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="402"/>
        <source>Exported {0} members to {1}</source>
        <translation>已导出 {0} 人到 {1}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/page.py" line="404"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>RosterPrint</name>
    <message>
        <location filename="../../../ui/roster/printing.py" line="45"/>
        <source>{0} party member roster</source>
        <translation>{0}党员花名册</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="46"/>
        <source>Party member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="105"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机，请检查打印机是否已连接并开机。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="130"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="164"/>
        <source>Printed on {0}</source>
        <translation>打印日期：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="166"/>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页 / 共 {1} 页</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="168"/>
        <source>{0} members</source>
        <translation>共 {0} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="185"/>
        <source>Print preview — {0}</source>
        <translation>打印预览 — {0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="196"/>
        <location filename="../../../ui/roster/printing.py" line="214"/>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="198"/>
        <source>Export the {0} members shown to an Excel (.xlsx) or CSV file.</source>
        <translation>把当前显示的 {0} 名党员导出为 Excel（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="202"/>
        <source>Show full ID numbers (otherwise the middle digits are hidden)</source>
        <translation>显示完整的公民身份号码（不勾选时中间几位用 * 代替）</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="204"/>
        <source>Choose file…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="206"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="211"/>
        <source>roster-{0}.xlsx</source>
        <translation>花名册-{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/printing.py" line="216"/>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="49"/>
        <source>Change status</source>
        <translation>状态变动</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="67"/>
        <source>e.g. moved to work in the city</source>
        <translation>例如：外出务工</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="68"/>
        <source>Action</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="70"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="81"/>
        <source>Apply</source>
        <translation>确定办理</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="92"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="94"/>
        <source>{0} and {1} more</source>
        <translation>{0} 等 {1} 人</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="95"/>
        <source>Members: {0}</source>
        <translation>党员：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="119"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../ui/roster/status_dialog.py" line="137"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
</TS>
