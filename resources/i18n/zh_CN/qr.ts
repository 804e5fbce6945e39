<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="24"/>
        <source>Add official account</source>
        <translation>添加公众号</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="27"/>
        <source>The link the account&apos;s QR code holds (open the account&apos;s own code with the phone&apos;s scanner to see it), or its home page. The same name again changes its link.</source>
        <translation>填写公众号二维码里的链接（用手机扫一扫识别公众号自己的二维码即可看到），或公众号主页的链接。再次填写同一名称会更新它的链接。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="35"/>
        <source>e.g. Hedong Village Party Branch</source>
        <translation>例如：河东村党支部</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="40"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="41"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="46"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/account_dialog.py" line="67"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>ChoiceLists</name>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="49"/>
        <source>Micro-lessons (those with a video link)</source>
        <translation>微党课（有视频链接的）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="51"/>
        <source>Filter by title or speaker</source>
        <translation>按标题或主讲人筛选</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="53"/>
        <source>Tick shown</source>
        <translation>全选显示的</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="54"/>
        <source>Clear</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="60"/>
        <source>No micro-lesson has a video link yet. Add the links on the Micro-lessons page; lessons with a link show here.</source>
        <translation>还没有带视频链接的微党课。请在「微党课」页面为课程填写视频链接，填好后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="68"/>
        <source>Official accounts</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="75"/>
        <source>Add account…</source>
        <translation>添加公众号…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="76"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="82"/>
        <source>A link or text of your own</source>
        <translation>自定义链接或文字</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="85"/>
        <source>https://… or any text, e.g. the Wi-Fi password</source>
        <translation>https://… 或任意文字，例如 Wi-Fi 密码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="88"/>
        <source>Title printed with it (optional)</source>
        <translation>印在二维码旁的标题（可不填）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="92"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="93"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="189"/>
        <source>The link of &quot;{0}&quot; was changed.</source>
        <translation>已更新公众号「{0}」的链接。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="189"/>
        <source>&quot;{0}&quot; was added and ticked.</source>
        <translation>已添加公众号「{0}」并勾选。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="198"/>
        <source>Remove account</source>
        <translation>删除公众号</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="199"/>
        <source>Remove the official account &quot;{0}&quot; from the list?</source>
        <translation>从列表中删除公众号「{0}」？</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="200"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="206"/>
        <source>&quot;{0}&quot; was removed.</source>
        <translation>已删除公众号「{0}」。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/choice_lists.py" line="210"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>LinksModel</name>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="30"/>
        <source>Short code</source>
        <translation>短码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="31"/>
        <source>Opens</source>
        <translation>打开的内容</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="32"/>
        <source>Where it hangs</source>
        <translation>张贴位置</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="33"/>
        <source>Made on</source>
        <translation>制作日期</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="34"/>
        <source>Scans, 7 days</source>
        <translation>近7天扫码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="35"/>
        <source>Scans, 30 days</source>
        <translation>近30天扫码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="36"/>
        <source>District server</source>
        <translation>区服务器</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="37"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="43"/>
        <source>Micro-lesson</source>
        <translation>微党课</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="45"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="46"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="50"/>
        <source>{0} “{1}”</source>
        <translation>{0}「{1}」</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="55"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="56"/>
        <source>Not synced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="61"/>
        <source>Stopped</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="62"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="128"/>
        <source>The code holds {0}</source>
        <translation>二维码内容：{0}</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_model.py" line="132"/>
        <source>The district server does not have this code (or its change) yet: it opens as it is here after the next sync.</source>
        <translation>区服务器上还没有这个活码（或它的修改）：下次同步后才按这里的样子打开。</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="43"/>
        <source>Live codes open through the district server: the scans of the last 7 and 30 days show here after each sync. A stopped code says so when scanned; a lesson&apos;s code can be pointed at another lesson without printing it again.</source>
        <translation>活码经区服务器打开：每次同步后，这里显示近 7 天、近 30 天的扫码次数。停用的活码扫码后显示“已停用”；微党课的活码可以改为打开另一节课，不用重新打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="72"/>
        <source>Stop…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="73"/>
        <source>Stop the selected code (Delete)</source>
        <translation>停用选中的活码（Delete 键）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="75"/>
        <source>Point at another lesson…</source>
        <translation>改指向…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="76"/>
        <source>Make the selected lesson code open another lesson (Enter)</source>
        <translation>让选中的微党课活码改为打开另一节课（回车键）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="79"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="80"/>
        <source>Send new codes and fetch the scan counts (as on the Sync page)</source>
        <translation>上传新活码并取回扫码次数（与「数据同步」页的立即同步相同）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="93"/>
        <source>Reading the live codes…</source>
        <translation>正在读取活码……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="106"/>
        <source>No live code has been printed yet. Choose “Live code” on the Make material tab and save or print.</source>
        <translation>还没有打印过活码。在「制作物料」中选择「活码」，再保存或打印即可。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="108"/>
        <source>This computer has not joined the district server, so it prints direct links. Join the branch on the Sync page to print live codes.</source>
        <translation>这台电脑还没有登记到区服务器，只能打印直接链接。请先在「数据同步」页加入支部，再打印活码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="143"/>
        <source>no place given</source>
        <translation>未填张贴位置</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="144"/>
        <source>Stop the live code {0} ({1})? It opens {2} now.

