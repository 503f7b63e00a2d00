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
        <source>Start in the tray (contributor mode); the window shows when no system tray exists.</source>
        <translation>在托盘中启动（贡献者模式）；没有系统托盘时显示窗口。</translation>
    </message>
    <message>
        <source>Same as --tray.</source>
        <translation>同 --tray。</translation>
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
    <name>suanli::app::AccessController</name>
    <message>
        <source>There is no SSH key to unlock.</source>
        <translation>没有需要解锁的 SSH 密钥。</translation>
    </message>
</context>
<context>
    <name>suanli::app::ApiTokenModel</name>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1（本机）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建于</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期</translation>
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
    <message>
        <source>idle, stopped by the cost guard</source>
        <translation>空闲，已被费用保护停止</translation>
    </message>
    <message>
        <source>the owner stopped it</source>
        <translation>机主已将其停止</translation>
    </message>
    <message>
        <source>the host stayed away too long</source>
        <translation>主机离线时间过长</translation>
    </message>
    <message>
        <source>released in %1 unless the host returns</source>
        <translation>%1 后释放（除非主机恢复在线）</translation>
    </message>
    <message>
        <source>Without a GPU (CPU only)</source>
        <translation>无卡（仅 CPU）</translation>
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
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>CPU
per GPU</source>
        <translation>CPU
单卡</translation>
    </message>
    <message>
        <source>RAM
per GPU</source>
        <translation>内存
单卡</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>↓ %1 / ↑ %2 Mbit/s</source>
        <translation>↓ %1 / ↑ %2 Mbit/s</translation>
    </message>
    <message>
        <source>The host&apos;s agent has not measured its link yet</source>
        <translation>该主机的代理尚未测量其网络</translation>
    </message>
    <message>
        <source>Measured to the market %1</source>
        <translation>%1 到市场的实测值</translation>
    </message>
    <message>
        <source>Network
measured</source>
        <translation>网络
实测</translation>
    </message>
</context>
<context>
    <name>suanli::app::SshKeys</name>
    <message>
        <source>There is no place to keep the passphrase in this session.</source>
        <translation>本次会话中无处保存密码短语。</translation>
    </message>
    <message>
        <source>Your SSH key is protected by a passphrase, and Suanli does not have it. Enter it to open tunnels to your instances.</source>
        <translation>您的 SSH 密钥受密码短语保护，而 Suanli 没有该密码短语。请输入它，以建立到实例的隧道。</translation>
    </message>
    <message>
        <source>Enter the passphrase of your SSH key.</source>
        <translation>请输入 SSH 密钥的密码短语。</translation>
    </message>
    <message>
        <source>The key file was changed, but the passphrase could not be saved: %1. Suanli will ask for it when it connects.</source>
        <translation>密钥文件已更改，但无法保存密码短语：%1。Suanli 连接时会再次询问。</translation>
    </message>
</context>
<context>
    <name>suanli::client::MarketClient</name>
    <message>
        <source>The market did not answer in time.</source>
        <translation>市场未及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the market: %1</source>
        <translation>无法连接市场：%1</translation>
    </message>
    <message>
        <source>The market answered HTTP %1.</source>
        <translation>市场返回了 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>suanli::dashboard::Notifier</name>
    <message>
        <source>Instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 已就绪</translation>
    </message>
    <message>
        <source>%1 × %2 is running; connect over SSH.</source>
        <translation>%1 × %2 正在运行；请通过 SSH 连接。</translation>
    </message>
    <message>
        <source>it reached its spending limit of %1.</source>
        <translation>已达到消费上限 %1。</translation>
    </message>
    <message>
        <source>it reached its time limit of %1.</source>
        <translation>已达到时长上限 %1。</translation>
    </message>
    <message>
        <source>its GPUs were idle for %1 with no SSH session.</source>
        <translation>其 GPU 已空闲 %1，且没有 SSH 会话。</translation>
    </message>
    <message>
        <source>the balance ran out.</source>
        <translation>余额已用尽。</translation>
    </message>
    <message>
        <source>%1 was stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>The market stopped %1 because %2 Its data is kept.</source>
        <translation>市场已停止 %1，原因：%2 其数据会保留。</translation>
    </message>
    <message>
        <source>%1 will be released</source>
        <translation>%1 即将被释放</translation>
    </message>
    <message>
        <source>%1 has been stopped for a while: its data is destroyed in %2 unless you start it.</source>
        <translation>%1 已停止一段时间：除非您启动它，其数据将在 %2 后销毁。</translation>
    </message>
    <message>
        <source>Your balance is down to %1, below the amount you set.</source>
        <translation>您的余额已降至 %1，低于您设定的金额。</translation>
    </message>
    <message>
        <source>Your balance of %1 lasts about %2 at %3 per hour.</source>
        <translation>按每小时 %3 计算，您的余额 %1 约可使用 %2。</translation>
    </message>
    <message>
        <source>Your balance is down to %1.</source>
        <translation>您的余额已降至 %1。</translation>
    </message>
    <message>
        <source>Balance running low</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>Top up to keep your instances running.</source>
        <translation>请充值以保持实例运行。</translation>
    </message>
    <message>
        <source>The owner of the machine that runs %1 needs it back. %1 stops in %2 (at %3); its data is kept and billing ends at the stop.</source>
        <translation>运行 %1 的机器的机主需要收回机器。%1 将在 %2 后（%3）停止；数据会保留，计费在停止时结束。</translation>
    </message>
    <message>
        <source>%1 stops in %2 (at %3): %4. Its data is kept and billing ends at the stop.</source>
        <translation>%1 将在 %2 后（%3）停止：%4。数据会保留，计费在停止时结束。</translation>
    </message>
    <message>
        <source>%1 stops soon</source>
        <translation>%1 即将停止</translation>
    </message>
    <message>
        <source>Save your work now.</source>
        <translation>请立即保存您的工作。</translation>
    </message>
    <message>
        <source>It is running without a GPU (CPU only); connect over SSH.</source>
        <translation>它正在无 GPU 运行（仅 CPU）；可通过 SSH 连接。</translation>
    </message>
</context>
<context>
    <name>suanli::datasets::DatasetPairModel</name>
    <message>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
</context>
<context>
    <name>suanli::datasets::DatasetsController</name>
    <message>
        <source>Choose a local folder.</source>
        <translation>请选择本地文件夹。</translation>
    </message>
    <message>
        <source>This folder pair no longer exists.</source>
        <translation>此文件夹对已不存在。</translation>
    </message>
    <message>
        <source>This folder is syncing: cancel the sync or wait for it to end.</source>
        <translation>此文件夹正在同步：请取消同步或等待其结束。</translation>
    </message>
    <message>
        <source>This folder is already syncing.</source>
        <translation>此文件夹已在同步中。</translation>
    </message>
