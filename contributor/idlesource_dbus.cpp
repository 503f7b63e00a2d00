#include "systemidlesource.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QElapsedTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

namespace {

/// Asks one D-Bus method for the idle time, asynchronously: each read() answers from the last
/// reply (plus the time since it came) and sends the next call if none is in flight.
class DBusIdleSource final : public IdleSource
{
public:
    DBusIdleSource(QString label, QString service, QString path, QString interface, QString method,
                   bool seconds)
        : m_label(std::move(label))
        , m_service(std::move(service))
        , m_path(std::move(path))
        , m_interface(std::move(interface))
        , m_method(std::move(method))
        , m_seconds(seconds)
    {}

    IdleReading read() override
    {
        if (!m_error.isEmpty())
            return IdleReading::unavailable(m_error);
        ask();
        if (!m_answered.isValid())
            return IdleReading::pending();
        return IdleReading::known(m_idleMs + m_answered.elapsed());
    }

    QString name() const override { return m_label; }

private:
    void ask()
    {
        if (m_watcher)
            return;
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            m_error = u"no D-Bus session bus"_s;
            return;
        }
        const QDBusMessage call =
            QDBusMessage::createMethodCall(m_service, m_path, m_interface, m_method);
        m_watcher = std::make_unique<QDBusPendingCallWatcher>(bus.asyncCall(call, 2000));
        QObject::connect(m_watcher.get(), &QDBusPendingCallWatcher::finished, m_watcher.get(),
                         [this](QDBusPendingCallWatcher *w) {
                             const QDBusMessage reply = w->reply();
                             if (reply.type() == QDBusMessage::ErrorMessage) {
                                 // Not running here (another desktop), or refuses us: for good.
                                 m_error = reply.errorMessage();
                             } else {
                                 const qint64 v = reply.arguments().value(0).toLongLong();
                                 m_idleMs = m_seconds ? v * 1000 : v;
                                 m_answered.start();
                             }
                             m_watcher.release()->deleteLater();
                         });
    }

    QString m_label, m_service, m_path, m_interface, m_method;
    bool m_seconds;
    QString m_error;
    qint64 m_idleMs = 0;
    QElapsedTimer m_answered;
    std::unique_ptr<QDBusPendingCallWatcher> m_watcher;
};

} // namespace

std::unique_ptr<IdleSource> createGnomeIdleSource()
{
    return std::make_unique<DBusIdleSource>(
        u"GNOME Mutter IdleMonitor"_s, u"org.gnome.Mutter.IdleMonitor"_s,
        u"/org/gnome/Mutter/IdleMonitor/Core"_s, u"org.gnome.Mutter.IdleMonitor"_s,
        u"GetIdletime"_s, false);
}

std::unique_ptr<IdleSource> createFreedesktopIdleSource()
{
    // KDE Plasma answers GetSessionIdleTime in milliseconds on Wayland and X11. (GNOME's
    // org.freedesktop.ScreenSaver answers "not supported", which marks this source failed.)
    return std::make_unique<DBusIdleSource>(
        u"org.freedesktop.ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s,
        u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s,
        u"GetSessionIdleTime"_s, false);
}

} // namespace suanli::contributor
