<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Duration</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分</translation>
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
        <translation>在本應用內執行市場和主機代理（本機模式）。</translation>
    </message>
    <message>
        <source>Connect to the market at URL.</source>
        <translation>連線到 URL 處的市場。</translation>
    </message>
    <message>
        <source>Start in the tray (contributor mode).</source>
        <translation>在托盤中啟動（貢獻者模式）。</translation>
    </message>
    <message>
        <source>Start without showing the window.</source>
        <translation>啟動時不顯示視窗。</translation>
    </message>
</context>
<context>
    <name>suanli::access::InstanceAccess</name>
    <message>
        <source>The instance has no SSH address yet.</source>
        <translation>實例還沒有 SSH 位址。</translation>
    </message>
    <message>
        <source>Jupyter was not enabled when this instance was created.</source>
        <translation>建立此實例時未啟用 Jupyter。</translation>
    </message>
    <message>
        <source>The instance is not running.</source>
        <translation>實例未在執行。</translation>
    </message>
</context>
<context>
    <name>suanli::access::PortForwardModel</name>
    <message>
        <source>Open http://127.0.0.1:%1 on this computer to reach port %2 of the instance.</source>
        <translation>在本機開啟 http://127.0.0.1:%1 即可存取實例的 %2 連接埠。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) refused by the instance: nothing listens on port %1 there.</source>
        <translation>
            <numerusform>實例拒絕了 %n 個連線：其 %1 連接埠上沒有程式在監聽。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 total)</source>
        <extracomment>active connections, then all connections since the forward was added</extracomment>
        <translation>%1（共 %2）</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本機連接埠</translation>
    </message>
    <message>
        <source>Instance port</source>
        <translation>實例連接埠</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>連線數</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已傳送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>No instance is selected.</source>
        <translation>未選擇實例。</translation>
    </message>
</context>
<context>
    <name>suanli::access::TerminalLauncher</name>
    <message>
        <source>No terminal program was found. Copy the SSH command and run it in a terminal of your choice.</source>
        <translation>找不到終端機程式。請複製 SSH 指令，在您選用的終端機中執行。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>無法啟動 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::app::BillingController</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>suanli::app::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>沒有為 %1 儲存金鑰。</translation>
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
        <translation>準備中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
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
        <translation>啟動中</translation>
    </message>
    <message>
        <source>Destroying</source>
        <translation>銷毀中</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已銷毀</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中斷</translation>
    </message>
    <message>
        <source>you asked</source>
        <translation>您的請求</translation>
    </message>
    <message>
        <source>balance used up</source>
        <translation>餘額用盡</translation>
    </message>
    <message>
        <source>the host stopped answering</source>
        <translation>主機沒有回應</translation>
    </message>
    <message>
        <source>kept stopped too long</source>
        <translation>停止時間過長</translation>
    </message>
    <message>
        <source>spending limit reached</source>
        <translation>達到消費上限</translation>
    </message>
    <message>
        <source>time limit reached</source>
        <translation>達到時長上限</translation>
    </message>
    <message>
        <source>the owner needs the machine</source>
        <translation>機主需要使用機器</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>僅 CPU</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/小時</translation>
    </message>
    <message>
        <source>data deleted in %1 (%2/day)</source>
        <translation>%1 後刪除資料（%2/天）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 數</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>已執行</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>已花費</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>Data kept</source>
        <translation>資料保留</translation>
    </message>
</context>
<context>
    <name>suanli::app::KeychainSecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>沒有為 %1 儲存金鑰。</translation>
    </message>
</context>
<context>
    <name>suanli::app::LedgerModel</name>
    <message>
        <source>Top-up</source>
        <translation>儲值</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>抵用券</translation>
    </message>
    <message>
        <source>GPU time</source>
        <translation>GPU 時長</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Platform fee</source>
        <translation>平台費</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>餘額</translation>
    </message>
