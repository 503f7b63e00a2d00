<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Duration</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Suanli: rent and lend GPUs.</source>
        <translation>Suanli: rent and lend GPUs.</translation>
    </message>
    <message>
        <source>Run a market and a host agent in this app (local mode).</source>
        <translation>Run a market and a host agent in this app (local mode).</translation>
    </message>
    <message>
        <source>Connect to the market at URL.</source>
        <translation>Connect to the market at URL.</translation>
    </message>
    <message>
        <source>Start in the tray (contributor mode).</source>
        <translation>Start in the tray (contributor mode).</translation>
    </message>
    <message>
        <source>Start without showing the window.</source>
        <translation>Start without showing the window.</translation>
    </message>
</context>
<context>
    <name>suanli::access::InstanceAccess</name>
    <message>
        <source>The instance has no SSH address yet.</source>
        <translation>The instance has no SSH address yet.</translation>
    </message>
    <message>
        <source>Jupyter was not enabled when this instance was created.</source>
        <translation>Jupyter was not enabled when this instance was created.</translation>
    </message>
    <message>
        <source>The instance is not running.</source>
        <translation>The instance is not running.</translation>
    </message>
</context>
<context>
    <name>suanli::access::PortForwardModel</name>
    <message>
        <source>Open http://127.0.0.1:%1 on this computer to reach port %2 of the instance.</source>
        <translation>Open http://127.0.0.1:%1 on this computer to reach port %2 of the instance.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) refused by the instance: nothing listens on port %1 there.</source>
        <translation>
            <numerusform>%n connection refused by the instance: nothing listens on port %1 there.</numerusform>
            <numerusform>%n connections refused by the instance: nothing listens on port %1 there.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 total)</source>
        <extracomment>active connections, then all connections since the forward was added</extracomment>
        <translation>%1 (%2 total)</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>Local port</translation>
    </message>
    <message>
        <source>Instance port</source>
        <translation>Instance port</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>No instance is selected.</source>
        <translation>No instance is selected.</translation>
    </message>
</context>
<context>
    <name>suanli::access::TerminalLauncher</name>
    <message>
        <source>No terminal program was found. Copy the SSH command and run it in a terminal of your choice.</source>
        <translation>No terminal program was found. Copy the SSH command and run it in a terminal of your choice.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>Could not start %1.</translation>
    </message>
</context>
<context>
    <name>suanli::app::BillingController</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>suanli::app::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>No secret is stored for %1.</translation>
    </message>
</context>
<context>
    <name>suanli::app::InstanceListModel</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisioning</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stopping</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Destroying</source>
        <translation>Destroying</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>you asked</source>
        <translation>you asked</translation>
    </message>
    <message>
        <source>balance used up</source>
        <translation>balance used up</translation>
    </message>
    <message>
        <source>the host stopped answering</source>
        <translation>the host stopped answering</translation>
    </message>
    <message>
        <source>kept stopped too long</source>
        <translation>kept stopped too long</translation>
    </message>
    <message>
        <source>spending limit reached</source>
        <translation>spending limit reached</translation>
    </message>
    <message>
        <source>time limit reached</source>
        <translation>time limit reached</translation>
    </message>
    <message>
        <source>the owner needs the machine</source>
        <translation>the owner needs the machine</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU only</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/h</translation>
    </message>
    <message>
        <source>data deleted in %1 (%2/day)</source>
        <translation>data deleted in %1 (%2/day)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Running for</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Data kept</source>
        <translation>Data kept</translation>
    </message>
</context>
<context>
    <name>suanli::app::KeychainSecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>No secret is stored for %1.</translation>
    </message>
</context>
<context>
    <name>suanli::app::LedgerModel</name>
    <message>
        <source>Top-up</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>GPU time</source>
        <translation>GPU time</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>Earning</translation>
    </message>
    <message>
        <source>Platform fee</source>
        <translation>Platform fee</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Balance after</translation>
    </message>
