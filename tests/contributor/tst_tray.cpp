// The contributor tray on a real X server (Xvfb) with a real system tray (trayer), run by
// with-tray-xvfb: the icon docks, its tooltip and icon follow the state, a right click opens
// the menu and clicking its items changes the state; the real app (Launcher, local mode,
// --tray) starts hidden in the tray, its menu acts, closing the window keeps it running and
// Quit ends its event loop; the X11 idle and fullscreen sources read the real server;
// without a tray the app would not start hidden.

#include "app/settings.h"
#include "client/marketclient.h"
#include "contributor/contributorcontroller.h"
#include "contributor/fullscreenprobe.h"
#include "contributor/systemidlesource.h"
#include "support/manualclock.h"
#include "ui/contributor/contributormode.h"
#include "ui/contributor/lendview.h"
#include "ui/contributor/trayicon.h"
#include "ui/desktopintegration.h"
#include "ui/launcher.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QWidget>

#include <signal.h>

using namespace Qt::StringLiterals;
using namespace suanli;
using host::LendingPolicy;

namespace {

struct FakeIdle final : host::IdleSource
{
    qint64 ms = 0;
    host::IdleReading read() override { return host::IdleReading::known(ms); }
    QString name() const override { return u"fake"_s; }
};

/// Settings of an app of its own (name prefix + the folder's name) for a real Launcher: local
/// mode in English, data in dir, and a local market port of its own (other tests run local
/// markets too). False when no port could be had.
bool freshLocalSettings(const QString &appPrefix, const QTemporaryDir &dir)
{
    QCoreApplication::setApplicationName(appPrefix + QFileInfo(dir.path()).fileName());
    QSettings().clear();
    QTcpServer free;
    if (!free.listen(QHostAddress::LocalHost, 0))
        return false;
    app::Settings settings;
    settings.setDataFolder(dir.filePath(u"data"_s));
    settings.setLanguage(u"en"_s);
    settings.setMode(app::Settings::Mode::Local);
    settings.setLocalPort(free.serverPort());
    settings.sync();
    return true;
}

int xdotool(const QStringList &args)
{
    return QProcess::execute(u"xdotool"_s, args);
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(10000);
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

/// Where the X server has the tray icon's window: its absolute geometry and whether it was
/// reparented into the tray (XEmbed). Qt's own QSystemTrayIcon::geometry() does not follow
/// the reparenting on X11, so ask the server.
struct Docking
{
    QRect geometry;
    bool embedded = false;
};

Docking docked()
{
    // Only one icon is visible at a time in these tests.
    QWidget *icon = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (qstrcmp(w->metaObject()->className(), "QSystemTrayIconSys") == 0 && w->isVisible())
            icon = w;
    }
    if (!icon)
        return {};
    const QString id = QString::number(icon->winId());
    const QString info = run(u"xwininfo"_s, {u"-id"_s, id});
    const auto field = [&info](const QString &name) {
        const QRegularExpression re(name + u":\\s+(-?\\d+)"_s);
        return re.match(info).captured(1).toInt();
    };
    Docking d;
    d.geometry = QRect(field(u"Absolute upper-left X"_s), field(u"Absolute upper-left Y"_s),
                       field(u"Width"_s), field(u"Height"_s));
    const QString tree = run(u"xwininfo"_s, {u"-children"_s, u"-id"_s, id});
    const QRegularExpression root(u"Root window id: (0x[0-9a-f]+)"_s);
    const QRegularExpression parent(u"Parent window id: (0x[0-9a-f]+)"_s);
    const QString parentId = parent.match(tree).captured(1);
    d.embedded = !parentId.isEmpty() && parentId != root.match(tree).captured(1);
    return d;
}

} // namespace

class TestTray : public QObject
{
    Q_OBJECT

    FakeIdle *idle = nullptr;
    test::ManualClock clock;
    std::unique_ptr<LendingPolicy> policy;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<client::MarketClient> market;
    std::unique_ptr<contributor::ContributorController> controller;
    std::unique_ptr<ui::TrayIcon> tray;

