<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Duration</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Suanli: rent and lend GPUs.</source>
        <translation>算力：租用和出借 GPU。</translation>
    </message>
    <message>
        <source>Run a market and a host agent in this app (local mode).</source>
        <translation>在本应用内运行市场和主机代理（本机模式）。</translation>
    </message>
    <message>
        <source>Connect to the market at URL.</source>
        <translation>连接到 URL 处的市场。</translation>
    </message>
    <message>
        <source>Start in the tray (contributor mode).</source>
        <translation>在托盘中启动（贡献者模式）。</translation>
    </message>
    <message>
        <source>Start without showing the window.</source>
        <translation>启动时不显示窗口。</translation>
    </message>
</context>
<context>
    <name>suanli::access::InstanceAccess</name>
    <message>
        <source>The instance has no SSH address yet.</source>
        <translation>实例还没有 SSH 地址。</translation>
    </message>
    <message>
        <source>Jupyter was not enabled when this instance was created.</source>
        <translation>创建此实例时未启用 Jupyter。</translation>
    </message>
    <message>
        <source>The instance is not running.</source>
        <translation>实例未在运行。</translation>
    </message>
</context>
<context>
    <name>suanli::access::PortForwardModel</name>
    <message>
        <source>Open http://127.0.0.1:%1 on this computer to reach port %2 of the instance.</source>
        <translation>在本机打开 http://127.0.0.1:%1 即可访问实例的 %2 端口。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) refused by the instance: nothing listens on port %1 there.</source>
        <translation>
            <numerusform>实例拒绝了 %n 个连接：其 %1 端口上没有程序在监听。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 total)</source>
        <extracomment>active connections, then all connections since the forward was added</extracomment>
        <translation>%1（共 %2）</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本机端口</translation>
    </message>
    <message>
        <source>Instance port</source>
        <translation>实例端口</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>No instance is selected.</source>
        <translation>未选择实例。</translation>
    </message>
</context>
<context>
    <name>suanli::access::TerminalLauncher</name>
    <message>
        <source>No terminal program was found. Copy the SSH command and run it in a terminal of your choice.</source>
        <translation>未找到终端程序。请复制 SSH 命令，在您选用的终端中运行。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>无法启动 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::app::BillingController</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>suanli::app::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>没有为 %1 保存密钥。</translation>
    </message>
</context>
<context>
    <name>suanli::app::InstanceListModel</name>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>Destroying</source>
        <translation>销毁中</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>you asked</source>
        <translation>您的请求</translation>
    </message>
    <message>
        <source>balance used up</source>
        <translation>余额用尽</translation>
    </message>
    <message>
        <source>the host stopped answering</source>
        <translation>主机无响应</translation>
    </message>
    <message>
        <source>kept stopped too long</source>
        <translation>停止时间过长</translation>
    </message>
    <message>
        <source>spending limit reached</source>
        <translation>达到消费上限</translation>
    </message>
    <message>
        <source>time limit reached</source>
        <translation>达到时长上限</translation>
    </message>
    <message>
        <source>the owner needs the machine</source>
        <translation>机主需要使用机器</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/小时</translation>
    </message>
    <message>
        <source>data deleted in %1 (%2/day)</source>
        <translation>%1 后删除数据（%2/天）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>已花费</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Data kept</source>
        <translation>数据保留</translation>
    </message>
</context>
<context>
    <name>suanli::app::KeychainSecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>没有为 %1 保存密钥。</translation>
    </message>
</context>
<context>
    <name>suanli::app::LedgerModel</name>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <source>GPU time</source>
        <translation>GPU 时长</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Platform fee</source>
        <translation>平台费</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>余额</translation>
    </message>
