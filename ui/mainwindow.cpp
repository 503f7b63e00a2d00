#include "mainwindow.h"

#include "accountdialog.h"
#include "billingview.h"
#include "catalogfilterbar.h"
#include "catalogview.h"
#include "instancesview.h"
#include "launchdialog.h"
#include "settingsdialog.h"

#include "app/moneyformat.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QLabel>
#include <QListWidget>
#include <QAction>
#include <QMenuBar>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;
using suanli::client::EventStream;

namespace suanli::ui {

MainWindow::MainWindow(app::AppContext *context, DesktopIntegration *desktop, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_session(context->session())
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_catalog(new CatalogView(m_session->catalog(), this))
    , m_instances(new InstancesView(m_session->instances(), this))
    , m_billing(new BillingView(m_session->billing(), this))
    , m_market(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_host(new QLabel(this))
    , m_countdown(new QTimer(this))
    , m_notifications(desktop)
{
    setObjectName(u"mainWindow"_s);
    m_billing->setMoney(m_session->money()); // "Top up…" (issue 18)
    setWindowTitle(tr("Suanli"));
    setWindowIcon(QIcon(u":/icons/suanli.svg"_s));
    resize(1360, 820);

    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->addItem(tr("Catalog"));
    m_sidebar->addItem(tr("Instances"));
    m_sidebar->addItem(tr("Billing"));
    m_sidebar->setFixedWidth(qMax(120, fontMetrics().horizontalAdvance(tr("Instances")) + 48));
    m_sidebar->setSpacing(2);
    QFont sideFont = m_sidebar->font();
    sideFont.setPointSizeF(sideFont.pointSizeF() * 1.1);
    m_sidebar->setFont(sideFont);
    app::AccessController *access = context->access();
    access->setOpenUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); });
    m_instances->setAccess(access);
    m_pages->addWidget(m_catalog);
    m_pages->addWidget(m_instances);
    m_pages->addWidget(m_billing);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    QMenu *file = menuBar()->addMenu(tr("&Suanli"));
    file->addAction(tr("&Settings…"), this, [this] {
        auto *dialog = new SettingsDialog(m_context->settings(), m_context->secrets(), this);
        dialog->setSshKeys(m_context->keys(), m_session->marketUrl());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    // The account's keys, password and sign-out; a local market has no sign-in of its own.
    QAction *account = file->addAction(tr("&Account…"), this, [this] {
        auto *dialog = new AccountDialog(m_context, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &AccountDialog::signedOut, this, &MainWindow::signedOut);
        dialog->open();
    });
    account->setObjectName(u"accountAction"_s);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Catalog"), QKeySequence(u"Ctrl+1"_s), this, [this] { showView(View::Catalog); });
    view->addAction(tr("&Instances"), QKeySequence(u"Ctrl+2"_s), this, [this] { showView(View::Instances); });
    view->addAction(tr("&Billing"), QKeySequence(u"Ctrl+3"_s), this, [this] { showView(View::Billing); });
    m_viewMenu = view;
    m_viewSeparator = view->addSeparator();
    view->addAction(tr("&Reload"), QKeySequence::Refresh, this, [this] {
        m_session->catalog()->reload();
        m_session->instances()->reload();
        m_session->billing()->reload();
    });

    m_market->setObjectName(u"marketStatus"_s);
    m_balance->setObjectName(u"balanceStatus"_s);
    m_connection->setObjectName(u"connectionStatus"_s);
    m_host->setObjectName(u"hostStatus"_s);
    statusBar()->addWidget(m_market);
    statusBar()->addWidget(m_host, 1);
    statusBar()->addPermanentWidget(m_balance);
    statusBar()->addPermanentWidget(m_connection);
    setMarketStatus(tr("Connecting…"));

    app::Session *session = m_session;
    connect(session, &app::Session::ready, this, [this](const protocol::Account &) {
        const QUrl url = m_session->marketUrl();
        const QString where = u"%1:%2"_s.arg(url.host()).arg(url.port());
        setMarketStatus(m_session->isLocal() ? tr("Local market · %1").arg(where)
                                             : tr("Market · %1").arg(url.host()));
        m_catalog->setCurrency(m_session->account().currency);
        m_instances->setCurrency(m_session->account().currency);
        updateBalance();
    });
    const auto retention = [this] {
        const auto &info = m_session->marketInfo();
        m_instances->setRetentionDays(info ? std::optional(info->retention_days) : std::nullopt);
    };
    connect(session, &app::Session::marketInfoChanged, this, retention);
    retention();
    connect(session, &app::Session::failed, this, [this](const Error &error) {
        setMarketStatus(tr("Cannot sign in: %1").arg(error.message), true);
    });
    connect(session->events(), &client::EventStream::stateChanged, this, &MainWindow::updateConnection);
    connect(session->billing(), &app::BillingController::balanceChanged, this, &MainWindow::updateBalance);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &MainWindow::updateConnection);
    updateConnection();
    updateBalance();

    if (app::LocalHost *localHost = context->localHost()) {
        connect(localHost, &app::LocalHost::stateChanged, this,
                [this](app::LocalHost::State, const QString &detail) {
                    m_host->setText(detail);
                    m_host->setToolTip(detail);
                });
        m_host->setText(localHost->detail());
    }
    if (app::SecretStore *secrets = context->secrets()) {
        connect(secrets, &app::SecretStore::kindChanged, this,
                [this](app::SecretStore::Kind kind, const QString &why) {
                    if (kind == app::SecretStore::Kind::Memory)
                        statusBar()->showMessage(
                            tr("No keychain answers (%1): tokens are kept in memory "
                               "for this session only. Settings offers a private "
                               "file instead.")
                                .arg(why),
                            15000);
                });
    }

    connect(m_catalog, &CatalogView::rentRequested, this, &MainWindow::openLaunchDialog);
    connect(session->instances(), &app::InstancesController::launched, this,
            [this](const protocol::Instance &instance) {
        showView(View::Instances);
        m_instances->selectInstance(instance.id);
    });
    connect(session->instances(), &app::InstancesController::launchFailed, this,
            [this](const Error &error) {
        QString text = error.message;
        if (error.code == "insufficient_balance"_L1)
            text = tr("Your balance is too low for this rental. Redeem a voucher in Billing.");
        else if (error.code == "gpus_unavailable"_L1)
            text = tr("Someone rented these GPUs a moment ago. Pick another offer.");
        showMessage(tr("Cannot launch"), text);
    });
    connect(m_instances, &InstancesView::findMatchingOffer, this,
            [this](const QString &gpuModel, int gpuCount) {
        showView(View::Catalog);
        QString query = u"gpus>=%1"_s.arg(qMax(1, gpuCount));
        if (!gpuModel.isEmpty())
            query.prepend(u"gpu=%1 "_s.arg(QString(gpuModel).replace(u' ', u'_')));
        m_catalog->filterBar()->setQueryText(query);
    });

    setupDashboard();
    setupDatasets();
    setupImages(file);

    if (!context->settings()->windowGeometry().isEmpty())
        restoreGeometry(context->settings()->windowGeometry());
}

void MainWindow::showView(View view)
{
    m_sidebar->setCurrentRow(int(view));
}

int MainWindow::addPage(const QString &title, QWidget *page, const QKeySequence &shortcut)
{
    m_pages->addWidget(page);
    m_sidebar->addItem(title);
    m_sidebar->setFixedWidth(qMax(m_sidebar->width(), fontMetrics().horizontalAdvance(title) + 48));
    auto *action = new QAction(title, m_viewMenu);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
    m_viewMenu->insertAction(m_viewSeparator, action);
    return m_sidebar->count() - 1;
}

void MainWindow::showPage(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_sidebar->setCurrentRow(index);
}

void MainWindow::setMarketStatus(const QString &text, bool error)
{
    m_market->setText(text);
    m_market->setStyleSheet(error ? u"color: #b42318;"_s : QString());
}

void MainWindow::updateBalance()
{
    auto *billing = m_session->billing();
    m_balance->setText(billing->hasBalance()
                           ? tr("Balance %1").arg(app::formatMoney(billing->balance(),
                                                                   billing->currency(), QLocale()))
                           : QString());
}

void MainWindow::updateConnection()
{
    const auto *events = m_session->events();
    QString text;
    QString color = u"#667085"_s;
    switch (events->state()) {
    case client::EventStream::State::Connected:
        text = tr("● Live");
        color = u"#067647"_s;
        break;
    case client::EventStream::State::Connecting:
        text = tr("Connecting…");
        break;
    case client::EventStream::State::WaitingToReconnect:
        text = tr("Offline · retrying in %n s", nullptr, (events->reconnectInMs() + 999) / 1000);
        color = u"#b54708"_s;
        break;
    case client::EventStream::State::Unauthorized:
        text = tr("Token refused");
        color = u"#b42318"_s;
        break;
    case client::EventStream::State::Disconnected:
        text = tr("Not connected");
        break;
    }
    if (events->state() == client::EventStream::State::WaitingToReconnect)
        m_countdown->start();
    else
        m_countdown->stop();
    m_connection->setText(text);
    m_connection->setStyleSheet(u"color: %1; padding: 0 6px;"_s.arg(color));
}

void MainWindow::openLaunchDialog(const protocol::Offer &offer, int gpus, qint64 diskGb)
{
    auto *dialog =
        new LaunchDialog(m_session->client(), offer, m_session->account().currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (gpus > 0)
        dialog->setGpuCount(gpus);
    dialog->setDiskGb(diskGb);
    if (m_uploadEstimate)
        dialog->setUploadEstimate(m_uploadEstimate(offer));
    if (const auto &info = m_session->marketInfo())
        dialog->setRetentionDays(info->retention_days);
    connect(m_session, &app::Session::marketInfoChanged, dialog, [this, dialog] {
        const auto &info = m_session->marketInfo();
        dialog->setRetentionDays(info ? std::optional(info->retention_days) : std::nullopt);
    });
    // The controller puts this market's public key into the request.
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_session->instances()->launch(dialog->request()); });
    dialog->open();
}

void MainWindow::showMessage(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_context->settings()->setWindowGeometry(saveGeometry());
    if (m_keepRunningOnClose) {
        // The tray icon stays; lending and the market connection go on without the window.
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace suanli::ui