</context>
<context>
    <name>suanli::app::LocalHost</name>
    <message>
        <source>This build has no host agent engine, so this computer is not lent; the catalog shows other hosts of this market.</source>
        <translation>此版本不含主機代理引擎，因此不會出借本機；目錄中顯示的是本市場的其他主機。</translation>
    </message>
    <message>
        <source>Not lending this computer.</source>
        <translation>未出借本機。</translation>
    </message>
    <message>
        <source>Registering this computer with the local market…</source>
        <translation>正在向本機市場註冊本機…</translation>
    </message>
    <message>
        <source>Cannot register this computer: %1</source>
        <translation>無法註冊本機：%1</translation>
    </message>
    <message>
        <source>Starting the host agent…</source>
        <translation>正在啟動主機代理…</translation>
    </message>
    <message>
        <source>This computer is not lent: %1 in %2</source>
        <translation>本機未出租：%2 中 %1</translation>
    </message>
    <message>
        <source>Starting the host agent (checking Podman)…</source>
        <translation>正在啟動主機代理（檢查 Podman）…</translation>
    </message>
    <message>
        <source>The host agent is connecting to the local market…</source>
        <translation>主機代理正在連線本機市場…</translation>
    </message>
    <message>
        <source>Lending this computer: CPU only (no GPU found).</source>
        <translation>正在出租本機：僅 CPU（未發現 GPU）。</translation>
    </message>
    <message numerus="yes">
        <source>Lending this computer: %n GPU(s).</source>
        <translation>
            <numerusform>正在出租本機：%n 張 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer is not lent: %1</source>
        <translation>本機未出租：%1</translation>
    </message>
    <message>
        <source>the host agent stopped.</source>
        <translation>主機代理已停止。</translation>
    </message>
    <message>
        <source>This computer could not be listed: %1</source>
        <translation>無法上架本機：%1</translation>
    </message>
</context>
<context>
    <name>suanli::app::LocalMarket</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>無法建立資料夾 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::app::MarketClient</name>
    <message>
        <source>The market did not answer in time.</source>
        <translation>市場未及時回應。</translation>
    </message>
    <message>
        <source>Cannot reach the market: %1</source>
        <translation>無法連線市場：%1</translation>
    </message>
</context>
<context>
    <name>suanli::app::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>沒有為 %1 儲存金鑰。</translation>
    </message>
</context>
<context>
    <name>suanli::app::OfferTableModel</name>
    <message>
        <source>CPU only</source>
        <translation>僅 CPU</translation>
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
        <translation>未知 GPU 型號：寧缺毋猜</translation>
    </message>
    <message>
        <source>Peak FP16 TFLOPS per %1 per hour of the whole offer</source>
        <translation>整個報價每 %1/小時 可得的 FP16 峰值 TFLOPS</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPUs free</source>
        <translation>空閒 GPU</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>顯示記憶體</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>硬碟</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>TFLOPS</source>
        <translation>TFLOPS</translation>
    </message>
    <message>
        <source>A CPU-only machine, rented whole</source>
        <translation>僅 CPU 的機器，整機出租</translation>
    </message>
    <message>
        <source>Price
per GPU·h</source>
        <translation>價格/卡·時</translation>
    </message>
    <message>
        <source>Storage
