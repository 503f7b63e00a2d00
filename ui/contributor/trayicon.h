#pragma once

#include "traytext.h"

#include "ui/desktopintegration.h"

#include <QAction>
#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>

#include <memory>

namespace suanli::ui {

/// Contributor mode in the system tray: an icon and tooltip per lending state and the menu
/// Lend now / Pause 1 h / Pause until tomorrow / Open Suanli / Quit. It acts on the policy
/// directly and asks the app, by signal, to show the window or to quit. The icon itself is the
/// app's DesktopIntegration one, so notifications go through the same tray; without one given,
/// the tray icon makes its own.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(contributor::ContributorController *controller, DesktopIntegration *desktop = nullptr,
             QObject *parent = nullptr);
    ~TrayIcon() override;

    /// Whether a tray exists now. When it does not, the app must show its window: it never
    /// starts invisible (`suanli --tray` without a tray opens the window and says why).
    static bool isAvailable();
    /// For `suanli --tray` / `--background`: start hidden only when a tray can hold us.
    static bool startHidden(bool trayOrBackgroundRequested)
    {
        return trayOrBackgroundRequested && isAvailable();
    }

    void setMoneyFormat(TrayText::MoneyFormat format);
    void show();
    void hide();

    QSystemTrayIcon *systemTrayIcon() { return m_icon; }
    DesktopIntegration *desktop() { return m_desktop; }
    QMenu *menu() { return &m_menu; }
    QAction *lendNowAction() { return m_lendNow; }
    QAction *pauseHourAction() { return m_pauseHour; }
    QAction *pauseTomorrowAction() { return m_pauseTomorrow; }
    QAction *openAction() { return m_open; }
    QAction *quitAction() { return m_quit; }
    /// The icon of a state (drawn, so it follows the state without image files).
    static QIcon iconFor(host::LendingPolicy::State state);

signals:
    void openRequested();
    void quitRequested();

private:
    void update();

    contributor::ContributorController *m_controller;
    std::unique_ptr<DesktopIntegration> m_ownDesktop; ///< only when none was given
    DesktopIntegration *m_desktop;
    QSystemTrayIcon *m_icon;
    QMenu m_menu;
    QAction *m_status = nullptr;
    QAction *m_lendNow = nullptr;
    QAction *m_pauseHour = nullptr;
    QAction *m_pauseTomorrow = nullptr;
    QAction *m_open = nullptr;
    QAction *m_quit = nullptr;
    TrayText::MoneyFormat m_money; ///< always set: TrayText::moneyFormat
};

} // namespace suanli::ui
