#include "telemetryworker.h"

#include <QElapsedTimer>
#include <QSqlDriver>

using namespace Qt::StringLiterals;

namespace suanli::server {

TelemetryWorker::TelemetryWorker(QString databaseUrl, MarketPolicy policy, QString connectionName)
    : m_url(std::move(databaseUrl))
    , m_policy(std::move(policy))
    , m_connectionName(std::move(connectionName))
{
}

TelemetryWorker::~TelemetryWorker() = default;

void TelemetryWorker::open()
{
    auto db = Database::open(m_url, m_connectionName);
    if (!db) {
        qWarning("telemetry: cannot open its own connection: %s", qPrintable(db.error().message));
        return;
    }
    m_store = std::make_unique<SqlStore>(std::move(db).value(), m_policy);
    if (m_store->database().dialect() != Dialect::Postgres)
        return;
    // Relays of other processes arrive here; this connection's own are SelfSource, and the
    // market does not hand those to its apps twice (they had the samples at once).
    QSqlDriver *driver = m_store->database().handle().driver();
    driver->subscribeToNotification(u"suanli_telemetry"_s);
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source,
                   const QVariant &payload) {
                emit notified(name, source == QSqlDriver::SelfSource, payload);
            });
}

TelemetryWritten TelemetryWorker::write(const TelemetryBatch &batch)
{
    TelemetryWritten result{batch.seq, false, 0};
    emit aboutToWrite(batch.seq);
    if (!m_store)
        return result;
    QHash<qint64, qint64> heartbeats = std::exchange(m_unwritten, {});
    for (auto it = batch.heartbeats.constBegin(); it != batch.heartbeats.constEnd(); ++it) {
        qint64 &seen = heartbeats[it.key()];
        seen = std::max(seen, it.value());
    }
    QHash<qint64, qint64> confirmations = std::exchange(m_unconfirmed, {});
    for (auto it = batch.confirmations.constBegin(); it != batch.confirmations.constEnd(); ++it) {
        qint64 &at = confirmations[it.key()];
        at = std::max(at, it.value());
    }
    if (batch.samples.isEmpty() && heartbeats.isEmpty() && confirmations.isEmpty() &&
        batch.relay.isEmpty()) {
        result.ok = true;
        return result;
    }
    QElapsedTimer took;
    took.start();
    Database &db = m_store->database();
    // One commit (one fsync) for all of it. Each part is a savepoint inside, so a failing
    // part loses only itself.
    Transaction tx(db);
    bool ok = tx.started().ok();
    if (!ok) {
        qWarning("telemetry: %s", qPrintable(tx.started().error().message));
        m_unwritten = heartbeats;
        m_unconfirmed = confirmations;
    } else {
        if (auto r = m_store->insertTelemetry(batch.samples); !r) {
            qWarning("telemetry: %s", qPrintable(r.error().message));
            ok = false;
        }
        if (auto r = m_store->touchHosts(heartbeats); !r) {
            qWarning("heartbeats: %s", qPrintable(r.error().message));
            m_unwritten = heartbeats;
            ok = false;
        }
        if (auto r = m_store->confirmHosts(confirmations); !r) {
            qWarning("heartbeats: %s", qPrintable(r.error().message));
            m_unconfirmed = confirmations;
            ok = false;
        }
        if (!batch.relay.isEmpty()) {
            Transaction relay(db);
            bool sent = relay.started().ok();
            for (qsizetype i = 0; sent && i < batch.relay.size(); ++i)
                sent = db.exec(u"SELECT pg_notify('suanli_telemetry', ?)"_s,
                               {QString::fromUtf8(batch.relay[i])})
                           .ok();
            if (!sent || !relay.commit()) {
                qWarning("telemetry relay: cannot notify the other market processes");
                ok = false;
            }
        }
        if (auto c = tx.commit(); !c) {
            qWarning("telemetry: %s", qPrintable(c.error().message));
            m_unwritten = heartbeats;
            m_unconfirmed = confirmations;
            ok = false;
        }
    }
    result.ok = ok;
    result.seconds = took.nsecsElapsed() / 1e9;
    return result;
}

void TelemetryWorker::writeAndReport(const TelemetryBatch &batch)
{
    const TelemetryWritten r = write(batch);
    emit written(r.seq, r.ok, r.seconds);
}

} // namespace suanli::server
