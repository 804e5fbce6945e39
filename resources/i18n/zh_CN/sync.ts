<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ConnectionBox</name>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="69" />
            <source>e.g. http://192.168.1.10:8000 (the district gives it)</source>
            <translation>例如 http://192.168.1.10:8000（由区里提供）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="72" />
            <source>Save address</source>
            <translation>保存地址</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="77" />
            <source>Server &amp;address:</source>
            <translation>服务器地址(&amp;A)：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="83" />
            <source>Join the branch…</source>
            <translation>加入支部…</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="96" />
            <source>Join:</source>
            <translation>加入支部：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="102" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="103" />
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="105" />
            <source>0 turns automatic sync off</source>
            <translation>设为 0 即关闭自动同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="107" />
            <source>Syncs by itself every so many minutes while the program is open (0 = off). Without a network it simply tries again later.</source>
            <translation>程序开着时每隔这么多分钟自动同步一次（0 = 关闭）。没有网络时会在下一次自动重试。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="114" />
            <source>Sync &amp;automatically:</source>
            <translation>自动同步(&amp;Z)：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="131" />
            <source>The server no longer accepts this computer. Ask the district for a new enrollment code and join again.</source>
            <translation>服务器已不再认可本机的登记。请向区里要一个新的登记码，重新加入支部。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="141" />
            <source>This computer has joined the branch “{branch}”; it does not need to join again. If the district moves the server, change the address above.</source>
            <translation>本机已加入支部“{branch}”，无需再次加入。如果区里更换了服务器，只需修改上面的地址。</translation>
        </message>
        <message>
            <location filename="../../../ui/sync/connection_box.py" line="166" />
            <source>“{text}” is not a server address. Type the address the district gave, e.g. http://192.168.1.10:8000</source>
            <translation>“{text}”不是有效的服务器地址，请填写区里提供的地址，例如 http://192.168.1.10:8000</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="187" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="85" />
            <source>Join by USB stick…</source>
            <translation>用U盘登记…</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="86" />
            <source>No network: save an enrollment package for the district on a USB stick</source>
            <translation>没有网络时：把登记包存到U盘，交到区里</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="149" />
            <source>Ask the district for an enrollment code. With a network: fill in the server address, then “Join the branch…”. Without one: “Join by USB stick…”.</source>
            <translation>请向区里要一个登记码。有网络时：填好服务器地址，点“加入支部”；没有网络时：点“用U盘登记”。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="135" />
            <source>This computer has joined the branch “{branch}” by USB stick and syncs with sync packages (see “Sync by USB stick”). To sync over the network too, fill in the server address above and save it.</source>
            <translation>这台电脑已用U盘加入“{branch}”支部，用同步包同步（见“用U盘同步”）。如果也要联网同步，请在上面填写服务器地址并保存。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/connection_box.py" line="146" />
            <source>The enrollment package has been exported: import the district's reply with “Import reply…” under “Sync by USB stick”.</source>
            <translation>登记包已导出：拿到区里给的登记回执后，在“用U盘同步”中点“导入回执”。</translation>
        </message>
    </context>
    <context>
        <name>EnrollDialog</name>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="30" />
            <source>Join the branch</source>
            <translation>加入支部</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="34" />
            <source>Type the enrollment code the district gave you. A code works only once: every computer of the branch needs a code of its own.</source>
            <translation>请输入区里给的登记码。每个登记码只能用一次：支部的每台电脑都需要单独的登记码。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="43" />
            <source>District server</source>
            <translation>区里的服务器</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="48" />
            <source>Enrollment code</source>
            <translation>登记码</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="49" />
            <source>&amp;Code</source>
            <translation>登记码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="53" />
            <source>The district sees this name, e.g. 村委会办公室电脑</source>
            <translation>区里看到的就是这个名称，例如：村委会办公室电脑</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="54" />
            <source>This computer's &amp;name</source>
            <translation>本机名称(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="60" />
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_dialog.py" line="81" />
            <source>Joining the branch…</source>
            <translation>正在加入支部……</translation>
        </message>
    </context>
    <context>
        <name>IssuesList</name>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="85" />
            <source>Show resolved conflicts</source>
            <translation>显示已处理的冲突</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="106" />
            <source>{conflicts} conflict(s) and {rejected} refused row(s) need a decision.</source>
            <translation>有 {conflicts} 个冲突、{rejected} 条被拒记录需要处理。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="110" />
            <source>✔ No conflicts and no refused rows: nothing to do here.</source>
            <translation>✔ 没有冲突，也没有被拒的记录，无需处理。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="120" />
            <source>Resolved conflict: {what}</source>
            <translation>已处理的冲突：{what}</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="122" />
            <source>Conflict: {what}</source>
            <translation>冲突：{what}</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="123" />
            <source>Choose which value is right; the choice reaches the other computers with the next sync.</source>
            <translation>请选择哪个值是对的；下次同步时，您的选择会同步到其他电脑。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="129" />
            <source>Keep the current value</source>
            <translation>保留当前值</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="131" />
            <source>Put the other computer's value back</source>
            <translation>恢复另一台电脑的值</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="137" />
            <source>Refused by the server {when}. Correct the row and upload it again, or discard the change made here.</source>
            <translation>服务器于 {when} 拒收。请改正这条记录后重新上传，或放弃本机的修改。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="139" />
            <source>Refused: {what}</source>
            <translation>被拒：{what}</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="143" />
            <source>Upload again</source>
            <translation>重新上传</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/issues_list.py" line="145" />
            <source>Discard the change made here…</source>
            <translation>放弃本地修改…</translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="52" />
            <source>Sync now (F5)</source>
            <translation>立即同步 (F5)</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="57" />
            <source>Upload this computer's changes and download the others' (F5)</source>
            <translation>上传本机的修改，并下载其他电脑的修改（F5）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="68" />
            <source>Changes to upload</source>
            <translation>待上传（条）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="69" />
            <source>Conflicts to look at</source>
            <translation>待处理的冲突</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="70" />
            <source>Rows the server refused</source>
            <translation>被拒收（条）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="84" />
            <source>District server:</source>
            <translation>区里的服务器：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="85" />
            <source>Branch:</source>
            <translation>支部：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="86" />
            <source>This computer:</source>
            <translation>本机名称：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="88" />
            <source>Last successful sync:</source>
            <translation>上次成功同步：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="89" />
            <source>Last attempt:</source>
            <translation>上次尝试同步：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="110" />
            <source>(not set)</source>
            <translation>（未设置）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="116" />
            <source>(not set — type the address the district gave below)</source>
            <translation>（未设置，请在下面填写区里提供的地址）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="117" />
            <source>(not joined yet)</source>
            <translation>（尚未加入）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="122" />
            <location filename="../../work/main/ui/sync/status_panel.py" line="123" />
            <source>Never</source>
            <translation>从未</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="127" />
            <source>waiting for the next sync</source>
            <translation>等待下次同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="130" />
            <location filename="../../work/main/ui/sync/status_panel.py" line="131" />
            <source>see the list below</source>
            <translation>见下方列表</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="138" />
            <source>The last sync did not succeed: {message}</source>
            <translation>上次同步没有成功：{message}</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="140" />
            <source>The district server does not answer right now. Check the network connection; everything is kept on this computer and goes up at the next sync.</source>
            <translation>现在连不上区里的服务器。请检查网络连接；数据都保存在本机，下次同步时上传。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="162" />
            <source>Syncing…</source>
            <translation>同步中…</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="164" />
            <source>Loading…</source>
            <translation>正在读取……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="170" />
            <source>Not joined to the district server yet</source>
            <translation>尚未加入区里的服务器</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="172" />
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="174" />
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="176" />
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="87" />
            <source>Sync packages:</source>
            <translation>同步包：</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="113" />
            <source>(none — this computer syncs by USB stick; to sync over the network, type the address the district gave below)</source>
            <translation>（无：这台电脑用U盘同步；如要联网同步，请在下面填写区里提供的地址）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/status_panel.py" line="125" />
            <source>%n in a sync package, waiting for the reply</source>
            <translation>
                <numerusform>其中 %n 条已导出，等区里的回执</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="152" />
            <source>none exported yet</source>
            <translation>还没有导出过</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="153" />
            <source>No. {number} exported last</source>
            <translation>最近导出第 {number} 号</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="154" />
            <source>, reply No. {number} imported</source>
            <translation>，已导入第 {number} 号回执</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="155" />
            <source>, no reply imported yet</source>
            <translation>，还没有导入过回执</translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/status_panel.py" line="157" />
            <source>; %n record(s) wait for the district's reply</source>
            <translation>
                <numerusform>；%n 条记录在等区里的回执</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="166" />
            <source>Syncs by sync package (USB stick)</source>
            <translation>用同步包（U盘）同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/status_panel.py" line="168" />
            <source>Waiting for the district's enrollment reply</source>
            <translation>等待区里的登记回执</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="83" />
            <source>Click to open the Sync page.</source>
            <translation>点击打开“数据同步”页。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="86" />
            <source>Syncing…</source>
            <translation>同步中…</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="88" />
            <source>Sync</source>
            <translation>数据同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="90" />
            <source>Not set up for sync</source>
            <translation>未设置同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="91" />
            <source>This computer has not joined the district server yet.</source>
            <translation>本机尚未加入区里的服务器。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="96" />
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/indicator.py" line="99" />
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n 个冲突</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/indicator.py" line="102" />
            <source>%n rejected</source>
            <translation>
                <numerusform>%n 条被拒</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/indicator.py" line="109" />
            <source>%n to upload</source>
            <translation>
                <numerusform>待上传 %n 条</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="112" />
            <source>Last successful sync: {time}</source>
            <translation>上次成功同步：{time}</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="113" />
            <source>Never synced yet.</source>
            <translation>尚未成功同步过。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="120" />
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="121" />
            <source>Synced {time}</source>
            <translation>已同步 {time}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/indicator.py" line="106" />
            <source>%n awaiting the reply</source>
            <translation>
                <numerusform>等回执 %n 条</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/indicator.py" line="115" />
            <source>This computer syncs by sync package (USB stick).</source>
            <translation>这台电脑用同步包（U盘）同步。</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="64" />
            <source>Conflicts and refused rows</source>
            <translation>冲突与被拒记录</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="67" />
            <source>Connection</source>
            <translation>连接设置</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="107" />
            <source>Sync</source>
            <translation>数据同步</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="123" />
            <source>Reading the sync state…</source>
            <translation>正在读取同步状态……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="162" />
            <source>This computer has not joined the branch yet: fill in the server address and press “Join the branch…” first.</source>
            <translation>本机还没有加入支部：请先填写服务器地址，再点“加入支部…”。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="167" />
            <source>A sync is already running; wait for it to finish.</source>
            <translation>正在同步，请等这次同步完成。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="181" />
            <source>✔ Sync finished: uploaded {pushed}, downloaded {pulled}, {conflicts} conflict(s), {rejected} refused.</source>
            <translation>✔ 同步完成：上传 {pushed} 条，下载 {pulled} 条，冲突 {conflicts} 条，被拒 {rejected} 条。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="194" />
            <location filename="../../work/main/ui/sync/page.py" line="282" />
            <source>Saving…</source>
            <translation>正在保存……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="216" />
            <source>✔ This computer has joined the branch “{branch}”. The first sync starts now.</source>
            <translation>✔ 本机已加入支部“{branch}”，现在开始第一次同步。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="249" />
            <source>✔ The current value is kept.</source>
            <translation>✔ 已保留当前值。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="250" />
            <source>✔ The other computer's value is back; it is uploaded at the next sync.</source>
            <translation>✔ 已恢复另一台电脑的值，下次同步时上传。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="255" />
            <source>✔ The row is uploaded again at the next sync.</source>
            <translation>✔ 下次同步时会重新上传这条记录。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="259" />
            <source>Discard this computer's change?</source>
            <translation>放弃本机的修改？</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="260" />
            <source>The change made on this computer to {what} is no longer uploaded. The server's version replaces it at the next sync (a row the server never had stays on this computer only). This cannot be undone.</source>
            <translation>本机对 {what} 的修改将不再上传，下次同步时由服务器上的版本替换（服务器上没有的记录只保留在本机）。此操作不能撤销。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="263" />
            <source>Discard the change</source>
            <translation>放弃修改</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="267" />
            <source>✔ The change is no longer uploaded; the server's version comes at the next sync.</source>
            <translation>✔ 已放弃本地修改，下次同步时取回服务器上的版本。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="286" />
            <source>Could not finish</source>
            <translation>未能完成</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="53" />
            <source>Exchanges this branch's data with the district server, over the network or by USB stick. Without a network everything keeps working and is kept on this computer; it is uploaded at the next sync.</source>
            <translation>与区里的服务器交换本支部的数据：联网同步，或用U盘带同步包。没有网络时一切照常使用，数据保存在本机，下次同步时上传。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="74" />
            <source>Sync by USB stick (sync package)</source>
            <translation>用U盘同步（同步包）</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/page.py" line="156" />
            <source>This computer syncs by USB stick and has no server address. To sync over the network, fill in the server address the district gave under “Connection” and save it; without a network, use “Export sync package (USB stick)…”.</source>
            <translation>这台电脑用U盘同步，没有服务器地址。如要联网同步，请在下面“连接设置”中填写区里提供的服务器地址并保存；没有网络时，请点“导出同步包（U盘）”。</translation>
        </message>
    </context>
    <context>
        <name>SyncScheduler</name>
        <message>
            <location filename="../../work/main/ui/sync/auto_sync.py" line="143" />
            <source>Syncing with the district server…</source>
            <translation>正在与区里的服务器同步……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/auto_sync.py" line="178" />
            <source>The sync stopped because of an unexpected error. Nothing was lost; it will be tried again. If it keeps happening, tell the district.</source>
            <translation>同步因意外错误中断，数据没有丢失，稍后会再试。如果一直这样，请告诉区里。</translation>
        </message>
    </context>
    <context>
        <name>EnrollPackageDialog</name>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="19" />
            <source>Join by USB stick</source>
            <translation>用U盘登记</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="23" />
            <source>For a computer with no network. Type the enrollment code the district gave you; the next step saves an enrollment package (a file) on a USB stick. Take it to the district's organization department, bring their reply file back, and press “Import reply…”. A code works only once.</source>
            <translation>适用于没有网络的电脑。请填写区里给的登记码，下一步会把登记包（一个文件）保存到U盘。请把U盘带到区委组织部，处理后把登记回执带回来，点“导入回执”。一个登记码只能用一次。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="36" />
            <source>Enrollment code</source>
            <translation>登记码</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="37" />
            <source>&amp;Code</source>
            <translation>登记码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="41" />
            <source>The district sees this name, e.g. 村委会办公室电脑</source>
            <translation>区里看到的就是这个名称，例如：村委会办公室电脑</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="42" />
            <source>This computer's &amp;name</source>
            <translation>本机名称(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/enroll_package_dialog.py" line="45" />
            <source>Save the enrollment package…</source>
            <translation>保存登记包…</translation>
        </message>
    </context>
    <context>
        <name>PackageActions</name>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="70" />
            <source>Sync package (*.zbsync);;All files (*)</source>
            <translation>同步包 (*.zbsync);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="84" />
            <source>Import the district's reply</source>
            <translation>导入区里给的回执</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="98" />
            <source>branch</source>
            <translation>支部</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="99" />
            <source>sync-package-{branch}-{date}.zbsync</source>
            <translation>同步包-{branch}-{date}.zbsync</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="100" />
            <source>Save the sync package</source>
            <translation>保存同步包</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="107" />
            <source>Sync package No. {number} ({records} records) is saved to {path}. Take the USB stick to the district's organization department; when they have processed it, bring the reply file back and press “Import reply…”.</source>
            <translation>第 {number} 号同步包（{records} 条记录）已保存到 {path}。请把U盘带到区委组织部，处理后把回执文件带回来，点“导入回执”。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="111" />
            <source>Sync package No. {number} is saved to {path}. There are no changes to upload; its reply brings what the district has for this branch. Take the USB stick to the district's organization department, bring the reply file back and press “Import reply…”.</source>
            <translation>第 {number} 号同步包已保存到 {path}。本机没有待上传的修改，回执会带回区里给本支部的新内容。请把U盘带到区委组织部，处理后把回执文件带回来，点“导入回执”。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="118" />
            <source>Writing the sync package…</source>
            <translation>正在导出同步包……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="140" />
            <source>enrollment-package-{date}.zbsync</source>
            <translation>登记包-{date}.zbsync</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="141" />
            <source>Save the enrollment package</source>
            <translation>保存登记包</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="147" />
            <source>The enrollment package is saved to {path}. Take the USB stick to the district's organization department; when they have processed it, bring the enrollment reply back and press “Import reply…”.</source>
            <translation>登记包已保存到 {path}。请把U盘带到区委组织部，处理后把登记回执带回来，点“导入回执”。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="153" />
            <source>Writing the enrollment package…</source>
            <translation>正在导出登记包……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="175" />
            <source>Importing the reply…</source>
            <translation>正在导入回执……</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="181" />
            <source>A sync is running; wait for it to finish, then try again.</source>
            <translation>正在同步，请等它结束后再试。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_actions.py" line="217" />
            <source>Cancelled; nothing was written.</source>
            <translation>已取消，没有写入任何数据。</translation>
        </message>
    </context>
    <context>
        <name>PackageBox</name>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="56" />
            <source>No network? Take the changes to the district on a USB stick: export a sync package, have it processed at the district's organization department, then import the reply file they give you.</source>
            <translation>没有网络？用U盘把本机的修改带到区里：导出同步包，交到区委组织部处理，再把区里给的回执文件导入这台电脑。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="63" />
            <source>Export sync package (USB stick)…</source>
            <translation>导出同步包（U盘）…</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="64" />
            <source>Write this computer's changes to a file for the district</source>
            <translation>把本机的修改写到一个文件里，交给区里</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="66" />
            <source>Import reply…</source>
            <translation>导入回执…</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="67" />
            <source>Import the reply file the district made from a sync or enrollment package</source>
            <translation>导入区里处理同步包或登记包后给的回执文件</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="96" />
            <source>The enrollment package has been exported. When the district gives you its reply, press “Import reply…”.</source>
            <translation>登记包已导出。拿到区里给的登记回执后，点“导入回执”。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="107" />
            <source>No sync package has been exported from this computer yet.</source>
            <translation>这台电脑还没有导出过同步包。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="101" />
            <source>Next: when the district gives you the reply to sync package No. {number}, press “Import reply…”.</source>
            <translation>下一步：拿到区里给的第 {number} 号同步包的回执后，点“导入回执”。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../work/main/ui/sync/package_box.py" line="104" />
            <source>%n change(s) to take to the district: press “Export sync package (USB stick)…”.</source>
            <translation>
                <numerusform>有 %n 条修改要交到区里：请点“导出同步包（U盘）”。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="108" />
            <source>Everything has reached the district. A new package also brings back what the district has for this branch, such as new lessons.</source>
            <translation>本机的修改都已交到区里。再导出一个同步包，也能带回区里给本支部的新内容（例如新的微党课）。</translation>
        </message>
        <message>
            <location filename="../../work/main/ui/sync/package_box.py" line="98" />
            <source>This computer has not joined the branch yet. Without a network, join with “Join by USB stick…” under “Connection” first.</source>
            <translation>这台电脑还没有加入支部。没有网络时，请先在“连接设置”中点“用U盘登记”。</translation>
        </message>
    </context>
</TS>
