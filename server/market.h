#pragma once

#include "protocol/clock.h"
#include "metrics.h"
#include "sqlstore.h"

#include <QAbstractHttpServer>
#include <QCache>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

class QWebSocket;

namespace suanli::server {

class BillingWorker;
class TelemetryWorker;
struct TelemetryBatch;

/// A response before it is written: status, JSON (or other) body, content type.
struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
};

/// The market service: REST API, app events and agent channel over one port, billing timers.
/// Everything it knows lives in the Store; what it keeps in memory (sockets, caches, buffered
/// telemetry) is rebuilt from the database, so several processes can share one PostgreSQL.
/// The billing run and the telemetry roll-up run on a thread of their own (BillingWorker,
/// with its own connection); what they change comes back here to be told to apps and agents.
/// The per-second writes (telemetry samples, heartbeats, the relay of live telemetry) run on
/// another (TelemetryWorker, with a third connection); this thread only swaps buffers.
class Market : public QAbstractHttpServer
{
    Q_OBJECT
public:
    Market(std::unique_ptr<SqlStore> store, const Clock &clock, QObject *parent = nullptr);
    ~Market() override;

    /// Starts listening. With a TLS configuration, serves HTTPS/WSS.
    Result<quint16> start(const QHostAddress &address, quint16 port,
                          const std::optional<QSslConfiguration> &tls = std::nullopt);

    SqlStore &store() { return *m_store; }
    Metrics &metrics() { return m_metrics; }

    /// Timer work, public so tests with a manual clock can drive it step by step. These run on
    /// the calling thread, with the market's own connection; runBilling() is the whole run
    /// at once, as the billing thread's run would do it.
    void runBilling();
    /// Starts a billing run on the billing thread, as its timer does every 5 s (none if one is
    /// under way); billingRunFinished() follows once its events are out.
    void startBillingRun();
    /// Tests only: called on the billing thread before each batch of a run, with the first
    /// instance id the batch bills (a test holds a run there to act while it is under way).
    void setBillingHook(std::function<void(qint64)> hook);
    void checkHosts();
    /// Hands what is buffered (samples, heartbeats due, relays) to the telemetry thread and
    /// waits until it and every batch handed over before are written. Tests only (a blocking
    /// wait, like runBilling()); the timer uses startTelemetryFlush().
    void flushTelemetry();
    /// Hands what is buffered to the telemetry thread, as the 1 s timer does; while a batch is
    /// being written, the next one waits for it (and grows). telemetryFlushed() follows.
    void startTelemetryFlush();
    /// Tests only: called on the telemetry thread before each batch is written.
    void setTelemetryHook(std::function<void(quint64)> hook);
    void compactTelemetry();
    void retryCommands();
    /// Pings every app's events socket; drops those that did not answer the previous ping.
    void pingApps();

    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    /// A heartbeat is written to the database at most this often per host (and at once when
    /// its agent disconnects); the host-lost check allows --host-lost-after, far longer.
    static constexpr qint64 kLastSeenWriteEveryMs = 10'000;
    /// How long a cached offer search may be served when no offer changed in this process and
    /// no other process said one changed (suanli_offers).
    static constexpr qint64 kSearchCacheMs = 1000;
    /// An unacknowledged command is sent again after this long; the agent dedupes by id.
    static constexpr qint64 kCommandRetryMs = 10'000;
    static constexpr int kPingAppsEveryMs = 30'000;
    /// How long an instance's idle-stop setting is trusted before it is read again (a change
    /// through this process takes effect at once; through another, within this).
    static constexpr qint64 kIdleGuardCacheMs = 30'000;

    static constexpr int kBillingEveryMs = 5000;
    static constexpr int kCompactEveryMs = 60'000;

signals:
    /// A run of the billing thread ended and what it changed has been published.
    void billingRunFinished(bool ok);
    /// A batch of the telemetry thread was written (or failed) and its heartbeats settled here.
    void telemetryFlushed(bool ok);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct AgentSession;
    struct AppSession;

    HttpReply route(const QHttpServerRequest &request);
    Result<Principal> authenticate(const QByteArray &authorization);