</context>
<context>
    <name>suanli::app::LocalHost</name>
    <message>
        <source>This build has no host agent engine, so this computer is not lent; the catalog shows other hosts of this market.</source>
        <translation>This build has no host agent engine, so this computer is not lent; the catalog shows other hosts of this market.</translation>
    </message>
    <message>
        <source>Not lending this computer.</source>
        <translation>Not lending this computer.</translation>
    </message>
    <message>
        <source>Registering this computer with the local market…</source>
        <translation>Registering this computer with the local market…</translation>
    </message>
    <message>
        <source>Cannot register this computer: %1</source>
        <translation>Cannot register this computer: %1</translation>
    </message>
    <message>
        <source>Starting the host agent…</source>
        <translation>Starting the host agent…</translation>
    </message>
    <message>
        <source>This computer is not lent: %1 in %2</source>
        <translation>This computer is not lent: %1 in %2</translation>
    </message>
    <message>
        <source>Starting the host agent (checking Podman)…</source>
        <translation>Starting the host agent (checking Podman)…</translation>
    </message>
    <message>
        <source>The host agent is connecting to the local market…</source>
        <translation>The host agent is connecting to the local market…</translation>
    </message>
    <message>
        <source>Lending this computer: CPU only (no GPU found).</source>
        <translation>Lending this computer: CPU only (no GPU found).</translation>
    </message>
    <message numerus="yes">
        <source>Lending this computer: %n GPU(s).</source>
        <translation>
            <numerusform>Lending this computer: %n GPU.</numerusform>
            <numerusform>Lending this computer: %n GPUs.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer is not lent: %1</source>
        <translation>This computer is not lent: %1</translation>
    </message>
    <message>
        <source>the host agent stopped.</source>
        <translation>the host agent stopped.</translation>
    </message>
    <message>
        <source>This computer could not be listed: %1</source>
        <translation>This computer could not be listed: %1</translation>
    </message>
</context>
<context>
    <name>suanli::app::LocalMarket</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Cannot create the data folder %1.</translation>
    </message>
</context>
<context>
    <name>suanli::app::MarketClient</name>
    <message>
        <source>The market did not answer in time.</source>
        <translation>The market did not answer in time.</translation>
    </message>
    <message>
        <source>Cannot reach the market: %1</source>
        <translation>Cannot reach the market: %1</translation>
    </message>
</context>
<context>
    <name>suanli::app::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>No secret is stored for %1.</translation>
    </message>
</context>
<context>
    <name>suanli::app::OfferTableModel</name>
    <message>
        <source>CPU only</source>
        <translation>CPU only</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Unknown GPU model: no figure rather than a guess</source>
        <translation>Unknown GPU model: no figure rather than a guess</translation>
    </message>
    <message>
        <source>Peak FP16 TFLOPS per %1 per hour of the whole offer</source>
        <translation>Peak FP16 TFLOPS per %1 per hour of the whole offer</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPUs free</source>
        <translation>GPUs free</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>VRAM</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>TFLOPS</source>
        <translation>TFLOPS</translation>
    </message>
    <message>
        <source>A CPU-only machine, rented whole</source>
        <translation>A CPU-only machine, rented whole</translation>
    </message>
    <message>
        <source>Price
per GPU·h</source>
        <translation>Price
per GPU·h</translation>
    </message>
    <message>
        <source>Storage
per GB·mo</source>
        <translation>Storage
per GB·mo</translation>
    </message>
    <message>
        <source>TFLOPS
per %1</source>
        <translation>TFLOPS
