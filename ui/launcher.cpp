#include "launcher.h"

#include "catalogview.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include "app/keychainsecretstore.h"
#include "app/moneyformat.h"

#ifdef SUANLI_HAVE_TRAY
#include "ui/contributor/contributormode.h"
#include "ui/contributor/lendview.h"
#include "ui/contributor/trayicon.h"

#include "host/hostengine.h"
#include "host/selftest.h"
#endif

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStatusBar>

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
#ifdef SUANLI_HAVE_TRAY
    delete m_contributor;
    m_contributor = nullptr;
#endif
}

void Launcher::createWindow(app::LocalHost *localHost)
{
    m_window = std::make_unique<MainWindow>(MainWindow::Dependencies{
        &m_session, &m_settings, m_secrets.get(), &m_keys, localHost, &m_desktop});
    connect(m_window->catalogView(), &CatalogView::firstPaint, this, &Launcher::catalogPainted);
    setupContributor();
}

void Launcher::showWindow(bool background)
{
#ifdef SUANLI_HAVE_TRAY
    const bool tray = m_contributor && m_contributor->tray();
#else
    const bool tray = false;
#endif
    if (background && tray)
        return;
    m_window->show();
    if (background)
        m_window->statusBar()->showMessage(
            tr("No system tray was found, so Suanli shows its window instead of starting in "
               "the background: closing it quits the app."));
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
        createWindow(nullptr);
        showWindow(false);
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
    m_hostFolder = m_settings.dataFolder();
    m_localHost = std::make_unique<app::LocalHost>(m_session.client(), m_secrets.get(),
                                                   m_hostFolder);
    // The window comes up at once, with the catalog's loading state, while the market starts.
    createWindow(m_localHost.get());
    followHost(m_localHost.get());
    m_window->setMarketStatus(tr("Starting the local market…"));
    showWindow(m_options.background);
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
        createWindow(nullptr);
        showWindow(m_options.background);
        m_session.connectTo(url, token->toLatin1(), false);
    });
}