    // REST handlers (market_http.cpp)
    HttpReply me(const Principal &who);
    HttpReply patchMe(const Principal &who, const QHttpServerRequest &request);
    HttpReply patchInstance(const Principal &who, qint64 id, const QHttpServerRequest &request);
    HttpReply instanceHistory(const Principal &who, qint64 id);
    HttpReply redeem(const Principal &who, const QHttpServerRequest &request);
    HttpReply offers(const QHttpServerRequest &request);
    HttpReply images();
    HttpReply pricing(const QHttpServerRequest &request);
    HttpReply createInstance(const Principal &who, const QHttpServerRequest &request);
    HttpReply listInstances(const Principal &who);
    HttpReply instanceAction(const Principal &who, qint64 id, const QString &action);
    HttpReply instanceLogs(const Principal &who, qint64 id, const QHttpServerRequest &request);
    HttpReply instanceTelemetry(const Principal &who, qint64 id,
                                const QHttpServerRequest &request);
    HttpReply ledger(const Principal &who, const QHttpServerRequest &request, bool csv);
    HttpReply createHost(const Principal &who, const QHttpServerRequest &request);
    HttpReply listHosts(const Principal &who);
    HttpReply patchHost(const Principal &who, qint64 id, const QHttpServerRequest &request);
    HttpReply earnings(const Principal &who);
    HttpReply metricsText();

    // WebSockets (market_sockets.cpp)
    void acceptWebSocket();
    void onAgentMessage(AgentSession *session, const QString &text);
    void sendPendingCommands(qint64 hostId, bool onlyDue);
    void sendToApp(AppSession *session, const QString &text);
    void flushLastSeen(qint64 hostId);
    TelemetryBatch takeTelemetryBatch();
    void handOver(TelemetryBatch &batch);
    void postTelemetry(TelemetryBatch batch);
    void onTelemetryWritten(quint64 seq, bool ok, bool async);

    // Events to apps, here and across processes (market_events.cpp)
    bool sharedDatabase() const;
    void publish(const QList<Change> &changes);
    void publishToAccount(qint64 accountId, const QJsonObject &event);
    void publishTelemetry(qint64 accountId, const protocol::TelemetrySample &sample);
    void flushRemoteTelemetry(qint64 accountId);
    void flushAllRemoteTelemetry();
    void announceListener(qint64 accountId);
    void announceListeners(bool force);
    void deliverLocally(qint64 accountId, const QByteArray &event);
    void onDatabaseNotification(const QString &name, bool fromSelf, const QVariant &payload);
    void kickAgent(qint64 hostId);
    qint64 accountOfInstance(qint64 instanceId);
    void trackIdle(const protocol::TelemetrySample &sample);

    std::unique_ptr<SqlStore> m_store;
    const Clock &m_clock;
    Metrics m_metrics;
    QThread m_billingThread;
    BillingWorker *m_billing = nullptr; ///< lives in m_billingThread, deleted when it ends
    QThread m_telemetryThread;
    TelemetryWorker *m_telemetry = nullptr; ///< lives in m_telemetryThread, deleted when it ends
    QTimer m_hostsTimer;
    QTimer m_flushTimer;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QHash<qint64, AgentSession *> m_agents;        ///< by host id, this process only
    QMultiHash<qint64, AppSession *> m_apps;       ///< by account id
    QList<protocol::TelemetrySample> m_telemetryBuffer;
    QHash<qint64, qint64> m_lastSeen;              ///< host id → ms, not yet written
    QHash<qint64, qint64> m_lastSeenWritten;       ///< host id → when it was last written
    /// Host id → the batch that carries its heartbeat to the telemetry thread: until that
    /// batch is written, checkHosts() leaves the host alone.
    QHash<qint64, quint64> m_heartbeatsInFlight;
    quint64 m_telemetryWrittenSeq = 0; ///< every batch up to this one is written (or failed)
    quint64 m_telemetrySeq = 0;    ///< seq of the last batch handed over
    int m_telemetryBatchesOut = 0; ///< handed over, not yet reported back
    bool m_telemetryFlushWanted = false; ///< a timer tick found a batch still being written
    QList<QByteArray> m_relayOut;  ///< full suanli_telemetry payloads for the next batch
    QElapsedTimer m_uptime;                        ///< monotonic, for caches and announcements
    QHash<qint64, qint64> m_remoteListeners;       ///< account → until (m_uptime ms)
    QHash<qint64, QByteArray> m_remoteTelemetry;   ///< account → batched events to relay
    qint64 m_lastAnnounceMs = 0;
    struct CachedSearch
    {
        QByteArray body;
        quint64 offersVersion = 0;
        qint64 storedAtMs = 0;
    };
    QCache<QString, CachedSearch> m_searchCache;   ///< canonical query → response body
    QHash<qint64, qint64> m_instanceAccount;       ///< cache: instance → owner account
    QHash<qint64, qint64> m_instanceHost;          ///< cache: instance → host
    struct IdleTrack
    {
        IdleGuard guard;
        qint64 loadedAtMs = 0; ///< m_uptime; the guard is re-read after kIdleGuardCacheMs
        bool known = false;    ///< idle below is what the database says
        bool idle = false;
    };
    QHash<qint64, IdleTrack> m_idle;               ///< instance → idle guard and state
};

} // namespace suanli::server