per GB·mo</source>
        <translation>儲存/GB·月</translation>
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
        <translation>開啟終端機</translation>
    </message>
    <message>
        <source>Open in VS Code</source>
        <translation>在 VS Code 中開啟</translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation>複製 SSH 指令</translation>
    </message>
    <message>
        <source>Open Jupyter</source>
        <translation>開啟 Jupyter</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>複製網址</translation>
    </message>
    <message>
        <source>Add forward</source>
        <translation>新增轉送</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Get in</source>
        <translation>連線實例</translation>
    </message>
    <message>
        <source>Open Jupyter to get its address</source>
        <translation>開啟 Jupyter 後顯示其網址</translation>
    </message>
    <message>
        <source>Jupyter:</source>
        <translation>Jupyter：</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>The port a program listens on inside the instance (6006: TensorBoard, 8888: Jupyter)</source>
        <translation>實例內程式監聽的連接埠（6006：TensorBoard，8888：Jupyter）</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>任意空閒</translation>
    </message>
    <message>
        <source>The port on this computer (127.0.0.1)</source>
        <translation>本機上的連接埠（127.0.0.1）</translation>
    </message>
    <message>
        <source>Instance port</source>
        <translation>實例連接埠</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本機連接埠</translation>
    </message>
    <message>
        <source>Cannot open VS Code. Install it with the Remote - SSH extension, or copy the SSH command.</source>
        <translation>無法開啟 VS Code。請安裝 VS Code 及 Remote - SSH 擴充功能，或複製 SSH 指令。</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已複製：%1</translation>
    </message>
    <message>
        <source>Jupyter address copied.</source>
        <translation>已複製 Jupyter 網址。</translation>
    </message>
    <message>
        <source>Cannot write the SSH configuration: %1</source>
        <translation>無法寫入 SSH 設定：%1</translation>
    </message>
    <message>
        <source>Line %1 of ~/.ssh/config (%2) comes before Suanli&apos;s and overrides it for this instance; move it below the Include line.</source>
        <translation>~/.ssh/config 第 %1 行（%2）位於 Suanli 的設定之前，會覆蓋此實例的設定；請把它移到 Include 行之後。</translation>
    </message>
    <message>
        <source>Jupyter was not enabled when this instance was launched.</source>
        <translation>啟動此實例時未啟用 Jupyter。</translation>
    </message>
    <message>
        <source>In any terminal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>在任意終端機中執行：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Writing the SSH configuration…</source>
        <translation>正在寫入 SSH 設定…</translation>
    </message>
    <message>
        <source>A terminal opens with %1.</source>
        <translation>正在開啟終端機並執行 %1。</translation>
    </message>
    <message>
        <source>Jupyter opens in your browser through an SSH tunnel; the address above works while Suanli runs.</source>
        <translation>Jupyter 將透過 SSH 通道在瀏覽器中開啟；Suanli 執行期間上方的網址皆可使用。</translation>
    </message>
    <message>
        <source>Port %1 on this computer is in use: choose another local port, or leave it at &quot;any free&quot;.</source>
        <translation>本機連接埠 %1 已被佔用：請換一個本機連接埠，或保留為「任意空閒」。</translation>
    </message>
    <message>
        <source>127.0.0.1:%1 on this computer now reaches port %2 of the instance.</source>
        <translation>本機 127.0.0.1:%1 現已連到實例的 %2 連接埠。</translation>
    </message>
    <message>
        <source>Tunnels: none open. The SSH connection starts with the first forward.</source>
        <translation>通道：未開啟。新增第一個轉送時建立 SSH 連線。</translation>
    </message>
    <message>
        <source>Tunnels: connecting…</source>
        <translation>通道：正在連線…</translation>
    </message>
    <message>
        <source>Tunnels: connected.</source>
        <translation>通道：已連線。</translation>
    </message>
    <message>
        <source>Tunnels: connection lost, reconnecting…</source>
        <translation>通道：連線中斷，正在重新連線…</translation>
    </message>
    <message>
        <source>Tunnels: stopped after an error that retrying cannot fix.</source>
        <translation>通道：發生重試也無法解決的錯誤，已停止。</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>安全警告</translation>
    </message>
    <message>
        <source>The instance&apos;s SSH server did not prove it is the instance you rented. Suanli refused the connection.</source>
        <translation>實例的 SSH 伺服器未能證明它就是您租用的實例。Suanli 已拒絕連線。</translation>
    </message>
    <message>
        <source>The host key it presented differs from the one the market recorded when the instance started, so someone may be intercepting the connection. Nothing was sent. Do not connect to this instance by other means; destroy it and launch a new one.</source>
        <translation>它出示的主機金鑰與實例啟動時市場記錄的不同，可能有人在攔截連線。未傳送任何資料。請勿透過其他方式連線此實例；請銷毀它並啟動新實例。</translation>
    </message>
    <message>
        <source>Connection refused: the host key does not match the pinned one.</source>
        <translation>已拒絕連線：主機金鑰與固定的金鑰不符。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::BillingView</name>
    <message>
        <source>Redeem</source>
        <translation>兌換</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>餘額</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>抵用券代碼</translation>
    </message>
    <message>
        <source>Redeeming…</source>
        <translation>正在兌換…</translation>
    </message>
    <message>
        <source>Voucher redeemed. Your balance is now %1.</source>
        <translation>抵用券已兌換，目前餘額 %1。</translation>
    </message>
    <message>
        <source>No voucher has this code. Check it and try again.</source>
        <translation>沒有這個抵用券碼，請檢查後重試。</translation>
    </message>
    <message>
        <source>This voucher was already redeemed.</source>
        <translation>該抵用券已被兌換。</translation>
    </message>
    <message>
        <source>Cannot redeem the voucher: %1</source>
        <translation>無法兌換抵用券：%1</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>匯出帳單</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Ledger saved to %1.</source>
        <translation>帳單已儲存到 %1。</translation>
    </message>
    <message>
        <source>Cannot export the ledger: %1</source>
        <translation>無法匯出帳單：%1</translation>
    </message>
    <message>
        <source>Cannot load the ledger: %1</source>
        <translation>無法載入帳單：%1</translation>
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
        <translation>僅已驗證</translation>
    </message>
    <message>
        <source>Query, e.g. gpu=RTX_4090 gpus&gt;=2 vram_gb&gt;=24 price&lt;2.5 reliability&gt;0.95</source>
        <translation>查詢，例如 gpu=RTX_4090 gpus&gt;=2 vram_gb&gt;=24 price&lt;2.5 reliability&gt;0.95</translation>
    </message>
    <message>
        <source>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</source>
        <translation>以空格分隔的條件：欄位 運算子 值。運算子：= != &lt; &lt;= &gt; &gt;= in notin。列表：[a,b]。用 _ 代替空格。欄位：gpu、gpus、vram_gb、ram_gb、price、reliability、region、verified、interruptible、cpu_cores、disk_free_gb、perf_tflops 等。</translation>
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
        <translation>顯示記憶體 ≥</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>所有地區</translation>
    </message>
    <message>
        <source>Interruptible or not</source>
        <translation>可中斷與否均可</translation>
    </message>
    <message>
        <source>Interruptible only</source>
        <translation>僅可中斷</translation>
    </message>
    <message>
        <source>Not interruptible</source>
        <translation>不可中斷</translation>
    </message>
    <message>
        <source>Max %1/GPU·h</source>
        <translation>最高 %1/卡·時</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>僅 CPU</translation>
    </message>
    <message>
        <source>All GPU models</source>
        <translation>所有 GPU 型號</translation>
    </message>
    <message numerus="yes">
        <source>%n GPU model(s)</source>
        <translation>
            <numerusform>%n 種 GPU 型號</numerusform>
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
            <numerusform>%n 個報價</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n offer(s) match</source>
        <translation>
            <numerusform>%n 個報價中 %1 個符合</numerusform>
        </translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>未能更新：%1</translation>
    </message>
    <message>
        <source>Loading offers…</source>
        <translation>正在載入報價…</translation>
    </message>
    <message>
        <source>Cannot load offers</source>
        <translation>無法載入報價</translation>
    </message>
    <message>
        <source>%1
