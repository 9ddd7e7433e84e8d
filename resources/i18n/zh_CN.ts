<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArrivalDialog</name>
    <message>
        <source>Arrival list {day}</source>
        <translation>到件通知 {day}</translation>
    </message>
    <message>
        <source>Copy for WeChat</source>
        <translation>复制到微信群</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>BillsPage</name>
    <message>
        <source>Bill payments</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Mobile number or account number</source>
        <translation>手机号或缴费户号</translation>
    </message>
    <message>
        <source>Provider (filled in when known)</source>
        <translation>缴费单位（已知时自动填写）</translation>
    </message>
    <message>
        <source>Account holder&apos;s name</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Amount, e.g. 100</source>
        <translation>金额，如 100</translation>
    </message>
    <message>
        <source>Fee (0 if none)</source>
        <translation>手续费（没有填 0）</translation>
    </message>
    <message>
        <source>Already paid on the platform</source>
        <translation>已在平台缴费成功</translation>
    </message>
    <message>
        <source>Platform reference (流水号), if shown</source>
        <translation>平台流水号（如有）</translation>
    </message>
    <message>
        <source>Same as last time</source>
        <translation>同上次</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>收款缴费</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>缴费单位</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Succeeded…</source>
        <translation>缴费成功…</translation>
    </message>
    <message>
        <source>Failed: refund…</source>
        <translation>缴费失败：退款…</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印收据 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Today&apos;s and pending payments</source>
        <translation>待确认和最近的缴费</translation>
    </message>
    <message>
        <source>No earlier payment for this account.</source>
        <translation>这个户号以前没有缴过费。</translation>
    </message>
    <message>
        <source>Filled in from {day}.</source>
        <translation>已按 {day} 的缴费填好。</translation>
    </message>
    <message>
        <source>Taken: {amount} + fee {fee} for {provider} {account}.</source>
        <translation>已收款：{provider} {account}，金额 {amount}，手续费 {fee}。</translation>
    </message>
    <message>
        <source>Select a payment in the list first.</source>
        <translation>请先在列表中选一笔缴费。</translation>
    </message>
    <message>
        <source>Payment succeeded</source>
        <translation>缴费成功</translation>
    </message>
    <message>
        <source>Platform reference (流水号), if shown:</source>
        <translation>平台流水号（如有）：</translation>
    </message>
    <message>
        <source>Marked as succeeded.</source>
        <translation>已标记为成功。</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>缴费失败</translation>
    </message>
    <message>
        <source>Why did it fail? Everything is refunded.</source>
        <translation>失败原因？款项将全部退还。</translation>
    </message>
    <message>
        <source>Refunded {total}.</source>
        <translation>已退款 {total}。</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Check in parcels</source>
        <translation>快递入库</translation>
    </message>
    <message>
        <source>Scan or type the tracking number</source>
        <translation>扫描或输入快递单号</translation>
    </message>
    <message>
        <source>Mobile number, or its last 4 digits</source>
        <translation>手机号，或手机尾号后四位</translation>
    </message>
    <message>
        <source>Recipient&apos;s name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>入库（回车）</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>新批次</translation>
    </message>
    <message>
        <source>Print label (Ctrl+P)</source>
        <translation>打印标签 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Arrival list (Ctrl+T)</source>
        <translation>到件清单 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <source>Shelf {code} ({free} free)</source>
        <translation>{code} 号货架（空 {free} 位）</translation>
    </message>
    <message>
        <source>{old} was not checked in: it had no phone yet. Scan it again after this one. Now: {new}.</source>
        <translation>{old} 还没有入库（电话没填完）：这件入库后再扫一次。现在这件：{new}。</translation>
    </message>
    <message>
        <source>This number fits {list}: check the courier.</source>
        <translation>这个单号可能是 {list}，请确认快递公司。</translation>
    </message>
    <message>
        <source>Unknown number format: choose the courier if you know it.</source>
        <translation>单号格式不认识：如果知道快递公司，请选一下。</translation>
    </message>
    <message>
        <source>Checked in: pickup code {code} — {name}</source>
        <translation>入库成功：取件码 {code} —— {name}</translation>
    </message>
    <message>
        <source>Agent purchase for {name}: {items}. Balance due at hand-over: {balance}.</source>
        <translation>这是 {name} 的代购：{items}。交付时收尾款 {balance}。</translation>
    </message>
    <message>
        <source>New batch started.</source>
        <translation>已开始新批次。</translation>
    </message>
    <message>
        <source>This batch: {n} parcel(s)</source>
        <translation>本批次：{n} 件</translation>
    </message>
