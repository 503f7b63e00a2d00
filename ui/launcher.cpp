#include "launcher.h"

#include "catalogview.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include "app/keychainsecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace suanli::ui {

Launcher::Launcher(const StartOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_session(&m_network)
    , m_keys(m_settings.dataFolder())
{
    const QString secretFile = m_settings.secretFileAllowed()
        ? QDir(m_settings.dataFolder()).filePath(u"secrets.json"_s)
        : QString();
    m_secrets = std::make_unique<app::KeychainSecretStore>(u"suanli"_s, secretFile);
}

Launcher::~Launcher()
{
    // The window and the local host talk to the session; they go first, the market last.
    m_window.reset();
    m_localHost.reset();
}

void Launcher::start()
{
    m_localHost.reset();
    if (m_options.local || (m_options.market.isEmpty() && m_settings.mode() == app::Settings::Mode::Local)) {
        startLocal();
    } else if (!m_options.market.isEmpty()) {
        startRemote(m_options.market);
    } else if (m_settings.mode() == app::Settings::Mode::Remote && m_settings.marketUrl().isValid()) {
        startRemote(m_settings.marketUrl());
    } else {
        askFirstRun();
    }
}

void Launcher::askFirstRun(const QUrl &prefill)
{
    auto *dialog = new FirstRunDialog(&m_network);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (prefill.isValid()) {
        dialog->urlEdit()->setText(prefill.toString());
        dialog->remoteButton()->click();
    }
    connect(dialog, &FirstRunDialog::localChosen, this, [this] {
        m_settings.setMode(app::Settings::Mode::Local);
        m_settings.sync();
        startLocal();
    });
    connect(dialog, &FirstRunDialog::marketChosen, this,
            [this](const QUrl &url, const QByteArray &token, const protocol::Account &) {
        m_settings.setMode(app::Settings::Mode::Remote);
        m_settings.setMarketUrl(url);
        m_settings.sync();
        m_secrets->write(SettingsDialog::tokenKey(url), QString::fromLatin1(token), this,
                         [](Result<void>) {});
        m_window = std::make_unique<MainWindow>(MainWindow::Dependencies{
            &m_session, &m_settings, m_secrets.get(), &m_keys, nullptr});
        connect(m_window->catalogView(), &CatalogView::firstPaint, this, &Launcher::catalogPainted);
        m_window->show();
        m_session.connectTo(url, token, false);
    });
    connect(dialog, &QDialog::rejected, dialog, [this] {
        if (!m_window)
            QCoreApplication::quit();
    });
    dialog->show();
}

void Launcher::startLocal()
{
    m_localMarket = std::make_unique<app::LocalMarket>(m_settings.dataFolder(),
                                                       quint16(m_settings.localPort()));
    m_localHost = std::make_unique<app::LocalHost>(m_session.client(), m_secrets.get(),
                                                   m_settings.dataFolder());
    // The window comes up at once, with the catalog's loading state, while the market starts.
    m_window = std::make_unique<MainWindow>(MainWindow::Dependencies{
        &m_session, &m_settings, m_secrets.get(), &m_keys, m_localHost.get()});
    connect(m_window->catalogView(), &CatalogView::firstPaint, this, &Launcher::catalogPainted);
    m_window->setMarketStatus(tr("Starting the local market…"));
    if (!m_options.background)
        m_window->show();
    connect(m_localMarket.get(), &app::LocalMarket::started, this,
            [this](const QUrl &url, const QByteArray &token) {
        m_session.connectTo(url, token, true);
        connect(&m_session, &app::Session::ready, m_localHost.get(),
                [this, url] { m_localHost->start(url); }, Qt::SingleShotConnection);
    });
    connect(m_localMarket.get(), &app::LocalMarket::failed, this, [this](const Error &error) {
        m_window->setMarketStatus(tr("The local market did not start: %1").arg(error.message), true);
    });
    m_localMarket->start();
}

void Launcher::startRemote(const QUrl &url)
{
    m_secrets->read(SettingsDialog::tokenKey(url), this, [this, url](Result<QString> token) {
        if (!token) {
            askFirstRun(url); // no token for this market (or only in a keychain that is gone)
            return;
        }
        m_window = std::make_unique<MainWindow>(MainWindow::Dependencies{
            &m_session, &m_settings, m_secrets.get(), &m_keys, nullptr});
        connect(m_window->catalogView(), &CatalogView::firstPaint, this, &Launcher::catalogPainted);
        if (!m_options.background)
            m_window->show();
        m_session.connectTo(url, token->toLatin1(), false);
    });
}

} // namespace suanli::ui
