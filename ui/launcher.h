#pragma once

#include "app/localhost.h"
#include "app/localmarket.h"
#include "app/session.h"
#include "app/settings.h"
#include "app/sshkeys.h"
#include "desktopintegration.h"
#include "protocol/money.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace suanli::app {
class SecretStore;
}

namespace suanli::ui {

class ContributorMode;
class MainWindow;

/// How `suanli` was started (DESIGN §5: suanli [--local] [--market URL] [--tray] [--background]).
struct StartOptions
{
    bool local = false;
    QUrl market;
    bool background = false;
};

/// Puts the app together: settings, secrets, the market session and the window, then picks
/// the market — local mode, a market from the command line or the settings, or the first-run
/// question — without blocking the event loop at any step.
class Launcher : public QObject
{
    Q_OBJECT
public:
    explicit Launcher(const StartOptions &options, QObject *parent = nullptr);
    ~Launcher() override;

    void start();
    MainWindow *window() { return m_window.get(); }
    app::Session *session() { return &m_session; }
    app::SshKeys *keys() { return &m_keys; }
    /// The host agent lending this machine: local mode's, or in remote mode the one started
    /// once the owner registered this machine in the Lend page's wizard (null before).
    app::LocalHost *localHost() { return m_localHost.get(); }
    /// Contributor mode: the tray, the Lend page and its policy (null in builds without
    /// the tray, and before the window exists).
    ContributorMode *contributor() { return m_contributor; }

signals:
    /// The catalog was first painted (data or an empty state).
    void catalogPainted();

private:
    void startLocal();
    void startRemote(const QUrl &url);
    void askFirstRun(const QUrl &prefill = {});
    void createWindow(app::LocalHost *localHost);
    /// Shows the window unless asked to start in the background and a tray can hold the app:
    /// the app never starts invisible.
    void showWindow(bool background);
    void setupContributor();
    void followHost(app::LocalHost *host);
    void registerThisMachine();
    void updateListing(std::optional<Micro> price, std::optional<bool> interruptible);

    StartOptions m_options;
    QNetworkAccessManager m_network;
    app::Settings m_settings;
    std::unique_ptr<app::SecretStore> m_secrets;
    app::Session m_session;
    app::SshKeys m_keys;
    DesktopIntegration m_desktop; ///< the one tray icon and the notifications, for every window
    std::unique_ptr<app::LocalMarket> m_localMarket;
    std::unique_ptr<app::LocalHost> m_localHost;
    std::unique_ptr<MainWindow> m_window;
    ContributorMode *m_contributor = nullptr; ///< a child; deleted in ~Launcher before the rest
    QString m_hostFolder; ///< the data folder of m_localHost (its host.ini and state)
};

} // namespace suanli::ui
