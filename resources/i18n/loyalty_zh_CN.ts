<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../app/ui/main.py" line="67"/>
        <source>Building the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="75"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="93"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="95"/>
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="96"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="97"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="38"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="39"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="40"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="41"/>
        <source>Programme setting</source>
        <translation>会员计划设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="42"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="43"/>
        <source>Staff user</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="50"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="51"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="52"/>
        <source>Demo built</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="53"/>
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="54"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="55"/>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="56"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="57"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="58"/>
        <source>First admin created</source>
        <translation>创建首个管理员</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="75"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="76"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="77"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="78"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="79"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="80"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="81"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="180"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="183"/>
        <source>Apply</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="186"/>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="194"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="195"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="196"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="197"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="225"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="243"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="268"/>
        <source>Before:</source>
        <translation>修改前：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="272"/>
        <source>After:</source>
        <translation>修改后：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="278"/>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计日志链…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="287"/>
        <source>Audit chain intact: {n} entries checked.</source>
        <translation>审计日志链完整：已校验 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit_page.py" line="291"/>
        <source>The audit chain is broken at entry {seq}: {reason}</source>
        <translation>审计链在第 {seq} 条记录处断裂：{reason}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="200"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="205"/>
        <source>Your password was set by an administrator. Choose your own password to continue.</source>
        <translation>您的密码由管理员设置，请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="214"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="215"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="216"/>
        <source>Repeat new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="220"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="33"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="35"/>
        <source>Embedded database on this computer (SQLite)</source>
        <translation>本机内置数据库（SQLite）</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="37"/>
        <source>Shared database for several desktops (PostgreSQL)</source>
        <translation>多台电脑共用的共享数据库（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="41"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="59"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="60"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="61"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="62"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="63"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="65"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="88"/>
        <source>The change takes effect when Loyalty Desk restarts.</source>
        <translation>更改将在会员管理台重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="114"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="116"/>
        <source>SQLite database (*.sqlite3 *.db)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="135"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/connection_dialog.py" line="142"/>
        <source>Connected: {version}</source>
        <translation>连接成功：{version}</translation>
    </message>
