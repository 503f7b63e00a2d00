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
        <source>Start in the tray (contributor mode); the window shows when no system tray exists.</source>
        <translation>Start in the tray (contributor mode); the window shows when no system tray exists.</translation>
    </message>
    <message>
        <source>Same as --tray.</source>
        <translation>Same as --tray.</translation>
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
    <name>suanli::app::AccessController</name>
    <message>
        <source>There is no SSH key to unlock.</source>
        <translation>There is no SSH key to unlock.</translation>
    </message>
</context>
<context>
    <name>suanli::app::ApiTokenModel</name>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (this computer)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
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
    <message>
        <source>idle, stopped by the cost guard</source>
        <translation>idle, stopped by the cost guard</translation>
    </message>
    <message>
        <source>the owner stopped it</source>
        <translation>the owner stopped it</translation>
    </message>
    <message>
        <source>the host stayed away too long</source>
        <translation>the host stayed away too long</translation>
    </message>
    <message>
        <source>released in %1 unless the host returns</source>
        <translation>released in %1 unless the host returns</translation>
    </message>
    <message>
        <source>Without a GPU (CPU only)</source>
        <translation>Without a GPU (CPU only)</translation>
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
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>CPU
per GPU</source>
        <translation>CPU
per GPU</translation>
    </message>
    <message>
        <source>RAM
per GPU</source>
        <translation>RAM
per GPU</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>↓ %1 / ↑ %2 Mbit/s</source>
        <translation>↓ %1 / ↑ %2 Mbit/s</translation>
    </message>
    <message>
        <source>The host&apos;s agent has not measured its link yet</source>
        <translation>The host&apos;s agent has not measured its link yet</translation>
    </message>
    <message>
        <source>Measured to the market %1</source>
        <translation>Measured to the market %1</translation>
    </message>
    <message>
        <source>Network
measured</source>
        <translation>Network
measured</translation>
    </message>
</context>
<context>
    <name>suanli::app::SshKeys</name>
    <message>
        <source>There is no place to keep the passphrase in this session.</source>
        <translation>There is no place to keep the passphrase in this session.</translation>
    </message>
    <message>
        <source>Your SSH key is protected by a passphrase, and Suanli does not have it. Enter it to open tunnels to your instances.</source>
        <translation>Your SSH key is protected by a passphrase, and Suanli does not have it. Enter it to open tunnels to your instances.</translation>
    </message>
    <message>
        <source>Enter the passphrase of your SSH key.</source>
        <translation>Enter the passphrase of your SSH key.</translation>
    </message>
    <message>
        <source>The key file was changed, but the passphrase could not be saved: %1. Suanli will ask for it when it connects.</source>
        <translation>The key file was changed, but the passphrase could not be saved: %1. Suanli will ask for it when it connects.</translation>
    </message>
</context>
<context>
    <name>suanli::client::MarketClient</name>
    <message>
        <source>The market did not answer in time.</source>
        <translation>The market did not answer in time.</translation>
    </message>
    <message>
        <source>Cannot reach the market: %1</source>
        <translation>Cannot reach the market: %1</translation>
    </message>
    <message>
        <source>The market answered HTTP %1.</source>
        <translation>The market answered HTTP %1.</translation>
    </message>
</context>
<context>
    <name>suanli::dashboard::Notifier</name>
    <message>
        <source>Instance %1</source>
        <translation>Instance %1</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 is ready</translation>
    </message>
    <message>
        <source>%1 × %2 is running; connect over SSH.</source>
        <translation>%1 × %2 is running; connect over SSH.</translation>
    </message>
    <message>
        <source>it reached its spending limit of %1.</source>
        <translation>it reached its spending limit of %1.</translation>
    </message>
    <message>
        <source>it reached its time limit of %1.</source>
        <translation>it reached its time limit of %1.</translation>
    </message>
    <message>
        <source>its GPUs were idle for %1 with no SSH session.</source>
        <translation>its GPUs were idle for %1 with no SSH session.</translation>
    </message>
    <message>
        <source>the balance ran out.</source>
        <translation>the balance ran out.</translation>
    </message>
    <message>
        <source>%1 was stopped</source>
        <translation>%1 was stopped</translation>
    </message>
    <message>
        <source>The market stopped %1 because %2 Its data is kept.</source>
        <translation>The market stopped %1 because %2 Its data is kept.</translation>
    </message>
    <message>
        <source>%1 will be released</source>
        <translation>%1 will be released</translation>
    </message>
    <message>
        <source>%1 has been stopped for a while: its data is destroyed in %2 unless you start it.</source>
        <translation>%1 has been stopped for a while: its data is destroyed in %2 unless you start it.</translation>
    </message>
    <message>
        <source>Your balance is down to %1, below the amount you set.</source>
        <translation>Your balance is down to %1, below the amount you set.</translation>
    </message>
    <message>
        <source>Your balance of %1 lasts about %2 at %3 per hour.</source>
        <translation>Your balance of %1 lasts about %2 at %3 per hour.</translation>
    </message>
    <message>
        <source>Your balance is down to %1.</source>
        <translation>Your balance is down to %1.</translation>
    </message>
    <message>
        <source>Balance running low</source>
        <translation>Balance running low</translation>
    </message>
    <message>
        <source>Top up to keep your instances running.</source>
        <translation>Top up to keep your instances running.</translation>
    </message>
    <message>
        <source>The owner of the machine that runs %1 needs it back. %1 stops in %2 (at %3); its data is kept and billing ends at the stop.</source>
        <translation>The owner of the machine that runs %1 needs it back. %1 stops in %2 (at %3); its data is kept and billing ends at the stop.</translation>
    </message>
    <message>
        <source>%1 stops in %2 (at %3): %4. Its data is kept and billing ends at the stop.</source>
        <translation>%1 stops in %2 (at %3): %4. Its data is kept and billing ends at the stop.</translation>
    </message>
    <message>
        <source>%1 stops soon</source>
        <translation>%1 stops soon</translation>
    </message>
    <message>
        <source>Save your work now.</source>
        <translation>Save your work now.</translation>
    </message>
    <message>
        <source>It is running without a GPU (CPU only); connect over SSH.</source>
        <translation>It is running without a GPU (CPU only); connect over SSH.</translation>
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
        <translation>Choose a local folder.</translation>
    </message>
    <message>
        <source>This folder pair no longer exists.</source>
        <translation>This folder pair no longer exists.</translation>
    </message>
    <message>
        <source>This folder is syncing: cancel the sync or wait for it to end.</source>
        <translation>This folder is syncing: cancel the sync or wait for it to end.</translation>
    </message>
    <message>
        <source>This folder is already syncing.</source>
        <translation>This folder is already syncing.</translation>
    </message>