    QString tooltip() const { return tray->systemTrayIcon()->toolTip(); }
    /// Waits (at most `ms`) until the X server shows the menu exposed at a place that stayed
    /// the same for a few polls, so a click lands on the item under it.
    static void settle(QMenu *menu, int ms)
    {
        QRect last;
        int same = 0;
        (void)QTest::qWaitFor(
            [&] {
                const bool exposed =
                    menu->isVisible() && menu->windowHandle() && menu->windowHandle()->isExposed();
                same = exposed && menu->geometry() == last ? same + 1 : 0;
                last = menu->geometry();
                return same >= 5;
            },
            ms);
    }

    void clickMenuItem(QAction *action, ui::TrayIcon *icon = nullptr)
    {
        QMenu *menu = (icon ? icon : tray.get())->menu();
        const QRect r = docked().geometry;
        QVERIFY(r.width() > 0);
        // On a loaded machine the first click can land before trayer has mapped the icon:
        // click again, a few times, before calling it a failure.
        for (int attempt = 0; attempt < 4 && !menu->isVisible(); ++attempt) {
            // The icon's tooltip (long in the real app, so placed under the pointer at the
            // screen's edge) takes the click when it is up: put it away first.
            QToolTip::hideText();
            (void)QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 50);
            QVERIFY(xdotool({u"mousemove"_s, QString::number(r.center().x()),
                             QString::number(r.center().y()), u"click"_s, u"3"_s}) == 0);
            (void)QTest::qWaitFor([menu] { return menu->isVisible(); }, 3000);
        }
        QVERIFY(menu->isVisible());
        // Under load the first click can land while the menu is still being placed: click
        // the item again while the menu stays open.
        for (int attempt = 0; attempt < 3 && menu->isVisible(); ++attempt) {
            // Let the server map it at its final place.
            settle(menu, 100 + attempt * 400);
            QToolTip::hideText();
            const QPoint at = menu->mapToGlobal(menu->actionGeometry(action).center());
            QVERIFY(xdotool({u"mousemove"_s, QString::number(at.x()), QString::number(at.y()),
                             u"click"_s, u"1"_s}) == 0);
            (void)QTest::qWaitFor([menu] { return !menu->isVisible(); }, 3000);
        }
        QVERIFY(!menu->isVisible());
    }

    /// In the real app, clicks on the docked icon are not all delivered under Xvfb + trayer
    /// (about one run in three loses one; cause not found, docs/contributor.md). The real
    /// click is tried; when the action did not fire, it is triggered and a warning says so.
    /// What the app does with the action is asserted by the caller either way.
    void clickOrTrigger(QAction *action, ui::TrayIcon *icon)
    {
        QSignalSpy fired(action, &QAction::triggered);
        QMenu *menu = icon->menu();
        const QRect r = docked().geometry;
        for (int attempt = 0; attempt < 3 && !menu->isVisible(); ++attempt) {
            xdotool({u"mousemove"_s, QString::number(r.center().x()),
                     QString::number(r.center().y()), u"click"_s, u"3"_s});
            (void)QTest::qWaitFor([menu] { return menu->isVisible(); }, 2000);
        }
        for (int attempt = 0; attempt < 3 && menu->isVisible() && fired.isEmpty(); ++attempt) {
            settle(menu, 100 + attempt * 400);
            const QPoint at = menu->mapToGlobal(menu->actionGeometry(action).center());
            xdotool({u"mousemove"_s, QString::number(at.x()), QString::number(at.y()), u"click"_s,
                     u"1"_s});
            (void)QTest::qWaitFor([&fired] { return !fired.isEmpty(); }, 2000);
        }
        if (fired.isEmpty()) {
            qWarning("the click on \"%s\" was not delivered: triggered instead",
                     qPrintable(action->text()));
            menu->hide();
            action->trigger();
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QGuiApplication::platformName() == "xcb"_L1,
                 "run through with-tray-xvfb (an X server and trayer)");
        QTRY_VERIFY_WITH_TIMEOUT(ui::TrayIcon::isAvailable(), 10000);
        auto i = std::make_unique<FakeIdle>();
        idle = i.get();
        clock.setLocal(QDateTime(QDate(2026, 11, 23), QTime(15, 0)));
        policy = std::make_unique<LendingPolicy>(std::move(i), nullptr, &clock);
        network = std::make_unique<QNetworkAccessManager>();
        market = std::make_unique<client::MarketClient>(network.get());
        controller =
            std::make_unique<contributor::ContributorController>(policy.get(), market.get());
        tray = std::make_unique<ui::TrayIcon>(controller.get());
        tray->setMoneyFormat([](Micro m) { return u"¥%1"_s.arg(double(m) / 1e6, 0, 'f', 2); });
        policy->evaluate();
    }

    void iconDocksInTheTray()
    {
        QVERIFY(ui::TrayIcon::startHidden(true));
        tray->show();
        QVERIFY(tray->systemTrayIcon()->isVisible());
        // Docked: trayer reparented the icon's window into itself and it has a place on screen.
        QTRY_VERIFY_WITH_TIMEOUT(docked().embedded, 10000);
        const QRect r = docked().geometry;
        QVERIFY2(r.width() > 0 && r.height() > 0 && r.x() >= 0 && r.y() >= 0 &&
                     QRect(0, 0, 1024, 768).contains(r),
                 qPrintable(u"%1,%2 %3x%4"_s.arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
    }

    void tooltipAndIconFollowTheState()
    {
        QCOMPARE(policy->state(), LendingPolicy::State::WaitingForIdle);
        QVERIFY2(tooltip().startsWith(u"Suanli: waiting for idle\nyou are using this computer"_s),
                 qPrintable(tooltip()));
        idle->ms = 11 * 60'000;
        policy->evaluate();
        QCOMPARE(tooltip(), u"Suanli: listed, waiting for a renter"_s);
        controller->setListing(1'500'000, 100'000);
        policy->setRunningInstances({1});
        QCOMPARE(tooltip(), u"Suanli: rented, earning ¥1.35 per hour"_s);
        controller->setListing(1'500'000);
        QCOMPARE(tooltip(), u"Suanli: rented, earning ¥1.50 per hour before the platform fee"_s);
        policy->setRunningInstances({});
        const auto image = [](LendingPolicy::State s) {
            return ui::TrayIcon::iconFor(s).pixmap(22).toImage();
        };
        QCOMPARE(tray->systemTrayIcon()->icon().pixmap(22).toImage(),
                 image(LendingPolicy::State::Listed));
        QSet<QByteArray> distinct;
        for (auto s : {LendingPolicy::State::Off, LendingPolicy::State::WaitingForIdle,
                       LendingPolicy::State::Listed, LendingPolicy::State::Rented,
                       LendingPolicy::State::Paused, LendingPolicy::State::Error}) {
            const QImage img = image(s);
            distinct.insert(
                QByteArray(reinterpret_cast<const char *>(img.constBits()), img.sizeInBytes()));
        }
        QCOMPARE(distinct.size(), 6);
    }

    void menuItemsChangeTheState()
    {
        clickMenuItem(tray->pauseHourAction());
        QCOMPARE(policy->state(), LendingPolicy::State::Paused);
        QCOMPARE(policy->pausedUntil(), clock.nowLocal().addSecs(3600));
        QVERIFY2(tooltip().startsWith(u"Suanli: paused\npaused until"_s), qPrintable(tooltip()));
        QCOMPARE(tray->systemTrayIcon()->icon().pixmap(22).toImage(),
                 ui::TrayIcon::iconFor(LendingPolicy::State::Paused).pixmap(22).toImage());

        idle->ms = 0; // the owner is at the machine and wants it lent anyway
        clickMenuItem(tray->lendNowAction());
        QCOMPARE(policy->state(), LendingPolicy::State::Listed);
        QVERIFY(policy->lendingForced());

        clickMenuItem(tray->pauseTomorrowAction());
        QCOMPARE(policy->state(), LendingPolicy::State::Paused);
        QCOMPARE(policy->pausedUntil(), QDateTime(QDate(2026, 11, 24), QTime(0, 0)));

        QSignalSpy open(tray.get(), &ui::TrayIcon::openRequested);
        clickMenuItem(tray->openAction());
        QCOMPARE(open.count(), 1);
        QSignalSpy quit(tray.get(), &ui::TrayIcon::quitRequested);
        clickMenuItem(tray->quitAction());
        QCOMPARE(quit.count(), 1);
    }

    void x11IdleSourceReadsRealInput()
    {
        auto source = contributor::createX11IdleSource();
        QVERIFY(source);
        QTRY_VERIFY_WITH_TIMEOUT(source->read().idleMs >= 1500, 5000);
        QCOMPARE(source->read().status, host::IdleReading::Status::Known);
        QVERIFY(xdotool({u"mousemove_relative"_s, u"5"_s, u"5"_s}) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(source->read().idleMs < 1000, 2000);
        auto system = contributor::createSystemIdleSource();
        QTRY_COMPARE_WITH_TIMEOUT(system->read().status, host::IdleReading::Status::Known, 3000);
        QCOMPARE(system->name(), u"X11 XScreenSaver"_s);
    }

    void theRealAppStartsInTheTray()
    {
        tray->hide(); // the app's own icon is the one on screen now
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCoreApplication::setOrganizationName(u"SuanliTest"_s);
        QVERIFY(freshLocalSettings(u"suanli-tray-"_s, dir));

        // `suanli --tray`, as apps/suanli/main.cpp turns it into StartOptions.
        ui::StartOptions options;
        options.background = true;
        ui::Launcher launcher(options);
        launcher.start();
        QVERIFY(launcher.window());
        QVERIFY(!launcher.window()->isVisible()); // a tray exists: it starts hidden
        ui::ContributorMode *mode = launcher.contributor();
        QVERIFY(mode);
        ui::TrayIcon *icon = mode->tray();
        QVERIFY(icon);
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        QVERIFY(launcher.window()->keepsRunningOnClose());
        QTRY_VERIFY_WITH_TIMEOUT(docked().embedded, 10000);
        // One tray icon for contributor mode and the window's notifications: without a
        // notification service (none here) they still reach the desktop, through the tray.
        ui::DesktopIntegration *desktop = launcher.window()->notifications();
        QCOMPARE(desktop->trayIcon(), icon->systemTrayIcon());
        QSignalSpy shown(desktop, &ui::DesktopIntegration::shown);
        desktop->notify({dashboard::Notification::Kind::InstanceReady, 3, u"ready:3:1"_s,
                         u"train is ready"_s, u"1 × RTX 4090 is running"_s});
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(1).value<ui::DesktopIntegration::Channel>(),
                 ui::DesktopIntegration::Channel::Tray);
        LendingPolicy *appPolicy = mode->policy();
        QCOMPARE(appPolicy->state(), LendingPolicy::State::Off); // never lends by itself
        QVERIFY(launcher.window()->findChild<ui::LendView *>());

        clickOrTrigger(icon->lendNowAction(), icon);
        QVERIFY(appPolicy->lendingForced());
        QCOMPARE(appPolicy->state(), LendingPolicy::State::Listed);
        QVERIFY(mode->settings().lending().enabled); // saved: the next start lends too
        clickOrTrigger(icon->pauseHourAction(), icon);
        QCOMPARE(appPolicy->state(), LendingPolicy::State::Paused);
        QCOMPARE(appPolicy->reason(), LendingPolicy::Reason::ManualPause);
        clickOrTrigger(icon->pauseTomorrowAction(), icon);
        QCOMPARE(appPolicy->pausedUntil(), QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)));

        clickOrTrigger(icon->openAction(), icon);
        QTRY_VERIFY(launcher.window()->isVisible());
        launcher.window()->close();
        QTRY_VERIFY(!launcher.window()->isVisible());
        // Still running, still in the tray.
        QVERIFY(!QTest::qWaitFor([icon] { return !icon->systemTrayIcon()->isVisible(); }, 200));

        // Quit leaves the event loop, although the window refuses to close while a tray
        // exists. A loop that did not end would be ended with 2 after 30 s.
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, this, [] { QCoreApplication::exit(2); });
        guard.start(30'000);
        QTimer::singleShot(0, this, [this, icon] { clickOrTrigger(icon->quitAction(), icon); });
        QCOMPARE(QCoreApplication::exec(), 0);
        QVERIFY(guard.isActive());
        mode->tray()->hide();
    }

    void x11FullscreenProbeReadsTheActiveWindow()
    {
        // No window manager on this server: set the EWMH properties a window manager would,
        // with xprop on a real window, and read them back through the probe.
        auto probe = contributor::createX11FullscreenProbe();
        QVERIFY(probe);
        QWidget window;
        window.resize(200, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString id = QString::number(window.winId());
        QCOMPARE(QProcess::execute(u"xprop"_s, {u"-root"_s, u"-f"_s, u"_NET_ACTIVE_WINDOW"_s,
                                                u"32c"_s, u"-set"_s, u"_NET_ACTIVE_WINDOW"_s, id}),
                 0);
        QCOMPARE(QProcess::execute(u"xprop"_s,
                                   {u"-id"_s, id, u"-f"_s, u"_NET_WM_STATE"_s, u"32a"_s, u"-set"_s,
                                    u"_NET_WM_STATE"_s, u"_NET_WM_STATE_ABOVE"_s}),
                 0);
        QCOMPARE(probe->isFullscreen(), std::optional<bool>(false));
        QCOMPARE(QProcess::execute(u"xprop"_s,
                                   {u"-id"_s, id, u"-f"_s, u"_NET_WM_STATE"_s, u"32a"_s, u"-set"_s,
                                    u"_NET_WM_STATE"_s, u"_NET_WM_STATE_FULLSCREEN"_s}),
                 0);
        QVERIFY2(probe->isFullscreen() == std::optional<bool>(true),
                 qPrintable(run(u"xprop"_s, {u"-id"_s, id, u"_NET_WM_STATE"_s}) +
                            run(u"xprop"_s, {u"-root"_s, u"_NET_ACTIVE_WINDOW"_s})));
        QCOMPARE(
            QProcess::execute(u"xprop"_s, {u"-root"_s, u"-f"_s, u"_NET_ACTIVE_WINDOW"_s, u"32c"_s,
                                           u"-set"_s, u"_NET_ACTIVE_WINDOW"_s, u"0"_s}),
            0);
        QCOMPARE(probe->isFullscreen(), std::optional<bool>(false));
        QString why;
        QVERIFY(contributor::createSystemFullscreenProbe(&why)); // X11, not Wayland: supported
        QVERIFY(why.isEmpty());
        QVERIFY(!contributor::createX11FullscreenProbe(":99999")->isFullscreen());
    }

    void withoutTrayTheAppDoesNotStartHidden()
    {
        const qint64 trayer = qEnvironmentVariableIntValue("SUANLI_TRAYER_PID");
        QVERIFY2(trayer > 0, "with-tray-xvfb exports SUANLI_TRAYER_PID");
        tray->hide();
        QCOMPARE(::kill(pid_t(trayer), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!ui::TrayIcon::isAvailable(), 10000);
        QVERIFY(!ui::TrayIcon::startHidden(true));
        QVERIFY(!ui::TrayIcon::startHidden(false));

        // The real app with --tray and no tray: the window shows, and the status bar says why.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(freshLocalSettings(u"suanli-notray-"_s, dir));
        ui::StartOptions options;
        options.background = true;
        ui::Launcher launcher(options);
        launcher.start();
        QVERIFY(launcher.window()->isVisible());
        QVERIFY(!launcher.contributor()->tray());
        QVERIFY(!launcher.window()->keepsRunningOnClose());
        QVERIFY(launcher.window()->statusBar()->currentMessage().contains(u"No system tray"_s));
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
