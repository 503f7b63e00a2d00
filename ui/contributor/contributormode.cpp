#include "contributormode.h"

#include "lendview.h"
#include "trayicon.h"

#include "client/marketclient.h"
#include "contributor/fullscreenprobe.h"
#include "contributor/systemidlesource.h"
#include "host/hostengine.h"
#include "host/lendingbinding.h"

#include <QEvent>
#include <QScrollArea>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace suanli::ui {

namespace {

/// GPU use as the attached engine last sampled it (none before one is attached) plus this
/// desktop's fullscreen answer; an unknown fullscreen answer counts as "not fullscreen", and
/// the Lend view says where it cannot be known.
class AppGpuActivity final : public host::GpuActivitySource
{
public:
    AppGpuActivity(const QPointer<host::HostEngine> *engine,
                   contributor::FullscreenProbe *fullscreen)
        : m_engine(engine)
        , m_fullscreen(fullscreen)
    {}

    host::GpuActivity sample() override
    {
        host::GpuActivity a;
        if (const host::HostEngine *engine = m_engine->data())
            a = host::EngineGpuActivity(engine).sample();
        a.fullscreen = m_fullscreen && m_fullscreen->isFullscreen().value_or(false);
        return a;
    }

private:
    const QPointer<host::HostEngine> *m_engine;
    contributor::FullscreenProbe *m_fullscreen;
};

} // namespace

ContributorMode::ContributorMode(QNetworkAccessManager *network, const QString &settingsIni,
                                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(settingsIni)
{
    m_fullscreen = contributor::createSystemFullscreenProbe(&m_fullscreenWhy);
    m_policy = new host::LendingPolicy(
        contributor::createSystemIdleSource(),
        std::make_unique<AppGpuActivity>(&m_engine, m_fullscreen.get()), &m_clock, this);
    m_policy->setSettings(m_settings.lending());
    m_market = new client::MarketClient(network, this);
    m_controller = new contributor::ContributorController(m_policy, m_market, this, &m_clock);
    // Lend now from Off switches lending on: from then on the policy drives the engine.
    connect(m_policy, &host::LendingPolicy::stateChanged, this, [this] {
        if (m_policy->settings().enabled && !m_settings.lending().enabled)
            save(m_policy->settings(), m_settings.windowTexts().join(u", "_s));
        ensureBinding();
    });
    m_policy->start(2000);
}

ContributorMode::~ContributorMode()
{
    // The binding (the engine's child) uses the policy, which samples through m_engine and
    // m_fullscreen: binding, then policy, before the members go.
    delete m_binding.data();
    m_tray.reset();
    delete m_wizard.data();
    delete m_controller;
    delete m_policy;
}

bool ContributorMode::createTray(DesktopIntegration *desktop)
{
    if (!TrayIcon::isAvailable())
        return false;
    if (!m_tray) {
        m_tray = std::make_unique<TrayIcon>(m_controller, desktop);
        connect(m_tray.get(), &TrayIcon::openRequested, this, &ContributorMode::openRequested);
        connect(m_tray.get(), &TrayIcon::quitRequested, this, &ContributorMode::quitRequested);
        if (m_money)
            m_tray->setMoneyFormat(m_money);
    }
    m_tray->show();
    return true;
}

QWidget *ContributorMode::createLendPage()
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *view = new LendView(m_controller);
    view->setScheduleText(m_settings.windowTexts().join(u", "_s));
    view->setElectricity(m_settings.pricePerKwhMicro(), m_settings.powerW(),
                         m_settings.lendHoursPerDay());
    view->setFullscreenNote(m_fullscreenWhy);
    if (m_money)
        view->setMoneyFormat(m_money);
    connect(view, &LendView::settingsEdited, this, &ContributorMode::save);
    connect(view, &LendView::electricityEdited, this, [this, view] {
        m_settings.setPricePerKwhMicro(view->pricePerKwhMicro());
        m_settings.setPowerW(view->powerW());
        m_settings.setLendHoursPerDay(view->lendHoursPerDay());
        m_settings.sync();
    });
    connect(view, &LendView::setupRequested, this, [this, view] { openWizard(view->window()); });
    scroll->setWidget(view);
    scroll->installEventFilter(this);
    m_lendView = view;
    m_lendPage = scroll;
    return scroll;
}