</context>
<context>
    <name>suanli::datasets::SyncHistoryModel</name>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>suanli::ssh</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>OpenSSL could not encrypt the key.</source>
        <translation>OpenSSL 无法加密密钥。</translation>
    </message>
    <message>
        <source>%1 is not an OpenSSH private key.</source>
        <translation>%1 不是 OpenSSH 私钥。</translation>
    </message>
    <message>
        <source>%1 is not an ed25519 key.</source>
        <translation>%1 不是 ed25519 密钥。</translation>
    </message>
    <message>
        <source>%1 is encrypted with %2/%3; this app reads aes256-ctr/bcrypt (ssh-keygen&apos;s default). Change its passphrase with ssh-keygen -p -Z aes256-ctr.</source>
        <translation>%1 使用 %2/%3 加密；本应用只能读取 aes256-ctr/bcrypt（ssh-keygen 的默认值）。请用 ssh-keygen -p -Z aes256-ctr 更改其密码短语。</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 已损坏。</translation>
    </message>
    <message>
        <source>The passphrase for the SSH key %1 is wrong.</source>
        <translation>SSH 密钥 %1 的密码短语错误。</translation>
    </message>
    <message>
        <source>OpenSSL could not generate an ed25519 key.</source>
        <translation>OpenSSL 无法生成 ed25519 密钥。</translation>
    </message>
    <message>
        <source>OpenSSL could not export the ed25519 key.</source>
        <translation>OpenSSL 无法导出 ed25519 密钥。</translation>
    </message>
    <message>
        <source>Could not read the SSH key %1: %2</source>
        <translation>无法读取 SSH 密钥 %1：%2</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase; enter it first.</source>
        <translation>SSH 密钥 %1 受密码短语保护，请先输入密码短语。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::BlockingSession</name>
    <message>
        <source>The SSH key %1 is protected by a passphrase, and none was given.</source>
        <translation>SSH 密钥 %1 受密码短语保护，但未提供密码短语。</translation>
    </message>
    <message>
        <source>Could not find %1: %2</source>
        <translation>找不到 %1：%2</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>无法连接到 %1:%2：%3</translation>
    </message>
    <message>
        <source>%1:%2 did not answer within %3 s.</source>
        <translation>%1:%2 在 %3 秒内未响应。</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 无法启动会话。</translation>
    </message>
    <message>
        <source>The SSH handshake failed</source>
        <translation>SSH 握手失败</translation>
    </message>
    <message>
        <source>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. Nothing was sent.</source>
        <translation>安全警告：%1:%2 处的服务器出示的主机密钥为 %3，但市场为此实例记录的是 %4。未发送任何数据。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The instance refused our SSH key for user %1</source>
        <translation>实例拒绝了用户 %1 的 SSH 密钥</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>The server does not offer SFTP</source>
        <translation>服务器不提供 SFTP</translation>
    </message>
    <message>
        <source>Could not open a channel</source>
        <translation>无法打开通道</translation>
    </message>
    <message>
        <source>The server refused to run a command</source>
        <translation>服务器拒绝运行命令</translation>
    </message>
    <message>
        <source>Could not send input to a command</source>
        <translation>无法向命令发送输入</translation>
    </message>
    <message>
        <source>Could not read a command&apos;s output</source>
        <translation>无法读取命令输出</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was lost (%3). Sync again to resume.</source>
        <translation>与 %1:%2 的连接已中断（%3）。再次同步即可继续。</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was closed.</source>
        <translation>与 %1:%2 的连接已关闭。</translation>
    </message>
    <message>
        <source>The command is not running.</source>
        <translation>该命令未在运行。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::HostKey</name>
    <message>
        <source>The instance&apos;s host key is missing or malformed.</source>
        <translation>实例的主机密钥缺失或格式错误。</translation>
    </message>
    <message>
        <source>The instance&apos;s host key is not valid base64.</source>
        <translation>实例的主机密钥不是有效的 base64。</translation>
    </message>
    <message>
        <source>The instance&apos;s host key names type %1 but holds a %2 key.</source>
        <translation>实例的主机密钥标明类型为 %1，但实际是 %2 密钥。</translation>
    </message>
    <message>
        <source>The host key is malformed.</source>
        <translation>主机密钥格式错误。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::JumpConnector::State</name>
    <message>
        <source>No relay is set for this connection.</source>
        <translation>此连接未设置中继。</translation>
    </message>
    <message>
        <source>Could not make a socket pair: %1</source>
        <translation>无法创建套接字对：%1</translation>
    </message>
    <message>
        <source>Could not make an event descriptor: %1</source>
        <translation>无法创建事件描述符：%1</translation>
    </message>
    <message>
        <source>The connection to the relay %1 was lost: %2</source>
        <translation>与中继 %1 的连接已断开：%2</translation>
    </message>
    <message>
        <source>The relay %1 did not complete an SSH login within %2 s.</source>
        <translation>中继 %1 未在 %2 秒内完成 SSH 登录。</translation>
    </message>
    <message>
        <source>Could not find the relay %1: %2</source>
        <translation>找不到中继 %1：%2</translation>
    </message>
    <message>
        <source>Could not connect to the relay %1: %2</source>
        <translation>无法连接到中继 %1：%2</translation>
    </message>
    <message>
        <source>The relay %1 did not answer within %2 s.</source>
        <translation>中继 %1 未在 %2 秒内响应。</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 无法启动会话。</translation>
    </message>
    <message>
        <source>The SSH handshake with the relay %1 failed: %2</source>
        <translation>与中继 %1 的 SSH 握手失败：%2</translation>
    </message>
    <message>
        <source>Security warning: the relay at %1 identified itself with host key %2, but the market recorded %3 for it. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, contact the market&apos;s support.</source>
        <translation>安全警告：%1 处的中继出示的主机密钥为 %2，但市场为它记录的是 %3。由于可能有人在拦截连接，已拒绝连接。未发送任何数据。请稍后重试；如果问题持续，请联系市场客服。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The relay %1 refused our SSH key for user %2: the market has not granted this key a way to the instance (is the instance running, and was it launched with this app&apos;s key?).</source>
        <translation>中继 %1 拒绝了用户 %2 的 SSH 密钥：市场尚未允许此密钥访问该实例（实例是否正在运行？它是否使用本应用的密钥启动？）。</translation>
    </message>
    <message>
        <source>Logging in to the relay %1 failed: %2</source>
        <translation>登录中继 %1 失败：%2</translation>
    </message>
    <message>
        <source>The relay %1 could not open %2:%3: it does not let this key reach that port (%4).</source>
        <translation>中继 %1 无法打开 %2:%3：它不允许此密钥访问该端口（%4）。</translation>
    </message>
    <message>
        <source>The relay %1 could not open %2:%3: %4</source>
        <translation>中继 %1 无法打开 %2:%3：%4</translation>
    </message>
    <message>
        <source>nothing arrived for %1 s</source>
        <translation>%1 秒内未收到任何数据</translation>
    </message>
    <message>
        <source>the relay closed the connection</source>
        <translation>中继关闭了连接</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::ReverseForwarder</name>
    <message>
        <source>The relay %1:%2 took no data for %3 s.</source>
        <translation>中继 %1:%2 已 %3 秒未接收任何数据。</translation>
    </message>
    <message>
        <source>The relay %1:%2 refused to listen on its port %3: %4</source>
        <translation>中继 %1:%2 拒绝在其端口 %3 上监听：%4</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::SshConfig</name>
    <message>
        <source>Another Suanli process is writing the SSH configuration; try again.</source>
        <translation>另一个 Suanli 进程正在写入 SSH 配置，请重试。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2; it was left unchanged.</source>
        <translation>无法将 %1 备份到 %2；文件未作更改。</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>outside any Host block</source>
        <translation>不在任何 Host 块中</translation>
    </message>
    <message>
        <source>in &quot;%1&quot;</source>
        <translation>在“%1”中</translation>
    </message>
    <message>
        <source>Line %1 of %2 (%3) sets %4 before Suanli&apos;s Include line, so OpenSSH and VS Code use it instead of the value for %5. Move the Include line above it.</source>
        <translation>%2 第 %1 行（%3）在 Suanli 的 Include 行之前设置了 %4，因此 OpenSSH 和 VS Code 会使用它，而不是 %5 的值。请把 Include 行移到它上方。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::Transport</name>
    <message>
        <source>%1:%2 did not complete an SSH login within %3 s.</source>
        <translation>%1:%2 未在 %3 秒内完成 SSH 登录。</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase, and none was given.</source>
        <translation>SSH 密钥 %1 受密码短语保护，但未提供密码短语。</translation>
    </message>
    <message>
        <source>Could not find %1: %2</source>
        <translation>找不到 %1：%2</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>无法连接到 %1:%2：%3</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 无法启动会话。</translation>
    </message>
    <message>
        <source>The SSH handshake with %1:%2 failed: %3</source>
        <translation>与 %1:%2 的 SSH 握手失败：%3</translation>
    </message>
    <message>
        <source>The instance refused our SSH key for user %1. If the instance was just created, its key may not be in place yet; otherwise recreate the instance with this app&apos;s key.</source>
        <translation>实例拒绝了用户 %1 的 SSH 密钥。如果实例刚刚创建，其密钥可能尚未就位；否则请使用本应用的密钥重新创建实例。</translation>
    </message>
    <message>
        <source>SSH login failed: %1</source>
        <translation>SSH 登录失败：%1</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was lost: %3</source>
        <translation>与 %1:%2 的连接已中断：%3</translation>
    </message>
    <message>
        <source>%1:%2 closed the connection.</source>
        <translation>%1:%2 关闭了连接。</translation>
    </message>
    <message>
        <source>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, stop using the instance and contact the market&apos;s support.</source>
        <translation>安全警告：%1:%2 处的服务器出示的主机密钥为 %3，但市场为此实例记录的是 %4。由于可能有人在拦截连接，已拒绝连接。未发送任何数据。请稍后重试；如果问题持续，请停止使用该实例并联系市场客服。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1:%2 stopped answering (nothing for %3 s).</source>
        <translation>%1:%2 已停止响应（%3 秒无数据）。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::socketio</name>
    <message>
        <source>Could not open a socket: %1</source>
        <translation>无法打开套接字：%1</translation>
    </message>
    <message>
        <source>Local port %1 is already in use by another program. Choose another port, or close the program that uses it.</source>
        <translation>本机端口 %1 已被其他程序占用。请选择其他端口，或关闭占用该端口的程序。</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1:%1: %2</source>
        <translation>无法监听 127.0.0.1:%1：%2</translation>
    </message>
