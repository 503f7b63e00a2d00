#pragma once

#include "lendview.h"
#include "lendwizard.h"
#include "traytext.h"

#include "contributor/contributorsettings.h"
#include "host/lendingbinding.h" // QPointer needs complete HostEngine and LendingBinding
#include "protocol/clock.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace suanli::client {
class MarketClient;
}

namespace suanli::contributor {
class FullscreenProbe;
}

namespace suanli::ui {

class DesktopIntegration;
class TrayIcon;

/// Contributor mode put together for the app (docs/contributor.md, "Wiring into the app"): the
/// lending policy over this desktop's idle and fullscreen sources, the controller and its
/// market reads, the saved settings, the tray icon (only where a system tray exists), the Lend
/// page and its setup wizard. The host agent engine arrives later (attachEngine): the engine
/// of local mode, or in remote mode the one started once this machine is registered.
class ContributorMode : public QObject
{
    Q_OBJECT
public:
    /// `settingsIni` empty: the app's settings; tests pass a file.
    explicit ContributorMode(QNetworkAccessManager *network, const QString &settingsIni = {},
                             QObject *parent = nullptr);
    ~ContributorMode() override;

    host::LendingPolicy *policy() const { return m_policy; }
    contributor::ContributorController *controller() const { return m_controller; }
    contributor::ContributorSettings &settings() { return m_settings; }

    /// Creates and shows the tray icon where a system tray exists now; false (and no icon)
    /// where none does: then the app must keep its window visible.
    bool createTray(DesktopIntegration *desktop = nullptr);
    TrayIcon *tray() const { return m_tray.get(); }
    /// The Lend page for the main window (the caller owns it). The first time it is shown,
    /// before lending was ever set up, it opens the setup wizard.
    QWidget *createLendPage();
    LendView *lendView() const { return m_lendView; }

    void setMarket(const QUrl &baseUrl, const QByteArray &accountToken);
    void setMoneyFormat(TrayText::MoneyFormat format);
    /// The engine that lends this machine. The policy drives it (availability, owner return)
    /// only once lending has been switched on: until then the engine runs as it did before
    /// contributor mode existed (local mode's machine stays available to its own market).
    void attachEngine(host::HostEngine *engine);
    host::HostEngine *engine() const { return m_engine; }
    bool policyDrivesEngine() const { return !m_binding.isNull(); }

    /// The wizard's hooks into the app, and where registration stands.
    void setMachine(LendWizard::Machine machine) { m_machine = std::move(machine); }
    void setRegistration(LendWizard::Registration state, const QString &detail);
    LendWizard::Registration registration() const { return m_registration; }
    /// Opens (or raises) the setup wizard.
    LendWizard *openWizard(QWidget *parent);
    LendWizard *wizard() const { return m_wizard; }

    /// Empty when a fullscreen app can be detected here; otherwise why not.
    QString fullscreenUnsupported() const { return m_fullscreenWhy; }

signals:
    void openRequested();
    void quitRequested();
    /// The wizard finished: list this machine at these prices, interruptible or on demand.
    void listingChosen(const suanli::contributor::ListingPrices &prices, bool interruptible);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ensureBinding();
    void save(const host::LendingSettings &settings, const QString &scheduleText);

    QNetworkAccessManager *m_network;
    SystemClock m_clock; ///< the policy's schedules and the controller's days
    contributor::ContributorSettings m_settings;
    std::unique_ptr<contributor::FullscreenProbe> m_fullscreen;
    QString m_fullscreenWhy;
    host::LendingPolicy *m_policy = nullptr;
    client::MarketClient *m_market = nullptr; ///< the lender's reads (earnings, pricing)
    contributor::ContributorController *m_controller = nullptr;
    std::unique_ptr<TrayIcon> m_tray;
    QPointer<LendView> m_lendView;
    QPointer<QWidget> m_lendPage;
    QPointer<LendWizard> m_wizard;
    QPointer<host::HostEngine> m_engine;
    QPointer<host::LendingBinding> m_binding;
    LendWizard::Machine m_machine;
    LendWizard::Registration m_registration = LendWizard::Registration::NotRegistered;
    QString m_registrationDetail;
    TrayText::MoneyFormat m_money;
    bool m_offeredSetup = false;
    bool m_pricingAsked = false;
};

} // namespace suanli::ui
