<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AddSkillDialog</name>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="86" />
            <source>Add skill</source>
            <translation>添加技能</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="89" />
            <source>The new skill is added to every elder's checklist, as not learned yet.</source>
            <translation>新技能会加入每位老人的技能清单，掌握程度为「未学」。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="95" />
            <source>e.g. pay with WeChat</source>
            <translation>例如：微信付款</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="99" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
    </context>
    <context>
        <name>EndPairingDialog</name>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="192" />
            <location filename="../../../ui/pairing/pairing_dialog.py" line="214" />
            <source>End pairing</source>
            <translation>结束结对</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="195" />
            <source>End the pairing of {0} helping {1} (since {2})? It stays in the history with its dates and reason.</source>
            <translation>结束{0}帮扶{1}的结对（{2} 起）？结束后仍保留在历史中，记下起止日期和原因。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="208" />
            <source>Reason (required)</source>
            <translation>结束原因（必填）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="209" />
            <source>End &amp;date</source>
            <translation>结束日期(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="210" />
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>ListsTab</name>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="119" />
            <source>Elders who need help</source>
            <translation>需帮扶的老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="120" />
            <source>Helpers</source>
            <translation>帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="134" />
            <source>Rules</source>
            <translation>结对条件</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="137" />
            <source> yrs</source>
            <translation> 岁</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="137" />
            <source> elders</source>
            <translation> 人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="141" />
            <source>Elders: aged at least</source>
            <translation>需帮扶老人：年满</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="142" />
            <source>Helpers: aged at most</source>
            <translation>帮扶人：不超过</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="143" />
            <source>Each helper helps at most</source>
            <translation>每名帮扶人最多帮扶</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="149" />
            <source>Save rules</source>
            <translation>保存条件</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="152" />
            <source>Elders are members who cannot use WeChat yet; helpers are members who use it. Only members whose status is active are on the lists.</source>
            <translation>需帮扶老人是达到年龄、还不会用微信的党员；帮扶人是不超过年龄、会用微信的党员。只有状态为「正常」的党员才列入名单。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="162" />
            <source>by the rules</source>
            <translation>按条件</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="162" />
            <source>added by hand</source>
            <translation>手工加入</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="163" />
            <source>taken off by hand</source>
            <translation>手工移出</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="165" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="166" />
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="167" />
            <source>Age</source>
            <translation>年龄</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="168" />
            <source>WeChat</source>
            <translation>微信情况</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="169" />
            <source>On the list</source>
            <translation>列入方式</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="184" />
            <source>Add by hand…</source>
            <translation>手工加入…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="185" />
            <source>Take off the list</source>
            <translation>移出名单</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="186" />
            <source>Back to the rules</source>
            <translation>恢复按条件</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="187" />
            <source>Undo the hand mark: the rules decide again</source>
            <translation>取消手工标记，重新按条件判断</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="208" />
            <source>Loading the lists…</source>
            <translation>正在读取名单…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="220" />
            <source>{0} people</source>
            <translation>{0} 人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="243" />
            <source>Rules saved; the lists below follow them.</source>
            <translation>条件已保存，下面的名单已按新条件更新。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="253" />
            <location filename="../../../ui/pairing/lists_tab.py" line="277" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="262" />
            <source>Put an elder on the list</source>
            <translation>把党员加入需帮扶老人名单</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="262" />
            <source>Put a helper on the list</source>
            <translation>把党员加入帮扶人名单</translation>
        </message>
    </context>
    <context>
        <name>NewPairingDialog</name>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="72" />
            <source>New pairing</source>
            <translation>新建结对</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="78" />
            <location filename="../../../ui/pairing/pairing_dialog.py" line="80" />
            <source>Name or pinyin initials</source>
            <translation>姓名或拼音首字母</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="82" />
            <source>The day the pairing starts; it cannot be in the future</source>
            <translation>结对开始的日期，不能晚于今天</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="87" />
            <source>&amp;Helper</source>
            <translation>帮扶人(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="88" />
            <source>&amp;Elder</source>
            <translation>老人(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="89" />
            <source>&amp;Start date</source>
            <translation>结对日期(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="90" />
            <source>N&amp;ote</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="92" />
            <source>Helpers on the list come first, then other members; elders already paired show their helper.</source>
            <translation>先列出名单中的帮扶人，再列出其他党员；已结对的老人会注明帮扶人。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="103" />
            <source>Pair (Ctrl+S)</source>
            <translation>结对（Ctrl+S）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="114" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="117" />
            <source>not on the helpers' list</source>
            <translation>不在帮扶人名单</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="117" />
            <source>not on the elders' list</source>
            <translation>不在老人名单</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="120" />
            <source>helps {0}/{1}</source>
            <translation>已帮扶 {0}/{1} 人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="126" />
            <source>helped by {0}</source>
            <translation>已由{0}帮扶</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="152" />
            <source>Choose both the helper and the elder.</source>
            <translation>请选择帮扶人和老人。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="165" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="171" />
            <source>Please check</source>
            <translation>请确认</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="171" />
            <source>{0}

Pair them anyway?</source>
            <translation>{0}

仍然结对吗？</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairing_dialog.py" line="172" />
            <source>Pair anyway</source>
            <translation>仍然结对</translation>
        </message>
    </context>
    <context>
        <name>PairingPage</name>
        <message>
            <location filename="../../../ui/pairing/page.py" line="31" />
            <source>Pairings</source>
            <translation>结对</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/page.py" line="32" />
            <source>Suggestions</source>
            <translation>推荐</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/page.py" line="33" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/page.py" line="34" />
            <source>Lists and rules</source>
            <translation>名单与条件</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/page.py" line="42" />
            <source>Pairing</source>
            <translation>结对帮扶</translation>
        </message>
    </context>
    <context>
        <name>PairingTexts</name>
        <message>
            <location filename="../../../ui/pairing/common.py" line="129" />
            <source>{0} yrs</source>
            <translation>{0} 岁</translation>
        </message>
    </context>
    <context>
        <name>PairingsTab</name>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="60" />
            <source>New pairing…</source>
            <translation>新建结对…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="60" />
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="61" />
            <source>Record visit…</source>
            <translation>记录走访…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="62" />
            <source>Record a home visit to the selected elder (Enter or double-click)</source>
            <translation>记录对所选老人的一次上门走访（回车或双击）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="63" />
            <source>Visits…</source>
            <translation>走访记录…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="64" />
            <source>The visits to the selected elder (or to everyone); void a wrong one</source>
            <translation>查看所选老人（未选时为全部）的走访记录，可作废录错的走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="65" />
            <source>End pairing…</source>
            <translation>结束结对…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="66" />
            <source>End the selected pairing; it stays in the history</source>
            <translation>结束所选结对，结对记录仍保留</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="68" />
            <source>Print pairing list…</source>
            <translation>打印结对名单…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="69" />
            <source>A PDF of every current pairing with phone numbers, to post or hand out</source>
            <translation>生成当前全部结对及联系电话的 PDF，可张贴或分发</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="71" />
            <source>Include ended pairings</source>
            <translation>显示已结束的结对</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="96" />
            <source>No pairings yet. Use "Suggestions" to pair all elders at once, or "New pairing" to pair one helper with one elder.</source>
            <translation>还没有结对。可在「推荐」中一次为所有老人结对，或点「新建结对」为一名帮扶人和一位老人结对。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="110" />
            <source>{0} (helper in {1})</source>
            <translation>{0}（帮扶人在{1}）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="113" />
            <source>{0} days</source>
            <translation>{0} 天</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="116" />
            <source>Helper</source>
            <translation>帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="117" />
            <source>Elder</source>
            <translation>老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="118" />
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="119" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="120" />
            <source>Since</source>
            <translation>结对日期</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="121" />
            <source>Last visit</source>
            <translation>最近走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="121" />
            <source>none yet</source>
            <translation>还没有走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="122" />
            <source>Without a visit</source>
            <translation>未走访天数</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="123" />
            <source>Visits</source>
            <translation>走访次数</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="124" />
            <source>Ended</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="125" />
            <source>Reason for ending</source>
            <translation>结束原因</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="135" />
            <source>Ended {0}: {1}</source>
            <translation>{0} 结束：{1}</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="136" />
            <source>Phones: {0} {1}, {2} {3}</source>
            <translation>电话：{0} {1}，{2} {3}</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="139" />
            <source>Not visited for {0} days (more than {1}): remind the helper.</source>
            <translation>已 {0} 天未走访（超过 {1} 天），请提醒帮扶人上门。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="155" />
            <source>Loading the pairings…</source>
            <translation>正在读取结对…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="168" />
            <source>{0} current pairings</source>
            <translation>当前结对 {0} 对</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="170" />
            <source>Red: {0} elder(s) not visited for more than {1} days. Please remind their helpers.</source>
            <translation>红色：{0} 名老人超过 {1} 天未走访，请提醒帮扶人上门。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="234" />
            <source>The pairing has ended. Tick "Include ended pairings" to see it.</source>
            <translation>结对已结束。勾选「显示已结束的结对」可以查看。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="238" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="248" />
            <source>Print pairing list</source>
            <translation>打印结对名单</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/pairings_tab.py" line="248" />
            <source>pairing-list-{0}.pdf</source>
            <translation>结对名单-{0}.pdf</translation>
        </message>
    </context>
    <context>
        <name>PickMemberDialog</name>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="78" />
            <source>Member (name, pinyin or initials):</source>
            <translation>党员（姓名、拼音或首字母）：</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/lists_tab.py" line="85" />
            <source>Put on the list</source>
            <translation>加入名单</translation>
        </message>
    </context>
    <context>
        <name>ProgressTab</name>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="66" />
            <source>Elders who need help</source>
            <translation>需帮扶老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="67" />
            <source>Paired</source>
            <translation>已结对</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="68" />
            <source>Can watch a micro-lesson alone</source>
            <translation>能独立观看微党课</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="69" />
            <source>Not visited for {0} days</source>
            <translation>{0} 天未走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="79" />
            <source>Elders (red: not visited for more than {0} days)</source>
            <translation>老人（红色：超过 {0} 天未走访）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="81" />
            <source>Helpers</source>
            <translation>帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="115" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="115" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="117" />
            <source>Elder</source>
            <translation>老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="118" />
            <location filename="../../../ui/pairing/progress_tab.py" line="134" />
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="119" />
            <location filename="../../../ui/pairing/progress_tab.py" line="133" />
            <source>Helper</source>
            <translation>帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="119" />
            <source>(not paired)</source>
            <translation>（未结对）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="120" />
            <source>Skills done</source>
            <translation>独立完成</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="121" />
            <source>Watches lessons alone</source>
            <translation>能看微党课</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="122" />
            <location filename="../../../ui/pairing/progress_tab.py" line="137" />
            <source>Last visit</source>
            <translation>最近走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="123" />
            <location filename="../../../ui/pairing/progress_tab.py" line="136" />
            <source>Visits in 30 days</source>
            <translation>30 天走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="135" />
            <source>Elders</source>
            <translation>帮扶老人数</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="137" />
            <source>none yet</source>
            <translation>还没有走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="138" />
            <source>Elders not visited</source>
            <translation>未走访老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="144" />
            <location filename="../../../ui/pairing/progress_tab.py" line="268" />
            <source>Choose an elder to see their skills</source>
            <translation>选择一位老人，查看技能清单</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="147" />
            <source>Skill</source>
            <translation>技能</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="148" />
            <source>Level</source>
            <translation>掌握程度</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="149" />
            <source>Confirmed</source>
            <translation>确认</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="155" />
            <source>Change level…</source>
            <translation>修改掌握程度…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="156" />
            <source>Enter or double-click a skill</source>
            <translation>也可在技能上回车或双击</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="157" />
            <source>Record visit…</source>
            <translation>记录走访…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="158" />
            <source>Print progress card…</source>
            <translation>打印进度卡…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="159" />
            <source>A PDF card of the selected elder's skills to leave at home</source>
            <translation>生成所选老人的技能进度卡 PDF，可留在老人家中</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="171" />
            <source>No skills yet.</source>
            <translation>还没有技能。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="172" />
            <source>Elders per skill done alone</source>
            <translation>各项技能独立完成的老人人数</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="178" />
            <source>Elders who can do each skill alone</source>
            <translation>各项技能「独立完成」的老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="181" />
            <source>Add skill…</source>
            <translation>添加技能…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="182" />
            <source>Add a skill to every elder's checklist</source>
            <translation>为每位老人的技能清单添加一项技能</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="197" />
            <source>Not visited for {0} days: remind {1}.</source>
            <translation>已 {0} 天未走访，请提醒{1}。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="199" />
            <source>No helper yet: see "Suggestions".</source>
            <translation>还没有帮扶人，请看「推荐」。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="213" />
            <source>Loading the progress…</source>
            <translation>正在读取进度…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="225" />
            <source>Please remind the helpers</source>
            <translation>请提醒帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="263" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="270" />
            <source>Skills of {0}: {1} of {2} done alone</source>
            <translation>{0}的技能：{2} 项中 {1} 项独立完成</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="303" />
            <location filename="../../../ui/pairing/progress_tab.py" line="324" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="319" />
            <source>“{0}” is now on every elder's checklist.</source>
            <translation>「{0}」已加入每位老人的技能清单。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="337" />
            <source>Print progress card</source>
            <translation>打印进度卡</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/progress_tab.py" line="337" />
            <source>progress-card-{0}.pdf</source>
            <translation>进度卡-{0}.pdf</translation>
        </message>
    </context>
    <context>
        <name>SkillLevelDialog</name>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="30" />
            <source>Skill level</source>
            <translation>掌握程度</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="33" />
            <source>How far has {0} come with “{1}”?</source>
            <translation>{0}对「{1}」掌握得怎么样？</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="48" />
            <source>Who saw it (required)</source>
            <translation>谁确认的（必填）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="49" />
            <source>&amp;Level</source>
            <translation>掌握程度(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="50" />
            <source>Confirmed &amp;on</source>
            <translation>确认日期(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="51" />
            <source>Confirmed &amp;by</source>
            <translation>确认人(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/skill_dialog.py" line="55" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
    </context>
    <context>
        <name>StartDateDialog</name>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="47" />
            <source>Accept suggestions</source>
            <translation>接受推荐</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="49" />
            <source>Pair {0} helper(s) and elder(s) as suggested? They start on this day:</source>
            <translation>按推荐结对 {0} 对？结对日期为：</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="54" />
            <source>&amp;Start date</source>
            <translation>结对日期(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="57" />
            <source>Accept</source>
            <translation>接受</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsTab</name>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="85" />
            <source>Suggestions pair each elder without a helper with a helper of the same party group and village where possible, and share the elders evenly among the helpers.</source>
            <translation>推荐会为还没有帮扶人的老人找帮扶人：尽量同一个党小组、同一个村，并让每名帮扶人的人数尽量平均。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="91" />
            <source>Make suggestions</source>
            <translation>生成推荐</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="93" />
            <source>Accept all</source>
            <translation>全部接受</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="94" />
            <source>Accept selected</source>
            <translation>接受所选</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="95" />
            <source>Reject selected</source>
            <translation>拒绝所选</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="96" />
            <source>This helper will never be suggested for this elder again</source>
            <translation>以后不再为这位老人推荐这名帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="98" />
            <source>Forget rejections…</source>
            <translation>清除已拒绝…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="99" />
            <source>Suggest the rejected pairs again</source>
            <translation>重新推荐以前拒绝过的组合</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="101" />
            <source>Click "Make suggestions" to see who could help whom.</source>
            <translation>点「生成推荐」，看看谁可以帮扶谁。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="109" />
            <source>Helper</source>
            <translation>帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="110" />
            <source>Elder</source>
            <translation>老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="111" />
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="112" />
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="113" />
            <source>Why</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="123" />
            <source>{0} ({1}) helps {2} ({3})</source>
            <translation>{0}（{1}）帮扶 {2}（{3}）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="140" />
            <source>Working out the suggestions…</source>
            <translation>正在生成推荐…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="152" />
            <source>Every elder who needs help has a helper.</source>
            <translation>所有需帮扶的老人都已结对。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="155" />
            <source>{0} can be paired.</source>
            <translation>可结对 {0} 人。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="157" />
            <source>the helpers are full</source>
            <translation>帮扶人名额已满</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="159" />
            <source>the helpers left were rejected for them</source>
            <translation>其余帮扶人已被拒绝</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="160" />
            <source>{0} can be paired, {1} elder(s) still have no helper ({2}). Add helpers or raise the number each may help under "Lists and rules".</source>
            <translation>可结对 {0} 人，仍有 {1} 名老人暂无帮扶人（{2}）。可在「名单与条件」中增加帮扶人或调高每人最多帮扶人数。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="192" />
            <source>{0} pairing(s) made; they are on the "Pairings" tab.</source>
            <translation>已结对 {0} 对，可在「结对」中查看。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="197" />
            <location filename="../../../ui/pairing/suggestions_tab.py" line="216" />
            <location filename="../../../ui/pairing/suggestions_tab.py" line="229" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="212" />
            <source>{0} suggestion(s) rejected; they will not be suggested again.</source>
            <translation>已拒绝 {0} 条推荐，以后不会再推荐。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="219" />
            <location filename="../../../ui/pairing/suggestions_tab.py" line="221" />
            <source>Forget rejections</source>
            <translation>清除已拒绝的推荐</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="220" />
            <source>Suggest every rejected helper and elder pair again?</source>
            <translation>以前拒绝过的帮扶人和老人组合，都重新参与推荐吗？</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/suggestions_tab.py" line="225" />
            <source>Rejections forgotten.</source>
            <translation>已清除，拒绝过的组合会重新参与推荐。</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="58" />
            <source>now: {0}</source>
            <translation>现在：{0}</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="92" />
            <source>Record a visit</source>
            <translation>记录走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="98" />
            <source>Skills: tick those practised on this visit; choose the new level when it changed</source>
            <translation>技能：勾选这次练习的技能；掌握程度有变化时选择新的程度</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="133" />
            <source>Name or pinyin initials</source>
            <translation>姓名或拼音首字母</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="134" />
            <source>&amp;Elder</source>
            <translation>老人(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="138" />
            <source>The day of the visit; it cannot be in the future</source>
            <translation>走访的日期，不能晚于今天</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="139" />
            <source>Visit &amp;date</source>
            <translation>走访日期(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="142" />
            <source>Not given</source>
            <translation>不填</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="143" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="144" />
            <source>M&amp;inutes</source>
            <translation>时长(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="146" />
            <source>None; or type words of the title to find the lesson</source>
            <translation>没有一起观看可不填；输入标题中的字查找课程</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="147" />
            <source>A micro-lesson watched together is also recorded as the elder's study (paired study, with the helper)</source>
            <translation>一起观看的微党课同时登记为老人的学习记录（学习方式：结对帮学，帮学人为帮扶人）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="149" />
            <source>&amp;Lesson watched together</source>
            <translation>一起观看的微党课(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="152" />
            <source>N&amp;ote</source>
            <translation>备注(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="157" />
            <source>Entered &amp;by</source>
            <translation>录入人(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="193" />
            <location filename="../../../ui/pairing/visit_dialog.py" line="238" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="198" />
            <source>ended</source>
            <translation>已结束</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="211" />
            <source>Nobody is paired yet: pair a helper with an elder first.</source>
            <translation>还没有结对，请先为老人结对帮扶人。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="224" />
            <source> (pairing ended {0})</source>
            <translation>（结对已于 {0} 结束）</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="225" />
            <source>Helper: {0}</source>
            <translation>帮扶人：{0}</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="279" />
            <source>Choose the elder who was visited.</source>
            <translation>请选择走访的老人。</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visit_dialog.py" line="283" />
            <source>The skills checklist is still loading; try again.</source>
            <translation>技能清单还在读取，请稍后再试。</translation>
        </message>
    </context>
    <context>
        <name>VisitsDialog</name>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="70" />
            <source>Visits of {0}</source>
            <translation>{0}的走访记录</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="70" />
            <source>All visits</source>
            <translation>全部走访记录</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="74" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="75" />
            <source>Helper</source>
            <translation>帮扶人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="76" />
            <source>Elder</source>
            <translation>老人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="77" />
            <source>Minutes</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="78" />
            <source>Skills practised</source>
            <translation>练习的技能</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="79" />
            <source>Lesson watched</source>
            <translation>一起观看的微党课</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="80" />
            <source>Entered by</source>
            <translation>录入人</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="81" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="82" />
            <source>Void reason</source>
            <translation>作废原因</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="90" />
            <source>Show voided</source>
            <translation>显示已作废</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="96" />
            <source>Void…</source>
            <translation>作废…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="97" />
            <source>A wrong visit cannot be changed: void it, then record it again</source>
            <translation>录错的走访不能修改：先作废，再重新记录</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="98" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="110" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="115" />
            <source>{0} visits</source>
            <translation>共 {0} 次走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="144" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
    </context>
    <context>
        <name>VoidVisitDialog</name>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="34" />
            <source>Void visit</source>
            <translation>作废走访</translation>
        </message>
        <message>
            <location filename="../../../ui/pairing/visits_dialog.py" line="37" />
            <source>Void the visit of {0} to {1} on {2}? A micro-lesson recorded with it is voided too; skill levels stay as they are (change them on the Progress tab).</source>
            <translation>作废{0}在 {2} 对{1}的走访？随走访登记的微党课学习记录也一并作废；技能掌握程度不会自动改回（如需要请在「进度」中修改）。</translation>
        </message>
    </context>
</TS>