</context>
<context>
    <name>suanli::datasets::SyncHistoryModel</name>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>suanli::ssh</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Could not create the folder %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>OpenSSL could not encrypt the key.</source>
        <translation>OpenSSL could not encrypt the key.</translation>
    </message>
    <message>
        <source>%1 is not an OpenSSH private key.</source>
        <translation>%1 is not an OpenSSH private key.</translation>
    </message>
    <message>
        <source>%1 is not an ed25519 key.</source>
        <translation>%1 is not an ed25519 key.</translation>
    </message>
    <message>
        <source>%1 is encrypted with %2/%3; this app reads aes256-ctr/bcrypt (ssh-keygen&apos;s default). Change its passphrase with ssh-keygen -p -Z aes256-ctr.</source>
        <translation>%1 is encrypted with %2/%3; this app reads aes256-ctr/bcrypt (ssh-keygen&apos;s default). Change its passphrase with ssh-keygen -p -Z aes256-ctr.</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 is damaged.</translation>
    </message>
    <message>
        <source>The passphrase for the SSH key %1 is wrong.</source>
        <translation>The passphrase for the SSH key %1 is wrong.</translation>
    </message>
    <message>
        <source>OpenSSL could not generate an ed25519 key.</source>
        <translation>OpenSSL could not generate an ed25519 key.</translation>
    </message>
    <message>
        <source>OpenSSL could not export the ed25519 key.</source>
        <translation>OpenSSL could not export the ed25519 key.</translation>
    </message>
    <message>
        <source>Could not read the SSH key %1: %2</source>
        <translation>Could not read the SSH key %1: %2</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase; enter it first.</source>
        <translation>The SSH key %1 is protected by a passphrase; enter it first.</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::BlockingSession</name>
    <message>
        <source>The SSH key %1 is protected by a passphrase, and none was given.</source>
        <translation>The SSH key %1 is protected by a passphrase, and none was given.</translation>
    </message>
    <message>
        <source>Could not find %1: %2</source>
        <translation>Could not find %1: %2</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>Could not connect to %1:%2: %3</translation>
    </message>
    <message>
        <source>%1:%2 did not answer within %3 s.</source>
        <translation>%1:%2 did not answer within %3 s.</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 could not start a session.</translation>
    </message>
    <message>
        <source>The SSH handshake failed</source>
        <translation>The SSH handshake failed</translation>
    </message>
    <message>
        <source>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. Nothing was sent.</source>
        <translation>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. Nothing was sent.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>The instance refused our SSH key for user %1</source>
        <translation>The instance refused our SSH key for user %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>The server does not offer SFTP</source>
        <translation>The server does not offer SFTP</translation>
    </message>
    <message>
        <source>Could not open a channel</source>
        <translation>Could not open a channel</translation>
    </message>
    <message>
        <source>The server refused to run a command</source>
        <translation>The server refused to run a command</translation>
    </message>
    <message>
        <source>Could not send input to a command</source>
        <translation>Could not send input to a command</translation>
    </message>
    <message>
        <source>Could not read a command&apos;s output</source>
        <translation>Could not read a command&apos;s output</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was lost (%3). Sync again to resume.</source>
        <translation>The connection to %1:%2 was lost (%3). Sync again to resume.</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was closed.</source>
        <translation>The connection to %1:%2 was closed.</translation>
    </message>
    <message>
        <source>The command is not running.</source>
        <translation>The command is not running.</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::HostKey</name>
    <message>
        <source>The instance&apos;s host key is missing or malformed.</source>
        <translation>The instance&apos;s host key is missing or malformed.</translation>
    </message>
    <message>
        <source>The instance&apos;s host key is not valid base64.</source>
        <translation>The instance&apos;s host key is not valid base64.</translation>
    </message>
    <message>
        <source>The instance&apos;s host key names type %1 but holds a %2 key.</source>
        <translation>The instance&apos;s host key names type %1 but holds a %2 key.</translation>
    </message>
    <message>
        <source>The host key is malformed.</source>
        <translation>The host key is malformed.</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::JumpConnector::State</name>
    <message>
        <source>No relay is set for this connection.</source>
        <translation>No relay is set for this connection.</translation>
    </message>
    <message>
        <source>Could not make a socket pair: %1</source>
        <translation>Could not make a socket pair: %1</translation>
    </message>
    <message>
        <source>Could not make an event descriptor: %1</source>
        <translation>Could not make an event descriptor: %1</translation>
    </message>
    <message>
        <source>The connection to the relay %1 was lost: %2</source>
        <translation>The connection to the relay %1 was lost: %2</translation>
    </message>
    <message>
        <source>The relay %1 did not complete an SSH login within %2 s.</source>
        <translation>The relay %1 did not complete an SSH login within %2 s.</translation>
    </message>
    <message>
        <source>Could not find the relay %1: %2</source>
        <translation>Could not find the relay %1: %2</translation>
    </message>
    <message>
        <source>Could not connect to the relay %1: %2</source>
        <translation>Could not connect to the relay %1: %2</translation>
    </message>
    <message>
        <source>The relay %1 did not answer within %2 s.</source>
        <translation>The relay %1 did not answer within %2 s.</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 could not start a session.</translation>
    </message>
    <message>
        <source>The SSH handshake with the relay %1 failed: %2</source>
        <translation>The SSH handshake with the relay %1 failed: %2</translation>
    </message>
    <message>
        <source>Security warning: the relay at %1 identified itself with host key %2, but the market recorded %3 for it. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, contact the market&apos;s support.</source>
        <translation>Security warning: the relay at %1 identified itself with host key %2, but the market recorded %3 for it. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, contact the market&apos;s support.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>The relay %1 refused our SSH key for user %2: the market has not granted this key a way to the instance (is the instance running, and was it launched with this app&apos;s key?).</source>
        <translation>The relay %1 refused our SSH key for user %2: the market has not granted this key a way to the instance (is the instance running, and was it launched with this app&apos;s key?).</translation>
    </message>
    <message>
        <source>Logging in to the relay %1 failed: %2</source>
        <translation>Logging in to the relay %1 failed: %2</translation>
    </message>
    <message>
        <source>The relay %1 could not open %2:%3: it does not let this key reach that port (%4).</source>
        <translation>The relay %1 could not open %2:%3: it does not let this key reach that port (%4).</translation>
    </message>
    <message>
        <source>The relay %1 could not open %2:%3: %4</source>
        <translation>The relay %1 could not open %2:%3: %4</translation>
    </message>
    <message>
        <source>nothing arrived for %1 s</source>
        <translation>nothing arrived for %1 s</translation>
    </message>
    <message>
        <source>the relay closed the connection</source>
        <translation>the relay closed the connection</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::ReverseForwarder</name>
    <message>
        <source>The relay %1:%2 took no data for %3 s.</source>
        <translation>The relay %1:%2 took no data for %3 s.</translation>
    </message>
    <message>
        <source>The relay %1:%2 refused to listen on its port %3: %4</source>
        <translation>The relay %1:%2 refused to listen on its port %3: %4</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::SshConfig</name>
    <message>
        <source>Another Suanli process is writing the SSH configuration; try again.</source>
        <translation>Another Suanli process is writing the SSH configuration; try again.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>Could not back up %1 to %2; it was left unchanged.</source>
        <translation>Could not back up %1 to %2; it was left unchanged.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>Could not remove %1.</translation>
    </message>
    <message>
        <source>outside any Host block</source>
        <translation>outside any Host block</translation>
    </message>
    <message>
        <source>in &quot;%1&quot;</source>
        <translation>in &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Line %1 of %2 (%3) sets %4 before Suanli&apos;s Include line, so OpenSSH and VS Code use it instead of the value for %5. Move the Include line above it.</source>
        <translation>Line %1 of %2 (%3) sets %4 before Suanli&apos;s Include line, so OpenSSH and VS Code use it instead of the value for %5. Move the Include line above it.</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::Transport</name>
    <message>
        <source>%1:%2 did not complete an SSH login within %3 s.</source>
        <translation>%1:%2 did not complete an SSH login within %3 s.</translation>
    </message>
    <message>
        <source>The SSH key %1 is protected by a passphrase, and none was given.</source>
        <translation>The SSH key %1 is protected by a passphrase, and none was given.</translation>
    </message>
    <message>
        <source>Could not find %1: %2</source>
        <translation>Could not find %1: %2</translation>
    </message>
    <message>
        <source>Could not connect to %1:%2: %3</source>
        <translation>Could not connect to %1:%2: %3</translation>
    </message>
    <message>
        <source>libssh2 could not start a session.</source>
        <translation>libssh2 could not start a session.</translation>
    </message>
    <message>
        <source>The SSH handshake with %1:%2 failed: %3</source>
        <translation>The SSH handshake with %1:%2 failed: %3</translation>
    </message>
    <message>
        <source>The instance refused our SSH key for user %1. If the instance was just created, its key may not be in place yet; otherwise recreate the instance with this app&apos;s key.</source>
        <translation>The instance refused our SSH key for user %1. If the instance was just created, its key may not be in place yet; otherwise recreate the instance with this app&apos;s key.</translation>
    </message>
    <message>
        <source>SSH login failed: %1</source>
        <translation>SSH login failed: %1</translation>
    </message>
    <message>
        <source>The connection to %1:%2 was lost: %3</source>
        <translation>The connection to %1:%2 was lost: %3</translation>
    </message>
    <message>
        <source>%1:%2 closed the connection.</source>
        <translation>%1:%2 closed the connection.</translation>
    </message>
    <message>
        <source>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, stop using the instance and contact the market&apos;s support.</source>
        <translation>Security warning: the server at %1:%2 identified itself with host key %3, but the market recorded %4 for this instance. The connection was refused because someone may be intercepting it. Nothing was sent. Try again later; if this persists, stop using the instance and contact the market&apos;s support.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1:%2 stopped answering (nothing for %3 s).</source>
        <translation>%1:%2 stopped answering (nothing for %3 s).</translation>
    </message>
</context>
<context>
    <name>suanli::ssh::socketio</name>
    <message>
        <source>Could not open a socket: %1</source>
        <translation>Could not open a socket: %1</translation>
    </message>
    <message>
        <source>Local port %1 is already in use by another program. Choose another port, or close the program that uses it.</source>
        <translation>Local port %1 is already in use by another program. Choose another port, or close the program that uses it.</translation>
    </message>
    <message>
        <source>Could not listen on 127.0.0.1:%1: %2</source>
        <translation>Could not listen on 127.0.0.1:%1: %2</translation>
    </message>
</context>
<context>
    <name>suanli::sync</name>
    <message>
        <source>The local folder %1 cannot be read: %2</source>
        <translation>The local folder %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Could not list %1: %2</source>
        <translation>Could not list %1: %2</translation>
    </message>
    <message>
        <source>Refused the path &quot;%1&quot;: %2. Nothing was written for it.</source>
        <translation>Refused the path &quot;%1&quot;: %2. Nothing was written for it.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>it is empty</translation>
    </message>
    <message>
        <source>it is absolute, outside the sync folder</source>
        <translation>it is absolute, outside the sync folder</translation>
    </message>
    <message>
        <source>it contains a NUL byte</source>
        <translation>it contains a NUL byte</translation>
    </message>
    <message>
        <source>it has an empty or &quot;.&quot; component</source>
        <translation>it has an empty or &quot;.&quot; component</translation>
    </message>
    <message>
        <source>it climbs out of the sync folder with &quot;..&quot;</source>
        <translation>it climbs out of the sync folder with &quot;..&quot;</translation>
    </message>
    <message>
        <source>The instance path is empty.</source>
        <translation>The instance path is empty.</translation>
    </message>
    <message>
        <source>The instance path &quot;%1&quot; contains &quot;..&quot;; give the folder itself, for example /workspace/data.</source>
        <translation>The instance path &quot;%1&quot; contains &quot;..&quot;; give the folder itself, for example /workspace/data.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be created on this computer: %2. The original is untouched; rename it to sync it.</source>
        <translation>&quot;%1&quot; cannot be created on this computer: %2. The original is untouched; rename it to sync it.</translation>
    </message>
    <message>
        <source>the name contains &apos;/&apos; or NUL</source>
        <translation>the name contains &apos;/&apos; or NUL</translation>
    </message>
    <message>
        <source>the name is not valid UTF-8</source>
        <translation>the name is not valid UTF-8</translation>
    </message>
    <message>
        <source>Windows does not allow the character &apos;%1&apos;</source>
        <translation>Windows does not allow the character &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Windows does not allow a name ending in a dot or a space</source>
        <translation>Windows does not allow a name ending in a dot or a space</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a reserved device name on Windows</source>
        <translation>&quot;%1&quot; is a reserved device name on Windows</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; differ only in case, which this computer&apos;s file system cannot keep apart; only the first is synced.</source>
        <translation>&quot;%1&quot; and &quot;%2&quot; differ only in case, which this computer&apos;s file system cannot keep apart; only the first is synced.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder here but not on the other side; move one of them away to sync it.</source>
        <translation>&quot;%1&quot; is a folder here but not on the other side; move one of them away to sync it.</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; points to &quot;%2&quot;, outside the synced folder; links are never followed out of the tree, so it was left out.</source>
        <translation>The link &quot;%1&quot; points to &quot;%2&quot;, outside the synced folder; links are never followed out of the tree, so it was left out.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a link here but a folder on the other side.</source>
        <translation>&quot;%1&quot; is a link here but a folder on the other side.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a file here but a folder on the other side; move one of them away to sync it.</source>
        <translation>&quot;%1&quot; is a file here but a folder on the other side; move one of them away to sync it.</translation>
    </message>
</context>
<context>
    <name>suanli::sync::FileTransfer</name>
    <message>
        <source>%1 kept changing while it was sent (%2 tries); it was not put in place. It will be sent by the next sync once it is quiet.</source>
        <translation>%1 kept changing while it was sent (%2 tries); it was not put in place. It will be sent by the next sync once it is quiet.</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Creating</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Writing</translation>
    </message>
    <message>
        <source>Setting attributes</source>
        <translation>Setting attributes</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full (%1 MB free) while writing %2. What was sent is kept and the next sync resumes; free space or grow the disk.</source>
        <translation>The instance&apos;s disk is full (%1 MB free) while writing %2. What was sent is kept and the next sync resumes; free space or grow the disk.</translation>
    </message>
    <message>
        <source>Renaming into place</source>
        <translation>Renaming into place</translation>
    </message>
    <message>
        <source>%1 arrived with a different SHA-256 than was sent; it was not put in place. Sync again to retry.</source>
        <translation>%1 arrived with a different SHA-256 than was sent; it was not put in place. Sync again to retry.</translation>
    </message>
    <message>
        <source>Could not put %1 in place: %2</source>
        <translation>Could not put %1 in place: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>A folder on the way to %1 is a link or missing here; nothing is written through links.</source>
        <translation>A folder on the way to %1 is a link or missing here; nothing is written through links.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Could not write %1: %2. What arrived is kept for the next sync.</source>
        <translation>Could not write %1: %2. What arrived is kept for the next sync.</translation>
    </message>
    <message>
        <source>Reading back</source>
        <translation>Reading back</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full (%1 MB free). Nothing incomplete was put in place; free space or grow the disk, then sync again.</source>
        <translation>The instance&apos;s disk is full (%1 MB free). Nothing incomplete was put in place; free space or grow the disk, then sync again.</translation>
    </message>
    <message>
        <source>The instance could not write %1: %2</source>
        <translation>The instance could not write %1: %2</translation>
    </message>