Check the market address in Settings, or try again.</source>
        <translation>%1
請在設定中檢查市場地址，或重試。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No offers yet</source>
        <translation>暫無報價</translation>
    </message>
    <message>
        <source>No host lists a machine on this market right now. Offers appear here as soon as one does.</source>
        <translation>目前本市場沒有主機上架機器。一旦有主機上架，報價會立即出現在這裡。</translation>
    </message>
    <message>
        <source>No offer matches</source>
        <translation>沒有符合的報價</translation>
    </message>
    <message>
        <source>No offer meets the query and filters. Loosen a filter or clear the query.</source>
        <translation>沒有報價滿足查詢和篩選條件。請放寬篩選條件或清除查詢。</translation>
    </message>
    <message>
        <source>Clear the query</source>
        <translation>清除查詢</translation>
    </message>
</context>
<context>
    <name>suanli::ui::FirstRunDialog</name>
    <message>
        <source>Try on this computer</source>
        <translation>在本機試用</translation>
    </message>
    <message>
        <source>Runs a market and lends this machine, all in this app, with a starting voucher. Nothing else to set up.</source>
        <translation>在本應用內執行一個市場並出借本機，附贈啟動抵用券，無需其他設定。</translation>
    </message>
    <message>
        <source>Connect to a market</source>
        <translation>連線到市場</translation>
    </message>
    <message>
        <source>Use a market your school, lab or provider runs: you need its address and your token.</source>
        <translation>使用學校、實驗室或服務商營運的市場：需要市場地址和您的權杖。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Welcome to Suanli</source>
        <translation>歡迎使用算力</translation>
    </message>
    <message>
        <source>Rent GPUs by the second. How do you want to start?</source>
        <translation>按秒租用 GPU。您想如何開始？</translation>
    </message>
    <message>
        <source>Market address</source>
        <translation>市場地址</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Enter the market&apos;s address, e.g. https://market.example.edu.</source>
        <translation>請輸入市場地址，例如 https://market.example.edu。</translation>
    </message>
    <message>
        <source>A renter&apos;s token starts with sk_. Ask the market&apos;s operator for one.</source>
        <translation>租用者權杖以 sk_ 開頭，請向市場營運方索取。</translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation>正在向 %1 驗證權杖…</translation>
    </message>
    <message>
        <source>The market does not accept this token.</source>
        <translation>市場不接受此權杖。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>無法連線：%1</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>已登入為 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::InstancesView</name>
    <message>
        <source>Start</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>停止…</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>銷毀…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日誌</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>Cannot stop the instance</source>
        <translation>無法停止實例</translation>
    </message>
    <message>
        <source>Cannot start the instance</source>
        <translation>無法啟動實例</translation>
    </message>
    <message>
        <source>Cannot destroy the instance</source>
        <translation>無法銷毀實例</translation>
    </message>
    <message>
        <source>Loading instances…</source>
        <translation>正在載入實例…</translation>
    </message>
    <message>
        <source>Cannot load instances</source>
        <translation>無法載入實例</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No instances</source>
        <translation>暫無實例</translation>
    </message>
    <message>
        <source>Rent a GPU in the Catalog: pick an offer and press Rent. It appears here at once and starts in a minute or two.</source>
        <translation>在目錄中租用 GPU：選擇一個報價並點選「租用」。實例會立即出現在這裡，一兩分鐘內啟動。</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>映像：%1</translation>
    </message>
    <message>
        <source>Disk: %1 GB</source>
        <translation>硬碟：%1 GB</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>建立於：%1</translation>
    </message>
    <message>
        <source>SSH: ssh -p %1 %2@%3</source>
        <translation>SSH：ssh -p %1 %2@%3</translation>
    </message>
    <message>
        <source>Stops at %1 spent</source>
        <translation>花費達 %1 時停止</translation>
    </message>
    <message>
        <source>Stop %1?</source>
        <translation>停止 %1？</translation>
    </message>
    <message>
        <source>Stop %1? Its data on /workspace is kept.</source>
        <translation>停止 %1？/workspace 中的資料會保留。</translation>
    </message>
    <message>
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after 15 days (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>GPU 停止計費，GPU 歸還給主機。停止期間，%1 GB 硬碟每天收費 %2。停止的實例 15 天後連同資料一起刪除（列表中顯示倒計時）。再次啟動需要同一主機上有空閒 GPU。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Destroy %1?</source>
        <translation>銷毀 %1？</translation>
    </message>
    <message>
        <source>Destroy %1 and delete its data?</source>
        <translation>銷毀 %1 並刪除其資料？</translation>
    </message>
    <message>
        <source>Everything on its disk, /workspace included, is deleted and cannot be recovered. Billing stops; what was spent so far (%1) stays charged.</source>
        <translation>硬碟上的所有內容（包括 /workspace）都會被刪除且無法恢復。計費停止；已花費的 %1 不予退還。</translation>
    </message>
    <message>
        <source>Destroy and delete data</source>
        <translation>銷毀並刪除資料</translation>
    </message>
    <message>
        <source>GPUs are taken</source>
        <translation>GPU 已被佔用</translation>
    </message>
    <message>
        <source>The host&apos;s GPUs are rented by someone else right now.</source>
        <translation>該主機的 GPU 目前已被他人租用。</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Try again later, or launch a new instance on a matching offer (the data does not move with it).</source>
        <translation>您的資料保留在已停止的實例上。請稍後重試，或在相符的報價上建立新實例（資料不會隨之遷移）。</translation>
    </message>
    <message>
        <source>Retry in 5 minutes</source>
        <translation>5 分鐘後重試</translation>
    </message>
    <message>
        <source>Find a matching offer</source>
        <translation>尋找相符的報價</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LaunchDialog</name>
    <message>
        <source>Start Jupyter (reached through an SSH tunnel)</source>
        <translation>啟動 Jupyter（透過 SSH 隧道訪問）</translation>
    </message>
    <message>
        <source>Rent a CPU machine on %1</source>
        <translation>租用 %1 上的 CPU 機器</translation>
    </message>
    <message>
        <source>Rent %1 on %2</source>
        <translation>租用 %2 上的 %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>whole machine</source>
        <translation>整機</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 數</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>硬碟</translation>
    </message>
    <message>
        <source>e.g. llama-finetune (letters, digits, - and _)</source>
        <translation>例如 llama-finetune（字母、數字、- 和 _）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>KEY=value, one per line</source>
        <translation>KEY=value，每行一個</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境變數</translation>
    </message>
    <message>
        <source>Shell commands run at each start, e.g. pip install -r requirements.txt</source>
        <translation>每次啟動時執行的 Shell 命令，例如 pip install -r requirements.txt</translation>
    </message>
    <message>
        <source>On start</source>
        <translation>啟動腳本</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Stop when spent (%1)</source>
        <translation>花費上限（%1）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>執行時長上限</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>正在載入映像…</translation>
    </message>
    <message>
        <source>Cannot load images: %1</source>
        <translation>無法載入映像：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No host of this market offers an image yet.</source>
        <translation>本市場還沒有主機提供映像。</translation>
    </message>
    <message>
        <source>Environment line %1 is not KEY=value.</source>
        <translation>環境變數第 %1 行不是 KEY=value 格式。</translation>
    </message>
    <message>
        <source>Choose an image.</source>
        <translation>請選擇映像。</translation>
    </message>
    <message>
        <source>Machine: &lt;b&gt;%1/h&lt;/b&gt;</source>
        <translation>整機：&lt;b&gt;%1/小時&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 GPU × %2/h = &lt;b&gt;%3/h&lt;/b&gt;</source>
        <translation>%1 張 GPU × %2/小時 = &lt;b&gt;%3/小時&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A day of running: %1</source>
        <translation>執行一天：%1</translation>
    </message>
    <message>
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted 15 days after a stop.</source>
        <translation>停止後，%1 GB 硬碟每天 %2；停止 15 天後刪除資料。</translation>
    </message>
    <message>
        <source>Billed per second from the moment it runs.</source>
        <translation>從開始執行起按秒計費。</translation>
    </message>
    <message>
        <source>Stops after spending %1, about %2 of running.</source>
        <translation>花費 %1 後停止，約可執行 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Stops after %n hour(s), at most %1.</source>
        <translation>
            <numerusform>執行 %n 小時後停止，最多花費 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::Launcher</name>
    <message>
        <source>Starting the local market…</source>
        <translation>正在啟動本機市場…</translation>
    </message>
    <message>
        <source>The local market did not start: %1</source>
        <translation>本機市場未能啟動：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LogDialog</name>
    <message>
        <source>Loading the log…</source>
        <translation>正在載入日誌…</translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation>%1 的日誌</translation>
    </message>
    <message>
        <source>The log is empty so far.</source>
        <translation>日誌暫為空。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); refreshed every 5 seconds.</source>
        <translation>
            <numerusform>%n 行；每 5 秒重新整理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot load the log: %1</source>
        <translation>無法載入日誌：%1</translation>
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
        <translation>目錄</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>實例</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>帳單</translation>
    </message>
    <message>
        <source>&amp;Suanli</source>
        <translation>算力(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>目錄(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Instances</source>
        <translation>實例(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation>帳單(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>Local market · %1</source>
        <translation>本機市場 · %1</translation>
    </message>
    <message>
        <source>Market · %1</source>
        <translation>市場 · %1</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>無法登入：%1</translation>
    </message>
    <message>
        <source>No keychain answers (%1): tokens are kept in memory for this session only. Settings offers a private file instead.</source>
        <translation>沒有可用的鑰匙串（%1）：權杖僅儲存在本次工作階段的記憶體中。可在設定中改用僅本人可讀的檔案。</translation>
    </message>
    <message>
        <source>Your balance is too low for this rental. Redeem a voucher in Billing.</source>
        <translation>餘額不足以支付此次租用。請在「帳單」中兌換抵用券。</translation>
    </message>
    <message>
        <source>Someone rented these GPUs a moment ago. Pick another offer.</source>
        <translation>這些 GPU 剛剛被他人租用，請選擇其他報價。</translation>
    </message>
    <message>
        <source>Cannot launch</source>
        <translation>無法建立</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>餘額 %1</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 即時</translation>
    </message>
    <message numerus="yes">
        <source>Offline · retrying in %n s</source>
        <translation>
            <numerusform>離線 · %n 秒後重試</numerusform>
        </translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>權杖被拒絕</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未連線</translation>
    </message>
</context>
<context>
    <name>suanli::ui::OfferDetailPane</name>
    <message>
        <source>Select an offer to see its details and what it costs.</source>
        <translation>選擇一個報價，檢視詳情和費用。</translation>
    </message>
    <message>
        <source>Rent…</source>
        <translation>租用…</translation>
    </message>
    <message>
        <source>Cost estimate</source>
        <translation>費用估算</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 數</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>硬碟</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>執行時長</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Then kept stopped</source>
        <translation>之後停止保留</translation>
    </message>
    <message>
        <source>No offer selected</source>
        <translation>未選擇報價</translation>
    </message>
    <message>
        <source>CPU-only machine · %1</source>
        <translation>僅 CPU 機器 · %1</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>GPUs free</source>
        <translation>空閒 GPU</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>VRAM per GPU</source>
        <translation>單卡顯示記憶體</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>CUDA / driver</source>
        <translation>CUDA / 驅動</translation>
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
        <translation>未知型號</translation>
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
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>可用硬碟</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>網路</translation>
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
        <translation>地區</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已驗證</translation>
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
        <translation>可中斷</translation>
    </message>
    <message>
        <source>yes: the owner may stop it, data kept</source>
        <translation>是：機主可能停止它，資料保留</translation>
    </message>
    <message>
        <source>Minimum rental</source>
        <translation>最短租期</translation>
    </message>
    <message>
        <source>Price per hour</source>
        <translation>每小時價格</translation>
    </message>
    <message>
        <source>Price per GPU-hour</source>
        <translation>每卡時價格</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>%1 per GB-month</source>
        <translation>每 GB·月 %1</translation>
    </message>
    <message>
        <source>GPU time: &lt;b&gt;%1&lt;/b&gt; (%2/h)&lt;br&gt;Storage while stopped: &lt;b&gt;%3&lt;/b&gt; (%4/day)&lt;br&gt;Total: &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>GPU 時長：&lt;b&gt;%1&lt;/b&gt;（%2/小時）&lt;br&gt;停止期間儲存：&lt;b&gt;%3&lt;/b&gt;（%4/天）&lt;br&gt;合計：&lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SettingsDialog</name>
    <message>
        <source>This computer (local mode)</source>
        <translation>本機（本機模式）</translation>
    </message>
    <message>
        <source>A market at this address:</source>
        <translation>位於此地址的市場：</translation>
    </message>
    <message>
        <source>When no keychain answers, keep tokens in a file only I can read</source>
        <translation>沒有可用的鑰匙串時，把權杖儲存在僅本人可讀的檔案中</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市場</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>leave empty to keep the saved token</source>
        <translation>留空則保留已儲存的權杖</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系統語言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Changes to the market, language and data folder take effect the next time Suanli starts.</source>
        <translation>市場、語言和資料夾的更改將在下次啟動算力時生效。</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain.</source>
        <translation>權杖儲存在系統鑰匙串中。</translation>
    </message>
    <message>
        <source>No keychain answers: tokens are kept in memory only and asked for again at the next start.</source>
        <translation>沒有可用的鑰匙串：權杖僅儲存在記憶體中，下次啟動時需重新輸入。</translation>
    </message>
    <message>
        <source>No keychain answers: tokens are kept in a file only you can read.</source>
        <translation>沒有可用的鑰匙串：權杖儲存在僅您可讀的檔案中。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::StateWidget</name>
    <message>
        <source>This takes a moment.</source>
        <translation>請稍候。</translation>
    </message>
</context>
</TS>
