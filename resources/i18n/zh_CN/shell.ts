<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../../ui/pages/home.py" line="114"/>
        <location filename="../../../ui/pages/home.py" line="197"/>
        <source>Your branch</source>
        <translation>本支部</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="121"/>
        <source>Members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="122"/>
        <source>Full members</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="123"/>
        <source>Probationary members</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="124"/>
        <source>Aged 60 and over</source>
        <translation>60岁及以上</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="126"/>
        <source>Without WeChat</source>
        <translation>不会用微信</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="121"/>
        <source>Not counting transferred or deceased</source>
        <translation>不含转出、去世的党员</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="126"/>
        <source>No phone, basic phone, or not using WeChat</source>
        <translation>无手机、老年机或未用微信</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="134"/>
        <source>Probation ends within 30 days</source>
        <translation>30天内预备期满</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="135"/>
        <location filename="../../../ui/pages/home.py" line="137"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="135"/>
        <source>Probation ends</source>
        <translation>预备期满日期</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="135"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="136"/>
        <source>Mobile or out of contact</source>
        <translation>流动党员和失联党员</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="137"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="137"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="137"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="138"/>
        <source>Recent changes</source>
        <translation>最近改动</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="139"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="139"/>
        <source>Change</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="176"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="192"/>
        <source>Loading the overview…</source>
        <translation>正在读取支部概况…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="199"/>
        <source>Today: {date}</source>
        <translation>今天：{date}</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="210"/>
        <source>No probation period ends in the next 30 days.</source>
        <translation>30天内没有预备期满的党员。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../ui/pages/home.py" line="215"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已超过 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="217"/>
        <source>Ends today</source>
        <translation>今天期满</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../ui/pages/home.py" line="219"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还有 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="229"/>
        <source>Every member is at home and in contact.</source>
        <translation>没有流动或失联的党员。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="231"/>
        <source>Mobile</source>
        <translation>流动</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="231"/>
        <source>Out of contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/home.py" line="244"/>
        <source>Nothing has been changed yet.</source>
        <translation>还没有任何改动。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../ui/main_window.py" line="33"/>
        <location filename="../../../ui/pages/settings.py" line="292"/>
        <source>Zhibu Desk</source>
        <translation>支部工作台</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../../ui/messages.py" line="31"/>
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../../../ui/messages.py" line="37"/>
        <source>An unexpected error occurred. Nothing was saved half-way; please try again. If it happens again, send the details below to the district.</source>
        <translation>发生了意外错误，操作没有完成，数据没有被改动。请再试一次；如果仍然出错，请把下面的详细信息发给县（区）委组织部。</translation>
    </message>
    <message>
        <location filename="../../../ui/messages.py" line="53"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../../ui/pages/settings.py" line="110"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="160"/>
        <source>Language and text size</source>
        <translation>语言和字号</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="148"/>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="148"/>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="148"/>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="156"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="158"/>
        <source>&amp;Text size:</source>
        <translation>字号(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="159"/>
        <source>Sample:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="175"/>
        <source>Branch</source>
        <translation>支部信息</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="167"/>
        <source>&amp;Save branch details</source>
        <translation>保存支部信息(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="171"/>
        <source>Branch &amp;name (required):</source>
        <translation>支部名称（必填）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="172"/>
        <source>Township or street:</source>
        <translation>乡镇/街道：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="173"/>
        <source>County or district:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="207"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="178"/>
        <source>Back up automatically once a day when the program starts</source>
        <translation>每天启动程序时自动备份一次</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="181"/>
        <source>The newest {count} backups are kept; older ones are removed.</source>
        <translation>保留最近 {count} 份备份，更早的会自动删除。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="182"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="186"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="186"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="186"/>
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="195"/>
        <source>&amp;Restore the selected backup…</source>
        <translation>从选中的备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="197"/>
        <source>Restore from a &amp;file…</source>
        <translation>从其他文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="205"/>
        <source>Before a restore, the current data is saved as a backup first, so a restore can always be undone.</source>
        <translation>恢复之前，程序会先把当前数据另存为一份备份，所以恢复之后还能改回来。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="219"/>
        <source>Data folder</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="211"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="207"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="215"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="216"/>
        <source>Folder:</source>
        <translation>所在文件夹：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="217"/>
        <source>Backups folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="234"/>
        <source>Loading the settings…</source>
        <translation>正在读取设置…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="144"/>
        <source>Saved. The new language is used after you close Zhibu Desk and start it again.</source>
        <translation>已保存。关闭支部工作台并重新打开后，才会换成新的界面语言。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="276"/>
        <source>Please enter the branch name.</source>
        <translation>请填写支部名称。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="289"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="294"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="309"/>
        <source>Backup written: {path}</source>
        <translation>已备份到：{path}</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="318"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="323"/>
        <location filename="../../../ui/pages/settings.py" line="339"/>
        <location filename="../../../ui/pages/settings.py" line="362"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="323"/>
        <source>Please choose a backup in the list first.</source>
        <translation>请先在列表中选中一份备份。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="329"/>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="330"/>
        <source>Database backups (*.db);;All files (*)</source>
        <translation>数据库备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="339"/>
        <source>This is the database in use now, not a backup. Please choose a backup file.</source>
        <translation>这是正在使用的数据库，不是备份。请选择一份备份文件。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="350"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="358"/>
        <source>Restore the backup made at {time}?

All current data will be replaced by the data in this backup ({file}). Before that, the current data is saved as a backup, so nothing is lost.</source>
        <translation>要恢复 {time} 的备份吗？

当前的全部数据将被这份备份（{file}）中的数据替换。替换之前，程序会先把当前数据另存为一份备份，不会丢失。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="362"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="377"/>
        <source>The data from {time} has been restored.</source>
        <translation>已恢复到 {time} 的数据。</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="379"/>
        <source>The data as it was before the restore is saved as:
{path}</source>
        <translation>恢复之前的数据已另存为：
{path}</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="382"/>
        <source>Restore finished</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <location filename="../../../ui/pages/settings.py" line="384"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../../ui/tasks.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../../ui/welcome.py" line="39"/>
        <location filename="../../../ui/welcome.py" line="42"/>
        <source>Welcome to Zhibu Desk</source>
        <translation>欢迎使用支部工作台</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="48"/>
        <source>Zhibu Desk keeps your branch&apos;s roster on this computer. To begin, enter your branch&apos;s details below. If you would like to look around first, open a demo branch with made-up members.</source>
        <translation>支部工作台把本支部的党员花名册保存在这台电脑上。请先在下面填写支部信息。如果想先熟悉一下，可以打开一个演示支部，里面都是虚构的党员。</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="54"/>
        <source>for example: 河东村党支部</source>
        <translation>例如：河东村党支部</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="56"/>
        <source>for example: 柳林镇</source>
        <translation>例如：柳林镇</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="58"/>
        <source>for example: 汤阴县</source>
        <translation>例如：汤阴县</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="60"/>
        <source>Branch &amp;name (required):</source>
        <translation>支部名称（必填）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="61"/>
        <source>&amp;Township or street:</source>
        <translation>乡镇/街道(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="62"/>
        <source>C&amp;ounty or district:</source>
        <translation>区县(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="67"/>
        <source>The data will be saved in: {path}</source>
        <translation>数据将保存在：{path}</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="72"/>
        <source>&amp;Create my branch</source>
        <translation>创建本支部(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="75"/>
        <source>Open a &amp;demo branch</source>
        <translation>打开演示支部(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="77"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="101"/>
        <source>Please enter the branch name, for example 河东村党支部.</source>
        <translation>请填写支部名称，例如“河东村党支部”。</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="108"/>
        <source>Creating the branch…</source>
        <translation>正在创建支部…</translation>
    </message>
    <message>
        <location filename="../../../ui/welcome.py" line="114"/>
        <source>Creating the demo branch…</source>
        <translation>正在创建演示支部…</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../../ui/forms.py" line="141"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../../ui/forms.py" line="151"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../../ui/forms.py" line="157"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../ui/forms.py" line="181"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../../ui/forms.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PdfSaver</name>
    <message>
        <location filename="../../../ui/notice.py" line="59"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../ui/notice.py" line="50"/>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../../ui/notice.py" line="51"/>
        <source>Saved to {0}. &lt;a href="{1}"&gt;Open it&lt;/a&gt; to print.</source>
        <translation>已保存到 {0}。&lt;a href="{1}"&gt;打开&lt;/a&gt;后即可打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/notice.py" line="52"/>
        <source>Printing this is not available in this version yet.</source>
        <translation>此版本暂不支持打印这一项。</translation>
    </message>
</context>
<context>
    <name>VoidingDialog</name>
    <message>
        <location filename="../../../ui/forms.py" line="101"/>
        <source>Reason (required), e.g. wrong date</source>
        <translation>作废原因（必填），例如：日期填错</translation>
    </message>
    <message>
        <location filename="../../../ui/forms.py" line="103"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../../ui/about_dialog.py" line="66"/>
        <source>About Zhibu Desk</source>
        <translation>关于支部工作台</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="74"/>
        <source>Zhibu Desk</source>
        <translation>支部工作台</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="79"/>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="80"/>
        <source>Roster, pairing, micro-lesson study and QR material for rural party branch offices.</source>
        <translation>为农村党支部办公室而做：花名册、结对帮扶、微党课学习和二维码物料。</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="91"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="92"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="93"/>
        <source>Program folder:</source>
        <translation>程序文件夹：</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="94"/>
        <source>Chinese font:</source>
        <translation>中文字体：</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="95"/>
        <source>Components:</source>
        <translation>组件版本：</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="106"/>
        <source>&amp;Copy details</source>
        <translation>复制信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="120"/>
        <source>none found — Chinese may show as boxes</source>
        <translation>未找到——中文可能显示为方框</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="122"/>
        <source>{file} (shipped with the program)</source>
        <translation>{file}（随程序附带）</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="123"/>
        <source>{file} (installed on this computer)</source>
        <translation>{file}（本机已安装）</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="127"/>
        <source>The Chinese font shipped with the program is WenQuanYi Micro Hei (文泉驿微米黑), © 2008–2009 The WenQuanYi Project Board of Trustees, based on Droid Sans Fallback © Google. It is licensed under the Apache License 2.0, or the GNU GPL version 3 or later with the font embedding exception, at your choice.</source>
        <translation>随程序附带的中文字体是文泉驿微米黑（WenQuanYi Micro Hei），© 2008–2009 文泉驿项目理事会，基于 Google 的 Droid Sans Fallback 字体。可任选 Apache 许可证 2.0 版，或带字体嵌入例外条款的 GNU GPL 第 3 版（或更高版本）使用。</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="134"/>
        <source>The licence text is in {path}.</source>
        <translation>许可证全文见 {path}。</translation>
    </message>
    <message>
        <location filename="../../../ui/about_dialog.py" line="145"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
</TS>
