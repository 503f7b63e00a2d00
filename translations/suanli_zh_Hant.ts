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
        <source>Start in the tray (contributor mode); the window shows when no system tray exists.</source>
        <translation>在系統匣中啟動（貢獻者模式）；若沒有系統匣則顯示視窗。</translation>
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
    <name>suanli::app::AccessController</name>
    <message>
        <source>There is no SSH key to unlock.</source>
        <translation>沒有需要解鎖的 SSH 金鑰。</translation>
    </message>
</context>
<context>
    <name>suanli::app::ApiTokenModel</name>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1（本機）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立於</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
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
    <message>
        <source>idle, stopped by the cost guard</source>
        <translation>閒置，已由費用防護停止</translation>
    </message>
    <message>
        <source>the owner stopped it</source>
        <translation>機主已停止</translation>
    </message>
    <message>
        <source>the host stayed away too long</source>
        <translation>主機離線時間過長</translation>
    </message>
    <message>
        <source>released in %1 unless the host returns</source>
        <translation>%1 後釋放（除非主機恢復上線）</translation>
    </message>
    <message>
        <source>Without a GPU (CPU only)</source>
        <translation>無卡（僅 CPU）</translation>
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
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>CPU
per GPU</source>
        <translation>CPU
單卡</translation>
    </message>
    <message>
        <source>RAM
per GPU</source>
        <translation>記憶體
單卡</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未測量</translation>
    </message>
    <message>
        <source>↓ %1 / ↑ %2 Mbit/s</source>
        <translation>↓ %1 / ↑ %2 Mbit/s</translation>
    </message>
    <message>
        <source>The host&apos;s agent has not measured its link yet</source>
        <translation>該主機的代理尚未測量其網路</translation>
    </message>
    <message>
        <source>Measured to the market %1</source>
        <translation>%1 到市場的實測值</translation>
    </message>
    <message>
        <source>Network
measured</source>
        <translation>網路
實測</translation>
    </message>
</context>
<context>
    <name>suanli::app::SshKeys</name>
    <message>
        <source>There is no place to keep the passphrase in this session.</source>
        <translation>本次工作階段無處保存密碼片語。</translation>
    </message>
    <message>
        <source>Your SSH key is protected by a passphrase, and Suanli does not have it. Enter it to open tunnels to your instances.</source>
        <translation>您的 SSH 金鑰受密碼片語保護，而 Suanli 沒有該密碼片語。請輸入以開啟通往實例的通道。</translation>
    </message>
    <message>
        <source>Enter the passphrase of your SSH key.</source>
        <translation>請輸入 SSH 金鑰的密碼片語。</translation>
    </message>
    <message>
        <source>The key file was changed, but the passphrase could not be saved: %1. Suanli will ask for it when it connects.</source>
        <translation>金鑰檔案已變更，但無法儲存密碼片語：%1。Suanli 連線時會再次詢問。</translation>
    </message>
</context>
<context>
    <name>suanli::client::MarketClient</name>
    <message>
        <source>The market did not answer in time.</source>
        <translation>市場未及時回應。</translation>
    </message>
    <message>
        <source>Cannot reach the market: %1</source>
        <translation>無法連線市場：%1</translation>
    </message>
    <message>
        <source>The market answered HTTP %1.</source>
        <translation>市場回應了 HTTP %1。</translation>
    </message>
</context>
<context>
    <name>suanli::dashboard::Notifier</name>
    <message>
        <source>Instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 已就緒</translation>
    </message>
    <message>
        <source>%1 × %2 is running; connect over SSH.</source>
        <translation>%1 × %2 正在執行；請透過 SSH 連線。</translation>
    </message>
    <message>
        <source>it reached its spending limit of %1.</source>
        <translation>已達到 %1 的消費上限。</translation>
    </message>
    <message>
        <source>it reached its time limit of %1.</source>
        <translation>已達到 %1 的時長上限。</translation>
    </message>
    <message>
        <source>its GPUs were idle for %1 with no SSH session.</source>
        <translation>其 GPU 已閒置 %1 且沒有 SSH 工作階段。</translation>
    </message>
    <message>
        <source>the balance ran out.</source>
        <translation>餘額已用盡。</translation>
    </message>
    <message>
        <source>%1 was stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>The market stopped %1 because %2 Its data is kept.</source>
        <translation>市場停止了 %1，原因：%2 資料會保留。</translation>
    </message>
    <message>
        <source>%1 will be released</source>
        <translation>%1 即將被釋放</translation>
    </message>
    <message>
        <source>%1 has been stopped for a while: its data is destroyed in %2 unless you start it.</source>
        <translation>%1 已停止一段時間：除非您啟動它，否則其資料將在 %2 後銷毀。</translation>
    </message>
    <message>
        <source>Your balance is down to %1, below the amount you set.</source>
        <translation>您的餘額已降至 %1，低於您設定的金額。</translation>
    </message>
    <message>
        <source>Your balance of %1 lasts about %2 at %3 per hour.</source>
        <translation>以每小時 %3 計算，您 %1 的餘額約可使用 %2。</translation>
    </message>
    <message>
        <source>Your balance is down to %1.</source>
        <translation>您的餘額已降至 %1。</translation>
    </message>
    <message>
        <source>Balance running low</source>
        <translation>餘額不足</translation>
    </message>
    <message>
        <source>Top up to keep your instances running.</source>
        <translation>請儲值，以保持實例執行。</translation>
    </message>
    <message>
        <source>The owner of the machine that runs %1 needs it back. %1 stops in %2 (at %3); its data is kept and billing ends at the stop.</source>
        <translation>執行 %1 的機器的機主需要收回機器。%1 將在 %2 後（%3）停止；資料會保留，停止時結束計費。</translation>
    </message>
    <message>
        <source>%1 stops in %2 (at %3): %4. Its data is kept and billing ends at the stop.</source>
        <translation>%1 將在 %2 後（%3）停止：%4。資料會保留，停止時結束計費。</translation>
    </message>
    <message>
        <source>%1 stops soon</source>
        <translation>%1 即將停止</translation>
    </message>
    <message>
        <source>Save your work now.</source>
        <translation>請立即儲存您的工作。</translation>
    </message>
    <message>
        <source>It is running without a GPU (CPU only); connect over SSH.</source>
        <translation>它正在無 GPU 執行（僅 CPU）；可透過 SSH 連線。</translation>
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
        <translation>請選擇本機資料夾。</translation>
    </message>
    <message>
        <source>This folder pair no longer exists.</source>
        <translation>此資料夾配對已不存在。</translation>
    </message>
    <message>
        <source>This folder is syncing: cancel the sync or wait for it to end.</source>
        <translation>此資料夾正在同步：請取消同步或等待其完成。</translation>
    </message>
    <message>
        <source>This folder is already syncing.</source>
        <translation>此資料夾已在同步中。</translation>
    </message>
