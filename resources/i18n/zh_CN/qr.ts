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
    <name>MaterialSaver</name>
    <message>
        <location filename="../../../ui/qr/saver.py" line="22"/>
        <source>Writing the QR material and checking every code…</source>
        <translation>正在生成二维码物料并逐个核验二维码……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="23"/>
        <source>Saved {2} page(s); all {3} QR codes were checked and can be read: {0}. &lt;a href=&quot;{1}&quot;&gt;Open it&lt;/a&gt; to print.</source>
        <translation>已保存 {2} 页，已核验 {3} 个二维码均可识别：{0}。&lt;a href="{1}"&gt;打开文件&lt;/a&gt;即可打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="31"/>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/saver.py" line="51"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，没有保存文件。</translation>
    </message>
</context>
<context>
    <name>QrPage</name>
    <message>
        <location filename="../../../ui/qr/page.py" line="133"/>
        <source>QR material</source>
        <translation>二维码物料</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="141"/>
        <source>Micro-lessons (those with a video link)</source>
        <translation>微党课（有视频链接的）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="144"/>
        <source>Filter by title or speaker</source>
        <translation>按标题或主讲人筛选</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="149"/>
        <source>Tick shown</source>
        <translation>全选显示的</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="150"/>
        <source>Clear</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="156"/>
        <source>No micro-lesson has a video link yet. Add the links on the Micro-lessons page; lessons with a link show here.</source>
        <translation>还没有带视频链接的微党课。请在「微党课」页面为课程填写视频链接，填好后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="164"/>
        <source>Official accounts</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="171"/>
        <source>Add account…</source>
        <translation>添加公众号…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="172"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="178"/>
        <source>A link or text of your own</source>
        <translation>自定义链接或文字</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="181"/>
        <source>https://… or any text, e.g. the Wi-Fi password</source>
        <translation>https://… 或任意文字，例如 Wi-Fi 密码</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="184"/>
        <source>Title printed with it (optional)</source>
        <translation>印在二维码旁的标题（可不填）</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="188"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="189"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="203"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="208"/>
        <source>Choose PNG…</source>
        <translation>选择 PNG 图片…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="209"/>
        <source>No logo</source>
        <translation>不加标志</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="211"/>
        <source>Centre logo</source>
        <translation>中央标志</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="230"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="231"/>
        <source>Write the PDF and read every code back before it is kept</source>
        <translation>生成 PDF 并逐个识别二维码，全部可识别才保存</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="233"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="237"/>
        <source>Print at actual size (100%); do not choose &quot;Fit to page&quot;.</source>
        <translation>请按实际大小（100%）打印，不要选"适合页面"。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="251"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="260"/>
        <source>Loading the micro-lessons…</source>
        <translation>正在加载微党课……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="374"/>
        <source>Choose a logo</source>
        <translation>选择标志图片</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="375"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="393"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="394"/>
        <source>A logo in the centre needs stronger codes, which hold less</source>
        <translation>加标志后二维码需要更强的纠错，能容纳的内容更少</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="408"/>
        <source>The link of &quot;{0}&quot; was changed.</source>
        <translation>已更新公众号「{0}」的链接。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="408"/>
        <source>&quot;{0}&quot; was added and ticked.</source>
        <translation>已添加公众号「{0}」并勾选。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="417"/>
        <source>Remove account</source>
        <translation>删除公众号</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="418"/>
        <source>Remove the official account &quot;{0}&quot; from the list?</source>
        <translation>从列表中删除公众号「{0}」？</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="419"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="425"/>
        <source>&quot;{0}&quot; was removed.</source>
        <translation>已删除公众号「{0}」。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="429"/>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="447"/>
        <source>Tick micro-lessons or official accounts on the left, or type a link: the first page shows here as it will print.</source>
        <translation>请在左侧勾选微党课或公众号，或填写链接：这里会显示打印出来的第一页。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="451"/>
        <source>Updating the preview…</source>
        <translation>正在更新预览……</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="463"/>
        <source>The preview could not be made.</source>
        <translation>无法生成预览。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="477"/>
        <source>Page 1 of {0} shown; {1} QR code(s) in all.</source>
        <translation>显示第 1 页，共 {0} 页，{1} 个二维码。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="487"/>
        <source>Change the choice, the layout or the link; nothing can be printed like this.</source>
        <translation>这样无法打印：请调整所选内容、版式或链接。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="517"/>
        <source>QR material {0} {1}.pdf</source>
        <translation>二维码物料-{0}-{1}.pdf</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="523"/>
        <source>Save QR material</source>
        <translation>保存二维码物料</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="529"/>
        <source>Print QR material</source>
        <translation>打印二维码物料</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="542"/>
        <source>Printing is not available here. Save the PDF and print it at actual size (100%).</source>
        <translation>此处无法打印。请保存 PDF，再按实际大小（100%）打印。</translation>
    </message>
    <message>
        <location filename="../../../ui/qr/page.py" line="551"/>
        <source>Preparing the pages to print…</source>
        <translation>正在准备打印的页面并核验二维码……</translation>
    </message>
</context>
</TS>
