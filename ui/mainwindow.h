#pragma once

#include "app/appcontext.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QKeySequence;
class QLabel;
class QMenu;
class QListWidget;
class QStackedWidget;
class QTimer;


namespace suanli::ui {

class BillingView;
class DesktopIntegration;
class CatalogView;
class InstancesView;

/// The renter's window: a sidebar (Catalog, Instances, Billing), the views, and a status bar
/// with the market, the balance and the state of the events connection. It builds widgets
/// only: what they show comes from the app context, which owns and wires the app's parts.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class View { Catalog, Instances, Billing };

    /// The status bar follows the context's host agent when it has one now (local mode).
    /// `desktop`: the tray icon and notifications shared with contributor mode; null: its own.
    explicit MainWindow(app::AppContext *context, DesktopIntegration *desktop = nullptr,
                        QWidget *parent = nullptr);

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
    /// With a tray icon, closing the window hides it and the app keeps running.
    void setKeepRunningOnClose(bool keep) { m_keepRunningOnClose = keep; }
    bool keepsRunningOnClose() const { return m_keepRunningOnClose; }
    /// Instance ready, guard stops, low balance, release and owner-return warnings, shown on
    /// the desktop and in the status bar.
    DesktopIntegration *notifications() { return m_notifications; }

signals:
    /// Account → Sign out finished: this computer's key is revoked and forgotten.
    void signedOut();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /// The Datasets page (docs/sync.md), in mainwindow_datasets.cpp; nothing without sync/.
    void setupDatasets();
    /// Dashboard, cost guard, spend charts and notifications, in mainwindow_dashboard.cpp.
    void setupDashboard();
    /// Saved images (mainwindow_images.cpp): "Save as image…" and "My images…".
    void setupImages(QMenu *menu);
    void editGuards(qint64 instanceId);
    void updateConnection();
    void updateBalance();
    void showMessage(const QString &title, const QString &text);

    app::AppContext *m_context;
    app::Session *m_session;
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
    DesktopIntegration *m_notifications = nullptr;
};

} // namespace suanli::ui
