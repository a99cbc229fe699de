<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/shell/about.py" line="32"/>
        <source>About Loyalty Desk</source>
        <translation>关于会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="35"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="36"/>
        <source>Member loyalty programme back-office.</source>
        <translation>会员忠诚度计划管理后台。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="43"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="44"/>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="44"/>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="45"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="46"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="58"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/about.py" line="77"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>AdjustmentDetail</name>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="32"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="32"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="32"/>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="39"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="32"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="33"/>
        <source>Reference</source>
        <translation>关联单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="39"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="39"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="40"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="47"/>
        <source>Last entries</source>
        <translation>最近的积分流水</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="49"/>
        <source>Adjustments of the last 90 days</source>
        <translation>近 90 天的积分调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="60"/>
        <source>{currency} now: {now} (available {available}, worth {value}); after approval: {after}</source>
        <translation>当前{currency}：{now}（可用 {available}，价值 {value}）；审批通过后：{after}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="36"/>
        <source>No points entries yet.</source>
        <translation>暂无积分流水。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="33"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/adjustment_detail.py" line="43"/>
        <source>No other adjustments in the last 90 days.</source>
        <translation>近 90 天没有其他积分调整。</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="410"/>
        <source>Request a points adjustment</source>
        <translation>申请积分调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="412"/>
        <source>A manual credit or debit. A supervisor of your dealer or headquarters approves it before it is posted; you cannot approve your own request.</source>
        <translation>手工增加或扣减积分。须经本经销商主管或总部审批后才会入账；您不能审批自己提交的申请。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="415"/>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="420"/>
        <source>Credit (add points)</source>
        <translation>增加积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="421"/>
        <source>Debit (take points)</source>
        <translation>扣减积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="422"/>
        <source>Direction</source>
        <translation>调整方向</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="426"/>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="428"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="429"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="430"/>
        <source>Points type</source>
        <translation>积分类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="432"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="435"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="438"/>
        <source>Reference (optional)</source>
        <translation>关联单号（选填）</translation>
    </message>
</context>
<context>
    <name>AdmissionDialog</name>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="64"/>
        <source>Admission checks of {name}</source>
        <translation>准入核查：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="68"/>
        <source>Record assessment</source>
        <translation>保存核查结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="71"/>
        <source>The first three checks come from the partner&apos;s record as it is today; answer the other three from what you verified, with the evidence.</source>
        <translation>前三项条件取自该合作伙伴当前的档案信息；其余三项请根据您核实的情况填写，并附证明材料。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="86"/>
        <source>From the record</source>
        <translation>取自档案信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="90"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="98"/>
        <source>Checklist</source>
        <translation>核查清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="111"/>
        <location filename="../../app/ui/partners/admission_dialog.py" line="115"/>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="125"/>
        <source>evidence: document, reference, what was seen</source>
        <translation>证明材料：文件、编号、核查所见</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="126"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="134"/>
        <source>Passes</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/admission_dialog.py" line="134"/>
        <source>Fails</source>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../app/ui/shell/main.py" line="136"/>
        <source>Building the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main.py" line="149"/>
        <location filename="../../app/ui/shell/main.py" line="195"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main.py" line="152"/>
        <source>Password for {url}
(this computer has no password store, so it is not saved)</source>
        <translation>{url} 的密码