</context>
<context>
    <name>DrawerPage</name>
    <message>
        <source>Cash drawer</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Float counted, e.g. 200</source>
        <translation>清点的备用金，如 200</translation>
    </message>
    <message>
        <source>Open today&apos;s drawer</source>
        <translation>开启今天的钱箱</translation>
    </message>
    <message>
        <source>Cash in the drawer now:</source>
        <translation>钱箱现有现金：</translation>
    </message>
    <message>
        <source>Put cash in</source>
        <translation>存入现金</translation>
    </message>
    <message>
        <source>Take cash out</source>
        <translation>取出现金</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason, e.g. change from the bank</source>
        <translation>原因，如从银行换零钱</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Cash counted at closing</source>
        <translation>日结时清点的现金</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Count the cash, then:</source>
        <translation>清点现金后：</translation>
    </message>
    <message>
        <source>Print Z report</source>
        <translation>打印日结报表</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>In</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Cash by category</source>
        <translation>现金（按类别）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Z no.</source>
        <translation>日结号</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Should hold</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>最近的班次</translation>
    </message>
    <message>
        <source>Open a new session</source>
        <translation>开新班次</translation>
    </message>
    <message>
        <source>Closed today (Z report no. {z}): counted {counted}, difference {diff}. A customer now? Count the cash and open a new session; the closed one stays as it is.</source>
        <translation>今天已日结（Z 报表第 {z} 号）：实点 {counted}，差额 {diff}。现在又来了顾客？清点钱箱现金，开一个新班次；已日结的班次保持不变。</translation>
    </message>
    <message>
        <source>Close {day}? The drawer should hold {expected}; you counted {counted} (difference {diff}). A closed session is never reopened; a later customer is served in a new one.</source>
        <translation>确认日结 {day}？钱箱应有 {expected}，实点 {counted}（差额 {diff}）。日结后的班次不能再打开；之后来的顾客在新班次里办理。</translation>
    </message>
    <message>
        <source>The drawer is not open today. Count the cash in it and open the day before taking money.</source>
        <translation>今天的钱箱还没有开启。请清点钱箱里的现金，开启后再收钱。</translation>
    </message>
    <message>
        <source>Open since {since} ({day}), float {float}. The drawer should now hold {cash} in cash.</source>
        <translation>{since} 开启（{day}），备用金 {float}。钱箱现在应有现金 {cash}。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未日结</translation>
    </message>
    <message>
        <source>Z report {day}{z}: {records} records</source>
        <translation>日结报表 {day}{z}：{records} 笔</translation>
    </message>
    <message>
        <source>  No. {n}</source>
        <translation>  第 {n} 号</translation>
    </message>
    <message>
        <source>The drawer is open with a float of {float}.</source>
        <translation>钱箱已开启，备用金 {float}。</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
    <message>
        <source>Day closed: Z report no. {z}, difference {diff}.</source>
        <translation>已日结：日结号 {z}，差额 {diff}。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Join the county center</source>
        <translation>加入县中心</translation>
    </message>
    <message>
        <source>The county center has not confirmed this station yet: the bundle carries the codes the county gave you. Scan its QR code, or type what it says.</source>
        <translation>县中心还没有确认本站：U盘包会带上县里给的站点编号和一次性加入码。请扫描县里给的二维码，或照着填写。</translation>
    </message>
    <message>
        <source>Scan the QR code the county gave you, or type what it says.</source>
        <translation>扫描县中心给的二维码，或照着上面的内容输入。</translation>
    </message>
    <message>
        <source>Center key</source>
        <translation>县中心密钥指纹</translation>
    </message>
    <message>
        <source>County center</source>
        <translation>县中心</translation>
    </message>
    <message>
        <source>the county center&apos;s address (http://…)</source>
        <translation>县中心地址（http://…）</translation>
    </message>
    <message>
        <source>the station code</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>the one-time code</source>
        <translation>一次性加入码</translation>
    </message>
    <message>
        <source>Still missing: {what}.</source>
        <translation>还缺：{what}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Enroll by USB bundle</source>
        <translation>用U盘包加入县中心</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>一次性加入码</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up this station</source>
        <translation>设置本站</translation>
    </message>
    <message>
        <source>e.g. 石门村电商服务站</source>
        <translation>例如：石门村电商服务站</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>4–8 digits</source>
        <translation>4–8 位数字</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <source>Welcome! Set up the station once; you can change it later in Settings.</source>
        <translation>欢迎！先设置一下本站，以后可在“设置”里修改。</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Keeper (站长)</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Courier collects</source>
        <translation>快递员揽收</translation>
    </message>
    <message>
        <source>{courier}: {n} send(s)</source>
        <translation>{courier}：{n} 件</translation>
    </message>
    <message>
        <source>Courier&apos;s name (optional)</source>
        <translation>快递员姓名（可不填）</translation>
    </message>
    <message>
        <source>Courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Ledger (台账)</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>Text in the description, or a record number</source>
        <translation>摘要中的文字，或单号</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>In</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印收据 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Receipt as PDF</source>
        <translation>收据存为 PDF</translation>
    </message>
    <message>
        <source>Void record…</source>
        <translation>作废单据…</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>导出月台账…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Only the keeper (站长) may void a record.</source>
        <translation>只有站长可以作废单据。</translation>
    </message>
    <message>
        <source> (voided)</source>
        <translation>（已作废）</translation>
    </message>
    <message>
        <source>“From” is after “To”: nothing to show.</source>
        <translation>开始日期晚于结束日期，没有可显示的内容。</translation>
    </message>
    <message>
        <source>{n} line(s) · in {in_} · out {out} · net {net}</source>
        <translation>共 {n} 笔 · 收入 {in_} · 支出 {out} · 净额 {net}</translation>
    </message>
    <message>
        <source>Select a line in the list first.</source>
        <translation>请先在列表中选中一行。</translation>
    </message>
    <message>
        <source>Void a record</source>
        <translation>作废单据</translation>
    </message>
    <message>
        <source>Void record {record} ({what})? Every line of it is reversed by new lines; nothing is deleted. Reason:</source>
        <translation>作废单据 {record}（{what}）？每一笔都会以新的冲正分录抵消，不删除任何记录。原因：</translation>
    </message>
    <message>
        <source>Record {record} voided: its lines are reversed.</source>
        <translation>单据 {record} 已作废，分录已冲正。</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Ledger {month} written: {path}</source>
        <translation>{month} 台账已导出：{path}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Keeper</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The counter is locked. Enter your PIN to continue.</source>
        <translation>柜台已锁定，请输入密码继续。</translation>
    </message>
    <message>
        <source>Who is at the counter?</source>
        <translation>谁在柜台值班？</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>村站助手 · Village Station Assistant</source>
        <translation>村站助手</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Keeper</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Operator: {name} ({role})</source>
        <translation>操作员：{name}（{role}）</translation>
    </message>
    <message>
        <source>The scan {number} was not taken: a question was open. Answer it, then scan again.</source>
        <translation>刚才扫的 {number} 没有录入：当时有问题框未回答。请先回答，再扫一次。</translation>
    </message>
    <message>
        <source>Unknown parcel</source>
        <translation>未入库的快递</translation>
    </message>
    <message>
        <source>{number} is not at this station. Check it in now?</source>
        <translation>{number} 不在本站。现在入库吗？</translation>
    </message>
    <message>
        <source>{number}: already {status} on {when}.</source>
        <translation>{number}：已于 {when} {status}。</translation>
    </message>
    <message>
        <source>on the shelf</source>
        <translation>在架</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>取走</translation>
    </message>
    <message>
        <source>returned to the courier</source>
        <translation>退回快递公司</translation>
    </message>
    <message>
        <source>Opening the station&apos;s data…</source>
        <translation>正在打开本站数据…</translation>
    </message>
    <message>
        <source>Check a parcel in first, then print its label.</source>
        <translation>请先入库一件快递，再打印标签。</translation>
    </message>
</context>
<context>
    <name>OverduePage</name>
    <message>
        <source>Overdue parcels and returns</source>
        <translation>滞留件与退回</translation>
    </message>
    <message>
        <source>Scan a parcel to tick it — any parcel on the shelf can be returned</source>
        <translation>扫描包裹即可勾选——在架的任何包裹都能退回</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Not collected in time</source>
        <translation>超期未取</translation>
    </message>
    <message>
        <source>Refused by the recipient</source>
        <translation>收件人拒收</translation>
    </message>
    <message>
        <source>Wrong address</source>
        <translation>地址错误</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>包裹破损</translation>
    </message>
    <message>
        <source>Return ticked to courier</source>
        <translation>退回所选给快递</translation>
    </message>
    <message>
        <source>Reminder for WeChat</source>
        <translation>微信催取通知</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>滞留退回</translation>
    </message>
    <message>
        <source>Free for {days} day(s), then {fee} a day.</source>
        <translation>免费保管 {days} 天，之后每天 {fee}。</translation>
    </message>
    <message>
        <source>{n}{more} overdue · {k} ticked</source>
        <translation>滞留 {n}{more} 件 · 已选 {k} 件</translation>
    </message>
    <message>
        <source>“{q}” is not on the shelf.</source>
        <translation>“{q}”不在货架上。</translation>
    </message>
    <message>
        <source>Ticked {code} — {name}.</source>
        <translation>已勾选 {code} — {name}。</translation>
    </message>
    <message>
        <source>{n} parcel(s) returned to the courier: {codes}.</source>
        <translation>已退回快递 {n} 件：{codes}。</translation>
    </message>
    <message>
        <source>These parcels are overdue; please collect them soon:</source>
        <translation>以下快递已超期，请尽快来站取件：</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Overdue reminder</source>
        <translation>催取通知</translation>
    </message>
    <message>
        <source>Copy for WeChat</source>
        <translation>复制到微信</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Nothing to print on this page.</source>
        <translation>本页没有可打印的内容。</translation>
    </message>
    <message>
        <source>Select a record in the list first, then print its receipt (Ctrl+P).</source>
        <translation>请先在列表中选中一条记录，再打印收据 (Ctrl+P)。</translation>
    </message>
    <message>
        <source>No money changed hands on this one: there is no receipt to print.</source>
        <translation>这一条没有收付款，没有收据可打印。</translation>
    </message>
    <message>
        <source>This cannot be left empty.</source>
        <translation>这一项不能空着，请填写。</translation>
    </message>
    <message>
        <source>Receipt saved: {path}</source>
        <translation>收据已保存：{path}</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>PickupPage</name>
    <message>
        <source>Hand parcels over</source>
        <translation>取件</translation>
    </message>
    <message>
        <source>Pickup code, phone, last 4 digits, name or pinyin initials (e.g. zsm)</source>
        <translation>取件码、手机号、尾号四位、姓名或拼音首字母（如 zsm）</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Collected by a family member? Their name</source>
        <translation>家人代取？填代取人姓名</translation>
    </message>
    <message>
        <source>Hand over (Enter)</source>
        <translation>确认取件（回车）</translation>
    </message>
    <message>
        <source>Fee paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Last pickup: {what}</source>
        <translation>上一笔：{what}</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>取件</translation>
    </message>
    <message>
        <source>Nothing on the shelf for “{q}”.</source>
        <translation>货架上没有“{q}”的快递。</translation>
    </message>
    <message>
        <source>{n} parcel(s) for {names}. Check them, then press Enter.</source>
        <translation>{names} 有 {n} 件快递。核对后按回车。</translation>
    </message>
    <message>
        <source>{n} selected · fee {fee}</source>
        <translation>已选 {n} 件 · 费用 {fee}</translation>
    </message>
    <message>
        <source> Collect {fee}.</source>
        <translation> 请收费 {fee}。</translation>
    </message>
    <message>
        <source>Handed over {n} parcel(s): {codes}.</source>
        <translation>已取件 {n} 件：{codes}。</translation>
    </message>
</context>
<context>
    <name>ProducePage</name>
    <message>
        <source>Produce</source>
        <translation>农产品</translation>
    </message>
    <message>
        <source>Produce: buying in, consignment and sales</source>
        <translation>农产品：收购、代卖与销售</translation>
    </message>
    <message>
        <source>Mobile number, or its last 4 digits</source>
        <translation>手机号，或手机尾号 4 位</translation>
    </message>
    <message>
        <source>Farmer&apos;s name</source>
        <translation>农户姓名</translation>
    </message>
    <message>
        <source>Commission %, e.g. 5</source>
        <translation>佣金百分比，如 5</translation>
    </message>
    <message>
        <source>Gross kg on the scale</source>
        <translation>毛重（公斤）</translation>
    </message>
    <message>
        <source>Tare kg (baskets, bags)</source>
        <translation>皮重（公斤：筐、袋）</translation>
    </message>
    <message>
        <source>扣杂 kg (impurities, wet)</source>
        <translation>扣杂（公斤：杂质、水分）</translation>
    </message>
    <message>
        <source>Price, e.g. 3.20</source>
        <translation>单价，如 3.20</translation>
    </message>
    <message>
        <source>Print the slip for the farmer</source>
        <translation>给农户打印收购单</translation>
    </message>
    <message>
        <source>Weigh in</source>
        <translation>过秤入库</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>毛重</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>皮重</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣杂</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净重</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>kg sold</source>
        <translation>售出公斤数</translation>
    </message>
    <message>
        <source>Price, e.g. 4.00</source>
        <translation>单价，如 4.00</translation>
    </message>
    <message>
        <source>Buyer&apos;s name or shop</source>
        <translation>买方姓名或商户</translation>
    </message>
    <message>
        <source>Record the sale</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Shipped by</source>
        <translation>随寄件发出</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Sold for</source>
        <translation>已售金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Pay the farmer…</source>
        <translation>给农户结算…</translation>
    </message>
    <message>
        <source>Consignments on hand or still owing their farmer</source>
        <translation>在库或尚未结清的代卖</translation>
    </message>
    <message>
        <source>Station&apos;s own</source>
        <translation>本站收购</translation>
    </message>
    <message>
        <source>Consigned</source>
        <translation>代卖</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存合计</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Consignments</source>
        <translation>代卖结算</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印收据 (Ctrl+P)</translation>
    </message>
    <message>
        <source>County reference {price} {unit}</source>
        <translation>县参考价：{unit} {price} 元</translation>
    </message>
    <message>
        <source>Net weight {net}: nothing left to weigh in.</source>
        <translation>净重 {net}：扣除后没有可入库的重量。</translation>
    </message>
    <message>
        <source>Net weight {net} × {price} = {amount}</source>
        <translation>净重 {net} × {price} = {amount}</translation>
    </message>
    <message>
        <source>Taken on consignment from {name}: {product} {net}, about {amount}; paid after the sale less {commission}.</source>
        <translation>已收 {name} 的代卖：{product} {net}，约 {amount}；售出后结算，扣佣金 {commission}。</translation>
    </message>
    <message>
        <source>Bought from {name}: {product} {net}. Pay {amount}.</source>
        <translation>已收购 {name} 的 {product} {net}，请付 {amount}。</translation>
    </message>
    <message>
        <source>Nothing on hand to sell: weigh produce in first.</source>
        <translation>没有可售的库存，请先过秤入库。</translation>
    </message>
    <message>
        <source>Sold {product} {weight} to {buyer} for {amount}.</source>
        <translation>已售 {product} {weight} 给 {buyer}，金额 {amount}。</translation>
    </message>
    <message>
        <source>Select a consignment in the list first.</source>
        <translation>请先在列表中选中一笔代卖。</translation>
    </message>
    <message>
        <source>Nothing is due to {name} yet: none of it has been sold.</source>
        <translation>{name} 的货还没有售出，暂无应付款。</translation>
    </message>
    <message>
        <source>Pay the farmer</source>
        <translation>给农户结算</translation>
    </message>
    <message>
        <source>{name} is owed {due} for {product}. Amount to pay now:</source>
        <translation>应付 {name} 的 {product} 货款 {due}。本次支付金额：</translation>
    </message>
    <message>
        <source>Paid with:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Paid {name}.</source>
        <translation>已给 {name} 结算。</translation>
    </message>
    <message>
        <source>Station stock: {product} ({left})</source>
        <translation>本站库存：{product}（{left}）</translation>
    </message>
    <message>
        <source>Consigned by {name}: {product} ({left})</source>
        <translation>{name} 代卖：{product}（{left}）</translation>
    </message>
    <message>
        <source>— not shipped by courier —</source>
        <translation>— 不走快递 —</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>代卖</translation>
    </message>
    <message>
        <source>Station stock</source>
        <translation>本站库存</translation>
    </message>
</context>
<context>
    <name>PurchasesPage</name>
    <message>
        <source>Agent purchases</source>
        <translation>代购</translation>
    </message>
    <message>
        <source>Mobile number, or its last 4 digits</source>
        <translation>手机号，或手机尾号 4 位</translation>
    </message>
    <message>
        <source>Villager&apos;s name</source>
        <translation>村民姓名</translation>
    </message>
    <message>
        <source>What to buy, e.g. 电动车电瓶 48V</source>
        <translation>要买什么，如 电动车电瓶 48V</translation>
    </message>
    <message>
        <source>Price on the platform</source>
        <translation>平台价格</translation>
    </message>
    <message>
        <source>Shipping (0 if free)</source>
        <translation>运费（包邮填 0）</translation>
    </message>
    <message>
        <source>Service fee (0 if none)</source>
        <translation>服务费（没有填 0）</translation>
    </message>
    <message>
        <source>Deposit paid now (0 if none)</source>
        <translation>现付定金（没有填 0）</translation>
    </message>
    <message>
        <source>Take the order</source>
        <translation>登记代购</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Villager</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Ordered…</source>
        <translation>已下单…</translation>
    </message>
    <message>
        <source>Shipped…</source>
        <translation>已发货…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>交货…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退货…</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印收据 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Open purchases</source>
        <translation>进行中的代购</translation>
    </message>
    <message>
        <source>Order taken for {name}: {items}, total {total}, deposit {deposit}, balance {balance}.</source>
        <translation>已为 {name} 登记代购：{items}，合计 {total}，定金 {deposit}，尾款 {balance}。</translation>
    </message>
    <message>
        <source>Select a purchase in the list first.</source>
        <translation>请先在列表中选中一笔代购。</translation>
    </message>
    <message>
        <source>Ordered on the platform</source>
        <translation>平台已下单</translation>
    </message>
    <message>
        <source>The platform&apos;s order number:</source>
        <translation>平台订单号：</translation>
    </message>
    <message>
        <source>You paid the platform with:</source>
        <translation>向平台付款方式：</translation>
    </message>
    <message>
        <source>Ordered: {items}. {cost} paid to the platform.</source>
        <translation>已下单：{items}，已向平台支付 {cost}。</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>The tracking number (the parcel desk will recognise it at check-in):</source>
        <translation>运单号（入库时会自动认出这件代购）：</translation>
    </message>
    <message>
        <source>That parcel is already on the shelf: {name}&apos;s purchase has arrived.</source>
        <translation>这件快递已在货架上：{name} 的代购已到站。</translation>
    </message>
    <message>
        <source>Tracking number noted. Check-in will say whose it is.</source>
        <translation>运单号已记下，入库时会提示是谁的代购。</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交货</translation>
    </message>
    <message>
        <source>{name} takes {items} and pays the balance of {balance} with:</source>
        <translation>{name} 取走 {items}，尾款 {balance} 的支付方式：</translation>
    </message>
    <message>
        <source>Handed over to {name}; balance {balance} taken.</source>
        <translation>已交给 {name}，收尾款 {balance}。</translation>
    </message>
    <message>
        <source>Cancel the purchase</source>
        <translation>取消代购</translation>
    </message>
    <message>
        <source>Return the goods</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Why? The deposit of {deposit} is refunded.</source>
        <translation>原因？定金 {deposit} 将退还。</translation>
    </message>
    <message>
        <source>{status}: {deposit} refunded to {name}.</source>
        <translation>{status}：已退 {name} {deposit}。</translation>
    </message>
</context>
<context>
    <name>SendsPage</name>
    <message>
        <source>Send a parcel</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>Sender&apos;s mobile number</source>
        <translation>寄件人手机号</translation>
    </message>
    <message>
        <source>Sender&apos;s name</source>
        <translation>寄件人姓名</translation>
    </message>
    <message>
        <source>Receiver&apos;s name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>Receiver&apos;s phone</source>
        <translation>收件人电话</translation>
    </message>
    <message>
        <source>Province, city, county, street and number</source>
        <translation>省、市、县、街道门牌</translation>
    </message>
    <message>
        <source>What is inside, e.g. clothes, dried mushrooms</source>
        <translation>物品，如：衣服、干香菇</translation>
    </message>
    <message>
        <source>kg, e.g. 1.5</source>
        <translation>公斤，如 1.5</translation>
    </message>
    <message>
        <source>Fee in yuan, e.g. 12</source>
        <translation>运费（元），如 12</translation>
    </message>
    <message>
        <source>Scan the waybill (can be added later)</source>
        <translation>扫描面单（也可以以后补）</translation>
    </message>
    <message>
        <source>&amp;ID card seen (实名)</source>
        <translation>已查验身份证（实名）(&amp;I)</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Other ID</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>Contents in&amp;spected (验视)</source>
        <translation>已开箱验视（验视）(&amp;S)</translation>
    </message>
    <message>
        <source>Accept send (Enter)</source>
        <translation>收寄（回车）</translation>
    </message>
    <message>
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>收件人电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Add tracking no.</source>
        <translation>补录运单号</translation>
    </message>
    <message>
        <source>Cancel and refund</source>
        <translation>取消并退款</translation>
    </message>
    <message>
        <source>Courier collects…</source>
        <translation>快递员揽收…</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>收寄时间</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>寄往</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>Waiting for the courier: {n}</source>
        <translation>待揽收：{n} 件</translation>
    </message>
    <message>
        <source>Accepted: {item} from {sender} to {receiver}, {fee} ({courier}).</source>
        <translation>已收寄：{sender} 寄给 {receiver} 的{item}，{fee}（{courier}）。</translation>
    </message>
    <message>
        <source>Select a send in the list first.</source>
        <translation>请先在列表中选中一件。</translation>
    </message>
    <message>
        <source>Scan or type the waybill number for {item} to {receiver}:</source>
        <translation>扫描或输入寄给 {receiver} 的{item}的运单号：</translation>
    </message>
    <message>
        <source>Tracking number saved.</source>
        <translation>运单号已保存。</translation>
    </message>
    <message>
        <source>Cancel send</source>
        <translation>取消寄件</translation>
    </message>
    <message>
        <source>Why is {sender} taking it back? {fee} is refunded by {method}.</source>
        <translation>{sender} 为什么取回？将按{method}退还 {fee}。</translation>
    </message>
    <message>
        <source>Cancelled. Give back {fee}.</source>
        <translation>已取消。请退还 {fee}。</translation>
    </message>
    <message>
        <source>Nothing is waiting for a courier.</source>
        <translation>没有待揽收的寄件。</translation>
    </message>
    <message>
        <source>{n} send(s) handed to {courier}. Print the manifest for signing.</source>
        <translation>已交给{courier} {n} 件。请打印交接单签字。</translation>
    </message>
    <message>
        <source>Hand-over manifest</source>
        <translation>揽收交接单</translation>
    </message>
    <message>
        <source>Hand-over to {courier}: {n} send(s)</source>
        <translation>交接给{courier}：{n} 件</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Other services</source>
        <translation>便民服务</translation>
    </message>
    <message>
        <source>Amount, e.g. 500</source>
        <translation>金额，如 500</translation>
    </message>
    <message>
        <source>Fee (0 if none)</source>
        <translation>手续费（没有填 0）</translation>
    </message>
    <message>
        <source>Last 4 digits of the bank card</source>
        <translation>银行卡后四位</translation>
    </message>
    <message>
        <source>What, e.g. train ticket Xi&apos;an–Lanzhou</source>
        <translation>内容，如 西安—兰州 火车票</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印收据 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Recent services</source>
        <translation>最近的服务</translation>
    </message>
    <message>
        <source>The villager&apos;s card pays the amount on the POS terminal; give the same amount in cash from the drawer.</source>
        <translation>村民在 POS 机上刷卡付这笔金额，再从钱箱付给他同样金额的现金。</translation>
    </message>
    <message>
        <source>Recorded: {service} {amount}.</source>
        <translation>已记录：{service} {amount}。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Given by the county centre</source>
        <translation>由县级中心分配</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>yuan a day, e.g. 0.5</source>
        <translation>每天多少元，如 0.5</translation>
    </message>
    <message>
        <source>Save station</source>
        <translation>保存站点信息</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Free storage</source>
        <translation>免费保管</translation>
    </message>
    <message>
        <source>Fee after that</source>
        <translation>超期每天收费</translation>
    </message>
    <message>
        <source> min (0 = never)</source>
        <translation> 分钟（0 = 不锁屏）</translation>
    </message>
    <message>
        <source>The data folder&apos;s “backups”</source>
        <translation>数据文件夹下的 backups</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>{mm} mm roll</source>
        <translation>{mm} 毫米卷纸</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Lock when idle</source>
        <translation>无操作锁屏</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Folder for files</source>
        <translation>文件保存位置</translation>
    </message>
    <message>
        <source>Keep daily backups</source>
        <translation>保留每日备份</translation>
    </message>
    <message>
        <source>Files (exports, papers)</source>
        <translation>文件（导出、单据）</translation>
    </message>
    <message>
        <source>Receipt printer paper</source>
        <translation>小票打印纸</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Per layer</source>
        <translation>每层件数</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>在架</translation>
    </message>
    <message>
        <source>e.g. D</source>
        <translation>如 D</translation>
    </message>
    <message>
        <source>Add or change shelf</source>
        <translation>新增或修改货架</translation>
    </message>
    <message>
        <source>Shelves</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Keeper</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>PIN, 4–8 digits</source>
        <translation>密码，4–8 位数字</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Only the keeper (站长) can change the settings.</source>
        <translation>只有站长可以修改设置。</translation>
    </message>
    <message>
        <source>The county center sets the overdue rules (configuration version {version}).</source>
        <translation>超期规则由县中心规定（配置第 {version} 版）。</translation>
    </message>
    <message>
        <source>Station settings saved.</source>
        <translation>站点设置已保存。</translation>
    </message>
    <message>
        <source>Saved for this computer.</source>
        <translation>本机设置已保存。</translation>
    </message>
    <message>
        <source> The language changes the next time the app starts.</source>
        <translation>语言将在下次启动时切换。</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>Shelf {code} saved: {layers} layers × {per} = {cap} places.</source>
        <translation>货架 {code} 已保存：{layers} 层 × {per} = {cap} 个位置。</translation>
    </message>
    <message>
        <source>{name} can now log in.</source>
        <translation>{name} 现在可以登录了。</translation>
    </message>
</context>
<context>
    <name>StocktakePage</name>
    <message>
        <source>Stock-take</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Scan every parcel on the shelves, shelf by shelf, then press Finish. Parcels not scanned are listed as missing.</source>
        <translation>逐个货架扫描每一件包裹，扫完按“完成盘点”。没扫到的包裹会列为缺失。</translation>
    </message>
    <message>
        <source>Scan a parcel on the shelf</source>
        <translation>扫描货架上的包裹</translation>
    </message>
    <message>
        <source>Finish stock-take</source>
        <translation>完成盘点</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>在架清单</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unexpected</source>
        <translation>多出</translation>
    </message>
    <message>
        <source>{number} was already scanned.</source>
        <translation>{number} 已经扫过了。</translation>
    </message>
    <message>
        <source>✓ {code} — {name}</source>
        <translation>✓ {code} — {name}</translation>
    </message>
    <message>
        <source>{number} should not be on the shelf: {why}</source>
        <translation>{number} 不应在货架上：{why}</translation>
    </message>
    <message>
        <source>never checked in</source>
        <translation>从未入库</translation>
    </message>
    <message>
        <source>picked up on {day}</source>
        <translation>已于 {day} 取走</translation>
    </message>
    <message>
        <source>returned to the courier on {day}</source>
        <translation>已于 {day} 退回快递</translation>
    </message>
    <message>
        <source>On the list</source>
        <translation>在清单上</translation>
    </message>
    <message>
        <source>Scanned {n}: {ok} on the list, {bad} should not be there</source>
        <translation>已扫 {n} 件：{ok} 件在清单上，{bad} 件不应在架</translation>
    </message>
    <message>
        <source>Stock-take recorded: {found} of {expected} found, {missing} missing, {unexpected} unexpected.</source>
        <translation>盘点已记录：应有 {expected} 件，找到 {found} 件，缺失 {missing} 件，多出 {unexpected} 件。</translation>
    </message>
    <message>
        <source>Forget the {n} scans so far?</source>
        <translation>放弃已扫描的 {n} 件？</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>County sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>County center</source>
        <translation>县中心</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Join a county center…</source>
        <translation>加入县中心…</translation>
    </message>
    <message>
        <source>Write a USB bundle…</source>
        <translation>导出U盘包…</translation>
    </message>
    <message>
        <source>Read the county&apos;s reply…</source>
        <translation>读取县中心回执…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Announcements from the county</source>
        <translation>县中心通知</translation>
    </message>
    <message>
        <source>Recent sync rounds</source>
        <translation>最近同步记录</translation>
    </message>
    <message>
        <source>Join a county center first: without one there is nothing to sync with.</source>
        <translation>请先加入县中心：没有县中心，就无处同步。</translation>
    </message>
    <message>
        <source>Center {url} · station {station} · uploaded up to record {seq}</source>
        <translation>县中心 {url} · 站点 {station} · 已上传到第 {seq} 条</translation>
    </message>
    <message>
        <source> · county rules version {version}</source>
        <translation> · 县配置第 {version} 版</translation>
    </message>
    <message>
        <source>Join a county center to send it this station&apos;s records; without a link, write a USB bundle for the county.</source>
        <translation>加入县中心后，本站记录会自动上传；没有网络时，可导出U盘包交给县中心。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>County reply read from a USB stick: {n} more records confirmed</source>
        <translation>从U盘读取县中心回执：又确认 {n} 条记录</translation>
    </message>
    <message>
        <source>{n} records sent</source>
        <translation>上传 {n} 条</translation>
    </message>
    <message>
        <source>Syncing in the background; the counter stays free.</source>
        <translation>正在后台同步，不影响前台操作。</translation>
    </message>
    <message>
        <source>Only the keeper can join a county center.</source>
        <translation>只有站长可以加入县中心。</translation>
    </message>
    <message>
        <source>Contacting the county center…</source>
        <translation>正在联系县中心…</translation>
    </message>
    <message>
        <source>Cannot reach a county center at that address. Check the network and the address, then join again.</source>
        <translation>连不上这个地址的县中心。请检查网络和县中心地址，再加入一次。</translation>
    </message>
    <message>
        <source>Joined the county center as {station}.</source>
        <translation>已加入县中心，站点编号 {station}。</translation>
    </message>
    <message>
        <source>Write a USB bundle</source>
        <translation>导出U盘包</translation>
    </message>
    <message>
        <source>Bundles (*.vsb)</source>
        <translation>U盘包 (*.vsb)</translation>
    </message>
    <message>
        <source>Bundle written: {n} records. Take it to the county center.</source>
        <translation>U盘包已导出：{n} 条记录。请交给县中心。</translation>
    </message>
    <message>
        <source>Read the county&apos;s reply</source>
        <translation>读取县中心回执</translation>
    </message>
    <message>
        <source>County replies (*.vsr)</source>
        <translation>县中心回执 (*.vsr)</translation>
    </message>
    <message>
        <source>The county holds this station&apos;s records up to {seq}; {n} waiting for the next bundle. County rules version {version}.</source>
        <translation>县中心已收到本站第 {seq} 条及以前的记录；还有 {n} 条等下次导出U盘包。县配置第 {version} 版。</translation>
    </message>
    <message>
        <source>The county holds this station&apos;s records up to {seq}; {n} waiting for the next bundle.</source>
        <translation>县中心已收到本站第 {seq} 条及以前的记录；还有 {n} 条等下次导出U盘包。</translation>
    </message>
</context>
<context>
    <name>VillagersPage</name>
    <message>
        <source>Villagers</source>
        <translation>村民往来</translation>
    </message>
    <message>
        <source>Name, mobile number, last 4 digits or pinyin initials (e.g. zsm), then Enter</source>
        <translation>姓名、手机号、尾号 4 位或拼音首字母（如 zsm），回车查询</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印收据 (Ctrl+P)</translation>
    </message>
    <message>
        <source>No villager matches “{text}”.</source>
        <translation>没有找到与“{text}”相符的村民。</translation>
    </message>
    <message>
        <source>{name}: deposits held for purchases {held} · consignment money due {due} · the station owes {total} in all</source>
        <translation>{name}：代购定金在站 {held} · 代卖应付 {due} · 本站共欠 {total}</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>text of 1 to {limit} characters</source>
        <translation>应为 1 到 {limit} 个字的文字</translation>
    </message>
    <message>
        <source>text of at most {limit} characters</source>
        <translation>应为最多 {limit} 个字的文字</translation>
    </message>
    <message>
        <source>a whole number from {low} to {high}</source>
        <translation>应为 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>a list of at most {n} items</source>
        <translation>应为最多 {n} 项的列表</translation>
    </message>
    <message>
        <source>a mapping of at most {n} items</source>
        <translation>应为最多 {n} 项的对照表</translation>
    </message>
    <message>
        <source>a pattern of 1 to 120 characters</source>
        <translation>应为 1 到 120 个字符的号码规则</translation>
    </message>
    <message>
        <source>“{text}” uses more than literals, [classes], {{m,n}} counts and (?:a|b) groups</source>
        <translation>“{text}” 用了字面字符、[字符类]、{{m,n}} 次数和 (?:a|b) 分组以外的写法</translation>
    </message>
    <message>
        <source>“{text}” is not a pattern</source>
        <translation>“{text}” 不是有效的号码规则</translation>
    </message>
    <message>
        <source>an object {{code, zh, en, patterns}}</source>
        <translation>应为对象 {{code, zh, en, patterns}}</translation>
    </message>
    <message>
        <source>a code of 2 to 8 capital letters and digits (not OTHER)</source>
        <translation>应为 2 到 8 位大写字母和数字的代码（不能是 OTHER）</translation>
    </message>
    <message>
        <source>{name} is listed twice</source>
        <translation>{name} 重复列出</translation>
    </message>
    <message>
        <source>at least one pattern</source>
        <translation>至少要有一条号码规则</translation>
    </message>
    <message>
        <source>an object {{free_days, fee_per_day_fen}}</source>
        <translation>应为对象 {{free_days, fee_per_day_fen}}</translation>
    </message>
    <message>
        <source>“{kind}” is not one of {kinds}</source>
        <translation>“{kind}” 不在 {kinds} 之中</translation>
    </message>
    <message>
        <source>at least one provider</source>
        <translation>至少要有一个缴费单位</translation>
    </message>
    <message>
        <source>an object {{name, unit, reference_price_fen}}</source>
        <translation>应为对象 {{name, unit, reference_price_fen}}</translation>
    </message>
    <message>
        <source>jin or kg</source>
        <translation>应为 jin（斤）或 kg（公斤）</translation>
    </message>
    <message>
        <source>an object {{text, title?, date?}}</source>
        <translation>应为对象 {{text, title?, date?}}</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>应为一个 JSON 对象</translation>
    </message>
    <message>
        <source>unknown section “{name}”: the sections are {sections}</source>
        <translation>没有“{name}”这一部分：可用的部分是 {sections}</translation>
    </message>
    <message>
        <source>the JSON is not valid at line {line}, column {column}</source>
        <translation>JSON 第 {line} 行第 {column} 列格式不对</translation>
    </message>
    <message>
        <source>the JSON must be one object {{…}}</source>
        <translation>JSON 必须是一个对象 {{…}}</translation>
    </message>
    <message>
        <source>free days are a whole number and the fee an amount in yuan</source>
        <translation>免费天数应为整数，收费应为以元计的金额</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Platform balance</source>
        <translation>平台余额</translation>
    </message>
    <message>
        <source>Send fee</source>
        <translation>寄件运费</translation>
    </message>
    <message>
        <source>Send fee refund</source>
        <translation>寄件退费</translation>
    </message>
    <message>
        <source>Overdue storage fee</source>
        <translation>滞留保管费</translation>
    </message>
    <message>
        <source>Purchase deposit</source>
        <translation>代购定金</translation>
    </message>
    <message>
        <source>Purchase balance</source>
        <translation>代购尾款</translation>
    </message>
    <message>
        <source>Purchase paid to platform</source>
        <translation>代购付平台货款</translation>
    </message>
    <message>
        <source>Purchase refund from platform</source>
        <translation>代购平台退款</translation>
    </message>
    <message>
        <source>Purchase deposit refund</source>
        <translation>代购退定金</translation>
    </message>
    <message>
        <source>Produce bought out</source>
        <translation>农产品收购</translation>
    </message>
    <message>
        <source>Produce sale</source>
        <translation>农产品销售</translation>
    </message>
    <message>
        <source>Consignment payout</source>
        <translation>代销结算付款</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>Agent purchase</source>
        <translation>代购</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>农产品</translation>
    </message>
    <message>
        <source>Bill payment</source>
        <translation>代缴费</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>便民服务</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>在架</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已取件</translation>
    </message>
    <message>
        <source>Returned to the courier</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Waiting for the courier</source>
        <translation>待揽收</translation>
    </message>
    <message>
        <source>Handed to the courier</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Bill payment fee</source>
        <translation>缴费手续费</translation>
    </message>
    <message>
        <source>Bill paid on platform</source>
        <translation>缴费平台付款</translation>
    </message>
    <message>
        <source>Bill refund from platform</source>
        <translation>缴费平台退款</translation>
    </message>
    <message>
        <source>Bill payment refund</source>
        <translation>缴费退款</translation>
    </message>
    <message>
        <source>POS withdrawal (card)</source>
        <translation>助农取款（刷卡）</translation>
    </message>
    <message>
        <source>POS withdrawal (cash paid)</source>
        <translation>助农取款（付现金）</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>代订票</translation>
    </message>
    <message>
        <source>Ticket paid on platform</source>
        <translation>订票平台付款</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印复印</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Cash put in</source>
        <translation>现金存入钱箱</translation>
    </message>
    <message>
        <source>Cash taken out</source>
        <translation>现金取出钱箱</translation>
    </message>
    <message>
        <source>Drawer over</source>
        <translation>钱箱长款</translation>
    </message>
    <message>
        <source>Drawer short</source>
        <translation>钱箱短款</translation>
    </message>
    <message>
        <source>Nothing was scanned. Scan the barcode on the parcel again.</source>
        <translation>没有扫到内容，请重新扫描快递上的条码。</translation>
    </message>
    <message>
        <source>“{text}” is not a tracking number: use 6–30 letters and digits.</source>
        <translation>“{text}”不是快递单号：单号应为 6–30 位字母或数字。</translation>
    </message>
    <message>
        <source>“{text}” is not a mobile number: it needs 11 digits starting with 1.</source>
        <translation>“{text}”不是手机号：手机号是以 1 开头的 11 位数字。</translation>
    </message>
    <message>
        <source>“{text}” is not the last 4 digits of a phone number.</source>
        <translation>“{text}”不是手机尾号四位。</translation>
    </message>
    <message>
        <source>With only the last 4 digits, enter the name as well.</source>
        <translation>只填了尾号四位时，请同时填写姓名。</translation>
    </message>
    <message>
        <source>{phone} is not known here yet: enter the name as well.</source>
        <translation>{phone} 是新号码：请同时填写姓名。</translation>
    </message>
    <message>
        <source>Enter the mobile number, or its last 4 digits.</source>
        <translation>请填写手机号，或手机尾号后四位。</translation>
    </message>
    <message>
        <source>More than one villager called {name} has a phone ending in {last4}: enter the full mobile number.</source>
        <translation>有不止一位叫{name}、手机尾号{last4}的村民，请输入完整手机号。</translation>
    </message>
    <message>
        <source>Enter a name of 1–20 characters.</source>
        <translation>请填写 1–20 个字的姓名。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money, e.g. 12 or 12.50.</source>
        <translation>“{text}”不是金额，请填写如 12 或 12.50。</translation>
    </message>
    <message>
        <source>The amount must be between ¥{low} and ¥{high}.</source>
        <translation>金额必须在 ¥{low} 到 ¥{high} 之间。</translation>
    </message>
    <message>
        <source>“{text}” is not a weight in kilograms, e.g. 1.5.</source>
        <translation>“{text}”不是重量，请按公斤填写，如 1.5。</translation>
    </message>
    <message>
        <source>The weight must be more than 0 and at most {high} kg.</source>
        <translation>重量必须大于 0，且不超过 {high} 公斤。</translation>
    </message>
    <message>
        <source>“{text}” is not a percentage from 0 to {high}, e.g. 5 or 2.5.</source>
        <translation>“{text}”不是 0 到 {high} 之间的百分比，如 5 或 2.5。</translation>
    </message>
    <message>
        <source>“{text}” must be a whole number from {low} to {high}.</source>
        <translation>“{text}”应为 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>The PIN must be 4–8 digits.</source>
        <translation>密码必须是 4–8 位数字。</translation>
    </message>
    <message>
        <source>“{field}” is too long: at most {high} characters.</source>
        <translation>“{field}”太长了：最多 {high} 个字。</translation>
    </message>
    <message>
        <source>Please fill in “{field}”.</source>
        <translation>请填写“{field}”。</translation>
    </message>
    <message>
        <source>Unknown courier company “{code}”.</source>
        <translation>不认识的快递公司“{code}”。</translation>
    </message>
    <message>
        <source>Unknown payment method “{code}”.</source>
        <translation>不认识的付款方式“{code}”。</translation>
    </message>
    <message>
        <source>The county center sets the overdue rules (configuration version {version}); they cannot be changed here.</source>
        <translation>超期规则由县中心规定（配置第 {version} 版），这里不能修改。</translation>
    </message>
    <message>
        <source>Parcel {tracking_no} is already on the shelf, pickup code {code}.</source>
        <translation>快递 {tracking_no} 已经在架上了，取件码 {code}。</translation>
    </message>
    <message>
        <source>Shelf {shelf} is full. Choose another shelf or add a layer.</source>
        <translation>{shelf} 号货架已满，请换一个货架或增加层数。</translation>
    </message>
    <message>
        <source>Every shelf is full. Add a shelf in Settings first.</source>
        <translation>所有货架都满了，请先在“设置”里增加货架。</translation>
    </message>
    <message>
        <source>No shelves are set up yet. Add a shelf in Settings first.</source>
        <translation>还没有设置货架，请先在“设置”里添加货架。</translation>
    </message>
    <message>
        <source>There is no shelf “{shelf}”.</source>
        <translation>没有“{shelf}”号货架。</translation>
    </message>
    <message>
        <source>No parcel on the shelf has pickup code “{code}”.</source>
        <translation>货架上没有取件码为“{code}”的快递。</translation>
    </message>
    <message>
        <source>Select at least one parcel first.</source>
        <translation>请至少选择一件快递。</translation>
    </message>
    <message>
        <source>Parcel {tracking_no} is no longer on the shelf.</source>
        <translation>快递 {tracking_no} 已经不在架上了。</translation>
    </message>
    <message>
        <source>Enter the name of the family member collecting the parcels.</source>
        <translation>请填写代取的家人姓名。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Shelf “{shelf}” already exists.</source>
        <translation>“{shelf}”号货架已经有了。</translation>
    </message>
    <message>
        <source>A shelf is named by 1–2 capital letters, e.g. A or B.</source>
        <translation>货架用 1–2 个大写字母命名，如 A 或 B。</translation>
    </message>
    <message>
        <source>Shelf {shelf} still holds {count} parcels; it can only get smaller once they are gone.</source>
        <translation>{shelf} 号货架上还有 {count} 件快递，取走后才能缩小。</translation>
    </message>
    <message>
        <source>This send has already been handed to the courier or cancelled.</source>
        <translation>这件寄件已经交给快递员或已取消。</translation>
    </message>
    <message>
        <source>There are no sends waiting for {carrier}.</source>
        <translation>没有等待 {carrier} 揽收的寄件。</translation>
    </message>
    <message>
        <source>Check the sender&apos;s ID card (实名) before accepting the send.</source>
        <translation>收寄前请核验寄件人身份证（实名）。</translation>
    </message>
    <message>
        <source>Inspect the contents (验视) before accepting the send.</source>
        <translation>收寄前请验视物品。</translation>
    </message>
    <message>
        <source>This data folder already has records; the demo needs an empty one.</source>
        <translation>这个数据文件夹里已有记录；演示数据需要一个空文件夹。</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>密码不对。</translation>
    </message>
    <message>
        <source>There is already an operator called “{name}”.</source>
        <translation>已经有叫“{name}”的操作员了。</translation>
    </message>
    <message>
        <source>Only the keeper (站长) may do this.</source>
        <translation>只有站长可以做这个操作。</translation>
    </message>
    <message>
        <source>Unknown operator.</source>
        <translation>没有这个操作员。</translation>
    </message>
    <message>
        <source>The cash drawer is not open today. Count the float and open it on the Cash drawer page first.</source>
        <translation>今天的钱箱还没有开启。请先到“日结”页清点备用金并开启钱箱。</translation>
    </message>
    <message>
        <source>The cash drawer of {date} is still open. Close it on the Cash drawer page first.</source>
        <translation>{date} 的钱箱还没有日结。请先到“日结”页完成日结。</translation>
    </message>
    <message>
        <source>The cash drawer is already open.</source>
        <translation>钱箱已经开启。</translation>
    </message>
    <message>
        <source>Today&apos;s drawer was closed (Z no. {z}), and a closed session is never reopened. To take money now, count the cash and open a new session on the Cash drawer page (F8).</source>
        <translation>今天的钱箱已日结（Z 报表第 {z} 号），日结后不能再打开。现在要收钱，请在“日结”页（F8）清点现金，开一个新班次。</translation>
    </message>
    <message>
        <source>There is no open cash drawer to close.</source>
        <translation>没有需要日结的钱箱。</translation>
    </message>
    <message>
        <source>The drawer should hold only {cash} in cash; it cannot pay out {amount}.</source>
        <translation>钱箱里应只有现金 {cash}，不能付出 {amount}。</translation>
    </message>
    <message>
        <source>This parcel is {name}&apos;s agent purchase ({items}): hand it over on the agent purchases page (F6), which takes the balance.</source>
        <translation>这件是 {name} 的代购（{items}）：请在代购页面 (F6) 交货并收尾款。</translation>
    </message>
    <message>
        <source>This record has already been voided.</source>
        <translation>这笔记录已经作废。</translation>
    </message>
    <message>
        <source>No money record “{record}” was found.</source>
        <translation>找不到资金记录“{record}”。</translation>
    </message>
    <message>
        <source>Sales or payouts of this consignment are still recorded: void those first.</source>
        <translation>这批代销还有销售或结算记录，请先作废那些记录。</translation>
    </message>
    <message>
        <source>The farmer has already been paid more than would remain due: void the payout first.</source>
        <translation>已付给农户的钱超过作废后应付的金额，请先作废结算付款。</translation>
    </message>
    <message>
        <source>This record has been voided; nothing more can be done with it.</source>
        <translation>这笔记录已作废，不能再办理。</translation>
    </message>
    <message>
        <source>This purchase is “{status}”: that step is not possible now.</source>
        <translation>这笔代购现在是“{status}”，不能办理这一步。</translation>
    </message>
    <message>
        <source>The deposit cannot be more than the total, {total}.</source>
        <translation>定金不能超过总额 {total}。</translation>
    </message>
    <message>
        <source>Unknown shopping platform “{code}”.</source>
        <translation>未知的购物平台“{code}”。</translation>
    </message>
    <message>
        <source>After tare and deductions nothing is left ({net} kg): check the weights.</source>
        <translation>扣除皮重和杂质后净重为 {net} 公斤，请检查重量。</translation>
    </message>
    <message>
        <source>Only {available} kg of {product} is in stock.</source>
        <translation>{product} 库存只有 {available} 公斤。</translation>
    </message>
    <message>
        <source>Only {due} is due to the farmer from what has sold so far; the payout cannot be more.</source>
        <translation>按目前的销售，应付农户只有 {due}，付款不能超过这个数。</translation>
    </message>
    <message>
        <source>This intake was bought out; nothing is paid out after the sale.</source>
        <translation>这批是收购的，销售后不再给农户结算。</translation>
    </message>
    <message>
        <source>The commission must be between 0% and 50%.</source>
        <translation>佣金比例须在 0% 到 50% 之间。</translation>
    </message>
    <message>
        <source>This payment is no longer pending.</source>
        <translation>这笔缴费已经不是待确认状态。</translation>
    </message>
    <message>
        <source>This payment succeeded, so it cannot be refunded. If it was recorded by mistake, the keeper can void it.</source>
        <translation>这笔缴费已经成功，不能退款。如果是录错了，请站长作废。</translation>
    </message>
    <message>
        <source>Unknown kind of bill “{code}”.</source>
        <translation>未知的缴费类型“{code}”。</translation>
    </message>
    <message>
        <source>Enter the last 4 digits of the bank card.</source>
        <translation>请输入银行卡后四位。</translation>
    </message>
    <message>
        <source>The computer&apos;s disk is full, so this was not saved. Everything saved before is safe. Free some space (delete old files, empty the recycle bin), then try again.</source>
        <translation>电脑的磁盘满了，这一笔没有保存。之前保存的都还在。请腾出一些空间（删除不用的文件、清空回收站）后再试一次。</translation>
    </message>
    <message>
        <source>There is no station&apos;s data in {folder}. Check the folder given with --data-dir; a new station is set up by starting the app.</source>
        <translation>{folder} 里没有站点的数据。请核对 --data-dir 给的文件夹；新站点要启动程序来设置。</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到站</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>JD.com</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>items</source>
        <translation>代购物品</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed, refunded</source>
        <translation>失败已退款</translation>
    </message>
    <message>
        <source>Phone top-up</source>
        <translation>话费充值</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水费</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气费</translation>
    </message>
    <message>
        <source>Broadband</source>
        <translation>宽带费</translation>
    </message>
    <message>
        <source>Cable TV</source>
        <translation>有线电视费</translation>
    </message>
    <message>
        <source>Rural medical insurance</source>
        <translation>城乡居民医保</translation>
    </message>
    <message>
        <source>Pension insurance</source>
        <translation>城乡居民养老保险</translation>
    </message>
    <message>
        <source>account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>缴费单位</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>POS cash withdrawal</source>
        <translation>助农取款</translation>
    </message>
    <message>
        <source>Ticket booking</source>
        <translation>代订票</translation>
    </message>
    <message>
        <source>Printing and copying</source>
        <translation>打印复印</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Buy-out (收购, paid now)</source>
        <translation>收购（当场付款）</translation>
    </message>
    <message>
        <source>Consignment (代卖, paid after the sale)</source>
        <translation>代卖（售出后结算）</translation>
    </message>
    <message>
        <source>per jin (斤)</source>
        <translation>每斤</translation>
    </message>
    <message>
        <source>per kg</source>
        <translation>每公斤</translation>
    </message>
    <message>
        <source>Dealer (收购商)</source>
        <translation>收购商</translation>
    </message>
    <message>
        <source>Online shop</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>集市</translation>
    </message>
    <message>
        <source>Cooperative</source>
        <translation>合作社</translation>
    </message>
    <message>
        <source>product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>receiver phone</source>
        <translation>收件人电话</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>item</source>
        <translation>物品</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>receipt-{no}.pdf</source>
        <translation>收据-{no}.pdf</translation>
    </message>
    <message>
        <source>arrivals-{day}.pdf</source>
        <translation>到件清单-{day}.pdf</translation>
    </message>
    <message>
        <source>manifest-{day}-{carrier}.pdf</source>
        <translation>揽收交接单-{day}-{carrier}.pdf</translation>
    </message>
    <message>
        <source>ledger-{month}.{fmt}</source>
        <translation>台账-{month}.{fmt}</translation>
    </message>
    <message>
        <source>bundle-{day}.vsb</source>
        <translation>U盘包-{day}.vsb</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到站时间</translation>
    </message>
    <message>
        <source>Parcels waiting — {station}</source>
        <translation>到件通知 —— {station}</translation>
    </message>
    <message>
        <source>Arrived on {day}. Bring your phone or pickup code.</source>
        <translation>{day} 到件。取件请报手机尾号或取件码。</translation>
    </message>
    <message>
        <source>Total: {n} parcel(s)</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>In (yuan)</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <source>Out (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>In</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Monthly ledger {month}</source>
        <translation>月度台账 {month}</translation>
    </message>
    <message>
        <source>Villagers served: {n}    Entries: {entries}</source>
        <translation>服务村民：{n} 人    分录：{entries} 条</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>取件</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>Parcels by courier {month}</source>
        <translation>快递公司结算统计 {month}</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Produce sold upward {month}</source>
        <translation>农产品上行销售 {month}</translation>
    </message>
    <message>
        <source>Entries: {entries}</source>
        <translation>分录数：{entries}</translation>
    </message>
    <message>
        <source>Ledger entries {month}</source>
        <translation>台账明细 {month}</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Courier hand-over — {carrier}</source>
        <translation>揽收交接单 —— {carrier}</translation>
    </message>
    <message>
        <source>{n} item(s), {weight} in all. Real-name and inspection checked for every item.</source>
        <translation>共 {n} 件，总重 {weight}。每件均已实名核验并验视。</translation>
    </message>
    <message>
        <source>Handed over by: ____________    Courier ({name}): ____________    Time: ____________</source>
        <translation>交件人：____________    快递员（{name}）：____________    时间：____________</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>日结报表</translation>
    </message>
    <message>
        <source>Shelf label</source>
        <translation>货架标签</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>寄件收据</translation>
    </message>
    <message>
        <source>Storage fee receipt</source>
        <translation>保管费收据</translation>
    </message>
    <message>
        <source>Agent purchase receipt</source>
        <translation>代购收据</translation>
    </message>
    <message>
        <source>Produce intake slip</source>
        <translation>农产品收购单</translation>
    </message>
    <message>
        <source>Produce sale receipt</source>
        <translation>农产品销售单</translation>
    </message>
    <message>
        <source>Consignment payout slip</source>
        <translation>代销结算单</translation>
    </message>
    <message>
        <source>Bill payment receipt</source>
        <translation>缴费收据</translation>
    </message>
    <message>
        <source>Service receipt</source>
        <translation>服务收据</translation>
    </message>
    <message>
        <source>Cash drawer slip</source>
        <translation>钱箱存取单</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>No money changed hands</source>
        <translation>本单未收付款</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Scan to check this receipt</source>
        <translation>扫码核验本收据</translation>
    </message>
    <message>
        <source>No. {n}</source>
        <translation>编号 {n}</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>By payment method (in / out)</source>
        <translation>按支付方式（收入 / 支出）</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>毛重</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>皮重</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣杂</translation>
    </message>
    <message>
        <source>Net weight</source>
        <translation>净重</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Consignment commission</source>
        <translation>代卖佣金</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <source>Villager</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>货款</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>缴费单位</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>平台流水号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>jin</source>
        <translation>斤</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <source>{jin} ({kg})</source>
        <translation>{jin}（{kg}）</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Cannot read that file: {error}</source>
        <translation>读不了这个文件：{error}</translation>
    </message>
    <message>
        <source>That file is not a reply from the county center.</source>
        <translation>这个文件不是县中心的回执。</translation>
    </message>
    <message>
        <source>That reply is for another station.</source>
        <translation>这份回执是给别的站点的。</translation>
    </message>
    <message>
        <source>That reply is not from the county center this station joined.</source>
        <translation>这份回执不是本站加入的县中心发的。</translation>
    </message>
    <message>
        <source>Too many wrong codes were tried for this station. Wait {minutes} minutes, or ask the county for a new code.</source>
        <translation>这个站点试错的加入码太多了。请等 {minutes} 分钟再试，或向县中心要一个新的加入码。</translation>
    </message>
    <message>
        <source>That reply does not check out (changed on the way, or not signed by the county center). Nothing was changed.</source>
        <translation>这份回执核对不上（途中被改动，或不是县中心签发的），本站什么都没有改。</translation>
    </message>
    <message>
        <source>This station has not joined a county center yet.</source>
        <translation>本站尚未加入县中心。</translation>
    </message>
    <message>
        <source>Cannot reach the county center right now; it will keep trying by itself.</source>
        <translation>暂时连不上县中心，系统会自动重试。</translation>
    </message>
    <message>
        <source>The county center holds different records for this station. Nothing is lost here; call the county center.</source>
        <translation>县中心保存的本站记录与本机不一致。本机数据没有丢失，请联系县中心。</translation>
    </message>
    <message>
        <source>That code was not issued for this station id. Check both.</source>
        <translation>这个一次性码不是为这个站点编号发放的，请核对两者。</translation>
    </message>
    <message>
        <source>That code has been used already. Ask the county for a new one.</source>
        <translation>这个一次性码已经用过了，请向县中心重新申请。</translation>
    </message>
    <message>
        <source>That code has expired. Ask the county for a new one.</source>
        <translation>这个一次性码已过期，请向县中心重新申请。</translation>
    </message>
    <message>
        <source>The county center has stopped accepting this station&apos;s records.</source>
        <translation>县中心已停止接收本站的记录。</translation>
    </message>
    <message>
        <source>The county center does not know this station id.</source>
        <translation>县中心没有这个站点编号。</translation>
    </message>
    <message>
        <source>The center at that address is not the county center on your card: nothing was sent or kept. Check the center key you typed, or call the county center.</source>
        <translation>这个地址上的中心不是您卡上的县中心：什么都没有发送，也没有保存。请核对输入的县中心密钥指纹，或打电话给县中心。</translation>
    </message>
    <message>
        <source>The center key is 16 characters, digits and the letters A to F, as on the card. Check what you typed.</source>
        <translation>县中心密钥指纹是16位，由数字和字母A到F组成，和卡上印的一样。请核对输入的内容。</translation>
    </message>
    <message>
        <source>The county has issued a newer code for this station since. Use the newest code.</source>
        <translation>县中心之后又给这个站点发了新的加入码。请使用最新的加入码。</translation>
    </message>
    <message>
        <source>What answers at that address is not a county center. Check the address.</source>
        <translation>这个地址上应答的不是县中心。请核对地址。</translation>
    </message>
    <message>
        <source>There is no county center at that address. Check the address.</source>
        <translation>这个地址不是县中心。请核对县中心地址。</translation>
    </message>
    <message>
        <source>The county center did not accept it (answer {status}). Check what you typed, or call the county center.</source>
        <translation>县中心没有接受（应答 {status}）。请核对填写的内容，或联系县中心。</translation>
    </message>
    <message>
        <source>Not joined to a county center</source>
        <translation>未加入县中心</translation>
    </message>
    <message>
        <source>Sync problem: call the county center</source>
        <translation>同步出现问题：请联系县中心</translation>
    </message>
    <message>
        <source>Offline since {when} · {n} to upload</source>
        <translation>自 {when} 起离线 · {n} 条待上传</translation>
    </message>
    <message>
        <source>{n} records to upload</source>
        <translation>{n} 条待上传</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>已同步 {when}</translation>
    </message>
</context>
<context>
    <name>web</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>The log does not hold from entry {seq} on: it was changed outside this workspace. Tell the center&apos;s administrator.</source>
        <translation>日志从第 {seq} 条起对不上：有人在工作台之外改动过。请告知中心管理员。</translation>
    </message>
    <message>
        <source>All {n} entries check out: none was changed or removed.</source>
        <translation>全部 {n} 条记录核对无误：没有被改动或删除。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Older entries</source>
        <translation>更早的记录</translation>
    </message>
    <message>
        <source>County e-commerce center workspace</source>
        <translation>县级电商公共服务中心工作台</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>问题标记</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看员</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The whole next version: what it says is what the stations get. Sections: carriers, overdue, bill_providers, produce, announcements. Money in fen (whole numbers).</source>
        <translation>完整的下一版本：这里写什么，站点就收到什么。各部分：carriers（快递公司）、overdue（滞留）、bill_providers（缴费单位）、produce（农产品）、announcements（通知）。金额以分为单位（整数）。</translation>
    </message>
    <message>
        <source>What would change</source>
        <translation>将要改动的内容</translation>
    </message>
    <message>
        <source>These sections would be removed, and the stations would go back to their built-in rules for them: {sections}.</source>
        <translation>以下部分将被删除，站点的这些部分将改回内置规则：{sections}。</translation>
    </message>
    <message>
        <source>Sign and publish this version</source>
        <translation>签名并发布这个版本</translation>
    </message>
    <message>
        <source>Back, without publishing</source>
        <translation>返回，不发布</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法办理</translation>
    </message>
    <message>
        <source>There is no station {station} at this center.</source>
        <translation>本中心没有站点 {station}。</translation>
    </message>
    <message>
        <source>{month} is not a month: write it as 2026-11.</source>
        <translation>{month} 不是月份：请写成 2026-11 这样。</translation>
    </message>
    <message>
        <source>That kind of file is not offered: choose PDF, XLSX, CSV or JSON.</source>
        <translation>不提供这种文件：请选 PDF、XLSX、CSV 或 JSON。</translation>
    </message>
    <message>
        <source>This form has expired or did not come from this workspace. Open the page again and repeat.</source>
        <translation>这个表单已过期，或不是从本工作台提交的。请重新打开页面再做一次。</translation>
    </message>
    <message>
        <source>Only an administrator can do this.</source>
        <translation>只有管理员可以这样做。</translation>
    </message>
    <message>
        <source>There is no such page.</source>
        <translation>没有这个页面。</translation>
    </message>
    <message>
        <source>The request could not be carried out.</source>
        <translation>这个请求无法办理。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>什么都没有改动。</translation>
    </message>
    <message>
        <source>Back to the stations</source>
        <translation>返回站点列表</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>记录冲突</translation>
    </message>
    <message>
        <source>The station sent a record that differs from the one the center holds under the same number. Its uploads stop there. Call the keeper: the station&apos;s data folder may have been restored from an old backup or copied to another PC. Do not re-key the station before you know which records are right.</source>
        <translation>站点发来的记录与中心同一编号下保存的不一样，它的上传就停在这里。请联系站长：站点的数据文件夹可能用旧备份恢复过，或被复制到了另一台电脑。在弄清哪份记录正确之前，不要给站点换密钥。</translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>The center stored a record it could not count (an unknown category, an impossible date, an amount out of bounds). It is kept, and left out of ledgers and reports. If many come from one station, its app may be newer than the center: upgrade the center, or ask the station what it was doing then.</source>
        <translation>中心保存了一条无法计入的记录（未知的类别、不存在的日期、超出范围的金额）。记录已保留，但不计入台账和报表。如果同一站点有很多条，可能是站点程序比中心新：请升级中心，或询问站点当时在做什么。</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>County rules</source>
        <translation>县级规则</translation>
    </message>
    <message>
        <source>Add a station</source>
        <translation>新增站点</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <source>Enrollment card</source>
        <translation>站点加入卡</translation>
    </message>
    <message>
        <source>Print this card and give it to the keeper. The one-time code is shown only now; it works once, for 7 days, and any older code of this station is void.</source>
        <translation>请打印这张卡交给站长。一次性加入码只在此时显示；只能用一次，7 天内有效，这个站点以前的加入码都已作废。</translation>
    </message>
    <message>
        <source>The address on this card, {url}, works only on this computer: a station cannot reach it. Open the workspace by the center&apos;s address on the county network (or start the center with COUNTY_CENTER_URL set to it), then issue a new code.</source>
        <translation>这张卡上的地址 {url} 只在本机有效，站点连不上。请用县中心在局域网上的地址打开工作台（或启动中心时把 COUNTY_CENTER_URL 设为这个地址），再发放新的加入码。</translation>
    </message>
    <message>
        <source>QR code to scan at the station</source>
        <translation>在站点扫描的二维码</translation>
    </message>
    <message>
        <source>Station id</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>一次性加入码</translation>
    </message>
    <message>
        <source>County center</source>
        <translation>县中心地址</translation>
    </message>
    <message>
        <source>Center key</source>
        <translation>县中心密钥指纹</translation>
    </message>
    <message>
        <source>At the station: 同步 (Ctrl+B) › 加入县中心…, then scan the QR code, or type the four lines above.</source>
        <translation>在站点：同步（Ctrl+B）› 加入县中心…，然后扫描二维码，或照着上面四行输入。</translation>
    </message>
    <message>
        <source>Print with the browser (Ctrl+P).</source>
        <translation>用浏览器打印（Ctrl+P）。</translation>
    </message>
    <message>
        <source>The rules every station applies: couriers, overdue storage fees, bill providers, the produce catalogue, announcements. A station takes a new version at its next sync.</source>
        <translation>每个站点都执行的规则：快递公司、滞留保管费、缴费单位、农产品目录、通知。站点在下次同步时采用新版本。</translation>
    </message>
    <message>
        <source>Edit the next version</source>
        <translation>编辑下一版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Stations running it</source>
        <translation>执行该版本的站点</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改动了什么</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置规则</translation>
    </message>
    <message>
        <source>From v{a} to v{b}</source>
        <translation>从 v{a} 到 v{b}</translation>
    </message>
    <message>
        <source>No difference.</source>
        <translation>没有差别。</translation>
    </message>
    <message>
        <source>In force: v{v}</source>
        <translation>现行版本：v{v}</translation>
    </message>
    <message>
        <source>Not published: {detail}</source>
        <translation>没有发布：{detail}</translation>
    </message>
    <message>
        <source>Nothing is published yet: the next page shows what would change, and asks.</source>
        <translation>现在还不会发布：下一页会显示将要改动的内容，并请您确认。</translation>
    </message>
    <message>
        <source>Quick change to the rules in force</source>
        <translation>在现行规则上快速修改</translation>
    </message>
    <message>
        <source>Overdue parcels</source>
        <translation>滞留包裹</translation>
    </message>
    <message>
        <source>Free days</source>
        <translation>免费保管天数</translation>
    </message>
    <message>
        <source>Fee per day after them (yuan)</source>
        <translation>超期后每天收费（元）</translation>
    </message>
    <message>
        <source>A new announcement</source>
        <translation>新的通知</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>See what would change</source>
        <translation>查看将要改动的内容</translation>
    </message>
    <message>
        <source>Everything, as JSON</source>
        <translation>全部内容（JSON）</translation>
    </message>
    <message>
        <source>Station {station} is revoked: it gets no new code.</source>
        <translation>站点 {station} 已停用，不再发放加入码。</translation>
    </message>
    <message>
        <source>This station has joined already. A new code is for a new PC: tick the box that says so.</source>
        <translation>这个站点已经加入。新的加入码只用于换了新电脑：请勾选说明这一点的方框。</translation>
    </message>
    <message>
        <source>Say why the station is revoked: the reason goes into the audit log.</source>
        <translation>请写明停用站点的原因：原因会记入审计日志。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>There is no such account or session.</source>
        <translation>没有这个账号或会话。</translation>
    </message>
    <message>
        <source>Something in the address is not what this page takes.</source>
        <translation>地址里有本页面不接受的内容。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>No flags: every record the center holds could be counted.</source>
        <translation>没有问题标记：中心保存的每条记录都已计入。</translation>
    </message>
    <message>
        <source>Monthly ledger {month}</source>
        <translation>{month} 月度台账</translation>
    </message>
    <message>
        <source>Accounts are made by the center&apos;s administrator.</source>
        <translation>账号由中心管理员开设。</translation>
    </message>
    <message>
        <source>The station is revoked: the center takes nothing more from it.</source>
        <translation>站点已停用：中心不再接收它的记录。</translation>
    </message>
    <message>
        <source>Township saved.</source>
        <translation>乡镇已保存。</translation>
    </message>
    <message>
        <source>Revoked on {when} by {who}: {reason}</source>
        <translation>{when} 由 {who} 停用：{reason}</translation>
    </message>
    <message>
        <source>No contact for {n} days. Call the keeper: is the PC on, the app open, the network up? Records kept at the station are safe and go up at the next contact.</source>
        <translation>已 {n} 天没有联络。请打电话问站长：电脑开着吗？程序打开了吗？网络通吗？站点保存的记录不会丢，下次联络时会上传。</translation>
    </message>
    <message>
        <source>Open {open} days; reached the center on {heard} of {elapsed} days so far (online rate {rate}).</source>
        <translation>开门 {open} 天；到目前 {elapsed} 天中有 {heard} 天联络中心（上线率 {rate}）。</translation>
    </message>
    <message>
        <source>This month has not begun.</source>
        <translation>这个月还没有开始。</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>The station has no records for this month.</source>
        <translation>这个站点这个月没有记录。</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>下载：</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>In</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Entries ({n})</source>
        <translation>明细（{n} 笔）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No entries this month.</source>
        <translation>本月没有明细。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in {minutes} minutes.</source>
        <translation>登录失败次数过多，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>The user name or the password is not right.</source>
        <translation>用户名或密码不对。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>The county&apos;s list of administrative villages has not been imported yet (county-center import-villages FILE.csv, a township and a village on each line).</source>
        <translation>县里的行政村名单还没有导入（county-center import-villages 文件.csv，每行一个乡镇和一个行政村）。</translation>
    </message>
    <message>
        <source>{covered} of the county&apos;s {villages} administrative villages have an active station: {rate}.</source>
        <translation>全县 {villages} 个行政村中有 {covered} 个设有在用站点：覆盖率 {rate}。</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>行政村</translation>
    </message>
    <message>
        <source>With a station</source>
        <translation>有站点</translation>
    </message>
    <message>
        <source>Villages without one</source>
        <translation>没有站点的行政村</translation>
    </message>
    <message>
        <source>Active stations whose village is not on the list</source>
        <translation>所在村不在名单上的在用站点</translation>
    </message>
    <message>
        <source>Correct the station&apos;s township or village, or the list.</source>
        <translation>请更正站点的乡镇或村名，或更正名单。</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>加入状态</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>已加入</translation>
    </message>
    <message>
        <source>Not joined yet: a one-time code is waiting to be used</source>
        <translation>尚未加入：一次性加入码等待使用</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联络</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>In contact</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Not joined yet</source>
        <translation>未加入</translation>
    </message>
    <message>
        <source>last heard {when}</source>
        <translation>最近联络 {when}</translation>
    </message>
    <message>
        <source>never heard from</source>
        <translation>从未联络</translation>
    </message>
    <message>
        <source>Records held</source>
        <translation>中心已收记录</translation>
    </message>
    <message>
        <source>({n} more at the station, not sent yet)</source>
        <translation>（站点还有 {n} 条尚未上传）</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>version {v}</source>
        <translation>版本 {v}</translation>
    </message>
    <message>
        <source>Days in contact (last {n} days)</source>
        <translation>联络过的日子（最近 {n} 天）</translation>
    </message>
    <message>
        <source>{n} of the last {total} days.</source>
        <translation>最近 {total} 天中有 {n} 天。</translation>
    </message>
    <message>
        <source>Attendance {month}</source>
        <translation>{month} 考勤</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开门</translation>
    </message>
    <message>
        <source>reached the center</source>
        <translation>联络了中心</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Other months:</source>
        <translation>其他月份：</translation>
    </message>
    <message>
        <source>Monthly ledgers</source>
        <translation>月度台账</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>No records from this station yet.</source>
        <translation>这个站点还没有记录。</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>The station&apos;s PC was replaced: drop its key and issue a new code</source>
        <translation>站点换了新电脑：作废原密钥并发放新的加入码</translation>
    </message>
    <message>
        <source>A new code voids the one issued before.</source>
        <translation>发放新加入码后，之前的加入码作废。</translation>
    </message>
    <message>
        <source>Issue a new code and print the card</source>
        <translation>发放新加入码并打印加入卡</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>停用原因</translation>
    </message>
    <message>
        <source>Revoke this station</source>
        <translation>停用这个站点</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>A station needs a name, and an id of 1 to 40 letters, digits, dots, dashes or underscores (as 610102-001).</source>
        <translation>站点需要名称，编号为 1 到 40 个字母、数字、点、横线或下划线（如 610102-001）。</translation>
    </message>
    <message>
        <source>There is a station {station} already: open it to give it a new code.</source>
        <translation>已有站点 {station}：请打开它来发放新的加入码。</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开它</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Add, and print its enrollment card</source>
        <translation>新增并打印加入卡</translation>
    </message>
    <message>
        <source>{all} stations: {ok} in contact, {amber} late, {red} silent, {pending} not joined yet, {revoked} revoked.</source>
        <translation>共 {all} 个站点：正常 {ok} 个，迟报 {amber} 个，失联 {red} 个，未加入 {pending} 个，已停用 {revoked} 个。</translation>
    </message>
    <message>
        <source>Late: no contact for {amber} days or more; silent: {red} days or more.</source>
        <translation>迟报：{amber} 天及以上没有联络；失联：{red} 天及以上。</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>name, village or station id</source>
        <translation>站名、村名或站点编号</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>最近联络</translation>
    </message>
    <message>
        <source>Still to send</source>
        <translation>站点待传</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>No station matches.</source>
        <translation>没有符合条件的站点。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>开设账号</translation>
    </message>
    <message>
        <source>A password needs at least 10 characters.</source>
        <translation>密码至少要 10 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <source>There is an account {name} already.</source>
        <translation>已有账号 {name}。</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 characters: a-z first, then a-z, 0-9, dot, dash or underscore; the role is administrator or viewer.</source>
        <translation>用户名为 2 到 40 个字符：以 a-z 开头，其后为 a-z、0-9、点、横线或下划线；角色为管理员或查看员。</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation>开设账号</translation>
    </message>
    <message>
        <source>Signed in now</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>this browser</source>
        <translation>本浏览器</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <source>Ledger downloaded</source>
        <translation>下载台账</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>开设账号</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Session ended by an administrator</source>
        <translation>管理员结束会话</translation>
    </message>
    <message>
        <source>Station added</source>
        <translation>新增站点</translation>
    </message>
    <message>
        <source>New one-time code issued</source>
        <translation>发放新的加入码</translation>
    </message>
    <message>
        <source>Station revoked</source>
        <translation>停用站点</translation>
    </message>
    <message>
        <source>Station&apos;s key dropped (a new PC)</source>
        <translation>作废站点密钥（换新电脑）</translation>
    </message>
    <message>
        <source>Township changed</source>
        <translation>修改乡镇</translation>
    </message>
    <message>
        <source>Configuration published</source>
        <translation>发布配置</translation>
    </message>
    <message>
        <source>Village list imported</source>
        <translation>导入行政村名单</translation>
    </message>
    <message>
        <source>Nothing would change: the rules are the same as the version in force.</source>
        <translation>没有任何改动：与现行版本的规则相同。</translation>
    </message>
</context>
</TS>