bool ContributorMode::eventFilter(QObject *watched, QEvent *event)
{
    // First use: the Lend page offers the wizard once, the first time it is shown, until
    // lending has been set up.
    if (watched == m_lendPage && event->type() == QEvent::Show && !m_offeredSetup &&
        !m_settings.setupDone()) {
        m_offeredSetup = true;
        QTimer::singleShot(0, this, [this] {
            if (m_lendPage && m_lendPage->isVisible())
                openWizard(m_lendPage->window());
        });
    }
    return QObject::eventFilter(watched, event);
}

void ContributorMode::setMarket(const QUrl &baseUrl, const QByteArray &accountToken)
{
    m_market->setMarket(baseUrl, accountToken);
    m_controller->refreshEarnings();
}

void ContributorMode::setMoneyFormat(TrayText::MoneyFormat format)
{
    m_money = std::move(format);
    if (m_tray)
        m_tray->setMoneyFormat(m_money);
    if (m_lendView)
        m_lendView->setMoneyFormat(m_money);
    if (m_wizard)
        m_wizard->setMoneyFormat(m_money);
}

void ContributorMode::attachEngine(host::HostEngine *engine)
{
    if (!engine || engine == m_engine)
        return;
    m_engine = engine;
    m_controller->attachEngine(engine);
    connect(engine, &host::HostEngine::statusChanged, this, [this, engine](auto status) {
        if (status != host::HostEngine::Status::Online || m_pricingAsked)
            return;
        // The market's suggestion for this machine's kind: its first GPU's model, or "" for
        // a machine without GPUs (whole-machine prices).
        m_pricingAsked = true;
        const auto gpus = engine->machine().gpus;
        m_controller->requestPricing(gpus.isEmpty() ? QString() : gpus.first().model);
    });
    ensureBinding();
}

void ContributorMode::ensureBinding()
{
    if (m_engine && !m_binding && m_policy->settings().enabled) {
        // A child of the engine: when LocalHost drops its engine, the binding goes with it.
        m_binding = new host::LendingBinding(m_engine, m_policy, m_engine);
    }
    m_controller->setUnmanaged(m_engine && !m_binding);
}

void ContributorMode::save(const host::LendingSettings &settings, const QString &scheduleText)
{
    m_settings.setLending(settings, scheduleText.split(u',', Qt::SkipEmptyParts));
    m_settings.sync();
    ensureBinding();
}

void ContributorMode::setRegistration(LendWizard::Registration state, const QString &detail)
{
    m_registration = state;
    m_registrationDetail = detail;
    if (m_wizard)
        m_wizard->setRegistration(state, detail);
}

LendWizard *ContributorMode::openWizard(QWidget *parent)
{
    if (!m_wizard) {
        m_wizard = new LendWizard(m_controller, m_machine, parent);
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        m_wizard->setRegistration(m_registration, m_registrationDetail);
        m_wizard->setScheduleText(m_settings.windowTexts().join(u", "_s));
        m_wizard->setElectricity(m_settings.pricePerKwhMicro(), m_settings.powerW(),
                                 m_settings.lendHoursPerDay());
        if (m_money)
            m_wizard->setMoneyFormat(m_money);
        connect(m_wizard, &LendWizard::finishedSetup, this,
                [this](const host::LendingSettings &s, const QString &scheduleText,
                       const contributor::ListingPrices &prices, Micro kwh, double powerW,
                       double hours) {
                    m_settings.setPricePerKwhMicro(kwh);
                    m_settings.setPowerW(powerW);
                    m_settings.setLendHoursPerDay(hours);
                    m_settings.setSetupDone(true);
                    save(s, scheduleText);
                    if (m_lendView) {
                        m_lendView->setElectricity(kwh, powerW, hours);
                        m_lendView->setScheduleText(scheduleText);
                        m_lendView->reload();
                    }
                    emit listingChosen(prices, s.interruptible);
                });
    }
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
    return m_wizard;
}

} // namespace suanli::ui