</context>
<context>
    <name>suanli::app::LocalHost</name>
    <message>
        <source>This build has no host agent engine, so this computer is not lent; the catalog shows other hosts of this market.</source>
        <translation>此版本不含主机代理引擎，因此不会出借本机；目录中显示的是本市场的其他主机。</translation>
    </message>
    <message>
        <source>Not lending this computer.</source>
        <translation>未出借本机。</translation>
    </message>
    <message>
        <source>Registering this computer with the local market…</source>
        <translation>正在向本机市场注册本机…</translation>
    </message>
    <message>
        <source>Cannot register this computer: %1</source>
        <translation>无法注册本机：%1</translation>
    </message>
    <message>
        <source>Starting the host agent…</source>
        <translation>正在启动主机代理…</translation>
    </message>
    <message>
        <source>This computer is not lent: %1 in %2</source>
        <translation>本机未出租：%2 中 %1</translation>
    </message>
    <message>
        <source>Starting the host agent (checking Podman)…</source>
        <translation>正在启动主机代理（检查 Podman）…</translation>
    </message>
    <message>
        <source>The host agent is connecting to the local market…</source>
        <translation>主机代理正在连接本地市场…</translation>
    </message>
    <message>
        <source>Lending this computer: CPU only (no GPU found).</source>
        <translation>正在出租本机：仅 CPU（未发现 GPU）。</translation>
    </message>
    <message numerus="yes">
        <source>Lending this computer: %n GPU(s).</source>
        <translation>
            <numerusform>正在出租本机：%n 块 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer is not lent: %1</source>
        <translation>本机未出租：%1</translation>
    </message>
    <message>
        <source>the host agent stopped.</source>
        <translation>主机代理已停止。</translation>
    </message>
    <message>
        <source>This computer could not be listed: %1</source>
        <translation>无法上架本机：%1</translation>
    </message>
</context>
<context>
    <name>suanli::app::LocalMarket</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::app::MarketClient</name>
    <message>
        <source>The market did not answer in time.</source>
        <translation>市场未及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the market: %1</source>
        <translation>无法连接市场：%1</translation>
    </message>
</context>
<context>
    <name>suanli::app::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>没有为 %1 保存密钥。</translation>
    </message>
</context>
<context>
    <name>suanli::app::OfferTableModel</name>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n 核</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Unknown GPU model: no figure rather than a guess</source>
        <translation>未知 GPU 型号：宁缺毋猜</translation>
    </message>
    <message>
        <source>Peak FP16 TFLOPS per %1 per hour of the whole offer</source>
        <translation>整个报价每 %1/小时 可得的 FP16 峰值 TFLOPS</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPUs free</source>
        <translation>空闲 GPU</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>硬盘</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>TFLOPS</source>
        <translation>TFLOPS</translation>
    </message>
    <message>
        <source>A CPU-only machine, rented whole</source>
        <translation>仅 CPU 的机器，整机出租</translation>
    </message>
    <message>
        <source>Price
per GPU·h</source>
        <translation>价格/卡·时</translation>
    </message>
    <message>
        <source>Storage
per GB·mo</source>
        <translation>存储/GB·月</translation>
    </message>
    <message>
        <source>TFLOPS