// Contributor mode (issue 8, docs/contributor.md). Local mode binds the policy to LocalHost's
// engine; remote mode has no engine until the owner registers this machine in the wizard,
// which starts a LocalHost against the remote market (state in <data>/contributor).
void Launcher::setupContributor()
{
#ifdef SUANLI_HAVE_TRAY
    if (!m_contributor) {
        m_contributor = new ContributorMode(&m_network, {}, this);
        connect(m_contributor, &ContributorMode::openRequested, this, [this] {
            if (!m_window)
                return;
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        connect(m_contributor, &ContributorMode::quitRequested, this, [this] {
            // Quit asks every window to close first (Qt 6); the window must no longer refuse.
            if (m_window)
                m_window->setKeepRunningOnClose(false);
            QCoreApplication::quit();
        });
        connect(m_contributor, &ContributorMode::listingChosen, this,
                [this](Micro price, bool interruptible) { updateListing(price, interruptible); });
        connect(&m_session, &app::Session::ready, m_contributor,
                [this](const protocol::Account &account) {
            m_contributor->setMarket(m_session.marketUrl(), m_session.client()->token());
            m_contributor->setMoneyFormat([currency = account.currency](Micro amount) {
                return app::formatPrice(amount, currency, QLocale());
            });
            // Remote mode: a machine registered in an earlier run lends again.
            if (!m_localHost && m_contributor->settings().setupDone())
                registerThisMachine();
        });
        m_contributor->setMachine(LendWizard::Machine{
            [this] { registerThisMachine(); },
            [this]() -> std::unique_ptr<host::SelfTest> {
                const QDir data(m_hostFolder.isEmpty()
                                    ? QDir(m_settings.dataFolder()).filePath(u"contributor"_s)
                                    : m_hostFolder);
                host::HostConfig config = host::HostConfig::defaults();
                if (const QString ini = data.filePath(u"host.ini"_s); QFile::exists(ini)) {
                    if (auto loaded = host::HostConfig::load(ini))
                        config = *loaded;
                }
                config.stateDir = data.filePath(u"host"_s);
                return std::make_unique<host::SelfTest>(config,
                                                        std::make_unique<host::NvmlGpuProbe>());
            }});
        m_contributor->createTray(&m_desktop);
        if (m_contributor->tray())
            QApplication::setQuitOnLastWindowClosed(false);
    }
    m_window->addPage(tr("Lend"), m_contributor->createLendPage(), QKeySequence(u"Ctrl+5"_s));
    m_window->setKeepRunningOnClose(m_contributor->tray() != nullptr);
#endif
}

void Launcher::followHost(app::LocalHost *host)
{
#ifdef SUANLI_HAVE_TRAY
    if (!m_contributor || !host)
        return;
    const auto follow = [this, host](app::LocalHost::State state, const QString &detail) {
        using R = LendWizard::Registration;
        switch (state) {
        case app::LocalHost::State::Stopped:
            m_contributor->setRegistration(R::NotRegistered, detail);
            break;
        case app::LocalHost::State::Registering:
        case app::LocalHost::State::Starting:
            m_contributor->setRegistration(R::Working, detail);
            break;
        case app::LocalHost::State::Lending:
            m_contributor->setRegistration(R::Registered, detail);
            updateListing(std::nullopt, std::nullopt);
            break;
        case app::LocalHost::State::Unavailable:
        case app::LocalHost::State::Failed:
            m_contributor->setRegistration(R::Failed, detail);
            break;
        }
        if (host->engine())
            m_contributor->attachEngine(host->engine());
    };
    connect(host, &app::LocalHost::stateChanged, m_contributor, follow);
    follow(host->state(), host->detail());
#else
    Q_UNUSED(host);
#endif
}

void Launcher::registerThisMachine()
{
    if (!m_session.marketUrl().isValid())
        return;
    if (!m_localHost) {
        // Remote mode: the same engine as local mode, against the market the app uses, with
        // its own state folder so local mode's journal is never mixed with this one.
        m_hostFolder = QDir(m_settings.dataFolder()).filePath(u"contributor"_s);
        QDir().mkpath(m_hostFolder);
        m_localHost =
            std::make_unique<app::LocalHost>(m_session.client(), m_secrets.get(), m_hostFolder);
        followHost(m_localHost.get());
    } else if (m_localHost->state() != app::LocalHost::State::Failed &&
               m_localHost->state() != app::LocalHost::State::Stopped) {
        return; // registering, starting or lending already
    }
    m_localHost->start(m_session.marketUrl());
}

void Launcher::updateListing(std::optional<Micro> price, std::optional<bool> interruptible)
{
#ifdef SUANLI_HAVE_TRAY
    host::HostEngine *engine = m_contributor ? m_contributor->engine() : nullptr;
    if (!engine || !engine->hostId())
        return;
    const qint64 hostId = engine->hostId();
    m_session.client()->listHosts(this, [this, hostId, price, interruptible](
                                            Result<QList<protocol::Host>> hosts) {
        if (!hosts || !m_contributor)
            return;
        for (const protocol::Host &h : *hosts) {
            if (h.id != hostId)
                continue;
            if (!price && !interruptible) {
                m_contributor->controller()->setListingPrice(h.listing.price_gpu_hour_micro);
                return;
            }
            protocol::HostListing listing = h.listing;
            listing.listed = true;
            listing.price_gpu_hour_micro = price.value_or(listing.price_gpu_hour_micro);
            listing.interruptible = interruptible.value_or(listing.interruptible);
            m_session.client()->updateListing(
                hostId, listing, this, [this](Result<protocol::Host> updated) {
                    if (!updated) {
                        m_window->statusBar()->showMessage(
                            tr("This computer could not be listed: %1")
                                .arg(updated.error().message));
                        return;
                    }
                    if (m_contributor)
                        m_contributor->controller()->setListingPrice(
                            updated->listing.price_gpu_hour_micro);
                });
        }
    });
#else
    Q_UNUSED(price);
    Q_UNUSED(interruptible);
#endif
}

} // namespace suanli::ui
