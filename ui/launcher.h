#pragma once

#include "app/appcontext.h"
#include "desktopintegration.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QCommandLineParser;

namespace suanli::ui {

class ContributorMode;
class MainWindow;

/// How `suanli` was started (suanli [--local] [--market URL] [--tray] [--background]).
struct StartOptions
{
    bool local = false;
    QUrl market;
    bool background = false;
};

/// The options of `suanli --help`, for the first launch and for the arguments a second launch
/// hands over to it (app::SingleInstance).
void addStartOptions(QCommandLineParser &parser);
StartOptions startOptions(const QCommandLineParser &parser);

/// The app's start as the user sees it: picks the market — local mode, a market from the
/// command line or the settings, or the first-run question — then brings up the window over
/// the app context, and the tray and Lend page of contributor mode. Everything the window
/// shows is owned and wired by the context (app::AppContext); nothing here blocks the event
/// loop.
class Launcher : public QObject
{
    Q_OBJECT
public:
    explicit Launcher(const StartOptions &options, QObject *parent = nullptr);
    ~Launcher() override;

    void start();
    /// A second launch asked for this one (app::SingleInstance): brings up the window, even
    /// from the tray; a second launch in the background (autostart) shows nothing.
    void activate(const StartOptions &requested);
    app::AppContext *context() { return &m_context; }
    MainWindow *window() { return m_window.get(); }
    app::Session *session() { return m_context.session(); }
    app::SshKeys *keys() { return m_context.keys(); }
    /// The host agent lending this machine (app::AppContext::localHost()).
    app::LocalHost *localHost() { return m_context.localHost(); }
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
    /// Account → Sign out: the key is revoked and gone; the first-run question again.
    void signedOut();
    void createWindow();
    /// Shows the window unless asked to start in the background and a tray can hold the app:
    /// the app never starts invisible.
    void showWindow(bool background);
    void setupContributor();
    void followHost(app::LocalHost *host);
    /// Changes this machine's listing with `edit` (none: reads it) and shows the prices kept.
    void updateListing(std::function<void(protocol::HostListing &)> edit);

    StartOptions m_options;
    app::AppContext m_context;
    DesktopIntegration m_desktop; ///< the one tray icon and the notifications, for every window
    std::unique_ptr<MainWindow> m_window;
    ContributorMode *m_contributor = nullptr; ///< a child; deleted in ~Launcher before the rest
};

} // namespace suanli::ui
