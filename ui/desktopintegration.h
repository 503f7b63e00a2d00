#pragma once

#include "app/dashboard/notifier.h"

#include <QObject>
#include <QSystemTrayIcon>

namespace suanli::ui {

/// The app on the desktop: its one tray icon and its notifications (as qBittorrent's
/// desktopintegration). The icon exists always and is shown only when asked (contributor mode
/// shows it and fills its menu). A notification goes, in this order:
/// - through the tray icon when it is shown in a system tray that takes messages (Windows,
///   macOS, and Linux trays, where Qt itself forwards to the desktop's notification service);
/// - else to the freedesktop notification service (org.freedesktop.Notifications on the
///   session D-Bus). When that call is refused (no such service: a minimal desktop) it falls
///   back to the tray icon; with no tray icon either it is `undelivered`, and the window,
///   which the app then always shows, has it in its status bar.
class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    enum class Channel
    {
        Tray,
        DBus,
        None
    };
    Q_ENUM(Channel)

    explicit DesktopIntegration(QObject *parent = nullptr);
    ~DesktopIntegration() override;

    /// Whether a system tray exists now (the app never starts invisible without one).
    static bool isTrayAvailable();
    QSystemTrayIcon *trayIcon() { return &m_tray; }
    void showTrayIcon();
    void hideTrayIcon();

    /// Which way the next notification goes first.
    Channel channel() const;
    void notify(const suanli::dashboard::Notification &notification);

signals:
    /// Every notification sent, and how (tests, logs). A D-Bus call that is refused is
    /// followed by a second `shown` through the tray, or by `undelivered`.
    void shown(const suanli::dashboard::Notification &notification,
               suanli::ui::DesktopIntegration::Channel channel);
    /// Neither the tray nor a notification service took it; `why` is the bus's answer.
    void undelivered(const suanli::dashboard::Notification &notification, const QString &why);

private:
    bool trayTakesMessages() const;
    void showInTray(const suanli::dashboard::Notification &notification);

    QSystemTrayIcon m_tray;
};

} // namespace suanli::ui
