#include "eventrelay.h"

#include "database.h"

#include <QDateTime>
#include <QSqlDriver>

using namespace Qt::StringLiterals;

namespace suanli::server {

EventRelay::EventRelay(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_uptime.start();
}

void EventRelay::listen()
{
    if (!m_db)
        return;
    // Events and agent commands caused through another market process arrive here; relayed
    // telemetry arrives on the telemetry thread's connection, which sends this process's.
    QSqlDriver *driver = m_db->handle().driver();
    for (const QString &channel :
         {u"suanli_events"_s, u"suanli_commands"_s, u"suanli_offers"_s, u"suanli_listeners"_s})
        driver->subscribeToNotification(channel);
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source,
                   const QVariant &payload) {
                onNotification(name, source == QSqlDriver::SelfSource, payload);
            });
    // Ask the other processes which accounts have an app connected to them.
    (void)m_db->exec(u"SELECT pg_notify('suanli_listeners', '?')"_s);
}

bool EventRelay::sendEvent(qint64 accountId, const QByteArray &event)
{
    if (!m_db)
        return false;
    // Every process (this one included) hears the notification and tells its own sockets.
    const QByteArray payload = QByteArray::number(accountId) + ' ' + event;
    if (payload.size() < kNotifyPayloadMax)
        return m_db->exec(u"SELECT pg_notify('suanli_events', ?)"_s, {QString::fromUtf8(payload)})
            .ok();
    // Too long for a NOTIFY (docs/market.md, "PostgreSQL and several processes"): the row
    // first, then its id; a row is read by every process within moments, so old ones go.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    (void)m_db->exec(u"DELETE FROM relay_events WHERE created_at < ?"_s, {now - kLargeEventKeepMs});
    auto id =
        m_db->scalar(u"INSERT INTO relay_events (payload, created_at) VALUES (?, ?) RETURNING id"_s,
                     {QString::fromUtf8(payload), now});
    if (!id || id->isNull())
        return false;
    ++m_largeEventsSent;
    return m_db
        ->exec(u"SELECT pg_notify('suanli_events', ?)"_s,
               {QString(u"@"_s + QString::number(id->toLongLong()))})
        .ok();
}

void EventRelay::sendCommandsQueued(qint64 hostId)
{
    if (m_db)
        (void)m_db->exec(u"SELECT pg_notify('suanli_commands', ?)"_s, {QString::number(hostId)});
}

void EventRelay::announceListener(qint64 accountId)
{
    if (m_db)
        (void)m_db->exec(u"SELECT pg_notify('suanli_listeners', ?)"_s,
                         {QString(u"+"_s + QString::number(accountId))});
}

void EventRelay::announceListeners(const QList<qint64> &accounts, bool force)
{
    if (!m_db)
        return;
    const qint64 now = m_uptime.elapsed();
    if (!force && now - m_lastAnnounceMs < kAnnounceEveryMs)
        return;
    m_lastAnnounceMs = now;
    for (qint64 accountId : accounts)
        announceListener(accountId);
    // Forget remote listeners nobody re-announced.
    for (auto it = m_remoteListeners.begin(); it != m_remoteListeners.end();) {
        if (it.value() <= now)
            it = m_remoteListeners.erase(it);
        else
            ++it;
    }
}

bool EventRelay::hasRemoteListener(qint64 accountId) const
{
    return m_db && m_remoteListeners.value(accountId) > m_uptime.elapsed();
}

void EventRelay::queueTelemetry(qint64 accountId, const QByteArray &event)
{
    QByteArray &pending = m_remoteTelemetry[accountId];
    if (pending.size() + event.size() + 32 > kNotifyPayloadMax)
        flushTelemetry(accountId);
    if (event.size() + 32 <= kNotifyPayloadMax) {
        QByteArray &batch = m_remoteTelemetry[accountId];
        if (batch.isEmpty())
            batch = QByteArray::number(accountId);
        batch += '\n' + event;
    }
}

void EventRelay::flushTelemetry(qint64 accountId)
{
    QByteArray batch = m_remoteTelemetry.take(accountId);
    if (!batch.isEmpty())
        m_telemetryOut.append(std::move(batch));
}

QList<QByteArray> EventRelay::takeTelemetry()
{
    const auto accounts = m_remoteTelemetry.keys();
    for (qint64 accountId : accounts)
        flushTelemetry(accountId);
    return std::exchange(m_telemetryOut, {});
}

void EventRelay::onNotification(const QString &name, bool fromSelf, const QVariant &payload)
{
    const QByteArray bytes = payload.toString().toUtf8();
    if (name == "suanli_events"_L1) {
        if (bytes.startsWith('@')) {
            // A large event, stored by its sender (sendEvent).
            auto stored = m_db->scalar(u"SELECT payload FROM relay_events WHERE id = ?"_s,
                                       {bytes.mid(1).toLongLong()});
            if (!stored || stored->isNull())
                return;
            const QByteArray event = stored->toString().toUtf8();
            const qsizetype space = event.indexOf(' ');
            if (space > 0)
                emit eventArrived(event.left(space).toLongLong(), event.mid(space + 1));
            return;
        }
        const qsizetype space = bytes.indexOf(' ');
        if (space > 0)
            emit eventArrived(bytes.left(space).toLongLong(), bytes.mid(space + 1));
    } else if (name == "suanli_commands"_L1) {
        emit commandsQueued(bytes.toLongLong());
    } else if (name == "suanli_offers"_L1) {
        if (!fromSelf)
            emit offersChanged();
    } else if (name == "suanli_telemetry"_L1 && !fromSelf) {
        // "ACCOUNT\nEVENT\nEVENT…", already delivered to the sending process's own apps.
        const QList<QByteArray> lines = bytes.split('\n');
        const qint64 accountId = lines.value(0).toLongLong();
        for (qsizetype i = 1; i < lines.size(); ++i)
            emit eventArrived(accountId, lines[i]);
    } else if (name == "suanli_listeners"_L1 && !fromSelf) {
        if (bytes == "?")
            emit listenersAsked();
        else if (bytes.startsWith('+'))
            m_remoteListeners.insert(bytes.mid(1).toLongLong(),
                                     m_uptime.elapsed() + kListenerTtlMs);
    }
}

} // namespace suanli::server