</context>
<context>
    <name>suanli::sync</name>
    <message>
        <source>The local folder %1 cannot be read: %2</source>
        <translation>无法读取本地文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Could not list %1: %2</source>
        <translation>无法列出 %1：%2</translation>
    </message>
    <message>
        <source>Refused the path &quot;%1&quot;: %2. Nothing was written for it.</source>
        <translation>已拒绝路径“%1”：%2。未为其写入任何内容。</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>路径为空</translation>
    </message>
    <message>
        <source>it is absolute, outside the sync folder</source>
        <translation>是绝对路径，位于同步文件夹之外</translation>
    </message>
    <message>
        <source>it contains a NUL byte</source>
        <translation>包含 NUL 字节</translation>
    </message>
    <message>
        <source>it has an empty or &quot;.&quot; component</source>
        <translation>包含空的或“.”组成部分</translation>
    </message>
    <message>
        <source>it climbs out of the sync folder with &quot;..&quot;</source>
        <translation>通过“..”跳出了同步文件夹</translation>
    </message>
    <message>
        <source>The instance path is empty.</source>
        <translation>实例路径为空。</translation>
    </message>
    <message>
        <source>The instance path &quot;%1&quot; contains &quot;..&quot;; give the folder itself, for example /workspace/data.</source>
        <translation>实例路径“%1”包含“..”；请直接填写文件夹本身，例如 /workspace/data。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be created on this computer: %2. The original is untouched; rename it to sync it.</source>
        <translation>无法在本机上创建“%1”：%2。原文件未受影响；重命名后即可同步。</translation>
    </message>
    <message>
        <source>the name contains &apos;/&apos; or NUL</source>
        <translation>名称包含 &apos;/&apos; 或 NUL</translation>
    </message>
    <message>
        <source>the name is not valid UTF-8</source>
        <translation>名称不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>Windows does not allow the character &apos;%1&apos;</source>
        <translation>Windows 不允许使用字符 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Windows does not allow a name ending in a dot or a space</source>
        <translation>Windows 不允许名称以点或空格结尾</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a reserved device name on Windows</source>
        <translation>“%1”是 Windows 的保留设备名</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; differ only in case, which this computer&apos;s file system cannot keep apart; only the first is synced.</source>
        <translation>“%1”和“%2”仅大小写不同，本机文件系统无法区分；只同步前者。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder here but not on the other side; move one of them away to sync it.</source>
        <translation>“%1”在这边是文件夹，在另一边却不是；请移走其中之一后再同步。</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; points to &quot;%2&quot;, outside the synced folder; links are never followed out of the tree, so it was left out.</source>
        <translation>链接“%1”指向同步文件夹之外的“%2”；链接绝不会被跟随到目录树之外，因此已跳过。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a link here but a folder on the other side.</source>
        <translation>“%1”在这边是链接，在另一边却是文件夹。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a file here but a folder on the other side; move one of them away to sync it.</source>
        <translation>“%1”在这边是文件，在另一边却是文件夹；请移走其中之一后再同步。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::FileTransfer</name>
    <message>
        <source>%1 kept changing while it was sent (%2 tries); it was not put in place. It will be sent by the next sync once it is quiet.</source>
        <translation>%1 在发送过程中一直在变化（尝试 %2 次），未放置到位。待其不再变化后，下次同步会发送它。</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>正在创建</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>Setting attributes</source>
        <translation>正在设置属性</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full (%1 MB free) while writing %2. What was sent is kept and the next sync resumes; free space or grow the disk.</source>
        <translation>写入 %2 时实例硬盘已满（剩余 %1 MB）。已发送的部分会保留，下次同步将继续；请释放空间或扩大硬盘。</translation>
    </message>
    <message>
        <source>Renaming into place</source>
        <translation>正在重命名到位</translation>
    </message>
    <message>
        <source>%1 arrived with a different SHA-256 than was sent; it was not put in place. Sync again to retry.</source>
        <translation>%1 到达后的 SHA-256 与发送时不同，未放置到位。请再次同步以重试。</translation>
    </message>
    <message>
        <source>Could not put %1 in place: %2</source>
        <translation>无法将 %1 放置到位：%2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>A folder on the way to %1 is a link or missing here; nothing is written through links.</source>
        <translation>通往 %1 的路径上有文件夹在本机是链接或不存在；不会通过链接写入任何内容。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>Could not write %1: %2. What arrived is kept for the next sync.</source>
        <translation>无法写入 %1：%2。已接收的部分会保留，供下次同步使用。</translation>
    </message>
    <message>
        <source>Reading back</source>
        <translation>正在回读</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full (%1 MB free). Nothing incomplete was put in place; free space or grow the disk, then sync again.</source>
        <translation>实例的磁盘已满（剩余 %1 MB）。没有任何不完整的文件被放置到位；请释放空间或扩容磁盘，然后再次同步。</translation>
    </message>
    <message>
        <source>The instance could not write %1: %2</source>
        <translation>实例无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>suanli::sync::IgnoreRules</name>
    <message>
        <source>a &apos;[&apos; is never closed</source>
        <translation>“[”没有闭合</translation>
    </message>
    <message>
        <source>it ends in a lone &apos;\&apos;</source>
        <translation>末尾是单独的“\”</translation>
    </message>
    <message>
        <source>[:%1:] is not a character class (alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit)</source>
        <translation>[:%1:] 不是字符类（可用 alnum、alpha、blank、cntrl、digit、graph、lower、print、punct、space、upper、xdigit）</translation>
    </message>
    <message>
        <source>line %1, &quot;%2&quot;, is not a valid pattern and ignores nothing: %3</source>
        <translation>第 %1 行“%2”不是有效的模式，不忽略任何内容：%3</translation>
    </message>
</context>
<context>
    <name>suanli::sync::RemoteFs</name>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full while writing %1. What was sent is kept and the next sync resumes; free space or grow the disk.</source>
        <translation>写入 %1 时实例硬盘已满。已发送的部分会保留，下次同步将继续；请释放空间或扩大硬盘。</translation>
    </message>
    <message>
        <source>%1: permission denied on the instance.</source>
        <translation>%1：在实例上权限被拒绝。</translation>
    </message>
    <message>
        <source>%1 does not exist on the instance.</source>
        <translation>%1 在实例上不存在。</translation>
    </message>
    <message>
        <source>%1 failed for %2 on the instance (SFTP status %3).</source>
        <translation>%1 %2 时在实例上失败（SFTP 状态 %3）。</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>正在列出</translation>
    </message>
    <message>
        <source>Refused a name with &apos;/&apos; from the instance.</source>
        <translation>已拒绝实例发来的含 &apos;/&apos; 的名称。</translation>
    </message>
    <message>
        <source>The instance sent a malformed listing of %1.</source>
        <translation>实例发来的 %1 列表格式错误。</translation>
    </message>
    <message>
        <source>Reading attributes</source>
        <translation>正在读取属性</translation>
    </message>
    <message>
        <source>Creating the folder</source>
        <translation>正在创建文件夹</translation>
    </message>
    <message>
        <source>%1 exists on the instance and is not a folder.</source>
        <translation>%1 在实例上已存在，且不是文件夹。</translation>
    </message>
    <message>
        <source>Setting attributes</source>
        <translation>正在设置属性</translation>
    </message>
    <message>
        <source>Renaming into place</source>
        <translation>正在重命名到位</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Deleting the folder</source>
        <translation>正在删除文件夹</translation>
    </message>
    <message>
        <source>Creating the link</source>
        <translation>正在创建链接</translation>
    </message>
    <message>
        <source>Reading the link</source>
        <translation>正在读取链接</translation>
    </message>
    <message>
        <source>Reading free space</source>
        <translation>正在读取可用空间</translation>
    </message>
    <message>
        <source>The instance has neither openssl nor sha256sum to hash with.</source>
        <translation>实例上既没有 openssl 也没有 sha256sum，无法计算哈希值。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::SftpPipe</name>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Could not open a channel for SFTP</source>
        <translation>无法为 SFTP 打开通道</translation>
    </message>
    <message>
        <source>The server does not offer SFTP</source>
        <translation>服务器不提供 SFTP</translation>
    </message>
    <message>
        <source>The server&apos;s SFTP did not answer as SFTP v3.</source>
        <translation>服务器的 SFTP 未按 SFTP v3 响应。</translation>
    </message>
    <message>
        <source>Sending SFTP requests</source>
        <translation>正在发送 SFTP 请求</translation>
    </message>
    <message>
        <source>Reading SFTP replies</source>
        <translation>正在读取 SFTP 回复</translation>
    </message>
    <message>
        <source>The instance&apos;s SFTP server closed the channel.</source>
        <translation>实例的 SFTP 服务器关闭了通道。</translation>
    </message>
    <message>
        <source>The instance sent a malformed SFTP reply.</source>
        <translation>实例发来的 SFTP 回复格式错误。</translation>
    </message>
    <message>
        <source>The instance answered an SFTP request that was not made.</source>
        <translation>实例回复了一个未曾发出的 SFTP 请求。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::SyncRunner</name>
    <message>
        <source>The sync was cancelled. Partly sent files are kept and the next sync resumes them.</source>
        <translation>同步已取消。已部分发送的文件会保留，下次同步将继续。</translation>
    </message>
    <message>
        <source>The local folder must be an absolute path.</source>
        <translation>本地文件夹必须是绝对路径。</translation>
    </message>
    <message>
        <source>%1 does not exist on the instance.</source>
        <translation>%1 在实例上不存在。</translation>
    </message>
    <message>
        <source>Could not create the link %1.</source>
        <translation>无法创建链接 %1。</translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::localfs</name>
    <message>
        <source>%1 exists and is not a folder (a symlink is never followed); move it away to sync here.</source>
        <translation>%1 已存在且不是文件夹（绝不跟随符号链接）；请将其移走后再同步到此处。</translation>
    </message>
    <message>
        <source>Could not create the folder %1: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Could not set the time of %1: %2</source>
        <translation>无法设置 %1 的时间：%2</translation>
    </message>
    <message>
        <source>Could not set the permissions of %1: %2</source>
        <translation>无法设置 %1 的权限：%2</translation>
    </message>
</context>
<context>
    <name>suanli::ui</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>约 %1 小时 %2 分</translation>
    </message>
    <message numerus="yes">
        <source>about %n day(s)</source>
        <translation>
            <numerusform>约 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Your datasets hold %1; this host does not report its upload speed.</source>
        <translation>您的数据集共 %1；此主机未报告其上传速度。</translation>
    </message>
    <message>
        <source>Uploading your %1 dataset takes %2 at %3 Mbit/s.</source>
        <translation>以 %3 Mbit/s 上传您 %1 的数据集需要 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Uploading your %n dataset folder(s) (%1) takes %2 at %3 Mbit/s.</source>
        <translation>
            <numerusform>以 %3 Mbit/s 上传您的 %n 个数据集文件夹（%1）需要 %2。</numerusform>
        </translation>
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
    <message>
        <source>Tunnels wait for the passphrase of your SSH key.</source>
        <translation>隧道正在等待您 SSH 密钥的密码短语。</translation>
    </message>
    <message>
        <source>That passphrase does not unlock your SSH key. Try again.</source>
        <translation>该密码短语无法解锁您的 SSH 密钥，请重试。</translation>
    </message>
    <message>
        <source>SSH key unlocked; the tunnels connect.</source>
        <translation>SSH 密钥已解锁，隧道正在连接。</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直连</translation>
    </message>
    <message>
        <source>Through relay %1</source>
        <translation>经由中继 %1</translation>
    </message>
    <message>
        <source>SSH goes straight to the lender&apos;s computer.</source>
        <translation>SSH 直接连接到出借方的计算机。</translation>
    </message>
    <message>
        <source>The lender&apos;s computer cannot be reached from outside, so SSH goes through the market&apos;s relay. The session stays encrypted end to end: the relay only passes the bytes on.</source>
        <translation>出借方的计算机无法从外部访问，因此 SSH 经由市场的中继连接。会话始终端到端加密：中继只转发字节。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AccountDialog</name>
    <message>
        <source>New key…</source>
        <translation>新建密钥…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on the local market.</source>
        <translation>已在本地市场以 &lt;b&gt;%1&lt;/b&gt; 登录。</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on %2.</source>
        <translation>已在 %2 以 &lt;b&gt;%1&lt;/b&gt; 登录。</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Each computer and script signs in with a key of its own. The market shows only a key&apos;s first characters; a revoked key stops working at once.</source>
        <translation>每台电脑和每个脚本都用自己的密钥登录。市场只显示密钥的前几个字符；密钥一经吊销立即失效。</translation>
    </message>
    <message>
        <source>Reading the keys…</source>
        <translation>正在读取密钥…</translation>
    </message>
    <message>
        <source>Could not read the keys: %1</source>
        <translation>无法读取密钥：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s).</source>
        <translation>
            <numerusform>%n 个密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s key: use Sign out to revoke it.</source>
        <translation>这是本机的密钥：要吊销它，请退出登录。</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>新建密钥</translation>
    </message>
    <message>
        <source>e.g. training script</source>
        <translation>例如：训练脚本</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>In 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>30 天后</translation>
    </message>
    <message>
        <source>In 1 year</source>
        <translation>1 年后</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Copy the key now: the market shows it this once, and Suanli does not keep it.</source>
        <translation>请现在复制密钥：市场只显示这一次，算力也不会保存它。</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Give the key a label: what or who it is for.</source>
        <translation>给密钥起个标签：说明它给谁用、做什么用。</translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation>正在创建密钥…</translation>
    </message>
    <message>
        <source>The key was not made: %1</source>
        <translation>未能创建密钥：%1</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>吊销 %1？</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot; (%2…)? Whatever uses it is refused at once; this cannot be undone.</source>
        <translation>吊销密钥“%1”（%2…）？使用它的一切将立即被拒绝；此操作无法撤销。</translation>
    </message>
    <message>
        <source>Revoking %1…</source>
        <translation>正在吊销 %1…</translation>
    </message>
    <message>
        <source>Could not revoke %1: %2</source>
        <translation>无法吊销 %1：%2</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Every other key of the account is revoked: other computers and scripts must sign in again. This computer stays signed in.</source>
        <translation>该账户的其他所有密钥都会被吊销：其他电脑和脚本需要重新登录。本机保持登录。</translation>
    </message>
    <message>
        <source>The new password is too weak: use at least 8 characters.</source>
        <translation>新密码太弱：请至少使用 8 个字符。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>尝试次数过多。请等几分钟再试。</translation>
    </message>
    <message numerus="yes">
        <source>Password changed; %n other key(s) revoked: those computers and scripts must sign in again.</source>
        <translation>
            <numerusform>密码已修改；已吊销其他 %n 个密钥：那些电脑和脚本需要重新登录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out: revoking this computer&apos;s key…</source>
        <translation>正在退出登录：吊销本机的密钥…</translation>
    </message>
    <message>
        <source>Could not sign out: %1</source>
        <translation>无法退出登录：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AutostartBox</name>
    <message>
        <source>Start Suanli when I log in</source>
        <translation>登录时启动算力</translation>
    </message>
    <message>
        <source>Suanli starts in the tray, so this computer can lend while you are away.</source>
        <translation>算力在系统托盘中启动，这样您不在时本机也能出借。</translation>
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
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Warn me when the balance falls below</source>
        <translation>余额低于此金额时提醒我</translation>
    </message>
    <message>
        <source>No amount set</source>
        <translation>未设置金额</translation>
    </message>
    <message>
        <source>The market sends a warning (a desktop notification) when your balance drops below this amount, even while the app is closed. Empty: only the warnings at 24 h and 1 h of runway.</source>
        <translation>当余额低于此金额时，即使本应用已关闭，市场也会发送提醒（桌面通知）。留空：仅在余额剩余 24 小时和 1 小时可用时提醒。</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type a number such as 20 or 12.50.</source>
        <translation>“%1”不是有效金额。请输入数字，例如 20 或 12.50。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Cannot save the warning: %1</source>
        <translation>无法保存提醒：%1</translation>
    </message>
    <message>
        <source>You will be warned when your balance falls below %1.</source>
        <translation>余额低于 %1 时会提醒您。</translation>
    </message>
    <message>
        <source>Only the market&apos;s own warnings (24 h and 1 h of runway) stay on.</source>
        <translation>仅保留市场自带的提醒（剩余 24 小时和 1 小时可用时）。</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>充值…</translation>
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
    <message>
        <source>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, day_price, week_price, month_price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</source>
        <translation>以空格分隔的条件：字段 运算符 值。运算符：= != &lt; &lt;= &gt; &gt;= in notin。列表：[a,b]。用 _ 代替空格。字段：gpu、gpus、vram_gb、ram_gb、price、day_price、week_price、month_price、reliability、region、verified、interruptible、cpu_cores、disk_free_gb、perf_tflops 等。</translation>
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
    <name>suanli::ui::CloneDialog</name>
    <message>
        <source>Looking for matching offers…</source>
        <translation>正在查找匹配的报价…</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>Move %1 to another host</source>
        <translation>将 %1 迁移到其他主机</translation>
    </message>
    <message>
        <source>Clone %1</source>
        <translation>克隆 %1</translation>
    </message>
    <message>
        <source>A new instance is made on the host you pick and /workspace is copied to it, host to host, then checked file by file. Only then is this instance destroyed; if the copy fails or you cancel it, this one stays as it is. Both are billed while the copy runs.</source>
        <translation>将在您选择的主机上创建新实例，并在主机之间复制 /workspace，然后逐个文件校验。只有校验通过后才会销毁此实例；如果复制失败或您取消，此实例保持原样。复制期间两个实例都计费。</translation>
    </message>
    <message>
        <source>A new instance is made on the host you pick with a copy of /workspace, checked file by file. This instance keeps running. Both are billed.</source>
        <translation>将在您选择的主机上创建带有 /workspace 副本的新实例，并逐个文件校验。此实例继续运行。两个实例都计费。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk of the new instance:</source>
        <translation>新实例的磁盘：</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>迁移</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>Cannot load the catalog: %1</source>
        <translation>无法加载目录：%1</translation>
    </message>
    <message>
        <source>No other host has %1 free right now.</source>
        <translation>目前没有其他主机有空闲的 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n × %1</source>
        <translation>
            <numerusform>%n × %1</numerusform>
        </translation>
    </message>
    <message>
        <source>a machine like this one</source>
        <translation>与此相同的机器</translation>
    </message>
    <message>
        <source>Offers like this instance&apos;s on other hosts, cheapest first:</source>
        <translation>其他主机上与此实例相同的报价（最便宜的在前）：</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/小时</translation>
    </message>
</context>
<context>
    <name>suanli::ui::CopyProgressWidget</name>
    <message>
        <source>Cancel copy…</source>
        <translation>取消复制…</translation>
    </message>
    <message>
        <source>Destroys the new instance; the source stays as it is.</source>
        <translation>销毁新实例；源实例保持原样。</translation>
    </message>
    <message>
        <source>Copy from instance %1: waiting for the new instance to start</source>
        <translation>从实例 %1 复制：正在等待新实例启动</translation>
    </message>
    <message>
        <source>Copying from instance %1: %2 of %3, %4 of %5 files</source>
        <translation>正在从实例 %1 复制：%2 / %3，%4 / %5 个文件</translation>
    </message>
    <message>
        <source> · %1/s, about %2 left</source>
        <translation> · %1/秒，约剩 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the copy against the source&apos;s checksums…</source>
        <translation>正在按源实例的校验和验证副本…</translation>
    </message>
    <message>
        <source>Moved: the copy was verified and the source destroyed.</source>
        <translation>已迁移：副本已校验，源实例已销毁。</translation>
    </message>
    <message>
        <source>Cloned: the copy was verified.</source>
        <translation>已克隆：副本已校验。</translation>
    </message>
    <message>
        <source>Copy cancelled; the source was left as it was.</source>
        <translation>复制已取消；源实例保持原样。</translation>
    </message>
    <message>
        <source>The copy failed: %1. The source was left as it was.</source>
        <translation>复制失败：%1。源实例保持原样。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::DatasetsView</name>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>No dataset folders yet</source>
        <translation>还没有数据集文件夹</translation>
    </message>
    <message>
        <source>Pair a folder on this computer with a path on an instance, then upload it with Sync now. Pairs set up before renting also tell you how long each offer takes to receive them.</source>
        <translation>将本机上的文件夹与实例上的路径配对，然后点击“立即同步”上传。在租用前设置好的配对还能告诉您每个报价接收这些数据需要多长时间。</translation>
    </message>
    <message>
        <source>Select a folder pair to sync it.</source>
        <translation>选择一个文件夹对以进行同步。</translation>
    </message>
    <message>
        <source>(no instance yet)</source>
        <translation>（尚无实例）</translation>
    </message>
    <message>
        <source>instance %1 (gone)</source>
        <translation>实例 %1（已不存在）</translation>
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
        <source>Remove folder pair</source>
        <translation>移除文件夹对</translation>
    </message>
    <message>
        <source>Stop syncing %1?</source>
        <translation>停止同步 %1？</translation>
    </message>
    <message>
        <source>The files stay where they are, on this computer and on the instance. A sync in progress is cancelled.</source>
        <translation>文件保留在原处，包括本机和实例上的文件。正在进行的同步会被取消。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Start the instance first: it must be running to sync.</source>
        <translation>请先启动实例：实例必须处于运行状态才能同步。</translation>
    </message>
    <message>
        <source>The market&apos;s SSH key is not known yet: wait until you are signed in.</source>
        <translation>市场的 SSH 密钥尚未获取：请等待登录完成。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>正在比较两端…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <source>Cancelled. What was copied stays; the next sync goes on from there.</source>
        <translation>已取消。已复制的内容会保留，下次同步从此处继续。</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>同步已停止：%1</translation>
    </message>
    <message>
        <source>Plan ready: nothing was moved.</source>
        <translation>预览完成：未移动任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s), %1 in %2.</source>
        <translation>
            <numerusform>完成：%n 个文件，%1，用时 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted.</source>
        <translation>
            <numerusform>已删除 %n 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had a problem, e.g. %1: %2</source>
        <translation>
            <numerusform>%n 个文件出现问题，例如 %1：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Choose an instance with Edit… to sync this folder.</source>
        <translation>请通过“编辑…”选择一个实例来同步此文件夹。</translation>
    </message>
    <message>
        <source>The instance is not running: start it in Instances.</source>
        <translation>实例未在运行：请在“实例”中启动它。</translation>
    </message>
    <message>
        <source>Upload the folder to the instance</source>
        <translation>将文件夹上传到实例</translation>
    </message>
    <message>
        <source>Download from the instance into the folder</source>
        <translation>从实例下载到文件夹</translation>
    </message>
    <message>
        <source>Compare both sides and list what Sync now would copy or delete, without moving anything.</source>
        <translation>比较两端，列出“立即同步”将复制或删除的内容，但不移动任何文件。</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Uploads %1 to %2</source>
        <translation>将 %1 上传到 %2</translation>
    </message>
    <message>
        <source>Downloads %1 into %2</source>
        <translation>将 %1 下载到 %2</translation>
    </message>
    <message>
        <source>(deletes what the folder no longer has)</source>
        <translation>（删除文件夹中已不存在的内容）</translation>
    </message>
    <message>
        <source>(deletes what the instance no longer has)</source>
        <translation>（删除实例上已不存在的内容）</translation>
    </message>
    <message>
        <source>Last sync %1: %2</source>
        <translation>上次同步 %1：%2</translation>
    </message>
    <message>
        <source>Not synced yet. Plan shows what Sync now would copy.</source>
        <translation>尚未同步。“预览”会显示“立即同步”将复制的内容。</translation>
    </message>
    <message>
        <source>Paused. Transfers hold their connections; Resume goes on.</source>
        <translation>已暂停。传输会保持连接；点击“继续”即可恢复。</translation>
    </message>
    <message numerus="yes">
        <source>History of this folder (%n run(s))</source>
        <translation>
            <numerusform>此文件夹的历史（%n 次运行）</numerusform>
        </translation>
    </message>
    <message>
        <source>History of this folder: no runs yet</source>
        <translation>此文件夹的历史：尚无运行记录</translation>
    </message>