</context>
<context>
    <name>suanli::datasets::SyncHistoryModel</name>
    <message>
        <source>Upload</source>
        <translation>上傳</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
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
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗時</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>suanli::ssh</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>無法建立資料夾 %1。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>OpenSSL could not encrypt the key.</source>
        <translation>OpenSSL 無法加密金鑰。</translation>
    </message>
    <message>
        <source>%1 is not an OpenSSH private key.</source>
        <translation>%1 不是 OpenSSH 私密金鑰。</translation>
    </message>
    <message>
        <source>%1 is not an ed25519 key.</source>
        <translation>%1 不是 ed25519 金鑰。</translation>
    </message>
    <message>
        <source>%1 is encrypted with %2/%3; this app reads aes256-ctr/bcrypt (ssh-keygen&apos;s default). Change its passphrase with ssh-keygen -p -Z aes256-ctr.</source>
        <translation>%1 以 %2/%3 加密；本應用只能讀取 aes256-ctr/bcrypt（ssh-keygen 的預設）。請用 ssh-keygen -p -Z aes256-ctr 變更其密碼片語。</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 已損毀。</translation>
    </message>
    <message>
        <source>The passphrase for the SSH key %1 is wrong.</source>
        <translation>SSH 金鑰 %1 的密碼片語錯誤。</translation>
    </message>
    <message>
        <source>OpenSSL could not generate an ed25519 key.</source>
        <translation>OpenSSL 無法產生 ed25519 金鑰。</translation>
    </message>
    <message>
        <source>OpenSSL could not export the ed25519 key.</source>
        <translation>OpenSSL 無法匯出 ed25519 金鑰。</translation>
    </message>
    <message>
        <source>Could not read the SSH key %1: %2</source>
        <translation>無法讀取 SSH 金鑰 %1：%2</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase; enter it first.</source>
        <translation>SSH 金鑰 %1 受密碼片語保護，請先輸入密碼片語。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::BlockingSession</name>
    <message>
        <source>The SSH key %1 is protected by a passphrase, and none was given.</source>
        <translation>SSH 金鑰 %1 受密碼片語保護，但未提供密碼片語。</translation>
    </message>
    <message>
        <source>Could not find %1: %2</source>
        <translation>找不到 %1：%2</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>無法連線到 %1:%2：%3</translation>
    </message>
    <message>
        <source>%1:%2 did not answer within %3 s.</source>
        <translation>%1:%2 未在 %3 秒內回應。</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 無法啟動工作階段。</translation>
    </message>
    <message>
        <source>The SSH handshake failed</source>
        <translation>SSH 交握失敗</translation>
    </message>
    <message>
        <source>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. Nothing was sent.</source>
        <translation>安全警告：位於 %1:%2 的伺服器以主機金鑰 %3 表明身分，但市場為此實例記錄的是 %4。未傳送任何資料。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>The instance refused our SSH key for user %1</source>
        <translation>實例拒絕了使用者 %1 的 SSH 金鑰</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未連線。</translation>
    </message>
    <message>
        <source>The server does not offer SFTP</source>
        <translation>伺服器不提供 SFTP</translation>
    </message>
    <message>
        <source>Could not open a channel</source>
        <translation>無法開啟通道</translation>
    </message>
    <message>
        <source>The server refused to run a command</source>
        <translation>伺服器拒絕執行指令</translation>
    </message>
    <message>
        <source>Could not send input to a command</source>
        <translation>無法向指令傳送輸入</translation>
    </message>
    <message>
        <source>Could not read a command&apos;s output</source>
        <translation>無法讀取指令的輸出</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was lost (%3). Sync again to resume.</source>
        <translation>與 %1:%2 的連線中斷（%3）。請再次同步以繼續。</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was closed.</source>
        <translation>與 %1:%2 的連線已關閉。</translation>
    </message>
    <message>
        <source>The command is not running.</source>
        <translation>該命令未在執行。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::HostKey</name>
    <message>
        <source>The instance&apos;s host key is missing or malformed.</source>
        <translation>實例的主機金鑰遺失或格式錯誤。</translation>
    </message>
    <message>
        <source>The instance&apos;s host key is not valid base64.</source>
        <translation>實例的主機金鑰不是有效的 base64。</translation>
    </message>
    <message>
        <source>The instance&apos;s host key names type %1 but holds a %2 key.</source>
        <translation>實例的主機金鑰標示類型為 %1，實際卻是 %2 金鑰。</translation>
    </message>
    <message>
        <source>The host key is malformed.</source>
        <translation>主機金鑰格式錯誤。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::JumpConnector::State</name>
    <message>
        <source>No relay is set for this connection.</source>
        <translation>此連線未設定中繼。</translation>
    </message>
    <message>
        <source>Could not make a socket pair: %1</source>
        <translation>無法建立通訊端對：%1</translation>
    </message>
    <message>
        <source>Could not make an event descriptor: %1</source>
        <translation>無法建立事件描述符：%1</translation>
    </message>
    <message>
        <source>The connection to the relay %1 was lost: %2</source>
        <translation>與中繼 %1 的連線已中斷：%2</translation>
    </message>
    <message>
        <source>The relay %1 did not complete an SSH login within %2 s.</source>
        <translation>中繼 %1 未在 %2 秒內完成 SSH 登入。</translation>
    </message>
    <message>
        <source>Could not find the relay %1: %2</source>
        <translation>找不到中繼 %1：%2</translation>
    </message>
    <message>
        <source>Could not connect to the relay %1: %2</source>
        <translation>無法連線到中繼 %1：%2</translation>
    </message>
    <message>
        <source>The relay %1 did not answer within %2 s.</source>
        <translation>中繼 %1 未在 %2 秒內回應。</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 無法啟動工作階段。</translation>
    </message>
    <message>
        <source>The SSH handshake with the relay %1 failed: %2</source>
        <translation>與中繼 %1 的 SSH 交握失敗：%2</translation>
    </message>
    <message>
        <source>Security warning: the relay at %1 identified itself with host key %2, but the market recorded %3 for it. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, contact the market&apos;s support.</source>
        <translation>安全警告：位於 %1 的中繼以主機金鑰 %2 表明身分，但市場為它記錄的是 %3。由於可能有人在攔截連線，已拒絕連線。未傳送任何資料。請稍後再試；如果問題持續，請聯絡市場客服。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>The relay %1 refused our SSH key for user %2: the market has not granted this key a way to the instance (is the instance running, and was it launched with this app&apos;s key?).</source>
        <translation>中繼 %1 拒絕了使用者 %2 的 SSH 金鑰：市場尚未允許此金鑰存取該實例（實例是否正在執行？它是否以本應用程式的金鑰啟動？）。</translation>
    </message>
    <message>
        <source>Logging in to the relay %1 failed: %2</source>
        <translation>登入中繼 %1 失敗：%2</translation>
    </message>
    <message>
        <source>The relay %1 could not open %2:%3: it does not let this key reach that port (%4).</source>
        <translation>中繼 %1 無法開啟 %2:%3：它不允許此金鑰存取該連接埠（%4）。</translation>
    </message>
    <message>
        <source>The relay %1 could not open %2:%3: %4</source>
        <translation>中繼 %1 無法開啟 %2:%3：%4</translation>
    </message>
    <message>
        <source>nothing arrived for %1 s</source>
        <translation>%1 秒內未收到任何資料</translation>
    </message>
    <message>
        <source>the relay closed the connection</source>
        <translation>中繼關閉了連線</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::ReverseForwarder</name>
    <message>
        <source>The relay %1:%2 took no data for %3 s.</source>
        <translation>中繼 %1:%2 已 %3 秒未接收任何資料。</translation>
    </message>
    <message>
        <source>The relay %1:%2 refused to listen on its port %3: %4</source>
        <translation>中繼 %1:%2 拒絕在其連接埠 %3 上監聽：%4</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::SshConfig</name>
    <message>
        <source>Another Suanli process is writing the SSH configuration; try again.</source>
        <translation>另一個 Suanli 程序正在寫入 SSH 設定，請重試。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2; it was left unchanged.</source>
        <translation>無法將 %1 備份到 %2；檔案未作變更。</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>無法移除 %1。</translation>
    </message>
    <message>
        <source>outside any Host block</source>
        <translation>不在任何 Host 區塊中</translation>
    </message>
    <message>
        <source>in &quot;%1&quot;</source>
        <translation>在「%1」中</translation>
    </message>
    <message>
        <source>Line %1 of %2 (%3) sets %4 before Suanli&apos;s Include line, so OpenSSH and VS Code use it instead of the value for %5. Move the Include line above it.</source>
        <translation>%2 第 %1 行（%3）在 Suanli 的 Include 行之前設定了 %4，因此 OpenSSH 和 VS Code 會使用它，而非 %5 的值。請把 Include 行移到它上方。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::Transport</name>
    <message>
        <source>%1:%2 did not complete an SSH login within %3 s.</source>
        <translation>%1:%2 未在 %3 秒內完成 SSH 登入。</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase, and none was given.</source>
        <translation>SSH 金鑰 %1 受密碼片語保護，但未提供密碼片語。</translation>
    </message>
    <message>
        <source>Could not find %1: %2</source>
        <translation>找不到 %1：%2</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>無法連線到 %1:%2：%3</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 無法啟動工作階段。</translation>
    </message>
    <message>
        <source>The SSH handshake with %1:%2 failed: %3</source>
        <translation>與 %1:%2 的 SSH 交握失敗：%3</translation>
    </message>
    <message>
        <source>The instance refused our SSH key for user %1. If the instance was just created, its key may not be in place yet; otherwise recreate the instance with this app&apos;s key.</source>
        <translation>實例拒絕了使用者 %1 的 SSH 金鑰。如果實例剛建立，其金鑰可能尚未就緒；否則請使用本應用的金鑰重新建立實例。</translation>
    </message>
    <message>
        <source>SSH login failed: %1</source>
        <translation>SSH 登入失敗：%1</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was lost: %3</source>
        <translation>與 %1:%2 的連線中斷：%3</translation>
    </message>
    <message>
        <source>%1:%2 closed the connection.</source>
        <translation>%1:%2 關閉了連線。</translation>
    </message>
    <message>
        <source>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, stop using the instance and contact the market&apos;s support.</source>
        <translation>安全警告：位於 %1:%2 的伺服器以主機金鑰 %3 表明身分，但市場為此實例記錄的是 %4。由於可能有人在攔截連線，已拒絕連線。未傳送任何資料。請稍後重試；若問題持續，請停止使用此實例並聯絡市場客服。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1:%2 stopped answering (nothing for %3 s).</source>
        <translation>%1:%2 停止回應（%3 秒無任何資料）。</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::socketio</name>
    <message>
        <source>Could not open a socket: %1</source>
        <translation>無法開啟 socket：%1</translation>
    </message>
    <message>
        <source>Local port %1 is already in use by another program. Choose another port, or close the program that uses it.</source>
        <translation>本機連接埠 %1 已被其他程式佔用。請選擇其他連接埠，或關閉佔用它的程式。</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1:%1: %2</source>
        <translation>無法在 127.0.0.1:%1 上監聽：%2</translation>
    </message>
