<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AttendanceModel</name>
        <message>
            <location filename="../../../ui/lessons/attendance_model.py" line="54" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/attendance_model.py" line="55" />
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/attendance_model.py" line="56" />
            <source>Attendance</source>
            <translation>考勤</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/attendance_model.py" line="57" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/attendance_model.py" line="176" />
            <source>No party group</source>
            <translation>未分党小组</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/attendance_model.py" line="184" />
            <source>No longer in the study list (status changed or removed from the roster)</source>
            <translation>已不在学习名单中（状态已变更或已从花名册删除）</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="76" />
            <source>Edit study session</source>
            <translation>修改学习活动</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="76" />
            <source>New study session</source>
            <translation>新建学习活动</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="84" />
            <source>Keys: 1 or Space = present, 2 = on leave (then type the reason and press Enter), 3 = absent; the next member is selected by itself. Type letters to find a name.</source>
            <translation>键盘录入：按 1 或空格 = 出席，2 = 请假（接着输入原因并按回车），3 = 缺席，按完自动跳到下一人。直接输入拼音首字母可查找人员。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="115" />
            <source>e.g. November group study</source>
            <translation>例如：11月集中学习</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="117" />
            <source>e.g. village committee meeting room</source>
            <translation>例如：村委会会议室</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="120" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="120" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="121" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="121" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="122" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="151" />
            <source>Find: name or pinyin initials (Ctrl+F)</source>
            <translation>查找：姓名或拼音首字母（Ctrl+F）</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="155" />
            <source>All present</source>
            <translation>全部出席</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="156" />
            <source>Whole group present</source>
            <translation>本组全部出席</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="158" />
            <source>Present (1)</source>
            <translation>出席 (1)</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="158" />
            <source>On leave (2)</source>
            <translation>请假 (2)</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="158" />
            <source>Absent (3)</source>
            <translation>缺席 (3)</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="182" />
            <location filename="../../../ui/lessons/session_dialog.py" line="201" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="184" />
            <source>Save (Ctrl+S)</source>
            <translation>保存 (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="186" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="206" />
            <source>This session no longer exists; it may have been deleted.</source>
            <translation>找不到这次学习活动，可能已被删除。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="214" />
            <source>{0} ({1} min)</source>
            <translation>{0}（{1} 分钟）</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="227" />
            <source>Edit study session — {0}</source>
            <translation>修改学习活动 — {0}</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="234" />
            <source>No members to mark: add members to the roster first.</source>
            <translation>没有需要登记考勤的党员，请先在花名册中添加党员。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="237" />
            <source>Could not load the session.</source>
            <translation>未能读取这次学习活动。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="252" />
            <source>Mark everyone of {0} present</source>
            <translation>把「{0}」的所有人标为出席</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="256" />
            <source>Present {0} · On leave {1} · Absent {2}</source>
            <translation>出席 {0} · 请假 {1} · 缺席 {2}</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="261" />
            <source>Lessons studied ({0} chosen):</source>
            <translation>学习的微党课（已选 {0} 节）：</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="320" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="350" />
            <location filename="../../../ui/lessons/session_dialog.py" line="352" />
            <source>Close without saving</source>
            <translation>不保存，直接关闭</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/session_dialog.py" line="351" />
            <source>The attendance and details entered here have not been saved. Close and lose them?</source>
            <translation>这里录入的考勤和信息还没有保存。确定关闭并放弃吗？</translation>
        </message>
    </context>
    <context>
        <name>SessionsModel</name>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="58" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="59" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="60" />
            <source>Title / place</source>
            <translation>标题 / 地点</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="61" />
            <source>Lessons</source>
            <translation>学习课程</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="62" />
            <source>Present</source>
            <translation>出席</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="63" />
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="64" />
            <source>Absent</source>
            <translation>缺席</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="89" />
            <source>(lesson removed)</source>
            <translation>（课程已删除）</translation>
        </message>
    </context>
    <context>
        <name>SessionsTab</name>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="143" />
            <source>New session</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="143" />
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="144" />
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="144" />
            <source>Enter or double-click</source>
            <translation>回车或双击</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="145" />
            <location filename="../../../ui/lessons/sessions_tab.py" line="274" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="145" />
            <source>Del</source>
            <translation>Del 键</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="148" />
            <location filename="../../../ui/lessons/sessions_tab.py" line="291" />
            <location filename="../../../ui/lessons/sessions_tab.py" line="316" />
            <location filename="../../../ui/lessons/sessions_tab.py" line="320" />
            <source>Print sign-in sheet</source>
            <translation>打印签到表</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="149" />
            <source>A PDF sign-in sheet of the selected session, with its date, place and lessons, to print before it starts</source>
            <translation>生成所选活动的签到表 PDF（含日期、地点和学习课程），可在活动开始前打印</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="164" />
            <source>No study sessions yet. Click "New session" to enter the attendance of a group study or a theme party day.</source>
            <translation>还没有学习活动。点「新建活动」，登记一次集中学习或主题党日的考勤。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="221" />
            <source>Loading the study sessions…</source>
            <translation>正在读取学习活动…</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="233" />
            <source>{0} sessions</source>
            <translation>共 {0} 次活动</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="271" />
            <source>Delete the {0} of {1}? Its attendance is removed, and the study records it gave the {2} members present are voided.</source>
            <translation>删除 {1} 的{0}吗？这次活动的考勤将被删除，为出席的 {2} 人登记的学习记录将被作废。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="274" />
            <source>Delete study session</source>
            <translation>删除学习活动</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="279" />
            <source>Deleting…</source>
            <translation>正在删除…</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="290" />
            <source>sign-in-sheet-{0}.pdf</source>
            <translation>签到表-{0}.pdf</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="306" />
            <source>Writing the sign-in sheet…</source>
            <translation>正在生成签到表…</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="310" />
            <source>Sign-in sheet saved to {0}. &lt;a href="{1}"&gt;Open it&lt;/a&gt; to print.</source>
            <translation>签到表已保存到 {0}。&lt;a href="{1}"&gt;打开文件&lt;/a&gt;即可打印。</translation>
        </message>
        <message>
            <location filename="../../../ui/lessons/sessions_tab.py" line="317" />
            <source>Printing sign-in sheets is not available in this version yet.</source>
            <translation>当前版本还不能打印签到表。</translation>
        </message>
    </context>
</TS>