After the next sync, scanning it says the code is no longer in use. A stopped code cannot be used again; print a new one when needed.</source>
        <translation>停用活码 {0}（{1}）吗？它现在打开{2}。

下次同步后，扫这个码会显示“已停用”。停用后不能恢复，需要时请重新打印一个。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="147"/>
        <source>Stop live code</source>
        <translation>停用活码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="147"/>
        <source>Stop it</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="152"/>
        <source>Live code {0} is stopped; after the next sync scanning it says so.</source>
        <translation>活码 {0} 已停用，下次同步后扫码会显示“已停用”。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="169"/>
        <source>Live code {0} now opens “{1}” (after the next sync); no need to print it again.</source>
        <translation>活码 {0} 改为打开「{1}」，下次同步后生效，不用重新打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="179"/>
        <source>Live codes</source>
        <translation>活码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="183"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/links_panel.py" line="195"/>
        <source>A sync is already running; wait for it to finish.</source>
        <translation>正在同步，请等它完成。</translation>
    </message>
</context>
<context>
    <name>LiveChoice</name>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="47"/>
        <source>Live code (through the district server: scans counted, study checked in by phone)</source>
        <translation>活码（经区服务器：统计扫码、手机登记）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="48"/>
        <source>Direct link</source>
        <translation>直接链接</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="50"/>
        <source>The code holds the video&apos;s or the account&apos;s own link: it works without the district server, but scans are not counted.</source>
        <translation>二维码里就是视频或公众号自己的链接：不经区服务器也能打开，但不统计扫码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="56"/>
        <source>Live codes need this computer to join the district server first, on the Sync page.</source>
        <translation>活码需要这台电脑先在「数据同步」页登记到区服务器（加入支部）。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="70"/>
        <source>e.g. the clinic door</source>
        <translation>例如：卫生室门口</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="71"/>
        <source>Where this material hangs. The same lesson in two places gets two codes, so the codes list shows where people scan.</source>
        <translation>物料张贴或摆放的地方。同一节课贴在两处就是两个活码，活码列表能看出大家在哪里扫码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="95"/>
        <source>Village committee activity room, table stand</source>
        <translation>村委会活动室摆台</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="96"/>
        <source>Clinic door</source>
        <translation>卫生室门口</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="97"/>
        <source>Party members&apos; activity room</source>
        <translation>党员活动室</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="98"/>
        <source>Notice board at the village entrance</source>
        <translation>村口公告栏</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_choice.py" line="110"/>
        <source>This computer has to join the district server on the Sync page first.</source>
        <translation>需要先在「数据同步」页登记到区服务器</translation>
    </message>
</context>
<context>
    <name>MaterialSaver</name>
    <message>
        <location filename="../../../ui/qr/saver.py" line="30"/>
        <source>Writing the QR material and checking every code…</source>
        <translation>正在生成二维码物料并逐个核验二维码……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="31"/>
        <source>Saved {2} page(s); all {3} QR codes were checked and can be read: {0}. &lt;a href=&quot;{1}&quot;&gt;Open it&lt;/a&gt; to print.</source>
        <translation>已保存 {2} 页，已核验 {3} 个二维码均可识别：{0}。&lt;a href=&quot;{1}&quot;&gt;打开文件&lt;/a&gt;即可打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="39"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="59"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，没有保存文件。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="84"/>
        <source>Printing is not available here. Save the PDF and print it at actual size (100%).</source>
        <translation>此处无法打印。请保存 PDF，再按实际大小（100%）打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="96"/>
        <source>Preparing the pages to print…</source>
        <translation>正在准备打印的页面并核验二维码……</translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="43"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="44"/>
        <source>Send the new codes to the district server now (as on the Sync page)</source>
        <translation>现在把新活码上传到区服务器（与「数据同步」页的立即同步相同）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="46"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="76"/>
        <source> and {0} more</source>
        <translation> 等，另有 {0} 个</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="78"/>
        <source>{0} live code(s) are not on the district server yet ({1}). The material prints and can be hung up as it is, but scanning these codes opens them only after the next sync. Connect to the network and press “Sync now”.</source>
        <translation>有 {0} 个活码还没有同步到区服务器（{1}）。物料照常打印、张贴，不受影响；但要等下次同步之后，扫这些码才能打开。请联网后点「立即同步」。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="83"/>
        <source>✔ Synced: the new live codes open when scanned.</source>
        <translation>✔ 已同步：新活码现在扫码即可打开。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="92"/>
        <source>A sync is already running; wait for it to finish.</source>
        <translation>正在同步，请等它完成。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="98"/>
        <source>Syncing…</source>
        <translation>正在同步……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/pending_banner.py" line="106"/>
        <source>The sync did not succeed: {0} The printed material is not affected; press “Sync now” again once connected.</source>
        <translation>同步没有成功：{0} 打印的物料不受影响；联网后请再点「立即同步」。</translation>
    </message>
