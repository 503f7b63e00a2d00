#pragma once

#include "protocol/agentmessages.h"
#include "protocol/moneymessages.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace suanli::client {

/// The app's events socket (GET /api/v1/events): instance changes, telemetry and balance as
/// typed signals. Reconnects on its own with exponential backoff and jitter (1 s doubling to
/// 30 s, protocol/backoff.h) and says where it is, so the status bar can show it. A close with 4401
/// (bad token) stops retrying: only a new token helps.
class EventStream : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        WaitingToReconnect,
        Unauthorized
    };
    Q_ENUM(State)

    explicit EventStream(QObject *parent = nullptr);
    ~EventStream() override;

    /// Connects to `baseUrl` (http/https; ws/wss is derived) with the token, now.
    void open(const QUrl &baseUrl, const QByteArray &token);
    void close();

    State state() const { return m_state; }
    /// When in WaitingToReconnect: milliseconds until the next attempt.
    int reconnectInMs() const;
    /// Backoff bounds; tests shorten them.
    void setBackoff(int firstMs, int maxMs)
    {
        m_firstDelayMs = firstMs;
        m_maxDelayMs = maxMs;
    }

signals:
    void stateChanged(suanli::client::EventStream::State state);
    void instanceChanged(const suanli::protocol::Instance &instance);
    void telemetry(const suanli::protocol::TelemetrySample &sample);
    void balanceChanged(qint64 balanceMicro, const QString &currency);
    /// The whole balance event, with the market's low-balance warning when it carries one.
    void balanceEvent(const suanli::protocol::BalanceEvent &event);
    /// The host's owner came back: the instance stops at `stop_at` (docs/contributor.md).
    void instanceNotice(const suanli::protocol::InstanceNoticeEvent &notice);
    /// A prepaid plan ends soon (docs/market.md, "Prepaid plans").
    void planNotice(const suanli::protocol::PlanNoticeEvent &notice);
    /// Money in and out (issue 18): a top-up order was paid; a payout changed state.
    void topUpChanged(const suanli::protocol::TopUpOrder &order);
    void payoutChanged(const suanli::protocol::Payout &payout);
    /// After a reconnect: events may have been missed, so callers reload what they show.
    void resynced();

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &text);
    void setState(State state);

    QWebSocket m_socket;
    QTimer m_retry;
    QUrl m_url;
    QByteArray m_token;
    State m_state = State::Disconnected;
    int m_failures = 0;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 30000;
    bool m_everConnected = false;
    bool m_wanted = false;
};

} // namespace suanli::client