per %1</source>
        <translation>每 %1 TFLOPS</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AccessPanel</name>
    <message>
        <source>Open terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <source>Open in VS Code</source>
        <translation>在 VS Code 中打开</translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation>复制 SSH 命令</translation>
    </message>
    <message>
        <source>Open Jupyter</source>
        <translation>打开 Jupyter</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Add forward</source>
        <translation>添加转发</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Get in</source>
        <translation>连接实例</translation>
    </message>
    <message>
        <source>Open Jupyter to get its address</source>
        <translation>打开 Jupyter 后显示其地址</translation>
    </message>
    <message>
        <source>Jupyter:</source>
        <translation>Jupyter：</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>The port a program listens on inside the instance (6006: TensorBoard, 8888: Jupyter)</source>
        <translation>实例内程序监听的端口（6006：TensorBoard，8888：Jupyter）</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>任意空闲</translation>
    </message>
    <message>
        <source>The port on this computer (127.0.0.1)</source>
        <translation>本机上的端口（127.0.0.1）</translation>
    </message>
    <message>
        <source>Instance port</source>
        <translation>实例端口</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本机端口</translation>
    </message>
    <message>
        <source>Cannot open VS Code. Install it with the Remote - SSH extension, or copy the SSH command.</source>
        <translation>无法打开 VS Code。请安装 VS Code 及 Remote - SSH 扩展，或复制 SSH 命令。</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Jupyter address copied.</source>
        <translation>已复制 Jupyter 地址。</translation>
    </message>
    <message>
        <source>Cannot write the SSH configuration: %1</source>
        <translation>无法写入 SSH 配置：%1</translation>
    </message>
    <message>
        <source>Line %1 of ~/.ssh/config (%2) comes before Suanli&apos;s and overrides it for this instance; move it below the Include line.</source>
        <translation>~/.ssh/config 第 %1 行（%2）位于 Suanli 的配置之前，会覆盖此实例的设置；请把它移到 Include 行之后。</translation>
    </message>
    <message>
        <source>Jupyter was not enabled when this instance was launched.</source>
        <translation>启动此实例时未启用 Jupyter。</translation>
    </message>
    <message>
        <source>In any terminal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>在任意终端中运行：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Writing the SSH configuration…</source>
        <translation>正在写入 SSH 配置…</translation>
    </message>
    <message>
        <source>A terminal opens with %1.</source>
        <translation>正在打开终端并运行 %1。</translation>
    </message>
    <message>
        <source>Jupyter opens in your browser through an SSH tunnel; the address above works while Suanli runs.</source>
        <translation>Jupyter 将通过 SSH 隧道在浏览器中打开；Suanli 运行期间上面的地址均可使用。</translation>
    </message>
    <message>
        <source>Port %1 on this computer is in use: choose another local port, or leave it at &quot;any free&quot;.</source>
        <translation>本机端口 %1 已被占用：请换一个本机端口，或保留为“任意空闲”。</translation>
    </message>
    <message>
        <source>127.0.0.1:%1 on this computer now reaches port %2 of the instance.</source>
        <translation>本机 127.0.0.1:%1 现已连到实例的 %2 端口。</translation>
    </message>
    <message>
        <source>Tunnels: none open. The SSH connection starts with the first forward.</source>
        <translation>隧道：未开启。添加第一个转发时建立 SSH 连接。</translation>
    </message>
    <message>
        <source>Tunnels: connecting…</source>
        <translation>隧道：正在连接…</translation>
    </message>
    <message>
        <source>Tunnels: connected.</source>
        <translation>隧道：已连接。</translation>
    </message>
    <message>
        <source>Tunnels: connection lost, reconnecting…</source>
        <translation>隧道：连接中断，正在重连…</translation>
    </message>
    <message>
        <source>Tunnels: stopped after an error that retrying cannot fix.</source>
        <translation>隧道：出现重试也无法解决的错误，已停止。</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>安全警告</translation>
    </message>
    <message>
        <source>The instance&apos;s SSH server did not prove it is the instance you rented. Suanli refused the connection.</source>
        <translation>实例的 SSH 服务器未能证明它就是您租用的实例。Suanli 已拒绝连接。</translation>
    </message>
    <message>
        <source>The host key it presented differs from the one the market recorded when the instance started, so someone may be intercepting the connection. Nothing was sent. Do not connect to this instance by other means; destroy it and launch a new one.</source>
        <translation>它出示的主机密钥与实例启动时市场记录的不同，可能有人在拦截连接。未发送任何数据。请勿通过其他方式连接此实例；请销毁它并启动新实例。</translation>
    </message>
    <message>
        <source>Connection refused: the host key does not match the pinned one.</source>
        <translation>已拒绝连接：主机密钥与固定的密钥不符。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::BillingView</name>
    <message>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>代金券码</translation>
    </message>
    <message>
        <source>Redeeming…</source>
        <translation>正在兑换…</translation>
    </message>
    <message>
        <source>Voucher redeemed. Your balance is now %1.</source>
        <translation>代金券已兑换，当前余额 %1。</translation>
    </message>
    <message>
        <source>No voucher has this code. Check it and try again.</source>
        <translation>没有这个代金券码，请检查后重试。</translation>
    </message>
    <message>
        <source>This voucher was already redeemed.</source>
        <translation>该代金券已被兑换。</translation>
    </message>
    <message>
        <source>Cannot redeem the voucher: %1</source>
        <translation>无法兑换代金券：%1</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出账单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Ledger saved to %1.</source>
        <translation>账单已保存到 %1。</translation>
    </message>
    <message>
        <source>Cannot export the ledger: %1</source>
        <translation>无法导出账单：%1</translation>
    </message>
    <message>
        <source>Cannot load the ledger: %1</source>
        <translation>无法加载账单：%1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>suanli::ui::CatalogFilterBar</name>
    <message>
        <source>Verified only</source>
        <translation>仅已验证</translation>
    </message>
    <message>
        <source>Query, e.g. gpu=RTX_4090 gpus&gt;=2 vram_gb&gt;=24 price&lt;2.5 reliability&gt;0.95</source>
        <translation>查询，例如 gpu=RTX_4090 gpus&gt;=2 vram_gb&gt;=24 price&lt;2.5 reliability&gt;0.95</translation>
    </message>
    <message>
        <source>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</source>
        <translation>以空格分隔的条件：字段 运算符 值。运算符：= != &lt; &lt;= &gt; &gt;= in notin。列表：[a,b]。用 _ 代替空格。字段：gpu、gpus、vram_gb、ram_gb、price、reliability、region、verified、interruptible、cpu_cores、disk_free_gb、perf_tflops 等。</translation>
    </message>
    <message>
        <source>GPUs ≥</source>
        <translation>GPU ≥</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>VRAM ≥</source>
        <translation>显存 ≥</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>所有地区</translation>
    </message>
    <message>
        <source>Interruptible or not</source>
        <translation>可中断与否均可</translation>
    </message>
    <message>
        <source>Interruptible only</source>
        <translation>仅可中断</translation>
    </message>
    <message>
        <source>Not interruptible</source>
        <translation>不可中断</translation>
    </message>
    <message>
        <source>Max %1/GPU·h</source>
        <translation>最高 %1/卡·时</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>All GPU models</source>
        <translation>所有 GPU 型号</translation>
    </message>
    <message numerus="yes">
        <source>%n GPU model(s)</source>
        <translation>
            <numerusform>%n 种 GPU 型号</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1: %2  —  %3▸%4</source>
        <translation>第 %1 列：%2  —  %3▸%4</translation>
    </message>
