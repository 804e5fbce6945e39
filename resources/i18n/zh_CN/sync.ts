<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ConnectionBox</name>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="85" />
            <source>e.g. http://192.168.1.10:8000 (the district gives it)</source>
            <translation>例如 http://192.168.1.10:8000（由区里提供）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="88" />
            <source>Save address</source>
            <translation>保存地址</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="93" />
            <source>Server &amp;address:</source>
            <translation>服务器地址(&amp;A)：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="99" />
            <source>Join the branch…</source>
            <translation>加入支部…</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="107" />
            <source>Join:</source>
            <translation>加入支部：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="113" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="114" />
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="116" />
            <source>0 turns automatic sync off</source>
            <translation>设为 0 即关闭自动同步</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="118" />
            <source>Syncs by itself every so many minutes while the program is open (0 = off). Without a network it simply tries again later.</source>
            <translation>程序开着时每隔这么多分钟自动同步一次（0 = 关闭）。没有网络时会在下一次自动重试。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="125" />
            <source>Sync &amp;automatically:</source>
            <translation>自动同步(&amp;Z)：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="140" />
            <source>The server no longer accepts this computer. Ask the district for a new enrollment code and join again.</source>
            <translation>服务器已不再认可本机的登记。请向区里要一个新的登记码，重新加入支部。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="144" />
            <source>This computer has joined the branch “{branch}”; it does not need to join again. If the district moves the server, change the address above.</source>
            <translation>本机已加入支部“{branch}”，无需再次加入。如果区里更换了服务器，只需修改上面的地址。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="149" />
            <source>Ask the district for an enrollment code, fill in the server address, then join.</source>
            <translation>请向区里要一个登记码，填好服务器地址，然后点“加入支部”。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="166" />
            <source>“{text}” is not a server address. Type the address the district gave, e.g. http://192.168.1.10:8000</source>
            <translation>“{text}”不是有效的服务器地址，请填写区里提供的地址，例如 http://192.168.1.10:8000</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="188" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>EnrollDialog</name>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="30" />
            <source>Join the branch</source>
            <translation>加入支部</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="34" />
            <source>Type the enrollment code the district gave you. A code works only once: every computer of the branch needs a code of its own.</source>
            <translation>请输入区里给的登记码。每个登记码只能用一次：支部的每台电脑都需要单独的登记码。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="43" />
            <source>District server</source>
            <translation>区里的服务器</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="48" />
            <source>Enrollment code</source>
            <translation>登记码</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="49" />
            <source>&amp;Code</source>
            <translation>登记码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="53" />
            <source>The district sees this name, e.g. 村委会办公室电脑</source>
            <translation>区里看到的就是这个名称，例如：村委会办公室电脑</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="54" />
            <source>This computer's &amp;name</source>
            <translation>本机名称(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="60" />
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/enroll_dialog.py" line="81" />
            <source>Joining the branch…</source>
            <translation>正在加入支部……</translation>
        </message>
    </context>
    <context>
        <name>IssuesList</name>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="85" />
            <source>Show resolved conflicts</source>
            <translation>显示已处理的冲突</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="106" />
            <source>{conflicts} conflict(s) and {rejected} refused row(s) need a decision.</source>
            <translation>有 {conflicts} 个冲突、{rejected} 条被拒记录需要处理。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="110" />
            <source>✔ No conflicts and no refused rows: nothing to do here.</source>
            <translation>✔ 没有冲突，也没有被拒的记录，无需处理。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="120" />
            <source>Resolved conflict: {what}</source>
            <translation>已处理的冲突：{what}</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="122" />
            <source>Conflict: {what}</source>
            <translation>冲突：{what}</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="123" />
            <source>Choose which value is right; the choice reaches the other computers with the next sync.</source>
            <translation>请选择哪个值是对的；下次同步时，您的选择会同步到其他电脑。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="129" />
            <source>Keep the current value</source>
            <translation>保留当前值</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="131" />
            <source>Put the other computer's value back</source>
            <translation>恢复另一台电脑的值</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="137" />
            <source>Refused by the server {when}. Correct the row and upload it again, or discard the change made here.</source>
            <translation>服务器于 {when} 拒收。请改正这条记录后重新上传，或放弃本机的修改。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="139" />
            <source>Refused: {what}</source>
            <translation>被拒：{what}</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="143" />
            <source>Upload again</source>
            <translation>重新上传</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/issues_list.py" line="145" />
            <source>Discard the change made here…</source>
            <translation>放弃本地修改…</translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="46" />
            <source>Sync now (F5)</source>
            <translation>立即同步 (F5)</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="51" />
            <source>Upload this computer's changes and download the others' (F5)</source>
            <translation>上传本机的修改，并下载其他电脑的修改（F5）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="62" />
            <source>Changes to upload</source>
            <translation>待上传（条）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="63" />
            <source>Conflicts to look at</source>
            <translation>待处理的冲突</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="64" />
            <source>Rows the server refused</source>
            <translation>被拒收（条）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="77" />
            <source>District server:</source>
            <translation>区里的服务器：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="78" />
            <source>Branch:</source>
            <translation>支部：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="79" />
            <source>This computer:</source>
            <translation>本机名称：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="80" />
            <source>Last successful sync:</source>
            <translation>上次成功同步：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="81" />
            <source>Last attempt:</source>
            <translation>上次尝试同步：</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="100" />
            <source>(not set)</source>
            <translation>（未设置）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="101" />
            <source>(not set — type the address the district gave below)</source>
            <translation>（未设置，请在下面填写区里提供的地址）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="102" />
            <source>(not joined yet)</source>
            <translation>（尚未加入）</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="104" />
            <location filename="../../../ui/sync/status_panel.py" line="105" />
            <source>Never</source>
            <translation>从未</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="106" />
            <source>waiting for the next sync</source>
            <translation>等待下次同步</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="108" />
            <location filename="../../../ui/sync/status_panel.py" line="109" />
            <source>see the list below</source>
            <translation>见下方列表</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="116" />
            <source>The last sync did not succeed: {message}</source>
            <translation>上次同步没有成功：{message}</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="118" />
            <source>The district server does not answer right now. Check the network connection; everything is kept on this computer and goes up at the next sync.</source>
            <translation>现在连不上区里的服务器。请检查网络连接；数据都保存在本机，下次同步时上传。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="130" />
            <source>Syncing…</source>
            <translation>同步中…</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="132" />
            <source>Loading…</source>
            <translation>正在读取……</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="134" />
            <source>Not joined to the district server yet</source>
            <translation>尚未加入区里的服务器</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="136" />
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="138" />
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/status_panel.py" line="140" />
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="82" />
            <source>Click to open the Sync page.</source>
            <translation>点击打开“数据同步”页。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="85" />
            <source>Syncing…</source>
            <translation>同步中…</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="87" />
            <source>Sync</source>
            <translation>数据同步</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="89" />
            <source>Not set up for sync</source>
            <translation>未设置同步</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="90" />
            <source>This computer has not joined the district server yet.</source>
            <translation>本机尚未加入区里的服务器。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="95" />
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../ui/sync/indicator.py" line="98" />
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n 个冲突</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../ui/sync/indicator.py" line="101" />
            <source>%n rejected</source>
            <translation>
                <numerusform>%n 条被拒</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../ui/sync/indicator.py" line="104" />
            <source>%n to upload</source>
            <translation>
                <numerusform>待上传 %n 条</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="107" />
            <source>Last successful sync: {time}</source>
            <translation>上次成功同步：{time}</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="108" />
            <source>Never synced yet.</source>
            <translation>尚未成功同步过。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="113" />
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/indicator.py" line="114" />
            <source>Synced {time}</source>
            <translation>已同步 {time}</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <location filename="../../../ui/sync/page.py" line="48" />
            <source>Exchanges this branch's data with the district server. Without a network everything keeps working and is kept on this computer; it is uploaded at the next sync.</source>
            <translation>与区里的服务器交换本支部的数据。没有网络时一切照常使用，数据保存在本机，下次同步时上传。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="59" />
            <source>Conflicts and refused rows</source>
            <translation>冲突与被拒记录</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="62" />
            <source>Connection</source>
            <translation>连接设置</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="90" />
            <source>Sync</source>
            <translation>数据同步</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="106" />
            <source>Reading the sync state…</source>
            <translation>正在读取同步状态……</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="131" />
            <source>This computer has not joined the branch yet: fill in the server address and press “Join the branch…” first.</source>
            <translation>本机还没有加入支部：请先填写服务器地址，再点“加入支部…”。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="136" />
            <source>A sync is already running; wait for it to finish.</source>
            <translation>正在同步，请等这次同步完成。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="150" />
            <source>✔ Sync finished: uploaded {pushed}, downloaded {pulled}, {conflicts} conflict(s), {rejected} refused.</source>
            <translation>✔ 同步完成：上传 {pushed} 条，下载 {pulled} 条，冲突 {conflicts} 条，被拒 {rejected} 条。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="163" />
            <location filename="../../../ui/sync/page.py" line="225" />
            <source>Saving…</source>
            <translation>正在保存……</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="185" />
            <source>✔ This computer has joined the branch “{branch}”. The first sync starts now.</source>
            <translation>✔ 本机已加入支部“{branch}”，现在开始第一次同步。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="192" />
            <source>✔ The current value is kept.</source>
            <translation>✔ 已保留当前值。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="193" />
            <source>✔ The other computer's value is back; it is uploaded at the next sync.</source>
            <translation>✔ 已恢复另一台电脑的值，下次同步时上传。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="198" />
            <source>✔ The row is uploaded again at the next sync.</source>
            <translation>✔ 下次同步时会重新上传这条记录。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="202" />
            <source>Discard this computer's change?</source>
            <translation>放弃本机的修改？</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="203" />
            <source>The change made on this computer to {what} is no longer uploaded. The server's version replaces it at the next sync (a row the server never had stays on this computer only). This cannot be undone.</source>
            <translation>本机对 {what} 的修改将不再上传，下次同步时由服务器上的版本替换（服务器上没有的记录只保留在本机）。此操作不能撤销。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="206" />
            <source>Discard the change</source>
            <translation>放弃修改</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="210" />
            <source>✔ The change is no longer uploaded; the server's version comes at the next sync.</source>
            <translation>✔ 已放弃本地修改，下次同步时取回服务器上的版本。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/page.py" line="229" />
            <source>Could not finish</source>
            <translation>未能完成</translation>
        </message>
    </context>
    <context>
        <name>SyncScheduler</name>
        <message>
            <location filename="../../../ui/sync/auto_sync.py" line="142" />
            <source>Syncing with the district server…</source>
            <translation>正在与区里的服务器同步……</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/auto_sync.py" line="177" />
            <source>The sync stopped because of an unexpected error. Nothing was lost; it will be tried again. If it keeps happening, tell the district.</source>
            <translation>同步因意外错误中断，数据没有丢失，稍后会再试。如果一直这样，请告诉区里。</translation>
        </message>
    </context>
</TS>