</context>
<context>
    <name>suanli::sync::IgnoreRules</name>
    <message>
        <source>a &apos;[&apos; is never closed</source>
        <translation>a &apos;[&apos; is never closed</translation>
    </message>
    <message>
        <source>it ends in a lone &apos;\&apos;</source>
        <translation>it ends in a lone &apos;\&apos;</translation>
    </message>
    <message>
        <source>[:%1:] is not a character class (alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit)</source>
        <translation>[:%1:] is not a character class (alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit)</translation>
    </message>
    <message>
        <source>line %1, &quot;%2&quot;, is not a valid pattern and ignores nothing: %3</source>
        <translation>line %1, &quot;%2&quot;, is not a valid pattern and ignores nothing: %3</translation>
    </message>
</context>
<context>
    <name>suanli::sync::RemoteFs</name>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>The instance&apos;s disk is full while writing %1. What was sent is kept and the next sync resumes; free space or grow the disk.</source>
        <translation>The instance&apos;s disk is full while writing %1. What was sent is kept and the next sync resumes; free space or grow the disk.</translation>
    </message>
    <message>
        <source>%1: permission denied on the instance.</source>
        <translation>%1: permission denied on the instance.</translation>
    </message>
    <message>
        <source>%1 does not exist on the instance.</source>
        <translation>%1 does not exist on the instance.</translation>
    </message>
    <message>
        <source>%1 failed for %2 on the instance (SFTP status %3).</source>
        <translation>%1 failed for %2 on the instance (SFTP status %3).</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Listing</translation>
    </message>
    <message>
        <source>Refused a name with &apos;/&apos; from the instance.</source>
        <translation>Refused a name with &apos;/&apos; from the instance.</translation>
    </message>
    <message>
        <source>The instance sent a malformed listing of %1.</source>
        <translation>The instance sent a malformed listing of %1.</translation>
    </message>
    <message>
        <source>Reading attributes</source>
        <translation>Reading attributes</translation>
    </message>
    <message>
        <source>Creating the folder</source>
        <translation>Creating the folder</translation>
    </message>
    <message>
        <source>%1 exists on the instance and is not a folder.</source>
        <translation>%1 exists on the instance and is not a folder.</translation>
    </message>
    <message>
        <source>Setting attributes</source>
        <translation>Setting attributes</translation>
    </message>
    <message>
        <source>Renaming into place</source>
        <translation>Renaming into place</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Deleting</translation>
    </message>
    <message>
        <source>Deleting the folder</source>
        <translation>Deleting the folder</translation>
    </message>
    <message>
        <source>Creating the link</source>
        <translation>Creating the link</translation>
    </message>
    <message>
        <source>Reading the link</source>
        <translation>Reading the link</translation>
    </message>
    <message>
        <source>Reading free space</source>
        <translation>Reading free space</translation>
    </message>
    <message>
        <source>The instance has neither openssl nor sha256sum to hash with.</source>
        <translation>The instance has neither openssl nor sha256sum to hash with.</translation>
    </message>
</context>
<context>
    <name>suanli::sync::SftpPipe</name>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>Could not open a channel for SFTP</source>
        <translation>Could not open a channel for SFTP</translation>
    </message>
    <message>
        <source>The server does not offer SFTP</source>
        <translation>The server does not offer SFTP</translation>
    </message>
    <message>
        <source>The server&apos;s SFTP did not answer as SFTP v3.</source>
        <translation>The server&apos;s SFTP did not answer as SFTP v3.</translation>
    </message>
    <message>
        <source>Sending SFTP requests</source>
        <translation>Sending SFTP requests</translation>
    </message>
    <message>
        <source>Reading SFTP replies</source>
        <translation>Reading SFTP replies</translation>
    </message>
    <message>
        <source>The instance&apos;s SFTP server closed the channel.</source>
        <translation>The instance&apos;s SFTP server closed the channel.</translation>
    </message>
    <message>
        <source>The instance sent a malformed SFTP reply.</source>
        <translation>The instance sent a malformed SFTP reply.</translation>
    </message>
    <message>
        <source>The instance answered an SFTP request that was not made.</source>
        <translation>The instance answered an SFTP request that was not made.</translation>
    </message>
</context>
<context>
    <name>suanli::sync::SyncRunner</name>
    <message>
        <source>The sync was cancelled. Partly sent files are kept and the next sync resumes them.</source>
        <translation>The sync was cancelled. Partly sent files are kept and the next sync resumes them.</translation>
    </message>
    <message>
        <source>The local folder must be an absolute path.</source>
        <translation>The local folder must be an absolute path.</translation>
    </message>
    <message>
        <source>%1 does not exist on the instance.</source>
        <translation>%1 does not exist on the instance.</translation>
    </message>
    <message>
        <source>Could not create the link %1.</source>
        <translation>Could not create the link %1.</translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation>Could not delete %1.</translation>
    </message>
</context>
<context>
    <name>suanli::sync::localfs</name>
    <message>
        <source>%1 exists and is not a folder (a symlink is never followed); move it away to sync here.</source>
        <translation>%1 exists and is not a folder (a symlink is never followed); move it away to sync here.</translation>
    </message>
    <message>
        <source>Could not create the folder %1: %2</source>
        <translation>Could not create the folder %1: %2</translation>
    </message>
    <message>
        <source>Could not set the time of %1: %2</source>
        <translation>Could not set the time of %1: %2</translation>
    </message>
    <message>
        <source>Could not set the permissions of %1: %2</source>
        <translation>Could not set the permissions of %1: %2</translation>
    </message>
</context>
<context>
    <name>suanli::ui</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>about %n min</numerusform>
            <numerusform>about %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>about %1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>about %n day(s)</source>
        <translation>
            <numerusform>about %n day</numerusform>
            <numerusform>about %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Your datasets hold %1; this host does not report its upload speed.</source>
        <translation>Your datasets hold %1; this host does not report its upload speed.</translation>
    </message>
    <message>
        <source>Uploading your %1 dataset takes %2 at %3 Mbit/s.</source>
        <translation>Uploading your %1 dataset takes %2 at %3 Mbit/s.</translation>
    </message>
    <message numerus="yes">
        <source>Uploading your %n dataset folder(s) (%1) takes %2 at %3 Mbit/s.</source>
        <translation>
            <numerusform>Uploading your %n dataset folder (%1) takes %2 at %3 Mbit/s.</numerusform>
            <numerusform>Uploading your %n dataset folders (%1) takes %2 at %3 Mbit/s.</numerusform>
        </translation>
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
    <message>
        <source>Tunnels wait for the passphrase of your SSH key.</source>
        <translation>Tunnels wait for the passphrase of your SSH key.</translation>
    </message>
    <message>
        <source>That passphrase does not unlock your SSH key. Try again.</source>
        <translation>That passphrase does not unlock your SSH key. Try again.</translation>
    </message>
    <message>
        <source>SSH key unlocked; the tunnels connect.</source>
        <translation>SSH key unlocked; the tunnels connect.</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Through relay %1</source>
        <translation>Through relay %1</translation>
    </message>
    <message>
        <source>SSH goes straight to the lender&apos;s computer.</source>
        <translation>SSH goes straight to the lender&apos;s computer.</translation>
    </message>
    <message>
        <source>The lender&apos;s computer cannot be reached from outside, so SSH goes through the market&apos;s relay. The session stays encrypted end to end: the relay only passes the bytes on.</source>
        <translation>The lender&apos;s computer cannot be reached from outside, so SSH goes through the market&apos;s relay. The session stays encrypted end to end: the relay only passes the bytes on.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AccountDialog</name>
    <message>
        <source>New key…</source>
        <translation>New key…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on the local market.</source>
        <translation>Signed in as &lt;b&gt;%1&lt;/b&gt; on the local market.</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on %2.</source>
        <translation>Signed in as &lt;b&gt;%1&lt;/b&gt; on %2.</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API keys</translation>
    </message>
    <message>
        <source>Each computer and script signs in with a key of its own. The market shows only a key&apos;s first characters; a revoked key stops working at once.</source>
        <translation>Each computer and script signs in with a key of its own. The market shows only a key&apos;s first characters; a revoked key stops working at once.</translation>
    </message>
    <message>
        <source>Reading the keys…</source>
        <translation>Reading the keys…</translation>
    </message>
    <message>
        <source>Could not read the keys: %1</source>
        <translation>Could not read the keys: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s).</source>
        <translation>
            <numerusform>%n key.</numerusform>
            <numerusform>%n keys.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s key: use Sign out to revoke it.</source>
        <translation>This computer&apos;s key: use Sign out to revoke it.</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>New key</translation>
    </message>
    <message>
        <source>e.g. training script</source>
        <translation>e.g. training script</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>In 1 day</source>
        <translation>In 1 day</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 days</translation>
    </message>
    <message>
        <source>In 1 year</source>
        <translation>In 1 year</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Copy the key now: the market shows it this once, and Suanli does not keep it.</source>
        <translation>Copy the key now: the market shows it this once, and Suanli does not keep it.</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Create key</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Give the key a label: what or who it is for.</source>
        <translation>Give the key a label: what or who it is for.</translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation>Creating the key…</translation>
    </message>
    <message>
        <source>The key was not made: %1</source>
        <translation>The key was not made: %1</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>Revoke %1?</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot; (%2…)? Whatever uses it is refused at once; this cannot be undone.</source>
        <translation>Revoke the key &quot;%1&quot; (%2…)? Whatever uses it is refused at once; this cannot be undone.</translation>
    </message>
    <message>
        <source>Revoking %1…</source>
        <translation>Revoking %1…</translation>
    </message>
    <message>
        <source>Could not revoke %1: %2</source>
        <translation>Could not revoke %1: %2</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Every other key of the account is revoked: other computers and scripts must sign in again. This computer stays signed in.</source>
        <translation>Every other key of the account is revoked: other computers and scripts must sign in again. This computer stays signed in.</translation>
    </message>
    <message>
        <source>The new password is too weak: use at least 8 characters.</source>
        <translation>The new password is too weak: use at least 8 characters.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Too many attempts. Wait a few minutes, then try again.</translation>
    </message>
    <message numerus="yes">
        <source>Password changed; %n other key(s) revoked: those computers and scripts must sign in again.</source>
        <translation>
            <numerusform>Password changed; %n other key revoked: those computers and scripts must sign in again.</numerusform>
            <numerusform>Password changed; %n other keys revoked: those computers and scripts must sign in again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out: revoking this computer&apos;s key…</source>
        <translation>Signing out: revoking this computer&apos;s key…</translation>
    </message>
    <message>
        <source>Could not sign out: %1</source>
        <translation>Could not sign out: %1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::AutostartBox</name>
    <message>
        <source>Start Suanli when I log in</source>
        <translation>Start Suanli when I log in</translation>
    </message>
    <message>
        <source>Suanli starts in the tray, so this computer can lend while you are away.</source>
        <translation>Suanli starts in the tray, so this computer can lend while you are away.</translation>
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
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Warn me when the balance falls below</source>
        <translation>Warn me when the balance falls below</translation>
    </message>
    <message>
        <source>No amount set</source>
        <translation>No amount set</translation>
    </message>
    <message>
        <source>The market sends a warning (a desktop notification) when your balance drops below this amount, even while the app is closed. Empty: only the warnings at 24 h and 1 h of runway.</source>
        <translation>The market sends a warning (a desktop notification) when your balance drops below this amount, even while the app is closed. Empty: only the warnings at 24 h and 1 h of runway.</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type a number such as 20 or 12.50.</source>
        <translation>“%1” is not an amount. Type a number such as 20 or 12.50.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Cannot save the warning: %1</source>
        <translation>Cannot save the warning: %1</translation>
    </message>
    <message>
        <source>You will be warned when your balance falls below %1.</source>
        <translation>You will be warned when your balance falls below %1.</translation>
    </message>
    <message>
        <source>Only the market&apos;s own warnings (24 h and 1 h of runway) stay on.</source>
        <translation>Only the market&apos;s own warnings (24 h and 1 h of runway) stay on.</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>Top up…</translation>
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
    <message>
        <source>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, day_price, week_price, month_price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</source>
        <translation>Space-separated conditions: field op value. Operators: = != &lt; &lt;= &gt; &gt;= in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, vram_gb, ram_gb, price, day_price, week_price, month_price, reliability, region, verified, interruptible, cpu_cores, disk_free_gb, perf_tflops, …</translation>
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
    <name>suanli::ui::CloneDialog</name>
    <message>
        <source>Looking for matching offers…</source>
        <translation>Looking for matching offers…</translation>
    </message>
    <message>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <source>Move %1 to another host</source>
        <translation>Move %1 to another host</translation>
    </message>
    <message>
        <source>Clone %1</source>
        <translation>Clone %1</translation>
    </message>
    <message>
        <source>A new instance is made on the host you pick and /workspace is copied to it, host to host, then checked file by file. Only then is this instance destroyed; if the copy fails or you cancel it, this one stays as it is. Both are billed while the copy runs.</source>
        <translation>A new instance is made on the host you pick and /workspace is copied to it, host to host, then checked file by file. Only then is this instance destroyed; if the copy fails or you cancel it, this one stays as it is. Both are billed while the copy runs.</translation>
    </message>
    <message>
        <source>A new instance is made on the host you pick with a copy of /workspace, checked file by file. This instance keeps running. Both are billed.</source>
        <translation>A new instance is made on the host you pick with a copy of /workspace, checked file by file. This instance keeps running. Both are billed.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk of the new instance:</source>
        <translation>Disk of the new instance:</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Clone</translation>
    </message>
    <message>
        <source>Cannot load the catalog: %1</source>
        <translation>Cannot load the catalog: %1</translation>
    </message>
    <message>
        <source>No other host has %1 free right now.</source>
        <translation>No other host has %1 free right now.</translation>
    </message>
    <message numerus="yes">
        <source>%n × %1</source>
        <translation>
            <numerusform>%n × %1</numerusform>
            <numerusform>%n × %1</numerusform>
        </translation>
    </message>
    <message>
        <source>a machine like this one</source>
        <translation>a machine like this one</translation>
    </message>
    <message>
        <source>Offers like this instance&apos;s on other hosts, cheapest first:</source>
        <translation>Offers like this instance&apos;s on other hosts, cheapest first:</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU only</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/h</translation>
    </message>
</context>
<context>
    <name>suanli::ui::CopyProgressWidget</name>
    <message>
        <source>Cancel copy…</source>
        <translation>Cancel copy…</translation>
    </message>
    <message>
        <source>Destroys the new instance; the source stays as it is.</source>
        <translation>Destroys the new instance; the source stays as it is.</translation>
    </message>
    <message>
        <source>Copy from instance %1: waiting for the new instance to start</source>
        <translation>Copy from instance %1: waiting for the new instance to start</translation>
    </message>
    <message>
        <source>Copying from instance %1: %2 of %3, %4 of %5 files</source>
        <translation>Copying from instance %1: %2 of %3, %4 of %5 files</translation>
    </message>
    <message>
        <source> · %1/s, about %2 left</source>
        <translation> · %1/s, about %2 left</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the copy against the source&apos;s checksums…</source>
        <translation>Verifying the copy against the source&apos;s checksums…</translation>
    </message>
    <message>
        <source>Moved: the copy was verified and the source destroyed.</source>
        <translation>Moved: the copy was verified and the source destroyed.</translation>
    </message>
    <message>
        <source>Cloned: the copy was verified.</source>
        <translation>Cloned: the copy was verified.</translation>
    </message>
    <message>
        <source>Copy cancelled; the source was left as it was.</source>
        <translation>Copy cancelled; the source was left as it was.</translation>
    </message>
    <message>
        <source>The copy failed: %1. The source was left as it was.</source>
        <translation>The copy failed: %1. The source was left as it was.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::DatasetsView</name>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>No dataset folders yet</source>
        <translation>No dataset folders yet</translation>
    </message>
    <message>
        <source>Pair a folder on this computer with a path on an instance, then upload it with Sync now. Pairs set up before renting also tell you how long each offer takes to receive them.</source>
        <translation>Pair a folder on this computer with a path on an instance, then upload it with Sync now. Pairs set up before renting also tell you how long each offer takes to receive them.</translation>
    </message>
    <message>
        <source>Select a folder pair to sync it.</source>
        <translation>Select a folder pair to sync it.</translation>
    </message>
    <message>
        <source>(no instance yet)</source>
        <translation>(no instance yet)</translation>
    </message>
    <message>
        <source>instance %1 (gone)</source>
        <translation>instance %1 (gone)</translation>
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
        <source>Remove folder pair</source>
        <translation>Remove folder pair</translation>
    </message>
    <message>
        <source>Stop syncing %1?</source>
        <translation>Stop syncing %1?</translation>
    </message>
    <message>
        <source>The files stay where they are, on this computer and on the instance. A sync in progress is cancelled.</source>
        <translation>The files stay where they are, on this computer and on the instance. A sync in progress is cancelled.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Start the instance first: it must be running to sync.</source>
        <translation>Start the instance first: it must be running to sync.</translation>
    </message>
    <message>
        <source>The market&apos;s SSH key is not known yet: wait until you are signed in.</source>
        <translation>The market&apos;s SSH key is not known yet: wait until you are signed in.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>Comparing both sides…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Copying…</translation>
    </message>
    <message>
        <source>Cancelled. What was copied stays; the next sync goes on from there.</source>
        <translation>Cancelled. What was copied stays; the next sync goes on from there.</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Sync stopped: %1</translation>
    </message>
    <message>
        <source>Plan ready: nothing was moved.</source>
        <translation>Plan ready: nothing was moved.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s), %1 in %2.</source>
        <translation>
            <numerusform>Done: %n file, %1 in %2.</numerusform>
            <numerusform>Done: %n files, %1 in %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted.</source>
        <translation>
            <numerusform>%n deleted.</numerusform>
            <numerusform>%n deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had a problem, e.g. %1: %2</source>
        <translation>
            <numerusform>%n file had a problem, e.g. %1: %2</numerusform>
            <numerusform>%n files had a problem, e.g. %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Choose an instance with Edit… to sync this folder.</source>
        <translation>Choose an instance with Edit… to sync this folder.</translation>
    </message>
    <message>
        <source>The instance is not running: start it in Instances.</source>
        <translation>The instance is not running: start it in Instances.</translation>
    </message>
    <message>
        <source>Upload the folder to the instance</source>
        <translation>Upload the folder to the instance</translation>
    </message>
    <message>
        <source>Download from the instance into the folder</source>
        <translation>Download from the instance into the folder</translation>
    </message>
    <message>
        <source>Compare both sides and list what Sync now would copy or delete, without moving anything.</source>
        <translation>Compare both sides and list what Sync now would copy or delete, without moving anything.</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Uploads %1 to %2</source>
        <translation>Uploads %1 to %2</translation>
    </message>
    <message>
        <source>Downloads %1 into %2</source>
        <translation>Downloads %1 into %2</translation>
    </message>
    <message>
        <source>(deletes what the folder no longer has)</source>
        <translation>(deletes what the folder no longer has)</translation>
    </message>
    <message>
        <source>(deletes what the instance no longer has)</source>
        <translation>(deletes what the instance no longer has)</translation>
    </message>
    <message>
        <source>Last sync %1: %2</source>
        <translation>Last sync %1: %2</translation>
    </message>
    <message>
        <source>Not synced yet. Plan shows what Sync now would copy.</source>
        <translation>Not synced yet. Plan shows what Sync now would copy.</translation>
    </message>
    <message>
        <source>Paused. Transfers hold their connections; Resume goes on.</source>
        <translation>Paused. Transfers hold their connections; Resume goes on.</translation>
    </message>
    <message numerus="yes">
        <source>History of this folder (%n run(s))</source>
        <translation>
            <numerusform>History of this folder (%n run)</numerusform>
            <numerusform>History of this folder (%n runs)</numerusform>
        </translation>
    </message>
    <message>
        <source>History of this folder: no runs yet</source>
        <translation>History of this folder: no runs yet</translation>
    </message>