per %1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AccessPanel</name>
    <message>
        <source>Open terminal</source>
        <translation>Open terminal</translation>
    </message>
    <message>
        <source>Open in VS Code</source>
        <translation>Open in VS Code</translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation>Copy SSH command</translation>
    </message>
    <message>
        <source>Open Jupyter</source>
        <translation>Open Jupyter</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copy URL</translation>
    </message>
    <message>
        <source>Add forward</source>
        <translation>Add forward</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Get in</source>
        <translation>Get in</translation>
    </message>
    <message>
        <source>Open Jupyter to get its address</source>
        <translation>Open Jupyter to get its address</translation>
    </message>
    <message>
        <source>Jupyter:</source>
        <translation>Jupyter:</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>The port a program listens on inside the instance (6006: TensorBoard, 8888: Jupyter)</source>
        <translation>The port a program listens on inside the instance (6006: TensorBoard, 8888: Jupyter)</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>any free</translation>
    </message>
    <message>
        <source>The port on this computer (127.0.0.1)</source>
        <translation>The port on this computer (127.0.0.1)</translation>
    </message>
    <message>
        <source>Instance port</source>
        <translation>Instance port</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>Local port</translation>
    </message>
    <message>
        <source>Cannot open VS Code. Install it with the Remote - SSH extension, or copy the SSH command.</source>
        <translation>Cannot open VS Code. Install it with the Remote - SSH extension, or copy the SSH command.</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>Jupyter address copied.</source>
        <translation>Jupyter address copied.</translation>
    </message>
    <message>
        <source>Cannot write the SSH configuration: %1</source>
        <translation>Cannot write the SSH configuration: %1</translation>
    </message>
    <message>
        <source>Line %1 of ~/.ssh/config (%2) comes before Suanli&apos;s and overrides it for this instance; move it below the Include line.</source>
        <translation>Line %1 of ~/.ssh/config (%2) comes before Suanli&apos;s and overrides it for this instance; move it below the Include line.</translation>
    </message>
    <message>
        <source>Jupyter was not enabled when this instance was launched.</source>
        <translation>Jupyter was not enabled when this instance was launched.</translation>
    </message>
    <message>
        <source>In any terminal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>In any terminal: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Writing the SSH configuration…</source>
        <translation>Writing the SSH configuration…</translation>
    </message>
    <message>
        <source>A terminal opens with %1.</source>
        <translation>A terminal opens with %1.</translation>
    </message>
    <message>
        <source>Jupyter opens in your browser through an SSH tunnel; the address above works while Suanli runs.</source>
        <translation>Jupyter opens in your browser through an SSH tunnel; the address above works while Suanli runs.</translation>
    </message>
    <message>
        <source>Port %1 on this computer is in use: choose another local port, or leave it at &quot;any free&quot;.</source>
        <translation>Port %1 on this computer is in use: choose another local port, or leave it at &quot;any free&quot;.</translation>
    </message>
    <message>
        <source>127.0.0.1:%1 on this computer now reaches port %2 of the instance.</source>
        <translation>127.0.0.1:%1 on this computer now reaches port %2 of the instance.</translation>
    </message>
    <message>
        <source>Tunnels: none open. The SSH connection starts with the first forward.</source>
        <translation>Tunnels: none open. The SSH connection starts with the first forward.</translation>
    </message>
    <message>
        <source>Tunnels: connecting…</source>
        <translation>Tunnels: connecting…</translation>
    </message>
    <message>
        <source>Tunnels: connected.</source>
        <translation>Tunnels: connected.</translation>
    </message>
    <message>
        <source>Tunnels: connection lost, reconnecting…</source>
        <translation>Tunnels: connection lost, reconnecting…</translation>
    </message>
    <message>
        <source>Tunnels: stopped after an error that retrying cannot fix.</source>
        <translation>Tunnels: stopped after an error that retrying cannot fix.</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>Security warning</translation>
    </message>
    <message>
        <source>The instance&apos;s SSH server did not prove it is the instance you rented. Suanli refused the connection.</source>
        <translation>The instance&apos;s SSH server did not prove it is the instance you rented. Suanli refused the connection.</translation>
    </message>
    <message>
        <source>The host key it presented differs from the one the market recorded when the instance started, so someone may be intercepting the connection. Nothing was sent. Do not connect to this instance by other means; destroy it and launch a new one.</source>
        <translation>The host key it presented differs from the one the market recorded when the instance started, so someone may be intercepting the connection. Nothing was sent. Do not connect to this instance by other means; destroy it and launch a new one.</translation>
    </message>
    <message>
        <source>Connection refused: the host key does not match the pinned one.</source>
        <translation>Connection refused: the host key does not match the pinned one.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::BillingView</name>
    <message>
        <source>Redeem</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>Voucher code</translation>
    </message>
    <message>
        <source>Redeeming…</source>
        <translation>Redeeming…</translation>
    </message>
    <message>
        <source>Voucher redeemed. Your balance is now %1.</source>
        <translation>Voucher redeemed. Your balance is now %1.</translation>
    </message>
    <message>
        <source>No voucher has this code. Check it and try again.</source>
        <translation>No voucher has this code. Check it and try again.</translation>
    </message>
    <message>
        <source>This voucher was already redeemed.</source>
        <translation>This voucher was already redeemed.</translation>
    </message>
    <message>
        <source>Cannot redeem the voucher: %1</source>
        <translation>Cannot redeem the voucher: %1</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>Export the ledger</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Ledger saved to %1.</source>
        <translation>Ledger saved to %1.</translation>
    </message>
    <message>
        <source>Cannot export the ledger: %1</source>
        <translation>Cannot export the ledger: %1</translation>
    </message>
    <message>
        <source>Cannot load the ledger: %1</source>
        <translation>Cannot load the ledger: %1</translation>
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
        <translation>Verified only</translation>
    </message>
    <message>
        <source>Query, e.g. gpu=RTX_4090 gpus&gt;=2 vram_gb&gt;=24 price&lt;2.5 reliability&gt;0.95</source>
        <translation>Query, e.g. gpu=RTX_4090 gpus&gt;=2 vram_gb&gt;=24 price&lt;2.5 reliability&gt;0.95</translation>
    </message>
    <message>
        <source>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</source>
        <translation>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</translation>
    </message>
    <message>
        <source>GPUs ≥</source>
        <translation>GPUs ≥</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>VRAM ≥</source>
        <translation>VRAM ≥</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>Interruptible or not</source>
        <translation>Interruptible or not</translation>
    </message>
    <message>
        <source>Interruptible only</source>
        <translation>Interruptible only</translation>
    </message>
    <message>
        <source>Not interruptible</source>
        <translation>Not interruptible</translation>
    </message>
    <message>
        <source>Max %1/GPU·h</source>
        <translation>Max %1/GPU·h</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU only</translation>
    </message>
    <message>
        <source>All GPU models</source>
        <translation>All GPU models</translation>
    </message>
    <message numerus="yes">
        <source>%n GPU model(s)</source>
        <translation>
            <numerusform>%n GPU model</numerusform>
            <numerusform>%n GPU models</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1: %2  —  %3▸%4</source>
        <translation>Column %1: %2  —  %3▸%4</translation>
    </message>