</context>
<context>
    <name>DealersPage</name>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="135"/>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="137"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="155"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="138"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="156"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="139"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="157"/>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="140"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="158"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="141"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="159"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="142"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="152"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="149"/>
        <source>e.g. East China</source>
        <translation>例如：华东</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="170"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="170"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="174"/>
        <source>Edit dealer {code}</source>
        <translation>编辑经销商 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="186"/>
        <source>New dealer</source>
        <translation>新建经销商</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/db/migrate.py" line="51"/>
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
        <location filename="../../app/domain/roles.py" line="113"/>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="25"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="63"/>
        <source>Enter the display name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="68"/>
        <source>The first administrator has already been created.</source>
        <translation>首个管理员账户已存在。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="101"/>
        <source>A user name has 1 to 40 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名须由 1 至 40 个字母、数字、点、连字符或下划线组成。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="155"/>
        <source>Too many wrong passwords: this account is locked. Try again in {minutes} minutes or ask an administrator to reset the password.</source>
        <translation>密码错误次数过多，该账户已被锁定。请在 {minutes} 分钟后重试，或联系管理员重置密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="169"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/auth.py" line="174"/>
        <source>Choose a password different from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../app/services/database.py" line="70"/>
        <location filename="../../app/services/database.py" line="91"/>
        <source>Cannot open the database {where}: {reason}</source>
        <translation>无法打开数据库 {where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/database.py" line="107"/>
        <source>A shared PostgreSQL database is backed up on the server with pg_dump (for example: pg_dump -Fc -f loyalty.dump DBNAME).</source>
        <translation>共享的 PostgreSQL 数据库需在服务器上用 pg_dump 备份（例如：pg_dump -Fc -f loyalty.dump DBNAME）。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings.py" line="45"/>
        <source>Unknown time zone: {zone}.</source>
        <translation>未知时区：{zone}。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings.py" line="51"/>
        <source>The idle lock must be between 1 and 240 minutes.</source>
        <translation>空闲锁定时间必须在 1 至 240 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../app/services/settings.py" line="56"/>
        <location filename="../../app/services/staff.py" line="43"/>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="51"/>
        <source>A dealer code has 2 to 20 capital letters, digits or dashes.</source>
        <translation>经销商代码须由 2 至 20 个大写字母、数字或连字符组成。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="106"/>
        <source>Dealer code {code} is already used.</source>
        <translation>经销商代码 {code} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="191"/>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="194"/>
        <source>A clerk must belong to a dealer. Choose a dealer.</source>
        <translation>前台专员必须隶属于经销商，请选择经销商。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="204"/>
        <source>Enter a temporary password.</source>
        <translation>请输入临时密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="224"/>
        <source>User name {username} is already used.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="259"/>
        <source>At least one active administrator must remain.</source>
        <translation>必须至少保留一名启用状态的管理员。</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="267"/>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="47"/>
        <source>Something went wrong and the action was not completed. The details were written to the log file:
{path}</source>
        <translation>出现错误，操作未完成。详细信息已写入日志文件：
{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="55"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/services/demo.py" line="94"/>
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
        <location filename="../../app/services/progress.py" line="20"/>
        <source>Cancelled; none of the batch was saved.</source>
        <translation>已取消；本批次未保存任何数据。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="81"/>
        <source>Create the first administrator</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="81"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="85"/>
        <source>This database has no staff accounts yet. Create the headquarters administrator account; it can then add dealers and the other staff.</source>
        <translation>此数据库中还没有员工账户。请先创建总部管理员账户，之后可用该账户添加经销商和其他员工。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="95"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="96"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="97"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="98"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="103"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="100"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="142"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="145"/>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="146"/>
        <source>Benefits</source>
        <translation>权益</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="147"/>
        <source>Partners</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="148"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Staff users</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Registration of members and vehicles, fast search across a million members, the member 360 view and the Excel import.</source>
        <translation>会员与车辆登记、百万级会员快速查询、会员 360 视图以及 Excel 导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>The points ledger: earning rules, service and purchase postings, expiry by lot, use of points at the counter and statements.</source>
        <translation>积分台账：积分获取规则、售后服务与购车积分入账、按批次过期、前台积分使用以及积分对账单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="168"/>
        <source>The queue of point adjustments and tier changes waiting for a supervisor&apos;s decision.</source>
        <translation>等待主管审批的积分调整和等级变更队列。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="171"/>
        <source>Tier definitions, upgrades, retention and the tier review.</source>
        <translation>等级定义、升级、保级以及等级评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172"/>
        <source>The benefit catalog, redemptions and voucher write-offs.</source>
        <translation>权益目录、兑换以及卡券核销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Partner admission checks, evaluation and cooperation modes.</source>
        <translation>异业合作伙伴的准入审核、评估以及合作模式。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>Targeted bonus campaigns and tasks for member segments.</source>
        <translation>面向会员细分群体的定向奖励活动与任务。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Monthly programme reports, value segmentation and lifecycle.</source>
        <translation>会员计划月度报表、会员价值细分以及生命周期分析。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>DEMO DATABASE — sample data only; nothing here is real.</source>
        <translation>演示数据库 — 仅含示例数据，所有内容均非真实数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="223"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="224"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="226"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="229"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="231"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="238"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <location filename="../../app/ui/main_window.py" line="291"/>
        <source>About Loyalty Desk</source>
        <translation>关于会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249"/>
        <source>User: {name} ({user})</source>
        <translation>用户：{name}（{user}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="253"/>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254"/>
        <source>Dealer: {dealer}</source>
        <translation>经销商：{dealer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="255"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292"/>
        <source>Loyalty Desk {version}
Member loyalty programme back-office.</source>
        <translation>会员管理台 {version}
会员忠诚度计划后台管理系统。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../app/ui/labels.py" line="21"/>
        <source>view members</source>
        <translation>查看会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22"/>
        <source>edit members</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>see personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26"/>
        <source>post points</source>
        <translation>记录积分</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27"/>
        <source>request point adjustments</source>
        <translation>申请积分调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>approve requests</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31"/>
        <source>change the programme settings</source>
        <translation>修改会员计划设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>manage dealers</source>
        <translation>管理经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>manage staff users</source>
        <translation>管理员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>view dealers</source>
        <translation>查看经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37"/>
        <source>view staff users</source>
        <translation>查看员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>view the audit trail</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>view reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>make backups</source>
        <translation>备份数据库</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/pages/placeholder.py" line="11"/>
        <source>This area is not built yet.</source>
        <translation>此功能尚在开发中。</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../app/ui/worker.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/ui/labels.py" line="10"/>
        <source>Clerk</source>
        <translation>前台专员</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="11"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="12"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="13"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="43"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="47"/>
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="53"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="56"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="62"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="69"/>
        <source>Programme (shared by all desktops)</source>
        <translation>会员计划（所有电脑共用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="76"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="77"/>
        <source>Programme name</source>
        <translation>会员计划名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="78"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="79"/>
        <source>Lock when idle for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="97"/>
        <source>Only headquarters administrators can change these settings.</source>
        <translation>只有总部管理员可以修改这些设置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="84"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="121"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="129"/>
        <source>The language changes when Loyalty Desk restarts.</source>
        <translation>界面语言将在会员管理台重新启动后切换。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="137"/>
        <source>The new database is used when Loyalty Desk restarts.</source>
        <translation>新数据库将在会员管理台重新启动后启用。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="122"/>
        <source>Sign in to Loyalty Desk</source>
        <translation>登录会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="122"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="124"/>
        <source>Loyalty Desk</source>
        <translation>会员管理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="125"/>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="133"/>
        <location filename="../../app/ui/login.py" line="157"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="134"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="135"/>
        <source>Database connection…</source>
        <translation>数据库连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="150"/>
        <source>Demo database. Sign in with one of these accounts (password {password}); click one to fill it in.</source>
        <translation>演示数据库。请使用以下任一账户登录（密码：{password}），单击账户即可自动填入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="157"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="241"/>
        <source>Loyalty Desk is locked</source>
        <translation>会员管理台已锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="241"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="246"/>
        <source>Locked after a period of inactivity. Enter the password of {name} ({user}) to continue.</source>
        <translation>因长时间未操作，会员管理台已锁定。请输入 {name}（{user}）的密码以继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="253"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="255"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="210"/>
        <source>Staff users</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="212"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="236"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="213"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="237"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="214"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="238"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="215"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="239"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="216"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="230"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="217"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="234"/>
        <source>temporary password for a new user</source>
        <translation>新用户的临时密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="241"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="244"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="258"/>
        <source>Headquarters (no dealer)</source>
        <translation>总部（不隶属经销商）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="270"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="271"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="271"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="277"/>
        <source>Edit user {name}</source>
        <translation>编辑用户 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="289"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="315"/>
        <location filename="../../app/ui/pages/admin_pages.py" line="326"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="317"/>
        <source>Temporary password for {user} (they must change it at the next sign-in):</source>
        <translation>{user} 的临时密码（下次登录时必须修改）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="326"/>
        <source>The password was reset.</source>
        <translation>密码已重置。</translation>
    </message>
</context>
<context>
    <name>_ListEditPage</name>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="62"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/admin_pages.py" line="65"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
</TS>
