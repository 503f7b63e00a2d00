// The app's desktop integration (ui/desktopintegration.h) on a session bus without a
// notification service, as on minimal desktops: a notification reaches the tray when its icon
// is shown, falls back to the tray when the bus refuses it, and is reported undelivered —
// never dropped silently — when there is no tray icon either. Runs under with-tray-xvfb and
// dbus-run-session (a private bus with no org.freedesktop.Notifications).

#include "ui/desktopintegration.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using ui::DesktopIntegration;

namespace {

dashboard::Notification notification()
{
    return {dashboard::Notification::Kind::InstanceReady, 3, u"ready:3:1"_s, u"train is ready"_s,
            u"1 × RTX 4090 is running"_s};
}

QIcon someIcon()
{
    QPixmap pixmap(22, 22);
    pixmap.fill(Qt::darkGreen);
    return QIcon(pixmap);
}

DesktopIntegration::Channel channelOf(const QSignalSpy &shown, int i)
{
    return shown.at(i).at(1).value<DesktopIntegration::Channel>();
}

} // namespace

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QGuiApplication::platformName() == "xcb"_L1,
                 "run through with-tray-xvfb and dbus-run-session");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "no session bus: dbus-run-session");
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
            u"org.freedesktop.Notifications"_s));
        QTRY_VERIFY_WITH_TIMEOUT(DesktopIntegration::isTrayAvailable(), 10000);
    }

    void withoutTrayIconTheRefusalIsReported()
    {
        DesktopIntegration desktop;
        QCOMPARE(desktop.channel(), DesktopIntegration::Channel::DBus);
        QSignalSpy shown(&desktop, &DesktopIntegration::shown);
        QSignalSpy undelivered(&desktop, &DesktopIntegration::undelivered);
        desktop.notify(notification());
        QCOMPARE(shown.size(), 1);
        QCOMPARE(channelOf(shown, 0), DesktopIntegration::Channel::DBus);
        QVERIFY(undelivered.wait(5000));
        QCOMPARE(undelivered.at(0).at(0).value<dashboard::Notification>().title,
                 u"train is ready"_s);
        QVERIFY(!undelivered.at(0).at(1).toString().isEmpty());
        QCOMPARE(shown.size(), 1);
    }

    void aShownTrayIconTakesTheNotification()
    {
        DesktopIntegration desktop;
        desktop.trayIcon()->setIcon(someIcon());
        desktop.showTrayIcon();
        QTRY_VERIFY(desktop.trayIcon()->isVisible());
        QCOMPARE(desktop.channel(), DesktopIntegration::Channel::Tray);
        QSignalSpy shown(&desktop, &DesktopIntegration::shown);
        QSignalSpy undelivered(&desktop, &DesktopIntegration::undelivered);
        desktop.notify(notification());
        QCOMPARE(shown.size(), 1);
        QCOMPARE(channelOf(shown, 0), DesktopIntegration::Channel::Tray);
        QVERIFY(!undelivered.wait(1000));
        desktop.hideTrayIcon();
    }

    void aRefusedCallFallsBackToTheTray()
    {
        DesktopIntegration desktop;
        desktop.trayIcon()->setIcon(someIcon());
        QSignalSpy shown(&desktop, &DesktopIntegration::shown);
        QSignalSpy undelivered(&desktop, &DesktopIntegration::undelivered);
        desktop.notify(notification()); // no icon yet: to the bus, which has no service
        QCOMPARE(channelOf(shown, 0), DesktopIntegration::Channel::DBus);
        desktop.showTrayIcon(); // the icon appears before the bus answers
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 5000);
        QCOMPARE(channelOf(shown, 1), DesktopIntegration::Channel::Tray);
        QCOMPARE(undelivered.size(), 0);
        desktop.hideTrayIcon();
    }
};

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