</context>
<context>
    <name>suanli::ui::CatalogView</name>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n offer</numerusform>
            <numerusform>%n offers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n offer(s) match</source>
        <translation>
            <numerusform>%1 of %n offer match</numerusform>
            <numerusform>%1 of %n offers match</numerusform>
        </translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>Not updated: %1</translation>
    </message>
    <message>
        <source>Loading offers…</source>
        <translation>Loading offers…</translation>
    </message>
    <message>
        <source>Cannot load offers</source>
        <translation>Cannot load offers</translation>
    </message>
    <message>
        <source>%1
Check the market address in Settings, or try again.</source>
        <translation>%1
Check the market address in Settings, or try again.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>No offers yet</source>
        <translation>No offers yet</translation>
    </message>
    <message>
        <source>No host lists a machine on this market right now. Offers appear here as soon as one does.</source>
        <translation>No host lists a machine on this market right now. Offers appear here as soon as one does.</translation>
    </message>
    <message>
        <source>No offer matches</source>
        <translation>No offer matches</translation>
    </message>
    <message>
        <source>No offer meets the query and filters. Loosen a filter or clear the query.</source>
        <translation>No offer meets the query and filters. Loosen a filter or clear the query.</translation>
    </message>
    <message>
        <source>Clear the query</source>
        <translation>Clear the query</translation>
    </message>