</context>
<context>
    <name>suanli::ui::CatalogView</name>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n 个报价</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n offer(s) match</source>
        <translation>
            <numerusform>%n 个报价中 %1 个符合</numerusform>
        </translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>未能更新：%1</translation>
    </message>
    <message>
        <source>Loading offers…</source>
        <translation>正在加载报价…</translation>
    </message>
    <message>
        <source>Cannot load offers</source>
        <translation>无法加载报价</translation>
    </message>
    <message>
        <source>%1
Check the market address in Settings, or try again.</source>
        <translation>%1
请在设置中检查市场地址，或重试。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No offers yet</source>
        <translation>暂无报价</translation>
    </message>
    <message>
        <source>No host lists a machine on this market right now. Offers appear here as soon as one does.</source>
        <translation>目前本市场没有主机上架机器。一旦有主机上架，报价会立即出现在这里。</translation>
    </message>
    <message>
        <source>No offer matches</source>
        <translation>没有符合的报价</translation>
    </message>
    <message>
        <source>No offer meets the query and filters. Loosen a filter or clear the query.</source>
        <translation>没有报价满足查询和筛选条件。请放宽筛选条件或清除查询。</translation>
    </message>
    <message>
        <source>Clear the query</source>
        <translation>清除查询</translation>
    </message>