</context>
<context>
    <name>QrLiveWork</name>
    <message>
        <location filename="../../../ui/qr/live_work.py" line="39"/>
        <source>This computer has not joined a district server, so it cannot print live codes.</source>
        <translation>这台电脑还没有登记到区服务器，不能打印活码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_work.py" line="41"/>
        <source>Join the branch on the Sync page first, or choose “Direct link”.</source>
        <translation>请在「数据同步」页加入支部后再打印，或改用「直接链接」。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_work.py" line="51"/>
        <source>Plain text cannot be a live code.</source>
        <translation>纯文字内容不能做成活码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/live_work.py" line="52"/>
        <source>Choose “Direct link”, or write a link that starts with http://.</source>
        <translation>请改用「直接链接」，或填写以 http:// 开头的链接。</translation>
    </message>
</context>
<context>
    <name>QrPage</name>
    <message>
        <location filename="../../../ui/qr/page.py" line="118"/>
        <source>QR material</source>
        <translation>二维码物料</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="100"/>
        <source>Make material</source>
        <translation>制作物料</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="101"/>
        <location filename="../../../ui/qr/page.py" line="206"/>
        <source>Printed live codes</source>
        <translation>已打印的活码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="127"/>
        <source>Codes</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="128"/>
        <source>Where it hangs</source>
        <translation>张贴位置</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="134"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="139"/>
        <source>Choose PNG…</source>
        <translation>选择 PNG 图片…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="140"/>
        <source>No logo</source>
        <translation>不加标志</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="142"/>
        <source>Centre logo</source>
        <translation>中央标志</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="157"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="158"/>
        <source>Write the PDF and read every code back before it is kept</source>
        <translation>生成 PDF 并逐个识别二维码，全部可识别才保存</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="160"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="164"/>
        <source>Print at actual size (100%); do not choose &quot;Fit to page&quot;.</source>
        <translation>请按实际大小（100%）打印，不要选&quot;适合页面&quot;。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="178"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="188"/>
        <source>Loading the micro-lessons…</source>
        <translation>正在加载微党课……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="206"/>
        <source>Printed live codes ({0})</source>
        <translation>已打印的活码（{0}）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="252"/>
        <source>Choose a logo</source>
        <translation>选择标志图片</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="253"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="271"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="272"/>
        <source>A logo in the centre needs stronger codes, which hold less</source>
        <translation>加标志后二维码需要更强的纠错，能容纳的内容更少</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="290"/>
        <source>Tick micro-lessons or official accounts on the left, or type a link: the first page shows here as it will print.</source>
        <translation>请在左侧勾选微党课或公众号，或填写链接：这里会显示打印出来的第一页。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="294"/>
        <source>Updating the preview…</source>
        <translation>正在更新预览……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="306"/>
        <source>The preview could not be made.</source>
        <translation>无法生成预览。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="316"/>
        <source>Page 1 of {0} shown; {1} QR code(s) in all.</source>
        <translation>显示第 1 页，共 {0} 页，{1} 个二维码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="318"/>
        <source> {0} new live code(s) get their short code when saved or printed (shown as ????).</source>
        <translation>其中 {0} 个新活码的短码在保存或打印时生成（预览中显示为 ????）。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="327"/>
        <source>Change the choice, the layout or the link; nothing can be printed like this.</source>
        <translation>这样无法打印：请调整所选内容、版式或链接。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="341"/>
        <source>QR material {0} {1}.pdf</source>
        <translation>二维码物料-{0}-{1}.pdf</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="347"/>
        <source>Save QR material</source>
        <translation>保存二维码物料</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="353"/>
        <source>Print QR material</source>
        <translation>打印二维码物料</translation>
    </message>
</context>
<context>
    <name>RetargetDialog</name>
    <message>
        <location filename="../../../ui/qr/retarget_dialog.py" line="27"/>
        <source>Point the code at another lesson</source>
        <translation>活码改指向</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/retarget_dialog.py" line="30"/>
        <source>no place given</source>
        <translation>未填张贴位置</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/retarget_dialog.py" line="31"/>
        <source>The live code {0} ({1}) opens “{2}” now. Which lesson should it open?</source>
        <translation>活码 {0}（{1}）现在打开「{2}」。要改为打开哪一节微党课？</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/retarget_dialog.py" line="35"/>
        <source>Type a word of the title, or pick from the list…</source>
        <translation>输入标题中的字词，或从列表中选择…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/retarget_dialog.py" line="43"/>
        <source>The printed code stays as it is: after the next sync, scanning it opens the lesson chosen here.</source>
        <translation>已经打印的二维码不用换：下次同步后，扫码就会打开这里选的课。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/retarget_dialog.py" line="48"/>
        <source>Point it there</source>
        <translation>改为打开这节课</translation>
    </message>
</context>
</TS>
