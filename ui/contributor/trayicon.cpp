#include "trayicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace suanli::ui {

using State = host::LendingPolicy::State;

TrayIcon::TrayIcon(contributor::ContributorController *controller, DesktopIntegration *desktop,
                   QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_ownDesktop(desktop ? nullptr : std::make_unique<DesktopIntegration>())
    , m_desktop(desktop ? desktop : m_ownDesktop.get())
    , m_icon(m_desktop->trayIcon())
    , m_money(TrayText::moneyFormat({}, controller))
{
    m_status = m_menu.addAction(QString());
    m_status->setEnabled(false);
    m_menu.addSeparator();
    m_lendNow = m_menu.addAction(tr("Lend now"));
    m_pauseHour = m_menu.addAction(tr("Pause 1 h"));
    m_pauseTomorrow = m_menu.addAction(tr("Pause until tomorrow"));
    m_menu.addSeparator();
    m_open = m_menu.addAction(tr("Open Suanli"));
    m_quit = m_menu.addAction(tr("Quit"));
    host::LendingPolicy *policy = controller->policy();
    connect(m_lendNow, &QAction::triggered, policy, &host::LendingPolicy::lendNow);
    connect(m_pauseHour, &QAction::triggered, policy, [policy] { policy->pauseFor(3600); });
    connect(m_pauseTomorrow, &QAction::triggered, policy, &host::LendingPolicy::pauseUntilTomorrow);
    connect(m_open, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(&m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit openRequested();
            });
    connect(controller, &contributor::ContributorController::stateChanged, this, &TrayIcon::update);
    connect(controller, &contributor::ContributorController::rateChanged, this, &TrayIcon::update);
    connect(controller, &contributor::ContributorController::alarmsChanged, this,
            &TrayIcon::update);
    update();
}

TrayIcon::~TrayIcon()
{
    // The icon is the app's (DesktopIntegration): contributor mode's menu leaves with us.
    m_icon->setContextMenu(nullptr);
    m_desktop->hideTrayIcon();
}

bool TrayIcon::isAvailable()
{
    return DesktopIntegration::isTrayAvailable();
}

void TrayIcon::setMoneyFormat(TrayText::MoneyFormat format)
{
    m_money = TrayText::moneyFormat(std::move(format), m_controller);
    update();
}

void TrayIcon::show()
{
    m_desktop->showTrayIcon();
}

void TrayIcon::hide()
{
    m_desktop->hideTrayIcon();
}

QIcon TrayIcon::iconFor(State state)
{
    // A chip (the GPU) whose colour is the state, with a mark for paused and error, so the
    // state reads without colour too.
    QColor colour;
    switch (state) {
    case State::Off:
        colour = QColor(0x9e, 0x9e, 0x9e);
        break;
    case State::WaitingForIdle:
        colour = QColor(0x42, 0x85, 0xf4);
        break;
    case State::Listed:
        colour = QColor(0x34, 0xa8, 0x53);
        break;
    case State::Rented:
        colour = QColor(0xf9, 0xab, 0x00);
        break;
    case State::Paused:
        colour = QColor(0x80, 0x86, 0x8b);
        break;
    case State::Error:
        colour = QColor(0xd9, 0x30, 0x25);
        break;
    }
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal m = size / 8.0;
        QRectF chip(m, m, size - 2 * m, size - 2 * m);
        p.setPen(QPen(colour.darker(130), std::max(1.0, size / 16.0)));
        p.setBrush(colour);
        p.drawRoundedRect(chip, size / 8.0, size / 8.0);
        p.setPen(QPen(Qt::white, std::max(1.5, size / 10.0), Qt::SolidLine, Qt::RoundCap));
        const QPointF c = chip.center();
        const qreal r = chip.width() / 4;
        switch (state) {
        case State::Paused: // ‖
            p.drawLine(QPointF(c.x() - r / 2, c.y() - r), QPointF(c.x() - r / 2, c.y() + r));
            p.drawLine(QPointF(c.x() + r / 2, c.y() - r), QPointF(c.x() + r / 2, c.y() + r));
            break;
        case State::Error: // !
            p.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r / 4));
            p.drawPoint(QPointF(c.x(), c.y() + r));
            break;
        case State::Rented: // ¤ (earning)
            p.drawEllipse(c, r, r);
            break;
        case State::Listed: // ✓
            p.drawPolyline(
                QPolygonF({QPointF(c.x() - r, c.y()), QPointF(c.x() - r / 3, c.y() + r * 0.7),
                           QPointF(c.x() + r, c.y() - r * 0.7)}));
            break;
        case State::WaitingForIdle: // …
            for (int i = -1; i <= 1; ++i)
                p.drawPoint(QPointF(c.x() + i * r * 0.8, c.y()));
            break;
        case State::Off:
            break;
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

void TrayIcon::update()
{
    const host::LendingPolicy *policy = m_controller->policy();
    const State state = policy->state();
    m_icon->setIcon(iconFor(state));
    m_icon->setToolTip(TrayText::tooltip(*m_controller, m_money));
    m_status->setText(TrayText::stateName(state));
    m_lendNow->setEnabled(!(policy->lendingForced() && policy->isListed()));
    m_pauseHour->setEnabled(state != State::Off);
    m_pauseTomorrow->setEnabled(state != State::Off);
}

} // namespace suanli::ui