</context>
<context>
    <name>suanli::ui::FirstRunDialog</name>
    <message>
        <source>Try on this computer</source>
        <translation>在本机试用</translation>
    </message>
    <message>
        <source>Runs a market and lends this machine, all in this app, with a starting voucher. Nothing else to set up.</source>
        <translation>在本应用内运行一个市场并出借本机，附赠启动代金券，无需其他设置。</translation>
    </message>
    <message>
        <source>Connect to a market</source>
        <translation>连接到市场</translation>
    </message>
    <message>
        <source>Use a market your school, lab or provider runs: you need its address and your token.</source>
        <translation>使用学校、实验室或服务商运营的市场：需要市场地址和您的令牌。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Welcome to Suanli</source>
        <translation>欢迎使用算力</translation>
    </message>
    <message>
        <source>Rent GPUs by the second. How do you want to start?</source>
        <translation>按秒租用 GPU。您想如何开始？</translation>
    </message>
    <message>
        <source>Market address</source>
        <translation>市场地址</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Enter the market&apos;s address, e.g. https://market.example.edu.</source>
        <translation>请输入市场地址，例如 https://market.example.edu。</translation>
    </message>
    <message>
        <source>A renter&apos;s token starts with sk_. Ask the market&apos;s operator for one.</source>
        <translation>租用者令牌以 sk_ 开头，请向市场运营方索取。</translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation>正在向 %1 验证令牌…</translation>
    </message>
    <message>
        <source>The market does not accept this token.</source>
        <translation>市场不接受此令牌。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>已登录为 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::InstancesView</name>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>停止…</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>销毁…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>Cannot stop the instance</source>
        <translation>无法停止实例</translation>
    </message>
    <message>
        <source>Cannot start the instance</source>
        <translation>无法启动实例</translation>
    </message>
    <message>
        <source>Cannot destroy the instance</source>
        <translation>无法销毁实例</translation>
    </message>
    <message>
        <source>Loading instances…</source>
        <translation>正在加载实例…</translation>
    </message>
    <message>
        <source>Cannot load instances</source>
        <translation>无法加载实例</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No instances</source>
        <translation>暂无实例</translation>
    </message>
    <message>
        <source>Rent a GPU in the Catalog: pick an offer and press Rent. It appears here at once and starts in a minute or two.</source>
        <translation>在目录中租用 GPU：选择一个报价并点击“租用”。实例会立即出现在这里，一两分钟内启动。</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>镜像：%1</translation>
    </message>
    <message>
        <source>Disk: %1 GB</source>
        <translation>硬盘：%1 GB</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建于：%1</translation>
    </message>
    <message>
        <source>SSH: ssh -p %1 %2@%3</source>
        <translation>SSH：ssh -p %1 %2@%3</translation>
    </message>
    <message>
        <source>Stops at %1 spent</source>
        <translation>花费达 %1 时停止</translation>
    </message>
    <message>
        <source>Stop %1?</source>
        <translation>停止 %1？</translation>
    </message>
    <message>
        <source>Stop %1? Its data on /workspace is kept.</source>
        <translation>停止 %1？/workspace 中的数据会保留。</translation>
    </message>
    <message>
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after 15 days (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>GPU 停止计费，GPU 归还给主机。停止期间，%1 GB 硬盘每天收费 %2。停止的实例 15 天后连同数据一起删除（列表中显示倒计时）。再次启动需要同一主机上有空闲 GPU。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Destroy %1?</source>
        <translation>销毁 %1？</translation>
    </message>
    <message>
        <source>Destroy %1 and delete its data?</source>
        <translation>销毁 %1 并删除其数据？</translation>
    </message>
    <message>
        <source>Everything on its disk, /workspace included, is deleted and cannot be recovered. Billing stops; what was spent so far (%1) stays charged.</source>
        <translation>硬盘上的所有内容（包括 /workspace）都会被删除且无法恢复。计费停止；已花费的 %1 不予退还。</translation>
    </message>
    <message>
        <source>Destroy and delete data</source>
        <translation>销毁并删除数据</translation>
    </message>
    <message>
        <source>GPUs are taken</source>
        <translation>GPU 已被占用</translation>
    </message>
    <message>
        <source>The host&apos;s GPUs are rented by someone else right now.</source>
        <translation>该主机的 GPU 目前已被他人租用。</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Try again later, or launch a new instance on a matching offer (the data does not move with it).</source>
        <translation>您的数据保留在已停止的实例上。请稍后重试，或在匹配的报价上创建新实例（数据不会随之迁移）。</translation>
    </message>
    <message>
        <source>Retry in 5 minutes</source>
        <translation>5 分钟后重试</translation>
    </message>
    <message>
        <source>Find a matching offer</source>
        <translation>查找匹配的报价</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LaunchDialog</name>
    <message>
        <source>Start Jupyter (reached through an SSH tunnel)</source>
        <translation>启动 Jupyter（通过 SSH 隧道访问）</translation>
    </message>
    <message>
        <source>Rent a CPU machine on %1</source>
        <translation>租用 %1 上的 CPU 机器</translation>
    </message>
    <message>
        <source>Rent %1 on %2</source>
        <translation>租用 %2 上的 %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>whole machine</source>
        <translation>整机</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>硬盘</translation>
    </message>
    <message>
        <source>e.g. llama-finetune (letters, digits, - and _)</source>
        <translation>例如 llama-finetune（字母、数字、- 和 _）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>KEY=value, one per line</source>
        <translation>KEY=value，每行一个</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Shell commands run at each start, e.g. pip install -r requirements.txt</source>
        <translation>每次启动时运行的 Shell 命令，例如 pip install -r requirements.txt</translation>
    </message>
    <message>
        <source>On start</source>
        <translation>启动脚本</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Stop when spent (%1)</source>
        <translation>花费上限（%1）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>运行时长上限</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>正在加载镜像…</translation>
    </message>
    <message>
        <source>Cannot load images: %1</source>
        <translation>无法加载镜像：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No host of this market offers an image yet.</source>
        <translation>本市场还没有主机提供镜像。</translation>
    </message>
    <message>
        <source>Environment line %1 is not KEY=value.</source>
        <translation>环境变量第 %1 行不是 KEY=value 格式。</translation>
    </message>
    <message>
        <source>Choose an image.</source>
        <translation>请选择镜像。</translation>
    </message>
    <message>
        <source>Machine: &lt;b&gt;%1/h&lt;/b&gt;</source>
        <translation>整机：&lt;b&gt;%1/小时&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 GPU × %2/h = &lt;b&gt;%3/h&lt;/b&gt;</source>
        <translation>%1 张 GPU × %2/小时 = &lt;b&gt;%3/小时&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A day of running: %1</source>
        <translation>运行一天：%1</translation>
    </message>
    <message>
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted 15 days after a stop.</source>
        <translation>停止后，%1 GB 硬盘每天 %2；停止 15 天后删除数据。</translation>
    </message>
    <message>
        <source>Billed per second from the moment it runs.</source>
        <translation>从开始运行起按秒计费。</translation>
    </message>
    <message>
        <source>Stops after spending %1, about %2 of running.</source>
        <translation>花费 %1 后停止，约可运行 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Stops after %n hour(s), at most %1.</source>
        <translation>
            <numerusform>运行 %n 小时后停止，最多花费 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::Launcher</name>
    <message>
        <source>Starting the local market…</source>
        <translation>正在启动本机市场…</translation>
    </message>
    <message>
        <source>The local market did not start: %1</source>
        <translation>本机市场未能启动：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LogDialog</name>
    <message>
        <source>Loading the log…</source>
        <translation>正在加载日志…</translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation>%1 的日志</translation>
    </message>
    <message>
        <source>The log is empty so far.</source>
        <translation>日志暂为空。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); refreshed every 5 seconds.</source>
        <translation>
            <numerusform>%n 行；每 5 秒刷新。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot load the log: %1</source>
        <translation>无法加载日志：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::MainWindow</name>
    <message>
        <source>Suanli</source>
        <translation>算力</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>&amp;Suanli</source>
        <translation>算力(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Instances</source>
        <translation>实例(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation>账单(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Local market · %1</source>
        <translation>本机市场 · %1</translation>
    </message>
    <message>
        <source>Market · %1</source>
        <translation>市场 · %1</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
    <message>
        <source>No keychain answers (%1): tokens are kept in memory for this session only. Settings offers a private file instead.</source>
        <translation>没有可用的钥匙串（%1）：令牌仅保存在本次会话的内存中。可在设置中改用仅本人可读的文件。</translation>
    </message>
    <message>
        <source>Your balance is too low for this rental. Redeem a voucher in Billing.</source>
        <translation>余额不足以支付此次租用。请在“账单”中兑换代金券。</translation>
    </message>
    <message>
        <source>Someone rented these GPUs a moment ago. Pick another offer.</source>
        <translation>这些 GPU 刚刚被他人租用，请选择其他报价。</translation>
    </message>
    <message>
        <source>Cannot launch</source>
        <translation>无法创建</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message numerus="yes">
        <source>Offline · retrying in %n s</source>
        <translation>
            <numerusform>离线 · %n 秒后重试</numerusform>
        </translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>令牌被拒绝</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>suanli::ui::OfferDetailPane</name>
    <message>
        <source>Select an offer to see its details and what it costs.</source>
        <translation>选择一个报价，查看详情和费用。</translation>
    </message>
    <message>
        <source>Rent…</source>
        <translation>租用…</translation>
    </message>
    <message>
        <source>Cost estimate</source>
        <translation>费用估算</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>硬盘</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Then kept stopped</source>
        <translation>之后停止保留</translation>
    </message>
    <message>
        <source>No offer selected</source>
        <translation>未选择报价</translation>
    </message>
    <message>
        <source>CPU-only machine · %1</source>
        <translation>仅 CPU 机器 · %1</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>GPUs free</source>
        <translation>空闲 GPU</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>VRAM per GPU</source>
        <translation>单卡显存</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>CUDA / driver</source>
        <translation>CUDA / 驱动</translation>
    </message>
    <message>
        <source>Peak FP16</source>
        <translation>FP16 峰值</translation>
    </message>
    <message>
        <source>%1 TFLOPS</source>
        <translation>%1 TFLOPS</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>未知型号</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n 核</numerusform>
        </translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>可用硬盘</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>↓ %1 / ↑ %2 Mbit/s</source>
        <translation>↓ %1 / ↑ %2 Mbit/s</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Interruptible</source>
        <translation>可中断</translation>
    </message>
    <message>
        <source>yes: the owner may stop it, data kept</source>
        <translation>是：机主可能停止它，数据保留</translation>
    </message>
    <message>
        <source>Minimum rental</source>
        <translation>最短租期</translation>
    </message>
    <message>
        <source>Price per hour</source>
        <translation>每小时价格</translation>
    </message>
    <message>
        <source>Price per GPU-hour</source>
        <translation>每卡时价格</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>%1 per GB-month</source>
        <translation>每 GB·月 %1</translation>
    </message>
    <message>
        <source>GPU time: &lt;b&gt;%1&lt;/b&gt; (%2/h)&lt;br&gt;Storage while stopped: &lt;b&gt;%3&lt;/b&gt; (%4/day)&lt;br&gt;Total: &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>GPU 时长：&lt;b&gt;%1&lt;/b&gt;（%2/小时）&lt;br&gt;停止期间存储：&lt;b&gt;%3&lt;/b&gt;（%4/天）&lt;br&gt;合计：&lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SettingsDialog</name>
    <message>
        <source>This computer (local mode)</source>
        <translation>本机（本机模式）</translation>
    </message>
    <message>
        <source>A market at this address:</source>
        <translation>位于此地址的市场：</translation>
    </message>
    <message>
        <source>When no keychain answers, keep tokens in a file only I can read</source>
        <translation>没有可用的钥匙串时，把令牌保存在仅本人可读的文件中</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>leave empty to keep the saved token</source>
        <translation>留空则保留已保存的令牌</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Changes to the market, language and data folder take effect the next time Suanli starts.</source>
        <translation>市场、语言和数据文件夹的更改将在下次启动算力时生效。</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain.</source>
        <translation>令牌保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No keychain answers: tokens are kept in memory only and asked for again at the next start.</source>
        <translation>没有可用的钥匙串：令牌仅保存在内存中，下次启动时需重新输入。</translation>
    </message>
    <message>
        <source>No keychain answers: tokens are kept in a file only you can read.</source>
        <translation>没有可用的钥匙串：令牌保存在仅您可读的文件中。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::StateWidget</name>
    <message>
        <source>This takes a moment.</source>
        <translation>请稍候。</translation>
    </message>
</context>
</TS>
