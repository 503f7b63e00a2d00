#pragma once

#include "accesscontroller.h"
#include "localhost.h"
#include "localmarket.h"
#include "secretstore.h"
#include "session.h"
#include "settings.h"
#include "sshkeys.h"

#include "app/dashboard/dashboardclient.h"
#include "app/dashboard/notifier.h"
#include "app/dashboard/spendtracker.h"
#include "app/dashboard/telemetryfeed.h"
#include "protocol/clock.h"
#include "protocol/money.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace suanli::datasets {
class DatasetsController;
class DatasetSizes;
} // namespace suanli::datasets

namespace suanli::host {
class SelfTest;
}

namespace suanli::app {

/// The desktop app put together, without a widget (docs/app.md, "The app context"): the one
/// place that owns and wires the app's parts. The views in ui/ receive what they show from
/// it; `suanli`'s main (apps/suanli) and the tests build one.
///
/// It owns the clock, the network, the typed settings, the secrets and the names their
/// entries go by, the SSH keys, the market session (client, events socket, catalog,
/// instances and billing controllers), instance access, the dashboard client, telemetry feed,
/// spend tracker and notifier, the datasets controller (when sync/ is built), and local
/// mode's market and host agent: registering this machine, its listing, its host.ini.
class AppContext : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        /// Empty: the app's settings (per user, native format); tests and tools pass a file.
        QString settingsIni;
        /// Null: the OS keychain (or, where the user allowed it, a 0600 file in the data
        /// folder); tools pass a memory store.
        std::unique_ptr<SecretStore> secrets;
    };

    explicit AppContext(Options options = {}, QObject *parent = nullptr);
    ~AppContext() override;

    /// The SecretStore entry of a market's token.
    static QString tokenKey(const QUrl &market);

    const Clock &clock() const { return m_clock; }
    QNetworkAccessManager *network() { return &m_network; }
    Settings *settings() { return &m_settings; }
    SecretStore *secrets() { return m_secrets.get(); }
    SshKeys *keys() { return &m_keys; }
    Session *session() { return &m_session; }
    AccessController *access() { return &m_access; }
    dashboard::DashboardClient *dashboardClient() { return &m_dashClient; }
    dashboard::TelemetryFeed *telemetryFeed() { return &m_feed; }
    dashboard::SpendTracker *spendTracker() { return &m_spend; }
    dashboard::Notifier *notifier() { return &m_notifier; }
    /// The dataset pairs and their syncs; null in builds without sync/.
    datasets::DatasetsController *datasets() { return m_datasets.get(); }
    /// How much the upload folders of the pairs hold; null in builds without sync/.
    datasets::DatasetSizes *datasetSizes() { return m_datasetSizes.get(); }
    /// Counts the upload folders again unless they were counted in the last minute (or
    /// `always`): a large tree takes a moment to list. Pair changes recount at once.
    void rescanDatasetSizes(bool always = false);

    /// Signs in to a market whose token is known.
    void connectTo(const QUrl &marketUrl, const QByteArray &token, bool local);
    /// Remote mode from the first-run question: saves the mode, the market and its token
    /// (and the key's id when known, for signOut()), then signs in.
    void connectRemote(const QUrl &marketUrl, const QByteArray &token, qint64 tokenId = 0);
    /// Sign out of the remote market: revokes this computer's key (by its saved id, or found
    /// by the token's prefix), removes it from the secrets and the settings, and closes the
    /// session. `done` gets why not when the key could not be revoked (nothing is removed).
    void signOut(QObject *context, std::function<void(Result<void>)> done);
    /// The id of the session's key on its market: the saved one, or found in GET /tokens by
    /// the token's prefix (and saved). 0 when it is not among the account's keys.
    void currentTokenId(QObject *context, std::function<void(Result<qint64>)> done);
    /// The token kept for `marketUrl` (an error when there is none, or only in a keychain
    /// that is gone).
    void readToken(const QUrl &marketUrl, QObject *context,
                   std::function<void(Result<QByteArray>)> done);
    /// Local mode: creates the in-process market and the host agent lending this machine
    /// (localHost() is set on return), starts the market; the session signs in once it is up
    /// and the host agent starts once signed in. localMarketFailed() if it does not start.
    void startLocal();

    LocalMarket *localMarket() { return m_localMarket.get(); }
    /// The host agent lending this machine: local mode's, or in remote mode the one started
    /// by registerThisMachine() (null before).
    LocalHost *localHost() { return m_localHost.get(); }
    /// Deletes the host agent (the UI's teardown: before contributor mode lets go of it).
    void destroyLocalHost();
    /// Where the host agent keeps its host.ini and state: the data folder in local mode,
    /// `<data folder>/contributor` in remote mode.
    QString hostFolder() const;

    /// Lends this machine to the signed-in market: in remote mode a LocalHost against it
    /// (created once, localHostCreated()), started unless registering, starting or lending
    /// already. Nothing before the session knows its market.
    void registerThisMachine();
    /// This machine's listing on the market: `edit` changes the market's listing and lists it
    /// (prices, interruptible); with no `edit` it is only read. `done` gets the listing the
    /// market keeps, or why the update was refused; it is not called when this machine is not
    /// registered or the market's host list is not to be had.
    void updateListing(std::function<void(protocol::HostListing &)> edit, QObject *context,
                       std::function<void(Result<protocol::HostListing>)> done);
    /// The setup wizard's self-test of this machine, with the host.ini of hostFolder() when
    /// there is one. Only in builds with the host agent engine.
    std::unique_ptr<host::SelfTest> makeSelfTest() const;

signals:
    void localMarketFailed(const suanli::Error &error);
    /// A host agent was created (local mode, or registerThisMachine() in remote mode).
    void localHostCreated(suanli::app::LocalHost *host);

private:
    void setUpDashboard();
    void setUpDatasets();

    SystemClock m_clock;
    QNetworkAccessManager m_network;
    Settings m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    SshKeys m_keys;
    Session m_session;
    AccessController m_access;
    dashboard::DashboardClient m_dashClient;
    dashboard::TelemetryFeed m_feed;
    dashboard::SpendTracker m_spend;
    dashboard::Notifier m_notifier;
    QTimer m_releaseCheck;
    std::unique_ptr<datasets::DatasetsController> m_datasets;
    std::unique_ptr<datasets::DatasetSizes> m_datasetSizes;
    QElapsedTimer m_sinceSizesScan;
    std::unique_ptr<LocalMarket> m_localMarket;
    std::unique_ptr<LocalHost> m_localHost;
    QString m_hostFolder; ///< the data folder of m_localHost (its host.ini and state)
};

} // namespace suanli::app
