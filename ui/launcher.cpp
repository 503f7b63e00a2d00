#include "launcher.h"

#include "catalogview.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "payoutpanel.h"

#include "app/moneyformat.h"

#ifdef SUANLI_HAVE_TRAY
#include "ui/contributor/contributormode.h"
#include "ui/contributor/lendview.h"
#include "ui/contributor/trayicon.h"

#include "host/selftest.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace suanli::ui {

void addStartOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"local"_s, QCoreApplication::translate(
                         "main", "Run a market and a host agent in this app (local mode).")},
        {u"market"_s, QCoreApplication::translate("main", "Connect to the market at URL."),
         u"url"_s},
        {u"tray"_s, QCoreApplication::translate("main", "Start in the tray (contributor mode); "
                                                        "the window shows when no system tray "
                                                        "exists.")},
        {u"background"_s, QCoreApplication::translate("main", "Same as --tray.")},
    });
}

StartOptions startOptions(const QCommandLineParser &parser)
{
    StartOptions options;
    options.local = parser.isSet(u"local"_s);
    if (parser.isSet(u"market"_s))
        options.market = QUrl::fromUserInput(parser.value(u"market"_s));
    // The Launcher keeps the window hidden only when a tray can hold the app.
    options.background = parser.isSet(u"background"_s) || parser.isSet(u"tray"_s);
    return options;
}

Launcher::Launcher(const StartOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    // Remote mode creates the host agent when the owner registers this machine.
    connect(&m_context, &app::AppContext::localHostCreated, this, &Launcher::followHost);
}

Launcher::~Launcher()
{
    // The window and the host agent talk to the session; they go first, the market last.
    m_window.reset();
    m_context.destroyLocalHost();
#ifdef SUANLI_HAVE_TRAY
    delete m_contributor;
    m_contributor = nullptr;
#endif
}

void Launcher::createWindow()
{
    m_window = std::make_unique<MainWindow>(&m_context, &m_desktop);
    connect(m_window.get(), &MainWindow::signedOut, this, &Launcher::signedOut,
            Qt::QueuedConnection);
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
    m_context.destroyLocalHost();
    const app::Settings *settings = m_context.settings();
    if (m_options.local ||
        (m_options.market.isEmpty() && settings->mode() == app::Settings::Mode::Local)) {
        startLocal();
    } else if (!m_options.market.isEmpty()) {
        startRemote(m_options.market);
    } else if (settings->mode() == app::Settings::Mode::Remote && settings->marketUrl().isValid()) {
        startRemote(settings->marketUrl());
    } else {
        askFirstRun();
    }
}

void Launcher::activate(const StartOptions &requested)
{
    if (requested.background)
        return;
    if (!m_window) {
        // Still at the first-run question: that dialog is the window to bring up.
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->isVisible() && widget->isWindow()) {
                widget->raise();
                widget->activateWindow();
            }
        }
        return;
    }
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
    const bool otherMarket =
        (requested.local && !m_context.localMarket()) ||
        (requested.market.isValid() && requested.market != m_context.session()->marketUrl());
    if (otherMarket)
        m_window->statusBar()->showMessage(
            tr("Suanli is already running with another market: quit it from the tray or the "
               "Suanli menu, then start it again to switch."));
}

void Launcher::askFirstRun(const QUrl &prefill)
{
    auto *dialog = new FirstRunDialog(m_context.network());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (prefill.isValid()) {
        dialog->urlEdit()->setText(prefill.toString());
        dialog->remoteButton()->click();
    }
    connect(dialog, &FirstRunDialog::localChosen, this, [this] {
        m_context.settings()->setMode(app::Settings::Mode::Local);
        m_context.settings()->sync();
        startLocal();
    });
    connect(dialog, &FirstRunDialog::marketChosen, this,
            [this](const QUrl &url, const QByteArray &token, const protocol::Account &,
                   qint64 tokenId) {
                createWindow();
                showWindow(false);
                m_context.connectRemote(url, token, tokenId);
            });
    connect(dialog, &QDialog::rejected, dialog, [this] {
        if (!m_window)
            QCoreApplication::quit();
    });
    dialog->show();
}