</context>
<context>
    <name>suanli::sync</name>
    <message>
        <source>The local folder %1 cannot be read: %2</source>
        <translation>無法讀取本機資料夾 %1：%2</translation>
    </message>
    <message>
        <source>Could not list %1: %2</source>
        <translation>無法列出 %1：%2</translation>
    </message>
    <message>
        <source>Refused the path &quot;%1&quot;: %2. Nothing was written for it.</source>
        <translation>已拒絕路徑「%1」：%2。未為其寫入任何內容。</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>路徑為空</translation>
    </message>
    <message>
        <source>it is absolute, outside the sync folder</source>
        <translation>是絕對路徑，位於同步資料夾之外</translation>
    </message>
    <message>
        <source>it contains a NUL byte</source>
        <translation>包含 NUL 位元組</translation>
    </message>
    <message>
        <source>it has an empty or &quot;.&quot; component</source>
        <translation>包含空的或「.」路徑元件</translation>
    </message>
    <message>
        <source>it climbs out of the sync folder with &quot;..&quot;</source>
        <translation>透過「..」跳出了同步資料夾</translation>
    </message>
    <message>
        <source>The instance path is empty.</source>
        <translation>實例路徑為空。</translation>
    </message>
    <message>
        <source>The instance path &quot;%1&quot; contains &quot;..&quot;; give the folder itself, for example /workspace/data.</source>
        <translation>實例路徑「%1」包含「..」；請直接提供資料夾本身，例如 /workspace/data。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be created on this computer: %2. The original is untouched; rename it to sync it.</source>
        <translation>無法在本機建立「%1」：%2。原檔案未受影響；請重新命名後再同步。</translation>
    </message>
    <message>
        <source>the name contains &apos;/&apos; or NUL</source>
        <translation>名稱包含「/」或 NUL</translation>
    </message>
    <message>
        <source>the name is not valid UTF-8</source>
        <translation>名稱不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>Windows does not allow the character &apos;%1&apos;</source>
        <translation>Windows 不允許使用字元「%1」</translation>
    </message>
    <message>
        <source>Windows does not allow a name ending in a dot or a space</source>
        <translation>Windows 不允許名稱以點或空格結尾</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a reserved device name on Windows</source>
        <translation>「%1」是 Windows 的保留裝置名稱</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; differ only in case, which this computer&apos;s file system cannot keep apart; only the first is synced.</source>
        <translation>「%1」和「%2」僅大小寫不同，本機的檔案系統無法區分；只會同步前者。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder here but not on the other side; move one of them away to sync it.</source>
        <translation>「%1」在這裡是資料夾，在另一端卻不是；請移走其中一個再同步。</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; points to &quot;%2&quot;, outside the synced folder; links are never followed out of the tree, so it was left out.</source>
        <translation>連結「%1」指向同步資料夾之外的「%2」；連結絕不會被追蹤到目錄樹之外，因此已略過。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a link here but a folder on the other side.</source>
        <translation>「%1」在這裡是連結，在另一端卻是資料夾。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a file here but a folder on the other side; move one of them away to sync it.</source>
        <translation>「%1」在這裡是檔案，在另一端卻是資料夾；請移走其中一個再同步。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::FileTransfer</name>
    <message>
        <source>%1 kept changing while it was sent (%2 tries); it was not put in place. It will be sent by the next sync once it is quiet.</source>
        <translation>%1 在傳送期間持續變更（嘗試 %2 次），未放置到位。待其不再變動後，下次同步會傳送。</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>正在建立</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在寫入</translation>
    </message>
    <message>
        <source>Setting attributes</source>
        <translation>正在設定屬性</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full (%1 MB free) while writing %2. What was sent is kept and the next sync resumes; free space or grow the disk.</source>
        <translation>寫入 %2 時實例的硬碟已滿（剩餘 %1 MB）。已傳送的內容會保留，下次同步會繼續；請釋放空間或擴充硬碟。</translation>
    </message>
    <message>
        <source>Renaming into place</source>
        <translation>正在重新命名到位</translation>
    </message>
    <message>
        <source>%1 arrived with a different SHA-256 than was sent; it was not put in place. Sync again to retry.</source>
        <translation>%1 收到的 SHA-256 與傳送時不同，未放置到位。請再次同步以重試。</translation>
    </message>
    <message>
        <source>Could not put %1 in place: %2</source>
        <translation>無法將 %1 放置到位：%2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>A folder on the way to %1 is a link or missing here; nothing is written through links.</source>
        <translation>通往 %1 路徑上的某個資料夾在這裡是連結或不存在；不會透過連結寫入任何內容。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>正在讀取</translation>
    </message>
    <message>
        <source>Could not write %1: %2. What arrived is kept for the next sync.</source>
        <translation>無法寫入 %1：%2。已收到的內容會保留給下次同步。</translation>
    </message>
    <message>
        <source>Reading back</source>
        <translation>正在回讀</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full (%1 MB free). Nothing incomplete was put in place; free space or grow the disk, then sync again.</source>
        <translation>實例的磁碟已滿（剩餘 %1 MB）。沒有任何不完整的檔案被放置到位；請釋放空間或擴充磁碟，然後再次同步。</translation>
    </message>
    <message>
        <source>The instance could not write %1: %2</source>
        <translation>實例無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>suanli::sync::IgnoreRules</name>
    <message>
        <source>a &apos;[&apos; is never closed</source>
        <translation>「[」沒有閉合</translation>
    </message>
    <message>
        <source>it ends in a lone &apos;\&apos;</source>
        <translation>結尾是單獨的「\」</translation>
    </message>
    <message>
        <source>[:%1:] is not a character class (alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit)</source>
        <translation>[:%1:] 不是字元類別（可用 alnum、alpha、blank、cntrl、digit、graph、lower、print、punct、space、upper、xdigit）</translation>
    </message>
    <message>
        <source>line %1, &quot;%2&quot;, is not a valid pattern and ignores nothing: %3</source>
        <translation>第 %1 行「%2」不是有效的模式，不忽略任何內容：%3</translation>
    </message>
</context>
<context>
    <name>suanli::sync::RemoteFs</name>
    <message>
        <source>Not connected.</source>
        <translation>未連線。</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full while writing %1. What was sent is kept and the next sync resumes; free space or grow the disk.</source>
        <translation>寫入 %1 時實例的硬碟已滿。已傳送的內容會保留，下次同步會繼續；請釋放空間或擴充硬碟。</translation>
    </message>
    <message>
        <source>%1: permission denied on the instance.</source>
        <translation>%1：在實例上權限遭拒。</translation>
    </message>
    <message>
        <source>%1 does not exist on the instance.</source>
        <translation>%1 在實例上不存在。</translation>
    </message>
    <message>
        <source>%1 failed for %2 on the instance (SFTP status %3).</source>
        <translation>在實例上處理 %2 時失敗：%1（SFTP 狀態 %3）。</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>正在列出</translation>
    </message>
    <message>
        <source>Refused a name with &apos;/&apos; from the instance.</source>
        <translation>已拒絕實例傳來的含「/」的名稱。</translation>
    </message>
    <message>
        <source>The instance sent a malformed listing of %1.</source>
        <translation>實例傳來的 %1 列表格式錯誤。</translation>
    </message>
    <message>
        <source>Reading attributes</source>
        <translation>正在讀取屬性</translation>
    </message>
    <message>
        <source>Creating the folder</source>
        <translation>正在建立資料夾</translation>
    </message>
    <message>
        <source>%1 exists on the instance and is not a folder.</source>
        <translation>%1 在實例上已存在且不是資料夾。</translation>
    </message>
    <message>
        <source>Setting attributes</source>
        <translation>正在設定屬性</translation>
    </message>
    <message>
        <source>Renaming into place</source>
        <translation>正在重新命名到位</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>正在刪除</translation>
    </message>
    <message>
        <source>Deleting the folder</source>
        <translation>正在刪除資料夾</translation>
    </message>
    <message>
        <source>Creating the link</source>
        <translation>正在建立連結</translation>
    </message>
    <message>
        <source>Reading the link</source>
        <translation>正在讀取連結</translation>
    </message>
    <message>
        <source>Reading free space</source>
        <translation>正在讀取可用空間</translation>
    </message>
    <message>
        <source>The instance has neither openssl nor sha256sum to hash with.</source>
        <translation>實例上既沒有 openssl 也沒有 sha256sum，無法計算雜湊值。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::SftpPipe</name>
    <message>
        <source>Not connected.</source>
        <translation>未連線。</translation>
    </message>
    <message>
        <source>Could not open a channel for SFTP</source>
        <translation>無法為 SFTP 開啟通道</translation>
    </message>
    <message>
        <source>The server does not offer SFTP</source>
        <translation>伺服器不提供 SFTP</translation>
    </message>
    <message>
        <source>The server&apos;s SFTP did not answer as SFTP v3.</source>
        <translation>伺服器的 SFTP 未以 SFTP v3 回應。</translation>
    </message>
    <message>
        <source>Sending SFTP requests</source>
        <translation>正在傳送 SFTP 請求</translation>
    </message>
    <message>
        <source>Reading SFTP replies</source>
        <translation>正在讀取 SFTP 回應</translation>
    </message>
    <message>
        <source>The instance&apos;s SFTP server closed the channel.</source>
        <translation>實例的 SFTP 伺服器關閉了通道。</translation>
    </message>
    <message>
        <source>The instance sent a malformed SFTP reply.</source>
        <translation>實例傳來格式錯誤的 SFTP 回應。</translation>
    </message>
    <message>
        <source>The instance answered an SFTP request that was not made.</source>
        <translation>實例回應了一個未曾發出的 SFTP 請求。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::SyncRunner</name>
    <message>
        <source>The sync was cancelled. Partly sent files are kept and the next sync resumes them.</source>
        <translation>同步已取消。部分傳送的檔案會保留，下次同步會繼續傳送。</translation>
    </message>
    <message>
        <source>The local folder must be an absolute path.</source>
        <translation>本機資料夾必須是絕對路徑。</translation>
    </message>
    <message>
        <source>%1 does not exist on the instance.</source>
        <translation>%1 在實例上不存在。</translation>
    </message>
    <message>
        <source>Could not create the link %1.</source>
        <translation>無法建立連結 %1。</translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation>無法刪除 %1。</translation>
    </message>
</context>
<context>
    <name>suanli::sync::localfs</name>
    <message>
        <source>%1 exists and is not a folder (a symlink is never followed); move it away to sync here.</source>
        <translation>%1 已存在且不是資料夾（絕不追蹤符號連結）；請將其移走後再同步到此處。</translation>
    </message>
    <message>
        <source>Could not create the folder %1: %2</source>
        <translation>無法建立資料夾 %1：%2</translation>
    </message>
    <message>
        <source>Could not set the time of %1: %2</source>
        <translation>無法設定 %1 的時間：%2</translation>
    </message>
    <message>
        <source>Could not set the permissions of %1: %2</source>
        <translation>無法設定 %1 的權限：%2</translation>
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
            <numerusform>約 %n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>約 %1 小時 %2 分鐘</translation>
    </message>
    <message numerus="yes">
        <source>about %n day(s)</source>
        <translation>
            <numerusform>約 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Your datasets hold %1; this host does not report its upload speed.</source>
        <translation>您的資料集共 %1；此主機未回報上傳速度。</translation>
    </message>
    <message>
        <source>Uploading your %1 dataset takes %2 at %3 Mbit/s.</source>
        <translation>以 %3 Mbit/s 上傳您 %1 的資料集需要 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Uploading your %n dataset folder(s) (%1) takes %2 at %3 Mbit/s.</source>
        <translation>
            <numerusform>以 %3 Mbit/s 上傳您的 %n 個資料集資料夾（%1）需要 %2。</numerusform>
        </translation>
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
    <message>
        <source>Tunnels wait for the passphrase of your SSH key.</source>
        <translation>通道正在等待 SSH 金鑰的密碼片語。</translation>
    </message>
    <message>
        <source>That passphrase does not unlock your SSH key. Try again.</source>
        <translation>該密碼片語無法解鎖您的 SSH 金鑰，請重試。</translation>
    </message>
    <message>
        <source>SSH key unlocked; the tunnels connect.</source>
        <translation>SSH 金鑰已解鎖，通道正在連線。</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接連線</translation>
    </message>
    <message>
        <source>Through relay %1</source>
        <translation>經由中繼 %1</translation>
    </message>
    <message>
        <source>SSH goes straight to the lender&apos;s computer.</source>
        <translation>SSH 直接連線到出租方的電腦。</translation>
    </message>
    <message>
        <source>The lender&apos;s computer cannot be reached from outside, so SSH goes through the market&apos;s relay. The session stays encrypted end to end: the relay only passes the bytes on.</source>
        <translation>出租方的電腦無法從外部連線，因此 SSH 經由市場的中繼連線。工作階段全程端對端加密：中繼只轉送位元組。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AccountDialog</name>
    <message>
        <source>New key…</source>
        <translation>新增金鑰…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>變更密碼…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on the local market.</source>
        <translation>已在本機市場以 &lt;b&gt;%1&lt;/b&gt; 登入。</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on %2.</source>
        <translation>已在 %2 以 &lt;b&gt;%1&lt;/b&gt; 登入。</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>Each computer and script signs in with a key of its own. The market shows only a key&apos;s first characters; a revoked key stops working at once.</source>
        <translation>每台電腦和每個腳本都以自己的金鑰登入。市場只顯示金鑰的前幾個字元；金鑰一經撤銷立即失效。</translation>
    </message>
    <message>
        <source>Reading the keys…</source>
        <translation>正在讀取金鑰…</translation>
    </message>
    <message>
        <source>Could not read the keys: %1</source>
        <translation>無法讀取金鑰：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s).</source>
        <translation>
            <numerusform>%n 個金鑰。</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s key: use Sign out to revoke it.</source>
        <translation>這是本機的金鑰：要撤銷它，請登出。</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>新增金鑰</translation>
    </message>
    <message>
        <source>e.g. training script</source>
        <translation>例如：訓練腳本</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>In 1 day</source>
        <translation>1 天後</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>30 天後</translation>
    </message>
    <message>
        <source>In 1 year</source>
        <translation>1 年後</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Copy the key now: the market shows it this once, and Suanli does not keep it.</source>
        <translation>請現在複製金鑰：市場只顯示這一次，算力也不會保存它。</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>建立金鑰</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
    <message>
        <source>Give the key a label: what or who it is for.</source>
        <translation>為金鑰取個標籤：說明它給誰用、做什麼用。</translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation>正在建立金鑰…</translation>
    </message>
    <message>
        <source>The key was not made: %1</source>
        <translation>未能建立金鑰：%1</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>撤銷 %1？</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot; (%2…)? Whatever uses it is refused at once; this cannot be undone.</source>
        <translation>撤銷金鑰「%1」（%2…）？使用它的一切將立即被拒絕；此操作無法復原。</translation>
    </message>
    <message>
        <source>Revoking %1…</source>
        <translation>正在撤銷 %1…</translation>
    </message>
    <message>
        <source>Could not revoke %1: %2</source>
        <translation>無法撤銷 %1：%2</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 個字元</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>目前密碼</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密碼</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>Every other key of the account is revoked: other computers and scripts must sign in again. This computer stays signed in.</source>
        <translation>該帳戶的其他所有金鑰都會被撤銷：其他電腦和腳本需要重新登入。本機保持登入。</translation>
    </message>
    <message>
        <source>The new password is too weak: use at least 8 characters.</source>
        <translation>新密碼太弱：請至少使用 8 個字元。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>兩次輸入的新密碼不一致。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在變更密碼…</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>目前密碼不正確。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>嘗試次數過多。請等幾分鐘再試。</translation>
    </message>
    <message numerus="yes">
        <source>Password changed; %n other key(s) revoked: those computers and scripts must sign in again.</source>
        <translation>
            <numerusform>密碼已變更；已撤銷其他 %n 個金鑰：那些電腦和腳本需要重新登入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out: revoking this computer&apos;s key…</source>
        <translation>正在登出：撤銷本機的金鑰…</translation>
    </message>
    <message>
        <source>Could not sign out: %1</source>
        <translation>無法登出：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AutostartBox</name>
    <message>
        <source>Start Suanli when I log in</source>
        <translation>登入時啟動算力</translation>
    </message>
    <message>
        <source>Suanli starts in the tray, so this computer can lend while you are away.</source>
        <translation>算力在系統匣中啟動，這樣您不在時本機也能出借。</translation>
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
    <message>
        <source>Set</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Warn me when the balance falls below</source>
        <translation>餘額低於此金額時提醒我</translation>
    </message>
    <message>
        <source>No amount set</source>
        <translation>未設定金額</translation>
    </message>
    <message>
        <source>The market sends a warning (a desktop notification) when your balance drops below this amount, even while the app is closed. Empty: only the warnings at 24 h and 1 h of runway.</source>
        <translation>當您的餘額低於此金額時，即使應用已關閉，市場也會傳送警告（桌面通知）。留空：僅在剩餘可用 24 小時和 1 小時時警告。</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type a number such as 20 or 12.50.</source>
        <translation>「%1」不是有效金額。請輸入數字，例如 20 或 12.50。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Cannot save the warning: %1</source>
        <translation>無法儲存警告：%1</translation>
    </message>
    <message>
        <source>You will be warned when your balance falls below %1.</source>
        <translation>餘額低於 %1 時將提醒您。</translation>
    </message>
    <message>
        <source>Only the market&apos;s own warnings (24 h and 1 h of runway) stay on.</source>
        <translation>僅保留市場自身的警告（剩餘可用 24 小時和 1 小時）。</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>儲值…</translation>
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
    <message>
        <source>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, day_price, week_price, month_price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</source>
        <translation>以空格分隔的條件：欄位 運算子 值。運算子：= != &lt; &lt;= &gt; &gt;= in notin。列表：[a,b]。用 _ 代替空格。欄位：gpu、gpus、vram_gb、ram_gb、price、day_price、week_price、month_price、reliability、region、verified、interruptible、cpu_cores、disk_free_gb、perf_tflops 等。</translation>
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
    <name>suanli::ui::CloneDialog</name>
    <message>
        <source>Looking for matching offers…</source>
        <translation>正在尋找相符的報價…</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>Move %1 to another host</source>
        <translation>將 %1 遷移到其他主機</translation>
    </message>
    <message>
        <source>Clone %1</source>
        <translation>複製 %1</translation>
    </message>
    <message>
        <source>A new instance is made on the host you pick and /workspace is copied to it, host to host, then checked file by file. Only then is this instance destroyed; if the copy fails or you cancel it, this one stays as it is. Both are billed while the copy runs.</source>
        <translation>將在您選擇的主機上建立新實例，並在主機之間複製 /workspace，然後逐一檔案驗證。只有驗證通過後才會銷毀此實例；若複製失敗或您取消，此實例保持原樣。複製期間兩個實例都計費。</translation>
    </message>
    <message>
        <source>A new instance is made on the host you pick with a copy of /workspace, checked file by file. This instance keeps running. Both are billed.</source>
        <translation>將在您選擇的主機上建立帶有 /workspace 副本的新實例，並逐一檔案驗證。此實例繼續執行。兩個實例都計費。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空閒</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk of the new instance:</source>
        <translation>新實例的磁碟：</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>遷移</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Cannot load the catalog: %1</source>
        <translation>無法載入目錄：%1</translation>
    </message>
    <message>
        <source>No other host has %1 free right now.</source>
        <translation>目前沒有其他主機有空閒的 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n × %1</source>
        <translation>
            <numerusform>%n × %1</numerusform>
        </translation>
    </message>
    <message>
        <source>a machine like this one</source>
        <translation>與此相同的機器</translation>
    </message>
    <message>
        <source>Offers like this instance&apos;s on other hosts, cheapest first:</source>
        <translation>其他主機上與此實例相同的報價（最便宜的在前）：</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>僅 CPU</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/小時</translation>
    </message>
</context>
<context>
    <name>suanli::ui::CopyProgressWidget</name>
    <message>
        <source>Cancel copy…</source>
        <translation>取消複製…</translation>
    </message>
    <message>
        <source>Destroys the new instance; the source stays as it is.</source>
        <translation>銷毀新實例；來源實例保持原樣。</translation>
    </message>
    <message>
        <source>Copy from instance %1: waiting for the new instance to start</source>
        <translation>從實例 %1 複製：正在等待新實例啟動</translation>
    </message>
    <message>
        <source>Copying from instance %1: %2 of %3, %4 of %5 files</source>
        <translation>正在從實例 %1 複製：%2 / %3，%4 / %5 個檔案</translation>
    </message>
    <message>
        <source> · %1/s, about %2 left</source>
        <translation> · %1/秒，約剩 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
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
        <translation>正在依來源實例的校驗和驗證副本…</translation>
    </message>
    <message>
        <source>Moved: the copy was verified and the source destroyed.</source>
        <translation>已遷移：副本已驗證，來源實例已銷毀。</translation>
    </message>
    <message>
        <source>Cloned: the copy was verified.</source>
        <translation>已複製：副本已驗證。</translation>
    </message>
    <message>
        <source>Copy cancelled; the source was left as it was.</source>
        <translation>複製已取消；來源實例保持原樣。</translation>
    </message>
    <message>
        <source>The copy failed: %1. The source was left as it was.</source>
        <translation>複製失敗：%1。來源實例保持原樣。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::DatasetsView</name>
    <message>
        <source>Add folder…</source>
        <translation>新增資料夾…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史記錄</translation>
    </message>
    <message>
        <source>No dataset folders yet</source>
        <translation>尚無資料集資料夾</translation>
    </message>
    <message>
        <source>Pair a folder on this computer with a path on an instance, then upload it with Sync now. Pairs set up before renting also tell you how long each offer takes to receive them.</source>
        <translation>將本機的資料夾與實例上的路徑配對，然後用「立即同步」上傳。在租用前設定好的配對，還能告訴您每個報價接收它們需要多久。</translation>
    </message>
    <message>
        <source>Select a folder pair to sync it.</source>
        <translation>選擇一個資料夾配對以進行同步。</translation>
    </message>
    <message>
        <source>(no instance yet)</source>
        <translation>（尚無實例）</translation>
    </message>
    <message>
        <source>instance %1 (gone)</source>
        <translation>實例 %1（已不存在）</translation>
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
        <source>Remove folder pair</source>
        <translation>移除資料夾配對</translation>
    </message>
    <message>
        <source>Stop syncing %1?</source>
        <translation>停止同步 %1？</translation>
    </message>
    <message>
        <source>The files stay where they are, on this computer and on the instance. A sync in progress is cancelled.</source>
        <translation>檔案會保留在原處，包括本機和實例上的檔案。進行中的同步將被取消。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Start the instance first: it must be running to sync.</source>
        <translation>請先啟動實例：實例必須執行中才能同步。</translation>
    </message>
    <message>
        <source>The market&apos;s SSH key is not known yet: wait until you are signed in.</source>
        <translation>尚不知道市場的 SSH 金鑰：請等待登入完成。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>正在比較兩端…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在複製…</translation>
    </message>
    <message>
        <source>Cancelled. What was copied stays; the next sync goes on from there.</source>
        <translation>已取消。已複製的內容會保留，下次同步將從此處繼續。</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>同步已停止：%1</translation>
    </message>
    <message>
        <source>Plan ready: nothing was moved.</source>
        <translation>預覽完成：未移動任何內容。</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s), %1 in %2.</source>
        <translation>
            <numerusform>完成：%n 個檔案，%1，耗時 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted.</source>
        <translation>
            <numerusform>已刪除 %n 個。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had a problem, e.g. %1: %2</source>
        <translation>
            <numerusform>%n 個檔案出現問題，例如 %1：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Choose an instance with Edit… to sync this folder.</source>
        <translation>請透過「編輯…」選擇實例以同步此資料夾。</translation>
    </message>
    <message>
        <source>The instance is not running: start it in Instances.</source>
        <translation>實例未在執行：請在「實例」中啟動它。</translation>
    </message>
    <message>
        <source>Upload the folder to the instance</source>
        <translation>將資料夾上傳到實例</translation>
    </message>
    <message>
        <source>Download from the instance into the folder</source>
        <translation>從實例下載到資料夾</translation>
    </message>
    <message>
        <source>Compare both sides and list what Sync now would copy or delete, without moving anything.</source>
        <translation>比較兩端並列出「立即同步」會複製或刪除的內容，不移動任何檔案。</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Uploads %1 to %2</source>
        <translation>將 %1 上傳到 %2</translation>
    </message>
    <message>
        <source>Downloads %1 into %2</source>
        <translation>將 %1 下載到 %2</translation>
    </message>
    <message>
        <source>(deletes what the folder no longer has)</source>
        <translation>（刪除資料夾中已不存在的內容）</translation>
    </message>
    <message>
        <source>(deletes what the instance no longer has)</source>
        <translation>（刪除實例上已不存在的內容）</translation>
    </message>
    <message>
        <source>Last sync %1: %2</source>
        <translation>上次同步 %1：%2</translation>
    </message>
    <message>
        <source>Not synced yet. Plan shows what Sync now would copy.</source>
        <translation>尚未同步。「預覽」會顯示「立即同步」將複製的內容。</translation>
    </message>
    <message>
        <source>Paused. Transfers hold their connections; Resume goes on.</source>
        <translation>已暫停。傳輸會保持連線；點選「繼續」即可接續。</translation>
    </message>
    <message numerus="yes">
        <source>History of this folder (%n run(s))</source>
        <translation>
            <numerusform>此資料夾的歷史記錄（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>History of this folder: no runs yet</source>
        <translation>此資料夾的歷史記錄：尚無執行記錄</translation>
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
        <translation>時間</translation>
    </message>
    <message>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Earnings this month (ledger):</source>
        <translation>本月收入（帳單）：</translation>
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
    <message>
        <source>Suanli desktop</source>
        <translation>算力桌面版</translation>
    </message>
    <message>
        <source>Use a market your school, lab or provider runs: sign in or create an account there.</source>
        <translation>使用你的學校、實驗室或服務商營運的市場：在那裡登入或建立帳戶。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Rent GPUs</source>
        <translation>租用 GPU</translation>
    </message>
    <message>
        <source>Lend my computers</source>
        <translation>出租我的電腦</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>建立帳戶</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>This computer gets a key of its own, named &quot;%1&quot;; Account shows it and Sign out revokes it.</source>
        <translation>本機會取得一個自己的金鑰，名為「%1」；「帳戶」中可以看到它，登出時會撤銷它。</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 個字元</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>I want to</source>
        <translation>我想要</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>邀請碼</translation>
    </message>
    <message>
        <source>For a token from the market&apos;s operator, or one made under Account on another computer.</source>
        <translation>用於市場營運方給你的權杖，或在另一台電腦的「帳戶」中建立的權杖。</translation>
    </message>
    <message>
        <source>Use a token</source>
        <translation>使用權杖</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Asking the market how it signs people up…</source>
        <translation>正在詢問市場的註冊方式…</translation>
    </message>
    <message>
        <source>The market did not say how it signs people up (%1).</source>
        <translation>市場沒有說明它的註冊方式（%1）。</translation>
    </message>
    <message>
        <source>Anyone may create an account here.</source>
        <translation>任何人都可以在這裡建立帳戶。</translation>
    </message>
    <message>
        <source>Creating an account here needs an invite code.</source>
        <translation>在這裡建立帳戶需要邀請碼。</translation>
    </message>
    <message>
        <source>This market makes accounts only through its operator.</source>
        <translation>此市場只透過營運方開設帳戶。</translation>
    </message>
    <message>
        <source>This market does not make accounts here: ask its operator for one, then sign in.</source>
        <translation>此市場不在這裡開設帳戶：請向營運方申請一個，然後登入。</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>使用者名稱或密碼錯誤。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>嘗試次數過多。請等幾分鐘再試。</translation>
    </message>
    <message>
        <source>That name is taken. Pick another one, or sign in if it is yours.</source>
        <translation>該使用者名稱已被使用。請換一個；如果是你的，請直接登入。</translation>
    </message>
    <message>
        <source>The password is too weak: use at least 8 characters.</source>
        <translation>密碼太弱：請至少使用 8 個字元。</translation>
    </message>
    <message>
        <source>A name has 2 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and starts with a letter or digit.</source>
        <translation>使用者名稱由 2 到 64 個字母、數字、「.」、「_」或「-」組成，並以字母或數字開頭。</translation>
    </message>
    <message>
        <source>This market needs an invite code from its operator.</source>
        <translation>此市場需要營運方發放的邀請碼。</translation>
    </message>
    <message>
        <source>That invite code is not valid, or it was used already.</source>
        <translation>該邀請碼無效，或已被使用。</translation>
    </message>
    <message>
        <source>This market does not make accounts here: ask its operator for one.</source>
        <translation>此市場不在這裡開設帳戶：請向營運方申請一個。</translation>
    </message>
    <message>
        <source>Type your name and password.</source>
        <translation>請輸入使用者名稱和密碼。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登入 %1…</translation>
    </message>
    <message>
        <source>Choose a name for your account.</source>
        <translation>請為你的帳戶選一個使用者名稱。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
    <message>
        <source>Tick what you want to do: rent GPUs, lend computers, or both.</source>
        <translation>請勾選你想做的事：租用 GPU、出租電腦，或兩者皆要。</translation>
    </message>
    <message>
        <source>Creating your account on %1…</source>
        <translation>正在 %1 上建立你的帳戶…</translation>
    </message>
    <message>
        <source>Account created. Signing in…</source>
        <translation>帳戶已建立。正在登入…</translation>
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
        <source>Retry in 5 minutes</source>
        <translation>5 分鐘後重試</translation>
    </message>
    <message>
        <source>Find a matching offer</source>
        <translation>尋找相符的報價</translation>
    </message>
    <message>
        <source>Cost guard…</source>
        <translation>費用防護…</translation>
    </message>
    <message>
        <source>Limits the market enforces even while this app is closed: max spend, max running time, stop when idle.</source>
        <translation>即使本應用已關閉，市場仍會執行的限制：最高花費、最長執行時間、閒置時停止。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史記錄</translation>
    </message>
    <message>
        <source>SSH: ssh -J %1@%2:%3 -p %4 %5@%6</source>
        <translation>SSH：ssh -J %1@%2:%3 -p %4 %5@%6</translation>
    </message>
    <message numerus="yes">
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after %n day(s) (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>
            <numerusform>GPU 計費停止，GPU 歸還給主機。停止期間，%1 GB 磁碟每天收費 %2。已停止的實例會在 %n 天後連同資料一起刪除（清單中顯示倒數計時）。再次啟動需要同一台主機上有空閒的 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after the market&apos;s retention time (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>GPU 計費停止，GPU 歸還給主機。停止期間，%1 GB 磁碟每天收費 %2。已停止的實例會在市場的保留期過後連同資料一起刪除（清單中顯示倒數計時）。再次啟動需要同一台主機上有空閒的 GPU。</translation>
    </message>
    <message>
        <source>Start without a GPU (%1/h)</source>
        <translation>無卡模式啟動（%1/小時）</translation>
    </message>
    <message>
        <source>Save as image…</source>
        <translation>儲存為映像…</translation>
    </message>
    <message>
        <source>Make an image of this instance&apos;s system disk (not /workspace) that only you can launch</source>
        <translation>將此實例的系統碟（不含 /workspace）製作成只有您能啟動的映像</translation>
    </message>
    <message>
        <source>Cannot clone or move the instance</source>
        <translation>無法複製或遷移實例</translation>
    </message>
    <message>
        <source>Move to another host…</source>
        <translation>遷移到其他主機…</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Start it without a GPU to reach its files and environment now (CPU only, billed at the lower price; start it normally later to get its GPUs back), move it with its /workspace to another host with free GPUs, or try again later.</source>
        <translation>您的資料保留在已停止的實例上。現在可以無卡啟動以存取其檔案和環境（僅 CPU，按較低價格計費；之後正常啟動即可取回 GPU），也可以連同 /workspace 遷移到有空閒 GPU 的其他主機，或稍後重試。</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Move it with its /workspace to another host with free GPUs, try again later, or launch a new instance on a matching offer (the data does not move with it).</source>
        <translation>您的資料保留在已停止的實例上。可以連同 /workspace 遷移到有空閒 GPU 的其他主機，稍後重試，或在相符的報價上啟動新實例（資料不會隨之遷移）。</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>複製…</translation>
    </message>
    <message>
        <source>A new instance on another host with a copy of /workspace; this one keeps running.</source>
        <translation>在其他主機上建立帶有 /workspace 副本的新實例；此實例繼續執行。</translation>
    </message>
    <message>
        <source>Copies /workspace to a new instance on another host, checks it, then destroys this one.</source>
        <translation>將 /workspace 複製到其他主機上的新實例並驗證，然後銷毀此實例。</translation>
    </message>
    <message>
        <source>Cancel the copy?</source>
        <translation>取消複製？</translation>
    </message>
    <message>
        <source>Cancel the copy and destroy the new instance?</source>
        <translation>取消複製並銷毀新實例？</translation>
    </message>
    <message>
        <source>The source instance stays as it is, with all its data. What the new instance cost so far stays charged.</source>
        <translation>來源實例及其所有資料保持原樣。新實例至今產生的費用仍會收取。</translation>
    </message>
    <message>
        <source>Cancel copy</source>
        <translation>取消複製</translation>
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
    <message>
        <source>Renew at the end of each period while the balance covers it</source>
        <translation>每期到期時，只要餘額足夠就自動續費</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
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
        <translation>%1：%2（比按小時計費省 %3%）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>By the hour: %1/h, billed per second</source>
        <translation>按小時：%1/小時，按秒計費</translation>
    </message>
    <message numerus="yes">
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted %n day(s) after a stop.</source>
        <translation>
            <numerusform>停止後，%1 GB 磁碟每天收費 %2；資料在停止 %n 天後刪除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted some days after a stop (the market has not said how many yet).</source>
        <translation>停止後，%1 GB 磁碟每天收費 %2；資料會在停止若干天後刪除（市場尚未告知具體天數）。</translation>
    </message>
    <message>
        <source>Paid now: &lt;b&gt;%1&lt;/b&gt; for %2 from the moment it runs; nothing per second and no storage during them, and the GPUs stay yours while it is stopped.</source>
        <translation>現在支付：&lt;b&gt;%1&lt;/b&gt;，自執行起算 %2；期間不按秒計費、不收儲存費，停止時 GPU 仍為你保留。</translation>
    </message>
    <message>
        <source>Released early, the time used is billed by the hour and the rest refunded.</source>
        <translation>提前釋放時，已用時間按小時計費，其餘退款。</translation>
    </message>
    <message>
        <source>At the end it renews for %1 when the balance covers it, otherwise it goes on by the hour.</source>
        <translation>到期時若餘額足夠，將以 %1 續費，否則轉為按小時計費。</translation>
    </message>
    <message>
        <source>At the end it goes on by the hour; a notice comes a day before.</source>
        <translation>到期後轉為按小時計費；到期前一天會收到通知。</translation>
    </message>
    <message>
        <source>This image has no Jupyter server, so Jupyter cannot be started in it.</source>
        <translation>此映像沒有 Jupyter 伺服器，無法在其中啟動 Jupyter。</translation>
    </message>
    <message numerus="yes">
        <source>It gets %n core(s) and %1 GB of memory.</source>
        <translation>
            <numerusform>它獲得 %n 核和 %1 GB 記憶體。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It gets %n core(s) and %1 GB of memory (per GPU: %2 cores, %3 GB).</source>
        <translation>
            <numerusform>它獲得 %n 核和 %1 GB 記憶體（每張 GPU：%2 核、%3 GB）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The host did not say how many of its %n core(s) an instance gets.</source>
        <translation>
            <numerusform>主機未說明實例能獲得其 %n 核中的多少。</numerusform>
        </translation>
    </message>
    <message>
        <source>my image</source>
        <translation>我的映像</translation>
    </message>
    <message>
        <source>my image, lives on this host only</source>
        <translation>我的映像，僅存於此主機</translation>
    </message>
    <message>
        <source>my image, lives on host %1 only: launch it there</source>
        <translation>我的映像，僅存於主機 %1：請在該主機上啟動</translation>
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
    <message>
        <source>No system tray was found, so Suanli shows its window instead of starting in the background: closing it quits the app.</source>
        <translation>找不到系統匣，因此 Suanli 會顯示視窗而不是在背景啟動：關閉視窗即退出應用。</translation>
    </message>
    <message>
        <source>Lend</source>
        <translation>出借</translation>
    </message>
    <message>
        <source>This computer could not be listed: %1</source>
        <translation>無法上架本機：%1</translation>
    </message>
    <message>
        <source>Suanli is already running with another market: quit it from the tray or the Suanli menu, then start it again to switch.</source>
        <translation>算力已在使用另一個市場執行：請從系統匣或「算力」選單結束，然後重新啟動以切換。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LendView</name>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Set up lending…</source>
        <translation>設定出借…</translation>
    </message>
    <message>
        <source>Lend now</source>
        <translation>立即出借</translation>
    </message>
    <message>
        <source>Pause 1 h</source>
        <translation>暫停 1 小時</translation>
    </message>
    <message>
        <source>Stop rentals now</source>
        <translation>立即停止出租</translation>
    </message>
    <message>
        <source>Stops on-demand rentals too. Renters lose their session, and it lowers this machine&apos;s reliability on the market.</source>
        <translation>隨需租用也會一併停止。租用者會失去工作階段，並且會降低本機在市場上的可靠性。</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定價</translation>
    </message>
    <message>
        <source>No suggestion from the market yet.</source>
        <translation>市場尚未提供建議價格。</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Electricity price per kWh:</source>
        <translation>每度電價格：</translation>
    </message>
    <message>
        <source>Power under load:</source>
        <translation>滿載功耗：</translation>
    </message>
    <message>
        <source>Hours lent per day:</source>
        <translation>每天出借時數：</translation>
    </message>
    <message>
        <source>Expected per day:</source>
        <translation>預計每天：</translation>
    </message>
    <message>
        <source>When to lend</source>
        <translation>出借時段</translation>
    </message>
    <message>
        <source>Lend this computer</source>
        <translation>出借本機</translation>
    </message>
    <message>
        <source>Only when I am away</source>
        <translation>僅在我離開時</translation>
    </message>
    <message>
        <source> min without keyboard or mouse</source>
        <translation> 分鐘未使用鍵盤或滑鼠</translation>
    </message>
    <message>
        <source>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</source>
        <translation>任何時間，或例如 mon-fri 22:00-08:00, sat 00:00-24:00</translation>
    </message>
    <message>
        <source>Pause when another program uses the GPU or a fullscreen app runs</source>
        <translation>有其他程式使用 GPU 或有全螢幕應用程式執行時暫停</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>排程：</translation>
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
        <translation>可中斷：我回來時停止租用（資料保留）</translation>
    </message>
    <message>
        <source>On demand: rentals continue when I come back; stopping them counts against reliability</source>
        <translation>隨需：我回來時租用繼續；中途停止會影響可靠性</translation>
    </message>
    <message>
        <source> s notice before an interruptible rental stops</source>
        <translation> 秒，可中斷租用停止前的通知時間</translation>
    </message>
    <message>
        <source>Temperature limit:</source>
        <translation>溫度上限：</translation>
    </message>
    <message>
        <source>Power limit:</source>
        <translation>功耗上限：</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>通知時間：</translation>
    </message>
    <message>
        <source>No suggestion from the market: %1</source>
        <translation>市場未提供建議價格：%1</translation>
    </message>
    <message>
        <source>Fullscreen apps are not detected here (%1); another program on the GPU still pauses lending.</source>
        <translation>此處無法偵測全螢幕應用程式（%1）；其他程式使用 GPU 時仍會暫停出借。</translation>
    </message>
    <message>
        <source>No %1 is listed on the market yet: no suggestion.</source>
        <translation>市場上還沒有 %1 上架：無建議價格。</translation>
    </message>
    <message>
        <source>%1 on the market: median %2 per GPU-hour, %3 listed, %4 % of them rented now.</source>
        <translation>市場上的 %1：每卡時中位數 %2，上架 %3 台，目前 %4 % 已被租用。</translation>
    </message>
    <message>
        <source>%1 net (renters pay %2, platform fee %3, electricity %4)</source>
        <translation>淨收入 %1（租用者支付 %2，平台費 %3，電費 %4）</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>提領</translation>
    </message>
    <message>
        <source>No CPU-only computer is listed on the market yet: no suggestion.</source>
        <translation>市場上還沒有純 CPU 電腦上架：暫無建議。</translation>
    </message>
    <message>
        <source>CPU-only computers on the market: median %1 per hour, %2 listed, %3 % of them rented now.</source>
        <translation>市場上的純 CPU 電腦：每小時中位價 %1，已上架 %2 台，其中 %3% 正在出租。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LendWizard</name>
    <message>
        <source>Set up lending</source>
        <translation>設定出借</translation>
    </message>
    <message>
        <source>Start lending</source>
        <translation>開始出借</translation>
    </message>
    <message>
        <source>Register this computer</source>
        <translation>註冊本機</translation>
    </message>
    <message>
        <source>The market needs to know this computer before renters can find it.</source>
        <translation>市場需要先認識本機，租用者才能找到它。</translation>
    </message>
    <message>
        <source>Registering gives this computer its own key at the market. Nothing is lent until you finish this wizard, and you can pause or stop lending at any time from the tray.</source>
        <translation>註冊後，本機會在市場上擁有自己的金鑰。完成此精靈前不會出借任何資源，您也可以隨時從系統匣暫停或停止出借。</translation>
    </message>
    <message>
        <source>This computer is not registered yet.</source>
        <translation>本機尚未註冊。</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在註冊…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自我檢測</translation>
    </message>
    <message>
        <source>Can this computer run renters&apos; containers safely?</source>
        <translation>本機能否安全地執行租用者的容器？</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查項目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>重新執行</translation>
    </message>
    <message>
        <source>Running the self-test (it starts a small container)…</source>
        <translation>正在執行自我檢測（會啟動一個小型容器）…</translation>
    </message>
    <message>
        <source>This build has no host agent: the self-test cannot run.</source>
        <translation>此版本不含主機代理：無法執行自我檢測。</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>所有檢查均已通過。</translation>
    </message>
    <message>
        <source>Fix what failed and run the self-test again. You may go on, but renters cannot use this computer while a check fails.</source>
        <translation>請修正失敗的項目後重新執行自我檢測。您可以繼續，但只要有檢查未通過，租用者就無法使用本機。</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>修正方法</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <source>Install Podman 4 or newer (Debian/Ubuntu: sudo apt install podman) and check that `podman info` works for your user.</source>
        <translation>請安裝 Podman 4 或更新版本（Debian/Ubuntu：sudo apt install podman），並確認您的使用者可以正常執行 `podman info`。</translation>
    </message>
    <message>
        <source>Boot with systemd.unified_cgroup_hierarchy=1 (cgroup v2), then run the self-test again.</source>
        <translation>請以 systemd.unified_cgroup_hierarchy=1（cgroup v2）開機，然後重新執行自我檢測。</translation>
    </message>
    <message>
        <source>Build the base image with scripts/build-base-image, or pull it with `podman pull` followed by the image name above.</source>
        <translation>請用 scripts/build-base-image 建置基礎映像，或以 `podman pull` 加上上方的映像名稱拉取。</translation>
    </message>
    <message>
        <source>Run `podman run --rm` with the image above in a terminal to see Podman&apos;s own error; a missing runtime (crun or runc) or cgroup delegation is the usual cause.</source>
        <translation>請在終端機中以上方的映像執行 `podman run --rm`，檢視 Podman 本身的錯誤訊息；常見原因是缺少執行環境（crun 或 runc）或未委派 cgroup。</translation>
    </message>
    <message>
        <source>Install nvidia-container-toolkit 1.17.8 or newer (older versions let a container take over the computer, CVE-2025-23266).</source>
        <translation>請安裝 nvidia-container-toolkit 1.17.8 或更新版本（舊版本會讓容器接管整台電腦，CVE-2025-23266）。</translation>
    </message>
    <message>
        <source>Generate the CDI spec so containers can see the GPUs: sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml</source>
        <translation>請產生 CDI 規格，讓容器能看到 GPU：sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml</translation>
    </message>
    <message>
        <source>Make the folder named above writable for your user, or set state_dir in host.ini.</source>
        <translation>請讓您的使用者可寫入上方所列的資料夾，或在 host.ini 中設定 state_dir。</translation>
    </message>
    <message>
        <source>Set address and the port range in host.ini (see docs/host.md) to an address of this computer and ports below the kernel&apos;s ephemeral range.</source>
        <translation>請在 host.ini 中將 address 和連接埠範圍（參閱 docs/host.md）設為本機的位址，以及低於核心臨時連接埠範圍的連接埠。</translation>
    </message>
    <message>
        <source>See the result above; docs/host.md explains each check.</source>
        <translation>請參閱上方結果；docs/host.md 說明了每項檢查。</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>What renters pay per GPU-hour (per hour for the whole computer when it has no GPU).</source>
        <translation>租用者每卡時支付的金額（本機沒有 GPU 時為整機每小時價格）。</translation>
    </message>
    <message>
        <source>Asking the market what similar computers earn…</source>
        <translation>正在向市場查詢類似電腦的收入…</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Price per hour:</source>
        <translation>每小時價格：</translation>
    </message>
    <message>
        <source>Electricity price per kWh:</source>
        <translation>每度電價格：</translation>
    </message>
    <message>
        <source>Power under load:</source>
        <translation>滿載功耗：</translation>
    </message>
    <message>
        <source>Hours lent per day:</source>
        <translation>每天出借時數：</translation>
    </message>
    <message>
        <source>Expected per day:</source>
        <translation>預計每天：</translation>
    </message>
    <message>
        <source>No computer like this one is listed on the market yet: choose a price.</source>
        <translation>市場上還沒有與本機類似的電腦上架：請自行設定價格。</translation>
    </message>
    <message>
        <source>Similar computers (%1) ask a median %2, %3 listed, %4 % of them rented now.</source>
        <translation>類似電腦（%1）要價中位數 %2，上架 %3 台，目前 %4 % 已被租用。</translation>
    </message>
    <message>
        <source>no GPU</source>
        <translation>無 GPU</translation>
    </message>
    <message>
        <source>%1 net: renters pay %2, platform fee %3, electricity %4</source>
        <translation>淨收入 %1：租用者支付 %2，平台費 %3，電費 %4</translation>
    </message>
    <message>
        <source>The market did not say its fee: the figure is before the fee.</source>
        <translation>市場未提供平台費：此金額為扣除平台費前的數字。</translation>
    </message>
    <message>
        <source>Nothing like this computer is rented now, so the estimate is zero; a price below the median gets renters sooner.</source>
        <translation>目前沒有與本機類似的電腦被租用，因此預估為零；低於中位數的價格能更快吸引租用者。</translation>
    </message>
    <message>
        <source>When to lend</source>
        <translation>出借時段</translation>
    </message>
    <message>
        <source>You are never bothered while you use this computer.</source>
        <translation>您使用本機時絕不會受到打擾。</translation>
    </message>
    <message>
        <source>Only when I am away</source>
        <translation>僅在我離開時</translation>
    </message>
    <message>
        <source> min without keyboard or mouse</source>
        <translation> 分鐘未使用鍵盤或滑鼠</translation>
    </message>
    <message>
        <source>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</source>
        <translation>任何時間，或例如 mon-fri 22:00-08:00, sat 00:00-24:00</translation>
    </message>
    <message>
        <source>Pause when another program uses the GPU or a fullscreen app runs</source>
        <translation>有其他程式使用 GPU 或有全螢幕應用程式執行時暫停</translation>
    </message>
    <message>
        <source>Interruptible: rentals stop (data kept) when I come back</source>
        <translation>可中斷：我回來時停止租用（資料保留）</translation>
    </message>
    <message>
        <source>On demand: rentals continue when I come back; stopping them counts against reliability</source>
        <translation>隨需：我回來時租用繼續；中途停止會影響可靠性</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>排程：</translation>
    </message>
    <message>
        <source>Register this computer first: click the button below.</source>
        <translation>請先註冊本機：點選下方按鈕。</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>無法變更登入啟動項目：%1</translation>
    </message>
    <message>
        <source>Renters of this agent could reach your local network (router, NAS, other computers). Run the system agent (suanli-host.service): sudo systemctl enable --now suanli-host.service, then lend through it.</source>
        <translation>此代理的租用者可以存取你的本地網路（路由器、NAS、其他電腦）。請改用系統代理（suanli-host.service）：sudo systemctl enable --now suanli-host.service，然後透過它出借。</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>不提供</translation>
    </message>
    <message>
        <source>Day plan, paid up front:</source>
        <translation>包日（預付）：</translation>
    </message>
    <message>
        <source>Week plan:</source>
        <translation>包週：</translation>
    </message>
    <message>
        <source>Month plan (30 days):</source>
        <translation>包月（30 天）：</translation>
    </message>
    <message>
        <source>The day plan</source>
        <translation>包日價</translation>
    </message>
    <message>
        <source>The week plan</source>
        <translation>包週價</translation>
    </message>
    <message>
        <source>The month plan</source>
        <translation>包月價</translation>
    </message>
    <message>
        <source>%1 costs more than %2 hours by the hour (%3): lower it, or raise the hourly price.</source>
        <translation>%1高於按小時計費 %2 小時的費用（%3）：請調低它，或提高每小時價格。</translation>
    </message>
    <message>
        <source>Plans are paid up front and cost less than the same time by the hour (a day by the hour: %1, a week: %2, a month: %3). They are offered only when rentals continue while you use this computer (On demand, next page).</source>
        <translation>套餐需預付，價格低於按小時計費的同等時長（按小時計一天：%1，一週：%2，一個月：%3）。只有在你使用這台電腦時租用仍繼續（下一頁的「隨需」）才會提供套餐。</translation>
    </message>
    <message>
        <source>Start without a GPU, per hour:</source>
        <translation>無卡模式，每小時：</translation>
    </message>
    <message>
        <source>A start without a GPU may cost at most a tenth of the hourly price (%1).</source>
        <translation>無卡模式的價格最多為小時價的十分之一（%1）。</translation>
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
    <message>
        <source>Datasets</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>帳戶(&amp;A)…</translation>
    </message>
    <message>
        <source>Your payout of %1 was approved.</source>
        <translation>你的 %1 提領申請已核准。</translation>
    </message>
    <message>
        <source>Your payout of %1 was paid (reference %2).</source>
        <translation>你的 %1 提領已匯款（參考號 %2）。</translation>
    </message>
    <message>
        <source>Your payout of %1 was rejected: %2. The amount is back in your balance.</source>
        <translation>你的 %1 提領申請被拒絕：%2。該金額已退回餘額。</translation>
    </message>
    <message>
        <source>Payout %1</source>
        <translation>提領 %1</translation>
    </message>
    <message>
        <source>Its plan ends at %1 and renews for %2.</source>
        <translation>其方案將於 %1 到期，並以 %2 續費。</translation>
    </message>
    <message>
        <source>Its plan ends at %1; the balance does not cover the %2 renewal, so it then goes on by the hour.</source>
        <translation>其方案將於 %1 到期；餘額不足以支付 %2 的續費，屆時將轉為按小時計費。</translation>
    </message>
    <message>
        <source>Its plan ends at %1; it then goes on by the hour.</source>
        <translation>其方案將於 %1 到期；之後轉為按小時計費。</translation>
    </message>
    <message>
        <source>Instance %1: plan ends soon</source>
        <translation>實例 %1：方案即將到期</translation>
    </message>
    <message>
        <source>My &amp;images…</source>
        <translation>我的映像(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>suanli::ui::MyImagesDialog</name>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>My images</source>
        <translation>我的映像</translation>
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
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Storage per GB and month</source>
        <translation>每 GB 每月儲存費</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>Cannot load your images: %1</source>
        <translation>無法載入您的映像：%1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>lives on host %1 only</source>
        <translation>僅存於主機 %1</translation>
    </message>
    <message>
        <source>market registry (any host)</source>
        <translation>市場映像倉庫（任意主機）</translation>
    </message>
    <message>
        <source>You have no saved images. Use “Save as image…” on an instance.</source>
        <translation>您尚未儲存任何映像。請在實例上使用「儲存為映像…」。</translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation>刪除映像</translation>
    </message>
    <message>
        <source>Delete the image %1? Instances can no longer be launched from it; its storage is no longer billed.</source>
        <translation>刪除映像 %1？之後將無法再用它啟動實例；其儲存不再計費。</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>無法刪除 %1：%2</translation>
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
    <message>
        <source>CPU per GPU</source>
        <translation>單卡 CPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>RAM per GPU</source>
        <translation>單卡記憶體</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>整機</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s), %1 GB</source>
        <translation>
            <numerusform>%n 核，%1 GB</numerusform>
        </translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未測量</translation>
    </message>
    <message>
        <source>Network (stated)</source>
        <translation>網路（聲明）</translation>
    </message>
    <message>
        <source>Disk writes</source>
        <translation>磁碟寫入</translation>
    </message>
    <message>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>測量時間</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PairDelegate</name>
    <message>
        <source>Paused at %1 of %2</source>
        <translation>已暫停於 %1 / %2</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>正在比對兩端…</translation>
    </message>
    <message>
        <source>Syncing · %1 % · %2/s</source>
        <translation>同步中 · %1 % · %2/s</translation>
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
        <translation>編輯資料夾配對</translation>
    </message>
    <message>
        <source>Add a folder pair</source>
        <translation>新增資料夾配對</translation>
    </message>
    <message>
        <source>A folder on this computer</source>
        <translation>本機上的資料夾</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本機資料夾</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>實例</translation>
    </message>
    <message>
        <source>Path on the instance</source>
        <translation>實例上的路徑</translation>
    </message>
    <message>
        <source>Upload: this folder → the instance</source>
        <translation>上傳：此資料夾 → 實例</translation>
    </message>
    <message>
        <source>Download: the instance → this folder</source>
        <translation>下載：實例 → 此資料夾</translation>
    </message>
    <message>
        <source>Sync now copies</source>
        <translation>「立即同步」的複製方向</translation>
    </message>
    <message>
        <source>Files whose size and time match are skipped; large files resume where a cancelled sync stopped. A .suanliignore file in the folder lists what to leave out, like .gitignore.</source>
        <translation>大小和時間相符的檔案會略過；大型檔案會從取消同步時中斷的地方續傳。資料夾中的 .suanliignore 檔案列出要排除的項目，用法與 .gitignore 相同。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Choose later (not rented yet)</source>
        <translation>稍後選擇（尚未租用）</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>僅 CPU</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Instance %1 (gone)</source>
        <translation>實例 %1（已不存在）</translation>
    </message>
    <message>
        <source>Choose the local folder</source>
        <translation>選擇本機資料夾</translation>
    </message>
    <message>
        <source>Delete files on the instance that this folder no longer has</source>
        <translation>刪除實例上此資料夾已沒有的檔案</translation>
    </message>
    <message>
        <source>Delete files in this folder that the instance no longer has</source>
        <translation>刪除此資料夾中實例已沒有的檔案</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PassphraseDialog</name>
    <message>
        <source>SSH key passphrase</source>
        <translation>SSH 金鑰密碼</translation>
    </message>
    <message>
        <source>Suanli keeps it in the system keychain and uses it for its own tunnels. Your key file is not changed.</source>
        <translation>Suanli 會將密碼儲存在系統鑰匙串中，並用於自己的通道。您的金鑰檔案不會被更改。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <source>Enter the passphrase of your SSH key.</source>
        <translation>請輸入您 SSH 金鑰的密碼。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PayoutPanel</name>
    <message>
        <source>Request payout…</source>
        <translation>申請提領…</translation>
    </message>
    <message>
        <source>Earned:</source>
        <translation>已賺取：</translation>
    </message>
    <message>
        <source>Withdrawable:</source>
        <translation>可提領：</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>已申請：</translation>
    </message>
    <message>
        <source>Paid out:</source>
        <translation>已匯款：</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已申請</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Payout of %1 requested.</source>
        <translation>已申請提領 %1。</translation>
    </message>
    <message>
        <source>The market refused the payout: %1</source>
        <translation>市場拒絕了提領：%1</translation>
    </message>
    <message>
        <source>Request payout</source>
        <translation>申請提領</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>最多 %1</translation>
    </message>
    <message>
        <source>e.g. alipay:you@example.com or a bank account</source>
        <translation>例如 alipay:you@example.com 或銀行帳號</translation>
    </message>
    <message numerus="yes">
        <source>Earnings can be paid out %n day(s) after they were earned. The operator approves the request and then makes the transfer.</source>
        <translation>
            <numerusform>收益在賺取 %n 天後可以提領。營運方核准申請後再進行轉帳。</numerusform>
        </translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申請</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金額：</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>收款方：</translation>
    </message>
    <message>
        <source>Enter a positive amount with at most 6 decimals.</source>
        <translation>請輸入一個正數金額，最多 6 位小數。</translation>
    </message>
    <message>
        <source>At most %1 is withdrawable now.</source>
        <translation>目前最多可提領 %1。</translation>
    </message>
    <message>
        <source>Say where the money should go.</source>
        <translation>請說明款項應匯到哪裡。</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>正在送出申請…</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒絕</translation>
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
        <translation>儲存</translation>
    </message>
    <message>
        <source>Save %1 as an image</source>
        <translation>將 %1 儲存為映像</translation>
    </message>
    <message>
        <source>The instance&apos;s system disk (what you installed, /root, /etc, …) becomes an image only you can launch. /workspace is not part of it. Storing it costs %1 per GB and month, billed per second until you delete it.</source>
        <translation>實例的系統碟（您安裝的內容、/root、/etc 等）將成為只有您能啟動的映像，不包含 /workspace。儲存費用為每 GB 每月 %1，按秒計費，直到您刪除它。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Asking the market…</source>
        <translation>正在詢問市場…</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>無法儲存：%1</translation>
    </message>
    <message>
        <source>Ready: %1. It lives on host %2 only: launch it on that host&apos;s offer.</source>
        <translation>就緒：%1。它僅存於主機 %2：請在該主機的報價上啟動。</translation>
    </message>
    <message>
        <source>Ready: %1, in the market&apos;s registry: any host can launch it.</source>
        <translation>就緒：%1，已存入市場映像倉庫：任意主機均可啟動。</translation>
    </message>
    <message>
        <source>The save failed: %1</source>
        <translation>儲存失敗：%1</translation>
    </message>
    <message>
        <source>Saving… the host is committing the instance&apos;s system disk.</source>
        <translation>正在儲存…主機正在提交實例的系統碟。</translation>
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
    <message>
        <source>SSH key</source>
        <translation>SSH 金鑰</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>正在讀取金鑰…</translation>
    </message>
    <message>
        <source>leave empty to use the saved one</source>
        <translation>留空則使用已儲存的密碼</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>目前密碼</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密碼</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再次輸入</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>設定密碼</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>移除密碼</translation>
    </message>
    <message>
        <source>The key file is re-encrypted in place; your instances keep accepting it. Suanli keeps the passphrase in the system keychain; ssh and VS Code ask for it themselves (or use ssh-agent).</source>
        <translation>金鑰檔案會就地重新加密；您的實例仍會接受它。Suanli 將密碼儲存在系統鑰匙串中；ssh 和 VS Code 會自行詢問密碼（或使用 ssh-agent）。</translation>
    </message>
    <message>
        <source>Type the new passphrase twice.</source>
        <translation>請輸入兩次新密碼。</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>兩次輸入的新密碼不一致。</translation>
    </message>
    <message>
        <source>Your SSH key is protected by a passphrase.</source>
        <translation>您的 SSH 金鑰已受密碼保護。</translation>
    </message>
    <message>
        <source>Your SSH key has no passphrase: anyone who can read your files can use it.</source>
        <translation>您的 SSH 金鑰沒有密碼：任何能讀取您檔案的人都能使用它。</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <source>Removing the passphrase…</source>
        <translation>正在移除密碼…</translation>
    </message>
    <message>
        <source>Encrypting the key…</source>
        <translation>正在加密金鑰…</translation>
    </message>
    <message>
        <source>The current passphrase is wrong (or none is saved): type it in &quot;Current passphrase&quot;. Nothing was changed.</source>
        <translation>目前密碼錯誤（或未儲存密碼）：請在「目前密碼」中輸入。未做任何變更。</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>無法變更登入啟動項目：%1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::StateWidget</name>
    <message>
        <source>This takes a moment.</source>
        <translation>請稍候。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SyncProgressPanel</name>
    <message>
        <source>Data</source>
        <translation>資料量</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>正在比對兩端…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Nothing to copy: both sides match.</source>
        <translation>無需複製：兩端已一致。</translation>
    </message>
    <message numerus="yes">
        <source>Sync now would upload %n file(s), %1.</source>
        <translation>
            <numerusform>「立即同步」將上傳 %n 個檔案，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync now would download %n file(s), %1.</source>
        <translation>
            <numerusform>「立即同步」將下載 %n 個檔案，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s), %1.</source>
        <translation>
            <numerusform>正在上傳 %n 個檔案，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n file(s), %1.</source>
        <translation>
            <numerusform>正在下載 %n 個檔案，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) (%1) already there.</source>
        <translation>
            <numerusform>%n 個檔案（%1）已存在。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) to create.</source>
        <translation>
            <numerusform>需建立 %n 個資料夾。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s).</source>
        <translation>
            <numerusform>%n 個連結。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete on the instance.</source>
        <translation>
            <numerusform>實例上有 %n 個待刪除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete in the folder.</source>
        <translation>
            <numerusform>資料夾中有 %n 個待刪除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (see the list).</source>
        <translation>
            <numerusform>略過 %n 個（見列表）。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt; (nothing moved): </source>
        <translation>&lt;b&gt;預覽&lt;/b&gt;（尚未傳輸任何內容）：</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>上傳</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已略過：%1</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>刪除</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…以及其他 %n 個</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::TopUpDialog</name>
    <message>
        <source>Create order</source>
        <translation>建立訂單</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>儲值</translation>
    </message>
    <message>
        <source>Amount, e.g. 100 or 12.50</source>
        <translation>金額，例如 100 或 12.50</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金額：</translation>
    </message>
    <message>
        <source>The balance grows once the payment for an order is confirmed.</source>
        <translation>訂單的付款確認後，餘額才會增加。</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>參考號</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立於</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Order created. Pay %1 quoting the reference &lt;b&gt;%2&lt;/b&gt; before %3; the balance grows once the payment is confirmed.</source>
        <translation>訂單已建立。請在 %3 之前支付 %1，並註明參考號 &lt;b&gt;%2&lt;/b&gt;；付款確認後餘額才會增加。</translation>
    </message>
    <message>
        <source>The market refused the order: %1</source>
        <translation>市場拒絕了訂單：%1</translation>
    </message>
    <message>
        <source>Paid: %1 (%2) was credited.</source>
        <translation>已支付：%1（%2）已入帳。</translation>
    </message>
    <message>
        <source>Enter a positive amount with at most 6 decimals, e.g. 100 or 12.50.</source>
        <translation>請輸入一個正數金額，最多 6 位小數，例如 100 或 12.50。</translation>
    </message>
    <message>
        <source>Asking the market for an order…</source>
        <translation>正在向市場申請訂單…</translation>
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
        <translation>已過期</translation>
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
        <translation>暫停 1 小時</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>暫停到明天</translation>
    </message>
    <message>
        <source>Open Suanli</source>
        <translation>開啟算力</translation>
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
        <translation>關閉</translation>
    </message>
    <message>
        <source>Waiting for idle</source>
        <translation>等待閒置</translation>
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
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>checking whether you are using this computer</source>
        <translation>正在檢查您是否在使用本機</translation>
    </message>
    <message>
        <source>lending is switched off</source>
        <translation>出借已關閉</translation>
    </message>
    <message>
        <source>outside your lending hours</source>
        <translation>不在您設定的出借時段內</translation>
    </message>
    <message numerus="yes">
        <source>you are using this computer; lending starts after %n minute(s) idle</source>
        <translation>
            <numerusform>您正在使用本機；閒置 %n 分鐘後開始出借</numerusform>
        </translation>
    </message>
    <message>
        <source>you are using the GPU</source>
        <translation>您正在使用 GPU</translation>
    </message>
    <message>
        <source>a fullscreen app is running</source>
        <translation>有全螢幕應用程式正在執行</translation>
    </message>
    <message>
        <source>the GPU is above %1 °C</source>
        <translation>GPU 溫度超過 %1 °C</translation>
    </message>
    <message>
        <source>the GPUs draw more than %1 W</source>
        <translation>GPU 功耗超過 %1 W</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>暫停至 %1</translation>
    </message>
    <message>
        <source>cannot tell whether you are using this computer (%1); lend on a schedule instead, or choose Lend now</source>
        <translation>無法判斷您是否在使用本機（%1）；請改用排程出借，或選擇「立即出借」</translation>
    </message>
    <message>
        <source>the host agent stopped with an error</source>
        <translation>主機代理因錯誤而停止</translation>
    </message>
    <message>
        <source>Suanli: not lending</source>
        <translation>算力：未出借</translation>
    </message>
    <message>
        <source>Suanli: waiting for idle</source>
        <translation>算力：等待閒置</translation>
    </message>
    <message>
        <source>Suanli: listed, waiting for a renter</source>
        <translation>算力：已上架，等待租用者</translation>
    </message>
    <message>
        <source>Suanli: rented, earning %1 per hour</source>
        <translation>算力：已出租，每小時收入 %1</translation>
    </message>
    <message>
        <source>Suanli: rented, earning %1 per hour before the platform fee</source>
        <translation>算力：已出租，每小時收入 %1（未扣平台費）</translation>
    </message>
    <message>
        <source>Suanli: paused</source>
        <translation>算力：已暫停</translation>
    </message>
    <message>
        <source>Suanli: error</source>
        <translation>算力：錯誤</translation>
    </message>
    <message>
        <source>Listed but not earning: check your price against the suggestion</source>
        <translation>已上架但沒有收入：請對照建議價格檢查您的定價</translation>
    </message>
    <message>
        <source>A GPU is not visible inside containers: run the self-test in the Lend view</source>
        <translation>容器內看不到某張 GPU：請在「出借」頁面執行自我檢測</translation>
    </message>
    <message>
        <source>Listed on this computer&apos;s own market (local mode), not lent to anyone else. Switch lending on to lend it by your rules.</source>
        <translation>已在本機自己的市場上架（本地模式），未出借給其他人。開啟出借即可按你的規則出借。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Suanli: listed on this computer&apos;s own market</source>
        <translation>算力：已在本機自己的市場上架</translation>
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
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>Cost guard for %1</source>
        <translation>%1 的費用防護</translation>
    </message>
    <message>
        <source>The market stops the instance (its data is kept) when a limit is reached, even while this app is closed. Spent so far: %1.</source>
        <translation>達到任一上限時，市場會停止實例（資料保留），即使本應用已關閉也一樣。目前已花費：%1。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Total spend of this instance, in %1; empty for no limit</source>
        <translation>此實例的總花費（%1）；留空表示不限</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Running time over all periods</source>
        <translation>所有時段的累計執行時間</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Idle means every GPU below this utilisation and no SSH session</source>
        <translation>閒置是指所有 GPU 使用率都低於此值且沒有 SSH 工作階段</translation>
    </message>
    <message>
        <source>Idle means the CPU below this (100 % = one core) and no SSH session</source>
        <translation>閒置是指 CPU 低於此值（100 % = 一個核心）且沒有 SSH 工作階段</translation>
    </message>
    <message>
        <source>Maximum spend (%1):</source>
        <translation>最高花費（%1）：</translation>
    </message>
    <message>
        <source>Maximum running time:</source>
        <translation>最長執行時間：</translation>
    </message>
    <message>
        <source>Stop when idle for:</source>
        <translation>閒置多久後停止：</translation>
    </message>
    <message>
        <source>Idle below (GPU):</source>
        <translation>閒置門檻（GPU）：</translation>
    </message>
    <message>
        <source>Idle below (CPU):</source>
        <translation>閒置門檻（CPU）：</translation>
    </message>
    <message>
        <source>Write the maximum spend as an amount such as 50 or 12.5, or leave it empty for no limit.</source>
        <translation>請以金額填寫最高花費，例如 50 或 12.5，或留空表示不限。</translation>
    </message>
    <message>
        <source>The market did not take the new limits: %1 Check the values and your connection, then save again.</source>
        <translation>市場未接受新的上限：%1 請檢查數值和網路連線，然後重新儲存。</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::InstanceDashboard</name>
    <message>
        <source>5 min</source>
        <translation>5 分鐘</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小時</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小時</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>顯示最近 %1</translation>
    </message>
    <message>
        <source>Cost guard…</source>
        <translation>費用防護…</translation>
    </message>
    <message>
        <source>Limits the market enforces even while this app is closed</source>
        <translation>即使本應用已關閉，市場仍會強制執行的上限</translation>
    </message>
    <message>
        <source>GPU utilisation</source>
        <translation>GPU 使用率</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>GPU memory used</source>
        <translation>GPU 記憶體用量</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>GPU temperature</source>
        <translation>GPU 溫度</translation>
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
        <translation>CPU（100 % = 一個核心）</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>記憶體用量</translation>
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
        <source>Waiting for telemetry…</source>
        <translation>正在等待遙測資料…</translation>
    </message>
    <message>
        <source>This instance has no GPU: the charts show its CPU and memory.</source>
        <translation>此實例沒有 GPU：圖表顯示其 CPU 和記憶體。</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>No telemetry yet</source>
        <translation>暫無遙測資料</translation>
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
        <translation>記憶體 %1 GiB</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>started without a GPU (CPU only)</source>
        <translation>無卡模式啟動（僅 CPU）</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::InstanceHistoryView</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>正在載入歷史記錄…</translation>
    </message>
    <message>
        <source>Cannot load the history: %1</source>
        <translation>無法載入歷史記錄：%1</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>尚無變更記錄。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n 筆變更，最新的在前。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::SpendWidget</name>
    <message>
        <source>Spend this month</source>
        <translation>本月花費</translation>
    </message>
    <message>
        <source>No spend this month</source>
        <translation>本月無花費</translation>
    </message>
    <message>
        <source>Spend per day</source>
        <translation>每日花費</translation>
    </message>
    <message>
        <source>Nothing is charging now</source>
        <translation>目前沒有計費項目</translation>
    </message>
    <message>
        <source>%1 per hour now</source>
        <translation>目前每小時 %1</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>餘額 %1</translation>
    </message>
    <message>
        <source>The balance is used up: top up to keep instances running</source>
        <translation>餘額已用盡：請儲值以保持實例執行</translation>
    </message>
    <message>
        <source>Balance %1 lasts %2 at this rate</source>
        <translation>以目前速率，餘額 %1 可用 %2</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>實例 %1</translation>
    </message>
    <message>
        <source>Spend per day, %1 %2</source>
        <comment>month, year</comment>
        <translation>每日花費，%2 年 %1</translation>
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