</context>
<context>
    <name>suanli::ui::EarningsPanel</name>
    <message>
        <source>Today:</source>
        <translation>今日：</translation>
    </message>
    <message>
        <source>This month:</source>
        <translation>本月：</translation>
    </message>
    <message>
        <source>Earned per day</source>
        <translation>每日收入</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Earnings this month (ledger):</source>
        <translation>本月收入（账单）：</translation>
    </message>
    <message>
        <source>Rental #%1</source>
        <translation>租用 #%1</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Earned per day, %1 %2</source>
        <comment>month, year</comment>
        <translation>每日收入，%2 年 %1</translation>
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
    <message>
        <source>Suanli desktop</source>
        <translation>算力桌面版</translation>
    </message>
    <message>
        <source>Use a market your school, lab or provider runs: sign in or create an account there.</source>
        <translation>使用你的学校、实验室或服务商运营的市场：在那里登录或创建账户。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Rent GPUs</source>
        <translation>租用 GPU</translation>
    </message>
    <message>
        <source>Lend my computers</source>
        <translation>出租我的电脑</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This computer gets a key of its own, named &quot;%1&quot;; Account shows it and Sign out revokes it.</source>
        <translation>本机会获得一个自己的密钥，名为“%1”；“账户”中可以看到它，退出登录时会吊销它。</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>I want to</source>
        <translation>我想要</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>邀请码</translation>
    </message>
    <message>
        <source>For a token from the market&apos;s operator, or one made under Account on another computer.</source>
        <translation>用于市场运营方给你的令牌，或在另一台电脑的“账户”中创建的令牌。</translation>
    </message>
    <message>
        <source>Use a token</source>
        <translation>使用令牌</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Asking the market how it signs people up…</source>
        <translation>正在询问市场的注册方式…</translation>
    </message>
    <message>
        <source>The market did not say how it signs people up (%1).</source>
        <translation>市场没有说明它的注册方式（%1）。</translation>
    </message>
    <message>
        <source>Anyone may create an account here.</source>
        <translation>任何人都可以在这里创建账户。</translation>
    </message>
    <message>
        <source>Creating an account here needs an invite code.</source>
        <translation>在这里创建账户需要邀请码。</translation>
    </message>
    <message>
        <source>This market makes accounts only through its operator.</source>
        <translation>此市场只通过运营方开设账户。</translation>
    </message>
    <message>
        <source>This market does not make accounts here: ask its operator for one, then sign in.</source>
        <translation>此市场不在这里开设账户：请向运营方申请一个，然后登录。</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>尝试次数过多。请等几分钟再试。</translation>
    </message>
    <message>
        <source>That name is taken. Pick another one, or sign in if it is yours.</source>
        <translation>该用户名已被占用。请换一个；如果是你的，请直接登录。</translation>
    </message>
    <message>
        <source>The password is too weak: use at least 8 characters.</source>
        <translation>密码太弱：请至少使用 8 个字符。</translation>
    </message>
    <message>
        <source>A name has 2 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and starts with a letter or digit.</source>
        <translation>用户名由 2 到 64 个字母、数字、“.”、“_”或“-”组成，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>This market needs an invite code from its operator.</source>
        <translation>此市场需要运营方发放的邀请码。</translation>
    </message>
    <message>
        <source>That invite code is not valid, or it was used already.</source>
        <translation>该邀请码无效，或已被使用。</translation>
    </message>
    <message>
        <source>This market does not make accounts here: ask its operator for one.</source>
        <translation>此市场不在这里开设账户：请向运营方申请一个。</translation>
    </message>
    <message>
        <source>Type your name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Choose a name for your account.</source>
        <translation>请为你的账户选一个用户名。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Tick what you want to do: rent GPUs, lend computers, or both.</source>
        <translation>请勾选你想做的事：租用 GPU、出租电脑，或两者都要。</translation>
    </message>
    <message>
        <source>Creating your account on %1…</source>
        <translation>正在 %1 上创建你的账户…</translation>
    </message>
    <message>
        <source>Account created. Signing in…</source>
        <translation>账户已创建。正在登录…</translation>
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
        <source>Retry in 5 minutes</source>
        <translation>5 分钟后重试</translation>
    </message>
    <message>
        <source>Find a matching offer</source>
        <translation>查找匹配的报价</translation>
    </message>
    <message>
        <source>Cost guard…</source>
        <translation>费用保护…</translation>
    </message>
    <message>
        <source>Limits the market enforces even while this app is closed: max spend, max running time, stop when idle.</source>
        <translation>即使本应用已关闭，市场也会执行的限制：最高花费、最长运行时长、空闲时停止。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>SSH: ssh -J %1@%2:%3 -p %4 %5@%6</source>
        <translation>SSH：ssh -J %1@%2:%3 -p %4 %5@%6</translation>
    </message>
    <message numerus="yes">
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after %n day(s) (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>
            <numerusform>GPU 计费停止，GPU 归还给主机。停止期间，%1 GB 磁盘每天收费 %2。已停止的实例会在 %n 天后连同数据一起删除（列表中显示倒计时）。再次启动需要同一台主机上有空闲的 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after the market&apos;s retention time (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>GPU 计费停止，GPU 归还给主机。停止期间，%1 GB 磁盘每天收费 %2。已停止的实例会在市场的保留期过后连同数据一起删除（列表中显示倒计时）。再次启动需要同一台主机上有空闲的 GPU。</translation>
    </message>
    <message>
        <source>Start without a GPU (%1/h)</source>
        <translation>无卡模式启动（%1/小时）</translation>
    </message>
    <message>
        <source>Save as image…</source>
        <translation>保存为镜像…</translation>
    </message>
    <message>
        <source>Make an image of this instance&apos;s system disk (not /workspace) that only you can launch</source>
        <translation>将此实例的系统盘（不含 /workspace）制作成只有您能启动的镜像</translation>
    </message>
    <message>
        <source>Cannot clone or move the instance</source>
        <translation>无法克隆或迁移实例</translation>
    </message>
    <message>
        <source>Move to another host…</source>
        <translation>迁移到其他主机…</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Start it without a GPU to reach its files and environment now (CPU only, billed at the lower price; start it normally later to get its GPUs back), move it with its /workspace to another host with free GPUs, or try again later.</source>
        <translation>您的数据保留在已停止的实例上。现在可以无卡启动以访问其文件和环境（仅 CPU，按较低价格计费；之后正常启动即可取回 GPU），也可以连同 /workspace 迁移到有空闲 GPU 的其他主机，或稍后重试。</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Move it with its /workspace to another host with free GPUs, try again later, or launch a new instance on a matching offer (the data does not move with it).</source>
        <translation>您的数据保留在已停止的实例上。可以连同 /workspace 迁移到有空闲 GPU 的其他主机，稍后重试，或在匹配的报价上启动新实例（数据不会随之迁移）。</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>克隆…</translation>
    </message>
    <message>
        <source>A new instance on another host with a copy of /workspace; this one keeps running.</source>
        <translation>在其他主机上创建带有 /workspace 副本的新实例；此实例继续运行。</translation>
    </message>
    <message>
        <source>Copies /workspace to a new instance on another host, checks it, then destroys this one.</source>
        <translation>将 /workspace 复制到其他主机上的新实例并校验，然后销毁此实例。</translation>
    </message>
    <message>
        <source>Cancel the copy?</source>
        <translation>取消复制？</translation>
    </message>
    <message>
        <source>Cancel the copy and destroy the new instance?</source>
        <translation>取消复制并销毁新实例？</translation>
    </message>
    <message>
        <source>The source instance stays as it is, with all its data. What the new instance cost so far stays charged.</source>
        <translation>源实例及其所有数据保持原样。新实例至今产生的费用仍会收取。</translation>
    </message>
    <message>
        <source>Cancel copy</source>
        <translation>取消复制</translation>
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
    <message>
        <source>Renew at the end of each period while the balance covers it</source>
        <translation>每期到期时，只要余额足够就自动续费</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>%1: %2 (save %3% vs hourly)</source>
        <translation>%1：%2（比按小时计费省 %3%）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>By the hour: %1/h, billed per second</source>
        <translation>按小时：%1/小时，按秒计费</translation>
    </message>
    <message numerus="yes">
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted %n day(s) after a stop.</source>
        <translation>
            <numerusform>停止后，%1 GB 磁盘每天收费 %2；数据在停止 %n 天后删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted some days after a stop (the market has not said how many yet).</source>
        <translation>停止后，%1 GB 磁盘每天收费 %2；数据会在停止若干天后删除（市场尚未告知具体天数）。</translation>
    </message>
    <message>
        <source>Paid now: &lt;b&gt;%1&lt;/b&gt; for %2 from the moment it runs; nothing per second and no storage during them, and the GPUs stay yours while it is stopped.</source>
        <translation>现在支付：&lt;b&gt;%1&lt;/b&gt;，自运行起算 %2；期间不按秒计费、不收存储费，停止时 GPU 仍为你保留。</translation>
    </message>
    <message>
        <source>Released early, the time used is billed by the hour and the rest refunded.</source>
        <translation>提前释放时，已用时间按小时计费，其余退款。</translation>
    </message>
    <message>
        <source>At the end it renews for %1 when the balance covers it, otherwise it goes on by the hour.</source>
        <translation>到期时若余额足够，将以 %1 续费，否则转为按小时计费。</translation>
    </message>
    <message>
        <source>At the end it goes on by the hour; a notice comes a day before.</source>
        <translation>到期后转为按小时计费；到期前一天会收到通知。</translation>
    </message>
    <message>
        <source>This image has no Jupyter server, so Jupyter cannot be started in it.</source>
        <translation>此镜像没有 Jupyter 服务器，无法在其中启动 Jupyter。</translation>
    </message>
    <message numerus="yes">
        <source>It gets %n core(s) and %1 GB of memory.</source>
        <translation>
            <numerusform>它获得 %n 核和 %1 GB 内存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It gets %n core(s) and %1 GB of memory (per GPU: %2 cores, %3 GB).</source>
        <translation>
            <numerusform>它获得 %n 核和 %1 GB 内存（每块 GPU：%2 核、%3 GB）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The host did not say how many of its %n core(s) an instance gets.</source>
        <translation>
            <numerusform>主机未说明实例能获得其 %n 核中的多少。</numerusform>
        </translation>
    </message>
    <message>
        <source>my image</source>
        <translation>我的镜像</translation>
    </message>
    <message>
        <source>my image, lives on this host only</source>
        <translation>我的镜像，仅存于此主机</translation>
    </message>
    <message>
        <source>my image, lives on host %1 only: launch it there</source>
        <translation>我的镜像，仅存于主机 %1：请在该主机上启动</translation>
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
    <message>
        <source>No system tray was found, so Suanli shows its window instead of starting in the background: closing it quits the app.</source>
        <translation>未找到系统托盘，因此 Suanli 会显示窗口而不是在后台启动：关闭窗口即退出应用。</translation>
    </message>
    <message>
        <source>Lend</source>
        <translation>出借</translation>
    </message>
    <message>
        <source>This computer could not be listed: %1</source>
        <translation>无法上架本机：%1</translation>
    </message>
    <message>
        <source>Suanli is already running with another market: quit it from the tray or the Suanli menu, then start it again to switch.</source>
        <translation>算力已在使用另一个市场运行：请从托盘或“算力”菜单退出，然后重新启动以切换。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LendView</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Set up lending…</source>
        <translation>设置出借…</translation>
    </message>
    <message>
        <source>Lend now</source>
        <translation>立即出借</translation>
    </message>
    <message>
        <source>Pause 1 h</source>
        <translation>暂停 1 小时</translation>
    </message>
    <message>
        <source>Stop rentals now</source>
        <translation>立即停止出租</translation>
    </message>
    <message>
        <source>Stops on-demand rentals too. Renters lose their session, and it lowers this machine&apos;s reliability on the market.</source>
        <translation>按需租用也会停止。租用者会丢失会话，并且会降低本机在市场上的可靠性。</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>No suggestion from the market yet.</source>
        <translation>市场暂无建议价格。</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Electricity price per kWh:</source>
        <translation>每千瓦时电价：</translation>
    </message>
    <message>
        <source>Power under load:</source>
        <translation>满载功耗：</translation>
    </message>
    <message>
        <source>Hours lent per day:</source>
        <translation>每天出借时长：</translation>
    </message>
    <message>
        <source>Expected per day:</source>
        <translation>预计每天：</translation>
    </message>
    <message>
        <source>When to lend</source>
        <translation>出借时间</translation>
    </message>
    <message>
        <source>Lend this computer</source>
        <translation>出借本机</translation>
    </message>
    <message>
        <source>Only when I am away</source>
        <translation>仅在我离开时</translation>
    </message>
    <message>
        <source> min without keyboard or mouse</source>
        <translation> 分钟无键盘鼠标操作</translation>
    </message>
    <message>
        <source>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</source>
        <translation>任意时间，或例如 mon-fri 22:00-08:00, sat 00:00-24:00</translation>
    </message>
    <message>
        <source>Pause when another program uses the GPU or a fullscreen app runs</source>
        <translation>其他程序使用 GPU 或有全屏应用运行时暂停</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>时间表：</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source> °C</source>
        <translation> °C</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Interruptible: rentals stop (data kept) when I come back</source>
        <translation>可中断：我回来时停止租用（数据保留）</translation>
    </message>
    <message>
        <source>On demand: rentals continue when I come back; stopping them counts against reliability</source>
        <translation>按需：我回来时租用继续；停止租用会降低可靠性</translation>
    </message>
    <message>
        <source> s notice before an interruptible rental stops</source>
        <translation> 秒：可中断租用停止前的提前通知</translation>
    </message>
    <message>
        <source>Temperature limit:</source>
        <translation>温度上限：</translation>
    </message>
    <message>
        <source>Power limit:</source>
        <translation>功率上限：</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>提前通知：</translation>
    </message>
    <message>
        <source>No suggestion from the market: %1</source>
        <translation>市场暂无建议价格：%1</translation>
    </message>
    <message>
        <source>Fullscreen apps are not detected here (%1); another program on the GPU still pauses lending.</source>
        <translation>此处无法检测全屏应用（%1）；其他程序使用 GPU 时仍会暂停出借。</translation>
    </message>
    <message>
        <source>No %1 is listed on the market yet: no suggestion.</source>
        <translation>市场上还没有 %1 上架：暂无建议价格。</translation>
    </message>
    <message>
        <source>%1 on the market: median %2 per GPU-hour, %3 listed, %4 % of them rented now.</source>
        <translation>市场上的 %1：每卡时中位价 %2，已上架 %3 台，其中 %4 % 正在出租。</translation>
    </message>
    <message>
        <source>%1 net (renters pay %2, platform fee %3, electricity %4)</source>
        <translation>净收入 %1（租用者支付 %2，平台费 %3，电费 %4）</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>No CPU-only computer is listed on the market yet: no suggestion.</source>
        <translation>市场上还没有纯 CPU 电脑上架：暂无建议。</translation>
    </message>
    <message>
        <source>CPU-only computers on the market: median %1 per hour, %2 listed, %3 % of them rented now.</source>
        <translation>市场上的纯 CPU 电脑：每小时中位价 %1，已上架 %2 台，其中 %3% 正在出租。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LendWizard</name>
    <message>
        <source>Set up lending</source>
        <translation>设置出借</translation>
    </message>
    <message>
        <source>Start lending</source>
        <translation>开始出借</translation>
    </message>
    <message>
        <source>Register this computer</source>
        <translation>注册本机</translation>
    </message>
    <message>
        <source>The market needs to know this computer before renters can find it.</source>
        <translation>本机需要先在市场注册，租用者才能找到它。</translation>
    </message>
    <message>
        <source>Registering gives this computer its own key at the market. Nothing is lent until you finish this wizard, and you can pause or stop lending at any time from the tray.</source>
        <translation>注册后，本机会在市场上拥有自己的密钥。完成本向导之前不会出借任何资源，之后也可以随时从托盘暂停或停止出借。</translation>
    </message>
    <message>
        <source>This computer is not registered yet.</source>
        <translation>本机尚未注册。</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>Can this computer run renters&apos; containers safely?</source>
        <translation>本机能否安全运行租用者的容器？</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>Running the self-test (it starts a small container)…</source>
        <translation>正在运行自检（会启动一个小容器）…</translation>
    </message>
    <message>
        <source>This build has no host agent: the self-test cannot run.</source>
        <translation>此版本不含主机代理：无法运行自检。</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>所有检查均已通过。</translation>
    </message>
    <message>
        <source>Fix what failed and run the self-test again. You may go on, but renters cannot use this computer while a check fails.</source>
        <translation>请修复未通过的项并重新运行自检。您可以继续，但只要有检查未通过，租用者就无法使用本机。</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <source>Install Podman 4 or newer (Debian/Ubuntu: sudo apt install podman) and check that `podman info` works for your user.</source>
        <translation>请安装 Podman 4 或更高版本（Debian/Ubuntu：sudo apt install podman），并确认当前用户可以正常运行 `podman info`。</translation>
    </message>
    <message>
        <source>Boot with systemd.unified_cgroup_hierarchy=1 (cgroup v2), then run the self-test again.</source>
        <translation>请使用 systemd.unified_cgroup_hierarchy=1（cgroup v2）启动系统，然后重新运行自检。</translation>
    </message>
    <message>
        <source>Build the base image with scripts/build-base-image, or pull it with `podman pull` followed by the image name above.</source>
        <translation>请用 scripts/build-base-image 构建基础镜像，或用 `podman pull` 加上面的镜像名拉取。</translation>
    </message>
    <message>
        <source>Run `podman run --rm` with the image above in a terminal to see Podman&apos;s own error; a missing runtime (crun or runc) or cgroup delegation is the usual cause.</source>
        <translation>请在终端中对上面的镜像运行 `podman run --rm`，查看 Podman 自身的报错；常见原因是缺少运行时（crun 或 runc）或未委派 cgroup。</translation>
    </message>
    <message>
        <source>Install nvidia-container-toolkit 1.17.8 or newer (older versions let a container take over the computer, CVE-2025-23266).</source>
        <translation>请安装 nvidia-container-toolkit 1.17.8 或更高版本（旧版本允许容器接管整台计算机，CVE-2025-23266）。</translation>
    </message>
    <message>
        <source>Generate the CDI spec so containers can see the GPUs: sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml</source>
        <translation>生成 CDI 规范，使容器能看到 GPU：sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml</translation>
    </message>
    <message>
        <source>Make the folder named above writable for your user, or set state_dir in host.ini.</source>
        <translation>请让当前用户对上面所列文件夹有写权限，或在 host.ini 中设置 state_dir。</translation>
    </message>
    <message>
        <source>Set address and the port range in host.ini (see docs/host.md) to an address of this computer and ports below the kernel&apos;s ephemeral range.</source>
        <translation>请在 host.ini 中（见 docs/host.md）将 address 和端口范围设为本机的地址，以及低于内核临时端口范围的端口。</translation>
    </message>
    <message>
        <source>See the result above; docs/host.md explains each check.</source>
        <translation>请查看上面的结果；docs/host.md 解释了每一项检查。</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>What renters pay per GPU-hour (per hour for the whole computer when it has no GPU).</source>
        <translation>租用者每卡时支付的价格（没有 GPU 时为整机每小时价格）。</translation>
    </message>
    <message>
        <source>Asking the market what similar computers earn…</source>
        <translation>正在向市场查询同类计算机的收入…</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Price per hour:</source>
        <translation>每小时价格：</translation>
    </message>
    <message>
        <source>Electricity price per kWh:</source>
        <translation>每千瓦时电价：</translation>
    </message>
    <message>
        <source>Power under load:</source>
        <translation>满载功耗：</translation>
    </message>
    <message>
        <source>Hours lent per day:</source>
        <translation>每天出借时长：</translation>
    </message>
    <message>
        <source>Expected per day:</source>
        <translation>预计每天：</translation>
    </message>
    <message>
        <source>No computer like this one is listed on the market yet: choose a price.</source>
        <translation>市场上还没有与本机类似的计算机上架：请自行定价。</translation>
    </message>
    <message>
        <source>Similar computers (%1) ask a median %2, %3 listed, %4 % of them rented now.</source>
        <translation>同类计算机（%1）的中位报价为 %2，已上架 %3 台，其中 %4 % 正在出租。</translation>
    </message>
    <message>
        <source>no GPU</source>
        <translation>无 GPU</translation>
    </message>
    <message>
        <source>%1 net: renters pay %2, platform fee %3, electricity %4</source>
        <translation>净收入 %1：租用者支付 %2，平台费 %3，电费 %4</translation>
    </message>
    <message>
        <source>The market did not say its fee: the figure is before the fee.</source>
        <translation>市场未提供平台费率：该数字为扣除平台费前的金额。</translation>
    </message>
    <message>
        <source>Nothing like this computer is rented now, so the estimate is zero; a price below the median gets renters sooner.</source>
        <translation>目前没有与本机类似的计算机在出租，因此估算为零；低于中位价的价格能更快吸引租用者。</translation>
    </message>
    <message>
        <source>When to lend</source>
        <translation>出借时间</translation>
    </message>
    <message>
        <source>You are never bothered while you use this computer.</source>
        <translation>您使用本机时绝不会受到打扰。</translation>
    </message>
    <message>
        <source>Only when I am away</source>
        <translation>仅在我离开时</translation>
    </message>
    <message>
        <source> min without keyboard or mouse</source>
        <translation> 分钟无键盘鼠标操作</translation>
    </message>
    <message>
        <source>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</source>
        <translation>任意时间，或例如 mon-fri 22:00-08:00, sat 00:00-24:00</translation>
    </message>
    <message>
        <source>Pause when another program uses the GPU or a fullscreen app runs</source>
        <translation>其他程序使用 GPU 或有全屏应用运行时暂停</translation>
    </message>
    <message>
        <source>Interruptible: rentals stop (data kept) when I come back</source>
        <translation>可中断：我回来时停止租用（数据保留）</translation>
    </message>
    <message>
        <source>On demand: rentals continue when I come back; stopping them counts against reliability</source>
        <translation>按需：我回来时租用继续；停止租用会降低可靠性</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>时间表：</translation>
    </message>
    <message>
        <source>Register this computer first: click the button below.</source>
        <translation>请先注册本机：点击下方按钮。</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>无法更改登录启动项：%1</translation>
    </message>
    <message>
        <source>Renters of this agent could reach your local network (router, NAS, other computers). Run the system agent (suanli-host.service): sudo systemctl enable --now suanli-host.service, then lend through it.</source>
        <translation>此代理的租用者可以访问你的本地网络（路由器、NAS、其他电脑）。请改用系统代理（suanli-host.service）：sudo systemctl enable --now suanli-host.service，然后通过它出借。</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>不提供</translation>
    </message>
    <message>
        <source>Day plan, paid up front:</source>
        <translation>包日（预付）：</translation>
    </message>
    <message>
        <source>Week plan:</source>
        <translation>包周：</translation>
    </message>
    <message>
        <source>Month plan (30 days):</source>
        <translation>包月（30 天）：</translation>
    </message>
    <message>
        <source>The day plan</source>
        <translation>包日价</translation>
    </message>
    <message>
        <source>The week plan</source>
        <translation>包周价</translation>
    </message>
    <message>
        <source>The month plan</source>
        <translation>包月价</translation>
    </message>
    <message>
        <source>%1 costs more than %2 hours by the hour (%3): lower it, or raise the hourly price.</source>
        <translation>%1高于按小时计费 %2 小时的费用（%3）：请调低它，或提高每小时价格。</translation>
    </message>
    <message>
        <source>Plans are paid up front and cost less than the same time by the hour (a day by the hour: %1, a week: %2, a month: %3). They are offered only when rentals continue while you use this computer (On demand, next page).</source>
        <translation>套餐需预付，价格低于按小时计费的同等时长（按小时计一天：%1，一周：%2，一个月：%3）。只有在你使用这台电脑时租用仍继续（下一页的“按需”）才会提供套餐。</translation>
    </message>
    <message>
        <source>Start without a GPU, per hour:</source>
        <translation>无卡模式，每小时：</translation>
    </message>
    <message>
        <source>A start without a GPU may cost at most a tenth of the hourly price (%1).</source>
        <translation>无卡模式的价格最多为小时价的十分之一（%1）。</translation>
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
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Your payout of %1 was approved.</source>
        <translation>你的 %1 提现申请已批准。</translation>
    </message>
    <message>
        <source>Your payout of %1 was paid (reference %2).</source>
        <translation>你的 %1 提现已打款（参考号 %2）。</translation>
    </message>
    <message>
        <source>Your payout of %1 was rejected: %2. The amount is back in your balance.</source>
        <translation>你的 %1 提现申请被拒绝：%2。该金额已退回余额。</translation>
    </message>
    <message>
        <source>Payout %1</source>
        <translation>提现 %1</translation>
    </message>
    <message>
        <source>Its plan ends at %1 and renews for %2.</source>
        <translation>其套餐将于 %1 到期，并以 %2 续费。</translation>
    </message>
    <message>
        <source>Its plan ends at %1; the balance does not cover the %2 renewal, so it then goes on by the hour.</source>
        <translation>其套餐将于 %1 到期；余额不足以支付 %2 的续费，届时将转为按小时计费。</translation>
    </message>
    <message>
        <source>Its plan ends at %1; it then goes on by the hour.</source>
        <translation>其套餐将于 %1 到期；之后转为按小时计费。</translation>
    </message>
    <message>
        <source>Instance %1: plan ends soon</source>
        <translation>实例 %1：套餐即将到期</translation>
    </message>
    <message>
        <source>My &amp;images…</source>
        <translation>我的镜像(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>suanli::ui::MyImagesDialog</name>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>My images</source>
        <translation>我的镜像</translation>
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
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Storage per GB and month</source>
        <translation>每 GB 每月存储费</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Cannot load your images: %1</source>
        <translation>无法加载您的镜像：%1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>lives on host %1 only</source>
        <translation>仅存于主机 %1</translation>
    </message>
    <message>
        <source>market registry (any host)</source>
        <translation>市场镜像仓库（任意主机）</translation>
    </message>
    <message>
        <source>You have no saved images. Use “Save as image…” on an instance.</source>
        <translation>您还没有保存的镜像。请在实例上使用“保存为镜像…”。</translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>Delete the image %1? Instances can no longer be launched from it; its storage is no longer billed.</source>
        <translation>删除镜像 %1？之后将无法再用它启动实例；其存储不再计费。</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
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
    <message>
        <source>CPU per GPU</source>
        <translation>单卡 CPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>RAM per GPU</source>
        <translation>单卡内存</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>整机</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s), %1 GB</source>
        <translation>
            <numerusform>%n 核，%1 GB</numerusform>
        </translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>Network (stated)</source>
        <translation>网络（声明）</translation>
    </message>
    <message>
        <source>Disk writes</source>
        <translation>磁盘写入</translation>
    </message>
    <message>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>测量时间</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PairDelegate</name>
    <message>
        <source>Paused at %1 of %2</source>
        <translation>已暂停于 %1 / %2</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>正在比较两端…</translation>
    </message>
    <message>
        <source>Syncing · %1 % · %2/s</source>
        <translation>正在同步 · %1 % · %2/s</translation>
    </message>
    <message>
        <source>%1 %2 %3:%4</source>
        <translation>%1 %2 %3:%4</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PairDialog</name>
    <message>
        <source>Edit folder pair</source>
        <translation>编辑文件夹对</translation>
    </message>
    <message>
        <source>Add a folder pair</source>
        <translation>添加文件夹对</translation>
    </message>
    <message>
        <source>A folder on this computer</source>
        <translation>本机上的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Path on the instance</source>
        <translation>实例上的路径</translation>
    </message>
    <message>
        <source>Upload: this folder → the instance</source>
        <translation>上传：此文件夹 → 实例</translation>
    </message>
    <message>
        <source>Download: the instance → this folder</source>
        <translation>下载：实例 → 此文件夹</translation>
    </message>
    <message>
        <source>Sync now copies</source>
        <translation>立即同步的方向</translation>
    </message>
    <message>
        <source>Files whose size and time match are skipped; large files resume where a cancelled sync stopped. A .suanliignore file in the folder lists what to leave out, like .gitignore.</source>
        <translation>大小和时间一致的文件会被跳过；大文件会从同步取消处继续传输。文件夹中的 .suanliignore 文件列出要排除的内容，用法同 .gitignore。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Choose later (not rented yet)</source>
        <translation>稍后选择（尚未租用）</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Instance %1 (gone)</source>
        <translation>实例 %1（已不存在）</translation>
    </message>
    <message>
        <source>Choose the local folder</source>
        <translation>选择本地文件夹</translation>
    </message>
    <message>
        <source>Delete files on the instance that this folder no longer has</source>
        <translation>删除实例上此文件夹中已不存在的文件</translation>
    </message>
    <message>
        <source>Delete files in this folder that the instance no longer has</source>
        <translation>删除此文件夹中实例上已不存在的文件</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PassphraseDialog</name>
    <message>
        <source>SSH key passphrase</source>
        <translation>SSH 密钥口令</translation>
    </message>
    <message>
        <source>Suanli keeps it in the system keychain and uses it for its own tunnels. Your key file is not changed.</source>
        <translation>Suanli 将口令保存在系统钥匙串中，用于其自身的隧道。您的密钥文件不会被修改。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Enter the passphrase of your SSH key.</source>
        <translation>请输入 SSH 密钥的口令。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PayoutPanel</name>
    <message>
        <source>Request payout…</source>
        <translation>申请提现…</translation>
    </message>
    <message>
        <source>Earned:</source>
        <translation>已赚取：</translation>
    </message>
    <message>
        <source>Withdrawable:</source>
        <translation>可提现：</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>已申请：</translation>
    </message>
    <message>
        <source>Paid out:</source>
        <translation>已打款：</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Payout of %1 requested.</source>
        <translation>已申请提现 %1。</translation>
    </message>
    <message>
        <source>The market refused the payout: %1</source>
        <translation>市场拒绝了提现：%1</translation>
    </message>
    <message>
        <source>Request payout</source>
        <translation>申请提现</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>最多 %1</translation>
    </message>
    <message>
        <source>e.g. alipay:you@example.com or a bank account</source>
        <translation>例如 alipay:you@example.com 或银行账号</translation>
    </message>
    <message numerus="yes">
        <source>Earnings can be paid out %n day(s) after they were earned. The operator approves the request and then makes the transfer.</source>
        <translation>
            <numerusform>收益在赚取 %n 天后可以提现。运营方批准申请后再进行转账。</numerusform>
        </translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>收款方：</translation>
    </message>
    <message>
        <source>Enter a positive amount with at most 6 decimals.</source>
        <translation>请输入一个正数金额，最多 6 位小数。</translation>
    </message>
    <message>
        <source>At most %1 is withdrawable now.</source>
        <translation>目前最多可提现 %1。</translation>
    </message>
    <message>
        <source>Say where the money should go.</source>
        <translation>请说明款项应打到哪里。</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>正在发送申请…</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SaveImageDialog</name>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save %1 as an image</source>
        <translation>将 %1 保存为镜像</translation>
    </message>
    <message>
        <source>The instance&apos;s system disk (what you installed, /root, /etc, …) becomes an image only you can launch. /workspace is not part of it. Storing it costs %1 per GB and month, billed per second until you delete it.</source>
        <translation>实例的系统盘（您安装的内容、/root、/etc 等）将成为只有您能启动的镜像，不包含 /workspace。存储费用为每 GB 每月 %1，按秒计费，直到您删除它。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Asking the market…</source>
        <translation>正在询问市场…</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Ready: %1. It lives on host %2 only: launch it on that host&apos;s offer.</source>
        <translation>就绪：%1。它仅存于主机 %2：请在该主机的报价上启动。</translation>
    </message>
    <message>
        <source>Ready: %1, in the market&apos;s registry: any host can launch it.</source>
        <translation>就绪：%1，已存入市场镜像仓库：任意主机均可启动。</translation>
    </message>
    <message>
        <source>The save failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Saving… the host is committing the instance&apos;s system disk.</source>
        <translation>正在保存…主机正在提交实例的系统盘。</translation>
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
    <message>
        <source>SSH key</source>
        <translation>SSH 密钥</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>正在读取密钥…</translation>
    </message>
    <message>
        <source>leave empty to use the saved one</source>
        <translation>留空则使用已保存的口令</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>确认口令</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>移除口令</translation>
    </message>
    <message>
        <source>The key file is re-encrypted in place; your instances keep accepting it. Suanli keeps the passphrase in the system keychain; ssh and VS Code ask for it themselves (or use ssh-agent).</source>
        <translation>密钥文件会原地重新加密；您的实例仍会接受它。Suanli 将口令保存在系统钥匙串中；ssh 和 VS Code 会自行询问口令（或使用 ssh-agent）。</translation>
    </message>
    <message>
        <source>Type the new passphrase twice.</source>
        <translation>请输入两次新口令。</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <source>Your SSH key is protected by a passphrase.</source>
        <translation>您的 SSH 密钥已受口令保护。</translation>
    </message>
    <message>
        <source>Your SSH key has no passphrase: anyone who can read your files can use it.</source>
        <translation>您的 SSH 密钥没有口令：任何能读取您文件的人都能使用它。</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <source>Removing the passphrase…</source>
        <translation>正在移除口令…</translation>
    </message>
    <message>
        <source>Encrypting the key…</source>
        <translation>正在加密密钥…</translation>
    </message>
    <message>
        <source>The current passphrase is wrong (or none is saved): type it in &quot;Current passphrase&quot;. Nothing was changed.</source>
        <translation>当前口令错误（或未保存口令）：请在“当前口令”中输入。未做任何更改。</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>无法更改登录启动项：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::StateWidget</name>
    <message>
        <source>This takes a moment.</source>
        <translation>请稍候。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SyncProgressPanel</name>
    <message>
        <source>Data</source>
        <translation>数据量</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>正在比较两端…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Nothing to copy: both sides match.</source>
        <translation>无需复制：两端一致。</translation>
    </message>
    <message numerus="yes">
        <source>Sync now would upload %n file(s), %1.</source>
        <translation>
            <numerusform>立即同步将上传 %n 个文件，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync now would download %n file(s), %1.</source>
        <translation>
            <numerusform>立即同步将下载 %n 个文件，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s), %1.</source>
        <translation>
            <numerusform>正在上传 %n 个文件，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n file(s), %1.</source>
        <translation>
            <numerusform>正在下载 %n 个文件，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) (%1) already there.</source>
        <translation>
            <numerusform>%n 个文件（%1）已存在。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) to create.</source>
        <translation>
            <numerusform>需创建 %n 个文件夹。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s).</source>
        <translation>
            <numerusform>%n 个链接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete on the instance.</source>
        <translation>
            <numerusform>实例上有 %n 项待删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete in the folder.</source>
        <translation>
            <numerusform>文件夹中有 %n 项待删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (see the list).</source>
        <translation>
            <numerusform>已跳过 %n 项（见列表）。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt; (nothing moved): </source>
        <translation>&lt;b&gt;预览&lt;/b&gt;（未传输任何内容）：</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::TopUpDialog</name>
    <message>
        <source>Create order</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Amount, e.g. 100 or 12.50</source>
        <translation>金额，例如 100 或 12.50</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>The balance grows once the payment for an order is confirmed.</source>
        <translation>订单的付款确认后，余额才会增加。</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建于</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Order created. Pay %1 quoting the reference &lt;b&gt;%2&lt;/b&gt; before %3; the balance grows once the payment is confirmed.</source>
        <translation>订单已创建。请在 %3 之前支付 %1，并注明参考号 &lt;b&gt;%2&lt;/b&gt;；付款确认后余额才会增加。</translation>
    </message>
    <message>
        <source>The market refused the order: %1</source>
        <translation>市场拒绝了订单：%1</translation>
    </message>
    <message>
        <source>Paid: %1 (%2) was credited.</source>
        <translation>已支付：%1（%2）已入账。</translation>
    </message>
    <message>
        <source>Enter a positive amount with at most 6 decimals, e.g. 100 or 12.50.</source>
        <translation>请输入一个正数金额，最多 6 位小数，例如 100 或 12.50。</translation>
    </message>
    <message>
        <source>Asking the market for an order…</source>
        <translation>正在向市场申请订单…</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>suanli::ui::TrayIcon</name>
    <message>
        <source>Lend now</source>
        <translation>立即出借</translation>
    </message>
    <message>
        <source>Pause 1 h</source>
        <translation>暂停 1 小时</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>暂停到明天</translation>
    </message>
    <message>
        <source>Open Suanli</source>
        <translation>打开算力</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>suanli::ui::TrayText</name>
    <message>
        <source>Off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Waiting for idle</source>
        <translation>等待空闲</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>已上架</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>已出租</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>checking whether you are using this computer</source>
        <translation>正在检测您是否在使用本机</translation>
    </message>
    <message>
        <source>lending is switched off</source>
        <translation>出借已关闭</translation>
    </message>
    <message>
        <source>outside your lending hours</source>
        <translation>不在出借时间段内</translation>
    </message>
    <message numerus="yes">
        <source>you are using this computer; lending starts after %n minute(s) idle</source>
        <translation>
            <numerusform>您正在使用本机；空闲 %n 分钟后开始出借</numerusform>
        </translation>
    </message>
    <message>
        <source>you are using the GPU</source>
        <translation>您正在使用 GPU</translation>
    </message>
    <message>
        <source>a fullscreen app is running</source>
        <translation>有全屏应用正在运行</translation>
    </message>
    <message>
        <source>the GPU is above %1 °C</source>
        <translation>GPU 温度超过 %1 °C</translation>
    </message>
    <message>
        <source>the GPUs draw more than %1 W</source>
        <translation>GPU 功耗超过 %1 W</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>暂停至 %1</translation>
    </message>
    <message>
        <source>cannot tell whether you are using this computer (%1); lend on a schedule instead, or choose Lend now</source>
        <translation>无法判断您是否在使用本机（%1）；请改为按时间表出借，或选择“立即出借”</translation>
    </message>
    <message>
        <source>the host agent stopped with an error</source>
        <translation>主机代理因错误而停止</translation>
    </message>
    <message>
        <source>Suanli: not lending</source>
        <translation>算力：未出借</translation>
    </message>
    <message>
        <source>Suanli: waiting for idle</source>
        <translation>算力：等待空闲</translation>
    </message>
    <message>
        <source>Suanli: listed, waiting for a renter</source>
        <translation>算力：已上架，等待租用者</translation>
    </message>
    <message>
        <source>Suanli: rented, earning %1 per hour</source>
        <translation>算力：已出租，每小时收入 %1</translation>
    </message>
    <message>
        <source>Suanli: rented, earning %1 per hour before the platform fee</source>
        <translation>算力：已出租，每小时收入 %1（未扣平台费）</translation>
    </message>
    <message>
        <source>Suanli: paused</source>
        <translation>算力：已暂停</translation>
    </message>
    <message>
        <source>Suanli: error</source>
        <translation>算力：出错</translation>
    </message>
    <message>
        <source>Listed but not earning: check your price against the suggestion</source>
        <translation>已上架但没有收入：请对照建议价格检查您的定价</translation>
    </message>
    <message>
        <source>A GPU is not visible inside containers: run the self-test in the Lend view</source>
        <translation>容器内看不到某块 GPU：请在“出借”视图中运行自检</translation>
    </message>
    <message>
        <source>Listed on this computer&apos;s own market (local mode), not lent to anyone else. Switch lending on to lend it by your rules.</source>
        <translation>已在本机自己的市场上架（本地模式），未出借给其他人。打开出借即可按你的规则出借。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Suanli: listed on this computer&apos;s own market</source>
        <translation>算力：已在本机自己的市场上架</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::BarChart</name>
    <message>
        <source>%1: %2</source>
        <comment>category: value</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::GuardDialog</name>
    <message>
        <source>instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>Cost guard for %1</source>
        <translation>%1 的费用保护</translation>
    </message>
    <message>
        <source>The market stops the instance (its data is kept) when a limit is reached, even while this app is closed. Spent so far: %1.</source>
        <translation>达到限制时，市场会停止实例（数据保留），即使本应用已关闭也是如此。目前已花费：%1。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Total spend of this instance, in %1; empty for no limit</source>
        <translation>此实例的总花费，单位 %1；留空表示不限</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Running time over all periods</source>
        <translation>所有运行时段累计的运行时长</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Idle means every GPU below this utilisation and no SSH session</source>
        <translation>空闲指所有 GPU 的利用率均低于此值且没有 SSH 会话</translation>
    </message>
    <message>
        <source>Idle means the CPU below this (100 % = one core) and no SSH session</source>
        <translation>空闲指 CPU 低于此值（100 % = 一个核心）且没有 SSH 会话</translation>
    </message>
    <message>
        <source>Maximum spend (%1):</source>
        <translation>花费上限（%1）：</translation>
    </message>
    <message>
        <source>Maximum running time:</source>
        <translation>运行时长上限：</translation>
    </message>
    <message>
        <source>Stop when idle for:</source>
        <translation>空闲多久后停止：</translation>
    </message>
    <message>
        <source>Idle below (GPU):</source>
        <translation>空闲阈值（GPU）：</translation>
    </message>
    <message>
        <source>Idle below (CPU):</source>
        <translation>空闲阈值（CPU）：</translation>
    </message>
    <message>
        <source>Write the maximum spend as an amount such as 50 or 12.5, or leave it empty for no limit.</source>
        <translation>请将花费上限写成金额，例如 50 或 12.5，或留空表示不限。</translation>
    </message>
    <message>
        <source>The market did not take the new limits: %1 Check the values and your connection, then save again.</source>
        <translation>市场未接受新的限制：%1 请检查数值和网络连接，然后重新保存。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::InstanceDashboard</name>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>显示最近 %1</translation>
    </message>
    <message>
        <source>Cost guard…</source>
        <translation>费用保护…</translation>
    </message>
    <message>
        <source>Limits the market enforces even while this app is closed</source>
        <translation>即使本应用已关闭，市场仍会执行的限制</translation>
    </message>
    <message>
        <source>GPU utilisation</source>
        <translation>GPU 利用率</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>GPU memory used</source>
        <translation>GPU 显存占用</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>GPU temperature</source>
        <translation>GPU 温度</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>GPU power</source>
        <translation>GPU 功耗</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>CPU (100 % = one core)</source>
        <translation>CPU（100 % = 一个核心）</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>内存占用</translation>
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
        <source>Waiting for telemetry…</source>
        <translation>正在等待遥测数据…</translation>
    </message>
    <message>
        <source>This instance has no GPU: the charts show its CPU and memory.</source>
        <translation>此实例没有 GPU：图表显示其 CPU 和内存。</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>No telemetry yet</source>
        <translation>暂无遥测数据</translation>
    </message>
    <message>
        <source>GPU %1 %</source>
        <translation>GPU %1 %</translation>
    </message>
    <message>
        <source>CPU %1 %</source>
        <translation>CPU %1 %</translation>
    </message>
    <message>
        <source>RAM %1 GiB</source>
        <translation>内存 %1 GiB</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>started without a GPU (CPU only)</source>
        <translation>无卡模式启动（仅 CPU）</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::InstanceHistoryView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>正在加载历史记录…</translation>
    </message>
    <message>
        <source>Cannot load the history: %1</source>
        <translation>无法加载历史记录：%1</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>暂无状态变更记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n 次变更，最新的在前。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::SpendWidget</name>
    <message>
        <source>Spend this month</source>
        <translation>本月花费</translation>
    </message>
    <message>
        <source>No spend this month</source>
        <translation>本月无花费</translation>
    </message>
    <message>
        <source>Spend per day</source>
        <translation>每日花费</translation>
    </message>
    <message>
        <source>Nothing is charging now</source>
        <translation>当前没有计费项目</translation>
    </message>
    <message>
        <source>%1 per hour now</source>
        <translation>当前每小时 %1</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <source>The balance is used up: top up to keep instances running</source>
        <translation>余额已用尽：请充值以保持实例运行</translation>
    </message>
    <message>
        <source>Balance %1 lasts %2 at this rate</source>
        <translation>按当前速度，余额 %1 可用 %2</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>实例 %1</translation>
    </message>
    <message>
        <source>Spend per day, %1 %2</source>
        <comment>month, year</comment>
        <translation>每日花费，%2 年 %1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::TimeChart</name>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>line name: value</comment>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
