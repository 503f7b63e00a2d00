#pragma once

#include "app/eventstream.h"
#include "app/localhost.h"
#include "app/session.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QKeySequence;
class QLabel;
class QMenu;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace suanli::app {
class SecretStore;
class Settings;
class SshKeys;
}

namespace suanli::dashboard {
class DashboardClient;
class Notifier;
class SpendTracker;
class TelemetryFeed;
}

namespace suanli::ui {

class BillingView;
class DesktopIntegration;
class CatalogView;
class InstancesView;

/// The renter's window: a sidebar (Catalog, Instances, Billing), the views, and a status bar
/// with the market, the balance and the state of the events connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class View { Catalog, Instances, Billing };

    struct Dependencies
    {
        app::Session *session = nullptr;
        app::Settings *settings = nullptr;
        app::SecretStore *secrets = nullptr;
        app::SshKeys *keys = nullptr;
        app::LocalHost *localHost = nullptr; ///< local mode only
        DesktopIntegration *desktop = nullptr; ///< the tray and notifications; null: its own
    };

    explicit MainWindow(const Dependencies &deps, QWidget *parent = nullptr);

    void showView(View view);
    CatalogView *catalogView() { return m_catalog; }
    InstancesView *instancesView() { return m_instances; }
    BillingView *billingView() { return m_billing; }
    /// The market line of the status bar: "Starting the local market…", an error, …
    void setMarketStatus(const QString &text, bool error = false);
    /// Opens the launch dialog for an offer.
    void openLaunchDialog(const protocol::Offer &offer, int gpus, qint64 diskGb);
    /// Adds a page after Catalog, Instances and Billing (Datasets, Lend): a sidebar entry and
    /// a View menu action with `shortcut`. Returns the page's row in the sidebar.
    int addPage(const QString &title, QWidget *page, const QKeySequence &shortcut = {});
    /// Shows the page added with addPage().
    void showPage(QWidget *page);
    /// With a tray icon, closing the window hides it and the app keeps running (issue 8).
    void setKeepRunningOnClose(bool keep) { m_keepRunningOnClose = keep; }
    bool keepsRunningOnClose() const { return m_keepRunningOnClose; }
    /// Instance ready, guard stops, low balance, release and owner-return warnings (issue 7).
    dashboard::Notifier *notifier() { return m_notifier; }
    DesktopIntegration *notifications() { return m_notifications; }
    dashboard::SpendTracker *spendTracker() { return m_spend; }
    dashboard::TelemetryFeed *telemetryFeed() { return m_feed; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /// The Datasets page (issue 6), in mainwindow_datasets.cpp; nothing without sync/.
    void setupDatasets();
    /// Dashboard, cost guard, spend charts and notifications (issue 7), in
    /// mainwindow_dashboard.cpp.
    void setupDashboard();
    void editGuards(qint64 instanceId);
    void updateConnection();
    void updateBalance();
    void launch(const protocol::CreateInstanceRequest &request);
    void showMessage(const QString &title, const QString &text);

    Dependencies m_deps;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    CatalogView *m_catalog;
    InstancesView *m_instances;
    BillingView *m_billing;
    QLabel *m_market;
    QLabel *m_balance;
    QLabel *m_connection;
    QLabel *m_host;
    QTimer *m_countdown;
    QMenu *m_viewMenu = nullptr;
    QAction *m_viewSeparator = nullptr;
    bool m_keepRunningOnClose = false;
    /// "Uploading your 12 GB dataset takes about 4 min at 500 Mbit/s" for an offer (Datasets).
    std::function<QString(const protocol::Offer &)> m_uploadEstimate;
    dashboard::DashboardClient *m_dashClient = nullptr;
    dashboard::TelemetryFeed *m_feed = nullptr;
    dashboard::SpendTracker *m_spend = nullptr;
    dashboard::Notifier *m_notifier = nullptr;
    DesktopIntegration *m_notifications = nullptr;
};

} // namespace suanli::ui