void Launcher::signedOut()
{
    // Back to the first-run question for the same market; the window goes after the dialog
    // shows, so the app never has no window (the last one closing would quit it).
    const QUrl market = m_context.session()->marketUrl();
    askFirstRun(market);
    if (m_window) {
        m_window->setKeepRunningOnClose(false);
        m_window->hide();
        m_window.reset();
    }
}

void Launcher::startLocal()
{
    // The window comes up at once, with the catalog's loading state, while the market starts.
    m_context.startLocal();
    createWindow();
    followHost(m_context.localHost());
    m_window->setMarketStatus(tr("Starting the local market…"));
    showWindow(m_options.background);
    connect(&m_context, &app::AppContext::localMarketFailed, this, [this](const Error &error) {
        m_window->setMarketStatus(tr("The local market did not start: %1").arg(error.message), true);
    });
}

void Launcher::startRemote(const QUrl &url)
{
    m_context.readToken(url, this, [this, url](Result<QByteArray> token) {
        if (!token) {
            askFirstRun(url); // no token for this market (or only in a keychain that is gone)
            return;
        }
        createWindow();
        showWindow(m_options.background);
        m_context.connectTo(url, *token, false);
    });
}

// Contributor mode (docs/contributor.md): the tray, the Lend page and its wizard. Local mode
// binds the policy to the context's host agent; remote mode has none until the owner registers
// this machine in the wizard (AppContext::registerThisMachine).
void Launcher::setupContributor()
{
#ifdef SUANLI_HAVE_TRAY
    if (!m_contributor) {
        m_contributor = new ContributorMode(m_context.network(), {}, this);
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
                [this](const contributor::ListingPrices &prices, bool interruptible) {
                    updateListing([prices, interruptible](protocol::HostListing &listing) {
                        prices.applyTo(listing);
                        listing.interruptible = interruptible;
                    });
                });
        app::Session *session = m_context.session();
        connect(session, &app::Session::ready, m_contributor,
                [this, session](const protocol::Account &account) {
                    m_contributor->setMarket(session->marketUrl(), session->client()->token());
                    m_contributor->setMoneyFormat([currency = account.currency](Micro amount) {
                        return app::formatPrice(amount, currency, QLocale());
                    });
                    // Remote mode: a machine registered in an earlier run lends again.
                    if (!m_context.localHost() && m_contributor->settings().setupDone())
                        m_context.registerThisMachine();
                });
        m_contributor->setMachine(LendWizard::Machine{[this] { m_context.registerThisMachine(); },
                                                      [this]() -> std::unique_ptr<host::SelfTest> {
                                                          return m_context.makeSelfTest();
                                                      }});
        m_contributor->createTray(&m_desktop);
        if (m_contributor->tray())
            QApplication::setQuitOnLastWindowClosed(false);
    }
    m_window->addPage(tr("Lend"), m_contributor->createLendPage(), QKeySequence(u"Ctrl+5"_s));
    // ---- money out (issue 18): the lender's payouts on the Lend page ----
    if (LendView *lend = m_contributor->lendView()) {
        app::Session *session = m_context.session();
        lend->setPayoutPanel(new PayoutPanel(session->money(), [session](Micro amount) {
            return app::formatMoney(amount, session->account().currency, QLocale());
        }));
    }
    // ---- end money ----
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
            updateListing({});
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

void Launcher::updateListing(std::function<void(protocol::HostListing &)> edit)
{
#ifdef SUANLI_HAVE_TRAY
    if (!m_contributor || !m_contributor->engine())
        return;
    m_context.updateListing(std::move(edit), this, [this](Result<protocol::HostListing> listed) {
        if (!listed) {
            m_window->statusBar()->showMessage(
                tr("This computer could not be listed: %1").arg(listed.error().message));
            return;
        }
        if (m_contributor)
            m_contributor->controller()->setListingPrices(contributor::ListingPrices::of(*listed));
    });
#else
    Q_UNUSED(edit);
#endif
}

} // namespace suanli::ui