</context>
<context>
    <name>suanli::ui::EarningsPanel</name>
    <message>
        <source>Today:</source>
        <translation>Today:</translation>
    </message>
    <message>
        <source>This month:</source>
        <translation>This month:</translation>
    </message>
    <message>
        <source>Earned per day</source>
        <translation>Earned per day</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>Earnings this month (ledger):</source>
        <translation>Earnings this month (ledger):</translation>
    </message>
    <message>
        <source>Rental #%1</source>
        <translation>Rental #%1</translation>
    </message>
    <message>
        <source>Earning</source>
        <translation>Earning</translation>
    </message>
    <message>
        <source>Earned per day, %1 %2</source>
        <comment>month, year</comment>
        <translation>Earned per day, %1 %2</translation>
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
    <message>
        <source>Suanli desktop</source>
        <translation>Suanli desktop</translation>
    </message>
    <message>
        <source>Use a market your school, lab or provider runs: sign in or create an account there.</source>
        <translation>Use a market your school, lab or provider runs: sign in or create an account there.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Rent GPUs</source>
        <translation>Rent GPUs</translation>
    </message>
    <message>
        <source>Lend my computers</source>
        <translation>Lend my computers</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>This computer gets a key of its own, named &quot;%1&quot;; Account shows it and Sign out revokes it.</source>
        <translation>This computer gets a key of its own, named &quot;%1&quot;; Account shows it and Sign out revokes it.</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>I want to</source>
        <translation>I want to</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Invite code</translation>
    </message>
    <message>
        <source>For a token from the market&apos;s operator, or one made under Account on another computer.</source>
        <translation>For a token from the market&apos;s operator, or one made under Account on another computer.</translation>
    </message>
    <message>
        <source>Use a token</source>
        <translation>Use a token</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Asking the market how it signs people up…</source>
        <translation>Asking the market how it signs people up…</translation>
    </message>
    <message>
        <source>The market did not say how it signs people up (%1).</source>
        <translation>The market did not say how it signs people up (%1).</translation>
    </message>
    <message>
        <source>Anyone may create an account here.</source>
        <translation>Anyone may create an account here.</translation>
    </message>
    <message>
        <source>Creating an account here needs an invite code.</source>
        <translation>Creating an account here needs an invite code.</translation>
    </message>
    <message>
        <source>This market makes accounts only through its operator.</source>
        <translation>This market makes accounts only through its operator.</translation>
    </message>
    <message>
        <source>This market does not make accounts here: ask its operator for one, then sign in.</source>
        <translation>This market does not make accounts here: ask its operator for one, then sign in.</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Wrong name or password.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Too many attempts. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <source>That name is taken. Pick another one, or sign in if it is yours.</source>
        <translation>That name is taken. Pick another one, or sign in if it is yours.</translation>
    </message>
    <message>
        <source>The password is too weak: use at least 8 characters.</source>
        <translation>The password is too weak: use at least 8 characters.</translation>
    </message>
    <message>
        <source>A name has 2 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and starts with a letter or digit.</source>
        <translation>A name has 2 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and starts with a letter or digit.</translation>
    </message>
    <message>
        <source>This market needs an invite code from its operator.</source>
        <translation>This market needs an invite code from its operator.</translation>
    </message>
    <message>
        <source>That invite code is not valid, or it was used already.</source>
        <translation>That invite code is not valid, or it was used already.</translation>
    </message>
    <message>
        <source>This market does not make accounts here: ask its operator for one.</source>
        <translation>This market does not make accounts here: ask its operator for one.</translation>
    </message>
    <message>
        <source>Type your name and password.</source>
        <translation>Type your name and password.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Signing in to %1…</translation>
    </message>
    <message>
        <source>Choose a name for your account.</source>
        <translation>Choose a name for your account.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Tick what you want to do: rent GPUs, lend computers, or both.</source>
        <translation>Tick what you want to do: rent GPUs, lend computers, or both.</translation>
    </message>
    <message>
        <source>Creating your account on %1…</source>
        <translation>Creating your account on %1…</translation>
    </message>
    <message>
        <source>Account created. Signing in…</source>
        <translation>Account created. Signing in…</translation>
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
        <source>Retry in 5 minutes</source>
        <translation>Retry in 5 minutes</translation>
    </message>
    <message>
        <source>Find a matching offer</source>
        <translation>Find a matching offer</translation>
    </message>
    <message>
        <source>Cost guard…</source>
        <translation>Cost guard…</translation>
    </message>
    <message>
        <source>Limits the market enforces even while this app is closed: max spend, max running time, stop when idle.</source>
        <translation>Limits the market enforces even while this app is closed: max spend, max running time, stop when idle.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>SSH: ssh -J %1@%2:%3 -p %4 %5@%6</source>
        <translation>SSH: ssh -J %1@%2:%3 -p %4 %5@%6</translation>
    </message>
    <message numerus="yes">
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after %n day(s) (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>
            <numerusform>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after %n day (the countdown shows in the list). Starting again needs free GPUs on the same host.</numerusform>
            <numerusform>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after %n days (the countdown shows in the list). Starting again needs free GPUs on the same host.</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after the market&apos;s retention time (the countdown shows in the list). Starting again needs free GPUs on the same host.</source>
        <translation>GPU billing stops and the GPUs go back to the host. While stopped, the %1 GB disk costs %2 per day. A stopped instance is deleted with its data after the market&apos;s retention time (the countdown shows in the list). Starting again needs free GPUs on the same host.</translation>
    </message>
    <message>
        <source>Start without a GPU (%1/h)</source>
        <translation>Start without a GPU (%1/h)</translation>
    </message>
    <message>
        <source>Save as image…</source>
        <translation>Save as image…</translation>
    </message>
    <message>
        <source>Make an image of this instance&apos;s system disk (not /workspace) that only you can launch</source>
        <translation>Make an image of this instance&apos;s system disk (not /workspace) that only you can launch</translation>
    </message>
    <message>
        <source>Cannot clone or move the instance</source>
        <translation>Cannot clone or move the instance</translation>
    </message>
    <message>
        <source>Move to another host…</source>
        <translation>Move to another host…</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Start it without a GPU to reach its files and environment now (CPU only, billed at the lower price; start it normally later to get its GPUs back), move it with its /workspace to another host with free GPUs, or try again later.</source>
        <translation>Your data stays on the stopped instance. Start it without a GPU to reach its files and environment now (CPU only, billed at the lower price; start it normally later to get its GPUs back), move it with its /workspace to another host with free GPUs, or try again later.</translation>
    </message>
    <message>
        <source>Your data stays on the stopped instance. Move it with its /workspace to another host with free GPUs, try again later, or launch a new instance on a matching offer (the data does not move with it).</source>
        <translation>Your data stays on the stopped instance. Move it with its /workspace to another host with free GPUs, try again later, or launch a new instance on a matching offer (the data does not move with it).</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>Clone…</translation>
    </message>
    <message>
        <source>A new instance on another host with a copy of /workspace; this one keeps running.</source>
        <translation>A new instance on another host with a copy of /workspace; this one keeps running.</translation>
    </message>
    <message>
        <source>Copies /workspace to a new instance on another host, checks it, then destroys this one.</source>
        <translation>Copies /workspace to a new instance on another host, checks it, then destroys this one.</translation>
    </message>
    <message>
        <source>Cancel the copy?</source>
        <translation>Cancel the copy?</translation>
    </message>
    <message>
        <source>Cancel the copy and destroy the new instance?</source>
        <translation>Cancel the copy and destroy the new instance?</translation>
    </message>
    <message>
        <source>The source instance stays as it is, with all its data. What the new instance cost so far stays charged.</source>
        <translation>The source instance stays as it is, with all its data. What the new instance cost so far stays charged.</translation>
    </message>
    <message>
        <source>Cancel copy</source>
        <translation>Cancel copy</translation>
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
    <message>
        <source>Renew at the end of each period while the balance covers it</source>
        <translation>Renew at the end of each period while the balance covers it</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>%1: %2 (save %3% vs hourly)</source>
        <translation>%1: %2 (save %3% vs hourly)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>By the hour: %1/h, billed per second</source>
        <translation>By the hour: %1/h, billed per second</translation>
    </message>
    <message numerus="yes">
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted %n day(s) after a stop.</source>
        <translation>
            <numerusform>Stopped, the %1 GB disk costs %2/day; the data is deleted %n day after a stop.</numerusform>
            <numerusform>Stopped, the %1 GB disk costs %2/day; the data is deleted %n days after a stop.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped, the %1 GB disk costs %2/day; the data is deleted some days after a stop (the market has not said how many yet).</source>
        <translation>Stopped, the %1 GB disk costs %2/day; the data is deleted some days after a stop (the market has not said how many yet).</translation>
    </message>
    <message>
        <source>Paid now: &lt;b&gt;%1&lt;/b&gt; for %2 from the moment it runs; nothing per second and no storage during them, and the GPUs stay yours while it is stopped.</source>
        <translation>Paid now: &lt;b&gt;%1&lt;/b&gt; for %2 from the moment it runs; nothing per second and no storage during them, and the GPUs stay yours while it is stopped.</translation>
    </message>
    <message>
        <source>Released early, the time used is billed by the hour and the rest refunded.</source>
        <translation>Released early, the time used is billed by the hour and the rest refunded.</translation>
    </message>
    <message>
        <source>At the end it renews for %1 when the balance covers it, otherwise it goes on by the hour.</source>
        <translation>At the end it renews for %1 when the balance covers it, otherwise it goes on by the hour.</translation>
    </message>
    <message>
        <source>At the end it goes on by the hour; a notice comes a day before.</source>
        <translation>At the end it goes on by the hour; a notice comes a day before.</translation>
    </message>
    <message>
        <source>This image has no Jupyter server, so Jupyter cannot be started in it.</source>
        <translation>This image has no Jupyter server, so Jupyter cannot be started in it.</translation>
    </message>
    <message numerus="yes">
        <source>It gets %n core(s) and %1 GB of memory.</source>
        <translation>
            <numerusform>It gets %n core and %1 GB of memory.</numerusform>
            <numerusform>It gets %n cores and %1 GB of memory.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It gets %n core(s) and %1 GB of memory (per GPU: %2 cores, %3 GB).</source>
        <translation>
            <numerusform>It gets %n core and %1 GB of memory (per GPU: %2 cores, %3 GB).</numerusform>
            <numerusform>It gets %n cores and %1 GB of memory (per GPU: %2 cores, %3 GB).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The host did not say how many of its %n core(s) an instance gets.</source>
        <translation>
            <numerusform>The host did not say how many of its %n core an instance gets.</numerusform>
            <numerusform>The host did not say how many of its %n cores an instance gets.</numerusform>
        </translation>
    </message>
    <message>
        <source>my image</source>
        <translation>my image</translation>
    </message>
    <message>
        <source>my image, lives on this host only</source>
        <translation>my image, lives on this host only</translation>
    </message>
    <message>
        <source>my image, lives on host %1 only: launch it there</source>
        <translation>my image, lives on host %1 only: launch it there</translation>
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
    <message>
        <source>No system tray was found, so Suanli shows its window instead of starting in the background: closing it quits the app.</source>
        <translation>No system tray was found, so Suanli shows its window instead of starting in the background: closing it quits the app.</translation>
    </message>
    <message>
        <source>Lend</source>
        <translation>Lend</translation>
    </message>
    <message>
        <source>This computer could not be listed: %1</source>
        <translation>This computer could not be listed: %1</translation>
    </message>
    <message>
        <source>Suanli is already running with another market: quit it from the tray or the Suanli menu, then start it again to switch.</source>
        <translation>Suanli is already running with another market: quit it from the tray or the Suanli menu, then start it again to switch.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LendView</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Set up lending…</source>
        <translation>Set up lending…</translation>
    </message>
    <message>
        <source>Lend now</source>
        <translation>Lend now</translation>
    </message>
    <message>
        <source>Pause 1 h</source>
        <translation>Pause 1 h</translation>
    </message>
    <message>
        <source>Stop rentals now</source>
        <translation>Stop rentals now</translation>
    </message>
    <message>
        <source>Stops on-demand rentals too. Renters lose their session, and it lowers this machine&apos;s reliability on the market.</source>
        <translation>Stops on-demand rentals too. Renters lose their session, and it lowers this machine&apos;s reliability on the market.</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>Earnings</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Pricing</translation>
    </message>
    <message>
        <source>No suggestion from the market yet.</source>
        <translation>No suggestion from the market yet.</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Electricity price per kWh:</source>
        <translation>Electricity price per kWh:</translation>
    </message>
    <message>
        <source>Power under load:</source>
        <translation>Power under load:</translation>
    </message>
    <message>
        <source>Hours lent per day:</source>
        <translation>Hours lent per day:</translation>
    </message>
    <message>
        <source>Expected per day:</source>
        <translation>Expected per day:</translation>
    </message>
    <message>
        <source>When to lend</source>
        <translation>When to lend</translation>
    </message>
    <message>
        <source>Lend this computer</source>
        <translation>Lend this computer</translation>
    </message>
    <message>
        <source>Only when I am away</source>
        <translation>Only when I am away</translation>
    </message>
    <message>
        <source> min without keyboard or mouse</source>
        <translation> min without keyboard or mouse</translation>
    </message>
    <message>
        <source>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</source>
        <translation>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</translation>
    </message>
    <message>
        <source>Pause when another program uses the GPU or a fullscreen app runs</source>
        <translation>Pause when another program uses the GPU or a fullscreen app runs</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Schedule:</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source> °C</source>
        <translation> °C</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Interruptible: rentals stop (data kept) when I come back</source>
        <translation>Interruptible: rentals stop (data kept) when I come back</translation>
    </message>
    <message>
        <source>On demand: rentals continue when I come back; stopping them counts against reliability</source>
        <translation>On demand: rentals continue when I come back; stopping them counts against reliability</translation>
    </message>
    <message>
        <source> s notice before an interruptible rental stops</source>
        <translation> s notice before an interruptible rental stops</translation>
    </message>
    <message>
        <source>Temperature limit:</source>
        <translation>Temperature limit:</translation>
    </message>
    <message>
        <source>Power limit:</source>
        <translation>Power limit:</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>Notice:</translation>
    </message>
    <message>
        <source>No suggestion from the market: %1</source>
        <translation>No suggestion from the market: %1</translation>
    </message>
    <message>
        <source>Fullscreen apps are not detected here (%1); another program on the GPU still pauses lending.</source>
        <translation>Fullscreen apps are not detected here (%1); another program on the GPU still pauses lending.</translation>
    </message>
    <message>
        <source>No %1 is listed on the market yet: no suggestion.</source>
        <translation>No %1 is listed on the market yet: no suggestion.</translation>
    </message>
    <message>
        <source>%1 on the market: median %2 per GPU-hour, %3 listed, %4 % of them rented now.</source>
        <translation>%1 on the market: median %2 per GPU-hour, %3 listed, %4 % of them rented now.</translation>
    </message>
    <message>
        <source>%1 net (renters pay %2, platform fee %3, electricity %4)</source>
        <translation>%1 net (renters pay %2, platform fee %3, electricity %4)</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Payouts</translation>
    </message>
    <message>
        <source>No CPU-only computer is listed on the market yet: no suggestion.</source>
        <translation>No CPU-only computer is listed on the market yet: no suggestion.</translation>
    </message>
    <message>
        <source>CPU-only computers on the market: median %1 per hour, %2 listed, %3 % of them rented now.</source>
        <translation>CPU-only computers on the market: median %1 per hour, %2 listed, %3 % of them rented now.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::LendWizard</name>
    <message>
        <source>Set up lending</source>
        <translation>Set up lending</translation>
    </message>
    <message>
        <source>Start lending</source>
        <translation>Start lending</translation>
    </message>
    <message>
        <source>Register this computer</source>
        <translation>Register this computer</translation>
    </message>
    <message>
        <source>The market needs to know this computer before renters can find it.</source>
        <translation>The market needs to know this computer before renters can find it.</translation>
    </message>
    <message>
        <source>Registering gives this computer its own key at the market. Nothing is lent until you finish this wizard, and you can pause or stop lending at any time from the tray.</source>
        <translation>Registering gives this computer its own key at the market. Nothing is lent until you finish this wizard, and you can pause or stop lending at any time from the tray.</translation>
    </message>
    <message>
        <source>This computer is not registered yet.</source>
        <translation>This computer is not registered yet.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Self-test</translation>
    </message>
    <message>
        <source>Can this computer run renters&apos; containers safely?</source>
        <translation>Can this computer run renters&apos; containers safely?</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Run again</translation>
    </message>
    <message>
        <source>Running the self-test (it starts a small container)…</source>
        <translation>Running the self-test (it starts a small container)…</translation>
    </message>
    <message>
        <source>This build has no host agent: the self-test cannot run.</source>
        <translation>This build has no host agent: the self-test cannot run.</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>Every check passed.</translation>
    </message>
    <message>
        <source>Fix what failed and run the self-test again. You may go on, but renters cannot use this computer while a check fails.</source>
        <translation>Fix what failed and run the self-test again. You may go on, but renters cannot use this computer while a check fails.</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>How to fix</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>Install Podman 4 or newer (Debian/Ubuntu: sudo apt install podman) and check that `podman info` works for your user.</source>
        <translation>Install Podman 4 or newer (Debian/Ubuntu: sudo apt install podman) and check that `podman info` works for your user.</translation>
    </message>
    <message>
        <source>Boot with systemd.unified_cgroup_hierarchy=1 (cgroup v2), then run the self-test again.</source>
        <translation>Boot with systemd.unified_cgroup_hierarchy=1 (cgroup v2), then run the self-test again.</translation>
    </message>
    <message>
        <source>Build the base image with scripts/build-base-image, or pull it with `podman pull` followed by the image name above.</source>
        <translation>Build the base image with scripts/build-base-image, or pull it with `podman pull` followed by the image name above.</translation>
    </message>
    <message>
        <source>Run `podman run --rm` with the image above in a terminal to see Podman&apos;s own error; a missing runtime (crun or runc) or cgroup delegation is the usual cause.</source>
        <translation>Run `podman run --rm` with the image above in a terminal to see Podman&apos;s own error; a missing runtime (crun or runc) or cgroup delegation is the usual cause.</translation>
    </message>
    <message>
        <source>Install nvidia-container-toolkit 1.17.8 or newer (older versions let a container take over the computer, CVE-2025-23266).</source>
        <translation>Install nvidia-container-toolkit 1.17.8 or newer (older versions let a container take over the computer, CVE-2025-23266).</translation>
    </message>
    <message>
        <source>Generate the CDI spec so containers can see the GPUs: sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml</source>
        <translation>Generate the CDI spec so containers can see the GPUs: sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml</translation>
    </message>
    <message>
        <source>Make the folder named above writable for your user, or set state_dir in host.ini.</source>
        <translation>Make the folder named above writable for your user, or set state_dir in host.ini.</translation>
    </message>
    <message>
        <source>Set address and the port range in host.ini (see docs/host.md) to an address of this computer and ports below the kernel&apos;s ephemeral range.</source>
        <translation>Set address and the port range in host.ini (see docs/host.md) to an address of this computer and ports below the kernel&apos;s ephemeral range.</translation>
    </message>
    <message>
        <source>See the result above; docs/host.md explains each check.</source>
        <translation>See the result above; docs/host.md explains each check.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>What renters pay per GPU-hour (per hour for the whole computer when it has no GPU).</source>
        <translation>What renters pay per GPU-hour (per hour for the whole computer when it has no GPU).</translation>
    </message>
    <message>
        <source>Asking the market what similar computers earn…</source>
        <translation>Asking the market what similar computers earn…</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Price per hour:</source>
        <translation>Price per hour:</translation>
    </message>
    <message>
        <source>Electricity price per kWh:</source>
        <translation>Electricity price per kWh:</translation>
    </message>
    <message>
        <source>Power under load:</source>
        <translation>Power under load:</translation>
    </message>
    <message>
        <source>Hours lent per day:</source>
        <translation>Hours lent per day:</translation>
    </message>
    <message>
        <source>Expected per day:</source>
        <translation>Expected per day:</translation>
    </message>
    <message>
        <source>No computer like this one is listed on the market yet: choose a price.</source>
        <translation>No computer like this one is listed on the market yet: choose a price.</translation>
    </message>
    <message>
        <source>Similar computers (%1) ask a median %2, %3 listed, %4 % of them rented now.</source>
        <translation>Similar computers (%1) ask a median %2, %3 listed, %4 % of them rented now.</translation>
    </message>
    <message>
        <source>no GPU</source>
        <translation>no GPU</translation>
    </message>
    <message>
        <source>%1 net: renters pay %2, platform fee %3, electricity %4</source>
        <translation>%1 net: renters pay %2, platform fee %3, electricity %4</translation>
    </message>
    <message>
        <source>The market did not say its fee: the figure is before the fee.</source>
        <translation>The market did not say its fee: the figure is before the fee.</translation>
    </message>
    <message>
        <source>Nothing like this computer is rented now, so the estimate is zero; a price below the median gets renters sooner.</source>
        <translation>Nothing like this computer is rented now, so the estimate is zero; a price below the median gets renters sooner.</translation>
    </message>
    <message>
        <source>When to lend</source>
        <translation>When to lend</translation>
    </message>
    <message>
        <source>You are never bothered while you use this computer.</source>
        <translation>You are never bothered while you use this computer.</translation>
    </message>
    <message>
        <source>Only when I am away</source>
        <translation>Only when I am away</translation>
    </message>
    <message>
        <source> min without keyboard or mouse</source>
        <translation> min without keyboard or mouse</translation>
    </message>
    <message>
        <source>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</source>
        <translation>any time, or e.g. mon-fri 22:00-08:00, sat 00:00-24:00</translation>
    </message>
    <message>
        <source>Pause when another program uses the GPU or a fullscreen app runs</source>
        <translation>Pause when another program uses the GPU or a fullscreen app runs</translation>
    </message>
    <message>
        <source>Interruptible: rentals stop (data kept) when I come back</source>
        <translation>Interruptible: rentals stop (data kept) when I come back</translation>
    </message>
    <message>
        <source>On demand: rentals continue when I come back; stopping them counts against reliability</source>
        <translation>On demand: rentals continue when I come back; stopping them counts against reliability</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Schedule:</translation>
    </message>
    <message>
        <source>Register this computer first: click the button below.</source>
        <translation>Register this computer first: click the button below.</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>Could not change the login entry: %1</translation>
    </message>
    <message>
        <source>Renters of this agent could reach your local network (router, NAS, other computers). Run the system agent (suanli-host.service): sudo systemctl enable --now suanli-host.service, then lend through it.</source>
        <translation>Renters of this agent could reach your local network (router, NAS, other computers). Run the system agent (suanli-host.service): sudo systemctl enable --now suanli-host.service, then lend through it.</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>Not offered</translation>
    </message>
    <message>
        <source>Day plan, paid up front:</source>
        <translation>Day plan, paid up front:</translation>
    </message>
    <message>
        <source>Week plan:</source>
        <translation>Week plan:</translation>
    </message>
    <message>
        <source>Month plan (30 days):</source>
        <translation>Month plan (30 days):</translation>
    </message>
    <message>
        <source>The day plan</source>
        <translation>The day plan</translation>
    </message>
    <message>
        <source>The week plan</source>
        <translation>The week plan</translation>
    </message>
    <message>
        <source>The month plan</source>
        <translation>The month plan</translation>
    </message>
    <message>
        <source>%1 costs more than %2 hours by the hour (%3): lower it, or raise the hourly price.</source>
        <translation>%1 costs more than %2 hours by the hour (%3): lower it, or raise the hourly price.</translation>
    </message>
    <message>
        <source>Plans are paid up front and cost less than the same time by the hour (a day by the hour: %1, a week: %2, a month: %3). They are offered only when rentals continue while you use this computer (On demand, next page).</source>
        <translation>Plans are paid up front and cost less than the same time by the hour (a day by the hour: %1, a week: %2, a month: %3). They are offered only when rentals continue while you use this computer (On demand, next page).</translation>
    </message>
    <message>
        <source>Start without a GPU, per hour:</source>
        <translation>Start without a GPU, per hour:</translation>
    </message>
    <message>
        <source>A start without a GPU may cost at most a tenth of the hourly price (%1).</source>
        <translation>A start without a GPU may cost at most a tenth of the hourly price (%1).</translation>
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
    <message>
        <source>Datasets</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>&amp;Account…</translation>
    </message>
    <message>
        <source>Your payout of %1 was approved.</source>
        <translation>Your payout of %1 was approved.</translation>
    </message>
    <message>
        <source>Your payout of %1 was paid (reference %2).</source>
        <translation>Your payout of %1 was paid (reference %2).</translation>
    </message>
    <message>
        <source>Your payout of %1 was rejected: %2. The amount is back in your balance.</source>
        <translation>Your payout of %1 was rejected: %2. The amount is back in your balance.</translation>
    </message>
    <message>
        <source>Payout %1</source>
        <translation>Payout %1</translation>
    </message>
    <message>
        <source>Its plan ends at %1 and renews for %2.</source>
        <translation>Its plan ends at %1 and renews for %2.</translation>
    </message>
    <message>
        <source>Its plan ends at %1; the balance does not cover the %2 renewal, so it then goes on by the hour.</source>
        <translation>Its plan ends at %1; the balance does not cover the %2 renewal, so it then goes on by the hour.</translation>
    </message>
    <message>
        <source>Its plan ends at %1; it then goes on by the hour.</source>
        <translation>Its plan ends at %1; it then goes on by the hour.</translation>
    </message>
    <message>
        <source>Instance %1: plan ends soon</source>
        <translation>Instance %1: plan ends soon</translation>
    </message>
    <message>
        <source>My &amp;images…</source>
        <translation>My &amp;images…</translation>
    </message>
</context>
<context>
    <name>suanli::ui::MyImagesDialog</name>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>My images</source>
        <translation>My images</translation>
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
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Storage per GB and month</source>
        <translation>Storage per GB and month</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Cannot load your images: %1</source>
        <translation>Cannot load your images: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>lives on host %1 only</source>
        <translation>lives on host %1 only</translation>
    </message>
    <message>
        <source>market registry (any host)</source>
        <translation>market registry (any host)</translation>
    </message>
    <message>
        <source>You have no saved images. Use “Save as image…” on an instance.</source>
        <translation>You have no saved images. Use “Save as image…” on an instance.</translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation>Delete image</translation>
    </message>
    <message>
        <source>Delete the image %1? Instances can no longer be launched from it; its storage is no longer billed.</source>
        <translation>Delete the image %1? Instances can no longer be launched from it; its storage is no longer billed.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>Cannot delete %1: %2</translation>
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
    <message>
        <source>CPU per GPU</source>
        <translation>CPU per GPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>RAM per GPU</source>
        <translation>RAM per GPU</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s), %1 GB</source>
        <translation>
            <numerusform>%n core, %1 GB</numerusform>
            <numerusform>%n cores, %1 GB</numerusform>
        </translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>Network (stated)</source>
        <translation>Network (stated)</translation>
    </message>
    <message>
        <source>Disk writes</source>
        <translation>Disk writes</translation>
    </message>
    <message>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PairDelegate</name>
    <message>
        <source>Paused at %1 of %2</source>
        <translation>Paused at %1 of %2</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>Comparing both sides…</translation>
    </message>
    <message>
        <source>Syncing · %1 % · %2/s</source>
        <translation>Syncing · %1 % · %2/s</translation>
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
        <translation>Edit folder pair</translation>
    </message>
    <message>
        <source>Add a folder pair</source>
        <translation>Add a folder pair</translation>
    </message>
    <message>
        <source>A folder on this computer</source>
        <translation>A folder on this computer</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>Local folder</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>Path on the instance</source>
        <translation>Path on the instance</translation>
    </message>
    <message>
        <source>Upload: this folder → the instance</source>
        <translation>Upload: this folder → the instance</translation>
    </message>
    <message>
        <source>Download: the instance → this folder</source>
        <translation>Download: the instance → this folder</translation>
    </message>
    <message>
        <source>Sync now copies</source>
        <translation>Sync now copies</translation>
    </message>
    <message>
        <source>Files whose size and time match are skipped; large files resume where a cancelled sync stopped. A .suanliignore file in the folder lists what to leave out, like .gitignore.</source>
        <translation>Files whose size and time match are skipped; large files resume where a cancelled sync stopped. A .suanliignore file in the folder lists what to leave out, like .gitignore.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Choose later (not rented yet)</source>
        <translation>Choose later (not rented yet)</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>Instance %1</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU only</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Instance %1 (gone)</source>
        <translation>Instance %1 (gone)</translation>
    </message>
    <message>
        <source>Choose the local folder</source>
        <translation>Choose the local folder</translation>
    </message>
    <message>
        <source>Delete files on the instance that this folder no longer has</source>
        <translation>Delete files on the instance that this folder no longer has</translation>
    </message>
    <message>
        <source>Delete files in this folder that the instance no longer has</source>
        <translation>Delete files in this folder that the instance no longer has</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PassphraseDialog</name>
    <message>
        <source>SSH key passphrase</source>
        <translation>SSH key passphrase</translation>
    </message>
    <message>
        <source>Suanli keeps it in the system keychain and uses it for its own tunnels. Your key file is not changed.</source>
        <translation>Suanli keeps it in the system keychain and uses it for its own tunnels. Your key file is not changed.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Enter the passphrase of your SSH key.</source>
        <translation>Enter the passphrase of your SSH key.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::PayoutPanel</name>
    <message>
        <source>Request payout…</source>
        <translation>Request payout…</translation>
    </message>
    <message>
        <source>Earned:</source>
        <translation>Earned:</translation>
    </message>
    <message>
        <source>Withdrawable:</source>
        <translation>Withdrawable:</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>Requested:</translation>
    </message>
    <message>
        <source>Paid out:</source>
        <translation>Paid out:</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Payout of %1 requested.</source>
        <translation>Payout of %1 requested.</translation>
    </message>
    <message>
        <source>The market refused the payout: %1</source>
        <translation>The market refused the payout: %1</translation>
    </message>
    <message>
        <source>Request payout</source>
        <translation>Request payout</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>At most %1</translation>
    </message>
    <message>
        <source>e.g. alipay:you@example.com or a bank account</source>
        <translation>e.g. alipay:you@example.com or a bank account</translation>
    </message>
    <message numerus="yes">
        <source>Earnings can be paid out %n day(s) after they were earned. The operator approves the request and then makes the transfer.</source>
        <translation>
            <numerusform>Earnings can be paid out %n day after they were earned. The operator approves the request and then makes the transfer.</numerusform>
            <numerusform>Earnings can be paid out %n days after they were earned. The operator approves the request and then makes the transfer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destination:</translation>
    </message>
    <message>
        <source>Enter a positive amount with at most 6 decimals.</source>
        <translation>Enter a positive amount with at most 6 decimals.</translation>
    </message>
    <message>
        <source>At most %1 is withdrawable now.</source>
        <translation>At most %1 is withdrawable now.</translation>
    </message>
    <message>
        <source>Say where the money should go.</source>
        <translation>Say where the money should go.</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Sending the request…</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
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
        <translation>Save</translation>
    </message>
    <message>
        <source>Save %1 as an image</source>
        <translation>Save %1 as an image</translation>
    </message>
    <message>
        <source>The instance&apos;s system disk (what you installed, /root, /etc, …) becomes an image only you can launch. /workspace is not part of it. Storing it costs %1 per GB and month, billed per second until you delete it.</source>
        <translation>The instance&apos;s system disk (what you installed, /root, /etc, …) becomes an image only you can launch. /workspace is not part of it. Storing it costs %1 per GB and month, billed per second until you delete it.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Asking the market…</source>
        <translation>Asking the market…</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>Ready: %1. It lives on host %2 only: launch it on that host&apos;s offer.</source>
        <translation>Ready: %1. It lives on host %2 only: launch it on that host&apos;s offer.</translation>
    </message>
    <message>
        <source>Ready: %1, in the market&apos;s registry: any host can launch it.</source>
        <translation>Ready: %1, in the market&apos;s registry: any host can launch it.</translation>
    </message>
    <message>
        <source>The save failed: %1</source>
        <translation>The save failed: %1</translation>
    </message>
    <message>
        <source>Saving… the host is committing the instance&apos;s system disk.</source>
        <translation>Saving… the host is committing the instance&apos;s system disk.</translation>
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
    <message>
        <source>SSH key</source>
        <translation>SSH key</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>Reading the key…</translation>
    </message>
    <message>
        <source>leave empty to use the saved one</source>
        <translation>leave empty to use the saved one</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Set passphrase</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>Remove passphrase</translation>
    </message>
    <message>
        <source>The key file is re-encrypted in place; your instances keep accepting it. Suanli keeps the passphrase in the system keychain; ssh and VS Code ask for it themselves (or use ssh-agent).</source>
        <translation>The key file is re-encrypted in place; your instances keep accepting it. Suanli keeps the passphrase in the system keychain; ssh and VS Code ask for it themselves (or use ssh-agent).</translation>
    </message>
    <message>
        <source>Type the new passphrase twice.</source>
        <translation>Type the new passphrase twice.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>The two new passphrases differ.</translation>
    </message>
    <message>
        <source>Your SSH key is protected by a passphrase.</source>
        <translation>Your SSH key is protected by a passphrase.</translation>
    </message>
    <message>
        <source>Your SSH key has no passphrase: anyone who can read your files can use it.</source>
        <translation>Your SSH key has no passphrase: anyone who can read your files can use it.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Removing the passphrase…</source>
        <translation>Removing the passphrase…</translation>
    </message>
    <message>
        <source>Encrypting the key…</source>
        <translation>Encrypting the key…</translation>
    </message>
    <message>
        <source>The current passphrase is wrong (or none is saved): type it in &quot;Current passphrase&quot;. Nothing was changed.</source>
        <translation>The current passphrase is wrong (or none is saved): type it in &quot;Current passphrase&quot;. Nothing was changed.</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>Could not change the login entry: %1</translation>
    </message>