（本机没有密码存储，密码不会保存）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main.py" line="197"/>
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main.py" line="198"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main.py" line="199"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ApprovalLabels</name>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="17"/>
        <source>Points adjustment</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="18"/>
        <source>Tier upgrade</source>
        <translation>等级升级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="19"/>
        <source>Manual tier</source>
        <translation>手动等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="20"/>
        <source>Status match</source>
        <translation>身份匹配</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="21"/>
        <source>Paid tier</source>
        <translation>付费等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="22"/>
        <source>Benefit listing</source>
        <translation>权益上架</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="23"/>
        <source>Partner admission</source>
        <translation>合作伙伴准入</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="24"/>
        <source>Partner activation</source>
        <translation>启动合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="30"/>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="31"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="32"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="33"/>
        <source>Lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="34"/>
        <source>Cancelled</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="59"/>
        <source>Up to {tier} · {points} qualifying points</source>
        <translation>升至{tier} · 成长值 {points}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="63"/>
        <source>{tier} kept until {date} · {reason}</source>
        <translation>保持{tier}至 {date} · {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="70"/>
        <source>{tier} · matches {level} of {programme}</source>
        <translation>{tier} · 匹配{programme}的{level}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="73"/>
        <source>{tier} for 12 months · fee {fee} paid</source>
        <translation>{tier} 12 个月 · 已付年费 {fee}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="86"/>
        <source>Filed when the member&apos;s qualifying points reached {tier}.</source>
        <translation>会员成长值达到{tier}升级门槛时自动提交。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="100"/>
        <source>{amount} {currency} · {reason}</source>
        <translation>{amount} {currency} · {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="107"/>
        <source>List {code} {name}</source>
        <translation>上架 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="111"/>
        <source>Admit {code} {name}</source>
        <translation>准入 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/labels.py" line="115"/>
        <source>Activate {code} {name}</source>
        <translation>启动合作 {code} {name}</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="80"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="104"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="112"/>
        <source>All dealers</source>
        <translation>全部经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="123"/>
        <location filename="../../app/ui/approvals/approvals_page.py" line="135"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="135"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="135"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="135"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="136"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="136"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="181"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="190"/>
        <source>No requests match.</source>
        <translation>没有符合条件的申请。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="191"/>
        <source>Requests: {n}</source>
        <translation>申请：{n} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="136"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="123"/>
        <location filename="../../app/ui/approvals/approvals_page.py" line="136"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="109"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="116"/>
        <source>Requested by (user name)</source>
        <translation>申请人（用户名）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="118"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>AtRiskTab</name>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="44"/>
        <source>Members whose tier validity ends soon and whose qualifying points of the period do not yet retain it: call them before the review.</source>
        <translation>以下会员的等级有效期即将届满，且本期成长值尚未达到保级门槛：请在等级评审前进行回访。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="53"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="55"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="58"/>
        <source>Export call list…</source>
        <translation>导出回访名单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="60"/>
        <source>The whole list as an .xlsx file, for phone calls</source>
        <translation>将整个名单导出为 .xlsx 文件，用于电话回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="63"/>
        <source>Validity ends within</source>
        <translation>有效期剩余不超过</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="68"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="72"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="72"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="72"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="72"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="73"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="73"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="73"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="74"/>
        <source>Points needed</source>
        <translation>保级还差成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="105"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="120"/>
        <source>No member is short of retaining a tier that ends by {date}.</source>
        <translation>在 {date} 前等级到期的会员均已达到保级门槛。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="122"/>
        <source>1 member may lose their tier by {date}.</source>
        <translation>1 位会员可能在 {date} 前失去当前等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="124"/>
        <source>{n} members may lose their tier by {date}.</source>
        <translation>{n} 位会员可能在 {date} 前失去当前等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="136"/>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="149"/>
        <source>Export call list</source>
        <translation>导出回访名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="137"/>
        <source>tier-call-list_{date}.xlsx</source>
        <translation>保级预警名单_{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/at_risk_tab.py" line="138"/>
        <source>Exporting the call list…</source>
        <translation>正在导出回访名单…</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="28"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="29"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="30"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="31"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="32"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="33"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="34"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="35"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="36"/>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="37"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="39"/>
        <location filename="../../app/ui/audit/changes.py" line="55"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="40"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="41"/>
        <source>Income band</source>
        <translation>收入区间</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="42"/>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="43"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="44"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="45"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="46"/>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="47"/>
        <location filename="../../app/ui/audit/changes.py" line="53"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="49"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="50"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="51"/>
        <location filename="../../app/ui/audit/changes.py" line="84"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="52"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="54"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="56"/>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="57"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="63"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="65"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="66"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="67"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="68"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="69"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="70"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="71"/>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="73"/>
        <source>Channel</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="74"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="75"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="76"/>
        <source>Points price</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="77"/>
        <source>Face value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="78"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="79"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="80"/>
        <source>Limit per member</source>
        <translation>每位会员限兑</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="81"/>
        <source>Limit period</source>
        <translation>限兑周期</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="82"/>
        <source>Tiers</source>
        <translation>适用等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="83"/>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="85"/>
        <source>Voucher validity (days)</source>
        <translation>兑换券有效期（天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="86"/>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="87"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="89"/>
        <source>Programme name</source>
        <translation>会员计划名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="90"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="91"/>
        <source>Idle lock (minutes)</source>
        <translation>空闲锁定（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="92"/>
        <source>Points worth 1 yuan</source>
        <translation>抵扣 1 元所需积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="93"/>
        <source>Expiry policy</source>
        <translation>过期规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="94"/>
        <source>Cycle length (years)</source>
        <translation>周期长度（年）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="95"/>
        <source>Each credit lasts (months)</source>
        <translation>每笔积分有效期（月）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="96"/>
        <source>Extend to the end of the month</source>
        <translation>延至当月月底</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="97"/>
        <source>Expiring-soon list covers (months)</source>
        <translation>即将到期提醒范围（月）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="98"/>
        <source>Hold points for (minutes)</source>
        <translation>兑换积分冻结时限（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="99"/>
        <source>Supervisor adjusts directly up to</source>
        <translation>主管可直接调整积分上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="102"/>
        <source>Requests lapse after (days)</source>
        <translation>申请失效期限（天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="103"/>
        <source>Programme launch date</source>
        <translation>计划上线日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="104"/>
        <source>Upgrade tiers without approval</source>
        <translation>等级升级无需审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="105"/>
        <source>Tier requests lapse after (days)</source>
        <translation>等级申请失效期限（天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="111"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="112"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="59"/>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="60"/>
        <source>Points entries</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="61"/>
        <source>Service documents</source>
        <translation>服务单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/changes.py" line="62"/>
        <source>Staff users</source>
        <translation>员工账户</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="46"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="47"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="48"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="49"/>
        <source>Programme setting</source>
        <translation>会员计划设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="50"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="51"/>
        <source>Staff user</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="52"/>
        <source>Import job</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="53"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="54"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="55"/>
        <source>Voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="56"/>
        <source>Tier benefit matrix</source>
        <translation>等级权益矩阵</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="72"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="73"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="74"/>
        <source>Demo built</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="75"/>
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="76"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="77"/>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="78"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="79"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="80"/>
        <source>First admin created</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="81"/>
        <source>Vehicle added</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="82"/>
        <source>Vehicle transferred</source>
        <translation>车辆过户</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="83"/>
        <source>Vehicle sold on</source>
        <translation>车辆转出</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="84"/>
        <source>Personal data revealed</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="85"/>
        <source>Duplicate merged in</source>
        <translation>合并重复会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="86"/>
        <source>Merged into another member</source>
        <translation>已合并到其他会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="87"/>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="88"/>
        <source>Set active</source>
        <translation>恢复正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="89"/>
        <source>Closed, personal data erased</source>
        <translation>注销（个人信息已删除）</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="90"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="91"/>
        <source>Import started</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="92"/>
        <source>Import batch saved</source>
        <translation>导入批次已保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="93"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="94"/>
        <source>Verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="95"/>
        <source>Checkpoint exported</source>
        <translation>已导出检查点</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="96"/>
        <source>Listed</source>
        <translation>上架</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="97"/>
        <source>Delisted</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="98"/>
        <source>Stock changed</source>
        <translation>库存变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="99"/>
        <source>Picture changed</source>
        <translation>图片变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="100"/>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="101"/>
        <source>Written off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="102"/>
        <source>Cancelled</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="103"/>
        <source>Slip printed</source>
        <translation>打印兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="57"/>
        <source>Points adjustment</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="58"/>
        <source>Adjustment reason</source>
        <translation>调整原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="59"/>
        <source>Approval request</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="60"/>
        <source>Batch run</source>
        <translation>批处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="61"/>
        <source>Earning rule</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="62"/>
        <source>Points ledger</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="63"/>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="64"/>
        <source>Service document</source>
        <translation>服务单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="65"/>
        <source>Tier policy</source>
        <translation>等级政策</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="104"/>
        <source>Receipt printed</source>
        <translation>打印积分抵扣凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="105"/>
        <source>Requested</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="106"/>
        <source>Approved</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="107"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="108"/>
        <source>Lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="110"/>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="111"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="112"/>
        <source>Resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="113"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="114"/>
        <source>Upgraded</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="115"/>
        <source>Retained</source>
        <translation>已保级</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="116"/>
        <source>Downgraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="109"/>
        <source>Run cancelled</source>
        <translation>已取消运行</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="129"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="130"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="131"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="132"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="133"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="134"/>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="162"/>
        <source>… {n} more</source>
        <translation>… 另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="184"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="188"/>
        <source>Apply</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="191"/>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="194"/>
        <source>Verify against file…</source>
        <translation>对照文件校验…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="196"/>
        <source>Compare the chain with checkpoints saved earlier</source>
        <translation>将日志链与此前保存的检查点比对</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="198"/>
        <source>Export checkpoint…</source>
        <translation>导出检查点…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="201"/>
        <source>Save the chain&apos;s current head to a file kept away from the database</source>
        <translation>将日志链当前的最新位置保存到文件，存放在数据库之外</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="213"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="214"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="215"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="216"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="248"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="268"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="323"/>
        <source>Verify against checkpoints</source>
        <translation>对照检查点校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="330"/>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计日志链…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="340"/>
        <source>Reading the chain&apos;s head…</source>
        <translation>正在读取日志链的最新位置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="348"/>
        <source>Export checkpoint</source>
        <translation>导出检查点</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="360"/>
        <source>Checkpoint of entry {seq} saved to {path}. Keep it away from the database server: verifying against it later shows whether the trail was cut back or rewritten.</source>
        <translation>第 {seq} 条记录的检查点已保存到 {path}。请将其存放在数据库服务器之外：日后对照它校验，即可发现审计日志是否被截短或改写。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="374"/>
        <source>Audit chain intact: {n} entries checked.</source>
        <translation>审计日志链完整：已校验 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="378"/>
        <source>The audit chain is broken at entry {seq}: {reason}</source>
        <translation>审计链在第 {seq} 条记录处断裂：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="386"/>
        <source>The database guards that keep the audit trail append-only are not intact: {guards}.</source>
        <translation>保证审计日志只增不改的数据库防护不完整：{guards}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="397"/>
        <source>The checkpoint of entry {seq} (taken {at}) does not match: {reason}.</source>
        <translation>第 {seq} 条记录的检查点（{at} 记录）不符：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="406"/>
        <source>Checkpoints that match: {n}.</source>
        <translation>相符的检查点：{n} 个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="410"/>
        <source>Checkpoints of other databases, ignored: {n}.</source>
        <translation>其他数据库的检查点（已忽略）：{n} 个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="286"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="298"/>
        <source>The audit trail has no entries yet.</source>
        <translation>审计日志中还没有任何记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="300"/>
        <source>No entries match these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="306"/>
        <source>{time} · {user} · {entity} {record} · {action}</source>
        <translation>{time} · {user} · {entity} {record} · {action}</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit/audit_page.py" line="313"/>
        <source>No fields recorded.</source>
        <translation>未记录字段变更。</translation>
    </message>
</context>
<context>
    <name>BenefitDetail</name>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="67"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="68"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="69"/>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="70"/>
        <source>Type</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="71"/>
        <source>Supplied by</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="72"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="73"/>
        <source>Points price</source>
        <translation>积分价格</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="74"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="75"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="76"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="77"/>
        <source>Limit per member</source>
        <translation>每位会员限兑</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="78"/>
        <source>For tiers</source>
        <translation>适用等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="79"/>
        <source>Available</source>
        <translation>可兑换时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="80"/>
        <source>Voucher validity</source>
        <translation>兑换券有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="81"/>
        <source>Honoured at</source>
        <translation>适用经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="82"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="116"/>
        <source>Every tier</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="118"/>
        <source>{days} days from redemption</source>
        <translation>兑换后 {days} 天内有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="122"/>
        <source>All dealers</source>
        <translation>全部经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="133"/>
        <source>Free (a tier entitlement, counted against the tier&apos;s quantity)</source>
        <translation>免费（等级权益，计入该等级的数量）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="135"/>
        <source>{points} points (from the value)</source>
        <translation>{points} 积分（按面值计算）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="138"/>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="142"/>
        <source>As the tier benefit matrix sets</source>
        <translation>按等级权益矩阵设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="144"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="150"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="154"/>
        <source>From {start}, no end date</source>
        <translation>{start} 起，无结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="156"/>
        <source>Once listed, until {end}</source>
        <translation>上架后至 {end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/benefit_detail.py" line="157"/>
        <source>Once listed, no end date</source>
        <translation>上架后长期有效</translation>
    </message>
</context>
<context>
    <name>BenefitFiles</name>
    <message>
        <location filename="../../app/ui/benefits/common.py" line="70"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>BenefitLabels</name>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="31"/>
        <source>Points redemption</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="32"/>
        <source>Tier benefit</source>
        <translation>等级权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="33"/>
        <source>Other benefit</source>
        <translation>其他权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="40"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="41"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="42"/>
        <source>Partner</source>
        <translation>异业合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="43"/>
        <source>Custom gift</source>
        <translation>品牌定制礼品</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="50"/>
        <source>Vehicle service</source>
        <translation>车辆服务</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="51"/>
        <source>Cash voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="52"/>
        <source>Merchandise</source>
        <translation>品牌周边</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="53"/>
        <source>Custom</source>
        <translation>定制</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="61"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="62"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="63"/>
        <source>Listed</source>
        <translation>已上架</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="64"/>
        <source>Delisted</source>
        <translation>已下架</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="71"/>
        <source>Not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="72"/>
        <source>Written off</source>
        <translation>已核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="73"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="74"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="81"/>
        <source>in total</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="82"/>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="83"/>
        <source>per year</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="90"/>
        <source>per tier validity period</source>
        <translation>每个等级有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="93"/>
        <source>per calendar year</source>
        <translation>每自然年</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/labels.py" line="100"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>BenefitMatrix</name>
    <message>
        <location filename="../../app/ui/benefits/common.py" line="34"/>
        <source>{percent}% off</source>
        <translation>优惠 {percent}%</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/common.py" line="39"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/common.py" line="41"/>
        <source>Not included</source>
        <translation>不含</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/common.py" line="43"/>
        <source>{n}× per year</source>
        <translation>{n} 次/年</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/common.py" line="45"/>
        <source>{n}× per validity period</source>
        <translation>{n} 次/有效期</translation>
    </message>
</context>
<context>
    <name>BenefitsPage</name>
    <message>
        <location filename="../../app/ui/benefits/benefits_page.py" line="39"/>
        <source>Catalog</source>
        <translation>权益目录</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/benefits_page.py" line="40"/>
        <source>Tier benefit matrix</source>
        <translation>等级权益矩阵</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/benefits_page.py" line="41"/>
        <source>Orders</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/benefits_page.py" line="46"/>
        <source>Voucher expiry</source>
        <translation>兑换券过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/benefits_page.py" line="48"/>
        <source>Write-off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/benefits_page.py" line="52"/>
        <source>Benefits</source>
        <translation>权益</translation>
    </message>
</context>
<context>
    <name>CancelVoucherDialog</name>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="132"/>
        <source>Cancel voucher {code}</source>
        <translation>作废兑换券 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="133"/>
        <source>The voucher becomes void and can no longer be written off. {points} points go back to the member and the item goes back into stock.</source>
        <translation>兑换券作废后不能再核销。{points} 积分退回会员账户，库存同时退回。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="136"/>
        <source>The voucher becomes void and can no longer be written off. It cost no points; the item goes back into stock.</source>
        <translation>兑换券作废后不能再核销。该券未使用积分，库存同时退回。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="139"/>
        <source>Cancel voucher</source>
        <translation>作废兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="143"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="57"/>
        <source>from {date}</source>
        <translation>{date} 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="61"/>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="76"/>
        <source>Search by code or name</source>
        <translation>按编码或名称搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="81"/>
        <source>All channels</source>
        <translation>全部获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="86"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="98"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="98"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="98"/>
        <source>Channel</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="98"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="99"/>
        <source>Points price</source>
        <translation>积分价格</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="99"/>
        <source>Face value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="99"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="100"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="107"/>
        <source>Double-click or press Enter to edit the benefit</source>
        <translation>双击或按回车键编辑权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="109"/>
        <source>Double-click or press Enter to see the benefit</source>
        <translation>双击或按回车键查看权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="112"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="140"/>
        <source>New benefit…</source>
        <translation>新建权益…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="141"/>
        <source>Add a benefit to the catalog as a draft</source>
        <translation>将权益以草稿形式加入目录</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="142"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="142"/>
        <source>Change the selected benefit</source>
        <translation>修改所选权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="144"/>
        <source>Submit for listing…</source>
        <translation>提交上架…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="145"/>
        <source>Ask another administrator to list the benefit (in Approvals)</source>
        <translation>请另一位管理员在审批中上架该权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="147"/>
        <source>Delist…</source>
        <translation>下架…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="148"/>
        <source>Take the benefit off the catalog; vouchers already issued stay valid</source>
        <translation>将权益从目录下架；已发放的兑换券仍然有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="150"/>
        <source>Change stock…</source>
        <translation>调整库存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="150"/>
        <source>Add or take out stock</source>
        <translation>增加或减少库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="186"/>
        <source>{n} benefits</source>
        <translation>共 {n} 项权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="188"/>
        <source>No benefit matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的权益。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="190"/>
        <source>The catalog is empty: no benefits yet.</source>
        <translation>权益目录为空：还没有任何权益。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="253"/>
        <source>Benefit {code} saved.</source>
        <translation>权益 {code} 已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="262"/>
        <source>Submit {name} for listing</source>
        <translation>提交上架：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="263"/>
        <source>Another administrator lists it in Approvals. Until they decide, the benefit cannot be changed.</source>
        <translation>由另一位管理员在审批中上架。审批完成前，该权益不能修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="265"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="269"/>
        <source>what the approver should know</source>
        <translation>需要审批人了解的情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="270"/>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="300"/>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="336"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="281"/>
        <source>{name} was submitted for listing; it waits in Approvals.</source>
        <translation>{name} 已提交上架，正在等待审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="293"/>
        <source>Delist {name}</source>
        <translation>下架：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="294"/>
        <source>Members can no longer redeem it. Vouchers already issued stay valid.</source>
        <translation>会员将不能再兑换该权益。已发放的兑换券仍然有效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="295"/>
        <source>Delist</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="299"/>
        <source>why (optional)</source>
        <translation>原因（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="309"/>
        <source>{name} was delisted.</source>
        <translation>{name} 已下架。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="318"/>
        <source>Change the stock of {name}</source>
        <translation>调整库存：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="319"/>
        <source>In stock now: {stock}. Add with a positive number, take out with a negative one.</source>
        <translation>当前库存：{stock}。正数为增加，负数为减少。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="321"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="327"/>
        <source>Unlimited stock</source>
        <translation>库存不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="333"/>
        <source>e.g. delivery note number</source>
        <translation>例如到货单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="334"/>
        <source>Change by</source>
        <translation>调整数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/catalog_tab.py" line="355"/>
        <source>{name}: {stock} in stock.</source>
        <translation>{name}：库存 {stock}。</translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="59"/>
        <source>{benefit} for {tier}</source>
        <translation>{tier}的{benefit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="63"/>
        <source>What members of the tier {tier} get of {benefit}.</source>
        <translation>{tier}等级会员可享有的{benefit}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="70"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="72"/>
        <source>0: the tier does not get this benefit</source>
        <translation>0：该等级不享有此权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="82"/>
        <source>the benefit&apos;s value, {value}</source>
        <translation>权益面值 {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="88"/>
        <source>% off</source>
        <translation>% 优惠</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="89"/>
        <source>No discount</source>
        <translation>无折扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="91"/>
        <source>e.g. 10% off the insurance premium</source>
        <translation>例如保费优惠 10%</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="96"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="97"/>
        <source>Counted</source>
        <translation>计算周期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="98"/>
        <source>Value (¥)</source>
        <translation>面值（¥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="99"/>
        <source>Or a discount</source>
        <translation>或折扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/cell_dialog.py" line="125"/>
        <source>Enter an amount in yuan, e.g. 200.00.</source>
        <translation>请输入金额（元），例如 200.00。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/ui/shell/login.py" line="247"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="252"/>
        <source>Your password was set by an administrator. Choose your own password to continue.</source>
        <translation>您的密码由管理员设置，请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="261"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="262"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="263"/>
        <source>Repeat new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="267"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChecksTab</name>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="77"/>
        <source>Expiry run</source>
        <translation>积分过期处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="80"/>
        <source>Removes from the members&apos; balances the points whose last valid day is before the chosen date, with an expiry entry for each. It normally runs every night; run it here to catch up. Running it twice for the same date changes nothing.</source>
        <translation>将最后有效日早于所选日期的积分从会员余额中扣除，每笔记一条过期流水。系统通常每晚自动执行；如有遗漏可在此补跑。同一日期重复执行不会产生任何变化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="93"/>
        <source>Run expiry…</source>
        <translation>执行过期…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="102"/>
        <source>Expire points as of</source>
        <translation>积分过期基准日</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="113"/>
        <source>Initial points</source>
        <translation>初始积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="116"/>
        <source>Members with service records in the year before the launch get that spend converted into points at the service rule, once. Documents that already earned points do not count; running it again only grants the members not done yet.</source>
        <translation>上线前一年内有售后维修记录的会员，按售后维修积分规则将其消费一次性折算为积分。已获得过积分的单据不计入；再次运行只会发放给尚未发放的会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="122"/>
        <source>Grant initial points…</source>
        <translation>发放初始积分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="140"/>
        <location filename="../../app/ui/points/checks_tab.py" line="237"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="152"/>
        <source>Convert last year&apos;s service spend into points now?

The preview counted {counted} to grant, dated {date}.</source>
        <translation>现在将上一年度的维修消费折算为积分吗？

预览统计：将发放 {counted}，日期为 {date}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="156"/>
        <source>Grant initial points</source>
        <translation>发放初始积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="157"/>
        <source>Grant points</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="165"/>
        <source>Granting initial points…</source>
        <translation>正在发放初始积分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="174"/>
        <source>Granted before: {points} points to {members} members; nothing changed now.</source>
        <translation>此前已发放：{members} 位会员共 {points} 积分；本次未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="176"/>
        <source>{points} points granted to {members} members.</source>
        <translation>已向 {members} 名会员发放 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="186"/>
        <source>Cancelled. Members done so far keep their points; run it again to finish.</source>
        <translation>已取消。已处理会员的积分保留；再次执行即可完成其余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="192"/>
        <source>Ledger check</source>
        <translation>积分账核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="195"/>
        <source>Recomputes every member&apos;s balance, lots and holds from the ledger entries and lists anything that disagrees. It only reads; nothing is changed.</source>
        <translation>根据积分流水重新计算每位会员的余额、积分批次和冻结积分，并列出不一致之处。只读取，不做任何修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="200"/>
        <source>Check ledger</source>
        <translation>核对积分账</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="208"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="208"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="208"/>
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="208"/>
        <source>Found</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="248"/>
        <source>Expire all points whose last valid day is before {date}?

The preview counted {counted}. Their balances go down by those points and an expiry entry is posted for each; this cannot be undone. The run works through the members in batches: if you cancel it, the batches done stay expired and running it again finishes the rest.</source>
        <translation>让有效期最后一天早于 {date} 的积分全部过期吗？

预览统计：{counted}。会员余额将扣减这些积分，并为每个积分批次记一笔过期流水；此操作不可撤销。处理按会员分批进行：如中途取消，已完成的批次保持过期，再次执行即可完成其余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="255"/>
        <source>Run expiry</source>
        <translation>执行积分过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="255"/>
        <source>Expire points</source>
        <translation>执行积分过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="262"/>
        <source>Expiring points…</source>
        <translation>正在处理积分过期…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="265"/>
        <source>Expiring points as of {date}…</source>
        <translation>正在处理 {date} 之前到期的积分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="276"/>
        <source>The expiry as of {date} was run before ({lots} lots, {points} points); nothing changed now.</source>
        <translation>截至 {date} 的过期处理此前已执行（{lots} 个积分批次，{points} 积分）；本次未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="280"/>
        <source>1 lot, {points} points expired as of {date}.</source>
        <translation>已过期 1 个积分批次，共 {points} 分（基准日 {date}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="282"/>
        <source>{lots} lots, {points} points expired as of {date}.</source>
        <translation>已过期 {lots} 个积分批次，共 {points} 分（基准日 {date}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="296"/>
        <source>Cancelled. The batches already done stay expired; run the expiry again to finish.</source>
        <translation>已取消。已完成的批次保持过期；再次执行即可完成其余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="310"/>
        <location filename="../../app/ui/points/checks_tab.py" line="313"/>
        <source>Checking the ledger…</source>
        <translation>正在核对积分账…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="325"/>
        <source>The ledger is consistent: every balance, lot and hold matches.</source>
        <translation>积分账一致：所有余额、积分批次和冻结积分均与流水相符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="331"/>
        <source>The database guards that keep the ledger append-only are not intact: {guards}.</source>
        <translation>保证积分流水只增不改的数据库防护不完整：{guards}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="337"/>
        <source>{n} discrepancies found. Keep this list for the system administrator.</source>
        <translation>发现 {n} 处不一致，请将此列表提供给系统管理员。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../app/cli/i18n.py" line="126"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="127"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="128"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="129"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="130"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="133"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="136"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="137"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="140"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="143"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="146"/>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="147"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="256"/>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="256"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../app/cli/main.py" line="34"/>
        <source>Loyalty Desk command line</source>
        <translation>会员管理台命令行</translation>
    </message>
    <message>
        <location filename="../../app/cli/main.py" line="40"/>
        <source>language of messages and help (default: the system&apos;s)</source>
        <translation>消息和帮助的语言（默认：系统语言）</translation>
    </message>
    <message>
        <location filename="../../app/cli/main.py" line="44"/>
        <source>database URL or SQLite file path</source>
        <translation>数据库地址或 SQLite 文件路径</translation>
    </message>
    <message>
        <location filename="../../app/cli/main.py" line="50"/>
        <source>staff user running the command (password: $LOYALTY_PASSWORD)</source>
        <translation>执行命令的员工账户（密码：$LOYALTY_PASSWORD）</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="14"/>
        <source>requests waiting for a decision (maker-checker)</source>
        <translation>待审批的申请（经办与审批分离）</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="19"/>
        <source>requests you may see, newest first</source>
        <translation>您可查看的申请，最新的在前</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="21"/>
        <source>e.g. points_adjustment</source>
        <translation>例如 points_adjustment</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="25"/>
        <source>request status (default: pending)</source>
        <translation>申请状态（默认：pending）</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="28"/>
        <source>requested by this user</source>
        <translation>由该用户提交的申请</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="31"/>
        <source>approve and apply a request</source>
        <translation>批准并执行申请</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="32"/>
        <source>reject a request (a note is required)</source>
        <translation>驳回申请（必须填写备注）</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="33"/>
        <source>withdraw your own request</source>
        <translation>撤回自己的申请</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="38"/>
        <source>the decision&apos;s note</source>
        <translation>审批备注</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="41"/>
        <source>lapse requests left undecided too long</source>
        <translation>将超时未处理的申请置为已失效</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="44"/>
        <source>batch runs</source>
        <translation>批处理任务</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="47"/>
        <source>the newest batch runs first</source>
        <translation>批处理任务，最新的在前</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="50"/>
        <source>e.g. points_expiry, initial_points</source>
        <translation>例如 points_expiry、initial_points</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="60"/>
        <source>{n:,} requests lapsed</source>
        <translation>{n:,} 条申请已失效</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="76"/>
        <source>request {id}: {status}</source>
        <translation>申请 {id}：{status}</translation>
    </message>
    <message>
        <location filename="../../app/cli/approvals.py" line="91"/>
        <source>{n} batches</source>
        <translation>{n} 批</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="17"/>
        <source>audit trail (as a user with audit access)</source>
        <translation>审计日志（需有审计权限的用户）</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="23"/>
        <source>check the hash chain, its database guards and the checkpoints; exit 1 naming the first broken entry, failed checkpoint or missing guard</source>
        <translation>检查哈希链、其数据库保护和检查点；发现问题时列出第一条断开的记录、未通过的检查点或缺失的保护，并以 1 退出</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="33"/>
        <source>also compare with the checkpoints in FILE</source>
        <translation>同时与 FILE 中的检查点比对</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="37"/>
        <source>write the chain&apos;s head to a file to keep outside the database</source>
        <translation>将哈希链末端写入文件，保存在数据库之外</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="50"/>
        <source>checkpoint written: {file} (database {db}, entry {seq})</source>
        <translation>已写出检查点：{file}（数据库 {db}，第 {seq} 条）</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="57"/>
        <source>audit trail intact: {n:,} entries</source>
        <translation>审计日志完整：{n:,} 条记录</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="62"/>
        <source>audit trail BROKEN at entry {seq}: {reason} ({n:,} entries before it are intact)</source>
        <translation>审计日志在第 {seq} 条断开：{reason}（之前的 {n:,} 条完整）</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="72"/>
        <source>checkpoint FAILED at entry {seq} (taken {at}): {reason}</source>
        <translation>检查点未通过，第 {seq} 条（{at} 生成）：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="75"/>
        <source>audit trail UNGUARDED: database guard {problem}</source>
        <translation>审计日志未受保护：数据库保护 {problem}</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="82"/>
        <source>{n:,} checkpoints match</source>
        <translation>{n:,} 个检查点一致</translation>
    </message>
    <message>
        <location filename="../../app/cli/audit.py" line="84"/>
        <source>{n:,} checkpoints of other databases ignored</source>
        <translation>已忽略其他数据库的 {n:,} 个检查点</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="42"/>
        <source>benefits: voucher expiry run, the catalog, redemption orders</source>
        <translation>权益：兑换券过期处理、权益目录、兑换订单</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="50"/>
        <source>expire unused vouchers past their last day as of a date: counts them; --commit applies it (resumes an interrupted run; a committed run is never run again)</source>
        <translation>按某一日期将已过最后使用日的未使用兑换券置为过期：统计数量；--commit 执行（会续做中断的任务；已提交的任务不会再次执行）</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="57"/>
        <location filename="../../app/cli/tiers.py" line="44"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="60"/>
        <source>expire the vouchers</source>
        <translation>使兑换券过期</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="63"/>
        <location filename="../../app/cli/benefits.py" line="69"/>
        <location filename="../../app/cli/benefits.py" line="106"/>
        <location filename="../../app/cli/partners.py" line="91"/>
        <location filename="../../app/cli/reports.py" line="73"/>
        <location filename="../../app/cli/tiers.py" line="50"/>
        <location filename="../../app/cli/tiers.py" line="60"/>
        <location filename="../../app/cli/tiers.py" line="66"/>
        <source>print a JSON object</source>
        <translation>输出一个 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="66"/>
        <source>the catalog: every item with price and stock</source>
        <translation>权益目录：每项权益及其所需积分和库存</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="73"/>
        <source>redemption orders (one voucher each), newest first</source>
        <translation>兑换订单（每单一张兑换券），最新的在前</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="76"/>
        <source>a member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="79"/>
        <source>voucher status</source>
        <translation>兑换券状态</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="82"/>
        <source>issued on or after</source>
        <translation>发放日期不早于</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="85"/>
        <source>issued on or before</source>
        <translation>发放日期不晚于</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="91"/>
        <source>rows shown, 1 to 10,000 (default 500)</source>
        <translation>显示的行数，1 到 10,000（默认 500）</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="97"/>
        <source>write every match to .xlsx</source>
        <translation>将所有匹配结果写入 .xlsx</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="103"/>
        <source>for --xlsx</source>
        <translation>用于 --xlsx</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="123"/>
        <source>resuming run {id} ({status} after {batches:,} batches: {n:,} vouchers expired)</source>
        <translation>续做任务 {id}（{status}，已完成 {batches:,} 批：{n:,} 张兑换券已过期）</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="153"/>
        <source>voucher expiry as of {date} (run {id})</source>
        <translation>截至 {date} 的兑换券过期处理（任务 {id}）</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="160"/>
        <source>{head} was already committed by {by}: {expired:,} vouchers expired; nothing changed now</source>
        <translation>{head} 已由 {by} 提交：{expired:,} 张兑换券已过期；本次未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="165"/>
        <source>{head} was already committed on {when} by {by}: {expired:,} vouchers expired; nothing changed now</source>
        <translation>{head} 已于 {when} 由 {by} 提交：{expired:,} 张兑换券已过期；本次未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="172"/>
        <source>{head} committed in {batches:,} batches: {expired:,} vouchers expired</source>
        <translation>{head} 已提交，共 {batches:,} 批：{expired:,} 张兑换券已过期</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="176"/>
        <source>{head} resumed and committed in {batches:,} batches: {expired:,} vouchers expired</source>
        <translation>{head} 已续做并提交，共 {batches:,} 批：{expired:,} 张兑换券已过期</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="182"/>
        <source>{head} stopped ({status}) after {batches:,} batches: {expired:,} vouchers expired; commit again to resume</source>
        <translation>{head} 已停止（{status}），已完成 {batches:,} 批：{expired:,} 张兑换券已过期；再次提交即可续做</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="190"/>
        <source>{head} was interrupted ({status}) after {batches:,} batches: {expired:,} vouchers expired, {due:,} still due; --commit resumes it</source>
        <translation>{head} 曾中断（{status}），已完成 {batches:,} 批：{expired:,} 张兑换券已过期，{due:,} 张仍待处理；--commit 可续做</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="197"/>
        <source>{head} preview: {due:,} vouchers due; nothing changed (apply with --commit)</source>
        <translation>{head} 预览：{due:,} 张兑换券待过期；未做任何改动（用 --commit 执行）</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="223"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="226"/>
        <source>{n:,} items, {listed:,} listed</source>
        <translation>共 {n:,} 项，{listed:,} 项已上架</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="237"/>
        <source>--limit must be from 1 to {max:,}</source>
        <translation>--limit 须在 1 到 {max:,} 之间</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="240"/>
        <source>--to is before --from</source>
        <translation>--to 早于 --from</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="251"/>
        <location filename="../../app/cli/tiers.py" line="191"/>
        <source>{n:,} points</source>
        <translation>{n:,} 积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="258"/>
        <source>{n:,} of {total:,} orders</source>
        <translation>{n:,} / {total:,} 个订单</translation>
    </message>
    <message>
        <location filename="../../app/cli/benefits.py" line="283"/>
        <source>{n:,} orders written to {file}</source>
        <translation>已写出 {n:,} 个订单到 {file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="31"/>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="41"/>
        <source>set {env} or run in a terminal to be asked for the password</source>
        <translation>请设置 {env}，或在终端中运行以输入密码</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="55"/>
        <source>this command needs a staff user: say who you are with --as USER</source>
        <translation>此命令需要员工账户：请用 --as USER 指明身份</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="59"/>
        <location filename="../../app/cli/setup.py" line="120"/>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="72"/>
        <source>the password of {user} was set by an administrator: change it first with `loyalty --as {user} passwd` or in the desktop app</source>
        <translation>{user} 的密码由管理员设置：请先用 `loyalty --as {user} passwd` 或在桌面应用中修改</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="89"/>
        <source>{done:,} rows</source>
        <translation>{done:,} 行</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="106"/>
        <source>no dealer {code}</source>
        <translation>没有经销商 {code}</translation>
    </message>
    <message>
        <location filename="../../app/cli/common.py" line="113"/>
        <source>no member {number}</source>
        <translation>没有会员 {number}</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="16"/>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="20"/>
        <source>import members from an .xlsx file</source>
        <translation>从 .xlsx 文件导入会员</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="24"/>
        <source>check only, write nothing</source>
        <translation>只检查，不写入任何数据</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="27"/>
        <location filename="../../app/cli/points.py" line="62"/>
        <source>write a result workbook here</source>
        <translation>将结果工作簿写到此处</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="32"/>
        <source>import nothing if any row is invalid</source>
        <translation>任一行有误则全部不导入</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="36"/>
        <source>export members to .xlsx (masked unless you may see personal data)</source>
        <translation>导出会员到 .xlsx（无权查看个人信息时脱敏）</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="42"/>
        <source>search text, as in the app</source>
        <translation>搜索文字，与应用中相同</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="48"/>
        <source>write the import template</source>
        <translation>写出导入模板</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="57"/>
        <location filename="../../app/cli/points.py" line="103"/>
        <source>template written: {file}</source>
        <translation>已写出模板：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="65"/>
        <source>{n:,} members exported to {file}</source>
        <translation>已导出 {n:,} 位会员到 {file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="74"/>
        <source> (resumed after row {row})</source>
        <translation>（从第 {row} 行之后续做）</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="78"/>
        <source>{status}: {total:,} rows, {imported:,} imported, {rejected:,} with errors</source>
        <translation>{status}：共 {total:,} 行，导入 {imported:,} 行，{rejected:,} 行有错误</translation>
    </message>
    <message>
        <location filename="../../app/cli/members.py" line="86"/>
        <location filename="../../app/cli/points.py" line="181"/>
        <source>result workbook: {file}</source>
        <translation>结果工作簿：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="33"/>
        <source>points ledger jobs</source>
        <translation>积分流水批处理</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="38"/>
        <source>expire lots that ended before the date (idempotent; needs an admin)</source>
        <translation>使在该日期前到期的积分批次过期（可重复执行；需要管理员）</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="43"/>
        <source>YYYY-MM-DD (default: today)</source>
        <translation>YYYY-MM-DD（默认：今天）</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="47"/>
        <source>grant initial points for the service spend of the year before launch</source>
        <translation>按上线前一年的售后消费发放初始积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="53"/>
        <source>record service/purchase documents from a dealer system export (.xlsx)</source>
        <translation>从经销商系统导出的文件（.xlsx）记录售后/购车单据</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="59"/>
        <source>check only, post nothing</source>
        <translation>只检查，不记入任何积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="65"/>
        <source>write the documents import template</source>
        <translation>写出单据导入模板</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="71"/>
        <source>members with points expiring soon, to .xlsx for reminders</source>
        <translation>积分即将到期的会员，导出到 .xlsx 以便提醒</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="77"/>
        <source>window in months (default: the setting)</source>
        <translation>时间范围（月，默认：按设置）</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="80"/>
        <source>a member&apos;s points statement (PDF)</source>
        <translation>会员积分对账单（PDF）</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="89"/>
        <source>points ledger checks</source>
        <translation>积分流水检查</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="94"/>
        <source>check balances, holds and lots against the entries; exit 1 naming members</source>
        <translation>按积分流水核对余额、冻结积分和积分批次；不一致时列出会员并以 1 退出</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="117"/>
        <source>expiry as of {date}: {lots:,} lots, {points:,} points expired before (run {run}); nothing changed now</source>
        <translation>截至 {date} 的积分过期此前已执行（任务 {run}）：{lots:,} 个积分批次、{points:,} 积分已过期；本次未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="123"/>
        <source>expiry as of {date}: {lots:,} lots, {points:,} points expired</source>
        <translation>截至 {date} 的积分过期：{lots:,} 个积分批次、{points:,} 积分已过期</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="134"/>
        <source>{points:,} initial points granted to {members:,} members before (run {run}); nothing changed now</source>
        <translation>初始积分此前已发放（任务 {run}）：{members:,} 位会员共 {points:,} 积分；本次未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="140"/>
        <source>{points:,} initial points granted to {members:,} members</source>
        <translation>已发放初始积分：{members:,} 位会员共 {points:,} 积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="150"/>
        <source>{n:,} rows written to {file}</source>
        <translation>已写出 {n:,} 行到 {file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="157"/>
        <source>statement written: {file}</source>
        <translation>已写出对账单：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="166"/>
        <source>{total:,} rows: {imported:,} imported ({points:,} points), {already:,} already recorded, {rejected:,} with errors</source>
        <translation>共 {total:,} 行：导入 {imported:,} 行（{points:,} 积分），{already:,} 行此前已记录，{rejected:,} 行有错误</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="176"/>
        <source>{n:,} documents before the launch kept as history for initial points</source>
        <translation>{n:,} 张上线前的单据已作为历史记录保留，用于发放初始积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="191"/>
        <source>ledger UNGUARDED: database guard {problem}</source>
        <translation>积分流水未受保护：数据库保护 {problem}</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="194"/>
        <source>ledger consistent: every balance, hold and lot agrees with the entries</source>
        <translation>积分流水一致：所有余额、冻结积分和积分批次都与流水相符</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="200"/>
        <source>member {number} (id {id}): {problem} is {found:,}, the entries say {expected:,}</source>
        <translation>会员 {number}（id {id}）：{problem} 为 {found:,}，按流水应为 {expected:,}</translation>
    </message>
    <message>
        <location filename="../../app/cli/points.py" line="210"/>
        <source>ledger INCONSISTENT for {n:,} members</source>
        <translation>{n:,} 位会员的积分流水不一致</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="33"/>
        <source>create or upgrade the schema</source>
        <translation>创建或升级数据库结构</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="38"/>
        <source>create the first admin ($LOYALTY_PASSWORD)</source>
        <translation>创建第一个管理员（密码：$LOYALTY_PASSWORD）</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="43"/>
        <source>the first admin&apos;s display name</source>
        <translation>第一个管理员的显示名称</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="47"/>
        <source>build a demo database</source>
        <translation>生成演示数据库</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="49"/>
        <source>how many members</source>
        <translation>会员数量</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="55"/>
        <source>random seed (same seed, same data)</source>
        <translation>随机种子（种子相同，数据相同）</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="60"/>
        <source>rebuild an existing demo database (needs --as)</source>
        <translation>重建已有的演示数据库（需要 --as）</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="66"/>
        <source>online backup of an SQLite database into a new file (or a folder)</source>
        <translation>在线备份 SQLite 数据库到新文件（或文件夹）</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="75"/>
        <source>change your own password (new one from $LOYALTY_NEW_PASSWORD or a prompt)</source>
        <translation>修改自己的密码（新密码取自 $LOYALTY_NEW_PASSWORD 或提示输入）</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="81"/>
        <source>programme settings</source>
        <translation>会员计划设置</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="85"/>
        <source>show every setting</source>
        <translation>显示全部设置</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="86"/>
        <source>change one setting</source>
        <translation>修改一项设置</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="94"/>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="95"/>
        <source>Repeat: </source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="97"/>
        <source>the two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="99"/>
        <source>password of {user} changed</source>
        <translation>{user} 的密码已修改</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="107"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="108"/>
        <source>{db}: schema {before} -&gt; {after}</source>
        <translation>{db}：数据库结构 {before} -&gt; {after}</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="111"/>
        <source>backup of the previous file: {file}</source>
        <translation>原文件的备份：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="116"/>
        <source>the database already has staff users; --admin only creates the first</source>
        <translation>数据库中已有员工账户；--admin 只用于创建第一个</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="123"/>
        <source>first administrator created: {user}</source>
        <translation>已创建第一个管理员：{user}</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="126"/>
        <source>no staff users yet: run with --admin USER, or start the app to create one</source>
        <translation>尚无员工账户：请加 --admin USER 运行，或启动应用创建</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="135"/>
        <source>--members must be 0 or more</source>
        <translation>会员数量（--members）不能小于 0</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="146"/>
        <source>{db}: {dealers} dealers, {staff} staff, {members:,} members, {vehicles:,} vehicles, {entries:,} ledger entries, {orders:,} service orders in {seconds:.1f} s</source>
        <translation>{db}：{dealers} 家经销商、{staff} 名员工、{members:,} 位会员、{vehicles:,} 辆车、{entries:,} 条积分流水、{orders:,} 张售后工单，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="156"/>
        <source>demo sign-ins (password {password}): {names}</source>
        <translation>演示账户（密码 {password}）：{names}</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="179"/>
        <source>backup written: {file}</source>
        <translation>已写出备份：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="198"/>
        <source>unknown setting {key}; known: {known}</source>
        <translation>未知设置 {key}；可用：{known}</translation>
    </message>
    <message>
        <location filename="../../app/cli/setup.py" line="207"/>
        <source>{key} needs a {kind}</source>
        <translation>{key} 需要 {kind} 类型的值</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="14"/>
        <source>dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="17"/>
        <source>list the dealers</source>
        <translation>列出经销商</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="18"/>
        <source>add or change a dealer</source>
        <translation>添加或修改经销商</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="22"/>
        <source>staff users</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="25"/>
        <source>list the staff users</source>
        <translation>列出员工账户</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="26"/>
        <source>one-time password from $LOYALTY_NEW_PASSWORD</source>
        <translation>一次性密码取自 $LOYALTY_NEW_PASSWORD</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="47"/>
        <source>dealer {code} saved (id {id})</source>
        <translation>经销商 {code} 已保存（id {id}）</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="66"/>
        <source>One-time password: </source>
        <translation>一次性密码：</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="75"/>
        <source>user {user} created; they must change the password at first sign-in</source>
        <translation>已创建用户 {user}；首次登录时须修改密码</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="82"/>
        <source>no user {user}</source>
        <translation>没有用户 {user}</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="84"/>
        <source>password of {user} reset; they must change it at next sign-in</source>
        <translation>{user} 的密码已重置；下次登录时须修改</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="93"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/cli/staff.py" line="93"/>
        <source>inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="31"/>
        <source>member tiers: review, at-risk list, policy</source>
        <translation>会员等级：评审、保级风险名单、等级政策</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="37"/>
        <source>the tier review as of a date: counts what it would do; --commit applies it (resumes an interrupted run; a committed run is never run again)</source>
        <translation>按某一日期进行等级评审：统计将做的变动；--commit 执行评审（会续做中断的任务；已提交的任务不会再次执行）</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="47"/>
        <source>apply the review</source>
        <translation>执行评审</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="54"/>
        <source>members whose tier ends soon without the points to keep it</source>
        <translation>等级即将到期且积分不足以保级的会员</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="57"/>
        <source>window in days (default 60)</source>
        <translation>时间范围（天，默认 60）</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="63"/>
        <source>the tier policy in force today</source>
        <translation>今天生效的等级政策</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="83"/>
        <source>resuming run {id} ({status} after {batches:,} batches: {counts})</source>
        <translation>续做任务 {id}（{status}，已完成 {batches:,} 批：{counts}）</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="110"/>
        <source>tier review as of {date} (run {id})</source>
        <translation>截至 {date} 的等级评审（任务 {id}）</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="118"/>
        <source>{head} was already committed by {by}: {counts}; nothing changed now</source>
        <translation>{head} 已由 {by} 提交：{counts}；本次未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="122"/>
        <source>{head} was already committed on {when} by {by}: {counts}; nothing changed now</source>
        <translation>{head} 已于 {when} 由 {by} 提交：{counts}；本次未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="129"/>
        <source>{head} committed in {batches:,} batches: {counts}</source>
        <translation>{head} 已提交，共 {batches:,} 批：{counts}</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="131"/>
        <source>{head} resumed and committed in {batches:,} batches: {counts}</source>
        <translation>{head} 已续做并提交，共 {batches:,} 批：{counts}</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="136"/>
        <source>{head} stopped ({status}) after {batches:,} batches: {counts} done; commit again to resume</source>
        <translation>{head} 已停止（{status}），已完成 {batches:,} 批：已完成 {counts}；再次提交即可续做</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="144"/>
        <source>{head} was interrupted ({status}) after {batches:,} batches: {counts} done, still due: {due}; --commit resumes it</source>
        <translation>{head} 曾中断（{status}），已完成 {batches:,} 批：已完成 {counts}，仍待处理：{due}；--commit 可续做</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="151"/>
        <source>{head} preview: {members:,} members due: {due}; nothing changed (apply with --commit)</source>
        <translation>{head} 预览：{members:,} 位会员待处理：{due}；未做任何改动（用 --commit 执行）</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="177"/>
        <source>--days must be from 1 to {max}</source>
        <translation>--days 须在 1 到 {max} 之间</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="192"/>
        <source>{n:,} missing</source>
        <translation>差 {n:,}</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="198"/>
        <source>{n:,} members at risk within {days} days</source>
        <translation>{days} 天内有 {n:,} 位会员面临降级风险</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="218"/>
        <source>tier policy in force: the built-in example (no version saved yet)</source>
        <translation>当前等级政策：内置示例（尚未保存任何版本）</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="224"/>
        <source>tier policy in force: version {version} from {date}</source>
        <translation>当前等级政策：版本 {version}，自 {date} 起生效</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="237"/>
        <source>at most {steps} step(s)</source>
        <translation>最多降 {steps} 级</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="239"/>
        <source>to the tier the points keep</source>
        <translation>降至积分可保持的等级</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="241"/>
        <source>validity {months} months, grace {days} days, downgrade {downgrade}, upgrades judged on {basis} points</source>
        <translation>有效期 {months} 个月，宽限期 {days} 天，降级：{downgrade}，升级依据：{basis} 积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/tiers.py" line="251"/>
        <source>enrolment: {series} → {tier}</source>
        <translation>入会：{series} → {tier}</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="33"/>
        <source>partners: monthly settlement, industry comparison</source>
        <translation>合作伙伴：月度结算、行业横比</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="44"/>
        <source>a month&apos;s settlement per partner: redemptions and write-offs at the unit cost, rebates, totals; to .xlsx and/or .pdf, else a summary</source>
        <translation>按合作伙伴生成月度结算：按单位成本计算的兑换和核销、返利及合计；写入 .xlsx 和/或 .pdf，未指定文件时输出摘要</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="51"/>
        <location filename="../../app/cli/reports.py" line="51"/>
        <source>the month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="56"/>
        <source>one partner&apos;s code (default: every partner)</source>
        <translation>单个合作伙伴的编码（默认：全部合作伙伴）</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="59"/>
        <location filename="../../app/cli/reports.py" line="61"/>
        <source>write an .xlsx</source>
        <translation>写出 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="62"/>
        <location filename="../../app/cli/partners.py" line="78"/>
        <location filename="../../app/cli/reports.py" line="64"/>
        <source>write a PDF</source>
        <translation>写出 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="70"/>
        <source>the side-by-side comparison of an industry&apos;s scored partners</source>
        <translation>某一行业已评分合作伙伴的横比</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="75"/>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="88"/>
        <location filename="../../app/cli/reports.py" line="70"/>
        <source>for --xlsx and --pdf (default: zh_CN)</source>
        <translation>--xlsx 和 --pdf 文件的语言（默认：zh_CN）</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="127"/>
        <source>settlement of {month}: {n:,} partners, total payable {total}, written to {files}</source>
        <translation>{month} 结算：{n:,} 家合作伙伴，应付合计 {total}，已写出到 {files}</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="137"/>
        <source>settlement of {month}: {n:,} partners, total payable {total}</source>
        <translation>{month} 结算：{n:,} 家合作伙伴，应付合计 {total}</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="186"/>
        <source>comparison written to {file}</source>
        <translation>已写出横比：{file}</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="188"/>
        <source>no font could show these characters: {chars}</source>
        <translation>没有字体能显示以下字符：{chars}</translation>
    </message>
    <message>
        <location filename="../../app/cli/partners.py" line="211"/>
        <source>{n:,} partners compared (at least {minimum})</source>
        <translation>{n:,} 家合作伙伴参与横比（应至少 {minimum} 家）</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="38"/>
        <source>reports: the monthly report pack</source>
        <translation>报表：月度报告</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="44"/>
        <source>the monthly report pack of the network, a region or a dealer: to .xlsx and/or .pdf, else a summary</source>
        <translation>全网、某一大区或某一经销商的月度报告：写入 .xlsx 和/或 .pdf，未指定文件时输出摘要</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="55"/>
        <source>one dealer&apos;s code</source>
        <translation>单个经销商的代码</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="58"/>
        <source>the dealers of one region</source>
        <translation>某一大区的经销商</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="98"/>
        <source>warning: a check of the figures failed: {message}</source>
        <translation>警告：数据核对未通过：{message}</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="103"/>
        <source>whole network</source>
        <translation>全网</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="112"/>
        <source>monthly report {month} ({scope}): {members:,} members, {earned:,} points earned, closing balance {closing:,}; written to {files}</source>
        <translation>{month} 月度报告（{scope}）：{members:,} 位会员，获得 {earned:,} 积分，期末余额 {closing:,}；已写出到 {files}</translation>
    </message>
    <message>
        <location filename="../../app/cli/reports.py" line="118"/>
        <source>monthly report {month} ({scope}): {members:,} members, {earned:,} points earned, closing balance {closing:,}</source>
        <translation>{month} 月度报告（{scope}）：{members:,} 位会员，获得 {earned:,} 积分，期末余额 {closing:,}</translation>
    </message>
</context>
<context>
    <name>ComparisonTab</name>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="79"/>
        <source>Print PDF…</source>
        <translation>打印 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="83"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="87"/>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="89"/>
        <source>A new version of the evaluation weights</source>
        <translation>新建评估权重版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="102"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="102"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="104"/>
        <source>Total</source>
        <translation>加权总分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="104"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="104"/>
        <source>Admission</source>
        <translation>准入</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="108"/>
        <source>No partner of this industry has been scored yet.</source>
        <translation>该行业还没有已评分的合作伙伴。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="166"/>
        <source>Weights in force: {weights}</source>
        <translation>现行权重：{weights}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="171"/>
        <source>{n} partners compared.</source>
        <translation>共 {n} 家合作伙伴参与横比。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="181"/>
        <source>Not assessed</source>
        <translation>未核查</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="183"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="184"/>
        <source>Failed, overridden by headquarters</source>
        <translation>未通过，总部特批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="184"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="190"/>
        <source>Only {count} partners of {industry} are compared; the shortlist needs at least {minimum}. Admitting one of them needs a recorded reason.</source>
        <translation>参与横比的{industry}合作伙伴仅 {count} 家，初选名单至少需要 {minimum} 家。准入其中任何一家都须记录理由。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="213"/>
        <source>Print the comparison</source>
        <translation>打印横比</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="214"/>
        <source>partner-comparison-{industry}.pdf</source>
        <translation>合作伙伴横比-{industry}.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="222"/>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="231"/>
        <source>The comparison was saved to {path}</source>
        <translation>横比已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="233"/>
        <source>Print PDF</source>
        <translation>打印 PDF</translation>
    </message>
</context>
<context>
    <name>CompensationDialog</name>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="309"/>
        <source>Compensate with points</source>
        <translation>积分补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="310"/>
        <source>{title}
The points go to member {number} once another person approves the adjustment in Approvals.</source>
        <translation>{title}
该积分调整经他人在审批中批准后，积分将发放给会员 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="313"/>
        <source>Send to Approvals</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="321"/>
        <source>what the approver should know</source>
        <translation>需要审批人了解的情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="322"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="323"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailDialog</name>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="360"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="382"/>
        <source>{time} · late</source>
        <translation>{time} · 已超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="386"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="387"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="388"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="389"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="390"/>
        <source>Report due by</source>
        <translation>反馈截止时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="392"/>
        <source>Reported to operations at</source>
        <translation>反馈运营时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="393"/>
        <source>Summary</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="394"/>
        <source>Plan due by</source>
        <translation>处理办法截止时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="396"/>
        <source>Plan</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="397"/>
        <source>Plan fixed at</source>
        <translation>处理办法确定时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="398"/>
        <source>First response at</source>
        <translation>首次响应时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="399"/>
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="400"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="401"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="402"/>
        <source>Resolved at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="403"/>
        <source>Caused by the partner</source>
        <translation>合作伙伴责任</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="404"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="404"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="405"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="406"/>
        <source>Recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="407"/>
        <source>{time} by {user}</source>
        <translation>{time}，{user}</translation>
    </message>
</context>
<context>
    <name>ComplaintDialogs</name>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="344"/>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="105"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="105"/>
        <location filename="../../app/ui/partners/complaints_tab.py" line="170"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="106"/>
        <source>Plan due / report due</source>
        <translation>处理办法/反馈截止</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="106"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="106"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="107"/>
        <source>Summary</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="107"/>
        <source>Plan</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="107"/>
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="107"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="112"/>
        <source>Double-click or press Enter to see the complaint</source>
        <translation>双击或按回车键查看投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="119"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="148"/>
        <source>All partners</source>
        <translation>全部合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="150"/>
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="154"/>
        <source>Open only</source>
        <translation>仅看未结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="156"/>
        <source>Overdue only</source>
        <translation>仅看超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="158"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="161"/>
        <source>Read the complaints again (F5)</source>
        <translation>重新读取投诉 (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="170"/>
        <source>Month received</source>
        <translation>受理月份</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="181"/>
        <source>Record complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="182"/>
        <source>Record a new complaint about a partner (Ctrl+N)</source>
        <translation>登记一条针对合作伙伴的新投诉 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="183"/>
        <source>Handling plan…</source>
        <translation>处理办法…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="184"/>
        <source>Record the partner&apos;s handling plan</source>
        <translation>登记合作伙伴的处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="185"/>
        <source>Contact made</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="186"/>
        <source>Record one contact with the complainant, now</source>
        <translation>记录一次与投诉人的联系（按当前时间）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="187"/>
        <source>Resolve…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="188"/>
        <source>Close the complaint with its resolution (after a contact)</source>
        <translation>填写处理结果并结案（须先联系投诉人）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="190"/>
        <source>Compensate with points…</source>
        <translation>积分补偿…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="191"/>
        <source>Ask for a points adjustment for the member; it waits in Approvals</source>
        <translation>为会员申请积分调整，提交后等待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="242"/>
        <source>{n} complaints</source>
        <translation>共 {n} 条投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="244"/>
        <source>No complaint matches the filters.</source>
        <translation>没有符合筛选条件的投诉。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="246"/>
        <source>No complaints recorded.</source>
        <translation>还没有登记投诉。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="249"/>
        <source>{n} overdue</source>
        <translation>{n} 条超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="276"/>
        <source>plan</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="277"/>
        <source>report</source>
        <translation>反馈运营</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="278"/>
        <source>{status} · Overdue: {what}</source>
        <translation>{status} · 超时：{what}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="326"/>
        <source>Complaint about {partner} recorded; the handling plan is due by {due}.</source>
        <translation>已登记针对{partner}的投诉；处理办法须在 {due} 前确定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="335"/>
        <source>Handling plan saved{late}.</source>
        <translation>处理办法已保存{late}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="336"/>
        <source> (late)</source>
        <translation>（已超时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="349"/>
        <source>Contact {n} with the complainant recorded.</source>
        <translation>已记录与投诉人的第 {n} 次联系。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="360"/>
        <source>Complaint resolved.</source>
        <translation>投诉已结案。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaints_tab.py" line="369"/>
        <source>{points} points for member {number} wait in Approvals.</source>
        <translation>会员 {number} 的 {points} 积分补偿正在等待审批。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="33"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="35"/>
        <source>Embedded database on this computer (SQLite)</source>
        <translation>本机内置数据库（SQLite）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="37"/>
        <source>Shared database for several desktops (PostgreSQL)</source>
        <translation>多台电脑共用的共享数据库（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="41"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="59"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="60"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="61"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="62"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="63"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="67"/>
        <source>This computer has no password store, so the password is not saved: Loyalty Desk asks for it at each start.</source>
        <translation>本机没有密码存储，密码不会保存：会员管理台每次启动时都会询问密码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="75"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="93"/>
        <source>The change takes effect when Loyalty Desk restarts.</source>
        <translation>更改将在会员管理台重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="119"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="121"/>
        <source>SQLite database (*.sqlite3 *.db)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="140"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/connection_dialog.py" line="147"/>
        <source>Connected: {version}</source>
        <translation>连接成功：{version}</translation>
    </message>
</context>
<context>
    <name>DealersPage</name>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="137"/>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="139"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="157"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="140"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="158"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="141"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="159"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="142"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="160"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="143"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="161"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="144"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="154"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="151"/>
        <source>e.g. East China</source>
        <translation>例如：华东</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="173"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="173"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="177"/>
        <source>Edit dealer {code}</source>
        <translation>编辑经销商 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="189"/>
        <source>New dealer</source>
        <translation>新建经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="166"/>
        <source>No dealers yet.</source>
        <translation>还没有经销商。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/db/migrate.py" line="57"/>
        <source>This database was upgraded by a newer version of Loyalty Desk (schema {revision}). Install the newer version; the database was left untouched.</source>
        <translation>此数据库已由更新版本的会员管理台升级（数据库结构版本 {revision}）。请安装新版本；本程序未对该数据库做任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/domain/passwords.py" line="14"/>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/domain/passwords.py" line="20"/>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <location filename="../../app/domain/passwords.py" line="25"/>
        <source>The password needs both letters and digits or symbols.</source>
        <translation>密码须同时包含字母以及数字或符号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/roles.py" line="132"/>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="32"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="72"/>
        <source>Enter the display name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="77"/>
        <source>The first administrator has already been created.</source>
        <translation>首个管理员账户已存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="110"/>
        <source>A user name has 1 to 40 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名须由 1 至 40 个字母、数字、点、连字符或下划线组成。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="175"/>
        <source>Too many wrong passwords: this account is locked. Try again in {minutes} minutes or ask an administrator to reset the password.</source>
        <translation>密码错误次数过多，该账户已被锁定。请在 {minutes} 分钟后重试，或联系管理员重置密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="190"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/auth.py" line="195"/>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="136"/>
        <source>Cannot open the database {where}: {reason}</source>
        <translation>无法打开数据库 {where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/backups.py" line="30"/>
        <source>{path} already exists; choose a new file name or a folder.</source>
        <translation>{path} 已存在；请换一个文件名，或选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/backups.py" line="41"/>
        <source>A shared PostgreSQL database is backed up on the server with pg_dump (for example: pg_dump -Fc -f loyalty.dump DBNAME).</source>
        <translation>共享的 PostgreSQL 数据库需在服务器上用 pg_dump 备份（例如：pg_dump -Fc -f loyalty.dump DBNAME）。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/orders.py" line="67"/>
        <location filename="../../app/services/reports/outreach.py" line="87"/>
        <location filename="../../app/services/segmentation/queries.py" line="212"/>
        <location filename="../../app/services/segmentation/run.py" line="49"/>
        <location filename="../../app/services/settings/programme.py" line="86"/>
        <location filename="../../app/services/tiers/review.py" line="130"/>
        <location filename="../../app/services/tiers/review.py" line="319"/>
        <source>Enter a valid value.</source>
        <translation>请输入有效的值。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/programme.py" line="92"/>
        <source>Unknown time zone: {zone}.</source>
        <translation>未知时区：{zone}。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/programme.py" line="98"/>
        <source>The idle lock must be between 1 and 240 minutes.</source>
        <translation>空闲锁定时间必须在 1 至 240 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/programme.py" line="143"/>
        <source>The lifecycle thresholds must grow: silent, then sleeping, then lost.</source>
        <translation>生命周期阈值必须依次递增：沉默、睡眠、流失。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/programme.py" line="150"/>
        <source>Choose an expiry policy.</source>
        <translation>请选择过期规则。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/programme.py" line="156"/>
        <source>Enter a valid date.</source>
        <translation>请输入有效日期。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings/programme.py" line="174"/>
        <source>Unknown setting: {key}.</source>
        <translation>没有这项设置：{key}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/adjustments.py" line="75"/>
        <source>Use letters, digits and _ for the code (at most 30).</source>
        <translation>代码只能由字母、数字和 _ 组成（最多 30 个字符）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/inputs.py" line="58"/>
        <location filename="../../app/domain/partners.py" line="77"/>
        <source>Enter text.</source>
        <translation>请输入文字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/inputs.py" line="70"/>
        <location filename="../../app/services/points/adjustments.py" line="79"/>
        <location filename="../../app/services/settings/programme.py" line="104"/>
        <location filename="../../app/services/tiers/requests.py" line="248"/>
        <location filename="../../app/services/tiers/requests.py" line="319"/>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location filename="../../app/domain/inputs.py" line="82"/>
        <source>{field_name}: the text must not start with =, +, - or @ (spreadsheets would run it as a formula).</source>
        <translation>{field_name}：文字不能以 =、+、- 或 @ 开头（电子表格会把它当作公式执行）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/inputs.py" line="105"/>
        <source>Enter a date from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的日期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/inputs.py" line="122"/>
        <location filename="../../app/services/points/ledger.py" line="216"/>
        <source>A request id has 1 to {max} letters, digits, dots, dashes or underscores.</source>
        <translation>请求编号由 1 至 {max} 个字母、数字、点、连字符或下划线组成。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/adjustments.py" line="132"/>
        <location filename="../../app/services/points/statement.py" line="63"/>
        <location filename="../../app/services/tiers/requests.py" line="44"/>
        <source>Only staff of the member&apos;s own dealer may do this.</source>
        <translation>只有会员所属经销商的员工才能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/adjustments.py" line="136"/>
        <location filename="../../app/services/tiers/requests.py" line="178"/>
        <source>Choose a reason.</source>
        <translation>请选择原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/adjustments.py" line="114"/>
        <source>Choose a currency.</source>
        <translation>请选择积分类型。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/adjustments.py" line="123"/>
        <source>Enter a number of points other than 0, at most {max} either way.</source>
        <translation>请输入不为 0 的调整积分数，增减均不超过 {max}。</translation>
    </message>
    <message>
        <location filename="../../app/services/approvals/requests.py" line="96"/>
        <source>Explain the request in the note.</source>
        <translation>请在备注中说明申请理由。</translation>
    </message>
    <message>
        <location filename="../../app/services/approvals/requests.py" line="159"/>
        <source>Say why the request is rejected.</source>
        <translation>请填写驳回原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/approvals/requests.py" line="176"/>
        <source>Only the requester may cancel a request.</source>
        <translation>只有申请人本人可以撤回申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/approvals/requests.py" line="189"/>
        <location filename="../../app/services/approvals/requests.py" line="332"/>
        <source>No such request.</source>
        <translation>该申请不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/approvals/requests.py" line="198"/>
        <source>This request was already decided or has lapsed.</source>
        <translation>该申请已审批或已失效。</translation>
    </message>
    <message>
        <location filename="../../app/domain/approvals.py" line="22"/>
        <source>You cannot decide your own request; ask another approver.</source>
        <translation>您不能审批自己提交的申请，请联系其他审批人。</translation>
    </message>
    <message>
        <location filename="../../app/domain/approvals.py" line="25"/>
        <source>A supervisor of the requester&apos;s dealer or headquarters decides this.</source>
        <translation>此申请须由申请人所属经销商的主管或总部审批。</translation>
    </message>
    <message>
        <location filename="../../app/domain/approvals.py" line="28"/>
        <source>Your role may not decide requests.</source>
        <translation>您的角色无权审批申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="45"/>
        <source>A dealer code has 2 to 20 capital letters, digits or dashes.</source>
        <translation>经销商代码须由 2 至 20 个大写字母、数字或连字符组成。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="101"/>
        <source>Dealer code {code} is already used.</source>
        <translation>经销商代码 {code} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="187"/>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="190"/>
        <source>A clerk must belong to a dealer. Choose a dealer.</source>
        <translation>前台专员必须隶属于经销商，请选择经销商。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="200"/>
        <source>Enter a temporary password.</source>
        <translation>请输入临时密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="220"/>
        <source>User name {username} is already used.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="256"/>
        <source>At least one active administrator must remain.</source>
        <translation>必须至少保留一名启用状态的管理员。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff/directory.py" line="264"/>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shared/errors.py" line="47"/>
        <source>Something went wrong and the action was not completed. The details were written to the log file:
{path}</source>
        <translation>出现错误，操作未完成。详细信息已写入日志文件：
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shared/errors.py" line="57"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/services/demo/demo_data.py" line="125"/>
        <source>The demo needs an empty database; this one has data.</source>
        <translation>演示模式需要一个空数据库，而此数据库中已有数据。</translation>
    </message>
    <message>
        <location filename="../../app/domain/audit_chain.py" line="18"/>
        <source>this entry is missing</source>
        <translation>该记录缺失</translation>
    </message>
    <message>
        <location filename="../../app/domain/audit_chain.py" line="19"/>
        <source>its link to the previous entry does not match</source>
        <translation>与上一条记录的链接不匹配</translation>
    </message>
    <message>
        <location filename="../../app/domain/audit_chain.py" line="20"/>
        <source>its content does not match its hash</source>
        <translation>记录内容与其哈希值不符</translation>
    </message>
    <message>
        <location filename="../../app/domain/audit_chain.py" line="21"/>
        <source>the entries from here on were removed</source>
        <translation>此处之后的记录已被删除</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/progress.py" line="20"/>
        <source>Cancelled; none of the batch was saved.</source>
        <translation>已取消；本批次未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="28"/>
        <source>The file cannot be opened: {reason}</source>
        <translation>无法打开文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="29"/>
        <source>The file is empty (0 bytes).</source>
        <translation>文件为空（0 字节）。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="30"/>
        <source>This is an old .xls file: open it in Excel and save as .xlsx.</source>
        <translation>这是旧版 .xls 文件：请用 Excel 打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="33"/>
        <source>The file is password-protected: open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook) and save it again.</source>
        <translation>文件受密码保护：请在 Excel 中打开，移除密码（文件 &gt; 信息 &gt; 保护工作簿）后重新保存。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="38"/>
        <source>This is a CSV or text file, not an Excel workbook: open it in Excel and save as .xlsx.</source>
        <translation>这是 CSV 或文本文件，不是 Excel 工作簿：请用 Excel 打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="42"/>
        <source>This is a web page or XML file, not an Excel workbook: open it in Excel and save as .xlsx.</source>
        <translation>这是网页或 XML 文件，不是 Excel 工作簿：请用 Excel 打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="47"/>
        <source>This is an OpenDocument spreadsheet (.ods): open it and save as .xlsx.</source>
        <translation>这是 OpenDocument 电子表格（.ods）：请打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="50"/>
        <source>This is not an Excel workbook (.xlsx): choose the filled-in template.</source>
        <translation>这不是 Excel 工作簿（.xlsx）：请选择填写好的模板文件。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="53"/>
        <source>The file is damaged or not a complete .xlsx file: open it in Excel and save it again.</source>
        <translation>文件已损坏或不是完整的 .xlsx 文件：请用 Excel 打开后重新保存。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="57"/>
        <source>The file is too large to import ({size_mb:,} MB unpacked); split it.</source>
        <translation>文件过大，无法导入（解压后 {size_mb:,} MB），请拆分后再导入。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="60"/>
        <source>The workbook has no worksheet.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="61"/>
        <source>No header row found: the first row must hold the column names of the template.</source>
        <translation>未找到表头行：第一行必须是模板中的列名。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="65"/>
        <source>Required columns are missing: {columns}.</source>
        <translation>缺少必填列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="66"/>
        <source>The column {column} appears twice (columns {first} and {second}).</source>
        <translation>列“{column}”出现了两次（第 {first} 列和第 {second} 列）。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="69"/>
        <source>The file has no data rows.</source>
        <translation>文件中没有数据行。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="70"/>
        <source>The file has more than {max_rows:,} rows; split it into smaller files.</source>
        <translation>文件超过 {max_rows:,} 行，请拆分成较小的文件。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="77"/>
        <source>This column is required.</source>
        <translation>此列为必填项。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="78"/>
        <source>Formulas are not accepted; paste values.</source>
        <translation>不接受公式，请粘贴为数值。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="83"/>
        <source>The cell holds the Excel error {value}; enter a value.</source>
        <translation>单元格中是 Excel 错误值 {value}，请填写有效值。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="86"/>
        <source>Excel stored this number as a number and dropped its last digits: format the column as Text and enter it again.</source>
        <translation>Excel 将此号码存成了数字并丢失了末尾几位：请将该列设为“文本”格式后重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="91"/>
        <source>{value} is not a date; write it like 2023-05-01 or 2023年5月1日.</source>
        <translation>{value} 不是日期，请写成 2023-05-01 或 2023年5月1日 的形式。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="94"/>
        <source>{value} is not a possible date.</source>
        <translation>{value} 不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="95"/>
        <source>The date {value} is in the future.</source>
        <translation>日期 {value} 晚于今天。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="96"/>
        <source>The date {value} is before 1900.</source>
        <translation>日期 {value} 早于 1900 年。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="33"/>
        <source>Write the gender as 男 or 女 (male or female).</source>
        <translation>性别请填写“男”或“女”。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="97"/>
        <source>Write 是 or 否 (yes or no), not {value}.</source>
        <translation>请填写“是”或“否”，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="34"/>
        <source>Privacy consent is required to store a member.</source>
        <translation>必须取得隐私授权才能保存会员。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="35"/>
        <source>Unknown source channel {value}; use 经销商门店, APP, 微信, 活动 or 历史导入.</source>
        <translation>未知的来源渠道 {value}；请使用 经销商门店、APP、微信、活动 或 历史导入。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="98"/>
        <source>At most {max} characters are allowed.</source>
        <translation>最多允许 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="99"/>
        <source>A dealer code has at most 20 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>经销商代码最多 20 个字母、数字、“-”或“_”。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="39"/>
        <source>The tag {tag} is too long; a tag has at most {max} characters.</source>
        <translation>标签“{tag}”过长，每个标签最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="42"/>
        <source>At most {max} tags are allowed.</source>
        <translation>最多允许 {max} 个标签。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="102"/>
        <source>{value} is not an amount in yuan.</source>
        <translation>{value} 不是以元为单位的金额。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="103"/>
        <source>The amount {value} has more than 2 decimals.</source>
        <translation>金额 {value} 超过 2 位小数。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="104"/>
        <source>The amount {value} is negative.</source>
        <translation>金额 {value} 为负数。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="105"/>
        <source>The amount {value} is implausibly large.</source>
        <translation>金额 {value} 大得不合常理。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="43"/>
        <source>Enter the vehicle model for the VIN.</source>
        <translation>请为该车架号(VIN)填写车型。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="44"/>
        <source>Vehicle details need the vehicle&apos;s VIN in the same row.</source>
        <translation>填写车辆信息时，同一行必须有车架号(VIN)。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="47"/>
        <source>Same mobile number as row {row}.</source>
        <translation>与第 {row} 行的手机号相同。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="48"/>
        <source>Same ID card number as row {row}.</source>
        <translation>与第 {row} 行的身份证号相同。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="49"/>
        <source>Same VIN as row {row}.</source>
        <translation>与第 {row} 行的车架号(VIN)相同。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/member_workbooks/columns.py" line="50"/>
        <source>Same member number as row {row}.</source>
        <translation>与第 {row} 行的会员号相同。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/writer.py" line="85"/>
        <source>Cannot write {path} ({reason}); if it is open in Excel, close it and try again.</source>
        <translation>无法写入 {path}（{reason}）；如果该文件正在 Excel 中打开，请关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/workbooks.py" line="45"/>
        <source>The file cannot be imported: {problems}</source>
        <translation>文件无法导入：{problems}</translation>
    </message>
    <message>
        <location filename="../../app/domain/members.py" line="97"/>
        <location filename="../../app/ui/members/member_dialog.py" line="432"/>
        <source>Please correct the highlighted fields.</source>
        <translation>请更正标红的字段。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="53"/>
        <source>This {what} already belongs to member {number}.</source>
        <translation>该{what}已属于会员 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/members.py" line="168"/>
        <source>At most 20 tags.</source>
        <translation>标签最多 20 个。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="64"/>
        <source>Only staff of the member&apos;s own dealer may change it.</source>
        <translation>只有会员所属经销商的员工才能修改。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="167"/>
        <source>Choose the enrolling dealer.</source>
        <translation>请选择入会经销商。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="219"/>
        <source>Another desktop has just saved the same mobile, ID number or VIN. Search for it before saving again.</source>
        <translation>另一台电脑刚刚保存了相同的手机号、身份证号或车架号(VIN)。请先查询后再保存。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/scope.py" line="38"/>
        <location filename="../../app/services/shared/scope.py" line="41"/>
        <source>The member no longer exists.</source>
        <translation>该会员已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="239"/>
        <source>A closed member cannot be edited.</source>
        <translation>已注销的会员不能修改。</translation>
    </message>
    <message>
        <location filename="../../app/domain/members.py" line="41"/>
        <source>Unknown status.</source>
        <translation>未知状态。</translation>
    </message>
    <message>
        <location filename="../../app/domain/members.py" line="44"/>
        <source>This status change is not possible for the member.</source>
        <translation>该会员当前状态不能进行此变更。</translation>
    </message>
    <message>
        <location filename="../../app/domain/members.py" line="48"/>
        <location filename="../../app/services/members/merge.py" line="41"/>
        <source>Enter the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="317"/>
        <source>This VIN is already registered; transfer it to the member instead.</source>
        <translation>该车架号(VIN)已登记，请改用过户转到该会员名下。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="341"/>
        <source>No vehicle has this VIN.</source>
        <translation>没有该车架号(VIN)的车辆。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="346"/>
        <source>A closed member cannot own vehicles.</source>
        <translation>已注销的会员不能拥有车辆。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/records.py" line="349"/>
        <source>The member already owns it.</source>
        <translation>该会员已拥有此车辆。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/merge.py" line="38"/>
        <source>Choose two different members.</source>
        <translation>请选择两个不同的会员。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/merge.py" line="49"/>
        <source>Both members must belong to your dealer; ask headquarters.</source>
        <translation>两个会员都必须属于您的经销商；否则请联系总部。</translation>
    </message>
    <message>
        <location filename="../../app/services/members/merge.py" line="55"/>
        <source>A closed member cannot be merged.</source>
        <translation>已注销的会员不能合并。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="196"/>
        <source>The file needs a member number column or a mobile column.</source>
        <translation>文件中须有“会员号”列或“手机号”列。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="201"/>
        <source>Enter the member number or the mobile.</source>
        <translation>请填写会员号或手机号。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="202"/>
        <source>Unknown type {value}; write 维修 (service) or 购车 (purchase).</source>
        <translation>未知类型 {value}；请填写“维修”或“购车”。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="205"/>
        <source>The amount must be more than 0.</source>
        <translation>金额必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="206"/>
        <source>Same document number and dealer as row {row}.</source>
        <translation>单据号和经销商与第 {row} 行相同。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/statement_pdf/writing.py" line="41"/>
        <source>Cannot write {path} ({reason}); if it is open in a PDF viewer, close it and try again.</source>
        <translation>无法写入 {path}（{reason}）；如果该文件正在 PDF 阅读器中打开，请关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="53"/>
        <source>Not enough points: {available} available, {requested} requested.</source>
        <translation>积分不足：可用 {available} 分，需要 {requested} 分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="153"/>
        <location filename="../../app/services/points/ledger.py" line="468"/>
        <source>Request {uid} was already used for a different posting; nothing was posted.</source>
        <translation>请求 {uid} 已用于另一笔记账，本次未入账。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="212"/>
        <source>The number of points cannot be 0.</source>
        <translation>积分数量不能为 0。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="303"/>
        <source>The member has points on hold; finish or cancel the redemption first.</source>
        <translation>该会员有冻结中的积分，请先完成或取消兑换。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="355"/>
        <source>This entry cannot be reversed.</source>
        <translation>此笔流水不能冲正。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="383"/>
        <source>This entry has already been reversed.</source>
        <translation>此笔流水已冲正。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="460"/>
        <source>The number of points must be positive.</source>
        <translation>积分数量必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="502"/>
        <source>No such points hold.</source>
        <translation>该积分冻结记录不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="525"/>
        <source>This points hold is no longer active.</source>
        <translation>该积分冻结已不再有效。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/ledger.py" line="642"/>
        <source>No such ledger entry.</source>
        <translation>该积分流水不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="117"/>
        <source>Unknown earning rule.</source>
        <translation>未知的积分规则。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="124"/>
        <source>A rule change cannot take effect in the past.</source>
        <translation>规则变更的生效日期不能早于今天。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="137"/>
        <location filename="../../app/services/tiers/policy.py" line="100"/>
        <source>The new version must take effect after {date}, the last one.</source>
        <translation>新版本的生效日期必须晚于上一版本的 {date}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="179"/>
        <source>Check the rule&apos;s figures: whole numbers, points &gt;= 1.</source>
        <translation>请检查规则参数：须为整数，且积分不小于 1。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="189"/>
        <source>Choose a rounding.</source>
        <translation>请选择取整方式。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="200"/>
        <source>A limit counts points: it must be at least the {points} points of one occurrence, or left empty for no limit.</source>
        <translation>上限按积分计：至少为单次的 {points} 积分，留空表示不限。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/earning_rules.py" line="219"/>
        <source>No earning rule {code} is in force on {date}.</source>
        <translation>{date} 没有生效的积分规则 {code}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="112"/>
        <source>Document {document} was already recorded on {date}; it cannot earn twice.</source>
        <translation>单据 {document} 已于 {date} 登记，不能重复积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="179"/>
        <source>Document {document} was already recorded; it cannot earn twice.</source>
        <translation>单据 {document} 已登记，不能重复积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="231"/>
        <source>Unknown document type.</source>
        <translation>未知的单据类型。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="362"/>
        <source>No points: the limit for this event is reached. Limit: {cap} points a day ({points} each time); earned on {date}: {earned}.</source>
        <translation>未获得积分：已达该活动上限。上限：每天 {cap} 积分（每次 {points} 积分）；{date} 已获得：{earned}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="367"/>
        <source>No points: the limit for this event is reached. Limit: {cap} points a week, Monday to Sunday ({points} each time); earned from {start} to {end}: {earned}.</source>
        <translation>未获得积分：已达该活动上限。上限：每周（周一至周日）{cap} 积分（每次 {points} 积分）；{start} 至 {end} 已获得：{earned}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="372"/>
        <source>No points: the limit for this event is reached. Limit: {cap} points per edition or event ({points} each time); earned in {edition}: {earned}.</source>
        <translation>未获得积分：已达该活动上限。上限：每期或每个活动 {cap} 积分（每次 {points} 积分）；{edition} 已获得：{earned}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="377"/>
        <source>No points: the limit for this event is reached. Limit: {cap} points a month ({points} each time); earned in {month}: {earned}.</source>
        <translation>未获得积分：已达该活动上限。上限：每月 {cap} 积分（每次 {points} 积分）；{month} 已获得：{earned}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="382"/>
        <source>No points: the limit for this event is reached. Limit: {cap} points a year ({points} each time); earned in {year}: {earned}.</source>
        <translation>未获得积分：已达该活动上限。上限：每年 {cap} 积分（每次 {points} 积分）；{year} 年已获得：{earned}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="464"/>
        <source>Give the edition or event code once.</source>
        <translation>期号或活动编号只需填写一次。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="470"/>
        <source>Enter the event code: a major event earns once per event.</source>
        <translation>请输入活动编号：大型活动每个活动只能获得一次积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="490"/>
        <source>Not awarded: the member&apos;s birthday is not on record.</source>
        <translation>未发放：会员未登记生日。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="492"/>
        <source>Not awarded: the birthday bonus is for the member&apos;s birthday month.</source>
        <translation>未发放：生日积分仅在会员生日当月发放。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="538"/>
        <source>Not awarded: the new-binding bonus is only for bindings from {start} to {end} ({months} months from the launch).</source>
        <translation>未发放：绑定车辆积分仅适用于 {start} 至 {end} 期间的绑定（上线后 {months} 个月内）。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="550"/>
        <source>Not awarded: the member has no bound vehicle; add the vehicle first.</source>
        <translation>未发放：会员没有绑定车辆，请先添加车辆。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="556"/>
        <source>Not awarded: the member has had the new-binding bonus.</source>
        <translation>未发放：会员已获得过绑定车辆积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="685"/>
        <source>Only the dealer that placed the hold may settle it.</source>
        <translation>只有冻结这笔积分的经销商才能结算它。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="237"/>
        <source>Enter an amount above 0 and at most 100,000,000 yuan.</source>
        <translation>请输入大于 0 且不超过 100,000,000 元的金额。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="278"/>
        <source>The membership is closed: no points can be posted.</source>
        <translation>该会员已注销，不能记入积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="280"/>
        <source>The member is frozen: no points can be posted.</source>
        <translation>该会员已冻结，不能记入积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="265"/>
        <source>You can only record documents of your own dealer.</source>
        <translation>您只能登记本经销商的单据。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="270"/>
        <source>Choose the dealer.</source>
        <translation>请选择经销商。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="308"/>
        <source>No such document.</source>
        <translation>该单据不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="311"/>
        <source>This document was already refunded.</source>
        <translation>该单据已退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/batch_jobs.py" line="53"/>
        <source>Initial points are dated the launch day, {date}.</source>
        <translation>初始积分的日期是上线日 {date}。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="412"/>
        <source>Unknown event.</source>
        <translation>未知的活动类型。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="615"/>
        <source>Choose labour or parts.</source>
        <translation>请选择抵扣工时费或配件费。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/counter.py" line="622"/>
        <source>Enter the repair order number.</source>
        <translation>请输入维修工单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/inputs.py" line="93"/>
        <location filename="../../app/domain/partners.py" line="198"/>
        <location filename="../../app/domain/partners.py" line="221"/>
        <location filename="../../app/domain/partners.py" line="321"/>
        <location filename="../../app/domain/tiers.py" line="191"/>
        <location filename="../../app/services/benefits/catalog.py" line="291"/>
        <source>Enter a whole number from {low} to {high}.</source>
        <translation>请输入 {low} 至 {high} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/statement.py" line="56"/>
        <source>The start date must not be after the end date.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/checkpoint_files.py" line="19"/>
        <source>Cannot write {path} ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/checkpoint_files.py" line="20"/>
        <source>Cannot read {path} ({reason}).</source>
        <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/checkpoint_files.py" line="21"/>
        <source>{path} is not an audit checkpoint file (line {line}).</source>
        <translation>{path} 不是审计检查点文件（第 {line} 行）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/audit_checkpoints.py" line="18"/>
        <source>the entry no longer exists: the trail was cut back</source>
        <translation>该记录已不存在：审计日志被截短</translation>
    </message>
    <message>
        <location filename="../../app/domain/audit_checkpoints.py" line="19"/>
        <source>the entry&apos;s hash differs: the trail was rewritten</source>
        <translation>该记录的哈希值不同：审计日志被改写</translation>
    </message>
    <message>
        <location filename="../../app/db/column_limits.py" line="37"/>
        <location filename="../../app/domain/inputs.py" line="61"/>
        <source>The text contains control characters; retype it.</source>
        <translation>文字中含有控制字符，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/db/column_limits.py" line="42"/>
        <location filename="../../app/domain/inputs.py" line="73"/>
        <source>Too long: at most {max} characters.</source>
        <translation>太长了：最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/runs/batch_runs.py" line="122"/>
        <source>Please try again.</source>
        <translation>请重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/runs/batch_runs.py" line="308"/>
        <source>No such run.</source>
        <translation>没有这次批处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/uow.py" line="90"/>
        <source>Other desktops were working on the same records; nothing was saved. Please try again.</source>
        <translation>其他电脑正在处理相同的记录，本次未保存任何内容。请重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/uow.py" line="137"/>
        <source>Your account was disabled, locked or changed by an administrator. Sign in again.</source>
        <translation>您的账号已被管理员停用、锁定或修改，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/approvals/kinds.py" line="69"/>
        <source>Unknown kind of request: {kind}.</source>
        <translation>未知的申请类型：{kind}。</translation>
    </message>
    <message>
        <location filename="../../app/services/demo/rebuilding.py" line="26"/>
        <source>Only a demo database can be rebuilt; this one holds real data and was left untouched.</source>
        <translation>只能重建演示数据库；此数据库包含真实数据，未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/services/demo/rebuilding.py" line="35"/>
        <source>Only an administrator may rebuild the demo database.</source>
        <translation>只有管理员可以重建演示数据库。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="108"/>
        <source>A tier policy has 1 to {max} tiers.</source>
        <translation>等级政策须包含 1 至 {max} 个等级。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="120"/>
        <source>Each tier needs its own code, name and rank.</source>
        <translation>每个等级的代码、名称和排序都不能重复。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="124"/>
        <source>The base tier (the lowest) needs no points.</source>
        <translation>基础等级（最低等级）不需要成长值。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="130"/>
        <source>{tier} must need more points to reach than {lower}.</source>
        <translation>{tier} 的升级所需成长值必须高于 {lower}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="147"/>
        <source>Tier code {code}: use 1 to 20 lower-case letters, digits or _, starting with a letter.</source>
        <translation>等级代码 {code}：请使用 1 至 20 个小写字母、数字或下划线，并以字母开头。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="156"/>
        <source>Tier names have 1 to 20 characters.</source>
        <translation>等级名称须为 1 至 20 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="166"/>
        <source>{tier}: enter a whole number from 0 to {max}.</source>
        <translation>{tier}：请输入 0 至 {max} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="171"/>
        <source>{tier}: keeping the tier cannot need more points than reaching it.</source>
        <translation>{tier}：保级所需成长值不能高于升级所需成长值。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="178"/>
        <source>{tier}: the colour is written #RRGGBB.</source>
        <translation>{tier}：颜色请写成 #RRGGBB。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="198"/>
        <source>Enrolment tier for {series}: no such tier.</source>
        <translation>车系 {series} 的入会等级不存在。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="204"/>
        <source>Status match for {level}: no such tier.</source>
        <translation>身份匹配项 {level} 的对应等级不存在。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="358"/>
        <source>Line {line}: write it as “what = tier name”, once per line.</source>
        <translation>第 {line} 行：请按“项目 = 等级名称”的格式填写，每行一项，不可重复。</translation>
    </message>
    <message>
        <location filename="../../app/domain/tiers.py" line="408"/>
        <source>The tier policy is malformed.</source>
        <translation>等级政策数据有误。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/policy.py" line="133"/>
        <source>Members hold the tier {code}; keep it in the policy (rename it if needed) until no member holds it.</source>
        <translation>仍有会员持有等级 {code}；在没有会员持有之前，请将其保留在政策中（可改名）。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/requests.py" line="41"/>
        <source>This member is closed or merged.</source>
        <translation>该会员已注销或已合并。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="155"/>
        <location filename="../../app/services/benefits/catalog.py" line="160"/>
        <source>The benefit no longer exists.</source>
        <translation>该权益已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="223"/>
        <location filename="../../app/services/partners/registry.py" line="278"/>
        <source>A code has letters, digits, dashes or underscores.</source>
        <translation>编码只能包含字母、数字、短横线或下划线。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="233"/>
        <source>Choose a channel.</source>
        <translation>请选择获取方式。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="235"/>
        <location filename="../../app/services/partners/complaints.py" line="159"/>
        <source>Choose a source.</source>
        <translation>请选择权益来源。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="237"/>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="82"/>
        <source>A unified social credit code has 18 digits or capital letters and a valid check character; check it against the business licence.</source>
        <translation>统一社会信用代码须为 18 位数字或大写字母，且校验位正确；请对照营业执照核对。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="188"/>
        <source>Give a weight for each of the seven factors.</source>
        <translation>请为七项评估指标分别填写权重。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="204"/>
        <source>At least one factor needs a weight above zero.</source>
        <translation>至少须有一项评估指标的权重大于零。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="214"/>
        <source>Score each of the seven factors.</source>
        <translation>请为七项评估指标逐一评分。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="291"/>
        <source>Choose a cooperation mode.</source>
        <translation>请选择合作模式。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="297"/>
        <source>Fill in every field of the cooperation mode.</source>
        <translation>请填写该合作模式的全部字段。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="310"/>
        <source>Enter a text of 1 to {max} characters.</source>
        <translation>请输入 1 至 {max} 个字符的文字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="316"/>
        <location filename="../../app/services/benefits/catalog.py" line="244"/>
        <location filename="../../app/services/benefits/matrix.py" line="87"/>
        <source>Choose a period.</source>
        <translation>请选择周期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/partners.py" line="407"/>
        <source>Enter a month as YYYY-MM, e.g. 2026-11.</source>
        <translation>请按 YYYY-MM 格式输入月份，例如 2026-11。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="251"/>
        <location filename="../../app/services/partners/cooperation.py" line="70"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="265"/>
        <source>Only a partner benefit names a partner.</source>
        <translation>只有来源为异业合作的权益才需指定合作伙伴。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="269"/>
        <location filename="../../app/services/benefits/catalog.py" line="272"/>
        <location filename="../../app/services/partners/registry.py" line="107"/>
        <location filename="../../app/services/partners/registry.py" line="112"/>
        <source>The partner no longer exists.</source>
        <translation>该合作伙伴已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="275"/>
        <source>Only an admitted or active partner supplies benefits.</source>
        <translation>只有已准入或合作中的合作伙伴才能提供权益。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="299"/>
        <location filename="../../app/services/benefits/matrix.py" line="119"/>
        <location filename="../../app/services/tiers/requests.py" line="51"/>
        <source>Choose a tier.</source>
        <translation>请选择等级。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="304"/>
        <source>Unknown tier: {tier}.</source>
        <translation>未知等级：{tier}。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="314"/>
        <source>Choose a dealer.</source>
        <translation>请选择经销商。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="318"/>
        <location filename="../../app/services/reports/report_scope.py" line="77"/>
        <source>The dealer no longer exists.</source>
        <translation>该经销商已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="344"/>
        <source>Another benefit already has the code {code}.</source>
        <translation>已有其他权益使用编码 {code}。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="388"/>
        <source>A listing request for this benefit waits; withdraw it first.</source>
        <translation>该权益的上架申请正在等待审批，请先撤回申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="397"/>
        <source>A listed benefit&apos;s code cannot change.</source>
        <translation>已上架权益的编码不能修改。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="441"/>
        <source>Only {stock} left in stock; the stock cannot go below zero.</source>
        <translation>库存仅剩 {stock}，库存不能小于零。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="466"/>
        <source>Only a listed benefit can be delisted.</source>
        <translation>只有已上架的权益才能下架。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/catalog.py" line="482"/>
        <location filename="../../app/services/benefits/catalog.py" line="488"/>
        <source>A picture is a PNG or JPEG file of at most 1 MB.</source>
        <translation>图片须为不超过 1 MB 的 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/requests.py" line="69"/>
        <source>A request of this kind already waits for this member.</source>
        <translation>该会员已有一条同类申请在等待审批。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/requests.py" line="82"/>
        <source>The member already holds a higher tier ({tier}).</source>
        <translation>该会员已持有更高的等级（{tier}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/requests.py" line="107"/>
        <source>The member&apos;s qualifying points ({points}) no longer reach a higher tier.</source>
        <translation>该会员的成长值（{points}）已不足以升至更高等级。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/requests.py" line="260"/>
        <source>The member&apos;s status was matched on {date}; one match per 12 months.</source>
        <translation>该会员已于 {date} 做过身份匹配；每 12 个月只能匹配一次。</translation>
    </message>
    <message>
        <location filename="../../app/services/tiers/requests.py" line="313"/>
        <source>The base tier is not sold.</source>
        <translation>基础等级不可付费购买。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="178"/>
        <source>The member is not active.</source>
        <translation>会员状态不可用。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="179"/>
        <source>Not listed.</source>
        <translation>未上架。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="180"/>
        <source>Available from {day}.</source>
        <translation>{day} 起可兑换。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="181"/>
        <source>Ended on {day}.</source>
        <translation>已于 {day} 结束。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="182"/>
        <source>Not for the member&apos;s tier ({tier}).</source>
        <translation>不适用于会员当前等级（{tier}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="183"/>
        <source>Headquarters has not set the quantity for the member&apos;s tier ({tier}).</source>
        <translation>总部尚未设置该会员等级（{tier}）的权益数量。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="186"/>
        <source>Used {used} of {allowed} in this period (until {day}).</source>
        <translation>本期已使用 {used}/{allowed} 次（本期至 {day}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="189"/>
        <source>Limit reached: {used} of {allowed} in this period.</source>
        <translation>已达兑换上限：本期已兑换 {used}/{allowed} 次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="192"/>
        <source>Out of stock.</source>
        <translation>库存不足。</translation>
    </message>
    <message>
        <location filename="../../app/domain/benefits.py" line="193"/>
        <source>Needs {price} points; the member has {available}.</source>
        <translation>需要 {price} 积分，会员可用 {available} 积分。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/expiry.py" line="34"/>
        <source>Vouchers can only be expired up to today.</source>
        <translation>只能将截至今天的兑换券做过期处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/listing.py" line="51"/>
        <source>The benefit is already listed.</source>
        <translation>该权益已上架。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/listing.py" line="54"/>
        <source>The benefit ended on {date}; change its dates first.</source>
        <translation>该权益已于 {date} 结束，请先修改有效期。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/listing.py" line="59"/>
        <source>A benefit redeemed with points needs a points price.</source>
        <translation>积分兑换权益须设置积分价格。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/listing.py" line="63"/>
        <source>Set this entitlement&apos;s quantity for at least one tier in the matrix.</source>
        <translation>请先在等级权益矩阵中为至少一个等级设置数量。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/listing.py" line="85"/>
        <source>A listing request for this benefit waits.</source>
        <translation>该权益的上架申请正在等待审批。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/matrix.py" line="90"/>
        <source>Give a value or a discount, not both.</source>
        <translation>面值和折扣只能填写其一。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/matrix.py" line="113"/>
        <source>Only tier entitlements have a row in the matrix.</source>
        <translation>只有等级权益才列入等级权益矩阵。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/redemption.py" line="147"/>
        <source>No free voucher code was found; try again.</source>
        <translation>未能生成可用的券码，请重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="96"/>
        <source>Enter the voucher code.</source>
        <translation>请输入券码。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="100"/>
        <source>This is not a valid voucher code; check it and type it again.</source>
        <translation>券码无效，请核对后重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/slips.py" line="49"/>
        <location filename="../../app/services/benefits/vouchers.py" line="114"/>
        <location filename="../../app/services/benefits/vouchers.py" line="132"/>
        <location filename="../../app/services/benefits/vouchers.py" line="200"/>
        <source>No voucher has this code.</source>
        <translation>没有该券码的兑换券。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="140"/>
        <source>This voucher was already used on {date}.</source>
        <translation>该兑换券已于 {date} 核销。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="144"/>
        <source>This voucher was cancelled.</source>
        <translation>该兑换券已作废。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="147"/>
        <source>This voucher expired on {date}.</source>
        <translation>该兑换券已于 {date} 过期。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="162"/>
        <source>Your dealer does not honour this voucher.</source>
        <translation>本店不在该兑换券的适用经销商范围内。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="203"/>
        <source>Only the dealer that issued the voucher may cancel it.</source>
        <translation>只有发券经销商才能作废该兑换券。</translation>
    </message>
    <message>
        <location filename="../../app/services/benefits/vouchers.py" line="223"/>
        <source>This voucher came with a merged record: its points cannot go back automatically. Request a points adjustment instead.</source>
        <translation>该兑换券来自已合并的会员档案，积分无法自动退回，请改为申请积分调整。</translation>
    </message>
    <message>
        <location filename="../../app/adapters/workbooks/messages.py" line="79"/>
        <source>The text must not start with =, +, - or @: spreadsheets would run it as a formula.</source>
        <translation>文字不能以 =、+、- 或 @ 开头：电子表格会把它当作公式执行。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/receipts.py" line="60"/>
        <source>No such points deduction.</source>
        <translation>没有该积分抵扣记录。</translation>
    </message>
    <message>
        <location filename="../../app/services/points/receipts.py" line="64"/>
        <source>Only the dealer that deducted the points may do this.</source>
        <translation>只有办理该积分抵扣的经销商才能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="98"/>
        <source>Not a database address: {url}</source>
        <translation>不是有效的数据库地址：{url}</translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="105"/>
        <source>An SQLite database needs a file path.</source>
        <translation>SQLite 数据库需要指定文件路径。</translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="109"/>
        <source>The SQLite file is on a network share, where SQLite can corrupt data when several computers write to it. Use a shared PostgreSQL database instead, or keep the file on this computer&apos;s own disk.</source>
        <translation>该 SQLite 文件位于网络共享文件夹中，多台电脑同时写入时可能损坏数据。请改用共享的 PostgreSQL 数据库，或将文件保存在本机磁盘上。</translation>
    </message>
    <message>
        <location filename="../../app/db/engine.py" line="118"/>
        <source>Unsupported database: {kind}. Use SQLite or PostgreSQL.</source>
        <translation>不支持的数据库类型：{kind}。请使用 SQLite 或 PostgreSQL。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="68"/>
        <source>Cannot open the database {where}: the server refused the user name or password. Check them in the database connection settings, or ask whoever runs the server.</source>
        <translation>无法打开数据库 {where}：服务器拒绝了用户名或密码。请在数据库连接设置中核对，或联系服务器管理员。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="77"/>
        <source>Cannot open the database {where}: there is no such database on the server. Check the database name in the connection settings, or ask whoever runs the server to create it.</source>
        <translation>无法打开数据库 {where}：服务器上没有该数据库。请在连接设置中核对数据库名称，或联系服务器管理员创建。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="88"/>
        <source>Cannot open the database {where}: the server does not answer. Check that the server is running and that this computer can reach it (network cable or Wi-Fi, VPN, firewall), then try again.</source>
        <translation>无法打开数据库 {where}：服务器没有响应。请确认服务器已启动，且本机能够访问该服务器（网线或无线网络、VPN、防火墙），然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="97"/>
        <source>Cannot open the database {where}: another program is using the file (a backup, a copy or a Loyalty Desk that did not close). Close it, or wait a moment, and try again.</source>
        <translation>无法打开数据库 {where}：该文件正被其他程序占用（备份、复制或未关闭的会员管理台）。请关闭该程序或稍候片刻，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="107"/>
        <source>Cannot open the database {where}: the file cannot be opened or written. Check that its folder exists and that your Windows account may write to it, or choose another file.</source>
        <translation>无法打开数据库 {where}：无法打开或写入该文件。请确认所在文件夹存在且您的 Windows 账户有写入权限，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/database.py" line="116"/>
        <source>Cannot open the database {where}: the file is not a Loyalty Desk database. Choose the right file, or restore it from a backup.</source>
        <translation>无法打开数据库 {where}：该文件不是会员管理台数据库。请选择正确的文件，或从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="88"/>
        <location filename="../../app/services/partners/complaints.py" line="253"/>
        <location filename="../../app/services/partners/registry.py" line="269"/>
        <source>Answer yes or no.</source>
        <translation>请选择是或否。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="96"/>
        <source>Give the evidence for a check that passes.</source>
        <translation>通过的条件须填写证明材料。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="106"/>
        <source>Answer each of the four service processes.</source>
        <translation>请逐一确认四项服务流程。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="142"/>
        <location filename="../../app/services/partners/evaluation.py" line="108"/>
        <source>Start the partner&apos;s evaluation first.</source>
        <translation>请先开始对该合作伙伴的评估。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="165"/>
        <source>Only headquarters may override a failed admission check.</source>
        <translation>只有总部才能对未通过的准入条件进行特批。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="170"/>
        <source>Write the reason out (at least 10 characters).</source>
        <translation>请完整填写理由（至少 10 个字符）。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="179"/>
        <source>Only a failed admission assessment is overridden.</source>
        <translation>只有未通过的准入核查才需要总部特批。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="182"/>
        <source>This assessment is already overridden.</source>
        <translation>该准入核查已由总部特批。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="217"/>
        <source>Assess the admission checks first.</source>
        <translation>请先进行准入核查。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/admission.py" line="224"/>
        <source>{count} of the six admission checks failed (shown in red on the partner); only a headquarters override admits it.</source>
        <translation>六项准入条件中有 {count} 项未通过（合作伙伴页面以红色标出），只有总部特批才能准入。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="121"/>
        <location filename="../../app/services/partners/complaints.py" line="127"/>
        <location filename="../../app/services/partners/complaints.py" line="130"/>
        <source>The complaint no longer exists.</source>
        <translation>该投诉已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="137"/>
        <source>Enter a date and time.</source>
        <translation>请输入日期和时间。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="140"/>
        <source>The time cannot be in the future.</source>
        <translation>时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="144"/>
        <source>The time cannot be before the complaint was received.</source>
        <translation>时间不能早于投诉受理时间。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="165"/>
        <source>Complaints are about partners that were admitted.</source>
        <translation>只能登记针对已准入合作伙伴的投诉。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="223"/>
        <location filename="../../app/services/partners/complaints.py" line="259"/>
        <source>The complaint is already resolved.</source>
        <translation>该投诉已结案。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="225"/>
        <source>Too many contacts recorded.</source>
        <translation>记录的联系次数已达上限。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="262"/>
        <source>Record the contact with the complainant first.</source>
        <translation>请先记录与投诉人的联系。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="267"/>
        <source>The time cannot be before the first contact.</source>
        <translation>时间不能早于首次联系时间。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="298"/>
        <source>The complaint names no member to compensate.</source>
        <translation>该投诉未关联会员，无法进行补偿。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/complaints.py" line="301"/>
        <source>A compensation for this complaint exists.</source>
        <translation>该投诉已申请过积分补偿。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/cooperation.py" line="75"/>
        <source>Choose prepaid or postpaid.</source>
        <translation>请选择预付或后付。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/cooperation.py" line="100"/>
        <location filename="../../app/services/partners/cooperation.py" line="103"/>
        <location filename="../../app/services/partners/cooperation.py" line="128"/>
        <source>The cooperation mode no longer exists.</source>
        <translation>该合作模式已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/cooperation.py" line="125"/>
        <location filename="../../app/services/partners/registry.py" line="372"/>
        <source>A terminated partner cannot change.</source>
        <translation>已终止的合作伙伴不能修改。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/cooperation.py" line="151"/>
        <location filename="../../app/services/partners/registry.py" line="429"/>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/cooperation.py" line="155"/>
        <source>This cooperation mode already ended.</source>
        <translation>该合作模式已结束。</translation>
    </message>
    <message>
        <location filename="../../app/services/shared/versions.py" line="49"/>
        <source>The weights in force today cannot change; save a version from tomorrow.</source>
        <translation>当前生效的权重不能修改；请保存一个自明天起生效的新版本。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/evaluation.py" line="199"/>
        <location filename="../../app/services/partners/registry.py" line="306"/>
        <source>Choose an industry.</source>
        <translation>请选择行业。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="206"/>
        <source>No partner has the code {code}.</source>
        <translation>没有编码为 {code} 的合作伙伴。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="284"/>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation>请输入有效的电子邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="290"/>
        <source>A telephone number has digits, spaces, +, - and ().</source>
        <translation>电话号码只能包含数字、空格、+、- 和 ()。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="319"/>
        <source>Another partner already has the code {code}.</source>
        <translation>已有其他合作伙伴使用编码 {code}。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="320"/>
        <source>Another partner already has the credit code {code}.</source>
        <translation>已有其他合作伙伴使用统一社会信用代码 {code}。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="377"/>
        <source>Only a candidate&apos;s code can change.</source>
        <translation>只有候选合作伙伴的编码可以修改。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="435"/>
        <source>This change of status is not made directly: admission and activation are requested in Approvals, and a terminated partner stays terminated.</source>
        <translation>该状态不能直接变更：准入和启动合作需在审批中申请，已终止的合作伙伴不能恢复。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/registry.py" line="160"/>
        <source>A request for this partner waits in Approvals; withdraw it first.</source>
        <translation>该合作伙伴有一条申请正在等待审批，请先撤回该申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/requests.py" line="39"/>
        <source>You assessed, scored or overrode the checks of this partner; another approver decides.</source>
        <translation>您参与了该合作伙伴的准入核查、评分或总部特批，请由其他审批人审批。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/requests.py" line="48"/>
        <source>Not possible in the partner&apos;s current status (see its history).</source>
        <translation>合作伙伴当前的状态不允许此操作（请查看状态记录）。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/requests.py" line="71"/>
        <source>Only {count} partners of this industry were compared (at least {minimum}); record why.</source>
        <translation>该行业仅有 {count} 家合作伙伴参与横比（应至少 {minimum} 家），请填写理由。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/requests.py" line="89"/>
        <source>Score the partner first.</source>
        <translation>请先为该合作伙伴评分。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/requests.py" line="124"/>
        <source>Add a cooperation mode with a contract that has not ended first.</source>
        <translation>请先添加一个合同尚未到期的合作模式。</translation>
    </message>
    <message>
        <location filename="../../app/services/partners/settlement.py" line="177"/>
        <source>Partner settlements are kept by headquarters.</source>
        <translation>合作伙伴结算仅由总部办理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/comparison_tab.py" line="51"/>
        <source>Printing the comparison is not available in this version yet.</source>
        <translation>当前版本暂不支持打印横比。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/points_section.py" line="28"/>
        <source>The points do not add up: opening + earned − offset − redeemed − expired ± adjusted − reversed differs from the closing balance by {difference}.</source>
        <translation>积分不平：期初 + 获得 − 抵扣 − 兑换 − 过期 ± 调整 − 冲正 与期末余额相差 {difference}。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/points_section.py" line="33"/>
        <source>The members&apos; balances differ from the ledger&apos;s closing balance by {difference}.</source>
        <translation>会员积分余额合计与积分流水的期末余额相差 {difference}。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/report_scope.py" line="56"/>
        <source>Choose either a dealer or a region, not both.</source>
        <translation>请选择经销商或大区，不能同时选择两者。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/report_scope.py" line="62"/>
        <source>You can only see your own dealer&apos;s figures.</source>
        <translation>您只能查看本经销商的数据。</translation>
    </message>
    <message>
        <location filename="../../app/services/reports/report_scope.py" line="89"/>
        <source>No dealer belongs to the region {region}.</source>
        <translation>大区 {region} 下没有经销商。</translation>
    </message>
    <message>
        <location filename="../../app/services/segmentation/queries.py" line="101"/>
        <source>No such segmentation run.</source>
        <translation>该次价值细分不存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/segmentation/queries.py" line="175"/>
        <source>Choose a cell from 1 to 9.</source>
        <translation>请选择 1 至 9 之间的细分格。</translation>
    </message>
    <message>
        <location filename="../../app/services/segmentation/run.py" line="44"/>
        <source>Choose a quarter end (31 March, 30 June, 30 September or 31 December).</source>
        <translation>请选择季度末日期（3 月 31 日、6 月 30 日、9 月 30 日或 12 月 31 日）。</translation>
    </message>
    <message>
        <location filename="../../app/services/segmentation/run.py" line="131"/>
        <source>Only headquarters staff can run the segmentation.</source>
        <translation>只有总部员工可以执行会员价值细分。</translation>
    </message>
    <message>
        <location filename="../../app/services/segmentation/weights.py" line="59"/>
        <source>Give every variable a weight from 0 to 1 with at most 3 decimals.</source>
        <translation>请为每个变量设置 0 至 1 之间的权重，最多保留 3 位小数。</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="54"/>
        <source>Score {name}</source>
        <translation>评分：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="57"/>
        <source>Factor</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="57"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="57"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="77"/>
        <source>Loading the weights…</source>
        <translation>正在加载权重…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="87"/>
        <source>what the scores rest on (optional)</source>
        <translation>评分依据（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="90"/>
        <source>Record scores</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="109"/>
        <source>Equal weights (no weights saved yet).</source>
        <translation>等权重（尚未保存任何权重）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="112"/>
        <source>Weights in force since {date}.</source>
        <translation>现行权重自 {date} 起生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/evaluation_dialog.py" line="127"/>
        <source>Weighted total: {total} of 5</source>
        <translation>加权总分：{total}（满分 5）</translation>
    </message>
</context>
<context>
    <name>EventPointsDialog</name>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="33"/>
        <source>Event points</source>
        <translation>活动积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="35"/>
        <source>Fixed points for an event, within the rule&apos;s limits (e.g. sign-in once a day, shares four times an edition, a major event once per event).</source>
        <translation>按活动发放固定积分，受规则上限约束（例如每天签到一次、每期分享四次、每个大型活动一次）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="38"/>
        <source>Award points</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="44"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="46"/>
        <source>e.g. 2026-03 or EV-SPRING</source>
        <translation>例如 2026-03 或 EV-SPRING</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="47"/>
        <source>Edition or event code (期号/活动编号)</source>
        <translation>期号/活动编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="73"/>
        <source>Required: the event&apos;s code; a member earns once per event.</source>
        <translation>必填：活动编号；每位会员每个活动只能获得一次积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="76"/>
        <source>Empty: this week&apos;s edition, {edition} ({start} to {end}).</source>
        <translation>留空：按本周期号 {edition}（{start} 至 {end}）计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="82"/>
        <source>Optional: kept with the points.</source>
        <translation>选填：随积分记录保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="90"/>
        <source>{points} event points awarded (edition {edition}).</source>
        <translation>已发放 {points} 活动积分（期号 {edition}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/event_dialog.py" line="93"/>
        <source>{points} event points awarded.</source>
        <translation>已发放 {points} 活动积分。</translation>
    </message>
</context>
<context>
    <name>ExpiringModel</name>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="52"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="54"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="55"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="56"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="57"/>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>ExpiringTab</name>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="99"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="102"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="105"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="107"/>
        <source>The whole list as an .xlsx file, for SMS or phone calls</source>
        <translation>将整个列表导出为 .xlsx 文件，用于短信或电话提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="109"/>
        <location filename="../../app/ui/points/expiring_tab.py" line="164"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="123"/>
        <source>Double-click or press Enter to open the member</source>
        <translation>双击或按回车键打开会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="134"/>
        <source>Points expiring within</source>
        <translation>积分到期范围：未来</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="163"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="180"/>
        <source>No points expire by {date}.</source>
        <translation>截至 {date} 没有即将到期的积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="182"/>
        <source>1 member, {points} points expiring by {date}</source>
        <translation>1 名会员，共 {points} 积分将于 {date} 前到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="184"/>
        <source>{members} members, {points} points expiring by {date}</source>
        <translation>{members} 名会员，共 {points} 积分将于 {date} 前到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="200"/>
        <source>Rows loaded: {n}</source>
        <translation>已加载：{n} 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="202"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="202"/>
        <source>scroll down for more</source>
        <translation>向下滚动加载更多</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="215"/>
        <source>points-expiring_{date}.xlsx</source>
        <translation>积分到期提醒_{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="216"/>
        <location filename="../../app/ui/points/expiring_tab.py" line="242"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="223"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="224"/>
        <source>Expiring points</source>
        <translation>即将到期积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="227"/>
        <source>Exporting the members with points expiring…</source>
        <translation>正在导出积分即将到期的会员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/expiring_tab.py" line="239"/>
        <source>{n} rows exported to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="66"/>
        <location filename="../../app/ui/reports/monthly_figures.py" line="67"/>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="67"/>
        <source>New</source>
        <translation>新入会</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="68"/>
        <source>Activated</source>
        <translation>激活</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="68"/>
        <source>Closed</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="70"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="71"/>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="72"/>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="73"/>
        <source>Offset at the counter</source>
        <translation>门店抵扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="74"/>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="74"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="75"/>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="75"/>
        <source>Reversed</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="76"/>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="77"/>
        <source>Outstanding liability</source>
        <translation>未兑换积分负债</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="79"/>
        <source>Points health</source>
        <translation>积分健康度</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="80"/>
        <source>Redemption rate</source>
        <translation>积分兑换率</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="81"/>
        <source>Accumulation rate</source>
        <translation>积分累积率</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="82"/>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="84"/>
        <source>Benefits and cost</source>
        <translation>权益与成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="85"/>
        <source>Redemptions</source>
        <translation>兑换数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="86"/>
        <source>Write-offs</source>
        <translation>核销数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="87"/>
        <source>Benefit cost</source>
        <translation>权益成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="88"/>
        <source>Programme cost</source>
        <translation>计划成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="89"/>
        <source>Cost per member</source>
        <translation>会员人均成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="90"/>
        <source>Cost as a share of revenue</source>
        <translation>成本占收入比例</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../app/ui/shell/login.py" line="94"/>
        <source>Create the first administrator</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="94"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="98"/>
        <source>This database has no staff accounts yet. Create the headquarters administrator account; it can then add dealers and the other staff.</source>
        <translation>此数据库中还没有员工账户。请先创建总部管理员账户，之后可用该账户添加经销商和其他员工。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="108"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="109"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="110"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="111"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="116"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <location filename="../../app/ui/shared/labels.py" line="94"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/shared/labels.py" line="95"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/shared/labels.py" line="96"/>
        <source>altered</source>
        <translation>被改动</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="215"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="215"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="215"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="215"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="237"/>
        <source>Newest first; at most the last 200 changes.</source>
        <translation>按时间倒序，最多显示最近 200 条变更。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="239"/>
        <source>The history of another dealer&apos;s member is not shown.</source>
        <translation>不显示其他经销商会员的变更记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="241"/>
        <source>No changes have been recorded for this member yet.</source>
        <translation>该会员尚无变更记录。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="142"/>
        <source>New benefit</source>
        <translation>新建权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="144"/>
        <source>Benefit {code}</source>
        <translation>权益 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="146"/>
        <source>Edit benefit {code}</source>
        <translation>编辑权益 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="159"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="185"/>
        <source>The benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="188"/>
        <source>letters, digits, - or _; e.g. WASH-01</source>
        <translation>字母、数字、- 或 _，例如 WASH-01</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="191"/>
        <source>the name members see</source>
        <translation>会员看到的名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="198"/>
        <source>what the member gets and how to use it</source>
        <translation>会员获得什么、如何使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="201"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="202"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="203"/>
        <source>Channel</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="204"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="205"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="206"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="210"/>
        <source>Price and value</source>
        <translation>价格与面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="214"/>
        <source>What one costs the programme (for the reports)</source>
        <translation>每份权益的项目成本（用于报表）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="215"/>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="216"/>
        <source>Default from the face value</source>
        <translation>按面值默认计算</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="230"/>
        <source>Face value (¥)</source>
        <translation>面值（¥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="231"/>
        <source>Unit cost (¥)</source>
        <translation>单位成本（¥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="232"/>
        <source>Points price</source>
        <translation>积分价格</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="237"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="246"/>
        <source>Who may have it, and when</source>
        <translation>适用会员与时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="250"/>
        <source>None ticked: every tier.</source>
        <translation>不勾选：适用所有等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="257"/>
        <source>no start</source>
        <translation>不限开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="258"/>
        <source>no end</source>
        <translation>不限结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="260"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="269"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="272"/>
        <source>A voucher may be used this many days from its issue</source>
        <translation>兑换券自发放之日起的可用天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="274"/>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="275"/>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="276"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="277"/>
        <source>Per member</source>
        <translation>每位会员限兑</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="278"/>
        <source>Voucher validity</source>
        <translation>兑换券有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="282"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="284"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="294"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="298"/>
        <source>Change the stock with “Change stock…” in the catalog.</source>
        <translation>请在目录中用“调整库存…”修改库存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="305"/>
        <source>Dealers that honour its vouchers</source>
        <translation>兑换券适用经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="306"/>
        <source>Every dealer</source>
        <translation>全部经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="308"/>
        <source>Only these dealers:</source>
        <translation>仅限以下经销商：</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="435"/>
        <source>A tier benefit costs no points; its quantity per tier is set in the tier benefit matrix.</source>
        <translation>等级权益不消耗积分；各等级的数量在等级权益矩阵中设置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="448"/>
        <source>{price} points: {value} at {rate} points a yuan.</source>
        <translation>{price} 积分：{value}，按 {rate} 积分抵 1 元计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="450"/>
        <source>The default would be {price} points: {value} at {rate} points a yuan.</source>
        <translation>默认为 {price} 积分：{value}，按 {rate} 积分抵 1 元计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="462"/>
        <source>Enter an amount in yuan, e.g. 80.00.</source>
        <translation>请输入金额（元），例如 80.00。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/item_dialog.py" line="481"/>
        <source>Tick at least one dealer.</source>
        <translation>请至少勾选一家经销商。</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="16"/>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="17"/>
        <source>Silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="18"/>
        <source>Sleeping</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="19"/>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shared/labels.py" line="26"/>
        <location filename="../../app/ui/shell/main_window.py" line="415"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="161"/>
        <location filename="../../app/ui/shell/self_test.py" line="38"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="162"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="163"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="164"/>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="165"/>
        <source>Benefits</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="166"/>
        <source>Partners</source>
        <translation>异业合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="167"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="169"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="170"/>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="171"/>
        <source>Staff users</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="172"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="173"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="168"/>
        <source>Targeted bonus campaigns and tasks for member segments.</source>
        <translation>面向会员细分群体的定向奖励活动与任务。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="248"/>
        <source>DEMO DATABASE — sample data only; nothing here is real.</source>
        <translation>演示数据库 — 仅含示例数据，所有内容均非真实数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="258"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="259"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="261"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="264"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="266"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="273"/>
        <source>Find member</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="278"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="279"/>
        <source>About Loyalty Desk</source>
        <translation>关于会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="285"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="289"/>
        <source>User: {name} ({user})</source>
        <translation>用户：{name}（{user}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="293"/>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="294"/>
        <source>Dealer: {dealer}</source>
        <translation>经销商：{dealer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="295"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
</context>
<context>
    <name>ManualTierDialog</name>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="111"/>
        <source>Request a manual tier</source>
        <translation>申请手动等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="113"/>
        <source>After approval the member holds the tier chosen and keeps at least this tier until the date below, whatever their qualifying points. After that date the usual review decides. A supervisor approves it; you cannot approve your own request.</source>
        <translation>审批通过后，会员将获得所选等级，并在下方日期前至少保持该等级，不受成长值影响；此后按常规等级评审确定。此申请须由主管审批，您不能审批自己提交的申请。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="120"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="124"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="129"/>
        <source>Kept at least until</source>
        <translation>至少保持至</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="50"/>
        <source>What each tier gets of each tier benefit: how many per period, and the voucher&apos;s value or discount where it differs from the benefit&apos;s.</source>
        <translation>各等级可享有的等级权益：每个周期的次数，以及与权益面值不同时的兑换券面值或折扣。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="52"/>
        <source>Double-click a cell or press Enter to change it.</source>
        <translation>双击单元格或按回车键修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="59"/>
        <source>Print PDF…</source>
        <translation>打印 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="61"/>
        <source>Save the matrix as a PDF to print (A4 landscape)</source>
        <translation>将矩阵保存为 PDF 以便打印（A4 横向）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="74"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="100"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="111"/>
        <source>{n} cells not set yet</source>
        <translation>还有 {n} 个单元格未设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="113"/>
        <source>Every cell is set.</source>
        <translation>所有单元格均已设置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="121"/>
        <source>No tier benefits yet: add one to the catalog with the channel “Tier benefit”.</source>
        <translation>还没有等级权益：请在目录中新建获取方式为“等级权益”的权益。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="180"/>
        <source>Print the tier benefit matrix</source>
        <translation>打印等级权益矩阵</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="181"/>
        <source>tier-benefit-matrix.pdf</source>
        <translation>等级权益矩阵.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="189"/>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="198"/>
        <source>The matrix was saved to {path}</source>
        <translation>矩阵已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/matrix_tab.py" line="200"/>
        <source>Print PDF</source>
        <translation>打印 PDF</translation>
    </message>
</context>
<context>
    <name>MemberApprovalsTab</name>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="19"/>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="19"/>
        <source>By</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="19"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="19"/>
        <source>Request</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="20"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="20"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="20"/>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="20"/>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/member_approvals_tab.py" line="23"/>
        <source>No approval requests for this member.</source>
        <translation>该会员没有审批申请。</translation>
    </message>
</context>
<context>
    <name>MemberBenefitsTab</name>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="75"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="95"/>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="119"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="95"/>
        <source>Type</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="95"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="95"/>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="119"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="96"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="96"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="96"/>
        <source>Availability</source>
        <translation>可否兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="101"/>
        <source>&amp;Redeem…</source>
        <translation>兑换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="106"/>
        <source>Redeem the chosen benefit for a voucher (Enter)</source>
        <translation>将所选权益兑换为兑换券（回车键）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="114"/>
        <source>Benefits the member may redeem</source>
        <translation>会员可兑换的权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="119"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="119"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="120"/>
        <source>Issued</source>
        <translation>兑换日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="120"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="120"/>
        <source>Written off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="128"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="129"/>
        <source>Print slip…</source>
        <translation>打印兑换券…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="130"/>
        <source>Cancel voucher…</source>
        <translation>作废兑换券…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="143"/>
        <source>The member&apos;s vouchers</source>
        <translation>会员的兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="174"/>
        <source>Tier {tier} · available {points} points (worth {value})</source>
        <translation>等级 {tier} · 可用 {points} 积分（价值 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="199"/>
        <source>No benefits are listed in the catalog.</source>
        <translation>权益目录中还没有已上架的权益。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="204"/>
        <source>Used {used} / {allowed}</source>
        <translation>已用 {used}/{allowed}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="210"/>
        <source>Available</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="232"/>
        <source>No vouchers yet.</source>
        <translation>还没有兑换券。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="233"/>
        <source>The newest {shown} of {total}.</source>
        <translation>显示最新 {shown} 张，共 {total} 张。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="257"/>
        <source>Choose a benefit; Enter redeems it.</source>
        <translation>选择一项权益，按回车键兑换。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="263"/>
        <source>Cannot be redeemed now: {reason}</source>
        <translation>当前不能兑换：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="290"/>
        <source>Redeemed {benefit}: voucher {code}.</source>
        <translation>已兑换{benefit}：券码 {code}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="306"/>
        <source>Slip saved: {path}</source>
        <translation>兑换券已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="322"/>
        <source>Voucher {code} cancelled; {points} points returned.</source>
        <translation>兑换券 {code} 已作废，已退回 {points} 积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/member_benefits_tab.py" line="326"/>
        <source>Voucher {code} cancelled.</source>
        <translation>兑换券 {code} 已作废。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="98"/>
        <source>New member</source>
        <translation>新会员登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="100"/>
        <source>Edit member {number}</source>
        <translation>编辑会员 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="120"/>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="123"/>
        <location filename="../../app/ui/members/member_dialog.py" line="126"/>
        <location filename="../../app/ui/members/member_dialog.py" line="129"/>
        <location filename="../../app/ui/members/member_dialog.py" line="150"/>
        <location filename="../../app/ui/members/member_dialog.py" line="318"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="125"/>
        <source>18 characters; optional</source>
        <translation>18 位，选填</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="144"/>
        <source>member number; optional</source>
        <translation>会员号，选填</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="146"/>
        <location filename="../../app/ui/members/member_dialog.py" line="148"/>
        <source>separated by commas</source>
        <translation>多项用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="154"/>
        <source>The member agrees to the privacy notice (required)</source>
        <translation>会员已同意隐私授权（必填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="156"/>
        <source>The member agrees to receive marketing</source>
        <translation>会员同意营销授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="157"/>
        <source>Pre-register only (activate later)</source>
        <translation>仅预注册（稍后激活）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="164"/>
        <source>No dealer (headquarters)</source>
        <translation>无经销商（总部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="182"/>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="184"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="185"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="186"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="187"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="188"/>
        <source>Birthday</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="189"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="190"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="194"/>
        <source>Membership</source>
        <translation>会员信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="196"/>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="197"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="198"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="199"/>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="200"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="201"/>
        <source>Interests</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="202"/>
        <source>Income band</source>
        <translation>收入区间</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="244"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="247"/>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="267"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="269"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="271"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="447"/>
        <source>Open member {number}</source>
        <translation>打开会员 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_dialog.py" line="493"/>
        <source>Not saved yet. Press Esc or Cancel again to discard what you entered.</source>
        <translation>尚未保存。再按一次 Esc 或“取消”将放弃已填写的内容。</translation>
    </message>
</context>
<context>
    <name>MemberExport</name>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="170"/>
        <location filename="../../app/ui/members/member_import_dialog.py" line="182"/>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="171"/>
        <source>members.xlsx</source>
        <translation>会员.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="179"/>
        <source>{n} members exported to {path}</source>
        <translation>已导出 {n} 名会员到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="188"/>
        <source>Exporting members…</source>
        <translation>正在导出会员…</translation>
    </message>
</context>
<context>
    <name>MemberHeader</name>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="99"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="138"/>
        <source>Record service…</source>
        <translation>登记服务…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="139"/>
        <source>Record a repair order or invoice; it earns points</source>
        <translation>登记维修工单或发票，可获得积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="141"/>
        <source>Use points…</source>
        <translation>积分抵扣…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="142"/>
        <source>Deduct points against the labour or parts of a repair order</source>
        <translation>用积分抵扣维修工单的工时费或备件费</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="144"/>
        <source>Redeem a benefit…</source>
        <translation>兑换权益…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="145"/>
        <source>Choose a benefit to redeem for a voucher</source>
        <translation>选择要兑换为兑换券的权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="147"/>
        <source>Request adjustment…</source>
        <translation>申请积分调整…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="148"/>
        <source>A manual credit or debit, decided by a supervisor</source>
        <translation>手工增减积分，由主管审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="155"/>
        <source>{action} ({key})</source>
        <translation>{action}（{key}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="183"/>
        <source>Dealer: {dealer} · Joined {date}</source>
        <translation>经销商：{dealer} · 入会日期 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="194"/>
        <source>Available points {points} (worth {value})</source>
        <translation>可用积分 {points}（价值 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="201"/>
        <source>{points} points expire on {date}</source>
        <translation>{points} 积分将于 {date} 过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="206"/>
        <source>No points due to expire</source>
        <translation>暂无即将过期的积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="214"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="222"/>
        <source>Value segment: {cell}</source>
        <translation>价值细分：{cell}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_header.py" line="225"/>
        <source>Quarterly run as of {date}</source>
        <translation>截至 {date} 的季度价值细分</translation>
    </message>
</context>
<context>
    <name>MemberImportDialog</name>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="41"/>
        <source>Import members from Excel</source>
        <translation>从 Excel 导入会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="45"/>
        <source>Bring in historical members from an .xlsx file made from the template. Every row is checked first; a result workbook lists the outcome of each row.</source>
        <translation>从按模板填写的 .xlsx 文件批量导入历史会员。每一行都会先校验，结果工作簿会列出每一行的处理结果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="50"/>
        <source>Save the template…</source>
        <translation>保存导入模板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="55"/>
        <source>the .xlsx file to import</source>
        <translation>要导入的 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="56"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="62"/>
        <source>Import the valid rows (saved in batches; importing the file again resumes)</source>
        <translation>导入校验通过的行（分批保存；再次导入同一文件会从中断处继续）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="67"/>
        <source>All or nothing: import only if every row is valid</source>
        <translation>全部或全不：所有行都通过校验才导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="78"/>
        <source>Check only</source>
        <translation>仅校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="81"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="94"/>
        <source>Save the template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="94"/>
        <source>member-import-template.xlsx</source>
        <translation>会员导入模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="100"/>
        <source>Template saved.</source>
        <translation>模板已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="105"/>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="114"/>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="121"/>
        <source>Importing members…</source>
        <translation>正在导入会员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="121"/>
        <source>Checking the file…</source>
        <translation>正在校验文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="143"/>
        <source>Checked {total} rows: {ok} can be imported, {bad} have errors. Nothing was saved.</source>
        <translation>已校验 {total} 行：{ok} 行可以导入，{bad} 行有错误。未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="146"/>
        <source>Nothing was imported: {bad} of {total} rows have errors (all or nothing).</source>
        <translation>未导入任何数据：{total} 行中有 {bad} 行有错误（全部或全不）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="148"/>
        <source>Imported {ok} of {total} rows; {bad} rows have errors.</source>
        <translation>已导入 {total} 行中的 {ok} 行；{bad} 行有错误。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_import_dialog.py" line="156"/>
        <source>Result workbook: {path}</source>
        <translation>结果工作簿：{path}</translation>
    </message>
</context>
<context>
    <name>MemberLabels</name>
    <message>
        <location filename="../../app/ui/members/labels.py" line="17"/>
        <source>Pre-registered</source>
        <translation>预注册</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="18"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="19"/>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="20"/>
        <source>Closed</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="27"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="28"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="35"/>
        <source>Dealer counter</source>
        <translation>经销商门店</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="36"/>
        <source>Brand app</source>
        <translation>APP</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="37"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="38"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="39"/>
        <source>Historical import</source>
        <translation>历史导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="46"/>
        <source>Under 100,000 yuan a year</source>
        <translation>年收入 10 万元以下</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="47"/>
        <source>100,000–300,000 yuan a year</source>
        <translation>年收入 10–30 万元</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="48"/>
        <source>300,000–600,000 yuan a year</source>
        <translation>年收入 30–60 万元</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="49"/>
        <source>600,000–1,000,000 yuan a year</source>
        <translation>年收入 60–100 万元</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="50"/>
        <source>Over 1,000,000 yuan a year</source>
        <translation>年收入 100 万元以上</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="58"/>
        <source>mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="59"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="60"/>
        <source>VIN</source>
        <translation>车架号(VIN)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="62"/>
        <source>This {what} already belongs to member {number}.</source>
        <translation>该{what}已属于会员 {number}。</translation>
    </message>
</context>
<context>
    <name>MemberTierLabels</name>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="15"/>
        <source>Enrolment</source>
        <translation>入会</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="16"/>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="17"/>
        <source>Retained at review</source>
        <translation>评审保级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="18"/>
        <source>Downgrade at review</source>
        <translation>评审降级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="19"/>
        <source>Status match</source>
        <translation>身份匹配</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="20"/>
        <source>Manual tier</source>
        <translation>手动等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="21"/>
        <source>Paid tier</source>
        <translation>付费等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="22"/>
        <source>Carried over in a merge</source>
        <translation>合并时沿用</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="28"/>
        <source>Service recovery</source>
        <translation>服务补救</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="29"/>
        <source>VIP care</source>
        <translation>贵宾关怀</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="30"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="36"/>
        <source>manual tier</source>
        <translation>手动等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_labels.py" line="37"/>
        <source>paid tier</source>
        <translation>付费等级</translation>
    </message>
</context>
<context>
    <name>MemberTierTab</name>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="115"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="140"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="140"/>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="140"/>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="140"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="141"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="141"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="141"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="142"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="155"/>
        <source>Request manual tier…</source>
        <translation>申请手动等级…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="156"/>
        <source>Status match…</source>
        <translation>身份匹配…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="157"/>
        <source>Paid tier…</source>
        <translation>付费等级…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="171"/>
        <source>Progress</source>
        <translation>等级进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="203"/>
        <source>for life</source>
        <translation>终身有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="210"/>
        <source>Tier changes, newest first:</source>
        <translation>等级变动（最新的在前）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="211"/>
        <source>No tier changes yet: on the base tier since joining.</source>
        <translation>暂无等级变动：入会以来一直为基础等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="219"/>
        <source>The base tier: held for life, never reviewed.</source>
        <translation>基础等级：终身有效，不参与评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="223"/>
        <source>Valid until &lt;b&gt;{date}&lt;/b&gt;; reviewed then on the points of the period.</source>
        <translation>有效期至 &lt;b&gt;{date}&lt;/b&gt;，届时按本期成长值进行评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="228"/>
        <source>This period started on {date}.</source>
        <translation>本期自 {date} 开始。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="234"/>
        <source>Last upgrade: {date}.</source>
        <translation>上次升级：{date}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="238"/>
        <source>Kept at least at {tier} until {date} ({why}).</source>
        <translation>{date} 前至少保持{tier}（{why}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="250"/>
        <source>Waiting for a decision: {kind}, {request} (requested by {user})</source>
        <translation>待审批：{kind}，{request}（申请人：{user}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="264"/>
        <source>Lifetime qualifying points: &lt;b&gt;{points}&lt;/b&gt;</source>
        <translation>累计成长值：&lt;b&gt;{points}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="265"/>
        <source>Qualifying points this period: &lt;b&gt;{points}&lt;/b&gt;</source>
        <translation>本期成长值：&lt;b&gt;{points}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="268"/>
        <source>Keep {tier}</source>
        <translation>保级{tier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="270"/>
        <source>Nothing to keep: held for life.</source>
        <translation>无需保级：终身有效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="274"/>
        <source>{n} more points keep {tier} at the review on {date}.</source>
        <translation>再得 {n} 成长值即可在 {date} 的评审中保级{tier}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="282"/>
        <source>Enough to keep {tier} at the review.</source>
        <translation>成长值已足够，评审时可保级{tier}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="287"/>
        <source>Next tier</source>
        <translation>下一等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="287"/>
        <source>{tier} is the highest tier.</source>
        <translation>{tier}已是最高等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="293"/>
        <source>Reach {tier}</source>
        <translation>升至{tier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="295"/>
        <source>{n} more points reach {tier}.</source>
        <translation>再得 {n} 成长值即可升至{tier}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="297"/>
        <source>Reached: the upgrade waits for approval.</source>
        <translation>已达到门槛：升级待审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_tier_tab.py" line="144"/>
        <source>No tier changes yet.</source>
        <translation>暂无等级变更。</translation>
    </message>
</context>
<context>
    <name>MemberView</name>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="269"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="294"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="295"/>
        <source>Activate…</source>
        <translation>激活…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="296"/>
        <source>Freeze…</source>
        <translation>冻结…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="297"/>
        <source>Unfreeze…</source>
        <translation>解冻…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="298"/>
        <source>Close membership…</source>
        <translation>注销会员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="299"/>
        <source>Merge duplicate…</source>
        <translation>合并重复会员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="346"/>
        <source>This tab arrives with later work:</source>
        <translation>此页签将在后续版本中提供：</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="347"/>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="348"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="355"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="359"/>
        <source>Tier &amp;&amp; history</source>
        <translation>等级与历史</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="362"/>
        <source>Benefits &amp;&amp; vouchers</source>
        <translation>权益与兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="368"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="364"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="364"/>
        <source>campaigns and tasks this member takes part in.</source>
        <translation>该会员参与的活动与任务。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="365"/>
        <source>Service notes</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="365"/>
        <source>service visits and notes from the counter.</source>
        <translation>进店服务记录及前台备注。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="369"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="388"/>
        <source>Member {number}</source>
        <translation>会员 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="410"/>
        <source>The member could not be loaded.</source>
        <translation>无法加载该会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="420"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="430"/>
        <location filename="../../app/ui/members/member_view.py" line="491"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="434"/>
        <source>Yes, erase this member&apos;s personal data now</source>
        <translation>确认立即删除该会员的个人信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="448"/>
        <source>Freeze member</source>
        <translation>冻结会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="450"/>
        <source>A frozen member cannot earn or use points until unfrozen. Enter the reason (for example a lost card or suspected fraud).</source>
        <translation>会员被冻结后，解冻前不能获得或使用积分。请填写原因（例如会员卡丢失或疑似欺诈）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="453"/>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="457"/>
        <source>Close membership</source>
        <translation>注销会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="459"/>
        <source>Closing is final. The member&apos;s personal data (name, mobile, ID number, birthday, city, tags, plates) is erased as required by PIPL; the member number, points ledger and statistics stay. Enter the reason.</source>
        <translation>注销后不可恢复。根据《个人信息保护法》，会员的个人信息（姓名、手机号、身份证号、出生日期、城市、标签、车牌号）将被删除；会员号、积分台账和统计数据保留。请填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="463"/>
        <source>Close and erase</source>
        <translation>注销并删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="467"/>
        <source>Activate member</source>
        <translation>激活会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="468"/>
        <source>The points validity starts today. A reason is optional.</source>
        <translation>积分有效期从今天开始计算。原因可不填。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="469"/>
        <source>Activate</source>
        <translation>激活</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="472"/>
        <source>Unfreeze member</source>
        <translation>解冻会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="473"/>
        <source>The member can earn and use points again. A reason is optional.</source>
        <translation>解冻后会员可再次获得和使用积分。原因可不填。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="474"/>
        <source>Unfreeze</source>
        <translation>解冻</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="482"/>
        <source>Merge a duplicate into {number}</source>
        <translation>将重复会员合并到 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="484"/>
        <source>Member {number} is kept. The other member&apos;s vehicles, service records, referrals and tags move here; it is then closed and its personal data erased.</source>
        <translation>保留会员 {number}。另一会员的车辆、服务记录、推荐关系和标签将转到此会员名下，随后该会员被注销，其个人信息被删除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="487"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="490"/>
        <source>Other member number</source>
        <translation>另一会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="498"/>
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="505"/>
        <source>Transfer a vehicle in</source>
        <translation>车辆过户转入</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="507"/>
        <source>For a second-hand sale: the vehicle moves to this member and the seller is kept in its ownership history.</source>
        <translation>用于二手车交易：车辆转到此会员名下，原车主保留在车辆的所有权历史中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="510"/>
        <source>Transfer</source>
        <translation>过户</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="513"/>
        <source>17 characters</source>
        <translation>17 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="518"/>
        <source>VIN</source>
        <translation>车架号(VIN)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="519"/>
        <source>Transfer date</source>
        <translation>过户日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="526"/>
        <source>Vehicle transferred.</source>
        <translation>车辆已过户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="533"/>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="534"/>
        <source>A vehicle the member bought new. A used one is moved with Transfer in…</source>
        <translation>会员新购的车辆。二手车请使用“过户转入…”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="535"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="558"/>
        <source>Vehicle added.</source>
        <translation>车辆已添加。</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="67"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="68"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="69"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="70"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="71"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="73"/>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="87"/>
        <source>Click to sort</source>
        <translation>点击排序</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="101"/>
        <source>Personal data hidden; open the member to see more.</source>
        <translation>个人信息已隐藏；打开会员可查看更多。</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="149"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="151"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="158"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="162"/>
        <source>New member…</source>
        <translation>新会员登记…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="164"/>
        <source>Register a new member (Ctrl+N)</source>
        <translation>登记新会员 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="175"/>
        <source>Member number, mobile or its last 4 digits, VIN or its last 6, plate, ID number, name or its pinyin/initials  (Ctrl+F)</source>
        <translation>会员号、手机号或其后 4 位、车架号(VIN)或其后 6 位、车牌号、身份证号、姓名或拼音/首字母  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="183"/>
        <source>Enter opens the first member found; Down moves into the list.</source>
        <translation>按回车键打开第一位会员；按下方向键进入列表。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="188"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="196"/>
        <location filename="../../app/ui/members/members_page.py" line="201"/>
        <location filename="../../app/ui/members/members_page.py" line="204"/>
        <location filename="../../app/ui/members/members_page.py" line="207"/>
        <location filename="../../app/ui/members/members_page.py" line="210"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="213"/>
        <source>The value segment in the latest quarterly run</source>
        <translation>最近一次季度价值细分的结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="217"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="219"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="221"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="222"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="223"/>
        <source>Value segment</source>
        <translation>价值细分</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="224"/>
        <source>Joined from</source>
        <translation>入会日期从</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="225"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="241"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="334"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="356"/>
        <source>More than {count} members</source>
        <translation>超过 {count} 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="358"/>
        <source>1 member</source>
        <translation>1 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="360"/>
        <source>{count} members</source>
        <translation>{count} 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="398"/>
        <source>No member matches.</source>
        <translation>没有符合条件的会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="399"/>
        <source>Members loaded: {n}</source>
        <translation>已加载会员：{n} 名</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="401"/>
        <source>scroll down for more</source>
        <translation>向下滚动加载更多</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="403"/>
        <source>grey rows: personal data hidden</source>
        <translation>灰色行：个人信息已隐藏</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="404"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="413"/>
        <source>No members yet: register the first one with New member….</source>
        <translation>还没有会员：请用“新建会员…”登记第一位会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="416"/>
        <source>No member matches “{text}”. Check the number, or search by mobile, plate or name.</source>
        <translation>没有与“{text}”匹配的会员。请核对号码，或按手机号、车牌或姓名搜索。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/members_page.py" line="418"/>
        <source>No members match these filters.</source>
        <translation>没有符合筛选条件的会员。</translation>
    </message>
</context>
<context>
    <name>ModeDialog</name>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="79"/>
        <source>New cooperation mode for {name}</source>
        <translation>为{name}新建合作模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="80"/>
        <source>Edit cooperation mode of {name}</source>
        <translation>编辑{name}的合作模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="87"/>
        <source>Mode</source>
        <translation>合作模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="107"/>
        <source>Terms of the mode</source>
        <translation>合作条款</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="140"/>
        <source> % of the price paid</source>
        <translation> %（实付比例）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="153"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="159"/>
        <source>What one redemption costs: its benefits&apos; unit cost</source>
        <translation>每次兑换的成本，即其权益的单位成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="165"/>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="166"/>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="167"/>
        <source>Unit cost (¥)</source>
        <translation>单位成本（¥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="168"/>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/mode_dialog.py" line="220"/>
        <source>Enter an amount in yuan, e.g. 80.00.</source>
        <translation>请输入金额（元），例如 80.00。</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="26"/>
        <source>Region {name}</source>
        <translation>大区：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="28"/>
        <source>Dealer {name}</source>
        <translation>经销商：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="29"/>
        <source>Whole network</source>
        <translation>全网</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="40"/>
        <source>expected {expected}, found {actual}</source>
        <translation>应为 {expected}，实为 {actual}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_figures.py" line="53"/>
        <source>(reference {value})</source>
        <translation>（参考线 {value}）</translation>
    </message>
</context>
<context>
    <name>MonthlyTab</name>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="89"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="93"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="96"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="98"/>
        <source>The report to print and sign (A4)</source>
        <translation>用于打印和签字的报告（A4）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="101"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="103"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="118"/>
        <source>Choose a month and a scope, then press Show.</source>
        <translation>请选择月份和范围，然后点击“显示”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="133"/>
        <source>Points in the month</source>
        <translation>本月积分变动</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="134"/>
        <source>Lifecycle stages at month end</source>
        <translation>月末生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="135"/>
        <source>Members by tier</source>
        <translation>会员等级分布</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="155"/>
        <source>Whole network</source>
        <translation>全网</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="156"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="157"/>
        <location filename="../../app/ui/reports/monthly_tab.py" line="160"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="213"/>
        <location filename="../../app/ui/reports/monthly_tab.py" line="279"/>
        <source>Choose the region or dealer first.</source>
        <translation>请先选择大区或经销商。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="217"/>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="220"/>
        <source>Building the monthly report…</source>
        <translation>正在生成月度报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="231"/>
        <source>This report failed its checks:</source>
        <translation>本报告数据核对未通过：</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="240"/>
        <source>{programme} · {scope} · {month}</source>
        <translation>{programme} · {scope} · {month}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="254"/>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="255"/>
        <source>Offset</source>
        <translation>抵扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="256"/>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="257"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="259"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="265"/>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="282"/>
        <source>monthly-report_{month}</source>
        <translation>月度报告_{month}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="283"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="283"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="294"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="297"/>
        <source>Writing the monthly report…</source>
        <translation>正在写出月度报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/monthly_tab.py" line="309"/>
        <source>The report was saved to {path}.</source>
        <translation>报告已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="57"/>
        <source>member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="62"/>
        <source>All benefits</source>
        <translation>全部权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="66"/>
        <source>All dealers</source>
        <translation>全部经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="69"/>
        <source>Issued or written off at the dealer</source>
        <translation>在该经销商兑换或核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="72"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="76"/>
        <location filename="../../app/ui/benefits/orders_tab.py" line="78"/>
        <source>any day</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="80"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="83"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="85"/>
        <source>Every order matching the filters, as an .xlsx file</source>
        <translation>将符合筛选条件的全部兑换记录导出为 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="99"/>
        <source>Redeemed on</source>
        <translation>兑换日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="99"/>
        <source>Voucher code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="99"/>
        <location filename="../../app/ui/benefits/orders_tab.py" line="130"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="100"/>
        <location filename="../../app/ui/benefits/orders_tab.py" line="130"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="100"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="100"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="100"/>
        <location filename="../../app/ui/benefits/orders_tab.py" line="131"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="101"/>
        <source>Redeemed at</source>
        <translation>兑换经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="101"/>
        <source>Written off</source>
        <translation>已核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="108"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="132"/>
        <source>Redeemed from</source>
        <translation>兑换日期从</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="132"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="133"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="211"/>
        <source>No orders match the filters.</source>
        <translation>没有符合筛选条件的兑换记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="211"/>
        <source>No orders yet.</source>
        <translation>还没有兑换记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="214"/>
        <source>Showing the newest {shown} of {total} orders; the export has them all.</source>
        <translation>显示最新的 {shown} 条，共 {total} 条兑换记录；导出包含全部记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="218"/>
        <source>Showing {shown} of {total} orders</source>
        <translation>显示 {shown} 条，共 {total} 条兑换记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="235"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="241"/>
        <source>benefit-orders_{date}.xlsx</source>
        <translation>权益兑换记录_{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="242"/>
        <location filename="../../app/ui/benefits/orders_tab.py" line="264"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="253"/>
        <source>Exporting the orders…</source>
        <translation>正在导出兑换记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/orders_tab.py" line="262"/>
        <source>{n} orders exported to {path}</source>
        <translation>已将 {n} 条兑换记录导出到 {path}</translation>
    </message>
</context>
<context>
    <name>Outreach</name>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="45"/>
        <source>Points expiring soon</source>
        <translation>积分即将到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="46"/>
        <source>Tiers at risk</source>
        <translation>保级预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="47"/>
        <source>Birthdays this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="48"/>
        <source>Lapsed members</source>
        <translation>沉睡会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="54"/>
        <source>Members with points expiring soon: remind them to use their points.</source>
        <translation>积分即将到期的会员：请提醒他们及时使用积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="57"/>
        <source>Members whose tier validity ends within 60 days and who lack the qualifying points to retain it.</source>
        <translation>等级有效期将在 60 天内届满、且成长值尚未达到保级门槛的会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="62"/>
        <source>Active members whose birthday falls in this month.</source>
        <translation>本月过生日的正常会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="65"/>
        <source>Active members with no points earned or redeemed and no service for longer than the sleeping threshold (lifecycle settings).</source>
        <translation>超过睡眠阈值（见生命周期设置）未获得或兑换积分、也没有售后维修记录的正常会员。</translation>
    </message>
</context>
<context>
    <name>OutreachModel</name>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="86"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="86"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="86"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="86"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="87"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="90"/>
        <source>Points expiring</source>
        <translation>到期积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="90"/>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="91"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="91"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="91"/>
        <source>Points needed</source>
        <translation>保级还差成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="92"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="93"/>
        <source>Last active</source>
        <translation>最近活跃日</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="93"/>
        <source>Days inactive</source>
        <translation>未活跃天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="93"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="108"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="108"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="109"/>
        <source>withheld</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="117"/>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="117"/>
        <source>Sleeping</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="128"/>
        <source>No marketing consent: not in the Excel contact list</source>
        <translation>未取得营销授权：不会导出到 Excel 联系名单</translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="150"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="153"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="156"/>
        <source>The members who agreed to marketing, as an .xlsx contact list</source>
        <translation>将已取得营销授权的会员导出为 .xlsx 联系名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="160"/>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="197"/>
        <source>Double-click or press Enter to open the member</source>
        <translation>双击或按回车键打开会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="210"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="211"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="223"/>
        <source>Members: {n}</source>
        <translation>会员数：{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="234"/>
        <source>No members on this list.</source>
        <translation>此名单中没有会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="236"/>
        <source>Rows loaded: {n}</source>
        <translation>已加载：{n} 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="238"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="238"/>
        <source>scroll down for more</source>
        <translation>向下滚动加载更多</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="260"/>
        <location filename="../../app/ui/reports/outreach_tab.py" line="295"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="268"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="271"/>
        <source>Writing the contact list…</source>
        <translation>正在写出联系名单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="287"/>
        <source>{n} members written to {path}.</source>
        <translation>已将 {n} 位会员写出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/outreach_tab.py" line="291"/>
        <source>{n} members without marketing consent were left out.</source>
        <translation>{n} 位未取得营销授权的会员未导出。</translation>
    </message>
</context>
<context>
    <name>PaidTierDialog</name>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="198"/>
        <source>Request a paid tier</source>
        <translation>申请付费等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="200"/>
        <source>The member paid the annual fee for a tier: after approval it is held for 12 months and never lowered meanwhile. Paying again for the same tier extends it from the end of the paid period.</source>
        <translation>会员已为某一等级支付年费：审批通过后享有该等级 12 个月，期间不会降级。为同一等级续费时，自已付费期限结束时起顺延。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="206"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="208"/>
        <source>e.g. 800.00</source>
        <translation>例如 800.00</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="209"/>
        <source>Fee paid (yuan)</source>
        <translation>已付年费（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="217"/>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="217"/>
        <source>the payment&apos;s reference</source>
        <translation>付款凭证上的编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="232"/>
        <source>Enter the fee in yuan, e.g. 800.00.</source>
        <translation>请输入以元为单位的年费，例如 800.00。</translation>
    </message>
</context>
<context>
    <name>PartnerDetailView</name>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="44"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="45"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="46"/>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="47"/>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="48"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="49"/>
        <source>Shortlist reason</source>
        <translation>初选名单理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="59"/>
        <source>Cooperation modes:</source>
        <translation>合作模式：</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="65"/>
        <source>Admission checks:</source>
        <translation>准入条件：</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="79"/>
        <source>{status} since {date}</source>
        <translation>{status}（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/partner_detail.py" line="98"/>
        <source>{count} compared, at least {minimum} wanted</source>
        <translation>横比 {count} 家，应至少 {minimum} 家</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="75"/>
        <source>New partner</source>
        <translation>新建合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="76"/>
        <source>Edit partner {code}</source>
        <translation>编辑合作伙伴 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="104"/>
        <source>The company</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="105"/>
        <source>letters, digits, - or _</source>
        <translation>字母、数字、- 或 _</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="106"/>
        <source>the registered name</source>
        <translation>工商注册名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="107"/>
        <source>18 characters, from the business licence</source>
        <translation>18 位，见营业执照</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="108"/>
        <source>Registered by law as an independent legal person</source>
        <translation>依法登记注册的独立法人</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="113"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="120"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="121"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="122"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="124"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="125"/>
        <source>Registered capital (¥)</source>
        <translation>注册资本（¥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="126"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="127"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="133"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="140"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="141"/>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="142"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="143"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="149"/>
        <source>Invoices, documents and notes</source>
        <translation>发票、资料与备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="150"/>
        <source>Can issue VAT special invoices</source>
        <translation>可开具增值税专用发票</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="153"/>
        <source>where the licence, statements… are filed, one a line</source>
        <translation>营业执照、财务报表…的存放位置，每行一项</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="158"/>
        <source>Documents</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="159"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="193"/>
        <source>Enter an amount in yuan, e.g. 5000000.</source>
        <translation>请输入金额（元），例如 5000000。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_dialog.py" line="199"/>
        <source>Enter the founding date.</source>
        <translation>请输入成立日期。</translation>
    </message>
</context>
<context>
    <name>PartnerDialogs</name>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="39"/>
        <source>why, in a few words</source>
        <translation>简要说明原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="40"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="61"/>
        <source>Send to Approvals</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="66"/>
        <source>what the approver should know</source>
        <translation>需要审批人了解的情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="68"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="73"/>
        <source>why fewer partners were compared</source>
        <translation>参与横比的合作伙伴不足的原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/status_dialog.py" line="76"/>
        <source>Shortlist reason</source>
        <translation>初选名单理由</translation>
    </message>
</context>
<context>
    <name>PartnerLabels</name>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="33"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="34"/>
        <source>Under evaluation</source>
        <translation>评估中</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="35"/>
        <source>Admitted</source>
        <translation>已准入</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="36"/>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="37"/>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="38"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="45"/>
        <source>Medical and health</source>
        <translation>医疗健康</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="46"/>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="47"/>
        <source>Travel</source>
        <translation>旅游出行</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="48"/>
        <source>Finance and insurance</source>
        <translation>金融保险</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="49"/>
        <source>Retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="50"/>
        <source>Dining</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="51"/>
        <source>Car services</source>
        <translation>汽车服务</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="52"/>
        <source>Leisure and entertainment</source>
        <translation>休闲娱乐</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="55"/>
        <source>Other industry</source>
        <translation>其他行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="62"/>
        <source>Registered independent legal person</source>
        <translation>依法注册，具有独立法人资格</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="65"/>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="66"/>
        <source>Years since founding</source>
        <translation>成立年限</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="67"/>
        <source>Consulting, enquiry, after-sales and complaint service</source>
        <translation>咨询、查询、售后、投诉服务能力</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="70"/>
        <source>Commercial credit and sound finances</source>
        <translation>商业信誉良好，财务制度健全</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="73"/>
        <source>Issues VAT special invoices</source>
        <translation>可开具增值税专用发票</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="82"/>
        <source>Consulting</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="83"/>
        <source>Enquiry</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="84"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="85"/>
        <source>Complaint handling</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="92"/>
        <source>Brand value</source>
        <translation>品牌价值</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="93"/>
        <source>Member equivalents</source>
        <translation>会员当量</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="94"/>
        <source>Reputation</source>
        <translation>用户口碑</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="95"/>
        <source>Industry position</source>
        <translation>行业地位</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="96"/>
        <source>Resource complementarity</source>
        <translation>资源互补能力</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="99"/>
        <source>Execution</source>
        <translation>执行力</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="100"/>
        <source>Cooperativeness</source>
        <translation>配合度</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="107"/>
        <source>Bulk purchase</source>
        <translation>大宗采购</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="108"/>
        <source>Concierge service</source>
        <translation>礼宾服务</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="109"/>
        <source>Member discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="110"/>
        <source>Limited free quota</source>
        <translation>限免名额</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="111"/>
        <source>Rebate</source>
        <translation>报销返利</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="112"/>
        <source>Joint membership</source>
        <translation>联合会员营销</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="120"/>
        <source>Committed volume</source>
        <translation>承诺采购量</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="121"/>
        <source>Purchase unit price</source>
        <translation>采购单价</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="122"/>
        <source>Market price</source>
        <translation>市场价</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="123"/>
        <source>Service scope</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="124"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="125"/>
        <source>Free quota</source>
        <translation>限免名额数</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="126"/>
        <source>Quota period</source>
        <translation>名额周期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="127"/>
        <source>Rebate target</source>
        <translation>返利目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="128"/>
        <source>Rebate rate</source>
        <translation>返利比例</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="129"/>
        <source>Rebate period</source>
        <translation>返利周期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="130"/>
        <source>Joint programme</source>
        <translation>联合会员计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="137"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="138"/>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="139"/>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="146"/>
        <source>Prepaid</source>
        <translation>预付</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="147"/>
        <source>Postpaid</source>
        <translation>后付</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="154"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="155"/>
        <source>Call centre</source>
        <translation>呼叫中心</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="156"/>
        <source>Received by the partner</source>
        <translation>合作伙伴直接受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="165"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/labels.py" line="166"/>
        <source>Resolved</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>PartnerPanel</name>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="166"/>
        <source>New partner…</source>
        <translation>新建合作伙伴…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="166"/>
        <source>Register a candidate partner</source>
        <translation>登记候选合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="168"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="168"/>
        <source>Change the partner&apos;s record</source>
        <translation>修改合作伙伴的档案信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="170"/>
        <source>Start evaluation…</source>
        <translation>开始评估…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="171"/>
        <source>Assess the admission checks and score the partner</source>
        <translation>进行准入核查并为合作伙伴评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="173"/>
        <source>Back to candidate…</source>
        <translation>退回候选…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="174"/>
        <source>Stop the evaluation for now</source>
        <translation>暂时中止评估</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="176"/>
        <source>Request admission…</source>
        <translation>申请准入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="177"/>
        <source>Another administrator admits it in Approvals</source>
        <translation>由另一位管理员在审批中批准准入</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="179"/>
        <source>Request activation…</source>
        <translation>申请启动合作…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="180"/>
        <source>Another administrator activates it in Approvals</source>
        <translation>由另一位管理员在审批中批准启动合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="182"/>
        <source>Suspend…</source>
        <translation>暂停合作…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="182"/>
        <source>Stop the cooperation for now</source>
        <translation>暂时停止合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="184"/>
        <source>Terminate…</source>
        <translation>终止合作…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="184"/>
        <source>End the cooperation for good</source>
        <translation>永久终止合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="186"/>
        <source>Assess admission…</source>
        <translation>准入核查…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="187"/>
        <source>Record the six admission checks</source>
        <translation>记录六项准入条件的核查结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="189"/>
        <source>Override…</source>
        <translation>总部特批…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="190"/>
        <source>Headquarters admits it despite the failed checks</source>
        <translation>准入条件未通过，由总部特批准入</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="192"/>
        <source>Score…</source>
        <translation>评分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="192"/>
        <source>Score the seven evaluation factors</source>
        <translation>为七项评估指标评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="194"/>
        <source>Add cooperation mode…</source>
        <translation>添加合作模式…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="195"/>
        <source>Edit cooperation mode…</source>
        <translation>编辑合作模式…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="196"/>
        <source>End cooperation mode…</source>
        <translation>结束合作模式…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="197"/>
        <source>New partner benefit…</source>
        <translation>新建合作伙伴权益…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="198"/>
        <source>A draft benefit in the catalog, supplied by this partner</source>
        <translation>在权益目录中新建由该合作伙伴提供的权益草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="220"/>
        <source>Record</source>
        <translation>档案信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="225"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="225"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="226"/>
        <source>Legal person</source>
        <translation>独立法人</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="227"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="228"/>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="228"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="229"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="229"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="230"/>
        <source>VAT special invoices</source>
        <translation>增值税专用发票</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="230"/>
        <source>Documents</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="231"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="231"/>
        <source>Shortlist reason</source>
        <translation>初选名单理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="242"/>
        <source>Admission checks</source>
        <translation>准入条件</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="249"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="254"/>
        <source>Factor</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="254"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="254"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="263"/>
        <source>Cooperation modes</source>
        <translation>合作模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="272"/>
        <source>Benefits from this partner</source>
        <translation>该合作伙伴提供的权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="274"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="274"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="274"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="274"/>
        <location filename="../../app/ui/partners/partner_views.py" line="97"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="277"/>
        <source>No benefits from this partner yet.</source>
        <translation>该合作伙伴还没有提供权益。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="283"/>
        <source>Status history</source>
        <translation>状态变更记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="285"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="285"/>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="285"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="285"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="285"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="322"/>
        <source>Choose a partner to see it here.</source>
        <translation>选择一个合作伙伴，在此查看详情。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="335"/>
        <source>{status} since {date}</source>
        <translation>{status}（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="339"/>
        <source>admission request waiting in Approvals</source>
        <translation>准入申请待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="341"/>
        <source>activation request waiting in Approvals</source>
        <translation>启动合作申请待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="343"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="343"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="430"/>
        <source>Partner {code} registered as a candidate.</source>
        <translation>合作伙伴 {code} 已登记为候选。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="437"/>
        <source>Partner {code} saved.</source>
        <translation>合作伙伴 {code} 已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="446"/>
        <source>Start the evaluation of {name}</source>
        <translation>开始评估：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="447"/>
        <source>Put {name} back to candidate</source>
        <translation>退回候选：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="448"/>
        <source>Suspend {name}</source>
        <translation>暂停合作：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="449"/>
        <source>Terminate {name}</source>
        <translation>终止合作：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="452"/>
        <source>Then assess its admission checks and score it.</source>
        <translation>随后进行准入核查并评分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="453"/>
        <source>Its assessments and scores stay on record.</source>
        <translation>已有的准入核查结果和评分仍会保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="454"/>
        <source>The cooperation pauses until it is activated again through Approvals.</source>
        <translation>合作将暂停，经审批重新启动后方可恢复。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="456"/>
        <source>The cooperation ends for good; the partner cannot be changed afterwards.</source>
        <translation>合作将永久终止，此后该合作伙伴不能再修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="466"/>
        <source>{name} is now: {status}.</source>
        <translation>{name}当前状态：{status}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="476"/>
        <source>Admission assessed: all checks passed.</source>
        <translation>准入核查完成：全部条件通过。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="477"/>
        <source>Admission assessed: checks failed.</source>
        <translation>准入核查完成：有条件未通过。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="487"/>
        <source>Override the failed admission of {name}</source>
        <translation>总部特批准入：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="489"/>
        <source>Headquarters admits the partner despite the failed checks. The reason is shown in red wherever the partner is shown, and audited.</source>
        <translation>准入条件未通过，由总部特批准入该合作伙伴。特批理由会在显示该合作伙伴的所有位置以红色标出，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="491"/>
        <source>Override</source>
        <translation>总部特批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="495"/>
        <source>Admission overridden.</source>
        <translation>已由总部特批准入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="506"/>
        <source>Scored: weighted total {total}.</source>
        <translation>评分已保存：加权总分 {total}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="518"/>
        <source>Only {count} partners of {industry} are compared; the shortlist needs at least {minimum}. Record why admitting from fewer is justified.</source>
        <translation>参与横比的{industry}合作伙伴仅 {count} 家，初选名单至少需要 {minimum} 家。请说明在不足 {minimum} 家的情况下准入的理由。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="525"/>
        <source>Request the admission of {name}</source>
        <translation>申请准入：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="526"/>
        <source>Another administrator, who neither assessed nor scored it, decides in Approvals.</source>
        <translation>由另一位未参与准入核查和评分的管理员在审批中决定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="533"/>
        <source>Admission requested; it waits in Approvals.</source>
        <translation>已提交准入申请，正在等待审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="544"/>
        <source>Request the activation of {name}</source>
        <translation>申请启动合作：{name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="545"/>
        <source>It needs a cooperation mode whose contract has not ended. Another administrator decides in Approvals.</source>
        <translation>须有一个合同尚未到期的合作模式。由另一位管理员在审批中决定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="550"/>
        <source>Activation requested; it waits in Approvals.</source>
        <translation>已提交启动合作申请，正在等待审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="559"/>
        <source>Cooperation mode saved: {mode}.</source>
        <translation>合作模式已保存：{mode}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="574"/>
        <source>End the cooperation mode {mode}</source>
        <translation>结束合作模式：{mode}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="576"/>
        <source>It stays on record; its benefits stay in the catalog until delisted.</source>
        <translation>该合作模式的记录仍会保留；其权益留在权益目录中，直至下架。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="577"/>
        <source>End mode</source>
        <translation>结束合作模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="580"/>
        <source>Cooperation mode ended.</source>
        <translation>合作模式已结束。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="595"/>
        <source>New benefit from {name}</source>
        <translation>新建{name}提供的权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_panel.py" line="599"/>
        <source>Benefit {code} created as a draft in the catalog.</source>
        <translation>权益 {code} 已作为草稿加入权益目录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="84"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="86"/>
        <source>Contract over</source>
        <translation>合同已到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="88"/>
        <source>Renewal due</source>
        <translation>待续约</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="89"/>
        <source>Current</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="94"/>
        <source>Mode</source>
        <translation>合作模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="95"/>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="96"/>
        <source>Contract</source>
        <translation>合同期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="98"/>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="99"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="101"/>
        <source>No cooperation modes yet.</source>
        <translation>还没有合作模式。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="119"/>
        <source>Admission checks failed; admitted by headquarters. Reason: {reason} ({user}, {time})</source>
        <translation>准入条件未通过，经总部特批准入。理由：{reason}（{user}，{time}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="140"/>
        <source>Check</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="141"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="142"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="155"/>
        <source>Not assessed yet.</source>
        <translation>尚未进行准入核查。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="159"/>
        <source>all checks passed</source>
        <translation>全部条件通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="161"/>
        <source>checks failed</source>
        <translation>有条件未通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="164"/>
        <source>Assessed on {date} by {user}: {verdict}.</source>
        <translation>{user} 于 {date} 核查：{verdict}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="172"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="173"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="183"/>
        <source>Not scored yet.</source>
        <translation>尚未评分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partner_views.py" line="184"/>
        <source>Weighted total {total} of 5 · rank {rank} of {count} in {industry}</source>
        <translation>加权总分 {total}（满分 5）· {industry}排名 {rank}/{count}</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <location filename="../../app/ui/partners/partners_page.py" line="31"/>
        <source>Registry</source>
        <translation>合作伙伴名录</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partners_page.py" line="32"/>
        <source>Comparison</source>
        <translation>横比</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partners_page.py" line="34"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partners_page.py" line="36"/>
        <source>Service levels</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partners_page.py" line="39"/>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/partners_page.py" line="44"/>
        <source>Partners</source>
        <translation>异业合作</translation>
    </message>
</context>
<context>
    <name>PdfFonts</name>
    <message>
        <location filename="../../app/ui/shared/action_dialog.py" line="114"/>
        <source>Characters missing from the PDF</source>
        <translation>PDF 中缺少的字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/shared/action_dialog.py" line="115"/>
        <source>The PDF was saved, but no font on this computer has these characters, so they are printed as □: {chars}
Install a font with rare Chinese characters (SimSun-ExtB on Windows) and print it again.</source>
        <translation>PDF 已保存，但本机没有包含以下字符的字体，这些字符以 □ 打印：{chars}
请安装包含生僻字的字体（Windows 上为 SimSun-ExtB）后重新打印。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../app/cli/i18n.py" line="185"/>
        <location filename="../../app/ui/shared/labels.py" line="51"/>
        <source>view members</source>
        <translation>查看会员</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="186"/>
        <location filename="../../app/ui/shared/labels.py" line="52"/>
        <source>edit members</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="187"/>
        <location filename="../../app/ui/shared/labels.py" line="53"/>
        <source>see personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="188"/>
        <location filename="../../app/ui/shared/labels.py" line="56"/>
        <source>post points</source>
        <translation>记录积分</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="189"/>
        <location filename="../../app/ui/shared/labels.py" line="57"/>
        <source>request point adjustments</source>
        <translation>申请积分调整</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="190"/>
        <location filename="../../app/ui/shared/labels.py" line="60"/>
        <source>approve requests</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="191"/>
        <location filename="../../app/ui/shared/labels.py" line="61"/>
        <source>change the programme settings</source>
        <translation>修改会员计划设置</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="194"/>
        <location filename="../../app/ui/shared/labels.py" line="64"/>
        <source>manage dealers</source>
        <translation>管理经销商</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="195"/>
        <location filename="../../app/ui/shared/labels.py" line="65"/>
        <source>manage staff users</source>
        <translation>管理员工账号</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="196"/>
        <location filename="../../app/ui/shared/labels.py" line="66"/>
        <source>view dealers</source>
        <translation>查看经销商</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="197"/>
        <location filename="../../app/ui/shared/labels.py" line="67"/>
        <source>view staff users</source>
        <translation>查看员工账号</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="198"/>
        <location filename="../../app/ui/shared/labels.py" line="68"/>
        <source>view the audit trail</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="199"/>
        <location filename="../../app/ui/shared/labels.py" line="69"/>
        <source>view reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="200"/>
        <location filename="../../app/ui/shared/labels.py" line="70"/>
        <source>make backups</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="201"/>
        <location filename="../../app/ui/shared/labels.py" line="71"/>
        <source>run the tier review</source>
        <translation>执行等级评审</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="202"/>
        <location filename="../../app/ui/shared/labels.py" line="74"/>
        <source>manage the benefit catalog</source>
        <translation>管理权益目录</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="203"/>
        <location filename="../../app/ui/shared/labels.py" line="77"/>
        <source>redeem and write off benefits</source>
        <translation>兑换和核销权益</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="204"/>
        <location filename="../../app/ui/shared/labels.py" line="80"/>
        <source>view partners</source>
        <translation>查看合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="205"/>
        <location filename="../../app/ui/shared/labels.py" line="81"/>
        <source>manage partners and their admission</source>
        <translation>管理合作伙伴及其准入</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="208"/>
        <location filename="../../app/ui/shared/labels.py" line="84"/>
        <source>handle complaints about partners</source>
        <translation>处理合作伙伴投诉</translation>
    </message>
</context>
<context>
    <name>PictureBox</name>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="40"/>
        <source>Choose picture…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="42"/>
        <source>A PNG or JPEG file of at most 1 MB</source>
        <translation>不超过 1 MB 的 PNG 或 JPEG 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="44"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="71"/>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="79"/>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="89"/>
        <source>Cannot read {path} ({reason}).</source>
        <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/picture_box.py" line="93"/>
        <source>A picture is a PNG or JPEG file of at most 1 MB.</source>
        <translation>图片须为不超过 1 MB 的 PNG 或 JPEG 文件。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/shell/placeholder.py" line="11"/>
        <source>This area is not built yet.</source>
        <translation>此功能尚在开发中。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="235"/>
        <source>Handling plan</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="236"/>
        <source>{title}
The plan was due by {due}.</source>
        <translation>{title}
处理办法截止时间：{due}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="238"/>
        <source>Save plan</source>
        <translation>保存处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="240"/>
        <source>what the partner will do</source>
        <translation>合作伙伴将采取的措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="243"/>
        <source>Plan</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="244"/>
        <source>Fixed at</source>
        <translation>确定时间</translation>
    </message>
</context>
<context>
    <name>PointsExport</name>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="97"/>
        <location filename="../../app/cli/points.py" line="22"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="98"/>
        <location filename="../../app/cli/points.py" line="23"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="99"/>
        <location filename="../../app/cli/points.py" line="24"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="100"/>
        <location filename="../../app/cli/points.py" line="25"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="101"/>
        <location filename="../../app/cli/points.py" line="26"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="102"/>
        <location filename="../../app/cli/points.py" line="27"/>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../app/adapters/document_workbooks.py" line="104"/>
        <location filename="../../app/cli/points.py" line="29"/>
        <source>Expiring points</source>
        <translation>即将到期积分</translation>
    </message>
</context>
<context>
    <name>PointsLabels</name>
    <message>
        <location filename="../../app/ui/points/labels.py" line="10"/>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="11"/>
        <source>Used</source>
        <translation>抵扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="12"/>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="13"/>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="14"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="21"/>
        <source>Service</source>
        <translation>售后维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="22"/>
        <source>Vehicle purchase</source>
        <translation>购车</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="23"/>
        <source>Daily sign-in</source>
        <translation>每日签到</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="24"/>
        <source>Share</source>
        <translation>分享</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="25"/>
        <source>Major event</source>
        <translation>重大活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="26"/>
        <source>Birthday bonus</source>
        <translation>生日奖励</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="27"/>
        <source>Referral bonus</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="29"/>
        <source>Initial points: vehicle binding</source>
        <translation>初始积分（绑定车辆）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="32"/>
        <source>Against labour</source>
        <translation>抵扣工时费</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="33"/>
        <source>Against parts</source>
        <translation>抵扣配件费</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="34"/>
        <source>Member merge</source>
        <translation>会员合并</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="35"/>
        <source>Expiry</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="36"/>
        <source>Redemption</source>
        <translation>权益兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="37"/>
        <source>Initial points</source>
        <translation>初始积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="44"/>
        <source>Goodwill</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="45"/>
        <source>System error</source>
        <translation>系统错误更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="46"/>
        <source>Missed earning</source>
        <translation>漏计积分补录</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="47"/>
        <source>Duplicate earning</source>
        <translation>重复积分冲减</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="48"/>
        <source>Complaint</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="55"/>
        <source>Base points</source>
        <translation>基础积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="56"/>
        <source>Tier bonus</source>
        <translation>等级加成</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="57"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="58"/>
        <source>Before the launch: counted in initial points</source>
        <translation>上线前：计入初始积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="66"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/labels.py" line="67"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="43"/>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="44"/>
        <source>Earning rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="48"/>
        <source>Adjustment reasons</source>
        <translation>调整原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="53"/>
        <source>Expiry and checks</source>
        <translation>过期与核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="55"/>
        <source>Ledger check</source>
        <translation>积分账核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="61"/>
        <source>Runs</source>
        <translation>批处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="64"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/points_page.py" line="67"/>
        <source>Import service documents…</source>
        <translation>导入工单/发票…</translation>
    </message>
</context>
<context>
    <name>PointsRules</name>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="66"/>
        <source>no qualifying points</source>
        <translation>不计成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="67"/>
        <source>{share} of the points counts as qualifying points</source>
        <translation>{share} 的积分计入成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="78"/>
        <source>rounded down</source>
        <translation>向下取整</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="79"/>
        <source>rounded half up</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="88"/>
        <source>1 point per {unit}</source>
        <translation>每 {unit} 得 1 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="90"/>
        <source>{points} points per {unit}</source>
        <translation>每 {unit} 得 {points} 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="93"/>
        <source>{base}, {rounding}</source>
        <translation>{base}，{rounding}</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="102"/>
        <source>1 point each time</source>
        <translation>每次 1 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="104"/>
        <source>{points} points each time</source>
        <translation>每次 {points} 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="125"/>
        <source>at most {n} a day</source>
        <translation>每日最多 {n} 分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="126"/>
        <source>at most {n} a week</source>
        <translation>每周最多 {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="127"/>
        <source>at most {n} per edition or event</source>
        <translation>每期或每个活动最多 {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="130"/>
        <source>at most {n} a month</source>
        <translation>每月最多 {n} 分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="131"/>
        <source>at most {n} a year</source>
        <translation>每年最多 {n} 分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="137"/>
        <source>At most, per day</source>
        <translation>每天上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="138"/>
        <source>At most, per week (Mon–Sun)</source>
        <translation>每周上限（周一至周日）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="139"/>
        <source>At most, per edition or event</source>
        <translation>每期或每个活动上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="142"/>
        <source>At most, per month</source>
        <translation>每月上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="143"/>
        <source>At most, per year</source>
        <translation>每年上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="112"/>
        <source>once per member, within {n} months of the launch</source>
        <translation>每位会员限一次，计划上线后 {n} 个月内有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="97"/>
        <location filename="../../app/ui/points/rules_tab.py" line="119"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="43"/>
        <source>Points balance differs from the entries</source>
        <translation>积分余额与流水不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="46"/>
        <source>Qualifying points differ from the entries</source>
        <translation>成长值与流水不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="49"/>
        <source>Lots do not add up to the balance</source>
        <translation>积分批次合计与余额不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="50"/>
        <source>A lot&apos;s remaining points differ from what was taken from it</source>
        <translation>积分批次剩余与已扣减记录不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/checks_tab.py" line="53"/>
        <source>Points on hold differ from the open holds</source>
        <translation>冻结积分与未结冻结记录不符</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="94"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="104"/>
        <location filename="../../app/ui/points/member_points_tab.py" line="116"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="104"/>
        <location filename="../../app/ui/points/member_points_tab.py" line="116"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="104"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="104"/>
        <location filename="../../app/ui/points/member_points_tab.py" line="117"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="105"/>
        <source>Reference</source>
        <translation>关联单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="105"/>
        <location filename="../../app/ui/points/member_points_tab.py" line="116"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="106"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="106"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="112"/>
        <source>Earned on</source>
        <translation>获得日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="112"/>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="112"/>
        <source>Earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="112"/>
        <source>Left</source>
        <translation>剩余积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="116"/>
        <source>Document</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="117"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="117"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="125"/>
        <source>Entries</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="126"/>
        <source>Lots and expiry</source>
        <translation>积分批次与到期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="131"/>
        <source>Refund or cancel the document…</source>
        <translation>退款/作废单据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="137"/>
        <source>Documents</source>
        <translation>消费单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="147"/>
        <source>Event points…</source>
        <translation>活动积分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="151"/>
        <source>Statement (PDF)…</source>
        <translation>积分对账单（PDF）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="193"/>
        <source>{points} points expire after {date}</source>
        <translation>{points} 积分将于 {date} 后过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="197"/>
        <source>nothing due to expire</source>
        <translation>暂无即将过期的积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="201"/>
        <source>Available: {available} points (worth {value})</source>
        <translation>可用积分：{available}（价值 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="206"/>
        <source>Balance {balance} · on hold {held} · qualifying points {qualifying} · {expiry}</source>
        <translation>余额 {balance} · 冻结 {held} · 成长值 {qualifying} · {expiry}</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="221"/>
        <source>from activation</source>
        <translation>自激活起算</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="231"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="231"/>
        <source>Recorded</source>
        <translation>已入账</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="236"/>
        <source>No points have been earned or used yet.</source>
        <translation>还没有获得或使用过积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="237"/>
        <source>No points left to use, so nothing can expire.</source>
        <translation>没有可用积分，因此不会有积分过期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="239"/>
        <source>No repair orders or invoices have been recorded for this member.</source>
        <translation>该会员还没有登记维修工单或发票。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="245"/>
        <source>(shortfall {points})</source>
        <translation>（未扣回 {points}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="247"/>
        <source>(reversed)</source>
        <translation>（已冲正）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="257"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="280"/>
        <source>Recorded: {points} points.</source>
        <translation>已入账：{points} 积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="282"/>
        <source>Recorded; under the current rule it earns no points.</source>
        <translation>已登记；按当前规则不产生积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="297"/>
        <source>{points} points used ({value}).</source>
        <translation>已抵扣 {points} 积分（抵 {value}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="308"/>
        <source>Adjustment posted.</source>
        <translation>积分调整已入账。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="310"/>
        <source>Adjustment requested; a supervisor will decide it.</source>
        <translation>已提交积分调整申请，待主管审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="322"/>
        <source>Refund document {document}</source>
        <translation>单据 {document} 退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="324"/>
        <source>Its points and qualifying points are taken back. Points the member has already used cannot be taken back; they are recorded as a shortfall.</source>
        <translation>将扣回该单据所得的积分和成长值。会员已使用的积分无法扣回，将记为未扣回积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="327"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="330"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/member_points_tab.py" line="342"/>
        <source>Refunded: {points} points taken back, shortfall {shortfall}.</source>
        <translation>已退款：扣回 {points} 积分，未扣回 {shortfall} 积分。</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="102"/>
        <source>New tier policy version</source>
        <translation>新建等级政策版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="112"/>
        <source>A copy of the latest version: change it and save it as a new version in force from its date. Members keep their tiers; upgrades and reviews from that date apply the new version. Tiers are ranked by the points needed to reach them; the lowest is the base tier, held for life.</source>
        <translation>以下是最新版本的副本：修改后保存为新版本，自所选日期起生效。会员现有等级不变；自该日起的升级和等级评审按新版本执行。各等级按升级所需成长值排序，最低的为基础等级，终身有效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="122"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="122"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="123"/>
        <source>Reach (qualifying points)</source>
        <translation>升级门槛（成长值）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="123"/>
        <source>Retain (qualifying points)</source>
        <translation>保级门槛（成长值）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="124"/>
        <source>Earn multiplier</source>
        <translation>积分倍率</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="135"/>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="144"/>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="163"/>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="180"/>
        <source>the name members see</source>
        <translation>会员看到的等级名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="181"/>
        <source>Tier code {code}; members keep their tier when it is renamed.</source>
        <translation>等级代码 {code}；等级改名后，会员的等级不变。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="191"/>
        <source>The base tier needs no points.</source>
        <translation>基础等级无需成长值。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="199"/>
        <source>Points earned by spending are multiplied by this.</source>
        <translation>消费所得积分按此倍率计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="203"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="284"/>
        <source>Colour {colour}: click to choose</source>
        <translation>颜色 {colour}：点击选择</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="289"/>
        <source>Validity and review</source>
        <translation>有效期与评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="293"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="297"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="300"/>
        <source>At most this many tiers down in one review; no limit: to the tier the points retain.</source>
        <translation>每次评审最多下降的等级数；不限：直接降至成长值可保级的等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="305"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="306"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="309"/>
        <source>The tier is kept this long after its validity ends; points posted in that time still count.</source>
        <translation>等级有效期届满后继续保留该等级的时长；期间入账的成长值仍计入评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="317"/>
        <source>Tier validity</source>
        <translation>等级有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="318"/>
        <source>Downgrade limit</source>
        <translation>降级限制</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="319"/>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="320"/>
        <source>Upgrades count</source>
        <translation>升级依据</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="326"/>
        <source>Enrolment tier and status match</source>
        <translation>入会等级与身份匹配</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="329"/>
        <source>one model series per line, e.g. 星途 S7 = 金卡</source>
        <translation>每行一个车系，例如：星途 S7 = 金卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="333"/>
        <source>one level of another programme per line, e.g. Hilton Honors / Gold = 白金卡</source>
        <translation>每行一个其他会员计划的等级，例如：Hilton Honors / Gold = 白金卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="337"/>
        <source>Enrolment tier by model</source>
        <translation>各车系入会等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="339"/>
        <source>Status match table</source>
        <translation>身份匹配对照表</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="350"/>
        <source>The new version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="357"/>
        <source>why the policy changes (optional)</source>
        <translation>政策变更原因（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="360"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_editor.py" line="361"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="79"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="84"/>
        <source>These are example thresholds that come with Loyalty Desk, not a policy of the programme: headquarters set their own.</source>
        <translation>以下是会员管理台自带的示例门槛，并非本会员计划的正式政策，须由总部自行设定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="96"/>
        <source>New version…</source>
        <translation>新增版本…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="98"/>
        <source>Edit a copy of the policy and save it from a date</source>
        <translation>修改当前政策的副本，并指定生效日期保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="105"/>
        <location filename="../../app/ui/tiers/policy_tab.py" line="297"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="105"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="105"/>
        <source>To reach</source>
        <translation>升级所需成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="105"/>
        <source>To retain</source>
        <translation>保级所需成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="106"/>
        <source>Earn multiplier</source>
        <translation>积分倍率</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="106"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="109"/>
        <source>Qualifying points in a period that reach the tier</source>
        <translation>一个有效期内达到此成长值，即可升至该等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="110"/>
        <source>Qualifying points in a period that keep the tier at its review</source>
        <translation>一个有效期内达到此成长值，评审时即可保级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="111"/>
        <source>Points earned by spending are multiplied by this</source>
        <translation>消费所得积分按此倍率计算</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="118"/>
        <source>Tiers, lowest first; thresholds in qualifying points</source>
        <translation>等级（由低到高，门槛以成长值计）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="124"/>
        <source>Tier validity</source>
        <translation>等级有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="125"/>
        <source>Downgrade limit</source>
        <translation>降级限制</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="126"/>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="127"/>
        <source>Upgrades count</source>
        <translation>升级依据</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="128"/>
        <source>Enrolment tier by model</source>
        <translation>各车系入会等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="129"/>
        <source>Status match table</source>
        <translation>身份匹配对照表</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="136"/>
        <source>Validity and review</source>
        <translation>有效期与评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="141"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="141"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="141"/>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="142"/>
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="142"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="145"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="184"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="196"/>
        <source>Built-in example policy</source>
        <translation>内置示例政策</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="200"/>
        <source>In force since {date}</source>
        <translation>自 {date} 起生效</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="202"/>
        <source>saved by {user} on {when}</source>
        <translation>由 {user} 于 {when} 保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="218"/>
        <source>For life</source>
        <translation>终身有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="234"/>
        <source>The base tier needs no points.</source>
        <translation>基础等级无需成长值。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="239"/>
        <source>{months} from the upgrade or review</source>
        <translation>自升级或评审起 {months}</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="251"/>
        <source>Everyone starts on the base tier</source>
        <translation>所有会员均从基础等级开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="255"/>
        <source>Empty: staff choose the tier granted</source>
        <translation>未设置：由员工选择授予等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="263"/>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="265"/>
        <source>Scheduled</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="267"/>
        <source>Replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="273"/>
        <source>none saved yet</source>
        <translation>尚未保存任何版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="273"/>
        <source>The example is in force</source>
        <translation>当前使用示例政策</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="283"/>
        <source>Qualifying points of the members</source>
        <translation>会员成长值分布</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="286"/>
        <source>Advisory: how many members each threshold would take in, from their lifetime qualifying points. A person sets the thresholds.</source>
        <translation>仅供参考：按会员的累计成长值，估算各门槛可覆盖的会员人数。门槛须由人工设定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="297"/>
        <source>Reach</source>
        <translation>升级门槛</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="297"/>
        <source>Members reaching</source>
        <translation>达到的会员数</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="297"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="316"/>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="317"/>
        <source>Points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="336"/>
        <source>{n} members counted (not closed or merged).</source>
        <translation>共统计 {n} 位会员（不含已注销或已合并的会员）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="356"/>
        <source>New policy version saved; in force from {date}.</source>
        <translation>新版本等级政策已保存，自 {date} 起生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="144"/>
        <source>No versions saved yet.</source>
        <translation>尚未保存任何版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/policy_tab.py" line="299"/>
        <source>No members to count yet.</source>
        <translation>暂无可统计的会员。</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="100"/>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="102"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="103"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="104"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="105"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="106"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="107"/>
        <source>Birthday</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="108"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="109"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="110"/>
        <source>Income band</source>
        <translation>收入区间</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="111"/>
        <source>Interests</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="115"/>
        <source>{time} by {user}</source>
        <translation>{time}，由 {user} 记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="119"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="120"/>
        <source>Status reason</source>
        <translation>状态原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="121"/>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="122"/>
        <source>Activated on</source>
        <translation>激活日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="123"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="124"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="125"/>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="126"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="127"/>
        <source>Privacy consent</source>
        <translation>隐私授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="130"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="131"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="131"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="133"/>
        <source>Service orders</source>
        <translation>服务工单数</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../app/ui/shared/worker.py" line="181"/>
        <source>Read {rows} rows</source>
        <translation>已读取 {rows} 行</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../app/ui/shared/worker.py" line="142"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReasonsTab</name>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="33"/>
        <source>Every manual adjustment names one of these reasons. A reason that is no longer used is made inactive rather than deleted, so old requests keep it.</source>
        <translation>每笔手工积分调整都须选择以下原因之一。不再使用的原因应设为停用而不是删除，以便历史申请仍保留原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="38"/>
        <location filename="../../app/ui/points/reasons_tab.py" line="52"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="38"/>
        <location filename="../../app/ui/points/reasons_tab.py" line="53"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="39"/>
        <location filename="../../app/ui/points/reasons_tab.py" line="43"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="41"/>
        <source>e.g. recall</source>
        <translation>例如：recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="42"/>
        <source>e.g. 召回补偿</source>
        <translation>例如：召回补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="46"/>
        <source>Save reason</source>
        <translation>保存原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="78"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/reasons_tab.py" line="78"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RecordComplaintDialog</name>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="120"/>
        <source>Record a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="121"/>
        <source>The partner must fix a handling plan within {plan} hours of receipt. A complaint the partner received directly must reach operations within {report} hours. Times are in the programme&apos;s time zone ({zone}).</source>
        <translation>合作伙伴须在受理后 {plan} 小时内确定处理办法。由合作伙伴直接受理的投诉须在 {report} 小时内反馈运营。时间按会员计划的时区（{zone}）计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="126"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="131"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="138"/>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="141"/>
        <source>what the member complains about</source>
        <translation>会员投诉的内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="145"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="146"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="147"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="148"/>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="186"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="149"/>
        <source>Reported to operations at</source>
        <translation>反馈运营时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="150"/>
        <source>Summary</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="171"/>
        <source>Choose a partner</source>
        <translation>请选择合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="186"/>
        <source>Received by the partner at</source>
        <translation>合作伙伴受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="193"/>
        <source>Handling plan due by {time}.</source>
        <translation>处理办法截止时间：{time}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="198"/>
        <source>It should have reached operations by {time}: reported late.</source>
        <translation>应在 {time} 前反馈运营：已超时。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="200"/>
        <source>It must reach operations by {time}.</source>
        <translation>须在 {time} 前反馈运营。</translation>
    </message>
</context>
<context>
    <name>RecordServiceDialog</name>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="49"/>
        <source>Record service or purchase</source>
        <translation>登记维修或购车</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="51"/>
        <source>Enter the repair order or invoice. The points it earns are shown before anything is posted; a document number earns only once.</source>
        <translation>请录入维修工单或发票。入账前会先显示可获得的积分；同一单据号只能积分一次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="54"/>
        <source>Record and post points</source>
        <translation>登记并入账积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="74"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="77"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="62"/>
        <source>Repair order / invoice no.</source>
        <translation>维修工单号/发票号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="70"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="64"/>
        <source>e.g. 1280.00</source>
        <translation>例如 1280.00</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="65"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="82"/>
        <source>Enter the amount to see the points.</source>
        <translation>输入金额后显示可获得的积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="86"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="134"/>
        <source>Enter the amount in yuan, e.g. 1280.00.</source>
        <translation>请以元为单位输入金额，例如 1280.00。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="137"/>
        <source>Enter the document number and the amount.</source>
        <translation>请输入单据号和金额。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="169"/>
        <source>Dated before the programme&apos;s launch: it earns no points itself.</source>
        <translation>日期早于会员计划上线日：本单不单独产生积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="171"/>
        <source>Under the current rule this service earns no points.</source>
        <translation>按当前规则本次服务不产生积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="178"/>
        <source>Worth {value} · qualifying points +{qualifying} · rule {rule} v{version}</source>
        <translation>价值 {value} · 成长值 +{qualifying} · 规则：{rule} 第 {version} 版</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="84"/>
        <source>Redeem a benefit</source>
        <translation>兑换权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="108"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="109"/>
        <source>Type</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="110"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="111"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="112"/>
        <source>Available points</source>
        <translation>可用积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="113"/>
        <source>{before} → &lt;b&gt;{after}&lt;/b&gt;</source>
        <translation>{before} → &lt;b&gt;{after}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="115"/>
        <source>Voucher valid until</source>
        <translation>兑换券有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="116"/>
        <source>{date} ({days} days)</source>
        <translation>{date}（{days} 天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="118"/>
        <source>Honoured at</source>
        <translation>适用经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="118"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="130"/>
        <source>Issued at dealer</source>
        <translation>兑换经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="134"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="153"/>
        <source>All dealers</source>
        <translation>全部经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="192"/>
        <source>&amp;Print slip…</source>
        <translation>打印兑换券(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="195"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="215"/>
        <source>Redeemed: &lt;b&gt;{benefit}&lt;/b&gt;. Give the member this voucher code:</source>
        <translation>已兑换：&lt;b&gt;{benefit}&lt;/b&gt;。请将以下券码交给会员：</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="221"/>
        <source>Valid until {date}; {points} points taken. Print the slip for the member.</source>
        <translation>有效期至 {date}；已扣除 {points} 积分。请为会员打印兑换券。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/redeem_dialog.py" line="224"/>
        <source>Valid until {date}. Print the slip for the member.</source>
        <translation>有效期至 {date}。请为会员打印兑换券。</translation>
    </message>
</context>
<context>
    <name>RegistryTab</name>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="66"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="66"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="66"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="67"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="67"/>
        <source>Admission</source>
        <translation>准入</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="73"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="100"/>
        <source>Search by code, name or credit code</source>
        <translation>按编码、名称或统一社会信用代码搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="104"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="109"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="159"/>
        <source>{n} partners</source>
        <translation>共 {n} 家合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="162"/>
        <source>No partner matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的合作伙伴。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="164"/>
        <source>No partners yet.</source>
        <translation>还没有合作伙伴。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="171"/>
        <source>{code} {name}: {mode} ends on {date} ({days} days)</source>
        <translation>{code} {name}：{mode}将于 {date} 到期（剩余 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="178"/>
        <source>Contracts to renew soon: {n}</source>
        <translation>即将到期、需续约的合同：{n} 份</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="195"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="196"/>
        <source>Failed, overridden</source>
        <translation>未通过，总部特批</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/registry_tab.py" line="196"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/ui/reports/reports_page.py" line="25"/>
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/reports_page.py" line="28"/>
        <source>Outreach lists</source>
        <translation>营销触达名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/reports_page.py" line="30"/>
        <source>Value segmentation</source>
        <translation>会员价值细分</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/reports_page.py" line="33"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="224"/>
        <source>Choose a request to see it here.</source>
        <translation>选择一条申请，在此查看详情。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="235"/>
        <source>Decision note (required to reject)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="248"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="249"/>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="250"/>
        <source>Cancel my request</source>
        <translation>撤回我的申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="251"/>
        <source>Open member</source>
        <translation>打开会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="318"/>
        <source>Requested by {user} ({dealer}) on {time}</source>
        <translation>申请人 {user}（{dealer}），{time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="320"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="344"/>
        <source>Partner {code} {name}</source>
        <translation>合作伙伴 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="349"/>
        <source>Benefit {code} {name}</source>
        <translation>权益 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="353"/>
        <source>Member {number} {name}</source>
        <translation>会员 {number} {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="327"/>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="331"/>
        <source>Reference: {reference}</source>
        <translation>关联单号：{reference}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="334"/>
        <source>Decided by {user} on {time}: {note}</source>
        <translation>审批人 {user}，{time}：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="391"/>
        <source>{kind} of {code}: {status}.</source>
        <translation>{code} 的{kind}申请：{status}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="400"/>
        <source>Listing of {code}: {status}.</source>
        <translation>{code} 上架申请：{status}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/approvals_page.py" line="406"/>
        <source>Request for member {number}: {status}.</source>
        <translation>会员 {number} 的申请：{status}。</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="261"/>
        <source>Resolve the complaint</source>
        <translation>投诉结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="262"/>
        <source>{title}
{contacts} contacts with the complainant so far.</source>
        <translation>{title}
目前已与投诉人联系 {contacts} 次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="264"/>
        <source>Resolve</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="266"/>
        <source>how it was resolved</source>
        <translation>投诉是如何解决的</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="267"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="269"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="281"/>
        <source>yuan, e.g. 50 (optional)</source>
        <translation>元，例如 50（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="283"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="284"/>
        <source>Caused by the partner</source>
        <translation>合作伙伴责任</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="285"/>
        <source>Money compensation</source>
        <translation>现金补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/complaint_dialogs.py" line="294"/>
        <source>Enter the amount in yuan, e.g. 50 or 49.90.</source>
        <translation>请输入金额（元），例如 50 或 49.90。</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="67"/>
        <source>The review decides every member whose tier validity (plus the grace period) ended by the date: upgrade, retain or downgrade, on the qualifying points of the period. Preview first: it changes nothing.</source>
        <translation>等级评审针对截至所选日期等级有效期（含宽限期）已届满的全部会员，根据其本期成长值决定升级、保级或降级。请先预览：预览不会做任何变更。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="81"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="84"/>
        <source>Commit review…</source>
        <translation>提交评审…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="87"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="89"/>
        <source>The members listed (all of them) as an .xlsx file</source>
        <translation>将列表中的全部会员导出为 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="92"/>
        <source>Review as of</source>
        <translation>评审截止日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="122"/>
        <location filename="../../app/ui/tiers/review_tab.py" line="138"/>
        <source>Outcome</source>
        <translation>评审结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="122"/>
        <location filename="../../app/ui/tiers/review_tab.py" line="138"/>
        <source>Tier before</source>
        <translation>原等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="122"/>
        <location filename="../../app/ui/tiers/review_tab.py" line="138"/>
        <source>Tier after</source>
        <translation>新等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="123"/>
        <location filename="../../app/ui/tiers/review_tab.py" line="137"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="123"/>
        <location filename="../../app/ui/tiers/review_tab.py" line="153"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="127"/>
        <source>By tier and dealer</source>
        <translation>按等级和经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="132"/>
        <source>All outcomes</source>
        <translation>全部评审结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="137"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="137"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="137"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="139"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="139"/>
        <source>Points short</source>
        <translation>保级差额（成长值）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="139"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="150"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="188"/>
        <source>Choose the date and preview: nothing changes until you commit.</source>
        <translation>请选择日期并预览：提交前不会做任何变更。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="229"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="243"/>
        <source>Committed on {when} by {user}: the tiers above were changed. Nobody left is due as of {date}.</source>
        <translation>已由 {user} 于 {when} 提交：上述等级已变更。截至 {date} 已无待评审会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="251"/>
        <source>A commit of this review stopped after {done}. The figures above are what is left; commit again to finish.</source>
        <translation>本次评审的提交已中断，已完成：{done}。上方数字为剩余部分，再次提交即可完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="255"/>
        <source>No member&apos;s tier validity ended by {date}: nobody to review.</source>
        <translation>截至 {date} 没有会员的等级有效期届满，无需评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="260"/>
        <source>Preview as of {date}: nothing has changed yet. Commit to apply it.</source>
        <translation>截至 {date} 的预览：尚未做任何变更，提交后才会生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="265"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="288"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="301"/>
        <source>No members.</source>
        <translation>没有会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="303"/>
        <source>The first {shown} of {total} members; the export has them all.</source>
        <translation>显示前 {shown} 位会员（共 {total} 位）；导出文件包含全部会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="305"/>
        <source>1 member</source>
        <translation>1 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="307"/>
        <source>{total} members</source>
        <translation>{total} 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="318"/>
        <source>Tiers changed since this preview; preview again for current figures.</source>
        <translation>预览后等级已有变动，请重新预览以获取最新数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="331"/>
        <source>Commit the tier review as of {date}?

The preview found: {counts}. Members&apos; tiers change and each change is kept in their tier history; this cannot be undone. The review works through the members in batches: if you cancel it, the batches done stay committed and committing again finishes the rest.</source>
        <translation>确定提交截至 {date} 的等级评审吗？

预览结果：{counts}。会员等级将随之变更，每次变更都会记入会员的等级历史，且无法撤销。评审按批次处理会员：如中途取消，已完成的批次保持提交状态，再次提交即可完成剩余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="338"/>
        <source>Commit the tier review</source>
        <translation>提交等级评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="339"/>
        <source>Commit review</source>
        <translation>提交评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="345"/>
        <source>Committing the review…</source>
        <translation>正在提交评审…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="348"/>
        <source>Committing the tier review as of {date}…</source>
        <translation>正在提交截至 {date} 的等级评审…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="359"/>
        <source>The review as of {date} was committed before ({counts}); nothing changed now.</source>
        <translation>截至 {date} 的等级评审此前已提交（{counts}），本次未做任何变更。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="362"/>
        <source>The review as of {date} is committed: {counts}.</source>
        <translation>截至 {date} 的等级评审已提交：{counts}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="374"/>
        <source>Cancelled. The batches already done stay committed; commit again to finish.</source>
        <translation>已取消。已完成的批次保持提交状态；再次提交即可完成剩余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="389"/>
        <location filename="../../app/ui/tiers/review_tab.py" line="402"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="390"/>
        <source>tier-review_{date}.xlsx</source>
        <translation>等级评审_{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="391"/>
        <source>Exporting the review&apos;s members…</source>
        <translation>正在导出评审会员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/review_tab.py" line="126"/>
        <source>Nothing to review.</source>
        <translation>没有需要评审的会员。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/cli/i18n.py" line="178"/>
        <location filename="../../app/ui/shared/labels.py" line="10"/>
        <source>Clerk</source>
        <translation>前台专员</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="179"/>
        <location filename="../../app/ui/shared/labels.py" line="11"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="180"/>
        <location filename="../../app/ui/shared/labels.py" line="12"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/cli/i18n.py" line="181"/>
        <location filename="../../app/ui/shared/labels.py" line="13"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>RuleVersionDialog</name>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="293"/>
        <source>New version of an earning rule</source>
        <translation>新增积分规则版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="305"/>
        <source>why the rule changes (optional)</source>
        <translation>变更原因（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="315"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="317"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="322"/>
        <source>Share counted as qualifying points</source>
        <translation>计入成长值比例</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="326"/>
        <source>The new version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="327"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="333"/>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="360"/>
        <source>Points for spending</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="364"/>
        <source>e.g. 1000 or 0.50</source>
        <translation>如 1000 或 0.50</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="372"/>
        <source>Points earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="373"/>
        <source>For every (yuan)</source>
        <translation>每消费（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="374"/>
        <source>Part of a unit</source>
        <translation>不足部分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="378"/>
        <source>Points per occurrence</source>
        <translation>每次积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="380"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="384"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="387"/>
        <source>Points each time</source>
        <translation>每次积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="396"/>
        <source>Limits count points; 0 means no limit. An edition (期) is the edition or event code given with the points; a share without one counts in its week.</source>
        <translation>上限按积分计；0 表示不限。期是发放积分时填写的期号或活动编号；未填写期号的分享按所在周计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="391"/>
        <source>Within, after the launch</source>
        <translation>上线后有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="417"/>
        <source>How much of the points this rule earns also counts as qualifying points toward tiers: 100% all, 50% half, 0% none. The tier bonus never counts.</source>
        <translation>此规则发放的积分中同时计入成长值（用于等级升降）的比例：100% 为全部计入，50% 为计入一半，0% 为不计入。等级加成部分一律不计入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="495"/>
        <source>Enter the amount in yuan that earns the points, e.g. 1000 or 0.50.</source>
        <translation>请输入获得积分所需的消费金额（元），如 1000 或 0.50。</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="179"/>
        <source>A change is a new version in force from its date. Points already posted keep the version they were earned under.</source>
        <translation>每次修改都会生成一个自生效日期起适用的新版本。已入账的积分仍按当时的版本计算，不受影响。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="184"/>
        <source>All the points a rule earns count as qualifying points (toward tiers) unless its version says otherwise.</source>
        <translation>除非规则版本另有设定，规则发放的积分全部计入成长值（用于等级升降）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="193"/>
        <source>New version…</source>
        <translation>新增版本…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="200"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="201"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="202"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="203"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="204"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="205"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="206"/>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="232"/>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="234"/>
        <source>Scheduled</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="236"/>
        <source>Replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="241"/>
        <source>from the start</source>
        <translation>初始版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/rules_tab.py" line="267"/>
        <source>Version {version} of {rule} saved; in force from {date}.</source>
        <translation>“{rule}”第 {version} 版已保存，自 {date} 起生效。</translation>
    </message>
</context>
<context>
    <name>RunLabels</name>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="12"/>
        <source>Points expiry</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="13"/>
        <source>Initial points</source>
        <translation>初始积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="14"/>
        <source>Tier review</source>
        <translation>等级评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="15"/>
        <source>Voucher expiry</source>
        <translation>兑换券过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="16"/>
        <source>Value segmentation</source>
        <translation>会员价值细分</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="22"/>
        <source>Previewed</source>
        <translation>已预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="23"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="24"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="25"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="26"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="33"/>
        <source>{n} members</source>
        <translation>{n} 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="34"/>
        <source>{n} lots</source>
        <translation>{n} 个积分批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="35"/>
        <source>{n} points</source>
        <translation>{n} 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="36"/>
        <source>{n} upgraded</source>
        <translation>升级 {n} 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="37"/>
        <source>{n} retained</source>
        <translation>保级 {n} 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="38"/>
        <source>{n} downgraded</source>
        <translation>降级 {n} 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="39"/>
        <source>{n} vouchers</source>
        <translation>{n} 张兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/labels.py" line="40"/>
        <source>{n} without data</source>
        <translation>{n} 位无数据</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="39"/>
        <source>Run</source>
        <translation>批处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="39"/>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="39"/>
        <source>Preview</source>
        <translation>预览结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="40"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="40"/>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="40"/>
        <source>By</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="40"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="41"/>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="41"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="46"/>
        <source>Finish this run</source>
        <translation>完成此批处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="48"/>
        <source>Commits the batches left; the ones done stay as they are.</source>
        <translation>提交剩余的批次；已完成的批次保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="50"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="62"/>
        <source>Every batch run, newest first: what its preview found, what it did.</source>
        <translation>所有批处理，最新的在前：预览统计了什么，实际做了什么。</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="109"/>
        <source>Finishing {run} as of {date}…</source>
        <translation>正在完成截至 {date} 的{run}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="113"/>
        <source>The run is done.</source>
        <translation>批处理已完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="120"/>
        <source>Cancelled; the batches done so far are kept.</source>
        <translation>已取消；已完成的批次保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/runs/runs_tab.py" line="44"/>
        <source>No runs yet.</source>
        <translation>暂无批处理记录。</translation>
    </message>
</context>
<context>
    <name>Segmentation</name>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="11"/>
        <source>High emotional · high material</source>
        <translation>高情感·高物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="12"/>
        <source>High emotional · middle material</source>
        <translation>高情感·中物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="13"/>
        <source>High emotional · low material</source>
        <translation>高情感·低物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="14"/>
        <source>Middle emotional · high material</source>
        <translation>中情感·高物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="15"/>
        <source>Middle emotional · middle material</source>
        <translation>中情感·中物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="16"/>
        <source>Middle emotional · low material</source>
        <translation>中情感·低物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="17"/>
        <source>Low emotional · high material</source>
        <translation>低情感·高物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="18"/>
        <source>Low emotional · middle material</source>
        <translation>低情感·中物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="19"/>
        <source>Low emotional · low material</source>
        <translation>低情感·低物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="22"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="34"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="35"/>
        <source>Middle</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_labels.py" line="36"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>SegmentationTab</name>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="81"/>
        <source>Run segmentation…</source>
        <translation>执行价值细分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="84"/>
        <source>Score the members as of the latest quarter end (headquarters only)</source>
        <translation>为会员进行截至最近一个季度末的价值评分（仅限总部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="92"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="96"/>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="98"/>
        <source>A new version of the weights from a date on</source>
        <translation>从某一日期起启用新版权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="116"/>
        <source>Value segments (click a cell for its members)</source>
        <translation>价值细分（点击细分格查看其会员）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="122"/>
        <source>Material {level}</source>
        <translation>{level}物质</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="125"/>
        <source>Emotional {level}</source>
        <translation>{level}情感</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="133"/>
        <source>Members with no points, service, complaint or purchase in the window: not scored, so not counted as low</source>
        <translation>统计期内没有积分、售后维修、投诉或购车记录的会员：未参与评分，因此不计为“低”</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="144"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="145"/>
        <source>Click a cell to list its members.</source>
        <translation>点击细分格即可列出其会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="148"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="148"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="148"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="149"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="149"/>
        <source>Y</source>
        <translation>情感价值(Y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="149"/>
        <source>X</source>
        <translation>物质价值(X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="152"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="154"/>
        <source>The cell&apos;s members (all of them) as an .xlsx file</source>
        <translation>将该细分格的全部会员导出为 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="166"/>
        <source>Migration from the previous quarter (rows: before; % of row)</source>
        <translation>较上一季度的迁移矩阵（行为上季度所在细分格；百分比按行计算）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="173"/>
        <source>Left</source>
        <translation>流出</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="173"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="174"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="208"/>
        <source>No segmentation has been run yet.</source>
        <translation>尚未执行过价值细分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="239"/>
        <source>No data: {n} members</source>
        <translation>无数据：{n} 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="242"/>
        <source>As of {date}: {n} members scored.</source>
        <translation>截至 {date}：已为 {n} 位会员评分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="252"/>
        <source>Window {start} to {end}; weights used: {weights}</source>
        <translation>统计期 {start} 至 {end}；所用权重：{weights}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="260"/>
        <source>No earlier quarter to compare with.</source>
        <translation>没有可供比较的上一季度。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="263"/>
        <source>{before} → {now}</source>
        <translation>{before} → {now}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="301"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="308"/>
        <source>{cell}: the first {shown} of {total} members; the export has them all.</source>
        <translation>{cell}：显示前 {shown} 位会员（共 {total} 位）；导出文件包含全部会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="310"/>
        <source>{cell}: {total} members</source>
        <translation>{cell}：{total} 位会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="331"/>
        <source>Export the cell&apos;s members</source>
        <translation>导出该细分格的会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="332"/>
        <source>Exporting the members of {cell}…</source>
        <translation>正在导出“{cell}”的会员…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="343"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="350"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="361"/>
        <source>The segmentation as of {date} was run before.</source>
        <translation>截至 {date} 的价值细分此前已执行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="371"/>
        <source>Score the members as of {date}?

{scored} members have data in the window and will be placed in the nine cells; {none} have none and are kept apart. Each batch is saved as it finishes: if you cancel, running it again finishes the rest.</source>
        <translation>确定为会员进行截至 {date} 的价值评分吗？

{scored} 位会员在统计期内有数据，将分入九个细分格；{none} 位会员没有数据，将单独列出。每批完成后即保存：如中途取消，再次执行即可完成剩余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="379"/>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="380"/>
        <source>Run segmentation</source>
        <translation>执行价值细分</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="388"/>
        <source>Scoring the members as of {date}…</source>
        <translation>正在为会员进行截至 {date} 的价值评分…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="398"/>
        <source>Segmentation as of {date} is done.</source>
        <translation>截至 {date} 的价值细分已完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_tab.py" line="406"/>
        <source>Cancelled. The batches done are kept; run it again to finish.</source>
        <translation>已取消。已完成的批次予以保留；再次执行即可完成剩余部分。</translation>
    </message>
</context>
<context>
    <name>SegmentationWeights</name>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="37"/>
        <source>Points uses a year</source>
        <translation>年均积分使用次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="38"/>
        <source>Points earnings a year</source>
        <translation>年均积分获取次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="39"/>
        <source>Activities joined a year</source>
        <translation>年均参加活动次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="40"/>
        <source>Complaints a year</source>
        <translation>年均投诉次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="41"/>
        <source>Second car bought (bonus)</source>
        <translation>二次购车（加分项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="42"/>
        <source>Referred a purchase (bonus)</source>
        <translation>推荐购车（加分项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="43"/>
        <source>Spend per service visit</source>
        <translation>次均维保金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="44"/>
        <source>Service visits a year</source>
        <translation>年均维保频次</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="45"/>
        <source>Days since the last service</source>
        <translation>距最近维保天数</translation>
    </message>
</context>
<context>
    <name>SegmentationWeightsDialog</name>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="58"/>
        <source>Value segmentation weights</source>
        <translation>会员价值细分权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="60"/>
        <source>Emotional value Y = Y1…Y4 weighted, plus Y5 and Y6 as bonuses; material value X = X1…X3 weighted. Quarters already run keep their weights.</source>
        <translation>情感价值 Y = Y1…Y4 加权，另加 Y5、Y6 两项加分；物质价值 X = X1…X3 加权。已执行的季度保留其所用权重。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="64"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="73"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="81"/>
        <source>fewer is better</source>
        <translation>越少越好</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="88"/>
        <source>why the weights change</source>
        <translation>调整权重的原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="89"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="124"/>
        <source>In force today: the seed&apos;s weights.</source>
        <translation>当前生效：方案默认权重。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/segmentation_weights_dialog.py" line="127"/>
        <source>In force today: the version of {date} by {user}.</source>
        <translation>当前生效：{user} 于 {date} 设定的版本。</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="34"/>
        <source>loyalty_zh_CN.qm not found in {folder}</source>
        <translation>在 {folder} 中找不到 loyalty_zh_CN.qm</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="40"/>
        <source>loyalty_zh_CN.qm does not translate the navigation</source>
        <translation>loyalty_zh_CN.qm 未翻译导航栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="45"/>
        <source>Qt&apos;s own Chinese (qtbase_zh_CN.qm) not found in {folder}</source>
        <translation>在 {folder} 中找不到 Qt 自带的中文翻译（qtbase_zh_CN.qm）</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="49"/>
        <source>Chinese for Loyalty Desk and for Qt&apos;s own dialogs</source>
        <translation>会员管理台及 Qt 自带对话框的中文翻译</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="55"/>
        <source>no font for Chinese text is installed</source>
        <translation>未安装中文字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="56"/>
        <source>{count} font families for Chinese text, e.g. {family}</source>
        <translation>{count} 个中文字体，例如 {family}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="64"/>
        <source>the application icon {path} does not load</source>
        <translation>无法加载程序图标 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="89"/>
        <source>{where}: a copy upgraded to schema {revision}</source>
        <translation>{where}：副本已升级到结构版本 {revision}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="90"/>
        <source>{where} does not exist yet: a new database created at schema {revision}</source>
        <translation>{where} 尚不存在：已新建结构版本 {revision} 的数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="94"/>
        <source>{where}: connected, schema not newer than this version; migrations ran on a temporary database to schema {revision}</source>
        <translation>{where}：已连接，数据库结构不比本版本新；迁移已在临时数据库上执行到结构版本 {revision}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="106"/>
        <source>skipped: no database</source>
        <translation>已跳过：没有数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="128"/>
        <source>translations</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="129"/>
        <source>fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="130"/>
        <source>icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="131"/>
        <source>PostgreSQL driver</source>
        <translation>PostgreSQL 驱动</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="132"/>
        <source>database and migrations</source>
        <translation>数据库与迁移</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="133"/>
        <source>main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="139"/>
        <source>log folder: {folder}</source>
        <translation>日志文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="142"/>
        <source>self-test FAILED: {names}</source>
        <translation>自检未通过：{names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/self_test.py" line="146"/>
        <source>self-test passed</source>
        <translation>自检通过</translation>
    </message>
</context>
<context>
    <name>ServiceLevels</name>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="75"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="77"/>
        <source>missed</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsTab</name>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="91"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="95"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="95"/>
        <source>Received</source>
        <translation>受理数</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="95"/>
        <source>Plan late</source>
        <translation>处理办法超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="96"/>
        <source>Report late</source>
        <translation>反馈超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="96"/>
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="97"/>
        <source>First contact (target {target})</source>
        <translation>一解率（目标 {target}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="99"/>
        <source>By second contact (target {target})</source>
        <translation>二解率（目标 {target}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="105"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="110"/>
        <source>Complaints received in the month, on the programme&apos;s clock. First contact: the share resolved at the first contact with the complainant; by second contact: the share resolved within two contacts. A complaint still open counts as not resolved.</source>
        <translation>统计当月受理的投诉，时间按会员计划的时区计算。一解率：首次联系投诉人即解决的比例；二解率：两次联系以内解决的比例。尚未结案的投诉计为未解决。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="119"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="156"/>
        <source>No complaints received in {month}.</source>
        <translation>{month} 没有受理投诉。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="158"/>
        <source>{month}: {n} partners with complaints; {missed} missed a target.</source>
        <translation>{month}：{n} 家合作伙伴有投诉，其中 {missed} 家未达标。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/service_levels_tab.py" line="160"/>
        <source>{month}: {n} partners with complaints; all met the targets.</source>
        <translation>{month}：{n} 家合作伙伴有投诉，均已达标。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="48"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="63"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="67"/>
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="73"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="76"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="82"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="89"/>
        <source>Programme (shared by all desktops)</source>
        <translation>会员计划（所有电脑共用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="96"/>
        <location filename="../../app/ui/settings/settings_page.py" line="158"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="98"/>
        <source>Programme name</source>
        <translation>会员计划名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="99"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="100"/>
        <source>Lock when idle for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="125"/>
        <source>Only headquarters administrators can change these settings.</source>
        <translation>只有总部管理员可以修改这些设置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="111"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="131"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="142"/>
        <location filename="../../app/ui/settings/settings_page.py" line="159"/>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="146"/>
        <source>Fixed cycle: to the end of a natural year</source>
        <translation>固定周期：至自然年年底</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="148"/>
        <source>Rolling: a period for each credit</source>
        <translation>滚动有效期：每笔积分单独计算</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="150"/>
        <location filename="../../app/ui/settings/settings_page.py" line="222"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="152"/>
        <source>Counting the year of the cycle&apos;s first credit as the first year</source>
        <translation>周期内首笔积分所在年份计为第一年</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="154"/>
        <location filename="../../app/ui/settings/settings_page.py" line="157"/>
        <location filename="../../app/ui/settings/settings_page.py" line="266"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="155"/>
        <source>Extend to the end of that month</source>
        <translation>顺延至当月月底</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="160"/>
        <source>none: always approved by another</source>
        <translation>无：一律由他人审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="161"/>
        <location filename="../../app/ui/settings/settings_page.py" line="224"/>
        <location filename="../../app/ui/settings/settings_page.py" line="225"/>
        <location filename="../../app/ui/settings/settings_page.py" line="260"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="166"/>
        <source>The new-binding bonus window starts on this date</source>
        <translation>新绑定奖励的有效期自此日起计算</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="174"/>
        <source>Points worth 1 yuan</source>
        <translation>抵扣 1 元所需积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="177"/>
        <source>Expiry policy</source>
        <translation>过期规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="178"/>
        <source>Cycle length</source>
        <translation>周期长度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="179"/>
        <source>Each credit lasts</source>
        <translation>每笔积分有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="184"/>
        <source>Expiring-soon list covers</source>
        <translation>即将到期提醒范围</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="187"/>
        <source>Hold points for</source>
        <translation>兑换积分冻结时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="191"/>
        <source>Supervisor adjusts directly up to</source>
        <translation>主管直接调整上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="194"/>
        <source>Requests lapse after</source>
        <translation>申请失效期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="195"/>
        <source>Programme launch date</source>
        <translation>计划上线日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="209"/>
        <source>Partners</source>
        <translation>异业合作</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="223"/>
        <source> partners</source>
        <translation> 家</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="226"/>
        <location filename="../../app/ui/settings/settings_page.py" line="227"/>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="230"/>
        <source>Registered capital at least (¥)</source>
        <translation>注册资本不低于（¥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="232"/>
        <source>Founded at least</source>
        <translation>成立年限不少于</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="233"/>
        <source>Compare at least</source>
        <translation>横比合作伙伴不少于</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="235"/>
        <source>Partner requests lapse after</source>
        <translation>合作伙伴申请失效期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="237"/>
        <source>Remind of contract renewals</source>
        <translation>合同续约提前提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="239"/>
        <source>Handling plan within</source>
        <translation>处理办法确定时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="241"/>
        <source>Partner reports a complaint within</source>
        <translation>合作伙伴反馈投诉时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="247"/>
        <source>Contracts ending within this many days are shown for renewal</source>
        <translation>合同在此天数内到期时提示续约</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="258"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="260"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="262"/>
        <source>Silent after</source>
        <translation>沉默阈值</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="263"/>
        <source>Sleeping after</source>
        <translation>睡眠阈值</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="264"/>
        <source>Lost after</source>
        <translation>流失阈值</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="265"/>
        <source>Segmentation looks back</source>
        <translation>价值细分统计期</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="267"/>
        <source>Accumulation rate reference</source>
        <translation>积分累积率参考线</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="269"/>
        <source>Redemption rate reference</source>
        <translation>积分兑换率参考线</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="271"/>
        <source>Forecast redemption rate</source>
        <translation>积分预测年兑换率</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="272"/>
        <source>Expected sign-in activity</source>
        <translation>预计签到活跃度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="273"/>
        <source>Expected share activity</source>
        <translation>预计分享活跃度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="274"/>
        <source>Expected event activity</source>
        <translation>预计重大活动活跃度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="287"/>
        <source>Days since a member last earned or used points</source>
        <translation>距会员最近一次获得或使用积分的天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="306"/>
        <source>Enter an amount in yuan, e.g. 5000000.</source>
        <translation>请输入金额（元），例如 5000000。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="390"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="304"/>
        <location filename="../../app/ui/settings/settings_page.py" line="398"/>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="406"/>
        <source>The language changes when Loyalty Desk restarts.</source>
        <translation>界面语言将在会员管理台重新启动后切换。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/settings_page.py" line="414"/>
        <source>The new database is used when Loyalty Desk restarts.</source>
        <translation>新数据库将在会员管理台重新启动后启用。</translation>
    </message>
</context>
<context>
    <name>SettlementTab</name>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="59"/>
        <location filename="../../app/ui/partners/settlement_tab.py" line="249"/>
        <source>All partners</source>
        <translation>全部合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="62"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="65"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="70"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="70"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="70"/>
        <source>Redemptions</source>
        <translation>兑换数</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="71"/>
        <source>Write-offs</source>
        <translation>核销数</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="71"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="75"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="84"/>
        <source>Redemptions: vouchers issued in the month and not cancelled, billed at the unit cost agreed when each was issued. Write-offs are shown for reference. A rebate is settled in the last month of its period.</source>
        <translation>兑换数：当月发放且未作废的兑换券，按每张兑换券发放时约定的单位成本计费。核销数仅供参考。返利在其返利周期的最后一个月结算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="92"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="92"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="151"/>
        <source>{month}: billed {amount}, rebates {rebate}, to settle {total}; partners: {n}.</source>
        <translation>{month}：计费 {amount}，返利 {rebate}，应结算 {total}；合作伙伴 {n} 家。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="158"/>
        <source>{month}: no partner to settle.</source>
        <translation>{month}：没有需要结算的合作伙伴。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="194"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="194"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="195"/>
        <source>partner-settlement_{month}.{ext}</source>
        <translation>合作伙伴结算单_{month}.{ext}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="214"/>
        <source>Exporting the settlement of {month}…</source>
        <translation>正在导出 {month} 的结算单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="224"/>
        <source>The settlement of {month} was saved to {path}</source>
        <translation>{month} 的结算单已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="273"/>
        <source>No redemptions or write-offs in the month.</source>
        <translation>本月没有兑换或核销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="285"/>
        <source>Total {code}</source>
        <translation>{code} 合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/settlement_tab.py" line="299"/>
        <source>Rebate ({period} {months}): {billed} billed, target {target}, {rate}</source>
        <translation>返利（{period} {months}）：结算 {billed}，目标 {target}，比例 {rate}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/shell/login.py" line="140"/>
        <source>Sign in to Loyalty Desk</source>
        <translation>登录会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="140"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="143"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="165"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="152"/>
        <location filename="../../app/ui/shell/login.py" line="202"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="144"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="153"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="154"/>
        <source>Database connection…</source>
        <translation>数据库连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="195"/>
        <source>Demo database. Sign in with one of these accounts (password {password}); click one to fill it in.</source>
        <translation>演示数据库。请使用以下任一账户登录（密码：{password}），单击账户即可自动填入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="202"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>SlipSavedBox</name>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="66"/>
        <source>Voucher slip</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="67"/>
        <source>The slip was saved:
{path}</source>
        <translation>兑换券已保存：
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="69"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="71"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="471"/>
        <source>Points statement</source>
        <translation>积分对账单</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="473"/>
        <source>A printable PDF with the opening balance, every entry and the closing balance of the period.</source>
        <translation>生成可打印的 PDF，列出所选期间的期初余额、每笔积分流水和期末余额。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="476"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="482"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="483"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="505"/>
        <source>Statement saved: {path}</source>
        <translation>对账单已保存：{path}</translation>
    </message>
</context>
<context>
    <name>StatusMatchDialog</name>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="147"/>
        <source>Request a status match</source>
        <translation>申请身份匹配</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="149"/>
        <source>The member shows their level in another programme (an airline, a hotel group, another car brand) and gets the matching tier here, held for a full validity period. One match per member in 12 months; keep the evidence.</source>
        <translation>会员出示其在其他会员计划（航空公司、酒店集团、其他汽车品牌等）中的等级，即可获得本计划中对应的等级，享有一个完整有效期。每位会员 12 个月内只能匹配一次；请留存证明材料。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="156"/>
        <source>Other programme</source>
        <translation>其他会员计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="156"/>
        <source>e.g. an airline&apos;s programme</source>
        <translation>例如某航空公司的常旅客计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="159"/>
        <source>Level there</source>
        <translation>对方等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="159"/>
        <source>as on the card, e.g. Gold</source>
        <translation>按会员卡所示填写，例如金卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="162"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="162"/>
        <source>where the copy is kept, e.g. file no.</source>
        <translation>复印件存放位置，例如档案编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="164"/>
        <source>Tier granted</source>
        <translation>授予等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="182"/>
        <source>The match table gives {tier}.</source>
        <translation>按对照表应匹配为{tier}。</translation>
    </message>
</context>
<context>
    <name>TierDetail</name>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="52"/>
        <source>Tier now</source>
        <translation>当前等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="53"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="54"/>
        <location filename="../../app/ui/approvals/tier_detail.py" line="76"/>
        <source>Qualifying points</source>
        <translation>成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="55"/>
        <source>Tier asked for</source>
        <translation>申请等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="56"/>
        <source>Approving now</source>
        <translation>如现在批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="57"/>
        <location filename="../../app/ui/approvals/tier_detail.py" line="75"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="58"/>
        <source>Kept at least until</source>
        <translation>至少保持至</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="59"/>
        <source>Other programme</source>
        <translation>其他会员计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="60"/>
        <source>Level there</source>
        <translation>对方等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="61"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="62"/>
        <source>Fee paid</source>
        <translation>已付年费</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="63"/>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="64"/>
        <source>Kept at least at</source>
        <translation>保底等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="75"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="75"/>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="75"/>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="76"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="95"/>
        <source>for life (the base tier)</source>
        <translation>终身有效（基础等级）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="124"/>
        <source>The member&apos;s last tier changes:</source>
        <translation>该会员最近的等级变动：</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="125"/>
        <source>No tier changes yet: on the base tier since joining.</source>
        <translation>暂无等级变动：入会以来一直为基础等级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="131"/>
        <source>{points} (lifetime)</source>
        <translation>{points}（累计）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="133"/>
        <source>{points} (since joining)</source>
        <translation>{points}（入会以来）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="134"/>
        <source>{points} (this period, since {date})</source>
        <translation>{points}（本期，自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="140"/>
        <source>a tier the policy no longer has</source>
        <translation>现行政策中已无此等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="143"/>
        <source>{tier}: reached at {reach} qualifying points ({points} when asked)</source>
        <translation>{tier}：升级门槛为成长值 {reach}（申请时为 {points}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="149"/>
        <source>{tier}, held for 12 months from approval</source>
        <translation>{tier}，自审批通过起享有 12 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="151"/>
        <source>{tier}, held for a full validity period</source>
        <translation>{tier}，享有一个完整有效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="159"/>
        <source>refused: the qualifying points no longer reach a higher tier</source>
        <translation>将被拒绝：成长值已不足以升至更高等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="161"/>
        <source>{old} → {new}, valid for {months} months from approval</source>
        <translation>{old} → {new}，自审批通过起 {months} 个月有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="169"/>
        <source>{tier} until {date} ({why})</source>
        <translation>{tier}，至 {date}（{why}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/approvals/tier_detail.py" line="79"/>
        <source>No tier changes yet.</source>
        <translation>暂无等级变更。</translation>
    </message>
</context>
<context>
    <name>TierLabels</name>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="14"/>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="15"/>
        <source>Retain</source>
        <translation>保级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="16"/>
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="26"/>
        <source>Qualifying points of the current period</source>
        <translation>本期成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="29"/>
        <source>Lifetime qualifying points</source>
        <translation>累计成长值</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="43"/>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="44"/>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="49"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="51"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="52"/>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="57"/>
        <source>No limit: down to the tier the points retain</source>
        <translation>不限：直接降至成长值可保级的等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="61"/>
        <source>At most 1 tier per review</source>
        <translation>每次评审最多降 1 个等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="62"/>
        <source>At most {n} tiers per review</source>
        <translation>每次评审最多降 {n} 个等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/labels.py" line="70"/>
        <source>{outcome} {n}</source>
        <translation>{outcome} {n}</translation>
    </message>
</context>
<context>
    <name>TierLists</name>
    <message>
        <location filename="../../app/ui/tiers/member_lists.py" line="32"/>
        <source>Double-click or press Enter to open the member</source>
        <translation>双击或按回车键打开会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/member_lists.py" line="69"/>
        <source>{n} rows exported to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>TierRequestDialog</name>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="60"/>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="72"/>
        <source>Why: the supervisor reads this</source>
        <translation>申请理由（供主管审批参考）</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="81"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="249"/>
        <source>Tier changed.</source>
        <translation>等级已变更。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tier_request_dialogs.py" line="250"/>
        <source>Requested; a supervisor will decide it.</source>
        <translation>已提交申请，待主管审批。</translation>
    </message>
</context>
<context>
    <name>TiersPage</name>
    <message>
        <location filename="../../app/ui/tiers/tiers_page.py" line="33"/>
        <source>Tier policy</source>
        <translation>等级政策</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tiers_page.py" line="39"/>
        <source>Tier review</source>
        <translation>等级评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tiers_page.py" line="43"/>
        <source>Tiers at risk</source>
        <translation>保级预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tiers_page.py" line="48"/>
        <source>Review history</source>
        <translation>评审记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/tiers/tiers_page.py" line="51"/>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
</context>
<context>
    <name>TransactionImportDialog</name>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="40"/>
        <source>Import service documents</source>
        <translation>导入工单/发票</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="44"/>
        <source>Record repair orders and invoices from a dealer system export (.xlsx) and post their points. A document earns once: importing the same file again, or after a cancel, skips what was recorded. A result workbook lists every row.</source>
        <translation>从经销商系统（DMS）导出的 .xlsx 文件登记维修工单和发票，并为其记录积分。每张单据只积分一次：再次导入同一文件或取消后重新导入时，已登记的单据会自动跳过。结果工作簿会列出每一行的处理结果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="50"/>
        <source>Save the template…</source>
        <translation>保存导入模板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="55"/>
        <source>the .xlsx file to import</source>
        <translation>要导入的 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="56"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="69"/>
        <source>Check only</source>
        <translation>仅校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="72"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="85"/>
        <source>Save the template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="85"/>
        <source>documents-import-template.xlsx</source>
        <translation>工单发票导入模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="91"/>
        <source>Template saved.</source>
        <translation>模板已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="104"/>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="112"/>
        <source>Checking the file…</source>
        <translation>正在校验文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="112"/>
        <source>Importing documents…</source>
        <translation>正在导入单据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="128"/>
        <source>Checked {total} rows: {bad} have errors, {already} were recorded before. Nothing was posted.</source>
        <translation>已校验 {total} 行：{bad} 行有错误，{already} 行此前已登记。未记录任何积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="133"/>
        <source>{total} rows: {ok} imported ({points} points), {already} recorded before, {bad} with errors.</source>
        <translation>共 {total} 行：已导入 {ok} 行（{points} 积分），{already} 行此前已登记，{bad} 行有错误。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="139"/>
        <source>{n} documents before the launch kept as history for initial points</source>
        <translation>{n} 张上线前的单据已作为历史记录保留，用于发放初始积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="151"/>
        <source>Result workbook: {path}</source>
        <translation>结果工作簿：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/documents_import_dialog.py" line="161"/>
        <source>Cancelled. Rows imported before the cancel stay posted; importing the file again skips them.</source>
        <translation>已取消。取消前已导入的行保持入账；再次导入该文件时会跳过这些行。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/shell/login.py" line="292"/>
        <source>Loyalty Desk is locked</source>
        <translation>会员管理台已锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="292"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="297"/>
        <source>Locked after a period of inactivity. Enter the password of {name} ({user}) to continue.</source>
        <translation>因长时间未操作，会员管理台已锁定。请输入 {name}（{user}）的密码以继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="304"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/login.py" line="306"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>UsePointsDialog</name>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="211"/>
        <source>Use points</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="212"/>
        <source>Deduct points against the labour or parts of a repair order.</source>
        <translation>使用积分抵扣维修工单的工时费或配件费。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="213"/>
        <location filename="../../app/ui/points/counter_dialogs.py" line="319"/>
        <source>Continue…</source>
        <translation>继续…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="226"/>
        <source>Points (available {available})</source>
        <translation>积分（可用 {available}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="232"/>
        <source>Worth</source>
        <translation>可抵金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="236"/>
        <source>Against</source>
        <translation>抵扣项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="239"/>
        <source>Repair order no.</source>
        <translation>维修工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="294"/>
        <source>Please confirm with the member:</source>
        <translation>请与会员确认：</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="297"/>
        <source>Deduct &lt;b&gt;{points}&lt;/b&gt; points worth &lt;b&gt;{value}&lt;/b&gt; ({target}) on repair order &lt;b&gt;{reference}&lt;/b&gt;.</source>
        <translation>在维修工单 &lt;b&gt;{reference}&lt;/b&gt; 上抵扣 &lt;b&gt;{points}&lt;/b&gt; 积分，价值 &lt;b&gt;{value}&lt;/b&gt;（{target}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="306"/>
        <source>Balance after: &lt;b&gt;{balance}&lt;/b&gt; points.</source>
        <translation>抵扣后余额：&lt;b&gt;{balance}&lt;/b&gt; 积分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="320"/>
        <source>Confirm deduction</source>
        <translation>确认抵扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="321"/>
        <source>Print receipt…</source>
        <translation>打印凭证…</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="326"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="326"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="326"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="349"/>
        <source>Deducted {points} points ({value}).</source>
        <translation>已抵扣 {points} 积分（{value}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="353"/>
        <source>Balance now: {balance} points. Print the receipt for the member to sign.</source>
        <translation>当前余额：{balance} 积分。请打印凭证请会员签字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="366"/>
        <source>points-receipt-{number}.pdf</source>
        <translation>积分抵扣凭证-{number}.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="368"/>
        <source>Save the points receipt</source>
        <translation>保存积分抵扣凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/points/counter_dialogs.py" line="388"/>
        <source>Receipt saved: &lt;a href=&apos;{link}&apos;&gt;{path}&lt;/a&gt;</source>
        <translation>凭证已保存：&lt;a href=&apos;{link}&apos;&gt;{path}&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../../app/ui/shared/labels.py" line="44"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="213"/>
        <source>Staff users</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="215"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="239"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="216"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="240"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="217"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="241"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="218"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="242"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="219"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="233"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="220"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="237"/>
        <source>temporary password for a new user</source>
        <translation>新用户的临时密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="244"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="247"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="262"/>
        <source>Headquarters (no dealer)</source>
        <translation>总部（不隶属经销商）</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="274"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="275"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="275"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="281"/>
        <source>Edit user {name}</source>
        <translation>编辑用户 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="293"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="319"/>
        <location filename="../../app/ui/staff/staff_pages.py" line="330"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="321"/>
        <source>Temporary password for {user} (they must change it at the next sign-in):</source>
        <translation>{user} 的临时密码（下次登录时必须修改）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="330"/>
        <source>The password was reset.</source>
        <translation>密码已重置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="257"/>
        <source>No staff users yet.</source>
        <translation>还没有员工账户。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../app/ui/members/labels.py" line="69"/>
        <source>Please enter the name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="70"/>
        <source>The name must be at most 40 characters.</source>
        <translation>姓名最多 40 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="71"/>
        <source>A name must not contain digits.</source>
        <translation>姓名中不能包含数字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="72"/>
        <source>A name may contain only letters, spaces, &apos;·&apos;, hyphens, apostrophes and dots, and must start and end with a letter.</source>
        <translation>姓名只能包含文字、空格、“·”、连字符、撇号和点，且必须以文字开头和结尾。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="77"/>
        <source>Please enter the mobile number.</source>
        <translation>请输入手机号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="78"/>
        <source>The mobile number must be 11 digits starting with 13 to 19 (an optional +86 prefix is allowed).</source>
        <translation>手机号须为以 13 至 19 开头的 11 位数字（可带 +86 前缀）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="83"/>
        <source>Please enter the ID card number.</source>
        <translation>请输入身份证号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="84"/>
        <source>The ID card number must have 18 characters.</source>
        <translation>身份证号须为 18 位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="85"/>
        <source>The ID card number must be 17 digits followed by a digit or X.</source>
        <translation>身份证号须为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="88"/>
        <source>The ID card number is not valid (check character mismatch); please re-check it.</source>
        <translation>身份证号无效（校验位不符），请重新核对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="92"/>
        <source>The birth date in the ID card number is not a possible date.</source>
        <translation>身份证号中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="95"/>
        <source>The birthday does not match the birth date in the ID card number.</source>
        <translation>出生日期与身份证号中的出生日期不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="98"/>
        <source>The gender does not match the gender encoded in the ID card number.</source>
        <translation>性别与身份证号中的性别不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="101"/>
        <source>Please enter the VIN.</source>
        <translation>请输入车架号(VIN)。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="102"/>
        <source>A VIN never contains the letters I, O or Q; they are probably the digits 1 and 0.</source>
        <translation>车架号(VIN)中不会出现字母 I、O、Q，它们可能是数字 1 和 0。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="106"/>
        <source>A VIN may contain only digits and letters.</source>
        <translation>车架号(VIN)只能包含数字和字母。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="107"/>
        <source>A VIN must have exactly 17 characters.</source>
        <translation>车架号(VIN)必须为 17 位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="108"/>
        <source>The VIN is not valid (its 9th character, the check digit, does not match); please re-check it.</source>
        <translation>车架号(VIN)无效（第 9 位校验位不符），请重新核对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="113"/>
        <source>Please enter the plate number.</source>
        <translation>请输入车牌号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="114"/>
        <source>The plate number must start with a province abbreviation such as 粤 or 京.</source>
        <translation>车牌号须以省份简称开头，如“粤”或“京”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="117"/>
        <source>Plate numbers never contain the letters I or O; they are probably 1 and 0.</source>
        <translation>车牌号中不会出现字母 I 或 O，它们可能是数字 1 和 0。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="121"/>
        <source>The plate number must be a province abbreviation, a letter and 5 letters or digits (6 for new-energy plates, with D or F as 3rd or last character).</source>
        <translation>车牌号须为省份简称、1 位字母加 5 位字母或数字（新能源车牌为 6 位，第 3 位或最后一位为 D 或 F）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="126"/>
        <source>Please enter the member number.</source>
        <translation>请输入会员号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="127"/>
        <source>The member number must be 11 digits.</source>
        <translation>会员号须为 11 位数字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="128"/>
        <source>The member number is not valid (a digit is wrong or two digits are swapped).</source>
        <translation>会员号无效（有数字输错或相邻数字颠倒）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="132"/>
        <source>Choose male or female.</source>
        <translation>请选择男或女。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="133"/>
        <source>The birthday must be a past date.</source>
        <translation>出生日期必须早于今天。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="134"/>
        <source>The join date cannot be in the future.</source>
        <translation>入会日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="135"/>
        <source>Choose a source channel.</source>
        <translation>请选择来源渠道。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="136"/>
        <source>Choose an income band.</source>
        <translation>请选择收入区间。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="137"/>
        <source>The member&apos;s privacy consent is required to store the record.</source>
        <translation>必须取得会员的隐私授权才能保存资料。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="140"/>
        <source>Enter the vehicle model.</source>
        <translation>请输入车型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="141"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="142"/>
        <source>Enter the amount in yuan, for example 158000 or 158000.50.</source>
        <translation>请以元为单位输入金额，例如 158000 或 158000.50。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="145"/>
        <location filename="../../app/ui/members/labels.py" line="146"/>
        <source>No member has this number.</source>
        <translation>没有此会员号的会员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/labels.py" line="147"/>
        <source>A member cannot refer themselves.</source>
        <translation>会员不能推荐自己。</translation>
    </message>
</context>
<context>
    <name>VehiclesEditor</name>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="33"/>
        <source>17 characters</source>
        <translation>17 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="36"/>
        <source>e.g. 京A12345</source>
        <translation>例如 京A12345</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="38"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="42"/>
        <source>e.g. 158000.00</source>
        <translation>例如 158000.00</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="44"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="92"/>
        <source>VIN</source>
        <translation>车架号(VIN)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="93"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="94"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="95"/>
        <source>Purchase date</source>
        <translation>购车日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/vehicles_editor.py" line="96"/>
        <source>Amount (yuan)</source>
        <translation>购车金额（元）</translation>
    </message>
</context>
<context>
    <name>VehiclesTab</name>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="150"/>
        <location filename="../../app/ui/members/member_view.py" line="160"/>
        <source>VIN</source>
        <translation>车架号(VIN)</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="151"/>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="152"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="153"/>
        <source>Purchase date</source>
        <translation>购车日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="154"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="155"/>
        <source>Amount</source>
        <translation>购车金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="160"/>
        <source>Now with member</source>
        <translation>现属会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="160"/>
        <source>Owned from</source>
        <translation>持有起始</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="160"/>
        <source>Until</source>
        <translation>持有截止</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="162"/>
        <source>Add vehicle…</source>
        <translation>添加车辆…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="164"/>
        <source>Transfer in…</source>
        <translation>过户转入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="167"/>
        <source>A second-hand vehicle bought from another member: move it here by its VIN.</source>
        <translation>从其他会员处购得的二手车：按车架号(VIN)转到此会员名下。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="176"/>
        <source>Vehicles this member owned before</source>
        <translation>该会员曾拥有的车辆</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="205"/>
        <source>No vehicles are registered for this member.</source>
        <translation>该会员还没有登记车辆。</translation>
    </message>
    <message>
        <location filename="../../app/ui/members/member_view.py" line="207"/>
        <source>None: this member has not sold or passed on a vehicle.</source>
        <translation>无：该会员没有出售或转让过车辆。</translation>
    </message>
</context>
<context>
    <name>VoucherDetailDialog</name>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="164"/>
        <source>Voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="166"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="196"/>
        <source>{time} by {user}</source>
        <translation>{time}，{user}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="207"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="208"/>
        <source>Type</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="209"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="210"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="211"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="213"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="214"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="215"/>
        <source>Issued</source>
        <translation>兑换日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="216"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="217"/>
        <source>Honoured at</source>
        <translation>适用经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="218"/>
        <source>All dealers</source>
        <translation>全部经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="219"/>
        <source>Written off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="220"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>VoucherDialogs</name>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="51"/>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="92"/>
        <source>voucher-{code}.pdf</source>
        <translation>兑换券-{code}.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/voucher_dialogs.py" line="97"/>
        <source>Save the voucher slip</source>
        <translation>保存兑换券</translation>
    </message>
</context>
<context>
    <name>VoucherExpiryTab</name>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="42"/>
        <source>Expire vouchers…</source>
        <translation>兑换券过期处理…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="51"/>
        <source>Unused vouchers whose last day is before the date chosen become expired. Their points are not returned: cancel a voucher before then to return them.</source>
        <translation>最后可用日早于所选日期的未使用兑换券将变为已过期，积分不退回；如需退回积分，请在此之前作废兑换券。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="57"/>
        <source>Expire vouchers whose last day is before</source>
        <translation>将最后可用日早于以下日期的兑换券做过期处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="83"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="92"/>
        <source>Expire the unused vouchers whose last day is before {date}?

The preview counted {counted}. This cannot be undone; the points are not returned. If you cancel the run, the batches done stay expired and running it again finishes the rest.</source>
        <translation>是否将最后可用日早于 {date} 的未使用兑换券做过期处理？

预览统计：{counted}。此操作不可撤销，积分不退回。如中途取消，已完成的批次保持过期，再次执行将完成其余部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="98"/>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="99"/>
        <source>Expire vouchers</source>
        <translation>兑换券过期处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="107"/>
        <source>Expiring vouchers as of {date}…</source>
        <translation>正在处理截至 {date} 的过期兑换券…</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="117"/>
        <source>The expiry as of {date} was run before ({counts}); nothing changed.</source>
        <translation>截至 {date} 的过期处理之前已执行（{counts}），本次未作改动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="119"/>
        <source>Done as of {date}: {counts}.</source>
        <translation>截至 {date} 已完成：{counts}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/expiry_tab.py" line="126"/>
        <source>Cancelled. The batches done stay expired; run it again to finish.</source>
        <translation>已取消。已完成的批次保持过期；再次执行即可完成其余部分。</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="41"/>
        <source>Evaluation weights</source>
        <translation>评估权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="44"/>
        <source>Each factor counts in proportion to its weight (0 leaves it out). Scores already given keep the weights they were given with.</source>
        <translation>各评估指标按其权重比例计入总分（权重为 0 则不计入）。已有的评分仍按评分时的权重计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="48"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="59"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="76"/>
        <source>why the weights change</source>
        <translation>权重调整原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="77"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="98"/>
        <source>In force today: equal weights.</source>
        <translation>当前生效：等权重。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="101"/>
        <source>In force today: the version of {date} by {user}.</source>
        <translation>当前生效：{user} 保存的 {date} 版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/partners/weights_dialog.py" line="109"/>
        <source>At least one factor needs a weight above zero.</source>
        <translation>至少须有一项评估指标的权重大于零。</translation>
    </message>
</context>
<context>
    <name>WriteOffTab</name>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="51"/>
        <source>Scan or type the code on the member&apos;s voucher and press Enter to see it; press Enter again or click “Write off” to use it.</source>
        <translation>扫描或输入会员兑换券上的券码后按回车键查看；再按回车键或点击“核销”即可使用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="57"/>
        <source>voucher code, e.g. 7KQ2-M9XD-3HPT-W8RF</source>
        <translation>券码，例如 7KQ2-M9XD-3HPT-W8RF</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="67"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="70"/>
        <source>Write off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="105"/>
        <source>Benefit</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="105"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="106"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="106"/>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="107"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="107"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="176"/>
        <source>Press Enter again or click “Write off” to use this voucher.</source>
        <translation>再按回车键或点击“核销”使用此兑换券。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="208"/>
        <source>Written off: {benefit} for member {member}.</source>
        <translation>已核销：会员 {member} 的{benefit}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="230"/>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="254"/>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="273"/>
        <source>headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="231"/>
        <source>This voucher was already used on {when} at {dealer}.</source>
        <translation>该兑换券已于 {when} 在{dealer}核销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="235"/>
        <source>This voucher was cancelled.</source>
        <translation>该兑换券已作废。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="237"/>
        <source>This voucher expired on {date}.</source>
        <translation>该兑换券已于 {date} 过期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="244"/>
        <source>Your dealer does not honour this voucher; it is honoured at {dealers}.</source>
        <translation>本店不在该兑换券的适用范围内；适用经销商：{dealers}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="249"/>
        <source>Voucher {code}</source>
        <translation>兑换券 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/benefits/write_off_tab.py" line="253"/>
        <source>({points} points paid)</source>
        <translation>（已使用 {points} 积分）</translation>
    </message>
</context>
<context>
    <name>_ListEditPage</name>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="63"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_pages.py" line="66"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
</TS>