</context>
<context>
    <name>suanli::ui::FirstRunDialog</name>
    <message>
        <source>Try on this computer</source>
        <translation>Try on this computer</translation>
    </message>
    <message>
        <source>Runs a market and lends this machine, all in this app, with a starting voucher. Nothing else to set up.</source>
        <translation>Runs a market and lends this machine, all in this app, with a starting voucher. Nothing else to set up.</translation>
    </message>
    <message>
        <source>Connect to a market</source>
        <translation>Connect to a market</translation>
    </message>
    <message>
        <source>Use a market your school, lab or provider runs: you need its address and your token.</source>
        <translation>Use a market your school, lab or provider runs: you need its address and your token.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Welcome to Suanli</source>
        <translation>Welcome to Suanli</translation>
    </message>
    <message>
        <source>Rent GPUs by the second. How do you want to start?</source>
        <translation>Rent GPUs by the second. How do you want to start?</translation>
    </message>
    <message>
        <source>Market address</source>
        <translation>Market address</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Enter the market&apos;s address, e.g. https://market.example.edu.</source>
        <translation>Enter the market&apos;s address, e.g. https://market.example.edu.</translation>
    </message>
    <message>
        <source>A renter&apos;s token starts with sk_. Ask the market&apos;s operator for one.</source>
        <translation>A renter&apos;s token starts with sk_. Ask the market&apos;s operator for one.</translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation>Checking the token with %1…</translation>
    </message>
    <message>
        <source>The market does not accept this token.</source>
        <translation>The market does not accept this token.</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Cannot connect: %1</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Signed in as %1.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::InstancesView</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>Stop…</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Destroy…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <source>Cannot stop the instance</source>
        <translation>Cannot stop the instance</translation>
    </message>
    <message>
        <source>Cannot start the instance</source>
        <translation>Cannot start the instance</translation>
    </message>
    <message>
        <source>Cannot destroy the instance</source>
        <translation>Cannot destroy the instance</translation>
    </message>
    <message>
        <source>Loading instances…</source>
        <translation>Loading instances…</translation>
    </message>
    <message>
        <source>Cannot load instances</source>
        <translation>Cannot load instances</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>No instances</source>
        <translation>No instances</translation>
    </message>
    <message>
        <source>Rent a GPU in the Catalog: pick an offer and press Rent. It appears here at once and starts in a minute or two.</source>
        <translation>Rent a GPU in the Catalog: pick an offer and press Rent. It appears here at once and starts in a minute or two.</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>Disk: %1 GB</source>
        <translation>Disk: %1 GB</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>SSH: ssh -p %1 %2@%3</source>
        <translation>SSH: ssh -p %1 %2@%3</translation>
    </message>
    <message>
        <source>Stops at %1 spent</source>
        <translation>Stops at %1 spent</translation>
    </message>
    <message>
        <source>Stop %1?</source>
        <translation>Stop %1?</translation>
    </message>
    <message>
        <source>Stop %1? Its data on /workspace is kept.</source>
        <translation>Stop %1? Its data on /workspace is kept.</translation>
    </message>
    <message>
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after 15 days (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after 15 days (the countdown shows in the list). Starting again needs free GPUs on the same host.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Destroy %1?</source>
        <translation>Destroy %1?</translation>
    </message>
    <message>
        <source>Destroy %1 and delete its data?</source>
        <translation>Destroy %1 and delete its data?</translation>
    </message>
    <message>
        <source>Everything on its disk, /workspace included, is deleted and cannot be recovered. Billing stops; what was spent so far (%1) stays charged.</source>
        <translation>Everything on its disk, /workspace included, is deleted and cannot be recovered. Billing stops; what was spent so far (%1) stays charged.</translation>
    </message>
    <message>
        <source>Destroy and delete data</source>
        <translation>Destroy and delete data</translation>
    </message>
    <message>
        <source>GPUs are taken</source>
        <translation>GPUs are taken</translation>
    </message>
    <message>
        <source>The host&apos;s GPUs are rented by someone else right now.</source>
        <translation>The host&apos;s GPUs are rented by someone else right now.</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Try again later, or launch a new instance on a matching offer (the data does not move with it).</source>
        <translation>Your data stays on the stopped instance. Try again later, or launch a new instance on a matching offer (the data does not move with it).</translation>
    </message>
    <message>
        <source>Retry in 5 minutes</source>
        <translation>Retry in 5 minutes</translation>
    </message>
    <message>
        <source>Find a matching offer</source>
        <translation>Find a matching offer</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LaunchDialog</name>
    <message>
        <source>Start Jupyter (reached through an SSH tunnel)</source>
        <translation>Start Jupyter (reached through an SSH tunnel)</translation>
    </message>
    <message>
        <source>Rent a CPU machine on %1</source>
        <translation>Rent a CPU machine on %1</translation>
    </message>
    <message>
        <source>Rent %1 on %2</source>
        <translation>Rent %1 on %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>whole machine</source>
        <translation>whole machine</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>e.g. llama-finetune (letters, digits, - and _)</source>
        <translation>e.g. llama-finetune (letters, digits, - and _)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>KEY=value, one per line</source>
        <translation>KEY=value, one per line</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Shell commands run at each start, e.g. pip install -r requirements.txt</source>
        <translation>Shell commands run at each start, e.g. pip install -r requirements.txt</translation>
    </message>
    <message>
        <source>On start</source>
        <translation>On start</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Stop when spent (%1)</source>
        <translation>Stop when spent (%1)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Stop after</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Launch</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>Loading images…</translation>
    </message>
    <message>
        <source>Cannot load images: %1</source>
        <translation>Cannot load images: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No host of this market offers an image yet.</source>
        <translation>No host of this market offers an image yet.</translation>
    </message>
    <message>
        <source>Environment line %1 is not KEY=value.</source>
        <translation>Environment line %1 is not KEY=value.</translation>
    </message>
    <message>
        <source>Choose an image.</source>
        <translation>Choose an image.</translation>
    </message>
    <message>
        <source>Machine: &lt;b&gt;%1/h&lt;/b&gt;</source>
        <translation>Machine: &lt;b&gt;%1/h&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 GPU × %2/h = &lt;b&gt;%3/h&lt;/b&gt;</source>
        <translation>%1 GPU × %2/h = &lt;b&gt;%3/h&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A day of running: %1</source>
        <translation>A day of running: %1</translation>
    </message>
    <message>
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted 15 days after a stop.</source>
        <translation>Stopped, the %1 GB disk costs %2/day; the data is deleted 15 days after a stop.</translation>
    </message>
    <message>
        <source>Billed per second from the moment it runs.</source>
        <translation>Billed per second from the moment it runs.</translation>
    </message>
    <message>
        <source>Stops after spending %1, about %2 of running.</source>
        <translation>Stops after spending %1, about %2 of running.</translation>
    </message>
    <message numerus="yes">
        <source>Stops after %n hour(s), at most %1.</source>
        <translation>
            <numerusform>Stops after %n hour, at most %1.</numerusform>
            <numerusform>Stops after %n hours, at most %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::Launcher</name>
    <message>
        <source>Starting the local market…</source>
        <translation>Starting the local market…</translation>
    </message>
    <message>
        <source>The local market did not start: %1</source>
        <translation>The local market did not start: %1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LogDialog</name>
    <message>
        <source>Loading the log…</source>
        <translation>Loading the log…</translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation>Log of %1</translation>
    </message>
    <message>
        <source>The log is empty so far.</source>
        <translation>The log is empty so far.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s); refreshed every 5 seconds.</source>
        <translation>
            <numerusform>%n line; refreshed every 5 seconds.</numerusform>
            <numerusform>%n lines; refreshed every 5 seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot load the log: %1</source>
        <translation>Cannot load the log: %1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::MainWindow</name>
    <message>
        <source>Suanli</source>
        <translation>Suanli</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>&amp;Suanli</source>
        <translation>&amp;Suanli</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>&amp;Catalog</translation>
    </message>
    <message>
        <source>&amp;Instances</source>
        <translation>&amp;Instances</translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation>&amp;Billing</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Local market · %1</source>
        <translation>Local market · %1</translation>
    </message>
    <message>
        <source>Market · %1</source>
        <translation>Market · %1</translation>
    </message>
    <message>
        <source>Cannot sign in: %1</source>
        <translation>Cannot sign in: %1</translation>
    </message>
    <message>
        <source>No keychain answers (%1): tokens are kept in memory for this session only. Settings offers a private file instead.</source>
        <translation>No keychain answers (%1): tokens are kept in memory for this session only. Settings offers a private file instead.</translation>
    </message>
    <message>
        <source>Your balance is too low for this rental. Redeem a voucher in Billing.</source>
        <translation>Your balance is too low for this rental. Redeem a voucher in Billing.</translation>
    </message>
    <message>
        <source>Someone rented these GPUs a moment ago. Pick another offer.</source>
        <translation>Someone rented these GPUs a moment ago. Pick another offer.</translation>
    </message>
    <message>
        <source>Cannot launch</source>
        <translation>Cannot launch</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message numerus="yes">
        <source>Offline · retrying in %n s</source>
        <translation>
            <numerusform>Offline · retrying in %n s</numerusform>
            <numerusform>Offline · retrying in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token refused</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
