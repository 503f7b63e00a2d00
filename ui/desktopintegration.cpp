#include "desktopintegration.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcDesktop, "suanli.desktop")

namespace suanli::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

bool isUrgent(const dashboard::Notification &n)
{
    return n.kind == dashboard::Notification::Kind::GuardStopped ||
           n.kind == dashboard::Notification::Kind::BalanceLow ||
           n.kind == dashboard::Notification::Kind::ReleaseSoon;
}
} // namespace

DesktopIntegration::DesktopIntegration(QObject *parent)
    : QObject(parent)
{}

DesktopIntegration::~DesktopIntegration() = default;

bool DesktopIntegration::isTrayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void DesktopIntegration::showTrayIcon()
{
    m_tray.show();
}

void DesktopIntegration::hideTrayIcon()
{
    m_tray.hide();
}

bool DesktopIntegration::trayTakesMessages() const
{
    return m_tray.isVisible() && QSystemTrayIcon::isSystemTrayAvailable() &&
           QSystemTrayIcon::supportsMessages();
}

DesktopIntegration::Channel DesktopIntegration::channel() const
{
    if (trayTakesMessages())
        return Channel::Tray;
    // No isServiceRegistered() check: that is a blocking round trip on the UI thread. The
    // asynchronous call's answer says whether the service exists.
    if (QDBusConnection::sessionBus().isConnected())
        return Channel::DBus;
    return Channel::None;
}

void DesktopIntegration::showInTray(const dashboard::Notification &n)
{
    const bool urgent = isUrgent(n);
    m_tray.showMessage(n.title, n.body,
                       urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                       urgent ? 15000 : 8000);
    emit shown(n, Channel::Tray);
}

void DesktopIntegration::notify(const dashboard::Notification &n)
{
    const Channel via = channel();
    if (via == Channel::Tray) {
        showInTray(n);
        return;
    }
    if (via == Channel::None) {
        emit shown(n, Channel::None);
        emit undelivered(n, QStringLiteral("no system tray and no session bus"));
        return;
    }
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, timeout).
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(isUrgent(n) ? 2 : 1)));
    // The desktop file id (org.suanli.Suanli.desktop, docs/packaging.md).
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.suanli.Suanli"));
    call << QCoreApplication::applicationName() << uint(0) << QStringLiteral("org.suanli.Suanli")
         << n.title << n.body << QStringList() << hints << int(-1);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, n](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (!reply.isError())
                    return;
                // A bus without a notification service (minimal desktops): the tray, when there is
                // one, still can; otherwise say so rather than drop it silently.
                if (trayTakesMessages()) {
                    showInTray(n);
                    return;
                }
                qCWarning(lcDesktop)
                    << "notification not shown:" << n.title << "-" << reply.error().message();
                emit undelivered(n, reply.error().message());
            });
    emit shown(n, Channel::DBus);
}

} // namespace suanli::ui
