#include "market.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace suanli::server {

// How events reach apps, in this process and across market processes on one PostgreSQL.
//
// Instance and balance events are rare and must arrive in order: on PostgreSQL they go through
// NOTIFY suanli_events, which every process (this one included) hears and hands to its own
// sockets. Telemetry is a thousand times more frequent and only matters to an app that is
// open: it is serialised only when some process has an app of that account connected, handed
// to local sockets directly, and sent to the other processes batched per account once per
// flush on suanli_telemetry. Which accounts have an app where is learned on
// suanli_listeners ("+ID" when a process gains one, "?" when a process starts and asks);
// each process re-announces its accounts every 30 s and forgets remote ones not heard of
// for 75 s, so a crashed process is forgotten.

namespace {

constexpr qint64 kAnnounceEveryMs = 30'000;
constexpr qint64 kListenerTtlMs = 75'000;
constexpr qsizetype kNotifyPayloadMax = 7000; // PostgreSQL refuses payloads of 8,000 bytes

} // namespace

bool Market::sharedDatabase() const
{
    return m_store->database().dialect() == Dialect::Postgres;
}

void Market::publish(const QList<Change> &changes)
{
    QSet<qint64> balances;
    QSet<qint64> instances;
    QSet<qint64> hosts;
    QList<const Change *> warnings;
    for (const Change &change : changes) {
        switch (change.kind) {
        case Change::Kind::Instance:
            instances.insert(change.instanceId);
            break;
        case Change::Kind::BalanceWarning:
            warnings.append(&change);
            break;
        case Change::Kind::Balance:
            balances.insert(change.accountId);
            break;
        case Change::Kind::Command:
            hosts.insert(change.hostId);
            break;
        }
    }
    for (qint64 id : instances) {
        auto instance = m_store->instance(id);
        if (instance)
            publishToAccount(accountOfInstance(id),
                             protocol::toJson(protocol::AppEvent{protocol::InstanceEvent{*instance}}));
    }
    for (qint64 accountId : balances) {
        auto account = m_store->account(accountId);
        if (account)
            publishToAccount(accountId, protocol::toJson(protocol::AppEvent{protocol::BalanceEvent{
                                            account->balance_micro, account->currency, std::nullopt}}));
    }
    for (const Change *w : warnings) {
        auto account = m_store->account(w->accountId);
        if (!account)
            continue;
        protocol::BalanceEvent event{account->balance_micro, account->currency,
                                     protocol::BalanceWarning{w->threshold, w->burnMicroPerHour,
                                                              w->runwayS}};
        publishToAccount(w->accountId, protocol::toJson(protocol::AppEvent{event}));
    }
    for (qint64 hostId : hosts)
        kickAgent(hostId);
}

void Market::publishToAccount(qint64 accountId, const QJsonObject &event)
{
    if (!accountId)
        return;
    const QByteArray bytes = QJsonDocument(event).toJson(QJsonDocument::Compact);
    if (sharedDatabase() && bytes.size() < kNotifyPayloadMax) {
        // Every process (this one included) hears the notification and tells its own sockets.
        const QByteArray payload = QByteArray::number(accountId) + ' ' + bytes;
        auto r = m_store->database().exec(u"SELECT pg_notify('suanli_events', ?)"_s,
                                          {QString::fromUtf8(payload)});
        if (r)
            return;
    }
    deliverLocally(accountId, bytes);
}

void Market::publishTelemetry(qint64 accountId, const protocol::TelemetrySample &sample)
{
    if (!accountId)
        return;
    const bool local = m_apps.contains(accountId);
    const bool remote = sharedDatabase() && m_remoteListeners.value(accountId) > m_uptime.elapsed();
    if (!local && !remote)
        return; // nobody is watching: the samples are stored, the history endpoint has them
    const QByteArray bytes = QJsonDocument(protocol::toJson(protocol::AppEvent{
                                               protocol::TelemetryEvent{sample}}))
                                 .toJson(QJsonDocument::Compact);
    if (local)
        deliverLocally(accountId, bytes);
    if (remote) {
        QByteArray &pending = m_remoteTelemetry[accountId];
        if (pending.size() + bytes.size() + 32 > kNotifyPayloadMax)
            flushRemoteTelemetry(accountId);
        if (bytes.size() + 32 <= kNotifyPayloadMax) {
            QByteArray &batch = m_remoteTelemetry[accountId];
            if (batch.isEmpty())
                batch = QByteArray::number(accountId);
            batch += '\n' + bytes;
        }
    }
}

void Market::flushRemoteTelemetry(qint64 accountId)
{
    // Sent by the telemetry thread with the next batch, on its own connection (market.cpp).
    QByteArray batch = m_remoteTelemetry.take(accountId);
    if (!batch.isEmpty())
        m_relayOut.append(std::move(batch));
}

void Market::flushAllRemoteTelemetry()
{
    const auto accounts = m_remoteTelemetry.keys();
    for (qint64 accountId : accounts)
        flushRemoteTelemetry(accountId);
}

void Market::announceListener(qint64 accountId)
{
    if (!sharedDatabase())
        return;
    (void)m_store->database().exec(u"SELECT pg_notify('suanli_listeners', ?)"_s,
                                   {QString(u"+"_s + QString::number(accountId))});
}

void Market::announceListeners(bool force)
{
    if (!sharedDatabase())
        return;
    const qint64 now = m_uptime.elapsed();
    if (!force && now - m_lastAnnounceMs < kAnnounceEveryMs)
        return;
    m_lastAnnounceMs = now;
    const auto accounts = m_apps.uniqueKeys();
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

void Market::deliverLocally(qint64 accountId, const QByteArray &event)
{
    const auto sessions = m_apps.values(accountId);
    if (sessions.isEmpty())
        return;
    const QString text = QString::fromUtf8(event);
    for (AppSession *session : sessions)
        sendToApp(session, text);
}

void Market::onDatabaseNotification(const QString &name, bool fromSelf, const QVariant &payload)
{
    const QByteArray bytes = payload.toString().toUtf8();
    if (name == "suanli_events"_L1) {
        const qsizetype space = bytes.indexOf(' ');
        if (space > 0)
            deliverLocally(bytes.left(space).toLongLong(), bytes.mid(space + 1));
    } else if (name == "suanli_commands"_L1) {
        sendPendingCommands(bytes.toLongLong(), false);
    } else if (name == "suanli_offers"_L1) {
        if (!fromSelf)
            m_store->noteOffersChanged();
    } else if (name == "suanli_telemetry"_L1 && !fromSelf) {
        // "ACCOUNT\nEVENT\nEVENT…", already delivered to this process's own apps.
        const QList<QByteArray> lines = bytes.split('\n');
        const qint64 accountId = lines.value(0).toLongLong();
        for (qsizetype i = 1; i < lines.size(); ++i)
            deliverLocally(accountId, lines[i]);
    } else if (name == "suanli_listeners"_L1 && !fromSelf) {
        if (bytes == "?")
            announceListeners(true);
        else if (bytes.startsWith('+'))
            m_remoteListeners.insert(bytes.mid(1).toLongLong(), m_uptime.elapsed() + kListenerTtlMs);
    }
}

} // namespace suanli::server