</context>
<context>
    <name>suanli::ui::OfferDetailPane</name>
    <message>
        <source>Select an offer to see its details and what it costs.</source>
        <translation>Select an offer to see its details and what it costs.</translation>
    </message>
    <message>
        <source>Rent…</source>
        <translation>Rent…</translation>
    </message>
    <message>
        <source>Cost estimate</source>
        <translation>Cost estimate</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Running for</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Then kept stopped</source>
        <translation>Then kept stopped</translation>
    </message>
    <message>
        <source>No offer selected</source>
        <translation>No offer selected</translation>
    </message>
    <message>
        <source>CPU-only machine · %1</source>
        <translation>CPU-only machine · %1</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>GPUs free</source>
        <translation>GPUs free</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>VRAM per GPU</source>
        <translation>VRAM per GPU</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>CUDA / driver</source>
        <translation>CUDA / driver</translation>
    </message>
    <message>
        <source>Peak FP16</source>
        <translation>Peak FP16</translation>
    </message>
    <message>
        <source>%1 TFLOPS</source>
        <translation>%1 TFLOPS</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unknown model</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>Disk free</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>↓ %1 / ↑ %2 Mbit/s</source>
        <translation>↓ %1 / ↑ %2 Mbit/s</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Interruptible</source>
        <translation>Interruptible</translation>
    </message>
    <message>
        <source>yes: the owner may stop it, data kept</source>
        <translation>yes: the owner may stop it, data kept</translation>
    </message>
    <message>
        <source>Minimum rental</source>
        <translation>Minimum rental</translation>
    </message>
    <message>
        <source>Price per hour</source>
        <translation>Price per hour</translation>
    </message>
    <message>
        <source>Price per GPU-hour</source>
        <translation>Price per GPU-hour</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>%1 per GB-month</source>
        <translation>%1 per GB-month</translation>
    </message>
    <message>
        <source>GPU time: &lt;b&gt;%1&lt;/b&gt; (%2/h)&lt;br&gt;Storage while stopped: &lt;b&gt;%3&lt;/b&gt; (%4/day)&lt;br&gt;Total: &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>GPU time: &lt;b&gt;%1&lt;/b&gt; (%2/h)&lt;br&gt;Storage while stopped: &lt;b&gt;%3&lt;/b&gt; (%4/day)&lt;br&gt;Total: &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SettingsDialog</name>
    <message>
        <source>This computer (local mode)</source>
        <translation>This computer (local mode)</translation>
    </message>
    <message>
        <source>A market at this address:</source>
        <translation>A market at this address:</translation>
    </message>
    <message>
        <source>When no keychain answers, keep tokens in a file only I can read</source>
        <translation>When no keychain answers, keep tokens in a file only I can read</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>leave empty to keep the saved token</source>
        <translation>leave empty to keep the saved token</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Changes to the market, language and data folder take effect the next time Suanli starts.</source>
        <translation>Changes to the market, language and data folder take effect the next time Suanli starts.</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain.</source>
        <translation>Tokens are kept in the system keychain.</translation>
    </message>
    <message>
        <source>No keychain answers: tokens are kept in memory only and asked for again at the next start.</source>
        <translation>No keychain answers: tokens are kept in memory only and asked for again at the next start.</translation>
    </message>
    <message>
        <source>No keychain answers: tokens are kept in a file only you can read.</source>
        <translation>No keychain answers: tokens are kept in a file only you can read.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::StateWidget</name>
    <message>
        <source>This takes a moment.</source>
        <translation>This takes a moment.</translation>
    </message>
</context>
</TS>