</context>
<context>
    <name>suanli::ui::StateWidget</name>
    <message>
        <source>This takes a moment.</source>
        <translation>This takes a moment.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::SyncProgressPanel</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Comparing both sides…</source>
        <translation>Comparing both sides…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Nothing to copy: both sides match.</source>
        <translation>Nothing to copy: both sides match.</translation>
    </message>
    <message numerus="yes">
        <source>Sync now would upload %n file(s), %1.</source>
        <translation>
            <numerusform>Sync now would upload %n file, %1.</numerusform>
            <numerusform>Sync now would upload %n files, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync now would download %n file(s), %1.</source>
        <translation>
            <numerusform>Sync now would download %n file, %1.</numerusform>
            <numerusform>Sync now would download %n files, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s), %1.</source>
        <translation>
            <numerusform>Uploading %n file, %1.</numerusform>
            <numerusform>Uploading %n files, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n file(s), %1.</source>
        <translation>
            <numerusform>Downloading %n file, %1.</numerusform>
            <numerusform>Downloading %n files, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) (%1) already there.</source>
        <translation>
            <numerusform>%n file (%1) already there.</numerusform>
            <numerusform>%n files (%1) already there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) to create.</source>
        <translation>
            <numerusform>%n folder to create.</numerusform>
            <numerusform>%n folders to create.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s).</source>
        <translation>
            <numerusform>%n link.</numerusform>
            <numerusform>%n links.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete on the instance.</source>
        <translation>
            <numerusform>%n to delete on the instance.</numerusform>
            <numerusform>%n to delete on the instance.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete in the folder.</source>
        <translation>
            <numerusform>%n to delete in the folder.</numerusform>
            <numerusform>%n to delete in the folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (see the list).</source>
        <translation>
            <numerusform>%n skipped (see the list).</numerusform>
            <numerusform>%n skipped (see the list).</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt; (nothing moved): </source>
        <translation>&lt;b&gt;Plan&lt;/b&gt; (nothing moved): </translation>
    </message>
    <message>
        <source>upload</source>
        <translation>upload</translation>
    </message>
    <message>
        <source>download</source>
        <translation>download</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>skipped: %1</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>delete</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::TopUpDialog</name>
    <message>
        <source>Create order</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Top up</translation>
    </message>
    <message>
        <source>Amount, e.g. 100 or 12.50</source>
        <translation>Amount, e.g. 100 or 12.50</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>The balance grows once the payment for an order is confirmed.</source>
        <translation>The balance grows once the payment for an order is confirmed.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Order created. Pay %1 quoting the reference &lt;b&gt;%2&lt;/b&gt; before %3; the balance grows once the payment is confirmed.</source>
        <translation>Order created. Pay %1 quoting the reference &lt;b&gt;%2&lt;/b&gt; before %3; the balance grows once the payment is confirmed.</translation>
    </message>
    <message>
        <source>The market refused the order: %1</source>
        <translation>The market refused the order: %1</translation>
    </message>
    <message>
        <source>Paid: %1 (%2) was credited.</source>
        <translation>Paid: %1 (%2) was credited.</translation>
    </message>
    <message>
        <source>Enter a positive amount with at most 6 decimals, e.g. 100 or 12.50.</source>
        <translation>Enter a positive amount with at most 6 decimals, e.g. 100 or 12.50.</translation>
    </message>
    <message>
        <source>Asking the market for an order…</source>
        <translation>Asking the market for an order…</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
