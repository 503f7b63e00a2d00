#pragma once

#include "app/dashboard/notifier.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace suanli::ui::charts {

/// Shows the notifier's notifications on the desktop. With a tray icon in a system tray that
/// exists, through QSystemTrayIcon::showMessage (Windows, macOS, and Linux trays that speak
/// StatusNotifierItem, where Qt itself forwards to the desktop's notification service);
/// without one — no tray, or the app runs without its tray icon — straight to the freedesktop
/// notification service (org.freedesktop.Notifications over the session D-Bus), which every
/// Linux desktop runs. Where neither exists nothing is shown: the instances view and the
/// status bar carry the same facts.
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    enum class Channel { Tray, DBus, None };
    Q_ENUM(Channel)

    explicit DesktopNotifications(QObject *parent = nullptr);

    /// The app's tray icon, when it has one (contributor mode); may be null or go away.
    void setTrayIcon(QSystemTrayIcon *tray);
    /// Which way the next notification goes.
    Channel channel() const;
    void show(const suanli::dashboard::Notification &notification);

signals:
    /// Every notification shown, and how (tests, logs).
    void shown(const suanli::dashboard::Notification &notification,
               suanli::ui::charts::DesktopNotifications::Channel channel);

private:
    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace suanli::ui::charts
