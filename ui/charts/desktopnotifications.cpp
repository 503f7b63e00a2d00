#include "desktopnotifications.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace suanli::ui::charts {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
}

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
}

void DesktopNotifications::setTrayIcon(QSystemTrayIcon *tray)
{
    m_tray = tray;
}

DesktopNotifications::Channel DesktopNotifications::channel() const
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable()
        && QSystemTrayIcon::supportsMessages())
        return Channel::Tray;
    // No isServiceRegistered() check: that is a blocking round trip on the UI thread. A bus
    // without the service just answers the asynchronous call with an error nobody waits for.
    if (QDBusConnection::sessionBus().isConnected())
        return Channel::DBus;
    return Channel::None;
}

void DesktopNotifications::show(const dashboard::Notification &n)
{
    const Channel via = channel();
    const bool urgent = n.kind == dashboard::Notification::Kind::GuardStopped
        || n.kind == dashboard::Notification::Kind::BalanceLow
        || n.kind == dashboard::Notification::Kind::ReleaseSoon;
    if (via == Channel::Tray) {
        m_tray->showMessage(n.title, n.body,
                            urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                            urgent ? 15000 : 8000);
    } else if (via == Channel::DBus) {
        // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, timeout):
        // asynchronous, the answer (an id) is not needed.
        QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService,
                                                           QStringLiteral("Notify"));
        QVariantMap hints;
        hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(urgent ? 2 : 1)));
        hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("suanli"));
        call << QCoreApplication::applicationName() << uint(0) << QStringLiteral("suanli")
             << n.title << n.body << QStringList() << hints << int(-1);
        QDBusConnection::sessionBus().asyncCall(call);
    }
    emit shown(n, via);
}

} // namespace suanli::ui::charts