</context>
<context>
    <name>suanli::ui::TrayIcon</name>
    <message>
        <source>Lend now</source>
        <translation>Lend now</translation>
    </message>
    <message>
        <source>Pause 1 h</source>
        <translation>Pause 1 h</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>Pause until tomorrow</translation>
    </message>
    <message>
        <source>Open Suanli</source>
        <translation>Open Suanli</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>suanli::ui::TrayText</name>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Waiting for idle</source>
        <translation>Waiting for idle</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Listed</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>Rented</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>checking whether you are using this computer</source>
        <translation>checking whether you are using this computer</translation>
    </message>
    <message>
        <source>lending is switched off</source>
        <translation>lending is switched off</translation>
    </message>
    <message>
        <source>outside your lending hours</source>
        <translation>outside your lending hours</translation>
    </message>
    <message numerus="yes">
        <source>you are using this computer; lending starts after %n minute(s) idle</source>
        <translation>
            <numerusform>you are using this computer; lending starts after %n minute idle</numerusform>
            <numerusform>you are using this computer; lending starts after %n minutes idle</numerusform>
        </translation>
    </message>
    <message>
        <source>you are using the GPU</source>
        <translation>you are using the GPU</translation>
    </message>
    <message>
        <source>a fullscreen app is running</source>
        <translation>a fullscreen app is running</translation>
    </message>
    <message>
        <source>the GPU is above %1 °C</source>
        <translation>the GPU is above %1 °C</translation>
    </message>
    <message>
        <source>the GPUs draw more than %1 W</source>
        <translation>the GPUs draw more than %1 W</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>paused until %1</translation>
    </message>
    <message>
        <source>cannot tell whether you are using this computer (%1); lend on a schedule instead, or choose Lend now</source>
        <translation>cannot tell whether you are using this computer (%1); lend on a schedule instead, or choose Lend now</translation>
    </message>
    <message>
        <source>the host agent stopped with an error</source>
        <translation>the host agent stopped with an error</translation>
    </message>
    <message>
        <source>Suanli: not lending</source>
        <translation>Suanli: not lending</translation>
    </message>
    <message>
        <source>Suanli: waiting for idle</source>
        <translation>Suanli: waiting for idle</translation>
    </message>
    <message>
        <source>Suanli: listed, waiting for a renter</source>
        <translation>Suanli: listed, waiting for a renter</translation>
    </message>
    <message>
        <source>Suanli: rented, earning %1 per hour</source>
        <translation>Suanli: rented, earning %1 per hour</translation>
    </message>
    <message>
        <source>Suanli: rented, earning %1 per hour before the platform fee</source>
        <translation>Suanli: rented, earning %1 per hour before the platform fee</translation>
    </message>
    <message>
        <source>Suanli: paused</source>
        <translation>Suanli: paused</translation>
    </message>
    <message>
        <source>Suanli: error</source>
        <translation>Suanli: error</translation>
    </message>
    <message>
        <source>Listed but not earning: check your price against the suggestion</source>
        <translation>Listed but not earning: check your price against the suggestion</translation>
    </message>
    <message>
        <source>A GPU is not visible inside containers: run the self-test in the Lend view</source>
        <translation>A GPU is not visible inside containers: run the self-test in the Lend view</translation>
    </message>
    <message>
        <source>Listed on this computer&apos;s own market (local mode), not lent to anyone else. Switch lending on to lend it by your rules.</source>
        <translation>Listed on this computer&apos;s own market (local mode), not lent to anyone else. Switch lending on to lend it by your rules.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Suanli: listed on this computer&apos;s own market</source>
        <translation>Suanli: listed on this computer&apos;s own market</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::BarChart</name>
    <message>
        <source>%1: %2</source>
        <comment>category: value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::GuardDialog</name>
    <message>
        <source>instance %1</source>
        <translation>instance %1</translation>
    </message>
    <message>
        <source>Cost guard for %1</source>
        <translation>Cost guard for %1</translation>
    </message>
    <message>
        <source>The market stops the instance (its data is kept) when a limit is reached, even while this app is closed. Spent so far: %1.</source>
        <translation>The market stops the instance (its data is kept) when a limit is reached, even while this app is closed. Spent so far: %1.</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Total spend of this instance, in %1; empty for no limit</source>
        <translation>Total spend of this instance, in %1; empty for no limit</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Running time over all periods</source>
        <translation>Running time over all periods</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Idle means every GPU below this utilisation and no SSH session</source>
        <translation>Idle means every GPU below this utilisation and no SSH session</translation>
    </message>
    <message>
        <source>Idle means the CPU below this (100 % = one core) and no SSH session</source>
        <translation>Idle means the CPU below this (100 % = one core) and no SSH session</translation>
    </message>
    <message>
        <source>Maximum spend (%1):</source>
        <translation>Maximum spend (%1):</translation>
    </message>
    <message>
        <source>Maximum running time:</source>
        <translation>Maximum running time:</translation>
    </message>
    <message>
        <source>Stop when idle for:</source>
        <translation>Stop when idle for:</translation>
    </message>
    <message>
        <source>Idle below (GPU):</source>
        <translation>Idle below (GPU):</translation>
    </message>
    <message>
        <source>Idle below (CPU):</source>
        <translation>Idle below (CPU):</translation>
    </message>
    <message>
        <source>Write the maximum spend as an amount such as 50 or 12.5, or leave it empty for no limit.</source>
        <translation>Write the maximum spend as an amount such as 50 or 12.5, or leave it empty for no limit.</translation>
    </message>
    <message>
        <source>The market did not take the new limits: %1 Check the values and your connection, then save again.</source>
        <translation>The market did not take the new limits: %1 Check the values and your connection, then save again.</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::InstanceDashboard</name>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Show the last %1</translation>
    </message>
    <message>
        <source>Cost guard…</source>
        <translation>Cost guard…</translation>
    </message>
    <message>
        <source>Limits the market enforces even while this app is closed</source>
        <translation>Limits the market enforces even while this app is closed</translation>
    </message>
    <message>
        <source>GPU utilisation</source>
        <translation>GPU utilisation</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>GPU memory used</source>
        <translation>GPU memory used</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>GPU temperature</source>
        <translation>GPU temperature</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>GPU power</source>
        <translation>GPU power</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>CPU (100 % = one core)</source>
        <translation>CPU (100 % = one core)</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Memory used</translation>
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
        <source>Waiting for telemetry…</source>
        <translation>Waiting for telemetry…</translation>
    </message>
    <message>
        <source>This instance has no GPU: the charts show its CPU and memory.</source>
        <translation>This instance has no GPU: the charts show its CPU and memory.</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>Instance %1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>No telemetry yet</source>
        <translation>No telemetry yet</translation>
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
        <translation>RAM %1 GiB</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>started without a GPU (CPU only)</source>
        <translation>started without a GPU (CPU only)</translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::InstanceHistoryView</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Loading the history…</translation>
    </message>
    <message>
        <source>Cannot load the history: %1</source>
        <translation>Cannot load the history: %1</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>No changes recorded yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n change, newest first.</numerusform>
            <numerusform>%n changes, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::ui::charts::SpendWidget</name>
    <message>
        <source>Spend this month</source>
        <translation>Spend this month</translation>
    </message>
    <message>
        <source>No spend this month</source>
        <translation>No spend this month</translation>
    </message>
    <message>
        <source>Spend per day</source>
        <translation>Spend per day</translation>
    </message>
    <message>
        <source>Nothing is charging now</source>
        <translation>Nothing is charging now</translation>
    </message>
    <message>
        <source>%1 per hour now</source>
        <translation>%1 per hour now</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <source>The balance is used up: top up to keep instances running</source>
        <translation>The balance is used up: top up to keep instances running</translation>
    </message>
    <message>
        <source>Balance %1 lasts %2 at this rate</source>
        <translation>Balance %1 lasts %2 at this rate</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Instance %1</source>
        <translation>Instance %1</translation>
    </message>
    <message>
        <source>Spend per day, %1 %2</source>
        <comment>month, year</comment>
        <translation>Spend per day, %1 %2</translation>
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
        <translation>%1: %2</translation>
    </message>
</context>
</TS>
